"""The boundary between the judge and the learner's code.

Everything on the learner's side of the boundary lives in this folder and nowhere else:

- ``learner_main.py`` - the learner process (a zygote that forks one per kata, or one started
  directly); the only place a kata file is executed;
- ``confine.py`` - what a learner process does to itself before it runs kata code (hard
  rlimits, no new processes, Landlock);
- ``wire.py`` - the plain-data messages both sides speak (msgpack; no object a learner made
  ever reaches the judge);

and on the judge's side:

- ``process.py`` - starting, timing and ending a learner process;
- ``proxy.py`` - what the hidden checks hold instead of the learner's module;
- ``limits.py`` - a kata's limits (time, memory), and the limits on the learner's calls that
  a hidden check sets around a call (``address_space_cap``, ``time_limit``); they travel with
  each call;
- ``kata_source.py`` - reading a kata file with bounds (a regular file, not a link, at most
  1 MB): the judge classifies these bytes, the learner process receives them as text.

The learner's side imports nothing from the ``pytest_numkata`` package: it is loaded by path.
"""
