"""``python -m pytest_numkata``: the same as the ``numkata`` command."""

import sys

from .cli import main

sys.exit(main())
