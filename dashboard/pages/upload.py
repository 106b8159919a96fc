"""Upload (analysts): choose a file and its kind, see what was read, every problem or the diff, confirm.

Nothing about the file stays on the server between the check and the import: the browser keeps
the file (in the `dcc.Upload`) and sends it again with Confirm; the server checks it again and
refuses it unless its sha256 is the one checked. So any worker or host can answer either step.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import ALL, Input, Output, State, dcc, html, no_update

from dashboard import queries
from dashboard.components import choice_group, register_choice_group
from dashboard.context import (
    EXTENSION_KEY,
    ProgrammeInfo,
    current,
    current_engine,
    current_programme,
    page_title,
    request_language,
    write_engine,
)
from dashboard.data_texts import name_in
from dashboard.i18n import LANGUAGES, t
from dashboard.security import current_user_name, has_role, role_required
from dashboard.workspace.common.form_fields import field_label
from dashboard.workspace.common.nav import IMPORTS_PATH, UPLOAD_PATH, workspace_shell
from dashboard.workspace.common.notices import notice
from dashboard.workspace.upload.browser import UploadIds, register_browser_side
from dashboard.workspace.upload.check import (
    UploadChoices,
    UploadRefused,
    check_upload,
    decode_upload,
    mapping_rows,
    max_bytes,
    merge_mapping,
    safe_file_name,
    start_import,
)
from dashboard.workspace.upload.job_views import outcome_view as job_outcome
from dashboard.workspace.upload.job_views import progress_view, state_key
from dashboard.workspace.upload.mapping import (
    SAVED,
    opens_mapping_step,
    preview_of,
    step_skeleton,
    step_view,
)
from dashboard.workspace.upload.mapping_callbacks import register_mapping_callbacks
from dashboard.workspace.upload.templates import TEMPLATES, register_template_route, template_href
from dashboard.workspace.upload.views import (
    MAP_APPLY,
    MAP_LABELS,
    MAP_TARGET,
    outcome_view,
)
from pipelines import import_jobs
from pipelines.errors import UserError
from pipelines.load.kinds import IMPORT_KINDS
from pipelines.profiles.mapping_step import (
    guessed_choices,
    known_export,
    start_mapping,
    try_choices,
)
from pipelines.targets import NAME_LENGTH as TARGET_SET_NAME_LENGTH

UPLOAD_ID = "upload-file"
KIND_ID = "upload-kind"
DECIMAL_ID = "upload-decimal"
NEW_INDICATORS_ID = "upload-new-indicators"
PLANNED_SET_ID = "upload-planned-target-set"  # name of the target set planned rows become (or empty)
META_ID = "upload-meta"  # Store: {name, size} of a file small enough to send to the server
SIZE_MESSAGE_ID = "upload-size-message"
REPORT_ID = "upload-report"
CHECKED_ID = "upload-checked"  # Store: {sha256, file_name, choices} of the file last checked
MAPPING_ID = "upload-mapping-rows"  # Store: [[source label, kind, target], ...]
CONFIG_ID = "upload-config"  # Store: language, programme, size limit and its message
CONFIRM_ID = "upload-confirm"
OUTCOME_ID = "upload-outcome"
JOB_ID = "upload-job"  # Store: {id, shown} of the import job started here, and what its live text says
JOB_PROGRESS_ID = "upload-job-bar"
JOB_TICK_ID = "upload-job-tick"
JOB_POLL_MS = 500  # a small import's result shows within half a second; a big one's bar moves
INPUT_HIDDEN_ID = "upload-input-hidden"  # Store: set once the Upload's own input is hidden
DECIMAL_CHOICES = (("auto", "up_decimal_auto"), (",", "up_decimal_comma"), (".", "up_decimal_point"))
# What the readers take (pipelines.read): CSV and text, .xlsx/.xlsm and the legacy .xls that
# Klimaatmonitor still exports. The drop zone ignores anything else without a word, so
# dashboard.js says so (data-refuse-type on the section below).
ACCEPT = ".csv,.tsv,.txt,.xlsx,.xlsm,.xls"

dash.register_page(__name__, path=UPLOAD_PATH, name="Upload", title=page_title("up_title"),
                   required_role="analyst", order=20)


def layout(lang=None, programme=None, **_query) -> html.Div:
    lang = request_language(lang)
    settings = current().settings
    prog = current_programme(programme)
    if prog is None:
        return workspace_shell(UPLOAD_PATH, lang, t("up_heading", lang),
                               [notice(t("no_programme", lang)), *skeleton(lang, programme, settings.max_upload_mb)])
    return workspace_shell(UPLOAD_PATH, lang, t("up_heading", lang),
                           body(lang, prog.slug, settings.max_upload_mb))


def body(lang: str, programme: str | None, max_upload_mb: float) -> list:
    """The page without data: choices, templates, the drop zone, and empty report areas."""
    return [
        html.P(t("up_intro", lang, limit_mb=_mb(max_upload_mb)), className="lead"),
        options_section(lang),
        file_section(lang),
        dcc.Loading(html.Div(id=REPORT_ID, **{"aria-live": "polite"})),
        html.Section(**{"aria-labelledby": "upload-import-heading"}, children=[
            html.H2(t("up_import_heading", lang), id="upload-import-heading"),
            html.P(t("up_import_intro", lang)),
            html.Button(t("up_confirm", lang), id=CONFIRM_ID, className="button primary", type="button",
                        disabled=True, n_clicks=0),
            # The import runs as a job (pipelines/import_jobs.py): its bar here, polled by JOB_TICK_ID
            # until it ends; its state and then its result in the live region below.
            html.Div(id=JOB_PROGRESS_ID),
            html.Div(id=OUTCOME_ID, **{"aria-live": "polite"}),
            dcc.Interval(id=JOB_TICK_ID, interval=JOB_POLL_MS, disabled=True),
        ]),
        *stores(lang, programme, max_upload_mb),
    ]


def options_section(lang: str) -> html.Section:
    """The kind of file, the decimal mark, new indicators, and the templates to start from."""
    kinds = [{"label": t(f"import_kind_{k}", lang), "value": k} for k in IMPORT_KINDS]
    decimals = [{"label": t(key, lang), "value": value} for value, key in DECIMAL_CHOICES]
    yes_no = [{"label": t("up_no", lang), "value": "no"}, {"label": t("up_yes", lang), "value": "yes"}]
    return html.Section(**{"aria-labelledby": "upload-options-heading"}, children=[
        html.H2(t("up_options_heading", lang), id="upload-options-heading"),
        choice_group(KIND_ID, t("up_kind_legend", lang), kinds, "indicators"),
        choice_group(DECIMAL_ID, t("up_decimal_legend", lang), decimals, "auto"),
        choice_group(NEW_INDICATORS_ID, t("up_new_indicators_legend", lang), yes_no, "no"),
        html.Div(className="form-field", children=[
            field_label(PLANNED_SET_ID, t("up_planned_set_label", lang), t("up_planned_set_hint", lang)),
            # debounce: the file is checked again when the name is complete (Enter or leaving the field).
            dcc.Input(id=PLANNED_SET_ID, type="text", className="text-input", autoComplete="off",
                      value="", debounce=True, maxLength=TARGET_SET_NAME_LENGTH),
        ]),
        html.Details(className="table-view", children=[
            html.Summary(t("up_templates_heading", lang)),
            html.P(t("up_templates_intro", lang)),
            html.Ul([html.Li(html.A(t(label, lang), href=template_href(name), download=name))
                     for name, label in TEMPLATES]),
        ]),
    ])


def file_section(lang: str) -> html.Section:
    refusals = {
        "data-accept": ACCEPT, "data-message": SIZE_MESSAGE_ID,
        "data-refuse-type": t("up_wrong_type", lang, name="{name}", types=", ".join(ACCEPT.split(","))),
    }
    return html.Section(**{"aria-labelledby": "upload-file-heading"}, **refusals, children=[
        html.H2(t("up_file_heading", lang), id="upload-file-heading"),
        dcc.Upload(
            id=UPLOAD_ID, accept=ACCEPT, multiple=False, className="dropzone",
            className_active="dropzone dropzone-active",
            children=html.Div([
                html.P(t("up_drop_here", lang)),
                # A real button: reachable with the keyboard; its click opens the file chooser.
                html.Button(t("up_choose_file", lang), type="button", className="button"),
            ]),
        ),
        html.Div(id=SIZE_MESSAGE_ID, role="alert"),
        html.Div(id=SAVED, **{"aria-live": "polite"}),
    ])


def _mb(value: float) -> str:
    return f"{value:g}"


def stores(lang: str, programme: str | None, max_upload_mb: float) -> list:
    config = {
        "lang": lang, "programme": programme, "max_bytes": max_bytes(max_upload_mb),
        "too_big": t("up_too_big", lang, limit_mb=_mb(max_upload_mb), name="{name}"),
    }
    return [dcc.Store(id=META_ID), dcc.Store(id=CHECKED_ID), dcc.Store(id=MAPPING_ID, data=[]),
            dcc.Store(id=CONFIG_ID, data=config), dcc.Store(id=INPUT_HIDDEN_ID), dcc.Store(id=JOB_ID)]


def skeleton(lang: str, programme: str | None, max_upload_mb: float) -> list:
    """Every id the callbacks use, hidden (a database without programme: nothing to upload to)."""
    return [html.Div(hidden=True, children=[*body(lang, programme, max_upload_mb),
                                            dcc.Store(id=MAP_LABELS), html.Button(id=MAP_APPLY),
                                            *step_skeleton()])]


def validation_layout() -> html.Div:
    """Every id this page's callbacks use, without data (for Dash's callback validation).

    No page frame: it would name whoever made the request that builds this skeleton.
    """
    return html.Div(skeleton("en", None, 50.0))


def _choices(kind, decimal, new_indicators, mapping, planned_set=None) -> UploadChoices:
    return UploadChoices.from_browser({
        "kind": kind, "decimal": None if decimal in (None, "auto") else decimal,
        "new_indicators": new_indicators == "yes", "mapping": mapping,
        "planned_target_set": planned_set if isinstance(planned_set, str) else None,
    })


def _may_keep_planned(choices: UploadChoices) -> bool:
    """A target set is a coordinator's to write: the role is checked here, on the server."""
    return not choices.planned_target_set or has_role("coordinator")


