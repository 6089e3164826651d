"""The web UI in a real browser: headless Chromium (Selenium + chromedriver, Debian's
``chromium`` and ``chromium-driver``) drives /ui of the served graph on the tiny profile through
one whole journey (photos -> preprocessing report -> training to success -> styles -> generate
-> inpaint -> try-on -> talk) and asserts on what the page shows. Screenshots of each step are
saved to ``$FACECHAIN_UI_SCREENSHOTS`` (default: a pytest temporary folder, printed). A quick
first test, without Ray (the in-process ingress of ingress_fakes.py behind uvicorn), drives the
API-key entry of a server with keys and the display of the API's errors.

The browser reaches nothing beyond loopback (every other host name resolves to nothing). Without
Chromium the test is skipped, except in CI (``CI`` set), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from ..conftest import FACES, SAME_PERSON

httpx = pytest.importorskip("httpx")
webdriver = pytest.importorskip("selenium.webdriver")
pytest.importorskip("ray.serve")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WIDTH = 1280


def _browser_or_skip() -> tuple[str, str]:
    if CHROMIUM and CHROMEDRIVER:
        return CHROMIUM, CHROMEDRIVER
    missing = "chromium" if not CHROMIUM else "chromedriver (Debian: chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"{missing} is not installed (.ci/run installs it)")
    pytest.skip(f"{missing} is not installed: apt-get install chromium chromium-driver")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("FACECHAIN_UI_SCREENSHOTS") or tmp_path_factory.mktemp("ui-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nUI screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def server(live_graph):
    """The served graph test_http.py uses too (tests/serve/conftest.py)."""
    _browser_or_skip()
    return live_graph


@pytest.fixture(scope="module")
def browser():
    chromium, chromedriver = _browser_or_skip()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={WIDTH},900", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--no-proxy-server", "--force-device-scale-factor=1",
                # loopback only: any other host name resolves to nothing
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"):
        options.add_argument(arg)
    service = webdriver.ChromeService(executable_path=chromedriver)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver, folder: Path, name: str) -> None:
    """A screenshot of the whole page: toasts gone, scrolled to the top, the window made as tall
    as the page (plus the window's own frame)."""
    _wait(driver, lambda drv: not drv.find_elements(By.CSS_SELECTOR, ".toast"), 10)
    height, frame = driver.execute_script(
        "window.scrollTo(0, 0); return [document.documentElement.scrollHeight, "
        "window.outerHeight - window.innerHeight]")
    driver.set_window_size(WIDTH, min(int(height) + int(frame), 4000))
    time.sleep(1.0)  # the relayout settles (a video shows its loading spinner for a moment)
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(WIDTH, 900)


def _wait(driver, condition, timeout: float = 120, message: str = ""):
    """``condition(driver)`` truthy within ``timeout`` s (``driver`` may be None: any poll)."""
    return WebDriverWait(driver, timeout, poll_frequency=0.25).until(condition, message)


def _visible(driver, css: str, timeout: float = 120):
    return _wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, css)), timeout, css)


def _tab(driver, name: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'.tabs [data-tab="{name}"]').click()
    _visible(driver, f"#tab-{name}")


def _fill(driver, css: str, value) -> None:
    field = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].closest('details')?.setAttribute('open', '')", field)
    field.clear()
    field.send_keys(str(value))


def _no_error(driver, css: str) -> None:
    box = driver.find_element(By.CSS_SELECTOR, css)
    assert not box.is_displayed(), box.text


@pytest.fixture
def keyed_server(monkeypatch, tmp_path):
    """The real ingress app with a key file, its handles fakes (no Ray), behind uvicorn on a
    loopback port: the base URL."""
    import threading

    import uvicorn

    from serve import ingress as ingress_module
    from serve.harness import free_port
    from serve.ingress import app

    from .ingress_fakes import RecordingHandle, served_ingress, write_key_file

    healthy = SimpleNamespace(status="HEALTHY", replica_states={"RUNNING": 1})
    monkeypatch.setattr(ingress_module, "serve_status", lambda: SimpleNamespace(  # no Ray here
        applications={"facechain": SimpleNamespace(deployments={"Ingress": healthy})}))
    keys = write_key_file(tmp_path / "keys.yaml")
    handle = lambda: RecordingHandle(lambda method, *a, **k: [] if method == "voices" else None)  # noqa: E731
    with served_ingress(monkeypatch, tmp_path, handle, api_keys=keys):
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            _wait(None, lambda _: server.started, 30, "uvicorn did not start")
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(10)


