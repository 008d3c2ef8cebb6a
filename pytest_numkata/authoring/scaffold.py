"""``numkata new``: a new kata's files, from templates, and its catalogue entry.

A kata ``chNN/<name>`` of a pack is its catalogue entry (``chNN.toml``) and, in the pack's
trees: the stub, the reference, the hidden checks module, the alternatives, for a code kata
(Build, Debug) the mutants, and where the pack keeps notes its "why it works" note. The
templates (``authoring/templates/``) are honest starting points, not placeholders that pass:
the stub is "not attempted", the reference raises until it is written, the checks module
holds a real check of the kata's function (or answer) that fails for every solution until
its worked example is written, the mutant and the alternative raise until written, and the
hints and the note are empty - so ``numkata dev check`` fails until the author has filled
every file.
"""

from __future__ import annotations

import importlib.util
import keyword
import re
from dataclasses import dataclass
from pathlib import Path

from ..packs.catalogue import CODE_TYPES, DIFFICULTIES, KATA_TYPES, fingerprint

TEMPLATES = Path(__file__).with_name("templates")
_ID = re.compile(r"^(ch[0-9]{2})/([a-z_][a-z0-9_]*)$")
_PARAM = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ScaffoldError(ValueError):
    """The kata cannot be scaffolded (a bad id, a file already there, no such pack tree)."""


@dataclass(frozen=True)
class Layout:
    """Where one pack's files go (``Pack`` says where an installed pack's are)."""

    catalogue_dir: Path
    stubs: Path
    reference: Path
    checks_dir: Path  # the directory of the checks package
    mutants: Path
    alternatives: Path
    why: Path | None = None  # the "why it works" notes, why/chNN.toml, when the pack has them

    @classmethod
    def of_pack(cls, pack) -> Layout:
        if pack.mutants is None or pack.alternatives is None:
            raise ScaffoldError(f"the {pack.name} pack is installed without its mutants and "
                                f"alternatives trees: add katas in its source (a clone, or "
                                f"--into the pack's folder)")
        if _installed_copy(Path(pack.catalogue_dir)):
            raise ScaffoldError(f"the {pack.name} pack is an installed copy "
                                f"({pack.catalogue_dir}): add katas to its source - "
                                f"--into its folder, or install it editable (pip install -e)")
        spec = importlib.util.find_spec(pack.checks_package)
        if spec is None or not spec.submodule_search_locations:
            raise ScaffoldError(f"the {pack.name} pack's checks package {pack.checks_package} "
                                f"cannot be found")
        return cls(Path(pack.catalogue_dir), Path(pack.stubs), Path(pack.reference),
                   Path(list(spec.submodule_search_locations)[0]), Path(pack.mutants),
                   Path(pack.alternatives), Path(pack.why) if pack.why else None)

    @classmethod
    def at(cls, directory: Path) -> Layout:
        """A pack folder in the standard layout (``packs.Pack.at``)."""
        d = Path(directory)
        return cls(d / "catalogue", d / "stubs", d / "reference", d / "checks", d / "mutants",
                   d / "alternatives", d / "why" if (d / "why").is_dir() else None)


@dataclass(frozen=True)
class NewKata:
    id: str  # chNN/name, the id inside its pack
    type: str
    title: str
    difficulty: str = "medium"
    function: str | None = None  # code katas; default: the kata's name
    params: tuple[str, ...] = ("x",)
    chapter_title: str | None = None  # a new chapter's title

    @property
    def chapter(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def is_code(self) -> bool:
        return self.type in CODE_TYPES


def _installed_copy(path: Path) -> bool:
    """Is ``path`` inside site-packages (a pack installed from a wheel, not its source)?"""
    import sysconfig

    resolved = path.resolve()
    for key in ("purelib", "platlib"):
        root = Path(sysconfig.get_paths()[key]).resolve()
        if resolved == root or root in resolved.parents:
            return True
    return False


def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                              keep_trailing_newline=True, trim_blocks=True,
                              lstrip_blocks=True, autoescape=False,
                              undefined=jinja2.StrictUndefined)


