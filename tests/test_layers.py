"""The house's rules, checked: layers (import-linter) and one front door for writes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipelines", "dashboard", "roadmap_cli")


def test_the_import_contracts_hold():
    # pyproject.toml [tool.importlinter]: the CLI above the dashboard above the pipelines, pure
    # figures, queries without pages, pages that never import pages.
    found = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=ROOT,
                           capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "0 broken" in found.stdout


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
