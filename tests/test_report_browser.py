"""report.html in a real browser: headless Chromium (Debian's package) driven by selenium with Debian's chromium-driver.

No console error, no network request, the bundled corpus's counts visible,
axe-core (the npm package, installed by .ci/run into .ci/node_modules) finds no
WCAG 2.1 A/AA violation, a screenshot written; and editions whose titles,
steps and owners hold scripts, event handlers, javascript: links, markdown
link tricks and ANSI escapes are shown as text and run nothing.

Outside CI the test is skipped, with the reason, when Chromium, its driver,
selenium or axe-core is missing; in CI (CI set) a missing piece is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

AXE = Path(os.environ.get("EDITIONDIFF_AXE", ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (test extra)"
    for path, what in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver"), (AXE, "axe-core (npm install --prefix .ci axe-core)")):
        if not Path(path).is_file():
            return f"{what} not found at {path}"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _open(driver, html: Path) -> tuple[list, list[str]]:
    """Load the page; (console entries of level SEVERE, URLs requested)."""
    driver.get_log("browser"), driver.get_log("performance")  # start from empty logs
    driver.get(html.as_uri())
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    messages = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = sorted({m["params"]["request"]["url"] for m in messages if m["method"] == "Network.requestWillBeSent"})
    # Inline images (data: URIs) are read from the page itself, not fetched.
    return severe, [u for u in urls if not u.startswith("data:")]


def _axe(driver) -> list:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.html.slice(0, 120))}))))"
        ".catch(e => done([{id: 'axe failed', nodes: [String(e)]}]));")


def _write(editions, out: Path) -> Path:
    from editiondiff.report.build import editions_to_report
    from editiondiff.report.write import render_files, write_files

    write_files(render_files(editions_to_report(editions), editions, root=CORPUS), out)
    return out / "report.html"


def test_corpus_report_in_chromium(browser, tmp_path):
    from editiondiff.pipeline import build_corpus

    html = _write(build_corpus(), tmp_path)
    severe, urls = _open(browser, html)
    assert severe == []
    assert urls == [html.as_uri()]  # the page itself, nothing else
    from selenium.webdriver.common.by import By

    cells = {(row.find_element(By.TAG_NAME, "th").text.split(" — ")[0], cell.get_attribute("data-count")): cell.text
             for row in browser.find_elements(By.CSS_SELECTOR, "#editions tbody tr")
             for cell in row.find_elements(By.CSS_SELECTOR, "td[data-count]")}
    assert cells["mi-2020", "actions"] == "38" and cells["mi-2020", "completed"] == "5" and cells["mi-2020", "findings"] == "7"
    assert cells["2019", "actions"] == "non évalué" and cells["mi-2021", "missions"] == "8"
    assert _axe(browser) == []
    # Keyboard: the first Tab lands on the skip link, which leads to the main content.
    from selenium.webdriver.common.keys import Keys

    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("href").endswith("#content")
    shot = Path(os.environ.get("EDITIONDIFF_SCREENSHOTS", tmp_path)) / "report-corpus.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


HOSTILE_TITLE = 'Portail <script>window.__pwned = "title"</script> <img src=x onerror="window.__pwned = \'img\'">'
HOSTILE_STEP = "Publier [le guide](javascript:window.__pwned=1) puis ![x](http://example.invalid/t.png) \x1b[31mrouge\x1b[0m"
HOSTILE_OWNER = 'DINUM <a href="javascript:window.__pwned=2">clic</a>'


def _hostile(edition):
    actions = [a.model_copy(update={"title": HOSTILE_TITLE, "owners_printed": [HOSTILE_OWNER],
                                    "steps": [a.steps[0].model_copy(update={"text": HOSTILE_STEP})] + a.steps[1:]})
               if a.code in ("LA1", "IN2") and a.steps else a for a in edition.actions]
    return edition.model_copy(update={"id": "mi-2020-hostile-fictitious", "label": "Édition fictive hostile", "fictitious": True,
                                      "actions": actions})


def test_untrusted_markdown_and_pdf_editions_run_nothing_and_show_text(browser, tmp_path, edition_mi2020):
    from evaluation.score import edition_roundtrip
    from selenium.webdriver.common.by import By

    hostile = _hostile(edition_mi2020)
    as_text = edition_roundtrip(hostile, tmp_path, "hostile-fictitious")
    as_pdf = edition_roundtrip(hostile.model_copy(update={"id": "mi-2020-hostile-pdf-fictitious"}), tmp_path, "hostile-fictitious",
                               pdf_engine="pymupdf")
    out = tmp_path / "report"
    # mi-2020 -> hostile PDF -> hostile text: the first pair cites places on the PDF's pages.
    html = _write([edition_mi2020, as_pdf, as_text], out)
    severe, urls = _open(browser, html)
    assert severe == [] and urls == [html.as_uri()]
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "script, [onerror], a[href^='javascript'], iframe, object, embed") == []
    assert all(img.get_attribute("src").startswith("data:image/png") for img in browser.find_elements(By.TAG_NAME, "img"))
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>" in text and "onerror=" in text and "\x1b" not in text
    # The PDF edition's changes come with a crop of their region on the page.
    assert browser.find_elements(By.CSS_SELECTOR, "img.crop")
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "\\<script\\>" in markdown and "\x1b" not in markdown
    assert "](javascript" not in markdown
    assert _axe(browser) == []
