"""The web page in a real browser (Debian chromium + chromedriver via selenium), as a person uses it.

Skips when selenium, chromium or chromedriver is missing.  NEWSFUSE_SCREENSHOT=path saves a
copy of the final screenshot there for a human to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newsfuse.service import create_app

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[browser]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as expected  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed")

INJECTION_NAME = "<img src=x onerror=\"window.__injected='name'\">.txt"
INJECTION = (
    "Port Calder officials said on Monday that <img src=x onerror=\"window.__injected='img'\"> the Harbor "
    "Street Bridge would stay closed for weeks.\n\n"
    "<script>window.__injected='script'</script> Engineers began a full inspection of the bridge on Monday, "
    "the public works department said."
)

# A file dropped on the articles area, as the browser delivers it.
DROP = """
const transfer = new DataTransfer();
transfer.items.add(new File([arguments[1]], arguments[0], {type: "text/plain"}));
document.getElementById("articles").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    db = tmp_path_factory.mktemp("store") / "stories.db"
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    service = uvicorn.Server(config)
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    WebDriverWait(None, 30, poll_frequency=0.1).until(lambda _: service.started)
    yield f"http://127.0.0.1:{port}"
    service.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000",
        # No way out, as on an offline newsroom machine: only the service on loopback resolves.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def _wait(driver: webdriver.Chrome, condition, timeout: float = 60):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def test_example_summary_citation_highlights_source_and_injection_stays_text(
    server: str, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    browser.get(server + "/")
    _wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, "#method option"))
    browser.find_element(By.ID, "load-example").click()
    _wait(browser, lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".article")) == 4)

    notice = tmp_path / "ferry-notice.txt"
    notice.write_text("The city added ferry runs between Eastbank and downtown on Monday while the bridge stays shut.\n")
    browser.find_element(By.ID, "files").send_keys(str(notice))
    _wait(browser, lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".article")) == 5)
    assert browser.find_elements(By.CSS_SELECTOR, ".article-name")[-1].get_attribute("value") == "ferry-notice.txt"
    browser.find_elements(By.CSS_SELECTOR, ".article .remove")[-1].click()
    browser.execute_script(DROP, "dropped-notice.txt", notice.read_text())
    _wait(browser, lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".article")) == 5)
    assert browser.find_elements(By.CSS_SELECTOR, ".article-name")[-1].get_attribute("value") == "dropped-notice.txt"

    browser.find_element(By.ID, "add-article").click()
    card = browser.find_elements(By.CSS_SELECTOR, ".article")[-1]
    card.find_element(By.CSS_SELECTOR, ".article-name").send_keys(INJECTION_NAME)
    card.find_element(By.CSS_SELECTOR, ".article-text").send_keys(INJECTION)

    browser.find_element(By.ID, "summarize").click()
    _wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, "#summary .sentence"))
    assert not browser.find_element(By.ID, "status").text, "the page reported an error"

    citation = browser.find_element(By.CSS_SELECTOR, "#summary .sentence .cite.source")
    citation.click()
    highlight = _wait(browser, expected.visibility_of_element_located((By.CSS_SELECTOR, "#document-text mark.highlight")))
    sentence = browser.find_element(By.CSS_SELECTOR, "#summary .sentence.active .sentence-text")
    assert highlight.text.strip() == sentence.text.strip()
    assert "cite" in citation.get_attribute("class") and "active" in citation.get_attribute("class")
    color = browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", highlight)
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")

    quote = browser.find_element(By.CSS_SELECTOR, "#facts li:has(.quote-text)")
    assert quote.find_element(By.CSS_SELECTOR, ".speaker").text.strip()
    quote.find_element(By.CSS_SELECTOR, ".cite").click()
    quoted = quote.find_element(By.CSS_SELECTOR, ".quote-text").text.strip("“”")
    assert quoted in browser.find_element(By.CSS_SELECTOR, "#document-text mark.highlight").text

    tab = next(tab for tab in browser.find_elements(By.CSS_SELECTOR, ".document-tab") if "onerror" in tab.text)
    assert INJECTION_NAME in tab.text
    tab.click()
    text = browser.find_element(By.ID, "document-text").text
    assert "<img src=x onerror=" in text and "<script>window.__injected='script'</script>" in text
    assert browser.execute_script("return window.__injected === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#result img, #result script, #articles img, #articles script")

    citation.click()
    browser.execute_script("document.getElementById('result').scrollIntoView()")
    screenshot = tmp_path / "newsfuse-page.png"
    assert browser.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 10_000
    if os.environ.get("NEWSFUSE_SCREENSHOT"):
        shutil.copy(screenshot, os.environ["NEWSFUSE_SCREENSHOT"])


def test_stories_view_ingests_lists_and_opens_a_story(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    _wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, "#method option"))
    browser.find_element(By.ID, "load-example").click()
    _wait(browser, lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".article")) == 4)
    browser.find_element(By.ID, "tab-stories").click()
    browser.find_element(By.ID, "ingest").click()
    _wait(browser, lambda driver: "Stored 4 new articles" in driver.find_element(By.ID, "stories-status").text)
    stories = browser.find_elements(By.CSS_SELECTOR, "#story-list li")
    assert stories and "4 articles" in stories[0].text and "Bridge" in stories[0].text  # headline: the best-fitting article's title
    stories[0].click()
    _wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, "#story .members li"))
    browser.find_element(By.CSS_SELECTOR, "#story button.primary").click()
    _wait(browser, lambda driver: driver.find_element(By.ID, "summarize-view").is_displayed())
    assert browser.find_elements(By.CSS_SELECTOR, "#summary .sentence .cite")


def test_api_docs_render_with_no_way_out(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/docs")
    operations = _wait(browser, lambda driver: driver.find_elements(By.CSS_SELECTOR, ".opblock"))
    assert any("/summarize" in operation.text for operation in operations)
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(entry => entry.name)")
    assert loaded and all(url.startswith(server + "/") for url in loaded), loaded
