"""What the upload page shows of an import running as a job: its progress bar and its outcome.

The bar (a native <progress> with a label) sits outside the page's live region; the live region
gets a new text only when the job's state changes (queued, waiting, running, done, failed), so a
screen reader hears each step once, not every poll.
"""

from __future__ import annotations

from dash import html

from dashboard.i18n import fmt_number, t
from dashboard.workspace.common.notices import notice
from dashboard.workspace.upload.views import import_done, problems_section
from pipelines.errors import in_language
from pipelines.import_jobs import DONE, FAILED, QUEUED, RESULT_FIELDS, JobState
from pipelines.load.result import LoadResult

PROGRESS_ID = "upload-job-progress"


def progress_view(state: JobState, lang: str) -> list:
    """The bar: rows done of the rows counted at the check (indeterminate when not known)."""
    if state.status == FAILED:
        return []
    done = state.rows_done
    total = max(state.rows_total or 0, done) if state.rows_total is not None or state.status == DONE else None
    if state.status == DONE:
        total = max(total or 0, done, 1)
        done = total
    if total:
        words = t("up_job_rows", lang, done=fmt_number(done, lang), total=fmt_number(total, lang))
        bar = html.Progress(id=PROGRESS_ID, value=str(done), max=str(total))
    else:
        words = t("up_job_rows_read", lang, done=fmt_number(done, lang))
        bar = html.Progress(id=PROGRESS_ID)  # no value: indeterminate
    return [html.Div(className="job-progress", children=[
        html.Label(t("up_job_progress_label", lang), htmlFor=PROGRESS_ID),
        bar,
        html.P(words, id="upload-job-rows"),
    ])]


def state_key(state: JobState | None, ahead: int) -> str:
    """What the live text says; a poll re-renders it only when this changes."""
    if state is None:
        return "unknown"
    if state.status == QUEUED or state.waiting:
        return f"{state.status}:waiting:{ahead}"
    return state.status


def outcome_view(state: JobState | None, lang: str, ahead: int, overview_href: str, history_href: str):
    """The live text: where the job is, or its result (the counts, or every problem)."""
    if state is None:
        return notice(t("up_job_unknown", lang), alert=True)
    if state.status == DONE:
        result = LoadResult(state.kind, state.file_name, state.sha256,
                            **{k: v for k, v in (state.result or {}).items() if k in RESULT_FIELDS})
        return import_done(result, lang, overview_href, history_href)
    if state.status == FAILED:
        error = state.error()
        if error is not None:
            return notice(t("up_error", lang, message=in_language(error, lang)), alert=True)
        return [notice(t("up_failed_on_import", lang), alert=True), problems_section(state.problem_list(), lang)]
    if state.status == QUEUED and ahead:
        text = t("up_job_queued_behind", lang, count=fmt_number(ahead, lang))
    elif state.status == QUEUED:
        text = t("up_job_queued", lang)
    elif state.waiting:
        text = t("up_job_waiting", lang)
    else:
        text = t("up_job_running", lang, name=state.file_name)
    return html.P(text, id="upload-job-status")

