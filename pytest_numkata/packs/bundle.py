"""The built-in pack's stubs and solutions, packed into one file for a wheel.

An installed wheel has no ``katas/`` or ``reference/`` tree, yet ``numkata init``, ``reset``
and ``solution`` need both. The wheel's build (``setup.py``, a ``build_py`` step) packs the two
trees of the source into ``pytest_numkata/kata_bundle.json.gz``; nothing generated is kept in
git. At run time ``unpacked`` turns the bundle back into two trees, once, in numkata's
cache directory. A clone or an editable install reads its trees directly (``packs/builtin.py``)
and has no bundle at all.

Standard library only, and importable by path: the build loads this file without importing
the package.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

BUNDLE_NAME = "kata_bundle.json.gz"
FORMAT = 1
TREES = ("katas", "reference")
_KATA_FILE = re.compile(r"^ch[0-9][0-9]/[A-Za-z_][A-Za-z0-9_]*\.py$")


class BundleError(LookupError):
    """The bundle is missing or cannot be read."""


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


def write(root: Path, target: Path) -> dict:
    """Pack ``root``'s trees into ``target``; refuses a root without both trees."""
    root = Path(root)
    if not (root / "katas").is_dir() or not (root / "reference").is_dir():
        raise BundleError(f"{root} has no katas/ and reference/ trees to bundle")
    data = build(root)
    if not data["katas"] or not data["reference"]:
        raise BundleError(f"{root}'s katas/ or reference/ tree holds no kata file")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_bytes(encode(data))
    return data


def read(path: Path) -> dict:
    try:
        data = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    except FileNotFoundError:
        raise BundleError(f"the kata bundle {path} is missing: this numkata was installed "
                          f"without its katas (reinstall it, or work in a clone)") from None
    except (OSError, ValueError, EOFError) as exc:
        raise BundleError(f"the kata bundle {path} cannot be read ({exc}): reinstall "
                          f"numkata") from None
    if data.get("format") != FORMAT:
        raise BundleError(f"the kata bundle {path} has format {data.get('format')!r}, this "
                          f"numkata reads {FORMAT}: reinstall numkata")
    return data


def cache_dir() -> Path:
    explicit = os.environ.get("NUMKATA_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "numkata"


def unpacked(path: Path) -> Path:
    """A directory holding the bundle's ``katas/`` and ``reference/`` trees, unpacked on first
    use into the cache directory (one folder per bundle content; written aside, then renamed
    into place, so a concurrent run sees all of it or none)."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise BundleError(f"the kata bundle {path} is missing: this numkata was installed "
                          f"without its katas (reinstall it, or work in a clone)") from None
    key = hashlib.sha256(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    target = cache_dir() / f"bundle-{key.hexdigest()[:16]}"
    if target.is_dir():
        return target
    data = read(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".bundle-", dir=target.parent))
    try:
        for tree in TREES:
            for kata_id, text in data[tree].items():
                if not _KATA_FILE.match(f"{kata_id}.py"):
                    raise BundleError(f"the kata bundle {path} names a bad file {kata_id!r}")
                file = scratch / tree / f"{kata_id}.py"
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(text, encoding="utf-8", newline="")
        try:
            os.rename(scratch, target)
        except OSError:
            if not target.is_dir():  # not another run that got there first
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target
