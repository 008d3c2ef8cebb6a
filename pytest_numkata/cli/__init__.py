"""The ``numkata`` command: everything around attempting katas with pytest.

    numkata status [--json]          chapters, lock state, the next kata, your streak
    numkata next [--edit]            the next kata to attempt (alias: open), opened in $EDITOR
    numkata check [KATA|CHAPTER]     grade the next kata, or the one named, without a pytest path
    numkata hint KATA                the next hint (earlier ones stay visible)
    numkata reset KATA|CHAPTER       the pristine stub back (yours kept in HOME/backups/)
    numkata restore KATA|CHAPTER     your version back from the latest backup (or --from TIME)
    numkata solution KATA [--force]  the reference solution, once the kata is mastered
    numkata watch [CHAPTER]          grade every kata file you save, with a warm process
    numkata warm [start|stop|status] the warm server your pytest runs start from
    numkata init DIR                 a fresh workspace of stubs for an installed numkata
    numkata report                   rebuild the HTML report and print its link

Layout (each module imports only modules listed above it, never the other way round):

    errors.py      exit codes and CliError, the one-line message a learner sees
    output.py      colours and small text helpers
    context.py     what every command gets: the workspace and its home (both from
                   ``pytest_numkata.workspace``), catalogue, progress, output
    naming.py      kata and chapter ids as a learner types them -> catalogue entries
    sources.py     pristine stubs and reference solutions
    backups.py     HOME/backups/<time>/: written by reset, read by restore
    hints.py       showing and counting hints (used by ``hint`` and by watch's ``h``)
    commands/      one module per command, each with ``register(subparsers, common)``
    watch/         ``numkata watch``: keys, the standby run, warming up, the loop
    app.py         the argument parser (built from commands.COMMANDS) and ``main``

Only the standard library and numkata's data modules are imported by the quick commands (no
NumPy, no pytest), so they start quickly; watch and check import the heavy parts themselves.
This ``__init__`` imports nothing, so importing any part of the package never runs another.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """The console script ``numkata`` (and ``python -m pytest_numkata``)."""
    from .app import main as run

    return run(argv)