def _hrefs(lang: str, programme: str) -> tuple[str, str]:
    """The overview and the import history, in the page's language and programme."""
    query = f"?{urlencode({'lang': lang, 'programme': programme})}"
    return f"/{query}", f"{IMPORTS_PATH}{query}"


def refusal(refused: UploadRefused, lang: str, name: str) -> html.Div:
    limit_mb = _mb(current().settings.max_upload_mb)
    return notice(t(refused.reason, lang, name=name, limit_mb=limit_mb), alert=True)


def _page_config(config) -> tuple[str, ProgrammeInfo | None]:
    """The page's language and programme, from its config store (as the browser sends it back)."""
    config = config if isinstance(config, dict) else {}
    lang = config.get("lang") if config.get("lang") in LANGUAGES else "en"
    return lang, current_programme(config.get("programme"))


def run_check(meta, kind, decimal, new_indicators, mapping, contents, filename, config, planned_set=None):
    """The check callback's work: (report, hidden, checked, confirm disabled, outcome)."""
    lang, prog = _page_config(config)
    if not meta or not contents:
        return [], True, None, True, []
    if prog is None:
        return [notice(t("no_programme", lang), alert=True)], False, None, True, []
    limit = max_bytes(current().settings.max_upload_mb)
    name = safe_file_name(filename)
    try:
        choices = _choices(kind, decimal, new_indicators, mapping, planned_set)
        data = decode_upload(contents, limit)
    except UploadRefused as refused:
        return [refusal(refused, lang, name)], False, None, True, []
    if not _may_keep_planned(choices):
        return [notice(t("up_planned_needs_coordinator", lang), alert=True)], False, None, True, []
    outcome = check_upload(write_engine(), prog.id, data, name, choices, current_user_name())
    step = mapping_step(prog.id, data, name, choices, lang) if opens_mapping_step(outcome, choices.kind) else None
    if step is not None:
        return step, False, None, True, []
    checked = None
    if outcome.importable:
        checked = {"sha256": outcome.sha256, "file_name": name, "choices": choices.to_browser(),
                   "rows": outcome.result.rows_in_file}
    shown_mapping = choices.mapping if choices.kind in ("indicators", "partners") else ()
    names = indicator_names(prog.id, lang, outcome.result.defined_indicators if outcome.result else {})
    return outcome_view(outcome, lang, shown_mapping, names), False, checked, checked is None, []


