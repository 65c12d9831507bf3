"""Issue 10, rows 1-7 and 9: hostile input gets one line and exit 2, within bounded time and memory.

Every input is made here, small (a sparse file stands in for a large one), or
cut from the bundled corpus.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_003

from editiondiff.cli import main
from editiondiff.errors import InputError, LimitExceeded
from editiondiff.limits import ReadLimits, read_regular_file
from editiondiff.settings import ReaderSettings
from editiondiff.schemas.registry import dump_json

EXE = Path(sys.executable).parent / "editiondiff"


def _one_line(result, code: int = 2) -> str:
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def _cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture(scope="module")
def edition_json(tmp_path_factory, request) -> Path:
    edition = request.getfixturevalue("edition_mi2020")
    path = tmp_path_factory.mktemp("edition") / "mi-2020.json"
    path.write_text(dump_json(edition), encoding="utf-8")
    return path


# row 1 -------------------------------------------------------------------------------------------


def test_truncated_pdf_is_a_broken_pdf_exit_2(tmp_path):
    """`head -c 21272` of the re-typeset brochure: MuPDF cannot count its pages."""
    path = tmp_path / "t.pdf"
    path.write_bytes((CORPUS / "pdf" / "mi-2020_retypeset_pymupdf.pdf").read_bytes()[:21272])
    line = _one_line(_cli("extract", str(path)))
    assert line.startswith(f"editiondiff: {path}: broken PDF structure")
    assert "internal error" not in line


# rows 2 and 9: JSON -------------------------------------------------------------------------------


def test_json_nested_100000_deep_is_refused_by_validate_and_diff(tmp_path, edition_json):
    path = tmp_path / "deep.json"
    path.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    for args in (["validate", str(path)], ["diff", str(path), str(edition_json)], ["diff", str(edition_json), str(path)]):
        line = _one_line(_cli(*args))
        assert f"{path}: JSON nested more than 64 levels deep" in line and "--max-depth" in line


def test_json_nesting_bound_can_be_raised(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text("[" * 80 + "]" * 80, encoding="utf-8")
    assert "nested more than 64" in _one_line(_cli("validate", str(path)))
    result = _cli("validate", "--max-depth", "100", str(path))
    assert "nested more than" not in result.stderr and result.exit_code == 1  # read, then found not to be an edition


def test_brackets_inside_json_strings_do_not_count_as_nesting(tmp_path, edition_json):
    document = json.loads(edition_json.read_text(encoding="utf-8"))
    document["label"] = "[" * 1000 + '\\"{' * 500
    path = tmp_path / "brackets.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = _cli("validate", str(path))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
def test_nan_and_out_of_range_numbers_are_not_json_for_validate_and_diff(tmp_path, edition_json, number):
    text = edition_json.read_text(encoding="utf-8")
    changed, count = re.subn(r'("value": )-?\d+(?:\.\d+)?', lambda m: m.group(1) + number, text, count=1)
    assert count == 1
    path = tmp_path / "nan.json"
    path.write_text(changed, encoding="utf-8")
    line = _one_line(_cli("validate", str(path)))
    assert f"{path}: not valid JSON" in line and "JSON number" in line
    line = _one_line(_cli("diff", str(edition_json), str(path)))
    assert f"{path}: not valid JSON" in line


# rows 3 and 4: YAML front matter ---------------------------------------------------------------


def _front_matter_page(tmp_path: Path, yaml_text: str) -> Path:
    path = tmp_path / "page.md"
    body = "# Feuille de route\n\nUn paragraphe de prose, avant et après l'en-tête.\n\n## Mission\n\nTexte.\n"
    path.write_text(f"---\ntitle: Une page de prose fictive\n{yaml_text}\n---\n{body}", encoding="utf-8")
    return path


def test_yaml_front_matter_nested_20000_deep_is_refused(tmp_path):
    path = _front_matter_page(tmp_path, "chapeau-text: " + "[" * 20_000 + "]" * 20_000)
    line = _one_line(_cli("extract", str(path)))
    assert f"{path}: YAML nested more than 64 levels deep" in line and "--max-depth" in line


def test_yaml_block_nesting_is_refused_too(tmp_path):
    nested = "".join(f"{'  ' * n}k{n}:\n" for n in range(200)) + "  " * 200 + "leaf: 1"
    line = _one_line(_cli("extract", str(_front_matter_page(tmp_path, nested))))
    assert "YAML nested more than 64 levels deep" in line


def test_yaml_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n" for a, b in zip("abcdefgh", "bcdefghi")
    )
    assert len(bomb.encode()) < 400
    line = _one_line(_cli("extract", str(_front_matter_page(tmp_path, bomb))))
    assert "YAML anchors (&name) are not accepted" in line and "(line 3)" in line


def test_yaml_alias_without_anchor_is_refused(tmp_path):
    from editiondiff.extract.markdown import load_front_matter

    with pytest.raises(InputError, match="aliases"):
        load_front_matter(Path("x.md"), "title: *undefined\n")
    assert load_front_matter(Path("x.md"), "title: plain\nlist: [1, 2]\n") == {"title": "plain", "list": [1, 2]}


# row 5: attribute lines -----------------------------------------------------------------------


def _quadratic_attach(blocks, attribute_lines):
    """The definition the old loop implemented: the block with the greatest (line_end, position) above."""
    for line_number, classes in sorted(attribute_lines.items()):
        above = [(n, b) for n, b in enumerate(blocks) if b.provenance.line_end is not None and b.provenance.line_end < line_number]
        if above and classes:
            target = max(above, key=lambda nb: (nb[1].provenance.line_end, nb[0]))[1]
            existing = target.attrs.get("class")
            target.attrs["class"] = f"{existing} {classes}" if existing else classes


def test_markdown_attribute_lines_attach_like_the_definition_and_20000_pairs_read():
    """20k paragraphs each followed by `{: .x}` (578 KB in the issue) read within the default bound;
    the classes go where the plain quadratic definition puts them (timings: benchmarks/bench_markdown.py)."""
    from editiondiff.extract.markdown import _attach_classes, markdown_to_document

    text = "".join(f"P {n}.\n{{: .c{n % 7} .x}}\n\n" for n in range(20_000))
    document = markdown_to_document(Path("pairs.md"), text, "pairs", "0")
    assert len(document.blocks) == 20_000
    assert all(b.attrs["class"] == f"c{n % 7} x" for n, b in enumerate(document.blocks))
    # equivalence with the definition, on a small page with gaps, nested blocks and stacked lines
    small = "# T\n{: .h}\n\nA\n\n{: .a}\n{: .b}\n> q\n{: .q}\n\n- i\n- j\n{: .l}\n\n<div>x</div>\n{: .d}\n"
    ours = markdown_to_document(Path("s.md"), small, "s", "0").blocks
    theirs = [b.model_copy(deep=True) for b in ours]
    for b in theirs:
        b.attrs.pop("class", None)
    attribute_lines = {n + 1: " ".join(c.lstrip(".") for c in line[2:-1].split()) for n, line in enumerate(small.splitlines()) if line.startswith("{:")}
    _quadratic_attach(theirs, attribute_lines)
    mine = [b.model_copy(deep=True) for b in theirs]
    for b in mine:
        b.attrs.pop("class", None)
    _attach_classes(mine, attribute_lines)
    assert [b.attrs for b in mine] == [b.attrs for b in theirs] == [b.attrs for b in ours]


# row 6: not a regular file ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_is_not_a_regular_file_and_never_blocks(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([str(EXE), "extract", str(fifo)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"editiondiff: {fifo}: not a regular file (a named pipe (FIFO)), expected a source file"


@pytest.mark.parametrize("special", ["/dev/null", "/dev/zero", "directory"])
def test_devices_and_directories_are_refused_before_open(tmp_path, special):
    path = tmp_path if special == "directory" else Path(special)
    if special != "directory" and not (path.exists() and stat.S_ISCHR(path.stat().st_mode)):
        pytest.skip(f"{special} is not a character device here")
    line = _one_line(_cli("extract", str(path)))
    assert "not a regular file (a " in line and ("directory" in line or "character device" in line)
    line = _one_line(_cli("validate", str(path)))
    assert "not a regular file" in line


# row 7: sizes and time ------------------------------------------------------------------------


def test_200_mb_text_is_refused_from_its_size_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.write(b"Feuille de route\n")
        handle.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(LimitExceeded, match=r"file too large: 209715200 bytes, over the limit of 20971520 bytes \(raise it with --max-bytes"):
            read_regular_file(path, ReadLimits())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # the head only, never the file
    assert "file too large" in _one_line(_cli("extract", str(path)))


def test_byte_limits_can_be_raised_or_lowered_by_option_and_environment(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED_003.read_bytes())
    line = _one_line(_cli("extract", "--max-bytes", "1000", str(path)))
    assert "over the limit of 1000 bytes (raise it with --max-bytes / EDITIONDIFF_MAX_BYTES)" in line
    line = _one_line(_cli("extract", str(path), env={"EDITIONDIFF_MAX_BYTES": "1000"}))
    assert "over the limit of 1000 bytes" in line
    pdf = CORPUS / "pdf" / "mi-2020_retypeset_reportlab.pdf"
    assert "--max-pdf-bytes" in _one_line(_cli("extract", "--max-pdf-bytes", "1000", str(pdf)))
    assert "too many pages" in _one_line(_cli("extract", "--max-pages", "2", str(pdf)))


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the timer may land in a gc callback
@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_text_and_markdown_have_a_time_bound(tmp_path, kind):
    """The bound is checked in the readers' loops and, in the main thread, by a timer signal."""
    if kind == "text":
        # 200,000 lines (9 MB, under the 20 MB bound) read in about 0.5 s: ten times the bound, however fast the
        # reader gets (40,000 lines came to take 0.06 s, too close to it)
        text = "".join(f"Ligne {n} d'un texte fictif sans structure.\n" for n in range(200_000))
    else:
        text = "".join(f"## Titre {n}\n\nParagraphe {n}.\n{{: .x}}\n\n" for n in range(20_000))
    path = tmp_path / f"long.{'txt' if kind == 'text' else 'md'}"
    path.write_text(text, encoding="utf-8")
    line = _one_line(_cli("extract", "--max-seconds", "0.05", str(path)))
    assert f"{path}: took more than 0.05 s " in line and "--max-seconds / EDITIONDIFF_MAX_SECONDS" in line
    line = _one_line(_cli("extract", str(path), env={"EDITIONDIFF_MAX_SECONDS": "0.05"}))
    assert "took more than 0.05 s" in line
    from editiondiff.extract.pipeline import read_source

    with pytest.raises(LimitExceeded, match="took more than 0.05 s to read"):
        read_source(path, reader=ReaderSettings(limits=ReadLimits(max_seconds=0.05)))


