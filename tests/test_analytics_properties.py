"""Properties of every pathway and of progress %, over many generated cases (hypothesis)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.analytics.inputs import PATHWAY_METHODS
from pipelines.analytics.pathways import target_pathway
from pipelines.analytics.progress import progress_pct

tonnes = st.floats(min_value=-50_000, max_value=2_000_000, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=1990, max_value=2040)


@st.composite
def pathway_cases(draw):
    baseline_year = draw(years)
    target_year = draw(st.integers(min_value=baseline_year + 1, max_value=baseline_year + 60))
    inner = st.integers(min_value=baseline_year + 1, max_value=target_year - 1)
    milestones = (
        draw(st.dictionaries(inner, tonnes, max_size=4)) if target_year - baseline_year > 1 else {}
    )
    return (draw(st.sampled_from(PATHWAY_METHODS)), baseline_year, draw(tonnes),
            target_year, draw(tonnes), milestones)


@given(pathway_cases())
def test_every_pathway_passes_through_baseline_and_target(case):
    method, baseline_year, baseline_t, target_year, target_t, milestones = case
    pathway = target_pathway(method, baseline_year, baseline_t, target_year, target_t, milestones)
    assert pathway.at(baseline_year) == pytest.approx(baseline_t, rel=1e-9, abs=1e-6)
    assert pathway.at(target_year) == pytest.approx(target_t, rel=1e-9, abs=1e-6)
    assert len(pathway.values) == target_year - baseline_year + 1


@given(pathway_cases())
def test_milestone_pathways_pass_through_every_milestone(case):
    _, baseline_year, baseline_t, target_year, target_t, milestones = case
    pathway = target_pathway("milestones", baseline_year, baseline_t, target_year, target_t, milestones)
    for year, value in milestones.items():
        assert pathway.at(year) == pytest.approx(value, rel=1e-9, abs=1e-6)


@given(tonnes, tonnes)
def test_progress_is_100_exactly_at_the_target(baseline_t, target_t):
    if baseline_t <= target_t:  # already at or below the target at baseline: no way to go
        assert progress_pct(baseline_t, target_t, target_t) is None
    else:
        assert progress_pct(baseline_t, target_t, target_t) == 100.0
        assert progress_pct(baseline_t, baseline_t, target_t) == 0.0
