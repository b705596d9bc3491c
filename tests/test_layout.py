"""The tree shows the stages: imports run one way, from a later stage to an earlier one only."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ETL = Path(__file__).resolve().parent.parent / "etl"
# The stages in the order data flows; a module may import its own stage and the ones before it.
STAGES = ("records", "text", "catalog", "rules", "series", "warehouse", "exports", "site", "cli")
LONGEST_MODULE = 300  # lines


def module_name(path: Path) -> str:
    parts = path.relative_to(ETL.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    """etl.rules.units -> rules; etl.records -> records; etl.cli, etl.__main__, etl -> cli."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "cli"


def imports_of(path: Path) -> set[str]:
    """The etl modules `path` imports, wherever in the file the import stands."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "etl":
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "etl")
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in ETL.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def test_every_module_belongs_to_a_stage():
    strays = [p.name for p in ETL.glob("*.py") if p.stem not in ("__init__", "__main__", "records", "cli")]
    assert strays == []


def test_imports_run_from_later_stages_to_earlier_ones():
    backwards = [
        f"{module} imports {imported}"
        for module, imported_modules in import_graph().items()
        for imported in imported_modules
        if STAGES.index(stage_of(imported)) > STAGES.index(stage_of(module)) and imported != "etl"
    ]
    assert backwards == []


def test_imports_have_no_loop():
    graph = {module: {m for m in imported if m != "etl"} for module, imported in import_graph().items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"an import loop: {' -> '.join(error.args[1])}") from None


def test_no_module_is_longer_than_300_lines():
    long = {module_name(p): n for p in ETL.rglob("*.py") if (n := len(p.read_text().splitlines())) > LONGEST_MODULE}
    assert long == {}


def test_the_import_rules_see_a_backward_import_and_a_loop(tmp_path, monkeypatch):
    """The checks above can fail: a text module importing the warehouse breaks both rules."""
    fake = {"etl.text.decode": {"etl.warehouse.load"}, "etl.warehouse.load": {"etl.text.decode"}}
    monkeypatch.setattr(f"{__name__}.import_graph", lambda: fake)
    try:
        test_imports_run_from_later_stages_to_earlier_ones()
    except AssertionError as error:
        assert "etl.text.decode imports etl.warehouse.load" in str(error)
    else:
        raise AssertionError("a text module importing the warehouse was not seen")
    try:
        test_imports_have_no_loop()
    except AssertionError as error:
        assert "an import loop" in str(error)
    else:
        raise AssertionError("an import loop was not seen")
