"""``numkata watch``: grade each kata file as it is saved, with a verdict in a fraction of a second.

A cold ``pytest`` start (interpreter, pytest, NumPy, SciPy, hypothesis, the checks) costs more
than a second; a save should not. So this process warms up once (``warm.py``) and then, for
each save, forks a child that runs ``pytest.main([kata file, ...])`` with the same home
(``standby.py``). The child is a normal pytest run (the plugin forks again per kata, records
progress, prints its summary) that starts with everything already imported, and whatever it
does disappears with it. The run for the next save of the current kata is forked in advance.

Saves arrive through watchfiles (OS file events; ``--poll`` polls instead, for file systems
where events do not arrive). Keys (``keys.py``) act between saves: h hint, n next kata,
r or Enter rerun, c whole chapter, q quit.
"""

from __future__ import annotations

import itertools
import signal
import sys
import time
from pathlib import Path

from ...packs.catalogue import Kata, id_of_relpath
from ...progress.outcomes import Outcome
from ...progress.standing import Standing
from ..context import Context
from ..errors import EXIT_OK, EXIT_REFUSED, CliError
from ..hints import show_hint
from ..naming import resolve_chapter
from .keys import Keys
from .standby import Runner
from .warm import warm_first, warm_rest

STEP_MS = 30  # quiet time after a file event before the change is handled
INPUT_POLL_MS = 100  # how often keys are looked at while waiting for saves


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
        self.runner = Runner(self.ws.root)
        self.keys = Keys()
        self._offer: Kata | None = None  # the kata `n` moves the watch to (another chapter)
        self._rewatch = False  # the watched directory changed: watch the new one

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
    def standing(self) -> Standing:
        return Standing.load(self.catalogue, self.home)

    def _chapter_id(self) -> str | None:
        return self.chapter.id if self.chapter is not None else None

    def next_kata(self) -> Kata | None:
        """The kata to start with: the next one to attempt, or in the watched chapter its
        first kata not mastered now."""
        return self.standing().next_kata(self._chapter_id())

    def elsewhere(self) -> Kata | None:
        return self.standing().next_elsewhere(self._chapter_id())

    def kata_after(self, current: Kata | None) -> Kata | None:
        return self.standing().kata_after(current, self._chapter_id())

    def chapter_done(self) -> None:
        """Say that the watched chapter is mastered, and offer the next open kata elsewhere
        (``n`` moves the watch there)."""
        chapter = self.chapter
        upcoming = self.elsewhere()
        if upcoming is None:
            self._offer = None
            self.say(f"[watch] every kata of {chapter.id} is mastered - nothing left to "
                     f"master anywhere: well done", "green")
            return
        self._offer = upcoming
        self.say(f"[watch] every kata of {chapter.id} is mastered - well done. Next open: "
                 f"{upcoming.id} ({upcoming.type}, {upcoming.difficulty}) in {upcoming.chapter}"
                 f" - press n to watch {upcoming.chapter}", "green")

    def move_to(self, kata: Kata) -> None:
        """Watch ``kata``'s chapter from now on, with ``kata`` current."""
        self.chapter = self.catalogue.chapter(kata.chapter)
        self.watch_dir = self.ws.katas / self.chapter.id
        self.current = kata
        self._offer = None
        self._rewatch = True

    def announce(self, kata: Kata) -> None:
        self.say(f"[watch] next: {kata.id} ({kata.type}, {kata.difficulty}) - {kata.title}\n"
                 f"        open {self.ws.rel(self.ws.kata_path(kata))} and save it to grade it")

    # -- grading
    def pytest_args(self) -> list[str]:
        v = self.ctx.verbosity
        args = ["-q"] if v == 0 else (["-qq"] if v < 0 else ["-" + "v" * v])
        color = "yes" if self.style.enabled else "no"
        # the verdict first: this process rebuilds the report once the verdict is printed
        return [*args, f"--color={color}", *self.ws.pytest_args(), "--numkata-report=-"]

    def _paths(self, katas: list[Kata], chapter: bool) -> list[str]:
        return sorted({self.ws.rel(self.ws.katas / k.chapter) if chapter else
                       self.ws.rel(self.ws.kata_path(k)) for k in katas})

    def grade(self, katas: list[Kata], *, chapter: bool = False) -> None:
        if not katas:
            return
        paths = self._paths(katas, chapter)
        before = self.standing().states
        self.say(self.style(f"[watch] grading {' '.join(paths)}", "dim"))
        started = time.monotonic()
        code = self.runner.run([*paths, *self.pytest_args()])
        elapsed = time.monotonic() - started
        after = self.standing().states
        graded = ([k for k in self.catalogue.katas if k.chapter in {x.chapter for x in katas}]
                  if chapter else katas)
        for kata in graded:
            old, new = before.get(kata.id), after.get(kata.id)
            if new is None or (old is not None and old.attempts == new.attempts):
                if not chapter:
                    self.say(f"[watch] {kata.id}: not graded (see above)", "yellow")
                continue
            outcome = new.last_outcome
            colour = {Outcome.PASSED: ("green", "bold"), Outcome.FAILED: ("red", "bold")}.get(
                outcome, ("yellow",))
            extra = ""
            if outcome is Outcome.PASSED:
                extra = " - mastered" if old is None or not old.mastered else ""
            self.say(f"[watch] {kata.id}: {self.style(outcome.label, *colour)}{extra} "
                     f"({elapsed:.2f} s)")
        if code not in (0, 1):
            self.say(f"[watch] pytest exited with status {code}", "yellow")
        self._rebuild_report()
        newly = [k for k in graded if after.get(k.id) and after[k.id].mastered
                 and not (before.get(k.id) and before[k.id].mastered)]
        if newly and self.chapter is not None and self.next_kata() is None:
            self.chapter_done()  # that save mastered the chapter's last kata

    def _rebuild_report(self) -> None:
        from ...progress.store import StoreError
        from ...report import write_report

        try:
            write_report(self.home, self.catalogue)
        except (StoreError, OSError) as exc:
            self.say(f"[watch] the mastery report was not written: {exc}", "yellow")

    # -- the standby run
    def prepare_standby(self) -> None:
        """Have the next run of the current kata ready: forked, configured, waiting."""
        if self.current is None:
            return
        chapter = bool(self.args.whole_chapter)
        self.runner.prepare([*self._paths([self.current], chapter), *self.pytest_args()])

    def drop_standby(self) -> None:
        self.runner.drop()

    # -- keys
    def on_key(self, key: str) -> bool:
        """Act on one key; False means quit."""
        if key == "q":
            return False
        if key == "h":
            if self.current is None:
                self.say("[watch] no current kata: save one first")
            else:
                try:
                    show_hint(self.ctx, self.current)
                except CliError as exc:
                    self.say(f"[watch] {exc}", "yellow")
        elif key == "n":
            upcoming = self.kata_after(self.current)
            if upcoming is not None:
                self.current = upcoming
                self.announce(upcoming)
            elif self._offer is not None:
                self.move_to(self._offer)
                self.announce(self.current)
            elif self.chapter is not None:
                self.chapter_done()
            else:
                self.say("[watch] every open kata is mastered - nothing left: well done",
                         "green")
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
        if not self._rewatch:  # after a move, the legend waits until the new folder is watched
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
                rel = path.resolve().relative_to(self.ws.katas).as_posix()
            except ValueError:
                continue
            kata = self.catalogue.by_id.get(id_of_relpath(rel) or "")
            if kata is not None:
                found[kata.id] = kata
        return [found[k] for k in sorted(found)]

    def run(self) -> int:
        if not self.watch_dir.is_dir():
            raise CliError(f"{self.ws.rel(self.watch_dir)} does not exist")
        self.home.mkdir(parents=True, exist_ok=True)
        # cbreak from the start: keys typed while warming up wait, unechoed, to be read
        with self.keys:
            return self._run()

    def _run(self) -> int:
        if self.ctx.verbosity >= 0:
            self.say("[watch] loading pytest, NumPy, SciPy, hypothesis and the checks once...",
                     "dim")
        t0 = time.monotonic()
        self.current = self.next_kata()
        done = self.chapter is not None and self.current is None
        if done:  # the watched chapter is mastered: its first kata stays current
            self.current = self.chapter.katas[0] if self.chapter.katas else None
        first = ([self.ws.rel(self.ws.kata_path(self.current))] if self.current
                 else [str(self.watch_dir)])
        failed = warm_first(self.catalogue, self.ws, paths=first,
                            chapters={self.current.chapter} if self.current else ())
        t1 = time.monotonic()
        # after the warm-up, whose pytest session imports anyio (a pytest plugin) rewritten
        import watchfiles

        # Start watching before anything else: saves made from now on (even during the
        # first grading) are collected by the watcher and handled in the loop below.
        watcher = self._watch(watchfiles)
        pending = next(watcher, set())
        try:
            if not self.args.no_initial and self.current is not None:
                self.grade([self.current])
            if done:
                self.chapter_done()
            t2 = time.monotonic()
            failed += warm_rest(self.catalogue, self.ws, paths=[str(self.watch_dir)])
            if failed and self.ctx.verbosity >= 1:
                self.say(f"[watch] could not preload the checks of {', '.join(failed)}",
                         "yellow")
            if self.ctx.verbosity >= 1:
                self.say(f"[watch] warm in {t1 - t0:.2f} s before the first verdict, "
                         f"{time.monotonic() - t2:.2f} s after it", "dim")
            self.say(self.legend())
            while True:
                for changes in itertools.chain([pending], watcher):
                    for key in self.keys.read():
                        if not self.on_key(key):
                            return EXIT_OK
                        if self._rewatch:
                            break
                    if self._rewatch:
                        break
                    katas = self.katas_for(changes)
                    if katas:
                        self.current = katas[-1]
                        self.grade(katas, chapter=self.args.whole_chapter)
                        self.say(self.legend())
                    self.prepare_standby()
                if not self._rewatch:
                    return EXIT_OK  # the watcher ended (Ctrl-C)
                self._rewatch = False
                watcher.close()
                watcher = self._watch(watchfiles)
                pending = next(watcher, set())  # the new folder is watched from here on
                self.say(self.legend())
                self.prepare_standby()
        finally:
            watcher.close()
            self.drop_standby()

    def _watch(self, watchfiles):
        return watchfiles.watch(
            self.watch_dir, watch_filter=watchfiles.PythonFilter(), step=STEP_MS,
            rust_timeout=INPUT_POLL_MS, yield_on_timeout=True,
            force_polling=True if self.args.poll else None,
            poll_delay_ms=max(10, int(self.args.poll_interval * 1000)),
            raise_interrupt=False)

def run(ctx: Context, args) -> int:
    watcher = Watcher(ctx, args)
    if watcher.chapter is not None:
        standing = watcher.standing()
        if not standing.is_open(watcher.chapter.id):
            raise CliError(standing.locked_message(watcher.chapter.id), EXIT_REFUSED)
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # restore the terminal on kill
    try:
        return watcher.run()
    except KeyboardInterrupt:
        print()
        return EXIT_OK
    finally:
        signal.signal(signal.SIGTERM, previous)
