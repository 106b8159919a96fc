"""A plain HTML table of already formatted cells, scrollable on a phone, for the upload and history pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dash import html


def text_table(
    caption: str, headers: Sequence[str], rows: Iterable[Sequence], *, table_id: str | None = None,
    region_label: str | None = None, row_headers: bool = True, class_names: Sequence[str | None] = (),
) -> html.Div:
    """`rows` of cells (text or components) under `headers`; the first cell heads its row.

    Every value reaches the page as text (Dash escapes it), so a cell holding `<script>` shows
    those characters. `class_names` gives a CSS class per column (e.g. "text" for left-aligned).
    """
    classes = list(class_names) + [None] * (len(headers) - len(class_names))
    head = html.Tr([html.Th(h, scope="col", className=c) for h, c in zip(headers, classes, strict=True)])
    body = []
    for row in rows:
        cells = []
        for i, (value, cls) in enumerate(zip(row, classes, strict=True)):
            if i == 0 and row_headers:
                cells.append(html.Th(value, scope="row", className=cls))
            else:
                cells.append(html.Td(value, className=cls))
        body.append(html.Tr(cells))
    table = html.Table(className="data-table", children=[
        html.Caption(caption), html.Thead(head), html.Tbody(body),
    ], **({"id": table_id} if table_id else {}))
    return html.Div(className="table-scroll", tabIndex="0", role="region",
                    **{"aria-label": region_label or caption}, children=table)
