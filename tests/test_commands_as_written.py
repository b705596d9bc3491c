"""Every command that README.md, docs/ and zhibiao's own messages write runs as written on a fresh clone: a
`make` target with the variables the Makefile takes, or `.venv/bin/python -m …` with a command and options the
command line has (a bare `python -m etl` finds no DuckDB outside .venv)."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from etl.cli import _parser

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MAKE_VARIABLES = re.search(r"^USER_VARIABLES := (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
VARIABLES = set(MAKE_VARIABLES.group(1).split()) | {"PG"}
TARGETS = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
MAKE = re.compile(r"(?:^|[;&(]\s*)make\s+([a-z]+)((?:\s+[A-Z_]+=\S*)*)")
MODULE_RUN = re.compile(r"(?:([\w./]*)python3?) -m ([\w.]+)((?: [^`|)]*)?)")


def _snippets(text: str) -> list[str]:
    """The code of a Markdown file: each line of a code block, each inline code span."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif fenced or line.startswith("    "):
            found.append(line.strip())
        else:
            found.extend(re.findall(r"`([^`]+)`", line))
    return found


def _messages() -> list[str]:
    """The text zhibiao prints or raises: every string constant of etl/ that is not a docstring."""
    texts = []
    for path in sorted((ROOT / "etl").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                texts.append(node.value)
    return texts


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def problems_of_etl(words: list[str]) -> list[str]:
    """What is wrong with `python -m etl <words>`: an unknown command or option."""
    parser, said = _parser(), ["etl"]
    while words and (commands := _subcommands(parser)):
        if words[0].startswith("-") or words[0].isupper() or words[0] == "COMMAND":
            break
        if words[0] not in commands:
            return [f"{' '.join(said)} has no command {words[0]!r}"]
        parser = commands[words[0]]
        said.append(words.pop(0))
    known = set(parser._option_string_actions)
    options = {re.sub(r"[\[\]]|=.*", "", w) for w in words if re.match(r"\[?--?[a-z]", w)}
    return [f"{' '.join(said)} has no option {o}" for o in sorted(options - known)]


def problems(command: str, where: str) -> list[str]:
    """What keeps one command of the docs or a message from running as written."""
    found = []
    for target, variables in MAKE.findall(command):
        if target not in TARGETS:
            found.append(f"{where}: make {target}: no such target")
        found += [f"{where}: make {target}: no variable {v}" for v in re.findall(r"([A-Z_]+)=", variables)]
        found = [p for p in found if not p.endswith(tuple(f"no variable {v}" for v in VARIABLES))]
    for python, module, rest in MODULE_RUN.findall(command):
        if python != ".venv/bin/":
            found.append(f"{where}: {command!r} runs another Python than .venv/bin/python")
        if module == "etl":
            found += [f"{where}: {p}" for p in problems_of_etl(rest.split())]
        elif not ((ROOT / Path(*module.split("."))).with_suffix(".py").is_file() or (ROOT / module).is_dir()):
            found.append(f"{where}: no module {module}")
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_command_a_doc_writes_runs_as_written(doc):
    text = doc.read_text(encoding="utf-8")
    assert re.findall(r"(?<![/\w])python3? -m \S+", text) == []  # always .venv/bin/python -m …
    found = []
    for snippet in _snippets(text):
        found += problems(snippet, doc.name)
    assert found == []


def test_every_command_a_message_names_runs_as_written():
    found = []
    for text in _messages():
        if "python -m" in text or re.search(r"\bmake [a-z]+(?:$| [A-Z_]+=|[);,.`])", text):
            found += problems(text, repr(text[:60]))
    assert found == []
    assert _parser().prog == ".venv/bin/python -m etl"


def test_the_check_finds_a_command_that_would_not_run():
    assert problems("python -m etl refresh", "x") == [
        "x: 'python -m etl refresh' runs another Python than .venv/bin/python"
    ]
    assert problems(".venv/bin/python -m etl refresh --no-such", "x") == ["x: etl refresh has no option --no-such"]
    assert problems(".venv/bin/python -m etl series suggestions", "x") == ["x: etl series has no command 'suggestions'"]
    assert problems(".venv/bin/python -m etl series suggest [--accept ID ...] [--db PATH]", "x") == []
    assert problems("make reports DB=x", "x") == ["x: make reports: no such target"]
    assert problems("make refresh DATABASE=x", "x") == ["x: make refresh: no variable DATABASE"]
    assert problems("make query Q=new_urban_jobs FORMAT=tsv", "x") == []
    assert problems(".venv/bin/python -m tools.no_such x", "x") == ["x: no module tools.no_such"]


def test_every_command_the_makefile_runs_or_prints_is_there():
    found = []
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and "python -m" in line:
            command = re.sub(r"\$\(if \$\(value \w+\),([^)]*)\)", r"\1", line.replace("$(BIN)/", ".venv/bin/"))
            found += problems(re.sub(r"\$\([^)]*\)+", "X", command).split("@", 1)[-1], "Makefile")
        for text in re.findall(r'"([^"]*)"', line) + re.findall(r"## (.*)$", line):
            found += problems(text, "Makefile")
    assert found == []
    assert problems(".venv/bin/python -m etl export --db=X --outfolder=X", "Makefile") == [
        "Makefile: etl export has no option --outfolder"
    ]
