"""Warm starts: pytest runs that begin with everything already loaded.

A cold ``pytest`` run spends most of a second importing pytest, its plugins, NumPy, SciPy,
hypothesis and numkata's hidden checks before it grades anything. Where a process runs many
sessions, it loads all of that once and forks a child per session:

- ``preload.py`` - loading it once: a ``--collect-only`` pytest session (so modules pytest
  rewrites for assertions are imported through its rewriting hook) that imports the heavy
  libraries and the checks; and keeping the workspace root off ``sys.path``;
- ``fork_server.py`` - a server process that preloads, then runs each ``python -m MODULE ...``
  command it is sent in a forked child of itself, with the caller's working directory,
  environment and output files: the gauntlet's rounds (``numkata dev check``), the learners'
  runs of a ``numkata grade`` batch (``classroom/warm_grading.py``) and numkata's own tests
  use it;
- ``resident.py`` - a fork server left running after a learner's run in a terminal, to which
  the next ``pytest`` run in a kata tree hands itself over (``plugin``'s
  ``pytest_cmdline_main``); ``numkata warm`` starts, stops and shows it.

``numkata watch`` (``cli/watch``) preloads the same way and forks its runs itself.
"""

#: True in a run forked from a warm server: it is already warm, and never hands itself over.
forked_run = False
