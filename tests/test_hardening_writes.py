"""Issue 10, rows 10-13: writes never corrupt, never leave a stray file, never follow a symlink.

SIGKILL is sent to real processes at fixed points (derandomised, bounded in
count and time): the `editiondiff` command itself at a few points of its run,
and a writer process looping over `write_atomic` / `replaced_folder` at many
points of the write itself.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from conftest import SOURCES

from editiondiff import atomic
from editiondiff.atomic import replaced_folder, write_atomic

EXE = Path(sys.executable).parent / "editiondiff"
MARKDOWN_2019 = SOURCES / "000_4cc161b88c2c8238.txt"


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _kill_after(args: list[str], delay: float) -> None:
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def _timed(args: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(args, check=True, capture_output=True, timeout=300)
    return time.monotonic() - started


# row 10 ------------------------------------------------------------------------------------------


def test_sigkill_during_extract_o_leaves_old_or_new_file_and_no_stray(tmp_path):
    out = tmp_path / "out.json"
    reference = tmp_path / "reference" / "out.json"
    whole = _timed([str(EXE), "extract", str(MARKDOWN_2019), "-o", str(reference)])
    new = reference.read_bytes()
    old = b'{"earlier": "result"}\n'
    for fraction in (0.7, 0.95):
        out.write_bytes(old)
        _kill_after([str(EXE), "extract", str(MARKDOWN_2019), "-o", str(out)], whole * fraction)
        assert [p.name for p in tmp_path.iterdir() if p.name != "reference"] == ["out.json"], fraction
        assert out.read_bytes() in (old, new), fraction


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from editiondiff.atomic import write_atomic, replaced_folder
    target, mode = Path(sys.argv[1]), sys.argv[2]
    sets = [b"A" * 4_000_000, b"B" * 4_000_000]
    print("ready", flush=True)
    n = 0
    while True:
        content = sets[n % 2]
        if mode == "file":
            write_atomic(target, content)
        else:
            with replaced_folder(target, lambda name: name.endswith(".json")) as staging:
                for k in range(4):
                    write_atomic(staging / f"edition-{k}.json", content)
        n += 1
    """
)


def _kill_writer_at(target: Path, mode: str, delay: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), mode], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_at_many_points_of_write_atomic_leaves_a_whole_file(tmp_path):
    """Twelve kills spread over the write cycle: the target always holds one whole content.

    A kill can only leave a temporary name in the microseconds between naming the
    unnamed temp file and renaming it; the next write to the same target removes it.
    """
    target = tmp_path / "out.json"
    write_atomic(target, b"A" * 4_000_000)
    probe = atomic._unnamed_temp(tmp_path)
    unnamed = probe is not None and atomic._name_unnamed(probe, tmp_path, "probe") is not None
    if probe is not None:
        os.close(probe)
    for p in tmp_path.glob(".probe.*"):
        p.unlink()
    leftovers = 0
    for point in range(12):
        _kill_writer_at(target, "file", 0.02 + point * 0.037)
        names = sorted(p.name for p in tmp_path.iterdir())
        assert target.read_bytes() in (b"A" * 4_000_000, b"B" * 4_000_000), point
        strays = [n for n in names if n != "out.json"]
        assert all(atomic._leftover("out.json", "tmp").fullmatch(n) for n in strays), strays
        leftovers += len(strays)
        write_atomic(target, b"A" * 4_000_000)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    if unnamed:  # named temp files exist only for the instant between link and rename
        assert leftovers <= 1


# row 11 ------------------------------------------------------------------------------------------


def _small_manifest(tmp_path: Path) -> Path:
    """Two editions of one source each (2019 page 000, mi-2020 seed 003): a run of a few seconds."""
    editions = [
        ("2019", "Stratégie et feuille de route 2019-2021", "000", MARKDOWN_2019, "markdown"),
        ("mi-2020", "Stratégie et feuille de route 2019-2022, édition actualisée mi-2020", "003", SOURCES / "003_dc8a99c2b477ef56.txt", "text"),
    ]
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        "manifest_version = 1\n"
        + "".join(
            f'[[editions]]\nid = "{e}"\nlabel = "{label}"\n[[editions.sources]]\nid = "{s}"\npath = "{path}"\nformat = "{fmt}"\nsha256 = "0"\n'
            for e, label, s, path, fmt in editions
        ),
        encoding="utf-8",
    )
    return manifest


