"""The ``numkata`` command: everything around attempting katas with pytest.

    numkata status [--json]          chapters, lock state, the next kata, your streak
    numkata hint KATA                the next hint (earlier ones stay visible)
    numkata reset KATA|CHAPTER       the pristine stub back (yours kept in HOME/backups/)
    numkata solution KATA [--force]  the reference solution, once the kata is mastered
    numkata watch [CHAPTER]          grade every kata file you save, with a warm process
    numkata init DIR                 a fresh workspace of stubs for an installed numkata
    numkata report                   rebuild the HTML report and print its link

Every command works offline and reads the same catalogue and progress store as the pytest
plugin. The kata tree is found by walking up from the current directory to the first
pyproject.toml or pytest.ini whose pytest options set ``numkata_katas``; the home is
``--home`` / ``NUMKATA_HOME`` / ``<root>/.numkata``.

Only the standard library and numkata's data modules are imported here (no NumPy, no pytest),
so the quick commands start quickly; ``watch`` imports the heavy parts once, in ``watch.py``.
"""

from __future__ import annotations

import argparse
import configparser
import difflib
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import __version__ as _version
from . import catalogue as catalogue_mod
from .catalogue import Catalogue, CatalogueError, Chapter, Kata
from .progress import STATUS_MASTERED, STATUS_REGRESSED, ProgressStore, StoreError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

EXIT_OK = 0
EXIT_REFUSED = 1  # a reasonable request numkata declines (solution before mastery, locked)
EXIT_USAGE = 2  # unknown ids, no kata tree, a home that does not exist


