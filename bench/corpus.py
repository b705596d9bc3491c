"""A benchmark corpus: N copies of the real reports, each with its own doc_id and a small edit.

Copies cycle through the reports in data/raw (whatever is there), keep each
report's encoding (UTF-8, GB18030 …) and its manifest row, and differ from
every other copy in their bytes: one percentage is changed and a line naming
the copy is appended. A percentage is edited rather than a count because
counts can be parts of a breakdown (其中…), whose sum the data checks compare
with the whole; rates are never summed.
"""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from etl.text.decode import DecodeError, decode
from etl.text.sources import MANIFEST, MANIFEST_COLUMNS, read_sources

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
PERCENT = re.compile(r"\d+(?:\.\d+)?(?=[%％])")


@dataclass(frozen=True)
class Base:
    """One real report: its raw bytes, the text they encode, and its manifest row."""

    file: str
    doc_id: str
    encoding: str  # a Python codec name that reproduces the bytes (utf-8-sig keeps the BOM)
    text: str
    row: dict[str, str]


def read_bases(raw_dir: Path = RAW) -> list[Base]:
    """The reports in `raw_dir` that load today; bad files and manifest rows are left out."""
    sources, _errors = read_sources(raw_dir)
    bases = []
    for source in sources:
        raw = (raw_dir / source.file).read_bytes()
        try:
            encoding = decode(raw).encoding
            text = raw.decode(encoding)
        except (DecodeError, UnicodeDecodeError, LookupError):
            continue
        row = {
            "file": source.file,
            "doc_id": source.doc_id,
            "title": source.title or "",
            "publisher": source.publisher or "",
            "published_on": source.published_on or "",
            "report_year": "" if source.report_year is None else str(source.report_year),
        }
        bases.append(Base(source.file, source.doc_id, encoding, text, row))
    if not bases:
        raise SystemExit(f"{raw_dir}: no readable reports to build a benchmark corpus from")
    return bases


def edit_percentage(text: str, k: int) -> str:
    """`text` with the last digit of its k-th percentage (counted cyclically) changed."""
    matches = list(PERCENT.finditer(text))
    if not matches:
        return text
    match = matches[k % len(matches)]
    last = match.end() - 1
    return text[:last] + str((int(text[last]) + 1) % 10) + text[last + 1 :]


def copy_text(base: Base, i: int, n_bases: int) -> str:
    text = edit_percentage(base.text, i // n_bases)
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.rstrip() + f"{newline}(基准语料副本 {i:05d}){newline}"


SHAPES = ("reports", "publishers", "one", "none")  # who published the copies: see build_corpus
PUBLISHERS = 2_466  # the "publishers" shape: as many as a manifest of every county, city and province


def build_corpus(n: int, folder: Path, bases: list[Base], shape: str = "reports") -> Path:
    """Write N copies and their manifest into `folder` (emptied first); returns the folder.

    `shape` says who published them: "reports", each copy its report's publisher;
    "publishers", PUBLISHERS publishers in turn (about four reports each); "one",
    one publisher for all; "none", no manifest at all (every publisher unknown,
    each doc_id from its file's name, each report year read from the text).
    """
    if shape not in SHAPES:
        raise ValueError(f"shape {shape!r} is not one of {', '.join(SHAPES)}")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rows = []
    for i in range(n):
        base = bases[i % len(bases)]
        name = f"{i:05d}-{base.file}"
        (folder / name).write_bytes(copy_text(base, i, len(bases)).encode(base.encoding))
        publisher = {"publishers": f"某地人民政府{i % PUBLISHERS:04d}", "one": "某地人民政府"}.get(
            shape, base.row["publisher"]
        )
        rows.append({**base.row, "file": name, "doc_id": f"{base.doc_id}-{i:05d}", "publisher": publisher})
    if shape == "none":
        return folder
    with (folder / MANIFEST).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return folder


def edit_one_document(folder: Path, k: int) -> Path:
    """Change one percentage of one report of `folder`, as an analyst's correction would."""
    for path in sorted(p for p in folder.iterdir() if p.name != MANIFEST):
        raw = path.read_bytes()
        encoding = decode(raw).encoding
        text = raw.decode(encoding)
        edited = edit_percentage(text, k)
        if edited != text:
            path.write_bytes(edited.encode(encoding))
            return path
    raise SystemExit(f"{folder}: no report states a percentage to edit")