def indicator_names(programme_id: int, lang: str, defined: dict[str, dict]) -> dict[str, str]:
    """Each indicator's code → its name in `lang` (for the diff of a checked file): the stored
    ones, and those the file defines (`LoadResult.defined_indicators`), not stored before it is."""
    found = queries.indicators(current_engine(), programme_id, with_data=False)
    names = {code: name_in(new["name_nl"], new["name_en"], new["name_fr"], lang)[0] for code, new in defined.items()}
    return names | {row.code: name_in(row.name_nl, row.name_en, row.name_fr, lang)[0]
                    for row in found.itertuples(index=False)}


def mapping_step(programme_id: int, data: bytes, name: str, choices: UploadChoices, lang: str) -> list | None:
    """An export no profile knows: the mapping step, its preview made with the best guesses; None
    when a profile knows it or it is no table at all (then the check's own words are shown)."""
    try:
        if known_export(current_engine(), data, name):
            return None
        start = start_mapping(data, name)
    except UserError:
        return None
    guessed = guessed_choices(start)
    preview = preview_of(lambda: try_choices(write_engine(), programme_id, data, name, guessed,
                                             choices.decimal, current_user_name() or "web"), lang, guessed.roles)
    return [step_view(start, name, lang, preview)]


def run_import(contents, filename, checked, config):
    """The confirm callback's work: queue the import as a job and show it queued.

    (outcome, confirm disabled, progress bar, job store, poll disabled). The job runs outside
    this request (pipelines/job_queue.py); `poll_import` reports it.
    """
    lang, prog = _page_config(config)
    name = safe_file_name(filename)
    refused = no_update, True, [], None, True
    try:
        if prog is None:
            raise UserError(t("no_programme", lang))
        if not checked:
            raise UploadRefused("up_not_checked")
        choices = UploadChoices.from_browser(checked.get("choices"))
        if not _may_keep_planned(choices):
            return (notice(t("up_planned_needs_coordinator", lang), alert=True), *refused[1:])
        settings = current().settings
        data = decode_upload(contents, max_bytes(settings.max_upload_mb))
        rows = checked.get("rows")
        state = start_import(write_engine(), settings, prog.id, data, name, choices, checked.get("sha256"),
                             current_user_name(), rows if isinstance(rows, int) and rows >= 0 else None)
    except UploadRefused as refusal_reason:
        return (refusal(refusal_reason, lang, name), *refused[1:])
    except UserError as error:  # e.g. the database stayed busy: said in words, nothing queued
        return (notice(t("up_error", lang, message=error.in_language(lang)), alert=True), *refused[1:])
    ahead = import_jobs.ahead_of(current_engine(), state)
    return (job_outcome(state, lang, ahead, *_hrefs(lang, prog.slug)), True, progress_view(state, lang),
            {"id": state.id, "shown": state_key(state, ahead)}, False)