def test_time_bound_without_the_timer_signal_still_holds():
    """Outside the main thread no timer can be set: the readers' own checks bound the work."""
    import threading

    from editiondiff.extract.pipeline import read_source

    errors: list[Exception] = []

    def work():
        try:
            read_source(SEED_003, reader=ReaderSettings(limits=ReadLimits(max_seconds=0.0001)))
        except LimitExceeded as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert errors and "took more than" in errors[0].line()


def test_time_bound_covers_the_whole_build_not_only_the_reader(monkeypatch):
    """The 19.5 MB text of row 7 was read in time but took minutes in the later stages."""
    import time

    import editiondiff.normalize
    from editiondiff.pipeline import build_edition
    from editiondiff.settings import BuildSettings

    def slow_normalisation(edition, settings=None, profile=None):
        time.sleep(30)
        return edition

    monkeypatch.setattr(editiondiff.normalize, "normalize_edition", slow_normalisation)
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="took more than 2 s to build the edition"):
        build_edition([SEED_003], settings=BuildSettings(reader=ReaderSettings(limits=ReadLimits(max_seconds=2))))
    assert time.monotonic() - started < 20


def test_time_bound_leaves_no_timer_or_handler_behind_when_the_alarm_comes_as_the_work_ends():
    """The alarm may fire while the bound is being lifted; seen once in a full run, where the timer
    stayed armed and later tests failed one after another. Many bounds expiring right at their end
    must each leave the process as they found it."""
    import signal
    import time

    from editiondiff.limits import Deadline, time_bound

    before = signal.getsignal(signal.SIGALRM)
    outcomes = set()
    for i in range(300):
        deadline = Deadline(0.0005 + (i % 7) * 0.0001)
        try:
            with time_bound(deadline):
                end = time.monotonic() + deadline.seconds
                while time.monotonic() < end:  # busy until about when the alarm is due
                    pass
            outcomes.add("ended")
        except LimitExceeded:
            outcomes.add("expired")
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is before
    assert "expired" in outcomes
