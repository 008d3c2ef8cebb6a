"""Writing katas: scaffolding a new kata from templates (``scaffold``), grading many variants of
katas at once with the real judge (``gauntlet``), and checking a pack's katas against their
stubs, references, mutants and alternatives (``dev_check``, ``numkata dev check``)."""
