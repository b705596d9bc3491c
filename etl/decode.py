"""Raw bytes to text: detect the encoding, refuse what is not text, strip HTML.

Reports arrive as UTF-8 (with or without BOM), UTF-16, GB18030/GBK or saved
web pages. Detection is charset-normalizer's; BOMs and valid UTF-8 are
trusted first because detectors can misjudge short or mostly-ASCII files.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The file is not a text report; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(raw: bytes) -> Decoded:
    """Decode a report's bytes, or raise DecodeError saying why it is not text."""
    if not raw.strip():
        raise DecodeError("the file is empty")
    if len(raw) > MAX_BYTES:
        raise DecodeError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    encoding = _encoding(raw)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise DecodeError(f"cannot be decoded as {encoding}: {err}") from err
    if _looks_binary(text):
        raise DecodeError("the file is binary, not text")
    if _looks_like_html(text):
        text = html_to_text(text)
    return Decoded(text=text, encoding=_canonical(encoding))


def _encoding(raw: bytes) -> str:
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw[:4096] and not _utf16_without_bom(raw):
        raise DecodeError("the file is binary, not text")
    if _utf16_without_bom(raw):
        return "utf-16-le" if raw[1::2].count(0) > raw[0::2].count(0) else "utf-16-be"
    best = from_bytes(raw[: 256 * 1024]).best()
    if best is None:
        raise DecodeError("no text encoding fits the file (binary?)")
    name = best.encoding
    # Chinese text detected as GB2312 or GBK decodes best as their superset.
    if name in ("gb2312", "gbk", "hz", "cp936"):
        name = "gb18030"
    return name


def _utf16_without_bom(raw: bytes) -> bool:
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Text in UTF-16 has NULs in one byte lane for ASCII, never spread over both.
    return (zeros_odd > half * 0.2 and zeros_even == 0) or (zeros_even > half * 0.2 and zeros_odd == 0)


def _canonical(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(name, name)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


class _TextOnly(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per line."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
