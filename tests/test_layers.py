"""The house's rules, checked: layers (import-linter), no import cycles, one front door for writes."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipelines", "dashboard", "roadmap_cli")


def test_the_import_contracts_hold():
    # pyproject.toml [tool.importlinter]: the CLI above the dashboard above the pipelines, pure
    # figures, queries without pages, pages that never import pages.
    found = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=ROOT,
                           capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "0 broken" in found.stdout


def _cycles(graph) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan's SCCs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while (top := stack.pop()) != module:
                group.append(top)
            if group:
                groups.append(sorted([module, *group]))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_round_about():
    # Function-level imports count too: they hide a cycle, they do not remove it.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    assert _cycles(grimp.build_graph(*PACKAGES)) == []


def _calls(name: str) -> list[str]:
    """Files (outside tests) with a call to an attribute or function called `name`."""
    out = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    func = node.func
                    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                    if called == name:
                        out.append(str(path.relative_to(ROOT)))
    return sorted(set(out))


def test_only_the_unit_of_work_rebuilds_the_derived_tables():
    assert _calls("rebuild") == ["pipelines/unit_of_work.py"]


def test_one_registry_lists_the_import_kinds():
    from pipelines.load.kinds import IMPORT_KINDS

    assert list(IMPORT_KINDS) == ["indicators", "partners", "commitments"]
    for kind in IMPORT_KINDS.values():
        for template in kind.templates:  # every template the registry names is shipped
            assert (ROOT / "data" / "templates" / template).is_file()


def test_chart_colours_live_only_in_vocab():
    # Colours carry meaning (a sector, a status, measured vs. planned): one place, pipelines.vocab.
    # The two small pages outside Dash (login, printable report) keep their stylesheets in their
    # own module, as the Dash pages keep theirs in assets/*.css.
    stylesheets = {"dashboard/login_views.py", "dashboard/workspace/coordinate/report_page.py"}
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![-\w])")
    found = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in stylesheets:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if hex_colour.search(line.split("  # ")[0]):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "colour literals outside pipelines/vocab.py:\n" + "\n".join(found)
