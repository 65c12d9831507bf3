"""The installed package: one distinctive import name, no bare modules, a console script."""

from __future__ import annotations

import importlib.util
import shutil
import site
import subprocess
import sys
from pathlib import Path

import editiondiff


def test_imports_under_one_name():
    root = Path(editiondiff.__file__).resolve().parent
    for sub in ("extract", "normalize", "diff", "schemas", "cli", "pipeline"):
        spec = importlib.util.find_spec(f"editiondiff.{sub}")
        assert spec is not None, sub
        assert Path(spec.origin or spec.submodule_search_locations[0]).resolve().is_relative_to(root)


def test_no_bare_modules_in_site_packages():
    bare = {"diff", "cli", "extract", "normalize", "schemas", "pipeline", "render", "errors"}
    for folder in map(Path, site.getsitepackages()):
        names = {p.name.removesuffix(".py") for p in folder.iterdir()}
        assert not bare & names, f"bare modules in {folder}: {sorted(bare & names)}"
        for finder in folder.glob("__editable__*finder.py"):
            mapping = finder.read_text(encoding="utf-8").split("MAPPING", 1)[1].split("\n", 1)[0]
            assert "'editiondiff'" in mapping and not any(f"'{b}'" in mapping for b in bare), mapping


def test_console_script_runs():
    exe = shutil.which("editiondiff", path=str(Path(sys.executable).parent))
    assert exe is not None
    result = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True)
    assert "extract" in result.stdout and "diff" in result.stdout