def test_sigkill_during_run_leaves_the_old_set_or_the_new_set(tmp_path):
    manifest = _small_manifest(tmp_path)
    reference = tmp_path / "reference"
    whole = _timed([str(EXE), "run", "--manifest", str(manifest), "--out", str(reference)])
    new = _listing(reference)
    assert sorted(new) == ["diff-2019-mi-2020.json", "diff-2019-mi-2020.md", "edition-2019.json", "edition-mi-2020.json"]
    work = tmp_path / "work"
    work.mkdir()
    out = work / "out"
    old = {"edition-2019.json": b"old 2019\n", "edition-gone.json": b"an edition of an earlier manifest\n"}
    for fraction in (0.75, 0.97):
        if out.exists():
            for p in out.iterdir():
                p.unlink()
        out.mkdir(exist_ok=True)
        for name, data in old.items():
            (out / name).write_bytes(data)
        _kill_after([str(EXE), "run", "--manifest", str(manifest), "--out", str(out)], whole * fraction)
        assert _listing(out) in (old, new), fraction
        siblings = [p.name for p in work.iterdir() if p.name != "out"]
        assert all(atomic._leftover("out", "new").fullmatch(n) for n in siblings), siblings


def test_sigkill_at_many_points_of_a_folder_swap_leaves_one_whole_set(tmp_path):
    target = tmp_path / "out"
    sets = {name: [f"edition-{k}.json" for k in range(4)] for name in ("A", "B")}
    with replaced_folder(target, lambda name: True) as staging:
        for name in sets["A"]:
            (staging / name).write_bytes(b"A" * 4_000_000)
    for point in range(10):
        _kill_writer_at(target, "folder", 0.03 + point * 0.061)
        listing = _listing(target)
        assert sorted(listing) == sets["A"]
        assert len({data for data in listing.values()}) == 1 and next(iter(listing.values()))[:1] in (b"A", b"B"), point
    with replaced_folder(target, lambda name: True) as staging:
        (staging / "edition-0.json").write_bytes(b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # leftovers of the killed writers removed


def test_run_refuses_a_folder_holding_other_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    proc = subprocess.run([str(EXE), "run", "--manifest", str(_small_manifest(tmp_path)), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "not outputs of this command (first: 'notes.txt')" in proc.stderr
    assert _listing(out) == {"notes.txt": b"mine\n"}


# row 12 ------------------------------------------------------------------------------------------


def test_two_concurrent_writers_each_use_their_own_temp_and_the_last_complete_write_wins(tmp_path):
    target = tmp_path / "out.json"
    contents = [json.dumps({"writer": w, "fill": "x" * 2_000_000}).encode() for w in (1, 2)]
    for _ in range(10):
        barrier = threading.Barrier(2)

        def writer(data: bytes) -> None:
            barrier.wait()
            write_atomic(target, data)

        threads = [threading.Thread(target=writer, args=(c,)) for c in contents]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert json.loads(target.read_bytes())["writer"] in (1, 2)
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    write_atomic(target, contents[0])
    write_atomic(target, contents[1])
    assert target.read_bytes() == contents[1]


def test_two_concurrent_extract_processes_give_one_valid_json(tmp_path):
    out = tmp_path / "out.json"
    sources = [MARKDOWN_2019, SOURCES / "003_dc8a99c2b477ef56.txt"]
    procs = [subprocess.Popen([str(EXE), "extract", str(s), "-o", str(out)], stderr=subprocess.PIPE) for s in sources]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert json.loads(out.read_bytes())["id"] in ("2019", "mi-2020")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# row 13 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unnamed", [True, False], ids=["o_tmpfile", "o_excl"])
def test_a_symlink_at_the_temp_name_is_never_followed(tmp_path, monkeypatch, unnamed):
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    target = tmp_path / "out.json"
    (tmp_path / "out.json.tmp").symlink_to(victim)  # the old fixed temp name
    tokens = iter(["aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda n: next(tokens))
    planted = tmp_path / f".out.json.{os.getpid()}-aaaaaaaaaaaa.tmp"
    planted.symlink_to(victim)
    if not unnamed:
        monkeypatch.setattr(atomic, "_unnamed_temp", lambda folder: None)
    write_atomic(target, '{"new": true}\n')
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert target.read_text(encoding="utf-8") == '{"new": true}\n' and not target.is_symlink()
    assert planted.is_symlink() and (tmp_path / "out.json.tmp").is_symlink()


def test_extract_o_never_writes_through_the_old_temp_name(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out.json"
    (tmp_path / "out.json.tmp").symlink_to(victim)
    proc = subprocess.run([str(EXE), "extract", str(MARKDOWN_2019), "-o", str(out)], capture_output=True, timeout=120)
    assert proc.returncode == 0
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert json.loads(out.read_bytes())["id"] == "2019"


def test_a_failed_write_removes_its_temp_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"] and target.read_text(encoding="utf-8") == "old\n"


def test_schema_out_is_written_atomically(tmp_path):
    from click.testing import CliRunner

    from editiondiff.cli import main

    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diff.schema.json", "edition.schema.json"]
