"""Reading a section in its wire form (dashboard/cache.py `wire_form`): the plain JSON Dash sends,
each component a dict {"type", "namespace", "props"}."""

from __future__ import annotations

from collections.abc import Iterator


def components(tree) -> Iterator[dict]:
    """Every component in `tree` (a component, a list of them, or any value), depth first."""
    if isinstance(tree, list):
        for item in tree:
            yield from components(item)
    elif isinstance(tree, dict) and "props" in tree and "type" in tree:
        yield tree
        yield from components(tree["props"].get("children"))


def children(component: dict):
    return component["props"].get("children")


def of_type(tree, type_name: str) -> list[dict]:
    return [c for c in components(tree) if c["type"] == type_name]


def dash_components(component) -> Iterator:
    """Every Dash component object under `component` (itself first), depth first: a layout as a
    page or section builds it, before it is sent."""
    yield component
    kids = getattr(component, "children", None)
    for child in kids if isinstance(kids, list | tuple) else [kids]:
        if child is not None and not isinstance(child, str | int | float):
            yield from dash_components(child)
