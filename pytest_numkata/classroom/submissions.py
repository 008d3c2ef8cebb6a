"""Finding learners in a SUBMISSIONS folder and reading their kata files safely.

Each entry of SUBMISSIONS is one learner, named by the entry (extension dropped):

- a folder containing ``katas/`` (a clone or a ``numkata init`` workspace),
- a folder that is itself a kata tree (``chNN/<kata>.py``),
- a ``.zip``, ``.tar.gz`` or ``.tgz`` of either (one wrapping top folder is allowed).

Only files whose path inside the tree is a catalogue kata id are taken, and only regular files
under ``MAX_FILE_BYTES``; everything else is ignored and named. Nothing is ever extracted to
disk: an archive member is read into memory only after its path, type and declared size passed,
and never more than ``MAX_FILE_BYTES + 1`` bytes of it are decompressed. A tar stream is read
through a counter that stops after ``MAX_ARCHIVE_BYTES`` of decompressed data.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..packs.catalogue import Catalogue, id_of_relpath

MAX_FILE_BYTES = 1024 * 1024  # a kata file is a few kilobytes; 1 MB and over is ignored
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024  # decompressed bytes read from one tar stream at most
MAX_MEMBERS = 20_000  # entries looked at in one submission
MAX_IGNORED_SHOWN = 200  # ignored paths named one by one; the rest are counted
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".zip")


class SubmissionError(Exception):
    """The submission as a whole cannot be read (a corrupt archive, a bomb)."""


@dataclass
class Submission:
    learner: str
    source: str  # the entry's path
    kind: str  # "folder", "kata tree", "zip", "tar.gz"
    files: dict[str, bytes] = field(default_factory=dict)  # kata id -> content
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    ignored_more: int = 0  # ignored paths beyond MAX_IGNORED_SHOWN
    problem: str | None = None  # why nothing could be graded, when that is the case

    def ignore(self, path: str, why: str) -> None:
        if len(self.ignored) < MAX_IGNORED_SHOWN:
            self.ignored.append((path, why))
        else:
            self.ignored_more += 1

    @property
    def file_hashes(self) -> dict[str, str]:
        return {k: hashlib.sha256(v).hexdigest() for k, v in sorted(self.files.items())}

    @property
    def sha256(self) -> str:
        """Identifies what is graded: the taken files (by hash) and any problem."""
        text = json.dumps({"files": self.file_hashes, "problem": self.problem}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def ignored_lines(self) -> list[str]:
        lines = [f"{path}: {why}" for path, why in self.ignored]
        if self.ignored_more:
            lines.append(f"... and {self.ignored_more} more")
        return lines


@dataclass
class Found:
    submissions: list[Submission]
    skipped: list[tuple[str, str]]  # entries of SUBMISSIONS that are not learners: (name, why)


def learner_name(entry: Path) -> str | None:
    name = entry.name
    for suffix in ARCHIVE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or None
    return name


def find(folder: Path, catalogue: Catalogue) -> Found:
    """Every learner in ``folder``, read, in name order."""
    submissions: list[Submission] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for entry in sorted(Path(folder).iterdir(), key=lambda p: p.name):
        name = entry.name
        if name.startswith("."):
            skipped.append((name, "hidden"))
            continue
        if entry.is_symlink():
            skipped.append((name, "a symbolic link (not followed)"))
            continue
        if entry.is_dir():
            learner, kind = name, "folder"
        elif entry.is_file() and name.lower().endswith(ARCHIVE_SUFFIXES):
            learner = learner_name(entry)
            kind = "zip" if name.lower().endswith(".zip") else "tar.gz"
        else:
            skipped.append((name, "not a folder, .zip or .tar.gz"))
            continue
        if not learner:
            skipped.append((name, "no learner name"))
            continue
        if learner in seen:
            skipped.append((name, f"a second submission of learner {learner!r} "
                                  f"(graded: {seen[learner]})"))
            continue
        seen[learner] = name
        submissions.append(read(entry, learner, kind, catalogue))
    return Found(submissions, skipped)


def read(entry: Path, learner: str, kind: str, catalogue: Catalogue) -> Submission:
    sub = Submission(learner=learner, source=str(entry), kind=kind)
    try:
        if kind == "folder":
            _read_folder(entry, sub, catalogue)
        elif kind == "zip":
            _read_zip(entry, sub, catalogue)
        else:
            _read_tar(entry, sub, catalogue)
    except SubmissionError as exc:
        sub.files.clear()
        sub.problem = str(exc)
    except OSError as exc:
        sub.files.clear()
        sub.problem = f"cannot be read: {exc.strerror or exc}"
    if sub.problem is None and not sub.files:
        sub.problem = ("no kata files found (expected katas/chNN/<kata>.py or chNN/<kata>.py)"
                       if not sub.ignored else
                       "no kata files found among its files (all ignored)")
    return sub


# ---------------------------------------------------------------------------- paths
def _safe_parts(name: str) -> tuple[str, ...] | None:
    """The parts of an archive member's path, or None when it is unsafe (absolute, ``..``,
    backslashes, drive letters)."""
    if not name or "\\" in name or name.startswith("/") or "\x00" in name:
        return None
    parts = tuple(p for p in PurePosixPath(name).parts if p not in ("", "."))
    if not parts or any(p == ".." for p in parts) or ":" in parts[0]:
        return None
    return parts


def _tree_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Where the kata tree starts: ``katas/``, or one wrapping folder, or its ``katas/``."""
    tops = {p[0] for p in paths if len(p) > 1}
    files_at_top = any(len(p) == 1 for p in paths)
    if "katas" in tops:
        return ("katas",)
    if len(tops) == 1 and not files_at_top:
        top = next(iter(tops))
        if not (len(top) == 4 and top.startswith("ch") and top[2:].isdigit()):
            inner = {p[1] for p in paths if len(p) > 2}
            return (top, "katas") if "katas" in inner else (top,)
    return ()


