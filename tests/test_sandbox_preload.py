"""The zygote loads SciPy, mpmath and ml_dtypes only for a kata whose text imports them, and
nothing outside its own list whatever a kata file names."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from pytest_numkata.sandbox.process import imported_modules

SCRIPT = textwrap.dedent('''
    import json, sys, tempfile
    from pathlib import Path
    from pytest_numkata.sandbox import process
    from pytest_numkata.sandbox.proxy import LearnerModule, LearnerSession

    process.start_zygote()
    folder = Path(tempfile.mkdtemp())
    PROBE = ("def loaded(names):\\n"
             "    import sys\\n"
             "    return [n in sys.modules for n in names]\\n")
    names = ["numpy", "scipy.special", "mpmath", "xml.dom.minidom"]
    seen = []
    for index, head in enumerate(["", "def g():\\n    import scipy.special, xml.dom.minidom\\n",
                                  "", "import mpmath as mp\\n"]):
        path = folder / f"kata{index}.py"
        path.write_text(head + PROBE)
        session = LearnerSession(source_path=path, display=path.name, module_name=f"k{index}",
                                 want="loaded", timeout=30, memory_mb=512, checks=1)
        session.load()
        seen.append(LearnerModule(session).loaded(names))
        session.close()
    print(json.dumps(seen))
''')


def test_the_zygote_loads_heavy_libraries_when_a_kata_imports_them():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    numpy, scipy, mpmath, xml = zip(*json.loads(out.splitlines()[-1]))
    assert numpy == (True, True, True, True)  # every kata's library, loaded eagerly
    assert scipy == (False, True, True, True)  # from the kata that names it on, for all
    assert mpmath == (False, False, False, True)
    assert xml == (False, False, False, False)  # not on the zygote's list: never preloaded


def test_imports_are_read_loosely_from_the_text():
    source = ("import numpy as np, math\nfrom scipy.special import erf  # x\n"
              "    import ml_dtypes\nfrom . import sibling\n# import mpmath is a comment\n")
    assert imported_modules(source) == ["numpy", "math", "scipy", "scipy.special", "ml_dtypes"]
    assert len(imported_modules("".join(f"import m{i}\n" for i in range(500)))) == 40


FORKED = textwrap.dedent('''
    import json, os, tempfile
    from pathlib import Path
    from pytest_numkata.sandbox import process
    from pytest_numkata.sandbox.proxy import LearnerModule, LearnerSession

    zygote = process.start_zygote()
    path = Path(tempfile.mkdtemp()) / "kata.py"
    path.write_text("def twice(x):\\n    return 2 * x\\n")
    read, write = os.pipe()
    if os.fork() == 0:  # a run forked from a warm process (numkata watch)
        mine = process.start_zygote()
        session = LearnerSession(source_path=path, display=path.name, module_name="k",
                                 want="twice", timeout=30, memory_mb=512, checks=1)
        session.load()
        answer = LearnerModule(session).twice(21)
        session.close()
        os.write(write, json.dumps([mine.process.pid, answer]).encode())
        os._exit(0)
    os.close(write)
    child_zygote, answer = json.loads(os.read(read, 1000))
    os.wait()
    print(json.dumps([zygote.process.pid, child_zygote, answer, zygote.alive()]))
''')


def test_a_forked_run_uses_the_zygote_of_the_process_that_started_it():
    out = subprocess.run([sys.executable, "-c", FORKED], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    parent, child, answer, alive = json.loads(out.splitlines()[-1])
    assert child == parent  # no second zygote (and no wait for NumPy to load in one)
    assert answer == 42 and alive
