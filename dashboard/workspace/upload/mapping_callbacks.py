"""The mapping step's callbacks: role and value toggles, the preview as choices change, and
*Save as profile*. Each server callback checks the analyst role first; saving goes through
`pipelines.profiles.mapping_step` (the dashboard never writes itself)."""

from __future__ import annotations

import time

import dash
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, no_update

from dashboard.context import write_engine
from dashboard.i18n import t
from dashboard.security import require_role, role_required
from dashboard.workspace.common.notices import done, notice
from dashboard.workspace.upload.check import UploadRefused, decode_upload, max_bytes, safe_file_name
from dashboard.workspace.upload.mapping import (
    LABEL,
    MARKERS,
    MEASURED,
    MEASURED_OPTION,
    NAME,
    PREVIEW,
    ROLE,
    ROLE_OPTION,
    SAVE,
    SAVED,
    STEP,
    UNIT,
    VALUES,
    choices_from,
    preview_of,
    values_view,
)
from pipelines.errors import UserError
from pipelines.profiles.mapping_step import save_choices, try_choices


def _choice_states(kind=State) -> list:
    """The analyst's choices, as inputs (the preview) or states (saving)."""
    return [State({"type": ROLE, "index": ALL}, "id"), kind({"type": ROLE, "index": ALL}, "data"),
            State({"type": LABEL, "index": ALL}, "id"), kind({"type": LABEL, "index": ALL}, "value"),
            State({"type": MEASURED, "index": ALL}, "id"), kind({"type": MEASURED, "index": ALL}, "data"),
            kind(UNIT, "value"), kind(MARKERS, "value")]


def register_mapping_callbacks(app: dash.Dash, upload: str, config: str, decimal: str, meta: str,
                               page_config) -> None:
    """`upload`, `config`, `decimal`, `meta`: the page's own ids; `page_config(config)` gives
    (lang, programme) from its config store."""
    for option, store in ((ROLE_OPTION, ROLE), (MEASURED_OPTION, MEASURED)):
        app.clientside_callback(
            ClientsideFunction(namespace="roadmap", function_name="toggleOne"),
            Output({"type": store, "index": MATCH}, "data"),
            Output({"type": option, "index": MATCH, "value": ALL}, "aria-pressed"),
            Input({"type": option, "index": MATCH, "value": ALL}, "n_clicks"),
            State({"type": option, "index": MATCH, "value": ALL}, "id"),
            State({"type": store, "index": MATCH}, "data"),
            prevent_initial_call=True,
        )

    # Another file chosen: the word about a profile saved for the last one goes.
    app.clientside_callback("function (contents) { return ''; }", Output(SAVED, "children", allow_duplicate=True),
                            Input(upload, "contents"), prevent_initial_call=True)

    def _file(contents, filename) -> tuple[bytes, str]:
        from dashboard.context import current

        return decode_upload(contents, max_bytes(current().settings.max_upload_mb)), safe_file_name(filename)

    @app.callback(Output(VALUES, "children"), Input({"type": ROLE, "index": ALL}, "data"),
                  State({"type": ROLE, "index": ALL}, "id"), State(STEP, "data"), State(config, "data"),
                  prevent_initial_call=True)
    @role_required("analyst")
    def show_values(roles, role_ids, step, config_data):
        lang, _prog = page_config(config_data)
        chosen = {str(i["index"]): r for i, r in zip(role_ids, roles, strict=True)}
        return values_view(chosen, (step or {}).get("distinct", {}), lang)

    @app.callback(Output(PREVIEW, "children"), *_choice_states(Input),
                  State(upload, "contents"), State(upload, "filename"), State(config, "data"),
                  State(decimal, "data"), prevent_initial_call=True)
    @role_required("analyst")
    def preview(role_ids, roles, label_ids, targets, measured_ids, measured, unit, markers,
                contents, filename, config_data, decimal_choice):
        lang, prog = page_config(config_data)
        if prog is None or not contents:
            return no_update
        user = require_role("analyst").name
        try:
            data, name = _file(contents, filename)
        except UploadRefused:
            return no_update
        choices = choices_from(role_ids, roles, label_ids, targets, measured_ids, measured, unit, markers)
        dec = decimal_choice if decimal_choice in (",", ".") else None
        return preview_of(lambda: try_choices(write_engine(), prog.id, data, name, choices, dec, user), lang,
                          choices.roles)

    @app.callback(Output(SAVED, "children"), Output(meta, "data", allow_duplicate=True),
                  Input(SAVE, "n_clicks"), State(NAME, "value"), *_choice_states(State),
                  State(upload, "contents"), State(upload, "filename"), State(config, "data"),
                  State(decimal, "data"), prevent_initial_call=True)
    @role_required("analyst")
    def save(n_clicks, profile_name, role_ids, roles, label_ids, targets, measured_ids, measured, unit,
             markers, contents, filename, config_data, decimal_choice):
        if not n_clicks:
            return no_update, no_update
        lang, prog = page_config(config_data)
        user = require_role("analyst").name
        choices = choices_from(role_ids, roles, label_ids, targets, measured_ids, measured, unit, markers)
        try:
            data, name = _file(contents, filename)
            if prog is None:
                raise UserError(t("no_programme", lang))
            dec = decimal_choice if decimal_choice in (",", ".") else None
            saved = save_choices(write_engine(), prog.id, str(profile_name or ""), data, name, choices, user, dec)
        except UploadRefused as refused:
            return notice(t(refused.reason, lang, name="", limit_mb=""), alert=True), no_update
        except UserError as error:
            return notice(t("ms_not_saved", lang, message=error.in_language(lang)), alert=True), no_update
        # A new meta checks the file again: now a profile recognises it, so it goes to the preview.
        return done(t("ms_saved", lang, name=saved)), {"name": name, "size": len(data), "at": time.time()}