def _toml_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def check(kata: NewKata) -> None:
    if not _ID.match(kata.id):
        raise ScaffoldError(f"{kata.id!r} is not a kata id chNN/<name> (a two-digit chapter, "
                            f"a lower-case Python name)")
    if keyword.iskeyword(kata.name):
        raise ScaffoldError(f"{kata.name!r} is a Python keyword")
    if kata.type not in KATA_TYPES:
        raise ScaffoldError(f"type {kata.type!r} is not one of {', '.join(KATA_TYPES)}")
    if kata.difficulty not in DIFFICULTIES:
        raise ScaffoldError(f"difficulty {kata.difficulty!r} is not one of "
                            f"{', '.join(DIFFICULTIES)}")
    if kata.is_code:
        function = kata.function or kata.name
        if not _PARAM.match(function) or keyword.iskeyword(function):
            raise ScaffoldError(f"{function!r} is not a Python function name")
        bad = [p for p in kata.params if not _PARAM.match(p) or keyword.iskeyword(p)]
        if bad or not kata.params or len(set(kata.params)) != len(kata.params):
            raise ScaffoldError(f"parameters {', '.join(kata.params)}: distinct Python names")
    if not kata.title.strip():
        raise ScaffoldError("a kata needs a title")


def plan(layout: Layout, kata: NewKata) -> dict[Path, str]:
    """Every file to write (a new file's whole text); the catalogue file and the notes file
    are the ones that may exist already, and get the entry appended."""
    check(kata)
    env = _environment()
    function = (kata.function or kata.name) if kata.is_code else None
    values = {"id": kata.id, "name": kata.name, "type": kata.type, "title": kata.title,
              "title_toml": _toml_string(kata.title), "difficulty": kata.difficulty,
              "function": function, "params": ", ".join(kata.params),
              "example_arguments": "(...,)" if len(kata.params) == 1
              else "(" + ", ".join("..." for _ in kata.params) + ")",
              "pristine": None}
    kind = "code" if kata.is_code else "answer"
    rel = f"{kata.id}.py"
    stub = env.get_template(f"stub_{kind}.py.j2").render(values)
    if kata.type == "Debug":
        values["pristine"] = fingerprint(stub)
    files = {
        layout.stubs / rel: stub,
        layout.reference / rel: env.get_template(f"reference_{kind}.py.j2").render(values),
        layout.checks_dir / rel: env.get_template(f"checks_{kind}.py.j2").render(values),
        layout.alternatives / rel: env.get_template(f"alternatives_{kind}.py.j2").render(values),
    }
    if kata.is_code:
        files[layout.mutants / rel] = env.get_template("mutants.py.j2").render(values)
    package = layout.checks_dir / "__init__.py"
    if not package.exists():
        files[package] = '"""Hidden checks, one module a kata: checks/chNN/<name>.py."""\n'
    chapter_package = layout.checks_dir / kata.chapter / "__init__.py"
    if not chapter_package.exists():
        files[chapter_package] = f'"""Hidden checks for chapter {kata.chapter[2:]}."""\n'
    entry = env.get_template("catalogue_entry.toml.j2").render(values)
    toml = layout.catalogue_dir / f"{kata.chapter}.toml"
    if toml.exists():
        text = toml.read_text(encoding="utf-8")
        if re.search(rf'^name\s*=\s*"{re.escape(kata.name)}"\s*$', text, re.MULTILINE):
            raise ScaffoldError(f"{kata.id} is in the catalogue already ({toml})")
        files[toml] = text + ("" if text.endswith("\n") else "\n") + entry
    else:
        title = kata.chapter_title or f"Chapter {int(kata.chapter[2:])}"
        files[toml] = f'title = "{_toml_string(title)}"\n' + entry
    appended = [toml]
    if layout.why is not None:  # the note, empty until written (a pack with notes needs one)
        notes = layout.why / f"{kata.chapter}.toml"
        text = notes.read_text(encoding="utf-8") if notes.exists() else ""
        if re.search(rf"^\[{re.escape(kata.name)}\]\s*$", text, re.MULTILINE):
            raise ScaffoldError(f"{kata.id} has a note already ({notes})")
        note = env.get_template("why_entry.toml.j2").render(values)
        files[notes] = (text + ("" if not text or text.endswith("\n") else "\n") + note
                        if text else note.lstrip("\n"))
        appended.append(notes)
    taken = [p for p in files if p.exists() and p not in appended]
    if taken:
        raise ScaffoldError("refusing to overwrite " + ", ".join(str(p) for p in taken))
    return files


def scaffold(layout: Layout, kata: NewKata) -> list[Path]:
    """Write the kata's files and its catalogue entry; returns the paths written, the
    catalogue file last. Nothing is written when any file is already there."""
    files = plan(layout, kata)
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
