"""Smoke test of benchmarks/run.py: the cheapest group prints a table and writes valid JSON.

No timing is asserted anywhere: the numbers depend on the machine and its load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"


def test_quick_floor_and_imports_print_a_table_and_write_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "floor,imports",
                           "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "load average" in proc.stdout
    assert "median" in proc.stdout and "target" in proc.stdout
    assert "import pytest numpy scipy hypothesis" in proc.stdout
    assert "bare pytest" in proc.stdout

    data = json.loads(out.read_text())
    assert data["meta"]["quick"] is True
    assert data["meta"]["groups"] == ["floor", "imports"]
    assert "loadavg_start" in data["meta"] and "loadavg_end" in data["meta"]
    rows = {group: [r["name"] for r in data["results"] if r["group"] == group]
            for group in ("floor", "imports")}
    assert len(rows["floor"]) == 2
    # NumPy alone, then NumPy and each library runs load (with --quick, all but SciPy's)
    libraries = ("hypothesis", "mpmath", "ml_dtypes", "jinja2", "msgpack")
    assert rows["imports"][0] == "python: import numpy"
    assert all(f"python: import numpy, {name}" in rows["imports"] for name in libraries), rows
    assert len(data["results"]) == len(rows["floor"]) + len(rows["imports"])
    for result in data["results"]:
        assert result["ok"], result
        assert len(result["runs"]) == 1
        assert isinstance(result["median"], float) and result["median"] > 0
    assert isinstance(data["derived"]["floor"], float)


def test_unknown_group_is_refused(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(RUN), "--only", "nonsense",
                           "--json", str(tmp_path / "x.json")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "unknown group" in proc.stderr
    assert not (tmp_path / "x.json").exists()


def test_the_boundary_worker_reports_every_cost() -> None:
    proc = subprocess.run([sys.executable, str(RUN.parent / "boundary_bench.py")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(data) == {"zygote_cold_start", "learner_start_and_load", "call_scalar",
                         "call_array_1000", "call_with_callback", "call_array_1e6",
                         "call_array_1e6_returned", "call_many_per_call"}
    assert all(value > 0 for value in data.values())


@pytest.mark.slow  # starts a fork server: seconds of loading
def test_quick_warm_group_times_a_run_cold_and_forked(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "warm", "--chapter",
                           "ch00", "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["name"]: r for r in json.loads(out.read_text())["results"]}
    assert set(rows) == {"chapter ch00, cold", "fork server start (loads it all once)",
                         "chapter ch00, forked from the server"}, rows
    for row in rows.values():
        assert row["group"] == "warm" and row["ok"], row
        assert row["median"] > 0


@pytest.mark.slow  # starts a resident warm server: seconds of loading
def test_quick_resident_group_hands_its_runs_over(tmp_path: Path) -> None:
    from pytest_numkata.warm_start import resident

    if resident.unavailable({"NUMKATA_WARM": "auto"}) is not None:
        pytest.skip(resident.unavailable({"NUMKATA_WARM": "auto"}))
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(RUN), "--quick", "--only", "floor,resident",
                           "--chapter", "ch00", "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(out.read_text())
    rows = {r["name"]: r for r in data["results"] if r["group"] == "resident"}
    assert set(rows) == {"warm server start (in the background)", "chapter ch00, warm"}, rows
    assert all(row["ok"] for row in rows.values()), data["notes"]
    assert rows["chapter ch00, warm"]["target"].startswith("<= floor + 0.7")
