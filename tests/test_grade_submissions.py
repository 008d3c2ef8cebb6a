"""Reading submissions (no grading): layouts, archives, and archives that try to hurt."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile

import pytest

from pytest_numkata.classroom import submissions

from .classroom_helpers import CAT, reference, stub


def _tar(path, members):
    with tarfile.open(path, "w:gz", compresslevel=1) as t:
        for name, data, kind in members:
            info = tarfile.TarInfo(name)
            if kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
                t.addfile(info)
            elif kind == "big":
                info.size = data
                t.addfile(info, io.BytesIO(bytes(data)))
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))


def test_layouts_and_names(tmp_path):
    (tmp_path / "a" / "katas" / "ch00").mkdir(parents=True)
    (tmp_path / "a" / "katas" / "ch00" / "fp32_max.py").write_bytes(reference("ch00/fp32_max"))
    (tmp_path / "b" / "ch01").mkdir(parents=True)
    (tmp_path / "b" / "ch01" / "variance.py").write_bytes(stub("ch01/variance"))
    (tmp_path / "b" / "ch01" / "unknown_kata.py").write_text("x = 1\n")
    _tar(tmp_path / "c.tgz", [("c/ch00/fp32_max.py", b"ANSWER = 1\n", "file")])
    (tmp_path / "a.zip").write_bytes(b"")  # a second "a"
    found = submissions.find(tmp_path, CAT)
    by = {s.learner: s for s in found.submissions}
    assert set(by) == {"a", "b", "c"}
    assert set(by["a"].files) == {"ch00/fp32_max"}
    assert set(by["b"].files) == {"ch01/variance"}
    assert "ch01/unknown_kata.py: not a kata file" in by["b"].ignored_lines()
    assert set(by["c"].files) == {"ch00/fp32_max"}
    assert [name for name, _ in found.skipped] == ["a.zip"]


def test_tar_links_traversal_and_size(tmp_path):
    _tar(tmp_path / "t.tar.gz", [
        ("katas/ch00/fp32_max.py", None, "symlink"),
        ("../outside/ch00/fp16_65536.py", b"x", "file"),
        ("/abs/ch00/bf16_integers.py", b"x", "file"),
        ("katas/ch00/machine_epsilon.py", 2 * 1024 * 1024, "big"),
        ("katas/ch00/spacing_1024.py", reference("ch00/spacing_1024"), "file"),
    ])
    sub = submissions.find(tmp_path, CAT).submissions[0]
    assert set(sub.files) == {"ch00/spacing_1024"}
    text = "\n".join(sub.ignored_lines())
    assert "fp32_max.py: a link" in text and "unsafe path" in text and "2.0 MB" in text
    assert not (tmp_path / "outside").exists() and not (tmp_path / "abs").exists()


def test_tar_bomb_stops_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(submissions, "MAX_ARCHIVE_BYTES", 4 * 1024 * 1024)
    _tar(tmp_path / "bomb.tar.gz", [("katas/ch00/x.bin", 16 * 1024 * 1024, "big"),
                                   ("katas/ch00/fp32_max.py", b"ANSWER = 1\n", "file")])
    assert (tmp_path / "bomb.tar.gz").stat().st_size < 1024 * 1024
    sub = submissions.find(tmp_path, CAT).submissions[0]
    assert sub.files == {} and "decompresses to more than 4.0 MB" in sub.problem


def test_zip_symlink_member_and_lying_size(tmp_path, monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        info = zipfile.ZipInfo("katas/ch00/fp32_max.py")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(info, "/etc/passwd")
        z.writestr("katas/ch00/spacing_1024.py", b"#" * 5000)
        z.writestr("C:/windows/ch00/bf16_integers.py", b"x")
    (tmp_path / "z.zip").write_bytes(buffer.getvalue())
    monkeypatch.setattr(submissions, "MAX_FILE_BYTES", 4096)
    # a header that says small but data that is bigger: only MAX_FILE_BYTES + 1 bytes are read
    real_open = zipfile.ZipFile.open
    infos = []

    def spy(self, name, *a, **k):
        infos.append(name)
        return real_open(self, name, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    sub = submissions.find(tmp_path, CAT).submissions[0]
    text = "\n".join(sub.ignored_lines())
    assert "fp32_max.py: a symbolic link" in text
    assert "spacing_1024.py" in text and sub.files == {}
    assert "unsafe path" in text
    assert all(getattr(i, "filename", i) != "katas/ch00/fp32_max.py" for i in infos)


@pytest.mark.parametrize("data", [b"", b"PK\x05\x06" + b"\0" * 18, b"\x1f\x8b garbage"])
def test_corrupt_archives(tmp_path, data):
    (tmp_path / "x.zip").write_bytes(data)
    (tmp_path / "y.tar.gz").write_bytes(data)
    for sub in submissions.find(tmp_path, CAT).submissions:
        assert sub.files == {} and sub.problem, sub