class CliError(Exception):
    """A message for the learner, and the exit status that goes with it."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------- output
class Style:
    """ANSI colours following pytest's rules: PY_COLORS, then NO_COLOR, then FORCE_COLOR,
    then whether the stream is a terminal; ``--color`` overrides them all."""

    CODES = {"red": "31", "green": "32", "yellow": "33", "blue": "34", "cyan": "36",
             "bold": "1", "dim": "2"}

    def __init__(self, stream, choice: str = "auto"):
        self.enabled = self.decide(stream, choice)

    @staticmethod
    def decide(stream, choice: str = "auto") -> bool:
        if choice == "yes":
            return True
        if choice == "no":
            return False
        env = os.environ
        if env.get("PY_COLORS") in ("0", "1"):
            return env["PY_COLORS"] == "1"
        if env.get("NO_COLOR"):
            return False
        if env.get("FORCE_COLOR"):
            return True
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty()) and env.get("TERM") != "dumb"

    def __call__(self, text: str, *names: str) -> str:
        if not self.enabled or not names:
            return text
        codes = ";".join(self.CODES[n] for n in names)
        return f"\x1b[{codes}m{text}\x1b[0m"


STATUS_COLOURS = {"mastered": ("green",), "regressed": ("yellow", "bold"),
                  "failing": ("red",), "not attempted": ("dim",)}


# ---------------------------------------------------------------------------- where things are
@dataclass(frozen=True)
class Workspace:
    root: Path
    katas: Path  # the learner's kata tree
    reference: Path  # the solved tree (present in a clone, absent in an init'ed workspace)

    def rel(self, path: Path) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def kata_path(self, kata: Kata) -> Path:
        return self.katas / kata.relpath

    def command(self, kata: Kata) -> str:
        return f"pytest {self.rel(self.kata_path(kata))}"


def _ini_options(directory: Path) -> dict | None:
    """The pytest ini options of ``directory``'s pyproject.toml or pytest.ini, if any."""
    pytest_ini = directory / "pytest.ini"
    if pytest_ini.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(pytest_ini, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            return None
        return dict(parser["pytest"]) if parser.has_section("pytest") else {}
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        return data.get("tool", {}).get("pytest", {}).get("ini_options")
    return None


def find_workspace(start: Path | None = None) -> Workspace | None:
    """Walk up from ``start`` to the first directory whose pytest options set numkata_katas."""
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        options = _ini_options(directory)
        if options and options.get("numkata_katas"):
            katas = str(options["numkata_katas"]).strip().strip('"')
            reference = str(options.get("numkata_reference") or "reference").strip().strip('"')
            return Workspace(directory, (directory / katas).resolve(),
                             (directory / reference).resolve())
    return None


NO_TREE = ("no kata tree here: no pyproject.toml or pytest.ini in {cwd} or above sets "
           "numkata_katas (run numkata inside your kata workspace, or make one with "
           "`numkata init DIR`)")


class Context:
    """What every command needs: the catalogue, the workspace, the home, the output style."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.verbosity = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
        self.style = Style(sys.stdout, getattr(args, "color", "auto"))
        self.err_style = Style(sys.stderr, getattr(args, "color", "auto"))
        self._workspace: Workspace | None = None
        self._catalogue: Catalogue | None = None

    # -- lazily resolved, so `numkata init` needs no tree and a bad home names itself
    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = catalogue_mod.load()
        return self._catalogue

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            found = find_workspace()
            if found is None:
                raise CliError(NO_TREE.format(cwd=Path.cwd()))
            self._workspace = found
        return self._workspace

    @property
    def home(self) -> Path:
        explicit = getattr(self.args, "home", None) or os.environ.get("NUMKATA_HOME")
        if explicit:
            home = Path(explicit).expanduser().resolve()
            if not home.is_dir():
                raise CliError(f"numkata home {home} does not exist: create it or name "
                               f"another directory")
            return home
        return self.workspace.root / ".numkata"

    def states(self) -> dict:
        with ProgressStore(self.home, create=False) as store:
            return store.states()

    def out(self, text: str = "") -> None:
        print(text)

    def warn(self, text: str) -> None:
        print(self.err_style(text, "yellow"), file=sys.stderr)


# ---------------------------------------------------------------------------- naming katas
def _normal_id(text: str, ctx: Context | None = None) -> str:
    """``katas/ch01/x.py``, ``./ch01/x``, ``ch01\\x.py``, an absolute path -> ``ch01/x``."""
    text = text.strip().replace("\\", "/")
    if ctx is not None and ("/" in text or text.endswith(".py")):
        try:
            path = Path(text).expanduser()
            absolute = (Path.cwd() / path).resolve() if not path.is_absolute() else path.resolve()
            workspace = find_workspace()
            if workspace is not None:
                for tree in (workspace.katas, workspace.reference):
                    try:
                        text = absolute.relative_to(tree).as_posix()
                        break
                    except ValueError:
                        continue
        except (OSError, ValueError):
            pass
    if text.endswith(".py"):
        text = text[:-3]
    for prefix in ("./", "katas/", "reference/"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.strip("/")


def _unknown(what: str, text: str, choices: list[str]) -> CliError:
    """The error for an unknown id, suggesting close ids (a bare name suggests its id)."""
    ids = {c: c for c in choices}
    ids.update({c.split("/", 1)[1]: c for c in choices if "/" in c})
    close = []
    for match in difflib.get_close_matches(_normal_id(text), list(ids), n=6, cutoff=0.6):
        if ids[match] not in close:
            close.append(ids[match])
    close = close[:3]
    tip = f" - did you mean {' or '.join(close)}?" if close else ""
    listing = "" if close else " (`numkata status -v` lists them)"
    return CliError(f"unknown {what} {text!r}{tip}{listing}")


def resolve_kata(ctx: Context, text: str) -> Kata:
    cat = ctx.catalogue
    kata_id = _normal_id(text, ctx)
    if kata_id in cat.by_id:
        return cat.by_id[kata_id]
    by_name = [k for k in cat.katas if k.name == kata_id]
    if len(by_name) == 1:
        return by_name[0]
    if kata_id in cat.chapter_by_id:
        raise CliError(f"{kata_id} is a chapter; name one of its katas, e.g. "
                       f"{cat.chapter_by_id[kata_id].katas[0].id}" if
                       cat.chapter_by_id[kata_id].katas else f"{kata_id} is an empty chapter")
    raise _unknown("kata", text, [k.id for k in cat.katas])


def resolve_chapter(ctx: Context, text: str) -> Chapter:
    cat = ctx.catalogue
    chapter_id = _normal_id(text, ctx)
    if chapter_id.isdigit():
        chapter_id = f"ch{int(chapter_id):02d}"
    if chapter_id in cat.chapter_by_id:
        return cat.chapter_by_id[chapter_id]
    raise _unknown("chapter", text, [c.id for c in cat.chapters])


def resolve_target(ctx: Context, text: str) -> tuple[str, list[Kata]]:
    """A kata id or a chapter id -> (what was named, its katas)."""
    normal = _normal_id(text, ctx)
    if normal in ctx.catalogue.chapter_by_id or normal.isdigit():
        chapter = resolve_chapter(ctx, text)
        return chapter.id, list(chapter.katas)
    try:
        kata = resolve_kata(ctx, text)
    except CliError as exc:
        cat = ctx.catalogue
        raise _unknown("kata or chapter", text,
                       [k.id for k in cat.katas] + [c.id for c in cat.chapters]) from exc
    return kata.id, [kata]


# ---------------------------------------------------------------------------- pristine text
def stub_text(kata: Kata) -> str:
    from . import bundle

    return bundle.text("katas", kata.id)


def reference_text(ctx: Context, kata: Kata) -> tuple[str, str]:
    """The solution's text and where it came from: the clone's reference/ tree if there is
    one, else the bundle shipped with the package."""
    from . import bundle

    try:
        path = ctx.workspace.reference / kata.relpath
    except CliError:
        path = None
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8"), ctx.workspace.rel(path)
    return bundle.text("reference", kata.id), "numkata's bundled reference"


# ---------------------------------------------------------------------------- status
def _streak(home: Path):
    from .report.data import read_store
    from .report.streaks import compute_streak

    data = read_store(home)
    today = datetime.now().astimezone().date()
    return compute_streak((d for d, (n, _passed) in data.days.items() if n > 0), today)


def status_data(ctx: Context) -> dict:
    from .unlocking import chapter_progress, locked_message, next_kata

    cat, home = ctx.catalogue, ctx.home
    states = ctx.states()
    progress = chapter_progress(cat, states)
    upcoming = next_kata(progress)
    streak = _streak(home)
    chapters, katas = [], []
    for p in progress:
        regressed = sum(1 for s in p.statuses.values() if s == STATUS_REGRESSED)
        chapters.append({
            "id": p.chapter.id, "title": p.chapter.title, "unlocked": p.unlocked,
            "mastered": p.mastered, "regressed": regressed, "total": p.total,
            "locked_message": None if p.unlocked else locked_message(progress, p.chapter.id),
        })
        for kata in p.chapter.katas:
            state = states.get(kata.id)
            katas.append({
                "id": kata.id, "chapter": kata.chapter, "title": kata.title,
                "type": kata.type, "difficulty": kata.difficulty,
                "status": p.statuses[kata.id].replace(" ", "_"), "locked": not p.unlocked,
                "attempts": state.attempts if state else 0,
                "hints_used": min(state.hints_used, len(kata.hints)) if state else 0,
                "hints_total": len(kata.hints),
                "path": ctx.workspace.rel(ctx.workspace.kata_path(kata)),
            })
    mastered = sum(c["mastered"] for c in chapters)
    return {
        "root": str(ctx.workspace.root),
        "home": str(home),
        "katas_total": len(cat.katas),
        "mastered": mastered,
        "chapters": chapters,
        "katas": katas,
        "next": ({"id": upcoming.id, "title": upcoming.title, "type": upcoming.type,
                  "difficulty": upcoming.difficulty,
                  "command": ctx.workspace.command(upcoming)} if upcoming else None),
        "all_mastered": mastered == len(cat.katas) and len(cat.katas) > 0,
        "streak": {"current": streak.current, "best": streak.best,
                   "last_active": streak.last_active.isoformat() if streak.last_active else None,
                   "at_risk": streak.at_risk},
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    data = status_data(ctx)
    if args.json:
        print(json.dumps(data, indent=2))
        return EXIT_OK
    s = ctx.style
    by_chapter: dict[str, list[dict]] = {}
    for kata in data["katas"]:
        by_chapter.setdefault(kata["chapter"], []).append(kata)
    if ctx.verbosity >= 0:
        total = data["katas_total"]
        percent = int(100 * data["mastered"] / total) if total else 0
        ctx.out(s(f"numkata: {data['mastered']} of {total} katas mastered ({percent}%)", "bold"))
        width = max((len(f"{c['id']} {c['title']}") for c in data["chapters"]), default=0)
        for chapter in data["chapters"]:
            name = f"{chapter['id']} {chapter['title']}".ljust(width)
            if chapter["unlocked"]:
                done = chapter["mastered"] == chapter["total"]
                text = f"{chapter['mastered']}/{chapter['total']} mastered"
                if chapter["regressed"]:
                    text += f" ({chapter['regressed']} regressed)"
                ctx.out(f"  {name}  {s(text, 'green' if done else 'cyan')}")
            else:
                reason = chapter["locked_message"].split(" - ", 1)[1]
                ctx.out(f"  {s(name, 'dim')}  {s('locked', 'dim')} {s('(' + reason + ')', 'dim')}")
            if ctx.verbosity >= 1 and (chapter["unlocked"] or ctx.verbosity >= 2):
                for kata in by_chapter.get(chapter["id"], []):
                    status = kata["status"].replace("_", " ")
                    hints = (f", {kata['hints_used']}/{kata['hints_total']} hints"
                             if kata["hints_used"] else "")
                    ctx.out(f"      {kata['id']:<34} {s(status, *STATUS_COLOURS[status])}"
                            f"  ({kata['type']}, {kata['difficulty']}{hints})")
    upcoming = data["next"]
    if upcoming:
        ctx.out(f"next: {s(upcoming['id'], 'bold')} ({upcoming['type']}, "
                f"{upcoming['difficulty']}) - {upcoming['command']}")
    elif data["all_mastered"]:
        ctx.out(s("every kata mastered - well done", "green", "bold"))
    streak = data["streak"]
    if streak["current"]:
        line = f"streak: {_plural(streak['current'], 'day')} (best {streak['best']})"
        if streak["at_risk"]:
            line += " - practise today to keep it"
        ctx.out(line)
    elif ctx.verbosity >= 0:
        best = f" (best {streak['best']})" if streak["best"] else ""
        ctx.out(f"streak: none yet{best} - grade a kata today to start one")
    return EXIT_OK


# ---------------------------------------------------------------------------- hint
def show_hint(ctx: Context, kata: Kata) -> int:
    """Show the hints used so far plus one more (recorded), or all of them when used up."""
    total = len(kata.hints)
    with ProgressStore(ctx.home) as store:
        state = store.states().get(kata.id)
        used = state.hints_used if state else 0
        new = used < total
        if new:
            used = store.record_hint(kata.id)
    shown = min(used, total)
    s = ctx.style
    ctx.out(s(f"{kata.id} - {kata.title} ({kata.type})", "bold"))
    for number, text in enumerate(kata.hints[:shown], start=1):
        newest = new and number == shown
        label = f"hint {number}/{total}:"
        if newest:
            ctx.out(f"{s(label, 'cyan', 'bold')} {text}")
        elif ctx.verbosity >= 0 or number == shown:
            ctx.out(f"{s(label, 'dim')} {text}")
    if shown < total:
        ctx.out(s(f"`numkata hint {kata.id}` again shows hint {shown + 1} of {total}", "dim"))
    elif new:
        ctx.out(s(f"that was the last hint ({total} of {total} shown)", "dim"))
    else:
        ctx.out(s(f"all {total} hints are shown - there are no more for {kata.id}", "yellow"))
    return EXIT_OK


def cmd_hint(ctx: Context, args: argparse.Namespace) -> int:
    kata = resolve_kata(ctx, args.kata)
    ctx.home  # noqa: B018 - a named home that does not exist is reported before anything
    return show_hint(ctx, kata)


# ---------------------------------------------------------------------------- reset
def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.numkata-tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _backup_dir(home: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = home / "backups" / stamp
    counter = 1
    while target.exists():
        target = home / "backups" / f"{stamp}-{counter}"
        counter += 1
    return target


def cmd_reset(ctx: Context, args: argparse.Namespace) -> int:
    named, katas = resolve_target(ctx, args.target)
    ws, home = ctx.workspace, ctx.home
    pristine = {k.id: stub_text(k) for k in katas}  # every stub found before anything changes
    backups: Path | None = None
    s = ctx.style
    changed = 0
    for kata in katas:
        path = ws.kata_path(kata)
        new = pristine[kata.id].encode("utf-8")
        if path.exists():
            current = path.read_bytes()
            if current == new:
                if ctx.verbosity >= 0:
                    ctx.out(f"{kata.id}: already pristine")
                continue
            if backups is None:
                backups = _backup_dir(home)
            saved = backups / kata.relpath
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(current)
            _write_atomic(path, new)
            ctx.out(f"{kata.id}: {s('reset', 'green')} - your version is kept in "
                    f"{_display(saved, ws)}")
        else:
            _write_atomic(path, new)
            ctx.out(f"{kata.id}: {s('restored', 'green')} (the file was missing)")
        changed += 1
    if ctx.verbosity >= 0 and len(katas) > 1:
        ctx.out(f"{named}: {changed} of {len(katas)} katas reset")
    return EXIT_OK


def _display(path: Path, ws: Workspace) -> str:
    rel = ws.rel(path)
    return rel if not os.path.isabs(rel) else str(path)


# ---------------------------------------------------------------------------- solution
def cmd_solution(ctx: Context, args: argparse.Namespace) -> int:
    kata = resolve_kata(ctx, args.kata)
    state = ctx.states().get(kata.id)
    mastered = state is not None and state.mastered
    if not mastered and not args.force:
        raise CliError(
            f"{kata.id} is not mastered yet: its solution opens once you master it "
            f"({ctx.workspace.command(kata)}). To see it anyway: "
            f"numkata solution {kata.id} --force", EXIT_REFUSED)
    text, source = reference_text(ctx, kata)
    if not mastered:
        ctx.warn(f"warning: {kata.id} is not mastered yet - reading a solution first takes "
                 f"away most of what the kata teaches. Showing it because of --force.")
    if ctx.verbosity >= 0:
        ctx.out(ctx.style(f"# {kata.id} - reference solution ({source})", "bold"))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if mastered and state.status != STATUS_MASTERED and ctx.verbosity >= 0:
        ctx.out(ctx.style(f"# note: {kata.id} is regressed - your version fails now", "yellow"))
    return EXIT_OK


# ---------------------------------------------------------------------------- init
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
numkata hint ch00/machine_epsilon  # one more hint each time
numkata reset ch00/machine_epsilon # the pristine stub back (yours is kept in .numkata/backups/)
numkata solution ch00/machine_epsilon  # the reference solution, once mastered
numkata report                     # the HTML mastery report
```

Progress lives in `.numkata/` (git-ignored); deleting it starts over.
"""


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from . import bundle

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


# ---------------------------------------------------------------------------- report
def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    from .report import write_report

    output = Path(args.output).resolve() if args.output else None
    path = write_report(ctx.home, ctx.catalogue, output=output)
    print(path.resolve().as_uri())
    return EXIT_OK


# ---------------------------------------------------------------------------- watch
def cmd_watch(ctx: Context, args: argparse.Namespace) -> int:
    from .watch import run

    return run(ctx, args)


# ---------------------------------------------------------------------------- parsing
def _common(suppress: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="where progress lives (env NUMKATA_HOME; default .numkata/ "
                             "under the kata tree's root); it must exist")
    parser.add_argument("-v", "--verbose", action="count",
                        default=argparse.SUPPRESS if suppress else 0,
                        help="say more (repeatable)")
    parser.add_argument("-q", "--quiet", action="count",
                        default=argparse.SUPPRESS if suppress else 0,
                        help="say less (repeatable)")
    parser.add_argument("--color", choices=("auto", "yes", "no"),
                        default=argparse.SUPPRESS if suppress else "auto",
                        help="colour output (default auto: NO_COLOR, FORCE_COLOR and "
                             "whether output is a terminal decide)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numkata", parents=[_common(False)],
        description="numkata: katas for the numerical methods behind machine learning. "
                    "Attempt katas with pytest (pytest katas/ch00); these commands help "
                    "around it.")
    parser.add_argument("--version", action="version", version=f"numkata {_version}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = [_common(True)]

    p = sub.add_parser("status", parents=common,
                       help="chapters, lock state, the next kata and your streak")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("hint", parents=common,
                       help="show the next hint of a kata (earlier ones stay visible)")
    p.add_argument("kata", help="a kata id such as ch01/log_sum_exp (or its file)")
    p.set_defaults(func=cmd_hint)

    p = sub.add_parser("reset", parents=common,
                       help="restore a kata's (or a chapter's) pristine stub; your version "
                            "is kept in HOME/backups/")
    p.add_argument("target", metavar="KATA|CHAPTER", help="e.g. ch01/log_sum_exp or ch01")
    p.set_defaults(func=cmd_reset)

    p = sub.add_parser("solution", parents=common,
                       help="show a kata's reference solution once you have mastered it")
    p.add_argument("kata")
    p.add_argument("--force", action="store_true",
                   help="show it even though the kata is not mastered yet")
    p.set_defaults(func=cmd_solution)

    p = sub.add_parser("watch", parents=common,
                       help="grade each kata file as you save it (keys: h hint, n next, "
                            "r rerun, c chapter, q quit)")
    p.add_argument("chapter", nargs="?", help="watch this chapter only (default: all of "
                                              "katas/, starting at the next kata)")
    p.add_argument("--poll", action="store_true",
                   help="poll for changes instead of waiting for file-system events (network "
                        "drives, containers, WSL)")
    p.add_argument("--poll-interval", type=float, default=0.1, metavar="SECONDS",
                   help="how often --poll looks (default 0.1)")
    p.add_argument("--whole-chapter", action="store_true",
                   help="grade the saved kata's whole chapter on each save, not just the kata")
    p.add_argument("--no-initial", action="store_true",
                   help="do not grade anything until the first save")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("init", parents=common,
                       help="make a fresh workspace of kata stubs in DIR")
    p.add_argument("directory", metavar="DIR")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("report", parents=common,
                       help="rebuild the HTML mastery report (runs nothing) and print its link")
    p.add_argument("--output", metavar="FILE", default=None,
                   help="where to write it (default HOME/report.html)")
    p.set_defaults(func=cmd_report)

    from .classroom import command as grade  # numkata grade: stdlib only until it runs
    p = sub.add_parser("grade", parents=common, help="grade a class's submissions (teachers)")
    grade.add_arguments(p)
    p.set_defaults(func=lambda ctx, args: grade.run(args))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    ctx = Context(args)
    name = f"numkata {args.command}"
    try:
        return args.func(ctx, args)
    except CliError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return exc.code
    except (StoreError, CatalogueError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except LookupError as exc:  # bundle.BundleError
        print(f"{name}: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # `numkata status | head`
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except OSError as exc:
        print(f"{name}: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