def poll_import(job, config):
    """The poll's work: (outcome or no_update, progress bar, job store, poll disabled)."""
    lang, prog = _page_config(config)
    if not isinstance(job, dict) or not isinstance(job.get("id"), str):
        return no_update, no_update, no_update, True
    # The write engine: a job whose process died is recorded failed by the poll that finds it.
    state = import_jobs.get(write_engine(), job["id"][:32])
    if state is not None and (prog is None or state.programme_id != prog.id):
        state = None  # a job of another programme is not this page's to show
    ahead = import_jobs.ahead_of(current_engine(), state) if state is not None and state.status == "queued" else 0
    key = state_key(state, ahead)
    outcome = no_update if key == job.get("shown") else job_outcome(
        state, lang, ahead, *_hrefs(lang, prog.slug if prog else ""))
    ended = state is None or state.finished
    bar = [] if state is None else progress_view(state, lang)
    return outcome, bar, {"id": job["id"], "shown": key}, ended


def limit_request_size(server, max_upload_mb: float) -> None:
    """Bodies far over the limit are cut off by the server before Dash reads them (413).

    base64 makes a file 4/3 as long; 1 MB more leaves room for the rest of the callback's JSON.
    """
    wanted = max_bytes(max_upload_mb) * 4 // 3 + 1024 * 1024
    server.config["MAX_CONTENT_LENGTH"] = max(server.config.get("MAX_CONTENT_LENGTH") or 0, wanted)


