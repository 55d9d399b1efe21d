"""The review screen: safe by default (tried with Flask's test client), and used in a real browser."""

import shutil
import threading
import time

import polib
import pytest
from pypdf import PdfReader

from fakes import CountingEngine
from handouts.app.server import review_server
from handouts.app.web import COOKIE, create_app
from handouts.config import load_config
from handouts.pipeline import build_all
from test_browser import AXE_JS, AXE_VERSION, WCAG_22_AA, browser  # noqa: F401  (browser is a fixture)

TEXT = """---
title: Sleep Well
---
Good sleep helps your body heal. Most adults need seven to nine hours.

Before Bed
Turn off screens an hour before bed. Keep your room cool and dark. Do not drink coffee after noon.

When to Get Help
Call your doctor if you snore <loudly>. Call if you feel sleepy all day.
"""
PORT = 5555


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sleep.txt").write_text(TEXT, encoding="utf-8")
    config = load_config(tmp_path)
    report = build_all(config, engine=CountingEngine(), workers=1)
    assert report[0].ok, report[0].error
    return tmp_path


@pytest.fixture
def client(project):
    config = load_config(project)
    app = create_app(config, [project / "content" / "sleep.txt"], "secret-token", PORT)
    c = app.test_client()
    c.set_cookie(f"{COOKIE}_{PORT}", "secret-token", domain="127.0.0.1")
    return c


BASE = f"http://127.0.0.1:{PORT}"


def po(project):
    return polib.pofile(str(project / "content" / "sleep.po"), wrapwidth=0)


def test_another_host_name_is_refused(client):
    assert client.get("/h/sleep-well", base_url="http://evil.example:5555").status_code == 400
    assert client.get("/h/sleep-well", base_url=f"http://127.0.0.1:{PORT + 1}").status_code == 400
    assert client.get("/h/sleep-well", base_url=BASE).status_code == 200


def test_without_the_session_token_nothing_is_shown(project):
    app = create_app(load_config(project), [project / "content" / "sleep.txt"], "secret-token", PORT)
    c = app.test_client()
    assert c.get("/h/sleep-well", base_url=BASE).status_code == 403
    first = c.get("/?token=wrong", base_url=BASE)
    assert first.status_code == 403
    entry = c.get("/?token=secret-token", base_url=BASE)
    assert entry.status_code == 302 and "token" not in entry.headers["Location"]
    assert "HttpOnly" in entry.headers["Set-Cookie"] and "SameSite=Strict" in entry.headers["Set-Cookie"]
    assert c.get("/h/sleep-well", base_url=BASE).status_code == 200


def stamp_and_id(client, text):
    page = client.get("/h/sleep-well", base_url=BASE).get_data(as_text=True)
    stamp = page.split('name="stamp" value="')[1].split('"')[0]
    row = page.split(text)[0].rsplit('id="e-', 1)[1].split('"')[0]
    return stamp, row


def test_every_post_needs_the_token_and_our_own_origin(client, project):
    stamp, row = stamp_and_id(client, "Do not drink coffee after noon.")
    form = {"stamp": stamp, "entry": row, "action": "approve", "text": "Drink tea."}
    before = (project / "content" / "sleep.po").read_bytes()
    assert client.post("/h/sleep-well/entry", data=form, base_url=BASE).status_code == 403
    assert client.post("/h/sleep-well/entry", data={**form, "token": "nope"}, base_url=BASE).status_code == 403
    assert client.post("/h/sleep-well/entry", data={**form, "token": "secret-token"}, base_url=BASE,
                       headers={"Origin": "http://evil.example"}).status_code == 403
    assert (project / "content" / "sleep.po").read_bytes() == before
    ok = client.post("/h/sleep-well/entry", data={**form, "token": "secret-token"}, base_url=BASE,
                     headers={"Origin": BASE})
    assert ok.status_code == 303
    entry = next(e for e in po(project) if e.msgid == "Do not drink coffee after noon.")
    assert entry.msgstr == "Drink tea." and "fuzzy" not in entry.flags


