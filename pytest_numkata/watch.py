"""``numkata watch``: grade each kata file as it is saved, with a verdict in a fraction of a second.

A cold ``pytest`` start (interpreter, pytest, NumPy, SciPy, hypothesis, the checks) costs more
than a second; a save should not. So this process warms up once - a ``--collect-only`` pytest
session that imports every checks module under pytest's assertion rewriting - and then, for
each save, forks a child that runs ``pytest.main([kata file, ...])`` with the same home. The
child is a normal pytest run (the plugin forks again per kata, records progress, prints its
summary) that starts with everything already imported, and whatever it does disappears with it.
The run for the next save of the current kata is forked in advance and waits, its pytest
configuration already built, until a save releases it (``Watcher.prepare_standby``).

Saves arrive through watchfiles (OS file events; ``--poll`` polls instead, for file systems
where events do not arrive). On a terminal, single keys act at once (h hint, n next kata,
r or Enter rerun, c whole chapter, q quit; the terminal's mode is restored on exit); when stdin
is not a terminal, lines are read instead (an empty line reruns).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import itertools
import os
import select
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Kata
from .cli import EXIT_OK, EXIT_REFUSED, CliError, Context, resolve_chapter, show_hint
from .progress import ProgressStore

STEP_MS = 30  # quiet time after a file event before the change is handled
INPUT_POLL_MS = 100  # how often keys are looked at while waiting for saves


# ---------------------------------------------------------------------------- keys
class Keys:
    """Keys (terminal, cbreak mode) or lines (anything else) from stdin, without blocking."""

    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stdin
        self.saved = None
        self.closed = False
        try:
            self.fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd, self.closed = None, True
        self.tty = self.fd is not None and os.isatty(self.fd)

    def __enter__(self) -> Keys:
        if self.tty:
            import termios
            import tty

            try:
                self.saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
            except termios.error:
                self.saved = None
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def restore(self) -> None:
        if self.saved is not None:
            import termios

            with contextlib.suppress(termios.error):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)
            self.saved = None

    def read(self) -> list[str]:
        """Commands typed since the last call: single characters, "\\n" for a bare Enter."""
        if self.closed:
            return []
        try:
            ready, _, _ = select.select([self.fd], [], [], 0)
        except (OSError, ValueError):
            self.closed = True
            return []
        if not ready:
            return []
        if self.tty:
            data = os.read(self.fd, 64).decode("utf-8", "replace")
            return [c for c in data.lower() if not c.isspace() or c in "\r\n"]
        line = self.stream.readline()
        if not line:
            self.closed = True  # EOF: keep watching saves, stop reading
            return []
        word = line.strip().lower()
        return [word[:1] if word else "\n"]


# ---------------------------------------------------------------------------- the standby run
@dataclass
class _Standby:
    pid: int
    fd: int  # write end of the pipe the child waits on
    argv: list[str]


def _gate(fd: int):
    """A pytest plugin holding a run once its configuration is built - before any plugin's
    ``pytest_configure`` (numkata's reads progress) - until the word to go arrives on ``fd``."""
    import pytest

    class Gate:
        @pytest.hookimpl(wrapper=True)
        def pytest_cmdline_main(self, config):
            word = b""
            with contextlib.suppress(OSError):
                word = os.read(fd, 1)
            os.close(fd)
            if word != b"g":  # the watcher dropped this run, or ended
                os._exit(0)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            return (yield)

    return Gate()


# ---------------------------------------------------------------------------- the watcher
class Watcher:
    def __init__(self, ctx: Context, args):
        self.ctx = ctx
        self.args = args
        self.ws = ctx.workspace
        self.home = ctx.home
        self.catalogue = ctx.catalogue
        self.style = ctx.style
        self.chapter = resolve_chapter(ctx, args.chapter) if args.chapter else None
        self.watch_dir = self.ws.katas / self.chapter.id if self.chapter else self.ws.katas
        self.current: Kata | None = None
        self.fork = hasattr(os, "fork")
        self._standby: _Standby | None = None

    # -- messages
    def say(self, text: str, *style: str) -> None:
        print(self.style(text, *style) if style else text, flush=True)

    def legend(self) -> str:
        where = self.ws.rel(self.watch_dir) + "/"
        if self.keys.tty:
            keys = "h hint, n next, r rerun, c chapter, q quit"
        elif not self.keys.closed:
            keys = "Enter reruns; h, n, c or q then Enter"
        else:
            keys = "Ctrl-C quits"
        current = f" - current: {self.current.id}" if self.current else ""
        return f"[watch] watching {where} for saves{current} ({keys})"

    # -- progress
    def states(self):
        with ProgressStore(self.home, create=False) as store:
            return store.states()

    def next_kata(self) -> Kata | None:
        from .unlocking import chapter_progress, next_kata

        progress = chapter_progress(self.catalogue, self.states())
        if self.chapter is not None:
            for p in progress:
                if p.chapter.id == self.chapter.id:
                    for kata in p.chapter.katas:
                        if p.statuses[kata.id] != "mastered":
                            return kata
            return None
        return next_kata(progress)

    def kata_after(self, current: Kata | None) -> Kata | None:
        """The first open, unmastered kata after ``current`` (in catalogue order, wrapping
        around), so ``n`` moves on even while the current kata is not mastered yet."""
        from .unlocking import chapter_progress

        progress = chapter_progress(self.catalogue, self.states())
        candidates = [k for p in progress if p.unlocked
                      and (self.chapter is None or p.chapter.id == self.chapter.id)
                      for k in p.chapter.katas if p.statuses[k.id] != "mastered"]
        if not candidates:
            return None
        order = [k.id for k in self.catalogue.katas]
        if current is not None:
            here = order.index(current.id)
            later = [k for k in candidates if order.index(k.id) > here]
            if later:
                return later[0]
            others = [k for k in candidates if k.id != current.id]
            return others[0] if others else candidates[0]
        return candidates[0]

    # -- warming up
    def warm_up(self) -> None:
        """Import pytest, NumPy, SciPy, hypothesis, the plugin and every checks module once,
        inside a pytest session so the checks get pytest's assertion rewriting."""
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")  # before NumPy: no BLAS thread pool to fork
        os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(self.home / "hypothesis"))
        import pytest

        catalogue = self.catalogue
        failed: list[str] = []

        class Warm:
            def pytest_sessionstart(self, session):
                for module in ("numpy", "scipy", "scipy.linalg", "scipy.sparse",
                               "scipy.integrate", "scipy.special", "hypothesis",
                               "hypothesis.strategies", "hypothesis.extra.numpy"):
                    with contextlib.suppress(Exception):
                        importlib.import_module(module)
                for kata in catalogue.katas:
                    try:
                        importlib.import_module(kata.checks_module)
                    except Exception:  # noqa: BLE001 - a broken checks module fails in its run
                        failed.append(kata.id)

        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider",
                         f"--numkata-home={self.home}", "--numkata-unlock-all",
                         f"--rootdir={self.ws.root}", str(self.watch_dir)], plugins=[Warm()])
        # The report each run writes: compile its templates once, here.
        with contextlib.suppress(Exception):
            from .report import environment

            env = environment()
            for name in env.list_templates():
                env.get_template(name)
        # Everything imported so far lives as long as this process: keep it out of the
        # children's garbage collections (pytest collects several times at exit) and so out
        # of copy-on-write page faults.
        gc.collect()
        gc.freeze()
        if failed and self.ctx.verbosity >= 1:
            self.say(f"[watch] could not preload the checks of {', '.join(failed)}", "yellow")

    # -- grading
    def pytest_args(self) -> list[str]:
        v = self.ctx.verbosity
        args = ["-q"] if v == 0 else (["-qq"] if v < 0 else ["-" + "v" * v])
        color = "yes" if self.style.enabled else "no"
        # the verdict first: this process rebuilds the report once the verdict is printed
        return [*args, f"--color={color}", f"--numkata-home={self.home}", "--numkata-report=-"]

    def _paths(self, katas: list[Kata], chapter: bool) -> list[str]:
        return sorted({self.ws.rel(self.ws.katas / k.chapter) if chapter else
                       self.ws.rel(self.ws.kata_path(k)) for k in katas})

    def grade(self, katas: list[Kata], *, chapter: bool = False) -> None:
        if not katas:
            return
        paths = self._paths(katas, chapter)
        before = self.states()
        self.say(self.style(f"[watch] grading {' '.join(paths)}", "dim"))
        started = time.monotonic()
        code = self._run_pytest([*paths, *self.pytest_args()])
        elapsed = time.monotonic() - started
        after = self.states()
        graded = ([k for k in self.catalogue.katas if k.chapter in {x.chapter for x in katas}]
                  if chapter else katas)
        for kata in graded:
            old, new = before.get(kata.id), after.get(kata.id)
            if new is None or (old is not None and old.attempts == new.attempts):
                if not chapter:
                    self.say(f"[watch] {kata.id}: not graded (see above)", "yellow")
                continue
            outcome = new.last_outcome.replace("_", " ")
            colour = {"passed": ("green", "bold"), "failed": ("red", "bold")}.get(
                new.last_outcome, ("yellow",))
            extra = ""
            if new.last_outcome == "passed":
                extra = " - mastered" if old is None or not old.mastered else ""
            self.say(f"[watch] {kata.id}: {self.style(outcome, *colour)}{extra} "
                     f"({elapsed:.2f} s)")
        if code not in (0, 1):
            self.say(f"[watch] pytest exited with status {code}", "yellow")
        self._rebuild_report()

    def _rebuild_report(self) -> None:
        from .progress import StoreError
        from .report import write_report

        try:
            write_report(self.home, self.catalogue)
        except (StoreError, OSError) as exc:
            self.say(f"[watch] the mastery report was not written: {exc}", "yellow")

    def _run_pytest(self, argv: list[str]) -> int:
        sys.stdout.flush()
        sys.stderr.flush()
        if not self.fork:  # no fork (Windows): a cold pytest, slower but the same verdict
            import subprocess

            return subprocess.call([sys.executable, "-m", "pytest", *argv],
                                   cwd=self.ws.root, stdin=subprocess.DEVNULL)
        pid = self._release_standby(argv)
        if pid is None:
            pid = self._fork_pytest(argv)
        try:
            while True:
                try:
                    _, status = os.waitpid(pid, 0)
                    break
                except InterruptedError:
                    continue
                except KeyboardInterrupt:
                    # Ctrl-C reached the child too (same process group): let it finish its report
                    continue
        except BaseException:  # SIGTERM (SystemExit) while grading: take the child along
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            raise
        return os.waitstatus_to_exitcode(status)

    def _fork_pytest(self, argv: list[str], gate: tuple[int, int] | None = None) -> int:
        """Fork a child that runs ``pytest.main(argv)``. With ``gate`` (a pipe's read and write
        ends) the child builds pytest's configuration at once, then waits for the word to go."""
        pid = os.fork()
        if pid:
            return pid
        code = 3  # pragma: no cover - from here on, runs in the child
        try:
            # Write ends of pipes stay with the watcher alone: a waiting run must see the end
            # of its pipe when the watcher drops it or dies, whatever else was forked since.
            for fd in ([self._standby.fd] if self._standby is not None else []) + (
                    [gate[1]] if gate is not None else []):
                os.close(fd)
            # a waiting run ignores Ctrl-C (the watcher quits and takes it along); it gets
            # Python's usual handler once it goes
            signal.signal(signal.SIGINT,
                          signal.SIG_IGN if gate is not None else signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.chdir(self.ws.root)
            sys.argv = ["pytest", *argv]  # what the progress store records as the command
            import pytest

            code = int(pytest.main(argv, plugins=[] if gate is None else [_gate(gate[0])]))
        except BaseException:  # noqa: BLE001 - report anything, never return
            import traceback

            traceback.print_exc()
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(code)

    # -- the standby run
    def prepare_standby(self) -> None:
        """Have the next run of the current kata ready: forked, configured, waiting.

        Building pytest's configuration (plugins, options, the rootdir's ini file and
        conftest.py) takes about 0.1 s even in this warm process, and none of it depends on
        the learner's file or on recorded progress. So after each verdict a child does that
        work in advance and waits before configuring its plugins - before numkata reads
        progress - until a save of that kata releases it.
        """
        if not self.fork or self.current is None:
            return
        chapter = bool(self.args.whole_chapter)
        argv = [*self._paths([self.current], chapter), *self.pytest_args()]
        if self._standby is not None and self._standby.argv == argv:
            return
        self.drop_standby()
        read_end, write_end = os.pipe()
        try:
            pid = self._fork_pytest(argv, gate=(read_end, write_end))
        finally:
            os.close(read_end)
        self._standby = _Standby(pid, write_end, argv)

    def _release_standby(self, argv: list[str]) -> int | None:
        """The waiting child's pid once told to go, if it was prepared for ``argv``."""
        standby = self._standby
        if standby is None or standby.argv != argv:
            self.drop_standby()
            return None
        self._standby = None
        try:
            os.write(standby.fd, b"g")
        except OSError:  # it is gone (it failed to start, say): a plain run instead
            self._discard(standby)
            return None
        os.close(standby.fd)
        return standby.pid

    def drop_standby(self) -> None:
        standby, self._standby = self._standby, None
        if standby is not None:
            self._discard(standby)

    @staticmethod
    def _discard(standby: _Standby) -> None:
        with contextlib.suppress(OSError):
            os.close(standby.fd)
        with contextlib.suppress(OSError):
            os.kill(standby.pid, signal.SIGKILL)
        with contextlib.suppress(OSError, ChildProcessError):
            os.waitpid(standby.pid, 0)

    # -- keys
    def on_key(self, key: str) -> bool:
        """Act on one key; False means quit."""
        if key == "q":
            return False
        if key == "h":
            if self.current is None:
                self.say("[watch] no current kata: save one first")
            else:
                show_hint(self.ctx, self.current)
        elif key == "n":
            upcoming = self.kata_after(self.current)
            if upcoming is None:
                self.say("[watch] nothing left to master here - well done", "green")
            else:
                self.current = upcoming
                self.say(f"[watch] next: {upcoming.id} ({upcoming.type}, {upcoming.difficulty})"
                         f" - {upcoming.title}\n        open "
                         f"{self.ws.rel(self.ws.kata_path(upcoming))} and save it to grade it")
        elif key in ("r", "\n", "\r"):
            if self.current is not None:
                self.grade([self.current])
            elif self.chapter is not None:
                self.grade(list(self.chapter.katas), chapter=True)
        elif key == "c":
            chapter = self.current.chapter if self.current else (
                self.chapter.id if self.chapter else None)
            if chapter:
                self.grade(list(self.catalogue.chapter(chapter).katas), chapter=True)
        else:
            return True
        self.say(self.legend())
        return True

    # -- the loop
    def katas_for(self, changes) -> list[Kata]:
        found: dict[str, Kata] = {}
        for _change, raw in changes:
            path = Path(raw)
            if path.suffix != ".py" or not path.is_file():
                continue
            try:
                rel = path.resolve().relative_to(self.ws.katas).with_suffix("").as_posix()
            except ValueError:
                continue
            kata = self.catalogue.by_id.get(rel)
            if kata is not None:
                found[kata.id] = kata
        return [found[k] for k in sorted(found)]

    def run(self) -> int:
        if not self.watch_dir.is_dir():
            raise CliError(f"{self.ws.rel(self.watch_dir)} does not exist")
        self.home.mkdir(parents=True, exist_ok=True)
        # cbreak from the start: keys typed while warming up wait, unechoed, to be read
        with Keys() as self.keys:
            return self._run()

    def _run(self) -> int:
        if self.ctx.verbosity >= 0:
            self.say("[watch] loading pytest, NumPy, SciPy, hypothesis and the checks once...",
                     "dim")
        t0 = time.monotonic()
        self.warm_up()
        if self.ctx.verbosity >= 1:
            self.say(f"[watch] warm in {time.monotonic() - t0:.2f} s", "dim")
        # after the warm-up, whose pytest session imports anyio (a pytest plugin) rewritten
        import watchfiles

        self.current = self.next_kata()
        watcher = watchfiles.watch(
            self.watch_dir, watch_filter=watchfiles.PythonFilter(), step=STEP_MS,
            rust_timeout=INPUT_POLL_MS, yield_on_timeout=True,
            force_polling=True if self.args.poll else None,
            poll_delay_ms=max(10, int(self.args.poll_interval * 1000)),
            raise_interrupt=False)
        # Start watching before anything else: saves made from now on (even during the
        # first grading) are collected by the watcher and handled in the loop below.
        pending = next(watcher, set())
        try:
            if not self.args.no_initial and self.current is not None:
                self.grade([self.current])
            self.say(self.legend())
            for changes in itertools.chain([pending], watcher):
                for key in self.keys.read():
                    if not self.on_key(key):
                        return EXIT_OK
                katas = self.katas_for(changes)
                if katas:
                    self.current = katas[-1]
                    self.grade(katas, chapter=self.args.whole_chapter)
                    self.say(self.legend())
                self.prepare_standby()
        finally:
            watcher.close()
            self.drop_standby()
        return EXIT_OK


def run(ctx: Context, args) -> int:
    watcher = Watcher(ctx, args)
    if watcher.chapter is not None:
        from .unlocking import chapter_progress, locked_message

        progress = chapter_progress(ctx.catalogue, watcher.states())
        if not next(p for p in progress if p.chapter.id == watcher.chapter.id).unlocked:
            raise CliError(locked_message(progress, watcher.chapter.id), EXIT_REFUSED)
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # restore the terminal on kill
    try:
        return watcher.run()
    except KeyboardInterrupt:
        print()
        return EXIT_OK
    finally:
        signal.signal(signal.SIGTERM, previous)
