"""No input ends in a traceback, a hang, a memory blow-up or a partial write (bounded run; the long
run is `make fuzz`). Each case goes through `load_file` against the demo database in SQLite."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.corpus import REALDATA, mutated, seeds
from tests.fuzz.harness import FuzzDatabase
from tests.fuzz.strategies import cases

MUTATED_CASES = 200


# One demo database for the module's cases: keep the module on one worker.
pytestmark = pytest.mark.xdist_group("fuzz")


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory) -> FuzzDatabase:
    return FuzzDatabase(tmp_path_factory.mktemp("fuzz"))


def _failures(outcomes) -> list[str]:
    return [f"{o.verdict} {o.case} ({o.seconds:.1f} s, {o.peak_mib:.0f} MiB): {o.detail}" for o in outcomes if not o.ok]


def test_mutated_seed_files_end_in_a_result_or_problems(fuzz_db):
    seed_list, _reason = seeds()
    outcomes = [fuzz_db.run(case) for case in mutated(seed_list, MUTATED_CASES, random.Random(20261204))]
    assert _failures(outcomes) == []
    verdicts = {o.verdict for o in outcomes}
    assert verdicts == {"result", "refused"}  # the mutations neither all pass nor all fail


def test_mutations_of_the_real_exports_end_in_a_result_or_problems(fuzz_db):
    if not REALDATA.is_dir():
        pytest.skip(f"{REALDATA.resolve()} is absent (the real exports live beside the clone)")
    real = [s for s in seeds()[0] if (REALDATA / s.name).exists() or any(REALDATA.rglob(s.name))]
    assert real
    outcomes = [fuzz_db.run(case) for case in mutated(real, 30, random.Random(7))]
    assert _failures(outcomes) == []


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(case=cases())
def test_generated_tables_end_in_a_result_or_problems(fuzz_db, case):
    outcome = fuzz_db.run(case)
    assert outcome.ok, f"{outcome.verdict}: {outcome.detail}"