def test_a_file_changed_since_the_page_was_loaded_is_not_overwritten(client, project):
    stamp, row = stamp_and_id(client, "Do not drink coffee after noon.")
    path = project / "content" / "sleep.po"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # another program saved it
    before = path.read_bytes()
    answer = client.post("/h/sleep-well/entry", base_url=BASE, data={
        "token": "secret-token", "stamp": stamp, "entry": row, "action": "remove", "text": ""})
    assert answer.status_code == 409 and "changed since this page was loaded" in answer.get_data(as_text=True)
    assert path.read_bytes() == before


def test_only_its_own_files_are_served_and_text_is_escaped(client):
    for path in ("/static/../pipeline.py", "/static/handout.html.j2", "/static/%2e%2e/cli.py", "/h/..%2fcontent",
                 "/h/../../etc/passwd"):
        assert client.get(path, base_url=BASE).status_code in (404, 308), path
    assert client.get("/static/review_app.js", base_url=BASE).status_code == 200
    page = client.get("/h/sleep-well", base_url=BASE)
    html = page.get_data(as_text=True)
    assert "snore &lt;loudly&gt;" in html and "<loudly>" not in html
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


def test_the_live_check_names_a_dropped_not(client):
    _, row = stamp_and_id(client, "Do not drink coffee after noon.")
    answer = client.post("/check", base_url=BASE, data={
        "token": "secret-token", "slug": "sleep-well", "entry": row, "text": "Drink coffee after noon."})
    data = answer.get_json()
    assert any("drops 'not'" in f for f in data["findings"])
    assert data["grades"][0]["words"] == 4


def test_the_server_listens_on_127_0_0_1_only(project):
    server, address = review_server(load_config(project), [project / "content" / "sleep.txt"])
    try:
        assert server.server_address[0] == "127.0.0.1" and address.startswith("http://127.0.0.1:")
        assert "token=" in address
    finally:
        server.server_close()


@pytest.fixture
def running(project):
    """The review app served on 127.0.0.1 in a thread, rebuilding with the fake voice after a sign-off."""
    config = load_config(project)
    built = []

    def build(source):
        result = build_all(config, [source], engine=CountingEngine(), workers=1)[0]
        built.append(result)
        return result

    server, address = review_server(config, [project / "content" / "sleep.txt"], build=build)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield address, built
    server.shutdown()
    server.server_close()


def run_axe(driver):
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations, passes: r.passes.length}), e => done({error: String(e)}));",
        WCAG_22_AA)
    assert "error" not in result, result
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]], result["passes"]


def staleness_of(element):
    """Wait condition: the element has left the page (the page after a save replaced it).

    Chromedriver may answer a check made while the old page is being torn down with "Node with given id does
    not belong to the document" (a plain WebDriverException) instead of a stale-element error: both mean gone."""
    from selenium.common.exceptions import WebDriverException

    def gone(_driver) -> bool:
        try:
            element.is_enabled()
        except WebDriverException:  # StaleElementReferenceException is one
            return True
        return False
    return gone


