"""The wheel works on its own: built, installed in a fresh venv, it runs the main job on the bundled corpus.

One test, about 10-30 s: the source tree is copied (setuptools' `build/` in a
developer's checkout could leak stale files into the wheel), the wheel is
built without build isolation (no download: setuptools comes from the test
extra), installed with `--no-deps --no-index` into a venv made in tmp_path,
and run from a folder outside the checkout with PYTHONPATH unset. The venv
reaches the already-installed dependencies through one `.pth` line naming
the test venv's site-packages; `.pth` files found there are not processed, so
the editable install of editiondiff (a `.pth` hook) stays out of sight.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDITABLE_EXE = Path(sys.executable).parent / "editiondiff"
#: What a checkout holds that is not source: venvs are told apart by their pyvenv.cfg.
NOT_SOURCE = {".git", "build", "dist", "out", "__pycache__", ".pytest_cache", ".hypothesis"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in NOT_SOURCE or n.endswith(".egg-info") or (Path(folder, n, "pyvenv.cfg")).is_file()}


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "EDITIONDIFF_DEBUG")}
    env["PIP_NO_INDEX"] = "1"
    return env


def _check(command: list, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    return result


@pytest.mark.install
def test_wheel_installed_in_a_fresh_venv_runs_the_main_job(tmp_path):
    source, dist, venv, work = tmp_path / "src", tmp_path / "dist", tmp_path / "venv", tmp_path / "work"
    shutil.copytree(ROOT, source, ignore=_ignore)
    work.mkdir()

    build = _check([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation", "-v", "-w", dist], work)
    assert "would be ignored" not in build.stdout + build.stderr
    (wheel,) = dist.glob("editiondiff-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "editiondiff/corpus/manifest.toml" in names and "editiondiff/report/templates/pair.md.j2" in names and "editiondiff/report/templates/editions.html.j2" in names
    assert not [n for n in names if n.startswith(("evaluation/", "editiondiff/evaluation/", "editiondiff/tests/", "editiondiff/benchmarks/"))]

    _check([sys.executable, "-m", "venv", "--without-pip", venv], work)
    python = venv / "bin" / "python"
    site = Path(_check([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], work).stdout.strip())
    (site / "_editiondiff_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _check([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel], work)

    where = _check([python, "-c", "import editiondiff, importlib.util; print(editiondiff.__file__); print(importlib.util.find_spec('evaluation'))"], work)
    installed, harness = where.stdout.splitlines()
    assert Path(installed).is_relative_to(venv), installed
    assert harness == "None", "the test harness must not be importable from the wheel install"

    exe = venv / "bin" / "editiondiff"
    _check([exe, "corpus", "check"], work)
    _check([exe, "run", "--out", tmp_path / "wheel-out"], work)
    _check([EDITABLE_EXE, "run", "--out", tmp_path / "editable-out"], work)
    produced = sorted(p.name for p in (tmp_path / "wheel-out").iterdir())
    assert produced == sorted(p.name for p in (tmp_path / "editable-out").iterdir()) and produced
    for name in produced:
        assert (tmp_path / "wheel-out" / name).read_bytes() == (tmp_path / "editable-out" / name).read_bytes(), name
