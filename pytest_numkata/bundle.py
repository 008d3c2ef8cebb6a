"""Pristine stubs and reference solutions shipped as package data.

A learner who installed numkata as a package has no ``katas/`` or ``reference/`` tree from the
repository, yet ``numkata init``, ``numkata reset`` and ``numkata solution`` need both. This
module packs the two trees into one gzip-compressed JSON file beside it
(``kata_bundle.json.gz``) and reads them back.

Regenerate it after any change under ``katas/`` or ``reference/`` (``tests/test_cli.py`` fails
until you do)::

    python -m pytest_numkata.bundle            # rewrite the bundle from the trees
    python -m pytest_numkata.bundle --check    # exit 1 when the bundle and the trees differ

Standard library only: the CLI imports it without NumPy or pytest.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import sys
from pathlib import Path

BUNDLE_PATH = Path(__file__).with_name("kata_bundle.json.gz")
FORMAT = 1
TREES = ("katas", "reference")
REGENERATE = "python -m pytest_numkata.bundle"
_KATA_FILE = re.compile(r"^ch[0-9][0-9]/[A-Za-z_][A-Za-z0-9_]*\.py$")


class BundleError(LookupError):
    """The bundle lacks what was asked for (or cannot be read)."""


def source_root() -> Path:
    """The repository root this package was installed from (meaningful in a clone only)."""
    return Path(__file__).resolve().parent.parent


def read_tree(directory: Path) -> dict[str, str]:
    """``{"chNN/name": text}`` for every kata file ``chNN/name.py`` under ``directory``."""
    out: dict[str, str] = {}
    if not directory.is_dir():
        return out
    for path in sorted(directory.glob("ch[0-9][0-9]/*.py")):
        rel = path.relative_to(directory).as_posix()
        if _KATA_FILE.match(rel):
            out[rel[:-3]] = path.read_text(encoding="utf-8")
    return out


def build(root: Path) -> dict:
    """The bundle's content, from ``root/katas`` and ``root/reference``."""
    return {"format": FORMAT, **{tree: read_tree(Path(root) / tree) for tree in TREES}}


def encode(data: dict) -> bytes:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def read(path: Path = BUNDLE_PATH) -> dict:
    try:
        data = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    except FileNotFoundError:
        raise BundleError(f"the kata bundle {path} is missing: regenerate it with "
                          f"`{REGENERATE}` in a numkata clone") from None
    except (OSError, ValueError, EOFError) as exc:
        raise BundleError(f"the kata bundle {path} cannot be read ({exc}): regenerate it "
                          f"with `{REGENERATE}` in a numkata clone") from None
    if data.get("format") != FORMAT:
        raise BundleError(f"the kata bundle {path} has format {data.get('format')!r}, this "
                          f"numkata reads {FORMAT}: regenerate it with `{REGENERATE}`")
    return data


@functools.lru_cache(maxsize=1)
def load() -> dict:
    return read(BUNDLE_PATH)


def text(tree: str, kata_id: str) -> str:
    """The shipped text of ``kata_id`` in ``tree`` ("katas" or "reference")."""
    try:
        return load()[tree][kata_id]
    except KeyError:
        raise BundleError(f"{kata_id} is not in numkata's bundled {tree}: this installation "
                          f"predates it (regenerate the bundle with `{REGENERATE}`)") from None


def differences(data: dict, expected: dict) -> list[str]:
    """What differs between two bundles, as short lines (empty when they agree)."""
    lines = []
    for tree in TREES:
        have, want = data.get(tree, {}), expected.get(tree, {})
        for kata_id in sorted(set(have) | set(want)):
            if kata_id not in have:
                lines.append(f"{tree}/{kata_id}.py is not in the bundle")
            elif kata_id not in want:
                lines.append(f"{tree}/{kata_id}.py is in the bundle but not in the tree")
            elif have[kata_id] != want[kata_id]:
                lines.append(f"{tree}/{kata_id}.py differs from the bundle")
    if data.get("format") != expected.get("format"):
        lines.append(f"format {data.get('format')!r} != {expected.get('format')!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_numkata.bundle",
        description="Pack katas/ and reference/ into pytest_numkata/kata_bundle.json.gz.")
    parser.add_argument("--root", type=Path, default=source_root(),
                        help="the repository root holding katas/ and reference/ "
                             "(default: the clone this package lives in)")
    parser.add_argument("--check", action="store_true",
                        help="only compare: exit 1 when the bundle and the trees differ")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "katas").is_dir() or not (root / "reference").is_dir():
        print(f"bundle: {root} has no katas/ and reference/ trees (run this in a numkata "
              f"clone)", file=sys.stderr)
        return 2
    expected = build(root)
    try:
        current = read(BUNDLE_PATH)
    except BundleError:
        current = {}
    diff = differences(current, expected)
    if args.check:
        if diff:
            print("\n".join(diff), file=sys.stderr)
            print(f"the kata bundle is out of date: regenerate it with `{REGENERATE}`",
                  file=sys.stderr)
            return 1
        print(f"bundle up to date ({len(expected['katas'])} stubs, "
              f"{len(expected['reference'])} references)")
        return 0
    if diff:
        BUNDLE_PATH.write_bytes(encode(expected))
        load.cache_clear()
    print(f"{'wrote' if diff else 'unchanged:'} {BUNDLE_PATH} ({len(expected['katas'])} stubs, "
          f"{len(expected['reference'])} references)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
