"""The run log a grading run writes check by check, read back after the run was stopped."""

from __future__ import annotations

import json

from pytest_numkata.classroom.run_log import finished_katas
from pytest_numkata.judge.verdicts import CHECKS_KEY, KATA_KEY


def _line(nodeid, outcome, kata, total, text=""):
    return json.dumps({"nodeid": nodeid, "when": "call", "outcome": outcome, "duration": 0.5,
                       "props": [[KATA_KEY, kata], [CHECKS_KEY, total]], "text": text})


def test_finished_katas_only(tmp_path):
    log = tmp_path / "checks.jsonl"
    log.write_text("\n".join([
        _line("katas/ch00/fp32_max.py::check_value", "passed", "ch00/fp32_max", 1),
        _line("katas/ch01/variance.py::check_a", "passed", "ch01/variance", 3),
        _line("katas/ch01/variance.py::check_b", "failed", "ch01/variance", 3,
              "wrong\n  likely mistake: divides by n - 1"),
        _line("katas/ch00/decode_float.py::check_a", "passed", "ch00/decode_float", 10),
    ]) + '\n{"nodeid": "katas/ch00/spa')  # the line being written when the run was killed
    done = finished_katas(str(log))
    assert set(done) == {"ch00/fp32_max", "ch01/variance"}  # decode_float: 1 of 10 checks
    assert done["ch00/fp32_max"]["outcome"] == "passed"
    assert done["ch00/fp32_max"]["duration"] > 0
    variance = done["ch01/variance"]
    assert variance["outcome"] == "failed" and variance["checks_total"] == 3
    assert variance["checks_failed"] == 1 and "likely mistake" in variance["failures"][0]["message"]


def test_no_log(tmp_path):
    assert finished_katas(str(tmp_path / "nothing.jsonl")) == {}
