"""The web UI (``/ui``): a hand-written page (``serve/ui/``: HTML, CSS and ES modules, no build
step, nothing fetched from elsewhere) that is a client of the public HTTP API only, served by
the ingress on the same origin, so ``facechain serve`` gives it with nothing else to run.

The files hold no data, so they are answered without an API key (:data:`UI_PREFIX` is public in
``serve/auth.py``, like ``/docs``); the page asks for a key and sends it with every API call.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

UI_DIR = Path(__file__).resolve().parent / "ui"
"""The page's files (package data of ``serve``)."""
UI_PATH = "/ui"


class _UiFiles(StaticFiles):
    """Static files that are revalidated on every load (ETag / Last-Modified): an upgraded
    server's page is never mixed with a cached older module."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        return response


def mount_ui(app: FastAPI) -> None:
    """Serve the page at ``/ui/`` (``/ui`` redirects there); not part of the OpenAPI document."""
    app.mount(UI_PATH, _UiFiles(directory=UI_DIR, html=True), name="ui")
