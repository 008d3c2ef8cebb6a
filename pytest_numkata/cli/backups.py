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
