"""The pristine stub of a kata and its reference solution."""

from __future__ import annotations

from ..catalogue import Kata
from .context import Context
from .errors import CliError


def stub_text(kata: Kata) -> str:
    from .. import bundle

    return bundle.text("katas", kata.id)


def reference_text(ctx: Context, kata: Kata) -> tuple[str, str]:
    """The solution's text and where it came from: the clone's reference/ tree if there is
    one, else the bundle shipped with the package."""
    from .. import bundle

    try:
        path = ctx.workspace.reference / kata.relpath
    except CliError:
        path = None
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8"), ctx.workspace.rel(path)
    return bundle.text("reference", kata.id), "numkata's bundled reference"