def _kata_id(parts: tuple[str, ...], prefix: tuple[str, ...], catalogue: Catalogue) -> str | None:
    if parts[: len(prefix)] != prefix:
        return None
    rest = parts[len(prefix):]
    if len(rest) not in (2, 3) or not rest[-1].endswith(".py"):
        return None
    kata_id = id_of_relpath("/".join(rest))  # chNN/name.py, or pack/chNN/name.py
    return kata_id if kata_id in catalogue.by_id else None


# ---------------------------------------------------------------------------- folders
def _read_folder(root: Path, sub: Submission, catalogue: Catalogue) -> None:
    entries: list[tuple[tuple[str, ...], Path, os.stat_result]] = []
    count = 0
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = Path(directory).relative_to(root).parts
        for d in list(dirnames):
            path = Path(directory) / d
            if path.is_symlink():
                sub.ignore("/".join(rel_dir + (d,)), "a symbolic link (not followed)")
                dirnames.remove(d)
            elif d.startswith("."):
                sub.ignore("/".join(rel_dir + (d,)) + "/", "hidden folder")
                dirnames.remove(d)
        dirnames.sort()
        for f in sorted(filenames):
            count += 1
            if count > MAX_MEMBERS:
                raise SubmissionError(f"more than {MAX_MEMBERS} files: not a kata submission")
            path = Path(directory) / f
            entries.append((rel_dir + (f,), path, path.lstat()))
    prefix = _tree_prefix([p for p, _, _ in entries])
    if (root / "katas").is_dir() and not (root / "katas").is_symlink():
        prefix = ("katas",)
    for parts, path, st in entries:
        rel = "/".join(parts)
        kata_id = _kata_id(parts, prefix, catalogue)
        if kata_id is None:
            sub.ignore(rel, "not a kata file")
        elif stat.S_ISLNK(st.st_mode):
            sub.ignore(rel, "a symbolic link (not followed)")
        elif not stat.S_ISREG(st.st_mode):
            sub.ignore(rel, "not a regular file")
        elif st.st_size >= MAX_FILE_BYTES:
            sub.ignore(rel, f"{_size(st.st_size)}: a kata file must be under 1 MB")
        else:
            with open(path, "rb") as handle:  # O_NOFOLLOW not needed: lstat said regular
                data = handle.read(MAX_FILE_BYTES)
            sub.files[kata_id] = data


