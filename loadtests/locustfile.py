"""Locust load test of the FaceChain Serve HTTP API: a realistic user journey.

Each simulated user, once: previews its photos (POST /v1/faces), starts a LoRA training
(POST /v1/loras, 202) and polls GET /v1/jobs/{id} until the job ends. Then, repeatedly: generates
portraits with its LoRA (POST /v1/generate) and now and then lists the styles (GET /v1/styles).
On stop it deletes its LoRA. Photos are the real fixtures in tests/fixtures/faces (one person).

Overload is not failure: a 503 (Serve backpressure: a deployment's max_queued_requests reached, or
the app's own "overloaded"/"service_unavailable") is reported as a *success* under the request
name plus " [503 rejected]", so the CSV shows throughput, real failures and rejections apart.

Headless (see loadtests/README.md)::

    locust -f loadtests/locustfile.py --headless -u 4 -r 2 -t 60s \
        --host http://127.0.0.1:8000 --csv out/loadtest/locust

Knobs (environment variables, all optional): FACECHAIN_PHOTOS_DIR, FACECHAIN_STYLE,
FACECHAIN_PROMPT, FACECHAIN_NUM_IMAGES (2), FACECHAIN_STEPS (8), FACECHAIN_GUIDANCE_SCALE,
FACECHAIN_WIDTH, FACECHAIN_HEIGHT (sent as JSON when set, e.g. 7.5 or 512; the fields of
POST /v1/generate of the same names), FACECHAIN_LORA_OPTIONS (a JSON object sent as
the `options` form field of POST /v1/loras), FACECHAIN_JOB_TIMEOUT_S (900),
FACECHAIN_POLL_INTERVAL_S (1), FACECHAIN_CLEANUP (1: delete the LoRA on stop).
"""

from __future__ import annotations

import json
import logging
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

logger = logging.getLogger("facechain.loadtest")

PHOTOS_DIR = Path(
    os.environ.get(
        "FACECHAIN_PHOTOS_DIR", Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "faces"
    )
)
# One identity: the photos a user would upload to train its digital twin.
TRAINING_PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
TERMINAL_STATES = {"succeeded", "failed", "cancelled"}
REJECTED_SUFFIX = " [503 rejected]"

JOB_TIMEOUT_S = float(os.environ.get("FACECHAIN_JOB_TIMEOUT_S", "900"))
POLL_INTERVAL_S = float(os.environ.get("FACECHAIN_POLL_INTERVAL_S", "1"))
CLEANUP = os.environ.get("FACECHAIN_CLEANUP", "1") not in ("0", "false", "no")

# Rejections by request name, for the end-of-run log line (the CSV has them too).
REJECTIONS: Counter[str] = Counter()


def _env_json(name: str) -> Any:
    raw = os.environ.get(name)
    return None if raw in (None, "") else json.loads(raw)


def _load_photos() -> list[tuple[str, bytes]]:
    photos = [(name, (PHOTOS_DIR / name).read_bytes()) for name in TRAINING_PHOTOS]
    if not photos:
        raise RuntimeError(f"no photos in {PHOTOS_DIR}")
    return photos


PHOTOS = _load_photos()


def _multipart(photos: list[tuple[str, bytes]]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("photos", (name, data, "image/jpeg")) for name, data in photos]


def _style_ids(payload: Any) -> list[str]:
    """Style ids from GET /v1/styles: a list of styles or {"styles": [...]}, each an id string or
    an object with "id" / "slug" / "name"."""
    items = payload.get("styles", []) if isinstance(payload, dict) else payload
    ids = []
    for item in items or []:
        if isinstance(item, str):
            ids.append(item)
        elif isinstance(item, dict):
            value = item.get("id") or item.get("slug") or item.get("name")
            if value:
                ids.append(str(value))
    return ids


