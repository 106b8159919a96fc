"""The POST bodies the public pages send to /_dash-update-component, built from the app's own
callback map (benchmarks/dashboard.py and benchmarks/load.py time them)."""

from __future__ import annotations


def _output_key(app, *outputs: str) -> str:
    """Dash's name for the callback with these outputs (its callback_map key)."""
    return next(k for k in app.callback_map if all(f"{o}" in k for o in outputs))


def _body(app, outputs: list[tuple[str, str]], inputs: list[tuple[str, str, object]], state: list) -> dict:
    spelled = [{"id": i, "property": p} for i, p in outputs]
    return {
        "output": _output_key(app, *(f"{i}.{p}" for i, p in outputs)),
        "outputs": spelled if len(spelled) > 1 else spelled[0],
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"], "state": state,
    }


def page_state(path: str, keys: list[str]) -> dict:
    return {"path": path, "lang": "en", "languages": ["nl", "fr"], "fixed": {"lang": "en"}, "programme": None,
            "keys": keys}


def callback_bodies(app, target_ids: list[int], sectors: list[str], slugs: list[str]) -> dict[str, list[dict]]:
    """The POST bodies the public pages send, per page: the overview's page routing, target-set
    and per-inhabitant choice and sector breakdown; the sectors page's sector choice; the
    comparison page's choice of programmes."""
    router = _body(app, [("_pages_content", "children"), ("_pages_store", "data")],
                   [("_pages_location", "pathname", "/"), ("_pages_location", "search", "?lang=en")], [])
    overview = [{"id": "overview-state", "property": "data",
                 "value": page_state("/", ["target", "breakdown", "per"])}]
    main = [("overview-main", "children"), ("overview-scenario", "children")]
    bodies = {"overview": [router]}
    for target in target_ids:
        for per in ("total", "inhabitant"):
            bodies["overview"].append(_body(app, main, [("overview-target", "data", str(target)),
                                                        ("overview-per", "data", per)], overview))
    for breakdown in ("share", "absolute"):
        bodies["overview"].append(_body(app, [("overview-sectors", "children")],
                                        [("overview-breakdown", "data", breakdown),
                                         ("overview-per", "data", "total")], overview))
    sector_state = [{"id": "sectors-state", "property": "data", "value": page_state("/sectors", ["sector", "per"])}]
    bodies["sectors"] = [
        _body(app, [("sectors-content", "children")], [("sectors-sector", "data", code),
                                                       ("sectors-per", "data", "total")], sector_state)
        for code in sectors
    ]
    compare_state = [{"id": "compare-state", "property": "data", "value": page_state("/compare", ["programmes"])}]
    bodies["compare"] = [
        _body(app, [("compare-chosen-list", "children"), ("compare-content", "children")],
              [("compare-chosen", "data", chosen)], compare_state)
        for chosen in (slugs[:2], slugs[:1])
    ]
    return bodies
