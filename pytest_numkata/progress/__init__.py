"""The learner's progress: the words it is spoken in, where it is kept, and its one owner.

- ``outcomes.py`` - the vocabulary: a kata file's state (``FileState``), a graded attempt's
  outcome (``Outcome``) and a kata's status over its history (``Status``);
- ``store.py`` - ``ProgressStore``: every graded attempt and each kata's mastered state, in
  ``progress.sqlite3`` in the numkata home;
- ``standing.py`` - ``Standing``: statuses, open chapters, the next kata, worked out once from
  the catalogue and the store. The plugin's chapter lock and summary, ``numkata status``,
  ``next``, ``hint``, watch and the mastery report all ask it.

Standard library only, on every run's path.
"""