class PortraitUser(HttpUser):
    """Trains one LoRA, then generates with it."""

    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.lora_id: str | None = None
        self.styles: list[str] = []
        self.list_styles()
        self.preview_faces()
        self.train()

    def on_stop(self) -> None:
        if CLEANUP and self.lora_id:
            self._request(
                "DELETE", f"/v1/loras/{self.lora_id}", name="/v1/loras/[id]", ok=(200, 202, 204, 404)
            )

    # --- one request, 503 counted as a rejection ----------------------------------------------

    def _request(self, method: str, path: str, *, name: str, ok: tuple[int, ...] = (200,), **kwargs):
        """Send one request; return the response when its status is in ``ok``, else None."""
        with self.client.request(method, path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code == 503:
                response.request_meta["name"] = name + REJECTED_SUFFIX
                REJECTIONS[name] += 1
                response.success()
                return None
            if response.status_code in ok:
                response.success()
                return response
            detail = response.text[:200] if response.text else ""
            response.failure(f"{response.status_code}: {detail}")
            return None

    # --- the journey --------------------------------------------------------------------------

    def preview_faces(self) -> None:
        """What a UI does before training: the preprocessing report for the chosen photos."""
        self._request("POST", "/v1/faces", name="/v1/faces", files=_multipart(PHOTOS))

    def train(self) -> None:
        """Start a training and poll its job until it ends (a few attempts on rejection)."""
        options = _env_json("FACECHAIN_LORA_OPTIONS")
        data = {"options": json.dumps(options)} if options is not None else None
        for attempt in range(3):
            response = self._request(
                "POST", "/v1/loras", name="/v1/loras", ok=(200, 201, 202), files=_multipart(PHOTOS), data=data
            )
            if response is None:
                time.sleep(5 * (attempt + 1))  # rejected or failed: back off, then try again
                continue
            try:
                body = response.json()
                job_id, lora_id = body["job_id"], body["lora_id"]
            except (ValueError, KeyError, TypeError):
                logger.error("POST /v1/loras answered without job_id/lora_id: %.200s", response.text)
                return
            if self._wait_for_job(job_id):
                self.lora_id = lora_id
                return
        logger.warning("user gave up training after 3 attempts; it will only list styles")

    def _wait_for_job(self, job_id: str) -> bool:
        deadline = time.monotonic() + JOB_TIMEOUT_S
        while time.monotonic() < deadline:
            response = self._request("GET", f"/v1/jobs/{job_id}", name="/v1/jobs/[id]")
            if response is not None:
                job = response.json()
                if job.get("state") in TERMINAL_STATES:
                    if job["state"] != "succeeded":
                        logger.warning("job %s ended %s: %s", job_id, job["state"], job.get("error"))
                    return job["state"] == "succeeded"
            time.sleep(POLL_INTERVAL_S)
        logger.warning("job %s still running after %.0f s", job_id, JOB_TIMEOUT_S)
        return False

    @task(5)
    def generate(self) -> None:
        if not self.lora_id:
            return
        body = {
            "lora_id": self.lora_id,
            "style": os.environ.get("FACECHAIN_STYLE")
            or (random.choice(self.styles) if self.styles else None),
            "prompt": os.environ.get("FACECHAIN_PROMPT"),
            "num_images": int(os.environ.get("FACECHAIN_NUM_IMAGES", "2")),
            "steps": int(os.environ.get("FACECHAIN_STEPS", "8")),
            "guidance_scale": _env_json("FACECHAIN_GUIDANCE_SCALE"),
            "width": _env_json("FACECHAIN_WIDTH"),
            "height": _env_json("FACECHAIN_HEIGHT"),
            "seed": random.randrange(2**31),
        }
        body = {key: value for key, value in body.items() if value is not None}
        self._request("POST", "/v1/generate", name="/v1/generate", json=body)

    @task(1)
    def list_styles(self) -> None:
        response = self._request("GET", "/v1/styles", name="/v1/styles")
        if response is not None:
            self.styles = _style_ids(response.json()) or self.styles


@events.quitting.add_listener
def _log_rejections(environment, **_kwargs) -> None:
    if REJECTIONS:
        logger.info("503 rejections by request: %s", dict(REJECTIONS))
