"""Writing what the judge owns: the progress store (records, truncation), the kata tree (a
conftest.py, an extra test file), the installed checks."""

import os


def _attack():
    targets = {
        "{home}/progress.sqlite3": b"",  # truncate: every mastery lost
        "{tree}/katas/conftest.py": b"raise SystemExit('planted')\n",
        "{tree}/katas/ch00/test_planted.py": b"def test_ok(): pass\n",
        "{tree}/katas/ch00/fp32_max.py": b"ANSWER = 0\n",
    }
    for path, data in targets.items():
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError:
            pass
    try:
        import sqlite3

        db = sqlite3.connect("{home}/progress.sqlite3")
        db.execute("UPDATE kata_state SET last_outcome = 'passed', first_mastered_at = 'x'")
        db.commit()
    except BaseException:
        pass
    for root in ("{tree}",):
        try:
            os.remove(os.path.join(root, "home", "progress.sqlite3"))
        except OSError:
            pass


_attack()


def log_sum_exp(x):
    _attack()
    return 0.0