def test_api_key_entry_and_api_errors_in_the_page(keyed_server, browser, shots, tmp_path):
    from .ingress_fakes import KEYS

    d = browser
    d.get(f"{keyed_server}/ui/#person")
    _wait(d, lambda drv: drv.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
          30, "the page did not load")
    # no key: the page loads, says a key is needed, and shows the API's 401 message
    _wait(d, EC.text_to_be_present_in_element((By.ID, "server-status"), "server ready"), 10)
    _visible(d, "#auth-banner", 10)
    error = _visible(d, "#loras-error", 10).text
    assert "HTTP 401" in error and "unauthorized" in error, error
    key = d.find_element(By.ID, "api-key")
    key.send_keys("sk-not-a-key-0000000000")
    d.find_element(By.CSS_SELECTOR, "#key-form button").click()
    _wait(d, EC.text_to_be_present_in_element((By.ID, "loras-error"), "invalid API key"), 10)
    key.clear()
    key.send_keys(KEYS["alice"])
    d.find_element(By.CSS_SELECTOR, "#key-form button").click()
    _wait(d, EC.invisibility_of_element_located((By.ID, "loras-error")), 10)
    assert not d.find_element(By.ID, "auth-banner").is_displayed()
    assert "No LoRA yet" in d.find_element(By.ID, "loras").text
    # a photo that is no image: the API's 422 message and its per-photo reasons, no stack trace
    notes = tmp_path / "notes.jpg"
    notes.write_bytes(b"not an image at all")
    d.find_element(By.ID, "photos").send_keys(str(notes))
    d.find_element(By.ID, "check-photos").click()
    error = _visible(d, "#faces-error", 30).text
    assert "HTTP 422" in error and "no_usable_photos" in error, error
    assert "notes.jpg" in error and "undecodable" in error, error
    assert "Traceback" not in d.page_source
    _shot(d, shots, "0-api-key-and-errors")
    # a phone-sized window: one column, nothing wider than the screen, on every tab
    d.set_window_size(400, 900)
    try:
        for tab in ("person", "styles", "generate", "inpaint", "tryon", "talk"):
            _tab(d, tab)
            overflow = d.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (tab, overflow)
        _tab(d, "person")
        d.save_screenshot(str(shots / "0-narrow.png"))
    finally:
        d.set_window_size(WIDTH, 900)
        d.execute_script("localStorage.clear()")


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_whole_journey_in_a_browser(server, browser, shots, tmp_path):
    d = browser
    d.get(f"{server.base_url}/ui/")
    _wait(d, lambda drv: drv.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
          60, "the page did not load its data")
    _wait(d, EC.text_to_be_present_in_element((By.ID, "server-status"), "ready"), 60)

    # 1. photos -> the preprocessing report: three accepted crops with captions, one rejected
    broken = tmp_path / "broken.jpg"
    broken.write_bytes((FACES / "obama.jpg").read_bytes()[:3000])
    photos = [str(FACES / n) for n in SAME_PERSON] + [str(broken)]
    d.find_element(By.ID, "photos").send_keys("\n".join(photos))
    assert "4 photo(s) chosen" in d.find_element(By.ID, "photos-count").text
    d.find_element(By.ID, "check-photos").click()
    _visible(d, "#faces-report", 300)
    _no_error(d, "#faces-error")
    tiles = d.find_elements(By.CSS_SELECTOR, "#accepted .tile")
    assert len(tiles) == 3
    assert all(t.find_element(By.TAG_NAME, "img").get_attribute("naturalWidth") != "0" for t in tiles)
    assert all("a mature man" in t.find_element(By.CSS_SELECTOR, ".caption").text for t in tiles)
    assert "a mature man" in d.find_element(By.ID, "trigger").text
    rejected = d.find_element(By.ID, "rejected").text
    assert "broken.jpg" in rejected and "undecodable" in rejected
    _shot(d, shots, "1-photos-report")

    # 2. train to success with live progress; the LoRA is listed
    _fill(d, "#train-steps", 3)
    d.find_element(By.ID, "train").click()
    _visible(d, "#train-job")
    seen = set()

    def trained(drv):
        seen.add(drv.find_element(By.CSS_SELECTOR, "#train-job .chip").text)
        return drv.find_elements(By.CSS_SELECTOR, '#train-job .chip[data-state="succeeded"]')

    _wait(d, trained, 600, "training did not succeed")
    _no_error(d, "#train-error")
    detail = d.find_element(By.CSS_SELECTOR, "#train-job .job-detail").text
    assert "step 3 / 3" in detail and "loss" in detail, detail
    assert seen & {"queued", "running"}, seen  # progress was shown before the end
    lora = _wait(d, lambda drv: drv.find_elements(By.CSS_SELECTOR, "#loras .lora"), 30)[0]
    lora_id = lora.get_attribute("data-lora")
    assert "a mature man" in lora.text and "3 steps" in lora.text
    _shot(d, shots, "2-trained")

    # 3. styles: the gallery; a slug in use shows the API's message; a new style is listed
    _tab(d, "styles")
    _wait(d, lambda drv: len(drv.find_elements(By.CSS_SELECTOR, "#styles .style-card")) >= 2, 30)
    form = d.find_element(By.ID, "style-form")
    for name, value in (("slug", "headshot"), ("name", "Mine"), ("description", "my look"),
                        ("prompt", "portrait of {trigger}, film grain")):
        form.find_element(By.NAME, name).clear()
        form.find_element(By.NAME, name).send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = _visible(d, "#style-error", 30)
    assert "already exists" in error.text and "HTTP 400" in error.text, error.text
    assert "Traceback" not in d.page_source
    slug = form.find_element(By.NAME, "slug")
    slug.clear()
    slug.send_keys("film-grain")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _visible(d, '#styles .style-card[data-style="film-grain"]', 30)
    _no_error(d, "#style-error")
    _shot(d, shots, "3-styles")

    # 4. generate: ranked portraits with similarity, dropped candidates with reasons
    _tab(d, "generate")
    gen = d.find_element(By.ID, "generate-form")
    assert Select(gen.find_element(By.NAME, "lora_id")).first_selected_option.get_attribute("value") == lora_id
    Select(gen.find_element(By.NAME, "style")).select_by_value("headshot")
    _fill(d, '#generate-form [name="num_images"]', 2)
    _fill(d, '#generate-form [name="seed"]', 11)
    _fill(d, '#generate-form [name="steps"]', 3)
    gen.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(d, EC.text_to_be_present_in_element((By.ID, "generate-meta"), "seed 11"), 300)
    _no_error(d, "#generate-error")
    portraits = d.find_elements(By.CSS_SELECTOR, "#portraits .tile")
    dropped = d.find_elements(By.CSS_SELECTOR, "#dropped li")
    assert len(portraits) + len(dropped) == 2
    for p in portraits:
        assert "%" in p.text and p.find_element(By.CSS_SELECTOR, "a[download]")
    for item in dropped:
        assert "seed 1" in item.text and item.find_element(By.CSS_SELECTOR, ".chip-bad").text
        assert item.find_element(By.CSS_SELECTOR, "img.cand").get_attribute("naturalWidth") == "64"
    _shot(d, shots, "4-generate")

    # 5. inpaint: the template's face 0 redrawn with the LoRA, a report per face
    _tab(d, "inpaint")
    d.find_element(By.CSS_SELECTOR, '#inpaint-form [name="template"]').send_keys(str(FACES / "obama.jpg"))
    _fill(d, '#inpaint-form [name="steps"]', 6)
    _fill(d, '#inpaint-form [name="crop_size"]', 128)
    _fill(d, '#inpaint-form [name="seed"]', 1)
    d.find_element(By.CSS_SELECTOR, "#inpaint-form button[type=submit]").click()
    _visible(d, "#inpaint-result .result-image img", 300)
    _no_error(d, "#inpaint-error")
    rows = d.find_elements(By.CSS_SELECTOR, "#inpaint-result table.report tbody tr")
    assert rows and rows[0].text.startswith("#0"), [r.text for r in rows]
    assert rows[0].find_element(By.CSS_SELECTOR, ".chip").text in ("done", "failed")
    _shot(d, shots, "5-inpaint")

    # 6. try-on: the garment photo, a background prompt; the result and the mask used
    _tab(d, "tryon")
    d.find_element(By.CSS_SELECTOR, '#tryon-form [name="photo"]').send_keys(str(FACES / "astronaut.png"))
    _fill(d, '#tryon-form [name="background"]', "beach")
    _fill(d, '#tryon-form [name="steps"]', 6)
    _fill(d, '#tryon-form [name="size"]', 128)
    _fill(d, '#tryon-form [name="face_crop_size"]', 128)
    _fill(d, '#tryon-form [name="seed"]', 1)
    d.find_element(By.CSS_SELECTOR, "#tryon-form button[type=submit]").click()
    _wait(d, lambda drv: len(drv.find_elements(By.CSS_SELECTOR, "#tryon-result .result-image img")) == 2,
          300, "no try-on result")
    _no_error(d, "#tryon-error")
    _shot(d, shots, "6-tryon")

    # 7. talk: an uploaded portrait speaks a TTS sentence; the video plays inline
    _tab(d, "talk")
    d.find_element(By.CSS_SELECTOR, '.seg[data-seg="portrait"] [data-mode="upload"]').click()
    d.find_element(By.CSS_SELECTOR, '#talk-form [name="portrait"]').send_keys(str(FACES / "obama.jpg"))
    _wait(d, lambda drv: Select(drv.find_element(By.ID, "voices")).first_selected_option
          .get_attribute("value"), 30, "no voices")
    text = d.find_element(By.CSS_SELECTOR, '#talk-form [name="text"]')
    text.clear()
    text.send_keys("Hello from the web page.")
    d.find_element(By.CSS_SELECTOR, "#talk-form button[type=submit]").click()
    _visible(d, "#talk-job", 60)
    video = _visible(d, "#talk-result video", 600)
    _no_error(d, "#talk-error")
    assert "succeeded" in d.find_element(By.CSS_SELECTOR, "#talk-job .chip").text
    _wait(d, lambda drv: drv.execute_script("return arguments[0].readyState >= 1 && "
                                            "arguments[0].duration > 0.5", video),
          30, "the video does not load in the page")
    d.execute_script("arguments[0].currentTime = 0.5", video)  # a decoded frame, not a poster
    _wait(d, lambda drv: drv.execute_script("return arguments[0].readyState >= 4 && "
                                            "!arguments[0].seeking", video), 30, "no video frame")
    assert video.get_attribute("src").startswith("blob:")
    _shot(d, shots, "7-talk")
