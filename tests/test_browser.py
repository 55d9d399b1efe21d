"""The web page in a real browser (headless Chromium, opened from its folder as file://): it is
drawn in the Atkinson Hyperlegible it ships, and axe-core finds no WCAG 2.2 AA violation.

Needs Debian's chromium and chromium-driver and axe-core's axe.min.js (MPL-2.0; npm package
axe-core): AXE_CORE_JS names the file. .ci/run installs all three and sets
HANDOUTS_BROWSER_TESTS=required, so in CI these tests fail rather than skip when something is
missing. Elsewhere they skip, saying what to install."""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
AXE_VERSION = "4.14.1"  # the version .ci/run installs
AXE_JS = Path(os.environ.get("AXE_CORE_JS") or Path.home() / ".cache" / "handouts-ci" / f"axe-core-{AXE_VERSION}"
              / "node_modules" / "axe-core" / "axe.min.js")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HOW_TO_RUN = (f"apt-get install -y chromium chromium-driver; npm install --prefix "
              f"~/.cache/handouts-ci/axe-core-{AXE_VERSION} axe-core@{AXE_VERSION} (or set AXE_CORE_JS); "
              "or run .ci/run")


def required() -> bool:
    """Tell whether the browser tests must run (CI) rather than skip when something is missing."""
    return os.environ.get("HANDOUTS_BROWSER_TESTS") == "required" or os.environ.get("CI", "") not in ("", "0", "false")


def chromium(*flags: str, needs=(AXE_JS,), window: str = "1000,1400"):
    """Start headless Chromium (fresh profile, no network of its own, extra `flags`); yield it, then quit.

    Skips (fails in CI) when Chromium, its driver, selenium or anything in `needs` is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER, *needs) if not p.exists()]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        if required():
            pytest.fail(f"browser tests must run in CI, but these are missing: {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}: {HOW_TO_RUN}")
    profile = tempfile.mkdtemp(prefix="handouts-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", f"--window-size={window}", *flags):
        options.add_argument(flag)
    # The driver is given, so selenium does not look for one on the internet.
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the page tests (with axe-core at hand)."""
    yield from chromium()


def open_page(driver, path: Path) -> None:
    """Open a page from its folder and wait until its fonts are loaded."""
    driver.get(path.resolve().as_uri())
    driver.execute_async_script("document.fonts.ready.then(() => arguments[arguments.length - 1]())")


def drawn_in(driver, selector: str) -> dict[str, bool]:
    """Return the fonts Chromium really drew an element's text in (family -> a web font?), as its
    DevTools report them: not what the CSS asks for, what the glyphs came from."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"]: f["isCustomFont"] for f in fonts if f["glyphCount"]}


def test_page_is_drawn_in_the_font_it_ships(browser, sample_build, tmp_path):
    page = sample_build.outputs["html"]
    open_page(browser, page)
    faces = browser.execute_script(
        "return [...document.fonts].map(f => [f.family.replace(/\"/g, ''), f.weight, f.status]);")
    assert sorted(faces) == [["Atkinson Hyperlegible", "bold", "loaded"], ["Atkinson Hyperlegible", "normal", "loaded"]]
    for selector in ("main p", "h1", "h2", "footer p"):
        assert drawn_in(browser, selector) == {"Atkinson Hyperlegible": True}, selector
    assert browser.execute_script("return getComputedStyle(document.body).fontFamily").startswith(
        '"Atkinson Hyperlegible"')
    # The same page without the fonts it carries falls back to another font: this machine does
    # not have Atkinson Hyperlegible installed, so what was drawn above came from the page.
    bare = tmp_path / page.name
    bare.write_text(re.sub(r"@font-face \{[^}]*\}", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    open_page(browser, bare)
    assert "Atkinson Hyperlegible" not in drawn_in(browser, "main p")


def test_axe_core_finds_no_wcag_2_2_aa_violation(browser, sample_build):
    open_page(browser, sample_build.outputs["html"])
    browser.execute_script(AXE_JS.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations, passes: r.passes.length, version: axe.version}),"
        "        e => done({error: String(e)}));", WCAG_22_AA)
    assert "error" not in result, result
    assert result["version"] == AXE_VERSION or "AXE_CORE_JS" in os.environ
    problems = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert problems == []
    assert result["passes"] >= 10  # axe really ran its rules on the page
