"""Compiled report templates, kept between runs the way Python keeps its bytecode.

Every recorded run writes the mastery report, and compiling its Jinja2 templates costs a cold
run about 0.15 s of CPU (the lexer, parser and code generator over some 600 lines of markup),
the same work each time. ``TemplateCache`` is a Jinja2 bytecode cache with the rules of
Python's own ``__pycache__``, so it is trusted exactly as far as numkata's own ``.pyc`` files:

- it lives in the ``__pycache__/`` of the package that holds the templates
  (``report/__pycache__/templates.jinja2/``), or under ``sys.pycache_prefix`` when that is set
  (``PYTHONPYCACHEPREFIX``), mirroring the package's folder as Python does;
- it is read always and written unless ``sys.dont_write_bytecode`` (``PYTHONDONTWRITEBYTECODE``);
- an entry carries Jinja2's magic (its version and Python's) and a checksum of the template's
  source: an edited template, or another Jinja2 or Python, is compiled again and the entry
  replaced; an entry that cannot be read is treated as missing;
- a folder that cannot be written (a read-only installation) only costs the compile;
- entries are written whole (a temporary file, then a rename), so two runs at once never
  read half an entry.

Learner code cannot write here: its process may write only in its own temporary folder
(``sandbox/confine.py``), as it may not write numkata's ``.pyc`` files either.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import jinja2


def cache_folder(templates: Path) -> Path:
    """Where the compiled forms of the templates in ``templates`` are kept: the ``__pycache__``
    of the package that holds them (never inside ``templates``, where a loader would list
    them as templates), or its mirror under ``sys.pycache_prefix``."""
    package = Path(os.path.abspath(templates)).parent
    if sys.pycache_prefix:
        package = Path(sys.pycache_prefix) / package.relative_to(package.anchor)
    else:
        package = package / "__pycache__"
    return package / f"{Path(templates).name}.jinja2"


class TemplateCache(jinja2.BytecodeCache):
    """Jinja2's compiled templates in ``folder``, one file per template
    (``<Jinja2's key>.jinja2``)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja2"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            with open(self._path(bucket), "rb") as handle:
                bucket.load_bytecode(handle)  # resets the bucket on a wrong magic or checksum
        except Exception:  # noqa: BLE001 - missing, truncated or garbled: compile it again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as handle:
                bucket.write_bytecode(handle)
            os.replace(tmp, self._path(bucket))
            tmp = None
        except OSError:
            pass  # a folder we may not write: the next run compiles again
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
