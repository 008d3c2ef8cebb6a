"""``numkata watch``, in parts: ``keys`` (single keys or lines from stdin), ``standby``
(forked pytest runs and the prepared standby run), ``warm`` (importing everything once),
``route`` (which kata is current) and ``loop`` (the watcher: saves, keys, verdicts).
Imports nothing itself."""
