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
- ``limits.py`` - limits on the learner's calls (address space, time) that a hidden check sets
  around a call (``address_space_cap``, ``time_limit``); they travel with each call.

The learner's side imports nothing from the ``pytest_numkata`` package: it is loaded by path.
"""
