"""The upload page's browser-side callbacks: the size limit before sending, and the file input's a11y."""

from __future__ import annotations

from dataclasses import dataclass

import dash
from dash import Input, Output, State

# A file over the limit is refused in the browser, before a single byte goes to the server:
# the server callback is triggered by the small `meta` store, never by the file itself.
SIZE_GUARD = """function (contents, name, config) {
    var nu = window.dash_clientside.no_update;
    if (!contents) { return [null, "", true, true]; }
    var size = Math.floor((contents.length - contents.indexOf(",") - 1) / 4 * 3);
    if (size > config.max_bytes) {
        return [nu, config.too_big.replace("{name}", name || ""), true, true];
    }
    return [{name: name, size: size, at: Date.now()}, "", nu, true];
}"""

# dcc.Upload draws its own <input type=file>, transparent but focusable and without a label (axe:
# "label"; an invisible focus). The visible "Choose a file" button is the control (its click
# reaches the drop zone, which opens the chooser), so the input leaves the tab order and the
# accessibility tree. Dash draws the Upload lazily: wait until it is there.
HIDE_NATIVE_INPUT = """function (config) {
    var tries = 0;
    (function hide() {
        var input = document.querySelector("#%s input[type=file]");
        if (input) { input.setAttribute("tabindex", "-1"); input.setAttribute("aria-hidden", "true"); return; }
        if (tries++ < 200) { setTimeout(hide, 50); }
    })();
    return true;
}"""


@dataclass(frozen=True)
class UploadIds:
    upload: str  # the dcc.Upload
    config: str  # Store: {max_bytes, too_big (message with {name}), ...}
    meta: str  # Store: {name, size, at} of a file small enough to send
    size_message: str
    report: str
    confirm: str
    input_hidden: str  # Store set once the Upload's own input is hidden


def register_browser_side(app: dash.Dash, ids: UploadIds) -> None:
    app.clientside_callback(HIDE_NATIVE_INPUT.replace("%s", ids.upload), Output(ids.input_hidden, "data"),
                            Input(ids.config, "data"))
    app.clientside_callback(
        SIZE_GUARD,
        Output(ids.meta, "data"), Output(ids.size_message, "children"),
        Output(ids.report, "hidden", allow_duplicate=True), Output(ids.confirm, "disabled", allow_duplicate=True),
        Input(ids.upload, "contents"), State(ids.upload, "filename"), State(ids.config, "data"),
        prevent_initial_call=True,
    )