# ---------------------------------------------------------------------------- zip
def _read_zip(path: Path, sub: Submission, catalogue: Catalogue) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise SubmissionError(f"not a readable zip archive ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise SubmissionError(f"more than {MAX_MEMBERS} members: not a kata submission")
        members = []
        for info in infos:
            if info.is_dir():
                continue
            parts = _safe_parts(info.filename)
            if parts is None:
                sub.ignore(info.filename, "unsafe path (absolute or ..): not extracted")
                continue
            if parts[0].startswith(".") or parts[0] == "__MACOSX":
                sub.ignore(info.filename, "hidden")
                continue
            members.append((parts, info))
        prefix = _tree_prefix([p for p, _ in members])
        for parts, info in members:
            rel = "/".join(parts)
            kata_id = _kata_id(parts, prefix, catalogue)
            mode = info.external_attr >> 16
            if kata_id is None:
                sub.ignore(rel, "not a kata file")
            elif stat.S_ISLNK(mode):
                sub.ignore(rel, "a symbolic link (not followed)")
            elif stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                sub.ignore(rel, "not a regular file")
            elif info.file_size >= MAX_FILE_BYTES:
                sub.ignore(rel, f"{_size(info.file_size)}: a kata file must be under 1 MB "
                                f"(not extracted)")
            else:
                try:
                    with archive.open(info) as member:
                        data = member.read(MAX_FILE_BYTES + 1)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
                        NotImplementedError) as exc:
                    raise SubmissionError(f"not a readable zip archive ({rel}: {exc})") from None
                if len(data) > MAX_FILE_BYTES:  # the header lied about the size
                    sub.ignore(rel, "larger than its declared size: not extracted")
                    continue
                sub.files[kata_id] = data


# ---------------------------------------------------------------------------- tar.gz
class _Counted:
    """A read-only stream that refuses to give more than ``limit`` bytes in total."""

    def __init__(self, raw, limit: int):
        self.raw, self.limit, self.count = raw, limit, 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self.limit - self.count + 1
        data = self.raw.read(min(size, self.limit - self.count + 1))
        self.count += len(data)
        if self.count > self.limit:
            raise SubmissionError(f"decompresses to more than {_size(self.limit)}: not a kata "
                                  f"submission (not extracted)")
        return data


def _read_tar(path: Path, sub: Submission, catalogue: Catalogue) -> None:
    import gzip

    members = []  # (parts, data or None, why-ignored or None)
    try:
        with gzip.open(path, "rb") as raw, tarfile.open(
                fileobj=_Counted(raw, MAX_ARCHIVE_BYTES), mode="r|") as archive:
            for count, info in enumerate(archive):
                if count >= MAX_MEMBERS:
                    raise SubmissionError(f"more than {MAX_MEMBERS} members: not a kata "
                                          f"submission")
                if info.isdir():
                    continue
                parts = _safe_parts(info.name)
                if parts is None:
                    sub.ignore(info.name, "unsafe path (absolute or ..): not extracted")
                    continue
                if parts[0].startswith("."):
                    sub.ignore(info.name, "hidden")
                    continue
                why = None
                if info.issym() or info.islnk():
                    why = "a link (not followed)"
                elif not info.isfile():
                    why = "not a regular file"
                elif info.size >= MAX_FILE_BYTES:
                    why = f"{_size(info.size)}: a kata file must be under 1 MB (not extracted)"
                data = None
                if why is None and parts[-1].endswith(".py"):
                    handle = archive.extractfile(info)  # a view into the stream, not a file
                    data = handle.read(MAX_FILE_BYTES) if handle else None
                members.append((parts, data, why))
    except SubmissionError:
        raise
    except (tarfile.TarError, OSError, EOFError, zlib_error()) as exc:
        raise SubmissionError(f"not a readable .tar.gz archive ({exc})") from None
    prefix = _tree_prefix([p for p, _, _ in members])
    for parts, data, why in members:
        rel = "/".join(parts)
        kata_id = _kata_id(parts, prefix, catalogue)
        if kata_id is None:
            sub.ignore(rel, "not a kata file")
        elif why is not None:
            sub.ignore(rel, why)
        elif data is not None:
            sub.files[kata_id] = data


def zlib_error():
    import zlib

    return zlib.error


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"
