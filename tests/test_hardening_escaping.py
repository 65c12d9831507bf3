"""Issue 10, rows 8 and 14-16: what a document or a file name holds is shown, never executed.

Error lines show control characters escaped; Markdown reports escape HTML and
Markdown markup in quoted values; terminal output carries no control or bidi
character; CSV cells are never formulas and never too long to read back;
manifest edition ids are safe file names.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from editiondiff.cli import main
from editiondiff.escape import csv_cell, markdown_inline, one_line, terminal
from editiondiff.schemas.registry import dump_json

HOSTILE = {
    "script": "<script>alert(1)</script> Portail",
    "img": '<img src=x onerror="alert(2)"> Données',
    "controls": "Titre \x1b[31mrouge\x1b[0m et cloche\x07",
    "bidi": "Facture \u202egpj.exe",
    "markdown": "**gras** [lien](http://evil.example) | cellule `code` _x_",
    "formula": '=HYPERLINK("http://evil.example","clic")',
    "cmd": "=cmd|' /C calc'!A0",
    "plus": "+33 1 23 45 67 89",
    "minus": "-2+3",
    "at": "@SUM(A1:A9)",
}
TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _one_line(result, code: int = 2) -> str:
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# row 8 ------------------------------------------------------------------------------------------


def test_file_name_with_newline_and_ansi_escapes_is_one_escaped_line(tmp_path):
    path = tmp_path / "bad\nname\x1b[31m\u202e.txt"
    path.write_bytes(b"")
    line = _one_line(CliRunner().invoke(main, ["extract", str(path)]))
    assert line == f"editiondiff: {tmp_path}/bad\\nname\\x1b[31m\\u202e.txt: empty file"
    missing = tmp_path / "gone\r\x07.json"
    line = _one_line(CliRunner().invoke(main, ["validate", str(missing)]))
    assert "gone\\r\\x07.json: no such file" in line and not TERMINAL_BAD.search(line)


def test_one_line_escapes_every_control_and_bidi_character():
    assert one_line("a\nb\tc\x1b\x9b\u2066d") == "a\\nb\\tc\\x1b\\x9b\\u2066d"
    assert one_line("Stratégie « mi-2020 » — ok") == "Stratégie « mi-2020 » — ok"


# row 14 -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_pair(tmp_path_factory, request):
    """The extracted mi-2020 edition, and a copy whose action titles hold hostile text."""
    edition = request.getfixturevalue("edition_mi2020")
    folder = tmp_path_factory.mktemp("hostile")
    old = folder / "old.json"
    old.write_text(dump_json(edition), encoding="utf-8")
    document = json.loads(old.read_text(encoding="utf-8"))
    for action, title in zip(document["actions"], HOSTILE.values()):
        action["title"] = title
    document["actions"][len(HOSTILE)]["title"] = "Z" * 200_087
    new = folder / "new.json"
    new.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return old, new


def _diff(old: Path, new: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_markdown_report_escapes_html_and_markup_in_quoted_titles(hostile_pair, tmp_path):
    old, new = hostile_pair
    out = tmp_path / "report.md"
    _diff(old, new, "-o", str(out))
    report = out.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(?:script|img|/script)", report) and not re.search(r"(?<!\\)\*\*gras", report)
    assert "\\<script\\>alert(1)\\</script\\>" in report
    assert '\\<img src=x onerror="alert(2)"\\>' in report
    assert "\\*\\*gras\\*\\* \\[lien\\](http://evil.example) \\| cellule \\`code\\` \\_x\\_" in report
    assert not TERMINAL_BAD.search(report)  # ESC, BEL and U+202E shown as escapes in the file
    assert "\\x1b\\[31mrouge" in report and "\\u202egpj.exe" in report
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).render(report)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_diff_to_a_terminal_strips_control_and_bidi_characters(hostile_pair):
    old, new = hostile_pair
    for fmt in ("md", "csv", "json"):
        printed = _diff(old, new, "--format", fmt)
        assert not TERMINAL_BAD.search(printed), fmt
    data = json.loads(_diff(old, new, "--format", "json"))  # JSON keeps the data, escaped
    assert any("\u202e" in (c.get("after") or "") for c in data["changes"])


def test_terminal_keeps_lines_and_tabs():
    assert terminal("a\tb\r\nc\x1b[2J\u202ed\x07\n") == "a\tb\nc[2Jd\n"


# row 15 -----------------------------------------------------------------------------------------


def test_csv_cells_never_start_a_formula_and_long_quotes_are_cut(hostile_pair):
    old, new = hostile_pair
    text = _diff(old, new, "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))  # the default field size limit (131,072) holds
    header, body = rows[0], rows[1:]
    cells = [cell for row in body for name, cell in zip(header, row) if name not in ("slip_months", "confidence", "importance")]
    assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    for title in ("formula", "cmd", "plus", "minus", "at"):
        assert "'" + HOSTILE[title] in cells, title
    long_cells = [c for c in cells if c.startswith("ZZZ")]
    assert long_cells and all(len(c) <= 2000 and c.endswith(" […]") for c in long_cells)


def test_csv_cell_and_markdown_inline_rules():
    assert csv_cell("=1+1") == "'=1+1" and csv_cell("  -3") == "'  -3" and csv_cell("\tx") == "'\tx"
    assert csv_cell("Texte normal") == "Texte normal" and csv_cell(None) == ""
    assert csv_cell("a\rb") == "a\\rb"
    assert markdown_inline("a & b < c") == "a &amp; b \\< c" and markdown_inline(3) == 3
    assert markdown_inline("deux\nlignes") == "deux lignes"


# row 16 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["../evil", "a/b", "..", ".hidden", "x" * 65, "évolution\n", "C:\\x", ""])
def test_manifest_edition_ids_must_be_safe_slugs(tmp_path, bad_id):
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(f'manifest_version = 1\n[[editions]]\nid = {json.dumps(bad_id)}\nlabel = "x"\n', encoding="utf-8")
    out = tmp_path / "out"
    line = _one_line(CliRunner().invoke(main, ["run", "--manifest", str(manifest), "--out", str(out)]))
    assert f"{manifest}: invalid manifest: editions.0.id: edition id" in line and "is not a safe name" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.toml"]


def test_manifest_edition_ids_are_distinct(tmp_path):
    manifest = tmp_path / "manifest.toml"
    manifest.write_text('manifest_version = 1\n[[editions]]\nid = "mi-2020"\nlabel = "x"\n[[editions]]\nid = "MI-2020"\nlabel = "y"\n', encoding="utf-8")
    line = _one_line(CliRunner().invoke(main, ["run", "--manifest", str(manifest), "--out", str(tmp_path / "out")]))
    assert "edition id 'MI-2020' is given twice" in line


def test_manifest_source_ids_must_be_safe_slugs(tmp_path):
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        'manifest_version = 1\n[[editions]]\nid = "ok"\nlabel = "x"\n[[editions.sources]]\nid = "../s"\npath = "a.txt"\nformat = "text"\nsha256 = "0"\n',
        encoding="utf-8",
    )
    line = _one_line(CliRunner().invoke(main, ["run", "--manifest", str(manifest), "--out", str(tmp_path / "out")]))
    assert "editions.0.sources.0.id: source id '../s' is not a safe name" in line
