"""``numkata init DIR [--pack NAME]``: a workspace of a kata pack's stubs.

In a new or empty directory it makes a fresh workspace; in an existing workspace it adds the
pack's stubs beside the learner's files, never overwriting one."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=common,
                       help="make a workspace of kata stubs in DIR (in an existing workspace: "
                            "add a pack's stubs, keeping every file there)")
    p.add_argument("directory", metavar="DIR")
    p.add_argument("--pack", metavar="NAME", default=None,
                   help="the kata pack whose stubs to write (default: numkata's own)")
    p.set_defaults(func=run)


WORKSPACE_PYPROJECT = """\
# A numkata workspace: `pytest katas/ch00` attempts chapter 0 (numkata is a pytest plugin).
[tool.pytest.ini_options]
testpaths = ["katas"]
numkata_katas = "katas"
# anyio's pytest plugin (watchfiles brings it) is of no use to katas: 0.09 s less each run
addopts = "-p no:anyio"
"""

WORKSPACE_GITIGNORE = """\
.numkata/
__pycache__/
.pytest_cache/
.hypothesis/
"""

WORKSPACE_README = """\
# My numkata katas

Katas for the numerical methods behind machine learning, graded by pytest. Edit the files
under `katas/` in any editor, then:

```bash
pytest katas/ch00                  # attempt a chapter (the next one opens once it is mastered)
pytest katas/ch00/machine_epsilon.py   # attempt one kata
numkata watch                      # grade every file you save, as you save it
numkata status                     # chapters, the next kata, your streak
numkata next --edit                # open the next kata in $EDITOR
numkata check                      # grade it (or: numkata check ch00)
numkata hint ch00/machine_epsilon  # one more hint each time
numkata reset ch00/machine_epsilon # the pristine stub back (yours is kept in .numkata/backups/)
numkata restore ch00/machine_epsilon  # your version back from that backup
numkata solution ch00/machine_epsilon  # the reference solution, once mastered
numkata report                     # the HTML mastery report
```

Progress lives in `.numkata/` (git-ignored); deleting it starts over.
"""


def run(ctx: Context, args: argparse.Namespace) -> int:
    from ... import packs, workspace

    target = Path(args.directory).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise CliError(f"{target} exists and is not a directory")
    existing = workspace.find(target) if target.is_dir() else None
    if existing is not None and existing.root != target:
        existing = None  # a folder inside a workspace is not that workspace
    if existing is None and target.is_dir() and any(target.iterdir()):
        raise CliError(f"{target} is not empty: numkata init makes a workspace in a new or "
                       f"empty directory, or adds a pack to an existing workspace")
    try:
        pack = packs.get(args.pack or packs.BUILTIN_PACK)
    except packs.PackError as exc:
        raise CliError(str(exc)) from None
    katas = packs.katas_of(pack.name)
    missing = [k.id for k in katas if not pack.stub_path(k).is_file()]
    if missing:
        raise CliError(f"the {pack.name} pack lacks the stubs of {', '.join(missing)} (looked "
                       f"in {pack.stubs})", EXIT_REFUSED)
    tree = existing.katas if existing is not None else target / "katas"
    written, kept = 0, []
    for kata in katas:
        path = tree / kata.relpath
        if path.exists() or path.is_symlink():
            kept.append(kata.id)  # the learner's file stays as it is
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pack.stub_text(kata), encoding="utf-8", newline="")
        written += 1
    s = ctx.style
    chapters = list(dict.fromkeys(k.chapter for k in katas))
    if existing is not None:
        stubs = "stub" if written == 1 else "stubs"
        ctx.out(f"{s('added', 'green')} the {pack.name} pack to {target}: {written} {stubs} "
                f"written, {len(kept)} kept as they were")
        if kept and ctx.verbosity > 0:
            ctx.out("  kept: " + ", ".join(kept))
        return EXIT_OK
    tree.mkdir(parents=True, exist_ok=True)
    (target / "pyproject.toml").write_text(WORKSPACE_PYPROJECT, encoding="utf-8")
    (target / ".gitignore").write_text(WORKSPACE_GITIGNORE, encoding="utf-8")
    (target / "README.md").write_text(WORKSPACE_README, encoding="utf-8")
    first = katas[0].relpath.rsplit("/", 1)[0] if katas else "ch00"
    ctx.out(f"{s('created', 'green')} {target}: {len(katas)} katas in "
            f"{len(chapters)} chapters")
    if ctx.verbosity >= 0:
        shown = os.path.relpath(target) if not str(os.path.relpath(target)).startswith("..") \
            else str(target)
        ctx.out(f"  cd {shown}")
        ctx.out(f"  pytest katas/{first}      # or: numkata watch")
    return EXIT_OK
