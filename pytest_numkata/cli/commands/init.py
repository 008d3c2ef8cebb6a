"""``numkata init DIR``: a fresh workspace of kata stubs, for a pip-installed numkata."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=common,
                       help="make a fresh workspace of kata stubs in DIR")
    p.add_argument("directory", metavar="DIR")
    p.set_defaults(func=run)


WORKSPACE_PYPROJECT = """\
# A numkata workspace: `pytest katas/ch00` attempts chapter 0 (numkata is a pytest plugin).
[tool.pytest.ini_options]
testpaths = ["katas"]
numkata_katas = "katas"
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
    from ... import bundle

    target = Path(args.directory).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise CliError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        raise CliError(f"{target} is not empty: numkata init makes a workspace in a new or "
                       f"empty directory")
    cat = ctx.catalogue
    stubs = bundle.load()["katas"]
    missing = [k.id for k in cat.katas if k.id not in stubs]
    if missing:
        raise CliError(f"numkata's bundle lacks the stubs of {', '.join(missing)}: regenerate "
                       f"it with `{bundle.REGENERATE}`", EXIT_REFUSED)
    (target / "katas").mkdir(parents=True, exist_ok=True)
    for kata in cat.katas:
        path = target / "katas" / kata.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(stubs[kata.id], encoding="utf-8", newline="")
    (target / "pyproject.toml").write_text(WORKSPACE_PYPROJECT, encoding="utf-8")
    (target / ".gitignore").write_text(WORKSPACE_GITIGNORE, encoding="utf-8")
    (target / "README.md").write_text(WORKSPACE_README, encoding="utf-8")
    s = ctx.style
    first = cat.chapters[0].id if cat.chapters else "ch00"
    ctx.out(f"{s('created', 'green')} {target}: {len(cat.katas)} katas in "
            f"{len(cat.chapters)} chapters")
    if ctx.verbosity >= 0:
        shown = os.path.relpath(target) if not str(os.path.relpath(target)).startswith("..") \
            else str(target)
        ctx.out(f"  cd {shown}")
        ctx.out(f"  pytest katas/{first}      # or: numkata watch")
    return EXIT_OK