def test_in_a_browser_edit_approve_a_section_sign_and_the_pdf_follows(browser, running, project):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.wait import WebDriverWait

    address, built = running
    browser.get(address)
    assert "Sleep Well" in browser.title
    violations, passes = run_axe(browser)
    assert violations == [] and passes >= 10

    # Keyboard alone: Tab from the top to the first sentence's wording, type, Tab to Approve, Enter.
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to the sentences"
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if active.tag_name == "textarea" and "cool and dark" in active.get_attribute("value"):
            break
    else:
        pytest.fail("Tab never reached the wording of 'Keep your room cool and dark.'")
    active.send_keys(Keys.CONTROL, "a")
    active.send_keys("Keep the bedroom cool, dark and quiet.")
    time.sleep(0.6)  # the live check answers as the reviewer types
    checks = browser.find_element(By.ID, active.get_attribute("aria-describedby")).text
    assert "grade" in checks and "7 words" in checks
    active.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Approve"
    approve = browser.switch_to.active_element
    approve.send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(staleness_of(approve))
    entry = next(e for e in po(project) if e.msgid == "Keep your room cool and dark.")
    assert entry.msgstr == "Keep the bedroom cool, dark and quiet." and "fuzzy" not in entry.flags

    # Approve each section's unchanged suggestions, one section at a time.
    while True:
        buttons = browser.find_elements(By.CSS_SELECTOR, ".section-form button")
        if not buttons:
            break
        buttons[0].click()
        WebDriverWait(browser, 20).until(staleness_of(buttons[0]))  # the page after the save
    assert not [e for e in po(project) if "fuzzy" in e.flags and not e.obsolete]
    name = browser.find_element(By.ID, "name")
    name.send_keys("Dr. Ada Lee")
    name.send_keys(Keys.ENTER)
    WebDriverWait(browser, 60).until(staleness_of(name))  # signed, and built again
    status = browser.find_element(By.CSS_SELECTOR, ".status").text
    assert "Reviewed by Dr. Ada Lee" in status
    assert built and built[-1].ok and not built[-1].draft
    violations, _ = run_axe(browser)
    assert violations == []
    text = " ".join(PdfReader(project / "build" / "sleep-well.pdf").pages[0].extract_text().split())
    assert "Keep the bedroom cool, dark and quiet." in text and "DRAFT" not in text


def test_a_source_outside_content_can_be_reviewed_too(tmp_path):
    (tmp_path / "content").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sleep.txt").write_text(TEXT, encoding="utf-8")
    app = create_app(load_config(tmp_path), [elsewhere / "sleep.txt"], "secret-token", PORT)
    c = app.test_client()
    c.set_cookie(f"{COOKIE}_{PORT}", "secret-token", domain="127.0.0.1")
    stamp, row = stamp_and_id(c, "Do not drink coffee after noon.")
    answer = c.post("/h/sleep-well/entry", base_url=BASE, data={
        "token": "secret-token", "stamp": stamp, "entry": row, "action": "approve", "text": "Skip coffee after noon."})
    assert answer.status_code == 303
    entry = next(e for e in polib.pofile(str(elsewhere / "sleep.po")) if e.msgid == "Do not drink coffee after noon.")
    assert entry.msgstr == "Skip coffee after noon." and "fuzzy" not in entry.flags


def test_odd_tokens_are_refused_not_a_server_error(client, project):
    fresh = create_app(load_config(project), [project / "content" / "sleep.txt"], "secret-token", PORT).test_client()
    assert fresh.get("/?token=%C3%A9", base_url=BASE).status_code == 403
    fresh.set_cookie(f"{COOKIE}_{PORT}", "é", domain="127.0.0.1")
    assert fresh.get("/h/sleep-well", base_url=BASE).status_code == 403
    assert client.post("/h/sleep-well/entry", base_url=BASE, data={"token": "é"}).status_code == 403


def test_signing_from_a_page_older_than_the_file_is_refused(client, project):
    for e in (po := po_file_of(project)):
        e.flags = []
    po.save()
    stamp, _ = stamp_and_id(client, "Do not drink coffee after noon.")
    path = project / "content" / "sleep.po"
    path.write_text(path.read_text(encoding="utf-8").replace('"Drink water', '"Drink water'), encoding="utf-8")
    entry = next(e for e in po_file_of(project) if e.msgid == "Do not drink coffee after noon.")
    po = po_file_of(project)
    next(e for e in po if e.msgid == entry.msgid).msgstr = "Coffee is fine."  # changed in another window
    po.save()
    answer = client.post("/h/sleep-well/sign", base_url=BASE, data={"token": "secret-token", "stamp": stamp,
                                                                      "name": "Dr. Lee"})
    assert answer.status_code == 302 and "changed%20since%20your%20page" in answer.headers["Location"]
    assert "X-Reviewed-By" not in path.read_text(encoding="utf-8")


def po_file_of(project):
    return polib.pofile(str(project / "content" / "sleep.po"), wrapwidth=0)
