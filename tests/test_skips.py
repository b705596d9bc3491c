"""A skipped test says why: pytest prints each skip's reason in its summary (-rs in pyproject.toml), and every
skip in the tests gives one."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib

from .conftest import ROOT


def _skips_without_a_reason(source: str) -> list[int]:
    """The lines of `pytest.skip(...)`, `skipif(...)` and `mark.skip(...)` calls that give no reason."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        keywords = {k.arg for k in node.keywords}
        if name == "skip" and not node.args and "reason" not in keywords:
            lines.append(node.lineno)
        elif name == "skipif" and "reason" not in keywords:
            lines.append(node.lineno)
    return lines


def test_every_skip_in_the_tests_gives_its_reason():
    found = {
        p.name: lines
        for p in sorted((ROOT / "tests").glob("*.py"))
        if (lines := _skips_without_a_reason(p.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert _skips_without_a_reason("import pytest\n@pytest.mark.skipif(True)\ndef f(): pytest.skip()\n") == [2, 3]


def test_the_summary_lists_each_skip_with_its_reason(tmp_path):
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "-rs" in options["addopts"].split()
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\n\ndef test_skipped():\n    pytest.skip('no browser here')\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml"), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "SKIPPED [1] test_one.py:5: no browser here" in done.stdout
