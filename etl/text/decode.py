"""Raw bytes to text: detect the encoding, refuse what is not text, strip HTML.

Reports arrive as UTF-8 (with or without BOM), UTF-16, GB18030/GBK or saved
web pages. BOMs and valid UTF-8 are trusted first; then UTF-16 without a BOM
and GB18030 are tried with a Chinese-text test, because charset-normalizer
can misjudge short Chinese files (as Big5 or Korean); charset-normalizer
decides the rest. Every refusal says why in one line.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_BYTES = 20 * 1024 * 1024
TOO_LARGE = f"the file is larger than the limit of {MAX_BYTES // (1024 * 1024)} MB: split it, one file per report"
EMPTY = "the file is empty: put the report's text in it, or remove it"
BINARY = "the file is binary, not text: open the report and save it as plain text (.txt), then load that"

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of a decoding's characters that must look like Chinese report text.
TEXT_LIKE = 0.9
# Characters of the text that the tests of what it is (encoding, binary) look at.
SAMPLE_CHARS = 8192


class DecodeError(ValueError):
    """The file is not a text report; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# What a file that is not text starts with, what it is, and what to do with it.
SAVE_AS_TEXT = "open it and save it as plain text (.txt), then load that"
SIGNATURES = (
    (b"%PDF-", "a PDF document", SAVE_AS_TEXT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .wps)", SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document", SAVE_AS_TEXT),
    (b"\x89PNG", "a PNG image", "an image holds no text: put the report's text in a .txt file"),
    (b"\xff\xd8\xff", "a JPEG image", "an image holds no text: put the report's text in a .txt file"),
    (b"GIF8", "a GIF image", "an image holds no text: put the report's text in a .txt file"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and put the reports it holds in the folder"),
    (b"Rar!", "a RAR archive", "unpack it and put the reports it holds in the folder"),
    (b"7z\xbc\xaf", "a 7z archive", "unpack it and put the reports it holds in the folder"),
)
# A zip file is an archive, or an Office document whose parts name what it is.
ZIP_KINDS = (
    (b"word/", "a Word document (.docx)", SAVE_AS_TEXT),
    (b"xl/", "an Excel workbook (.xlsx)", SAVE_AS_TEXT),
    (b"ppt/", "a PowerPoint file (.pptx)", SAVE_AS_TEXT),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file (.odt)", SAVE_AS_TEXT),
    (b"", "a zip archive", "unpack it and put the reports it holds in the folder"),
)


def decode(raw: bytes) -> Decoded:
    """Decode a report's bytes, or raise DecodeError saying why it is not text."""
    if len(raw) > MAX_BYTES:
        raise DecodeError(TOO_LARGE)
    if not raw.strip():
        raise DecodeError(EMPTY)
    kind = file_kind(raw)
    if kind:
        raise DecodeError(kind)
    raw, utf8 = _without_cut_character(raw)
    encoding, text = _encoding(raw, utf8)
    if text is None:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise DecodeError(f"cannot be decoded as {encoding}: {err}") from err
    if _looks_binary(text):
        raise DecodeError(BINARY)
    if _looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise DecodeError("the file holds no text: put the report's text in it, or remove it")
    return Decoded(text=text, encoding=_canonical(encoding))


def file_kind(raw: bytes) -> str:
    """'the file is <what>, not text: <what to do>' for a known binary format, else ''."""
    for magic, kind, advice in SIGNATURES:
        if raw.startswith(magic):
            return f"the file is {kind}, not text: {advice}"
    if raw.startswith(b"PK\x03\x04"):
        head = raw[: 64 * 1024]
        for part, kind, advice in ZIP_KINDS:
            if part in head:
                return f"the file is {kind}, not text: {advice}"
    return ""


