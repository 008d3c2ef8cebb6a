"""One module per ``numkata`` command. Each has ``register(subparsers, common)``, which adds
its parser (``parents=common``) and sets ``func`` to ``run(ctx, args) -> exit status``.

Adding a command is one module here plus its name in ``COMMANDS`` (the order of ``--help``).
"""

COMMANDS = (
    "status", "next", "check", "hint", "reset", "restore", "solution", "watch", "warm", "init",
    "report", "grade", "new", "dev",
)
