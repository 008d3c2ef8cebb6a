"""``HOME/backups/<time>/chNN/kata.py``: what ``reset`` keeps and ``restore`` brings back."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.numkata-tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def new_backup_dir(home: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = home / "backups" / stamp
    counter = 1
    while target.exists():
        target = home / "backups" / f"{stamp}-{counter}"
        counter += 1
    return target


def _order(stamp: str) -> tuple[str, int]:
    """``20261130-091500`` and ``20261130-091500-2`` (a second backup in the same second)."""
    base, _, counter = stamp.partition("-")[2].partition("-")
    return stamp.split("-")[0] + base, int(counter) if counter.isdigit() else 0


def backups_of(home: Path, relpath: str) -> list[tuple[str, Path]]:
    """The kept versions of a kata file, oldest first: (time stamp, path)."""
    root = home / "backups"
    if not root.is_dir():
        return []
    found = [(d.name, d / relpath) for d in root.iterdir()
             if d.is_dir() and (d / relpath).is_file()]
    return sorted(found, key=lambda item: _order(item[0]))


def describe(stamp: str) -> str:
    """``20261130-091500`` -> ``2026-11-30 09:15:00``."""
    try:
        moment = datetime.strptime(stamp[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M:%S") + (f" (#{stamp[16:]})" if len(stamp) > 16 else "")


def matching(stamps: list[str], wanted: str) -> list[str]:
    """The stamps ``wanted`` names: a prefix of its digits (``20261130-0915``,
    ``2026-11-30 09:15``, ``20261130091500``), or the whole stamp."""
    if wanted in stamps:
        return [wanted]
    digits = "".join(c for c in wanted if c.isdigit())
    if not digits:
        return []
    return [s for s in stamps if "".join(c for c in s[:15] if c.isdigit()).startswith(digits)]
