"""The built-in pack: numkata's own twelve chapters.

In a clone (or an editable install of one) its stubs and solutions are the repository's
``katas/`` and ``reference/`` trees, its mutants and alternatives ``tests/mutants`` and
``tests/alternatives``. A learner may be solving katas in that very ``katas/`` tree, so a
pristine stub (``numkata reset``, ``numkata init``) is the committed one (git's ``HEAD``) when
git has it, else the file on disk. An installed wheel has no such trees: its build put both into
``pytest_numkata/kata_bundle.json.gz`` (``bundle.py``), which is unpacked once into
numkata's cache directory (``NUMKATA_CACHE``, else ``$XDG_CACHE_HOME/numkata``, else
``~/.cache/numkata``) the first time the pack is asked for.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .catalogue import BUILTIN_CHECKS, BUILTIN_PACK, CATALOGUE_DIR, Kata
from .pack import Pack

TITLE = "Numerical methods behind machine learning"
PACKAGE_DIR = Path(__file__).resolve().parent.parent


def source_root() -> Path | None:
    """The clone this package lives in, or None (an installed wheel)."""
    root = PACKAGE_DIR.parent
    if (root / "katas").is_dir() and (root / "reference").is_dir() \
            and (root / "pyproject.toml").is_file():
        return root
    return None


@functools.lru_cache(maxsize=8)
def committed_tree(root: Path, tree: str = "katas") -> dict[str, str]:
    """``{"chNN/name": text}`` of the ``tree`` folder (``katas`` or ``reference``) committed at
    ``root``'s git HEAD (empty without git or outside a repository)."""
    import subprocess

    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "--name-only", "HEAD",
                                 tree], capture_output=True, text=True, timeout=60)
        paths = [p for p in listed.stdout.split() if p.endswith(".py")] \
            if listed.returncode == 0 else []
        if not paths:
            return {}
        batch = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"],
                               input="".join(f"HEAD:{p}\n" for p in paths).encode(),
                               capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if batch.returncode != 0:
        return {}
    out, data, pos = {}, batch.stdout, 0
    for path in paths:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        if len(header) < 3 or header[1] != b"blob":
            pos = end + 1
            continue
        size = int(header[2])
        out[path[len(tree) + 1:-3]] = data[end + 1:end + 1 + size].decode("utf-8")
        pos = end + 1 + size + 1
    return out


class ClonePack(Pack):
    """The built-in pack read from a clone: pristine stubs come from git when it has them."""

    def stub_text(self, kata: Kata) -> str:
        committed = committed_tree(Path(self.stubs).parent)
        if kata.local_id in committed:
            return committed[kata.local_id]
        return super().stub_text(kata)


def pack() -> Pack:
    root = source_root()
    if root is not None:
        tests = root / "tests"
        return ClonePack(
            name=BUILTIN_PACK, title=TITLE, catalogue_dir=CATALOGUE_DIR,
            checks_package=BUILTIN_CHECKS, stubs=root / "katas", reference=root / "reference",
            mutants=tests / "mutants" if (tests / "mutants").is_dir() else None,
            alternatives=tests / "alternatives" if (tests / "alternatives").is_dir() else None,
            why=PACKAGE_DIR / "why")
    from . import bundle  # a wheel only: gzip, json, tempfile stay off a clone's runs

    trees = bundle.unpacked(PACKAGE_DIR / bundle.BUNDLE_NAME)
    return Pack(name=BUILTIN_PACK, title=TITLE, catalogue_dir=CATALOGUE_DIR,
                checks_package=BUILTIN_CHECKS, stubs=trees / "katas",
                reference=trees / "reference", why=PACKAGE_DIR / "why")
