"""The judge: everything that decides whether a kata is solved.

- ``kata_file.py`` - the learner's kata file: its state, read with ``ast`` and never run
  (untouched, attempted, unparsable), and loading it (here only with the unsafe
  ``--numkata-isolation=none``);
- ``kata_tree.py`` - which files under the kata tree are collected (catalogue kata files only);
  ``conftest_guard.py`` keeps pytest from importing a ``conftest.py`` there;
- ``collection.py`` - a kata file becomes pytest items: its hidden checks (or one item saying
  why not), and the learner-facing text of a failure;
- ``grading.py`` - the pytest plugin that runs the checks: batches per kata, scheduled on the
  forked judge processes of ``fork_runner.py``, each check timed against the learner process;
- ``schedule.py`` - which katas share a judge process (small ones) and the order judges take
  them up (the longest first), from each kata's time in the last run;
- ``examples.py`` - which examples the checks draw (hypothesis profiles, the grading seed);
- ``verdicts.py`` - pytest's reports of one run turned into one verdict per kata;
- ``fixtures.py`` - the ``kata`` fixture the hidden checks receive.

The learner's code never runs here (but with ``--numkata-isolation=none``, for debugging
numkata itself): see ``pytest_numkata.sandbox``.
"""
