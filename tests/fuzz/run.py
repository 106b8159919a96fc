"""The long fuzz run (`make fuzz`): N mutated and generated files through the three loaders.

Prints one JSON line: cases, results, refusals, tracebacks, hangs, memory, partial writes, the
slowest case, and the first failures (to rerun by hand: the case name holds its seed and mutations).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.fuzz.corpus import mutated, seeds
from tests.fuzz.harness import FuzzDatabase, Outcome
from tests.fuzz.strategies import cases


def generated(db: FuzzDatabase, count: int, seed: int) -> list[Outcome]:
    outcomes: list[Outcome] = []

    @settings(max_examples=count, deadline=None, database=None, phases=[__import__("hypothesis").Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=cases())
    def run(case):
        outcomes.append(db.run(case))

    run._hypothesis_internal_use_seed = seed  # reproducible runs
    run()
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-gib", type=int, default=4, help="address space of the run (a blow-up fails its case)")
    parser.add_argument("--generated-share", type=float, default=0.2, help="share of Hypothesis tables")
    args = parser.parse_args(argv)
    # A case that blows up memory fails with MemoryError (counted) instead of taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (args.max_gib << 30, args.max_gib << 30))
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as directory:
        db = FuzzDatabase(Path(directory))
        seed_list, reason = seeds()
        n_generated = int(args.cases * args.generated_share)
        outcomes = []
        for case in mutated(seed_list, args.cases - n_generated, random.Random(args.seed)):
            outcomes.append(db.run(case))
            if len(outcomes) % 500 == 0:  # a long run shows that it runs
                print(json.dumps({"progress": len(outcomes), **Counter(o.verdict for o in outcomes)}),
                      file=sys.stderr, flush=True)
        outcomes += generated(db, n_generated, args.seed)
        monolingual = len(db.monolingual)
    verdicts = Counter(o.verdict for o in outcomes)
    slowest = max(outcomes, key=lambda o: o.seconds)
    report = {
        "cases": len(outcomes), "results": verdicts["result"], "refusals": verdicts["refused"],
        "tracebacks": verdicts["traceback"], "hangs": verdicts["hang"], "memory": verdicts["memory"],
        "partial_writes": verdicts["partial_write"], "monolingual_refusals": monolingual,
        "slowest_s": round(slowest.seconds, 2), "slowest_case": slowest.case,
        "max_growth_mib": round(max(o.peak_mib for o in outcomes), 1),
        "seeds": len(seed_list), "realdata": reason or "used", "minutes": round((time.monotonic() - started) / 60, 1),
        "failures": [f"{o.verdict} {o.case}: {o.detail.strip().splitlines()[-1] if o.detail else ''}"
                     for o in outcomes if not o.ok][:20],
    }
    print(json.dumps(report))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
