"""Writing katas: scaffolding a new kata from templates (``scaffold``) and checking a pack's
katas against their stubs, references, mutants and alternatives."""
