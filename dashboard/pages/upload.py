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
from dashboard.i18n import LANGUAGES, t
from dashboard.security import current_user_name, role_required
from dashboard.workspace.nav import IMPORTS_PATH, UPLOAD_PATH, workspace_shell
from dashboard.workspace.notices import notice
from dashboard.workspace.upload_browser import UploadIds, register_browser_side
from dashboard.workspace.upload_check import (
    UploadChoices,
    UploadRefused,
    check_upload,
    decode_upload,
    import_upload,
    mapping_rows,
    max_bytes,
    merge_mapping,
    safe_file_name,
)
from dashboard.workspace.upload_mapping import (
    SAVED,
    opens_mapping_step,
    preview_of,
    step_skeleton,
    step_view,
)
from dashboard.workspace.upload_mapping_callbacks import register_mapping_callbacks
from dashboard.workspace.upload_templates import TEMPLATES, register_template_route, template_href
from dashboard.workspace.upload_views import (
    MAP_APPLY,
    MAP_LABELS,
    MAP_TARGET,
    import_done,
    outcome_view,
    problems_section,
)
from pipelines.errors import UserError, ValidationFailed
from pipelines.load.kinds import IMPORT_KINDS
from pipelines.profiles.mapping_step import (
    guessed_choices,
    known_export,
    start_mapping,
    try_choices,
)

UPLOAD_ID = "upload-file"
KIND_ID = "upload-kind"
DECIMAL_ID = "upload-decimal"
NEW_INDICATORS_ID = "upload-new-indicators"
META_ID = "upload-meta"  # Store: {name, size} of a file small enough to send to the server
SIZE_MESSAGE_ID = "upload-size-message"
REPORT_ID = "upload-report"
CHECKED_ID = "upload-checked"  # Store: {sha256, file_name, choices} of the file last checked
MAPPING_ID = "upload-mapping-rows"  # Store: [[source label, kind, target], ...]
CONFIG_ID = "upload-config"  # Store: language, programme, size limit and its message
CONFIRM_ID = "upload-confirm"
OUTCOME_ID = "upload-outcome"
INPUT_HIDDEN_ID = "upload-input-hidden"  # Store: set once the Upload's own input is hidden
DECIMAL_CHOICES = (("auto", "up_decimal_auto"), (",", "up_decimal_comma"), (".", "up_decimal_point"))
ACCEPT = ".csv,.tsv,.txt,.xlsx"

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
            dcc.Loading(html.Div(id=OUTCOME_ID, **{"aria-live": "polite"})),
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
        html.Details(className="table-view", children=[
            html.Summary(t("up_templates_heading", lang)),
            html.P(t("up_templates_intro", lang)),
            html.Ul([html.Li(html.A(t(label, lang), href=template_href(name), download=name))
                     for name, label in TEMPLATES]),
        ]),
    ])


def file_section(lang: str) -> html.Section:
    return html.Section(**{"aria-labelledby": "upload-file-heading"}, children=[
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
            dcc.Store(id=CONFIG_ID, data=config), dcc.Store(id=INPUT_HIDDEN_ID)]


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


def _choices(kind, decimal, new_indicators, mapping) -> UploadChoices:
    return UploadChoices.from_browser({
        "kind": kind, "decimal": None if decimal in (None, "auto") else decimal,
        "new_indicators": new_indicators == "yes", "mapping": mapping,
    })


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


def run_check(meta, kind, decimal, new_indicators, mapping, contents, filename, config):
    """The check callback's work: (report, hidden, checked, confirm disabled, outcome)."""
    lang, prog = _page_config(config)
    if not meta or not contents:
        return [], True, None, True, []
    if prog is None:
        return [notice(t("no_programme", lang), alert=True)], False, None, True, []
    limit = max_bytes(current().settings.max_upload_mb)
    name = safe_file_name(filename)
    try:
        choices = _choices(kind, decimal, new_indicators, mapping)
        data = decode_upload(contents, limit)
    except UploadRefused as refused:
        return [refusal(refused, lang, name)], False, None, True, []
    outcome = check_upload(write_engine(), prog.id, data, name, choices, current_user_name())
    step = mapping_step(prog.id, data, name, choices, lang) if opens_mapping_step(outcome, choices.kind) else None
    if step is not None:
        return step, False, None, True, []
    checked = None
    if outcome.importable:
        checked = {"sha256": outcome.sha256, "file_name": name, "choices": choices.to_browser()}
    shown_mapping = choices.mapping if choices.kind in ("indicators", "partners") else ()
    return outcome_view(outcome, lang, shown_mapping, indicator_names(prog.id, lang)), False, checked, checked is None, []


def indicator_names(programme_id: int, lang: str) -> dict[str, str]:
    """Each stored indicator's code → its name in `lang` (for the diff of a checked file)."""
    found = queries.indicators(current_engine(), programme_id, with_data=False)
    return dict(zip(found["code"], found["name_nl" if lang == "nl" else "name_en"], strict=True))


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
    """The confirm callback's work: (outcome, confirm disabled)."""
    lang, prog = _page_config(config)
    name = safe_file_name(filename)
    try:
        if prog is None:
            raise UserError(t("no_programme", lang))
        if not checked:
            raise UploadRefused("up_not_checked")
        choices = UploadChoices.from_browser(checked.get("choices"))
        data = decode_upload(contents, max_bytes(current().settings.max_upload_mb))
        result = import_upload(write_engine(), prog.id, data, name, choices, checked.get("sha256"),
                               current_user_name())
    except UploadRefused as refused:
        return refusal(refused, lang, name), True
    except ValidationFailed as failed:  # the database changed since the check
        return [notice(t("up_failed_on_import", lang), alert=True), problems_section(failed.problems, lang)], True
    except UserError as error:
        return notice(t("up_error", lang, message=error.in_language(lang)), alert=True), True
    return import_done(result, lang, *_hrefs(lang, prog.slug)), True


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
        Input(NEW_INDICATORS_ID, "data"), Input(MAPPING_ID, "data"),
        State(UPLOAD_ID, "contents"), State(UPLOAD_ID, "filename"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def check_file(meta, kind, decimal, new_indicators, mapping, contents, filename, config):
        return run_check(meta, kind, decimal, new_indicators, mapping, contents, filename, config)

    @app.callback(
        Output(OUTCOME_ID, "children"), Output(CONFIRM_ID, "disabled", allow_duplicate=True),
        Input(CONFIRM_ID, "n_clicks"), State(UPLOAD_ID, "contents"), State(UPLOAD_ID, "filename"),
        State(CHECKED_ID, "data"), State(CONFIG_ID, "data"),
        prevent_initial_call=True,
    )
    @role_required("analyst")
    def confirm_import(n_clicks, contents, filename, checked, config):
        if not n_clicks:
            return no_update, no_update
        return run_import(contents, filename, checked, config)

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