def register_callbacks(app: dash.Dash) -> None:
    limit_request_size(app.server, app.server.extensions[EXTENSION_KEY].settings.max_upload_mb)
    register_template_route(app.server)
    for group in (KIND_ID, DECIMAL_ID, NEW_INDICATORS_ID):
        register_choice_group(app, group)
    register_browser_side(app, UploadIds(
        upload=UPLOAD_ID, config=CONFIG_ID, meta=META_ID, size_message=SIZE_MESSAGE_ID, report=REPORT_ID,
        confirm=CONFIRM_ID, input_hidden=INPUT_HIDDEN_ID,
    ))

    @app.callback(
        Output(REPORT_ID, "children"), Output(REPORT_ID, "hidden"), Output(CHECKED_ID, "data"),
        Output(CONFIRM_ID, "disabled"), Output(OUTCOME_ID, "children", allow_duplicate=True),
        Input(META_ID, "data"), Input(KIND_ID, "data"), Input(DECIMAL_ID, "data"),
        Input(NEW_INDICATORS_ID, "data"), Input(MAPPING_ID, "data"), Input(PLANNED_SET_ID, "value"),
        State(UPLOAD_ID, "contents"), State(UPLOAD_ID, "filename"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def check_file(meta, kind, decimal, new_indicators, mapping, planned_set, contents, filename, config):
        return run_check(meta, kind, decimal, new_indicators, mapping, contents, filename, config, planned_set)

    @app.callback(
        Output(OUTCOME_ID, "children"), Output(CONFIRM_ID, "disabled", allow_duplicate=True),
        Output(JOB_PROGRESS_ID, "children"), Output(JOB_ID, "data"), Output(JOB_TICK_ID, "disabled"),
        Input(CONFIRM_ID, "n_clicks"), State(UPLOAD_ID, "contents"), State(UPLOAD_ID, "filename"),
        State(CHECKED_ID, "data"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")  # checked here, when the job is queued; the job records who it was
    def confirm_import(n_clicks, contents, filename, checked, config):
        if not n_clicks:
            return no_update, no_update, no_update, no_update, no_update
        return run_import(contents, filename, checked, config)

    @app.callback(
        Output(OUTCOME_ID, "children", allow_duplicate=True),
        Output(JOB_PROGRESS_ID, "children", allow_duplicate=True),
        Output(JOB_ID, "data", allow_duplicate=True), Output(JOB_TICK_ID, "disabled", allow_duplicate=True),
        Input(JOB_TICK_ID, "n_intervals"), State(JOB_ID, "data"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def poll_job(_n_intervals, job, config):
        return poll_import(job, config)

    register_mapping_callbacks(app, UPLOAD_ID, CONFIG_ID, DECIMAL_ID, META_ID, _page_config)

    @app.callback(
        Output(MAPPING_ID, "data"),
        Input(MAP_APPLY, "n_clicks"), State({"role": MAP_TARGET, "index": ALL}, "value"),
        State(MAP_LABELS, "data"), State(MAPPING_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def apply_mapping(n_clicks, targets, labels, current_rows):
        if not n_clicks or not labels:
            return no_update
        return merge_mapping(current_rows, mapping_rows([tuple(pair) for pair in labels], list(targets)))
