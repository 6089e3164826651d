"""The web UI's files at /ui (serve/ui.py), in-process: served by the ingress, public (the page
asks for the key), self-contained (nothing fetched from another origin), and a client of the
public API only (every /v1 path the page calls is a route of the OpenAPI document). The page's
behaviour in a real browser: tests/serve/test_ui_browser.py."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("ray.serve")

from serve.ingress import app  # noqa: E402
from serve.ui import UI_DIR  # noqa: E402

from .ingress_fakes import RecordingHandle, served_ingress, write_key_file  # noqa: E402

FILES = sorted(p for p in UI_DIR.iterdir() if p.is_file())


@pytest.fixture
def remote_keyed(monkeypatch, tmp_path):
    """A TestClient of an ingress with API keys, from a remote address, without a key."""
    keys = write_key_file(tmp_path / "keys.yaml")
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, client=("203.0.113.9", 4000),
                        api_keys=keys) as (client, _):
        yield client


def test_the_page_and_its_modules_are_served_without_a_key(remote_keyed):
    client = remote_keyed
    page = client.get("/ui/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="app.js">' in page.text
    assert page.headers["cache-control"] == "no-cache"
    for name, kind in (("app.js", "javascript"), ("api.js", "javascript"), ("style.css", "text/css")):
        r = client.get(f"/ui/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"], name
        assert r.text == (UI_DIR / name).read_text()
    redirect = client.get("/ui", follow_redirects=False)
    assert redirect.status_code in (307, 308) and redirect.headers["location"].endswith("/ui/")
    # the API itself still needs the key, and /ui is no prefix trick for other paths
    assert client.get("/v1/loras").status_code == 401
    assert client.get("/uix").status_code == 401
    assert client.get("/ui/missing.js").status_code == 404
    assert client.get("/ui/../serve/auth.py").status_code in (401, 404)


def test_the_page_loads_nothing_from_elsewhere():
    assert {p.name for p in FILES} >= {"index.html", "app.js", "api.js", "style.css"}
    for path in FILES:
        text = path.read_text()
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), path.name
        assert "@import" not in text and "cdn" not in text.lower(), path.name


def test_the_page_calls_only_routes_of_the_public_api():
    source = "\n".join((UI_DIR / name).read_text() for name in ("app.js", "api.js"))
    called = set(re.findall(r"[`\"'](/v1/[^`\"'\s]*)", source))
    assert len(called) >= 10, called
    routes = [re.sub(r"\{[^}]+\}", "[^/]+", p) for p in app.openapi()["paths"]]
    for path in called:
        concrete = re.sub(r"\$\{[^}]*\}", "x", path.split("?")[0])
        assert any(re.fullmatch(route, concrete) for route in routes), path
    # and every route a user needs for the journey is called
    for needed in ("/v1/faces", "/v1/loras", "/v1/generate", "/v1/inpaint", "/v1/tryon",
                   "/v1/talk", "/v1/styles", "/v1/voices"):
        assert any(p.split("?")[0] == needed for p in called), needed