def _encoding(raw: bytes, utf8: str | None) -> tuple[str, str | None]:
    """The encoding of `raw`, and its text when finding the encoding decoded it already,
    so that a corpus is decoded once. `utf8` is its text when it is UTF-8, else None."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name, (_utf16_cut(raw, name) if name == "utf-16" else None)
    if b"\x00" in raw[:4096]:
        # UTF-8 and GB18030 text never holds NUL bytes; UTF-16 text does.
        utf16 = _utf16_without_bom(raw)
        if utf16:
            return utf16
    if utf8 is not None:
        return "utf-8", utf8
    if b"\x00" in raw[:4096]:
        raise DecodeError(BINARY)
    gb18030 = _gb18030_text(raw)
    if gb18030 is not None:
        return "gb18030", gb18030
    damaged = _damaged_gb18030(raw)
    if damaged:
        raise DecodeError(damaged)
    # Imported here, for the few files that get this far: importing it (and the logging it imports) costs
    # about 50 M instructions (10 ms), which a process decoding only UTF-8, UTF-16 and GB18030 need not pay.
    from charset_normalizer import from_bytes

    best = from_bytes(raw[: 256 * 1024]).best()
    if best is None:
        raise DecodeError(
            f"not valid UTF-8 (byte {_first_bad_byte(raw, 'utf-8')}) and no other text encoding fits: "
            "a damaged copy? Get the file again, or open it and save it as UTF-8 text"
        )
    name = best.encoding
    # Chinese text detected as GB2312 or GBK decodes best as their superset.
    if name in ("gb2312", "gbk", "hz", "cp936"):
        name = "gb18030"
    return name, None


def _first_bad_byte(raw: bytes, encoding: str) -> int:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as err:
        return err.start
    return -1


def _damaged_gb18030(raw: bytes) -> str:
    """Why GB18030 text that breaks off at a damaged byte is refused, naming where; else ''.

    Chinese text in GB18030 is invalid UTF-8 from its first byte on, so the
    UTF-8 position says nothing; where GB18030 breaks does.
    """
    at = _first_bad_byte(raw, "gb18030")
    if at <= 0 or _gb18030_text(raw[:at]) is None:
        return ""
    line = raw.count(b"\n", 0, at) + 1
    return (
        f"GB18030 (GBK) text, damaged at byte {at} (line {line}): "
        "a damaged copy? Get the file again, or open it and save it as UTF-8 text"
    )


def _without_cut_character(raw: bytes) -> tuple[bytes, str | None]:
    """UTF-8 cut off inside its last character (a truncated copy) loses only that character.

    Returns the bytes to read and, when they are valid UTF-8, their text.
    """
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(raw) - 3:
            try:
                return raw[: err.start], raw[: err.start].decode("utf-8")
            except UnicodeDecodeError:
                return raw, None
    return raw, None


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """(utf-16-le or utf-16-be, the text) when the bytes read as Chinese text in one of them."""
    scores = []
    for name in ("utf-16-le", "utf-16-be"):
        text = _utf16_cut(raw, name)
        if text is not None:
            scores.append((_text_likeness(text), name, text))
    score, name, text = max(scores, default=(0.0, None, None))
    return (name, text) if score >= TEXT_LIKE else None


def _utf16_cut(raw: bytes, name: str) -> str | None:
    """UTF-16 text; a copy cut off inside its last character (an odd byte, half a pair) loses only it."""
    for end in (len(raw), len(raw) - len(raw) % 2, len(raw) - len(raw) % 2 - 2):
        try:
            return raw[:end].decode(name)
        except UnicodeDecodeError as err:
            if "truncated" not in err.reason and "unexpected end" not in err.reason:
                return None
    return None


def _gb18030_text(raw: bytes) -> str | None:
    """The text, if the bytes decode as GB18030 into the common characters of GB2312.

    Big5 or Korean bytes also decode as GB18030, but mostly into its rare
    extension characters; real simplified Chinese is nearly all GB2312.
    """
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # Counted by the codecs, not per character: ASCII is one byte in GB2312, the rest two.
    # A sample decides, as charset detectors do: a report is one encoding throughout.
    sample = text[:SAMPLE_CHARS]
    ascii_chars = len(sample.encode("ascii", "ignore"))
    wide = len(sample) - ascii_chars
    if not wide:
        return None
    common = (len(sample.encode("gb2312", "ignore")) - ascii_chars) // 2
    return text if common / wide >= TEXT_LIKE else None


def _text_likeness(text: str) -> float:
    """Share of characters that are letters, digits, punctuation or line breaks."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    good = sum(1 for c in sample if c in "\t\n\r" or unicodedata.category(c)[0] in "LNPSZ")
    # Byte-swapped UTF-16 lands in private use (Co) and unassigned (Cn) code points.
    return good / len(sample)


def _canonical(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(name, name)


# Control characters other than tab, line breaks and form feed. They are ASCII, so they
# are counted as bytes of the sample's UTF-8, where bytes.translate deletes all others
# at C speed (a regex visits each character).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    controls = len(sample.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 100)


# A page's own tags, wherever its head ends: a long head of scripts and styles included.
_PAGE_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|script|style)[\s>/]", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    if "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text):
        return True
    # A page that starts with markup (a comment, <meta>, <script>) and has page tags further down.
    return text.lstrip()[:1] == "<" and _PAGE_TAG.search(text) is not None


class _TextOnly(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
    CELLS = {"td", "th"}  # a table's cells, apart by a space: their numbers never run into one (12 68, not 1268)
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
        elif tag in self.CELLS:
            self.parts.append(" ")

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
