"""``numkata watch``, in parts: ``keys`` (single keys or lines from stdin), ``standby``
(forked pytest runs and the prepared standby run), ``warm`` (importing everything once) and
``loop`` (the watcher: saves, keys, verdicts; which kata is current comes from
``pytest_numkata.progress.standing``). Imports nothing itself."""
