"""The pristine stub of a kata and its reference solution, from the kata's pack."""

from __future__ import annotations

from ..packs.catalogue import Kata
from .context import Context
from .errors import CliError


def stub_text(kata: Kata) -> str:
    from .. import packs

    return packs.of(kata).stub_text(kata)


def reference_text(ctx: Context, kata: Kata) -> tuple[str, str]:
    """The solution's text and where it came from: the workspace's reference/ tree if it
    has one (a clone), else the kata's pack."""
    from .. import packs

    try:
        path = ctx.workspace.reference / kata.relpath
    except CliError:
        path = None
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8"), ctx.workspace.rel(path)
    pack = packs.of(kata)
    origin = "numkata's bundled reference" if pack.name == packs.BUILTIN_PACK \
        else f"the {pack.name} pack's reference"
    return pack.reference_text(kata), origin
