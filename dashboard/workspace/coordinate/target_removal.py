"""Removing on the targets page: the question asked first, then the removal once confirmed, and
the callbacks that ask and answer (each checks the role itself).

Nothing goes on one click: a remove button only asks, naming exactly what would go (a set with
how many targets and milestones, or a milestone with its value). What is asked about waits in
the browser's Store; on "Yes" the server finds it again among the programme's sets, so a stale
or altered Store removes nothing it should not, and `pipelines.targets` checks once more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dash
from dash import ALL, Input, Output, State, ctx
from dash.exceptions import PreventUpdate
from sqlalchemy import Engine

from dashboard.context import ProgrammeInfo, write_engine
from dashboard.i18n import t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.common.notices import done, notice
from dashboard.workspace.coordinate.target_views import (
    MILESTONE_REMOVE,
    confirm_panel,
    sector_text,
    target_text,
    tid,
)
from pipelines import targets
from pipelines.analytics.inputs import MilestoneSpec, TargetSetSpec
from pipelines.errors import UserError

# The page's reading of its state Store: (language, programme or None, its target sets).
ReadSets = Callable[[dict | None], tuple[str, ProgrammeInfo | None, tuple[TargetSetSpec, ...]]]


@dataclass(frozen=True)
class PendingRemoval:
    """A target set (year None), or one of its milestones, that a coordinator asked to remove."""

    set_id: int
    year: int | None = None
    sector: str | None = None

    def data(self) -> dict:
        return {"set": self.set_id, "year": self.year, "sector": self.sector}

    @classmethod
    def from_data(cls, data: object) -> PendingRemoval | None:
        """The removal a Store holds, or None for anything else (ints and a string, or nothing)."""
        if not isinstance(data, dict) or type(data.get("set")) is not int:
            return None
        year, sector = data.get("year"), data.get("sector")
        if year is None:
            return cls(data["set"])
        if type(year) is not int or not isinstance(sector, str):
            return None
        return cls(data["set"], year, sector)


def _find(pending: PendingRemoval | None, sets: tuple[TargetSetSpec, ...], lang: str):
    """(set, milestone or None) the removal is about; UserError in words when either is gone."""
    target_set = next((s for s in sets if pending is not None and s.id == pending.set_id), None)
    if target_set is None:
        raise UserError(t("coord_row_gone", lang))
    if pending.year is None:
        return target_set, None
    milestone = next((m for m in target_set.milestones
                      if (m.year, m.sector_code) == (pending.year, pending.sector)), None)
    if milestone is None:
        raise UserError(t("coord_row_gone", lang))
    return target_set, milestone


def _milestone_words(milestone: MilestoneSpec, lang: str) -> dict[str, str]:
    return {"year": str(milestone.year), "sector": sector_text(milestone.sector_code, lang),
            "value": target_text(milestone.kind, milestone.value, lang)}


def removal_question(pending: PendingRemoval | None, sets: tuple[TargetSetSpec, ...], lang: str) -> str:
    """What the coordinator must confirm; UserError in words when it is gone or may not go."""
    target_set, milestone = _find(pending, sets, lang)
    if milestone is not None:
        return t("coord_confirm_milestone", lang, name=target_set.name, **_milestone_words(milestone, lang))
    if not targets.may_remove(target_set.is_primary, len(sets)):
        raise UserError(t("coord_remove_primary_first", lang, name=target_set.name))
    return t("coord_confirm_set", lang, name=target_set.name, targets=len(target_set.targets),
             milestones=len(target_set.milestones))


def remove_pending(
    engine: Engine, programme_id: int, pending: PendingRemoval | None, sets: tuple[TargetSetSpec, ...],
    lang: str, user: str,
) -> str:
    """Remove what was confirmed (audited, derived tables rebuilt); says what went, in words."""
    target_set, milestone = _find(pending, sets, lang)
    if milestone is not None:
        targets.remove_milestone(engine, programme_id, target_set.name, milestone.year,
                                 sector_code=milestone.sector_code, user=user)
        return t("coord_milestone_removed", lang, name=target_set.name, **_milestone_words(milestone, lang))
    if not targets.may_remove(target_set.is_primary, len(sets)):
        raise UserError(t("coord_remove_primary_first", lang, name=target_set.name))
    targets.remove_target_set(engine, programme_id, target_set.name, user=user)
    return t("coord_set_removed", lang, name=target_set.name)


def _as_id(set_id) -> int | None:
    """The chosen set's id as the choice keeps it (a string of digits), as a number."""
    return int(set_id) if isinstance(set_id, str) and set_id.isdigit() else None


def _asking(read_sets: ReadSets, state: dict | None, data: dict) -> tuple:
    """(the question, or why there is none; the removal it is about; no old outcome)."""
    lang, _prog, sets = read_sets(state)
    pending = PendingRemoval.from_data(data)
    try:
        question = removal_question(pending, sets, lang)
    except UserError as exc:
        return notice(exc.in_language(lang), alert=True), None, []
    return confirm_panel(question, lang), pending.data(), []


def register_removal_callbacks(app: dash.Dash, read_sets: ReadSets) -> None:
    question = (Output(tid("confirm"), "children", allow_duplicate=True),
                Output(tid("pending"), "data", allow_duplicate=True),
                Output(tid("remove-message"), "children", allow_duplicate=True))

    @app.callback(*question, Input(tid("remove-ask"), "n_clicks"), State(tid("set"), "data"),
                  State(tid("state"), "data"), prevent_initial_call=True)
    @role_required("coordinator")
    def ask_set_removal(clicks, set_id, state):
        if not clicks:
            raise PreventUpdate  # the button was just drawn
        return _asking(read_sets, state, {"set": _as_id(set_id)})

    @app.callback(*question, Input({"type": MILESTONE_REMOVE, "year": ALL, "sector": ALL}, "n_clicks"),
                  State(tid("set"), "data"), State(tid("state"), "data"), prevent_initial_call=True)
    @role_required("coordinator")
    def ask_milestone_removal(_clicks, set_id, state):
        hit = ctx.triggered_id
        if not isinstance(hit, dict) or not any(item.get("value") for item in ctx.triggered):
            raise PreventUpdate  # the buttons were just drawn
        return _asking(read_sets, state, {"set": _as_id(set_id), "year": hit.get("year"),
                                          "sector": hit.get("sector")})

    # Owns the question box: the question goes once answered, either way.
    @app.callback(Output(tid("confirm"), "children"), Output(tid("remove-message"), "children"),
                  Output(tid("version"), "data", allow_duplicate=True),
                  Input(tid("confirm-yes"), "n_clicks"), Input(tid("confirm-no"), "n_clicks"),
                  State(tid("pending"), "data"), State(tid("state"), "data"), State(tid("version"), "data"),
                  prevent_initial_call=True)
    @role_required("coordinator")
    def answer_removal(yes, no, pending, state, current):
        if ctx.triggered_id == tid("confirm-no") and no:
            return [], [], dash.no_update
        if ctx.triggered_id != tid("confirm-yes") or not yes:
            raise PreventUpdate  # the question was just drawn
        lang, prog, sets = read_sets(state)
        if prog is None:
            return [], notice(t("no_programme", lang), alert=True), dash.no_update
        try:
            said = remove_pending(write_engine(), prog.id, PendingRemoval.from_data(pending), sets, lang,
                                  current_user_name())
        except UserError as exc:
            return [], notice(exc.in_language(lang), alert=True), dash.no_update
        return [], done(said), (current or 0) + 1
