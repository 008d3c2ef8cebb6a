"""The argument parser, built from the command modules, and ``main``: run one command and
turn every error a learner can cause into one line on stderr and an exit status."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .. import __version__ as _version
from ..packs.catalogue import CatalogueError
from ..progress.store import StoreError
from .commands import COMMANDS
from .context import Context
from .errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, CliError


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


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line plus where to look."""

    def error(self, message: str):  # noqa: D401 - argparse's hook
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="numkata", parents=[_common(False)],
        description="numkata: katas for the numerical methods behind machine learning. "
                    "Attempt katas with pytest (pytest katas/ch00); these commands help "
                    "around it.")
    parser.add_argument("--version", action="version", version=f"numkata {_version}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = [_common(True)]
    for name in COMMANDS:
        importlib.import_module(f"{__package__}.commands.{name}").register(sub, common)
    for action in sub._choices_actions:  # `numkata CMD --help` says what CMD does, too
        command = sub.choices[action.dest]
        command.description = command.description or action.help
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        tip = ""
        if getattr(args, "command", None) == "check":
            shown = " ".join(a for a in (args.target, *args.pytest_args) if a)
            tip = f" - pytest's options go after --: numkata check {shown} -- {' '.join(extra)}"
        parser.error(f"unrecognized arguments: {' '.join(extra)}{tip}".replace("  ", " "))
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
