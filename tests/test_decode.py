"""Raw bytes to text: every encoding Chinese software saves, and clear refusals."""

from __future__ import annotations

import codecs
import gzip

import pytest

from etl.records import Source
from etl.rules.pipeline import process
from etl.text import decode as decode_module
from etl.text.decode import DecodeError, decode, html_to_text

from .conftest import SEED

TEXT = SEED.read_text(encoding="utf-8")
SENTENCE = "全总及各省级工会共安排疫情防控资金24.92亿元，慰问疫情防控一线人员551.07万人。"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_the_seed_report_decodes_the_same_from_every_encoding(raw, encoding):
    assert decode(raw) == decode_module.Decoded(TEXT, encoding)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le"])
def test_one_short_chinese_sentence_is_not_taken_for_korean_or_big5(encoding):
    assert decode(SENTENCE.encode(encoding)).text == SENTENCE
    assert decode("工会会员3亿人".encode(encoding)).text == "工会会员3亿人"


def test_utf8_cut_inside_its_last_character_loses_only_that_character():
    raw = SENTENCE.encode("utf-8")[:-1]
    assert decode(raw) == decode_module.Decoded(SENTENCE[:-1], "utf-8")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the file is empty"),
        (b" \r\n\t\n", "the file is empty"),
        (bytes(range(256)) * 64, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "the file is a PNG image, not text"),
        (gzip.compress(TEXT.encode("utf-8")), "the file is a gzip archive, not text: unpack it"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8, "the file is a zip archive, not text: unpack it"),
        (codecs.BOM_UTF16_LE, "no text"),
        (b"<html><head><title>t</title></head><body> </body></html>", "no text"),
        (TEXT.encode("utf-8")[:5000] + b"\xff" + TEXT.encode("utf-8")[5000:], "not valid UTF-8 (byte 5000)"),
    ],
    ids=["empty", "blank", "all-bytes", "png", "gzip", "zip", "bom-only", "empty-html", "damaged-utf-8"],
)
def test_what_is_not_text_is_refused_with_the_reason(raw, reason):
    with pytest.raises(DecodeError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(raw)


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(decode_module, "MAX_BYTES", 1024)
    with pytest.raises(DecodeError, match="larger than the limit"):
        decode(TEXT.encode("utf-8"))


def test_html_is_reduced_to_its_visible_text():
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>标题</title>"
        "<style>p {color: red}</style><script>var x = 100;</script></head>"
        "<body><p>资金24.92亿元&nbsp;，慰问551.07万人。</p><div>第二段</div></body></html>"
    )
    decoded = decode(page.encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert [line for line in decoded.text.split("\n") if line] == ["资金24.92亿元\xa0，慰问551.07万人。", "第二段"]
    assert html_to_text("<p>a</p><p>b</p>") == "\na\n\nb\n"


def test_the_cells_of_an_html_table_stay_apart():
    # run together, 185 and 420 would read as one number, 185420
    page = "<html><body><table><tr><th>项目</th><th>户数(户)</th></tr><tr><td>日常帮扶</td><td>185</td><td>420</td></tr></table>"
    assert [line.split() for line in html_to_text(page).split("\n") if line] == [
        ["项目", "户数(户)"],
        ["日常帮扶", "185", "420"],
    ]


def _figures(raw: bytes):
    return process(Source("acftu-2020.txt", "acftu-2020", report_year=2020), raw)


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("gb18030"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        ("<html><body>" + "".join(f"<p>{line}</p>\n" for line in TEXT.split("\n")) + "</body></html>").encode(),
    ],
    ids=["gb18030", "utf-16", "utf-8-bom", "crlf", "lone-cr", "html"],
)
def test_every_twin_of_the_seed_gives_the_same_text_and_figures(raw):
    twin_document, twin_figures = _figures(raw)
    document, figures = _figures(TEXT.encode("utf-8"))
    assert twin_document.text == document.text
    assert twin_figures == figures
    assert figures


def test_big5_text_is_not_misread_as_gb18030():
    big5_text = "".join(c for c in TEXT if _encodable(c, "big5"))
    decoded = decode(big5_text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", big5_text)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


# --- issue 13: non-reports and misleading messages --------------------------------------------------

SAVE = "open it and save it as plain text (.txt), then load that"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"%PDF-1.4\n1 0 obj << /Length 44 >> stream\nBT /F1 24 Tf (2020 100) Tj ET\nendstream\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml word/document.xml", "a Word document (.docx)"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml xl/workbook.xml", "an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "an old Office document (.doc, .xls, .wps)"),
        (b"{\\rtf1\\ansi 2020\\par}", "an RTF document"),
    ],
    ids=["pdf", "docx", "xlsx", "doc", "rtf"],
)
def test_a_document_renamed_txt_is_named_for_what_it_is_with_save_it_as_plain_text(raw, message):
    with pytest.raises(DecodeError) as refused:
        decode(raw)
    assert str(refused.value) == f"the file is {message}, not text: {SAVE}"


def test_damaged_gb18030_is_reported_where_it_is_damaged_not_at_byte_0():
    raw = TEXT.encode("gb18030")
    at = raw.index("疫情".encode("gb18030"))
    damaged = raw[:at] + b"\xff\xff" + raw[at + 2 :]
    with pytest.raises(DecodeError) as refused:
        decode(damaged)
    line = raw.count(b"\n", 0, at) + 1
    assert str(refused.value) == (
        f"GB18030 (GBK) text, damaged at byte {at} (line {line}): "
        "a damaged copy? Get the file again, or open it and save it as UTF-8 text"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_cut_inside_its_last_character_loses_only_that_character_and_is_not_called_binary(encoding):
    raw = SENTENCE.encode(encoding)[:-1]
    assert decode(raw).text == SENTENCE[:-1]


def test_a_page_whose_head_runs_past_the_first_2048_characters_is_still_read_as_html():
    script = "<script>var counts = [" + ",".join(str(n) for n in range(1000, 1600)) + "];</script>"
    page = f"<meta charset='utf-8'>{script}\n<body><p>{SENTENCE}</p></body>"
    assert len(script) > 2048
    assert decode(page.encode("utf-8")).text.strip() == SENTENCE


def test_a_text_that_quotes_a_tag_is_not_taken_for_a_page():
    text = "网页中的<p>标签不是报告。全总安排资金24.92亿元。"
    assert decode(text.encode("utf-8")).text == text
