"""Shared pieces of the in-process ingress tests (test_ingress*.py, test_runner.py).

``@serve.ingress`` binds each route's ``self`` through ``serve.get_replica_context()``; patching
that one function gives the routes a real ``Ingress`` instance (its job store and artifact store
in a temporary folder) without a Ray cluster. Import after ``pytest.importorskip("ray.serve")``.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from fastapi.testclient import TestClient
from PIL import Image

from serve import ingress as ingress_module
from serve.ingress import Ingress, app

IngressClass = Ingress.func_or_class.__bases__[0]  # the class under Serve's ASGI wrapper
HANDLES = ("rotation", "detection", "parsing", "retouching", "attributes", "tagging", "quality",
           "recognition", "fusion", "conditions", "diffusion", "trainer", "garment_segmentation",
           "tts", "talker")


def on_loop() -> bool:
    """Whether the caller runs on an event loop thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def jpeg_bytes(size=(64, 64), color=(90, 140, 200)) -> bytes:
    """A flat-colour JPEG upload of ``size`` (width, height)."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="JPEG")
    return out.getvalue()


LOOPBACK = ("127.0.0.1", 50000)
"""The TestClient's client address: without a key file the ingress serves loopback only."""


@contextmanager
def served_ingress(monkeypatch, tmp_path, make_handle: Callable[[], Any], *,
                   client: tuple[str, int] = LOOPBACK, **ingress_args: Any
                   ) -> Iterator[tuple[TestClient, Any]]:
    """(TestClient, Ingress instance) of a replica whose deployment handles are ``make_handle()``;
    the job runner is not started. ``ingress_args`` (e.g. ``api_keys``) go to the Ingress."""
    context = SimpleNamespace(replica_tag="test-replica", app_name="facechain", servable_object=None)
    monkeypatch.setattr(ingress_module.serve, "get_replica_context", lambda: context)
    monkeypatch.setattr(ingress_module.JobRunner, "start", lambda self: None)
    instance = IngressClass(**{h: make_handle() for h in HANDLES}, models="default",
                            job_store=str(tmp_path / "jobs.sqlite3"),
                            artifacts=str(tmp_path / "artifacts"),
                            **{"max_upload_mb": 2, **ingress_args})
    context.servable_object = instance
    with TestClient(app, raise_server_exceptions=False, client=client) as test_client:
        yield test_client, instance


class RecordingHandle:
    """A deployment handle that records its calls and routing options; answers
    ``answer(method, *args, **kwargs)`` (default None)."""

    def __init__(self, answer: Callable[..., Any] = lambda method, *args, **kwargs: None):
        self.calls: list = []
        self.routed: list[dict] = []
        self.answer = answer

    def options(self, **options):
        self.routed.append(options)
        return self

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            self.calls.append((method, args, kwargs))
            return self.answer(method, *args, **kwargs)

        return SimpleNamespace(remote=remote)


KEYS = {"alice": "sk-alice-0123456789abcdef", "bob": "sk-bob-0123456789abcdef",
        "ops": "sk-ops-0123456789abcdef"}
"""Plain keys of the test tenants; ``ops`` is the admin. The key file stores bob's as a hash."""


def write_key_file(path, quotas: dict | None = None) -> str:
    """A key file for :data:`KEYS` (alice plain, bob as ``sha256:``, ops admin); ``quotas``
    overrides alice's quotas. Returns its path."""
    import hashlib

    import yaml

    alice: Any = KEYS["alice"] if quotas is None else {"key": KEYS["alice"], "quotas": quotas}
    data = {"alice": alice,
            "bob": "sha256:" + hashlib.sha256(KEYS["bob"].encode()).hexdigest(),
            "ops": {"keys": [KEYS["ops"]], "admin": True}}
    path.write_text(yaml.safe_dump(data))
    return str(path)


def bearer(tenant: str) -> dict[str, str]:
    """The Authorization header of a test tenant."""
    return {"Authorization": f"Bearer {KEYS[tenant]}"}
