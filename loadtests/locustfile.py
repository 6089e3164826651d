"""Locust load test of the FaceChain Serve HTTP API: scenarios and load shapes.

Scenarios (``FACECHAIN_SCENARIO``):

- ``journey`` (default): each simulated user, once, lists the styles, previews its photos
  (POST /v1/faces), starts a LoRA training (POST /v1/loras, 202) and polls GET /v1/jobs/{id}
  until the job ends; then, repeatedly, generates portraits with its LoRA (POST /v1/generate,
  weight 5), inpaints its face into a template (POST /v1/inpaint, 1), has its portrait speak a
  sentence and waits for the video job (POST /v1/talk + polling, 1) and lists the styles (1).
  On stop it deletes its LoRA. Photos are the real fixtures in tests/fixtures/faces (one person).
- ``generate``: the hot path, POST /v1/generate only, on the pre-trained LoRA(s) of
  ``FACECHAIN_LORA_IDS`` (the first one), closed loop (``FACECHAIN_THINK_S`` between requests).
- ``zipf``: the same on several LoRAs, each request's end user (LoRA) drawn from Zipf(s) over
  ``FACECHAIN_LORA_IDS`` (``FACECHAIN_ZIPF_S``, 1.1): P(k) proportional to 1 / k^s.

``facechain loadtest`` trains the LoRAs of ``generate``/``zipf`` before the run and passes their
ids; run by hand, set ``FACECHAIN_LORA_IDS`` (comma-separated LoRA ids of the caller's tenant).

Shapes (``FACECHAIN_SHAPE``; unset: Locust's own ``-u``/``-r``/``-t``):

- ``constant``: ``FACECHAIN_USERS`` users started at ``FACECHAIN_SPAWN_RATE`` per second, for
  ``FACECHAIN_DURATION_S``;
- ``step``: ``FACECHAIN_STEPS_PLAN`` stages ``users:seconds,...`` (e.g. ``1:40,6:100,1:100``);
- ``open``: open loop (``generate``/``zipf``): one :class:`OpenLoopUser` starts a request every
  1/``FACECHAIN_RATE`` s whatever the earlier ones do (a custom arrival loop: Locust's
  ``constant_throughput`` is closed-loop, it waits for the response), at most
  ``FACECHAIN_MAX_IN_FLIGHT`` (256) in flight; an arrival beyond that is a failure named
  ``[dropped: max in flight]`` (the load generator could not offer the rate).

Overload is not failure: a 429 (quota, rate limit) or 503 (Serve backpressure, "overloaded",
"service_unavailable") is reported as a *success* under the request name plus
``" [429 rejected]"`` / ``" [503 rejected]"``, so the CSVs show throughput, real failures and
rejections apart.

Headless by hand (see loadtests/README.md)::

    locust -f loadtests/locustfile.py --headless -u 4 -r 2 -t 60s \\
        --host http://127.0.0.1:8000 --csv out/loadtest/locust

Other knobs (environment variables, all optional): FACECHAIN_API_KEY (sent as a Bearer token;
loopback clients need none), FACECHAIN_PHOTOS_DIR, FACECHAIN_STYLE, FACECHAIN_PROMPT,
FACECHAIN_NUM_IMAGES (2), FACECHAIN_STEPS (8), FACECHAIN_GUIDANCE_SCALE, FACECHAIN_WIDTH,
FACECHAIN_HEIGHT (sent as JSON when set, e.g. 7.5 or 512; the fields of POST /v1/generate of the
same names), FACECHAIN_LORA_OPTIONS (a JSON object sent as the `options` form field of
POST /v1/loras), FACECHAIN_INPAINT_OPTIONS ('{"crop_size": 128}', merged into POST /v1/inpaint's
options), FACECHAIN_TALK_OPTIONS ('{"size": 256}'), FACECHAIN_TALK_TEXT, FACECHAIN_JOB_TIMEOUT_S
(900), FACECHAIN_POLL_INTERVAL_S (1), FACECHAIN_CLEANUP (1: delete the LoRA on stop).
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import gevent
from gevent.pool import Pool
from locust import HttpUser, LoadTestShape, between, constant, events, task
from requests.adapters import HTTPAdapter
from shapes import parse_steps, users_at, zipf_weights  # loadtests/shapes.py (Locust's sys.path)

from facechain.client import ApiError, Client, JobTimeoutError

logger = logging.getLogger("facechain.loadtest")

PHOTOS_DIR = Path(
    os.environ.get(
        "FACECHAIN_PHOTOS_DIR", Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "faces"
    )
)
# One identity: the photos a user would upload to train its digital twin.
TRAINING_PHOTOS = ("obama.jpg", "obama2.jpg", "obama3.jpg")
REJECTED_STATUSES = (429, 503)
MAX_RETRY_AFTER_S = 5.0


def retry_after_s(value: str | None) -> float:
    """A ``Retry-After`` header's delay in seconds (the delta form; none or a date: 1 s), capped
    at ``MAX_RETRY_AFTER_S``."""
    try:
        return min(MAX_RETRY_AFTER_S, max(0.0, float(value)))
    except (TypeError, ValueError):
        return 1.0
DROPPED_NAME = "[dropped: max in flight]"

SCENARIOS = ("journey", "generate", "zipf")
SHAPES = ("constant", "step", "open")
SCENARIO = os.environ.get("FACECHAIN_SCENARIO", "journey")
SHAPE = os.environ.get("FACECHAIN_SHAPE") or None
if SCENARIO not in SCENARIOS:
    raise ValueError(f"FACECHAIN_SCENARIO={SCENARIO!r}: one of {', '.join(SCENARIOS)}")
if SHAPE is not None and SHAPE not in SHAPES:
    raise ValueError(f"FACECHAIN_SHAPE={SHAPE!r}: one of {', '.join(SHAPES)}")
if SHAPE == "open" and SCENARIO == "journey":
    raise ValueError("FACECHAIN_SHAPE=open drives the generate or zipf scenario, not journey")

LORA_IDS = [x.strip() for x in os.environ.get("FACECHAIN_LORA_IDS", "").split(",") if x.strip()]
ZIPF_S = float(os.environ.get("FACECHAIN_ZIPF_S", "1.1"))
THINK_S = float(os.environ.get("FACECHAIN_THINK_S", "0"))
API_KEY = os.environ.get("FACECHAIN_API_KEY") or None
JOB_TIMEOUT_S = float(os.environ.get("FACECHAIN_JOB_TIMEOUT_S", "900"))
POLL_INTERVAL_S = float(os.environ.get("FACECHAIN_POLL_INTERVAL_S", "1"))
CLEANUP = os.environ.get("FACECHAIN_CLEANUP", "1") not in ("0", "false", "no")
if SCENARIO != "journey" and not LORA_IDS:
    raise ValueError(f"scenario {SCENARIO} needs FACECHAIN_LORA_IDS (`facechain loadtest` trains them)")

# Rejections by request name, for the end-of-run log line (the CSV has them too).
REJECTIONS: Counter[str] = Counter()


def rejected_name(name: str, status: int) -> str:
    """The request name a 429/503 answer is reported under."""
    return f"{name} [{status} rejected]"


def _env_json(name: str, default: str | None = None) -> Any:
    raw = os.environ.get(name, default)
    return None if raw in (None, "") else json.loads(raw)


def _load_photos() -> list[tuple[str, bytes]]:
    photos = [(name, (PHOTOS_DIR / name).read_bytes()) for name in TRAINING_PHOTOS]
    if not photos:
        raise RuntimeError(f"no photos in {PHOTOS_DIR}")
    return photos


PHOTOS = _load_photos()


def generate_body(lora_id: str, styles: list[str] | None = None) -> dict:
    """A POST /v1/generate body from the FACECHAIN_* knobs, with a random seed."""
    body = {
        "lora_id": lora_id,
        "style": os.environ.get("FACECHAIN_STYLE") or (random.choice(styles) if styles else None),
        "prompt": os.environ.get("FACECHAIN_PROMPT"),
        "num_images": int(os.environ.get("FACECHAIN_NUM_IMAGES", "2")),
        "steps": int(os.environ.get("FACECHAIN_STEPS", "8")),
        "guidance_scale": _env_json("FACECHAIN_GUIDANCE_SCALE"),
        "width": _env_json("FACECHAIN_WIDTH"),
        "height": _env_json("FACECHAIN_HEIGHT"),
        "seed": random.randrange(2**31),
    }
    return {key: value for key, value in body.items() if value is not None}


def route_name(route: str) -> str:
    """The Locust request name of a route: ``/v1/jobs/{job_id}`` -> ``/v1/jobs/[id]``."""
    return re.sub(r"\{[^}]+\}", "[id]", route)


class LocustSession:
    """The :class:`facechain.client.Client` session of a user: every request goes through
    Locust's own session (so Locust records it, named by its route); a 429/503 is a rejection
    (a success under ``rejected_name``, and a closed-loop user waits its ``Retry-After``), any
    other status >= 400 a failure, unless the caller said it expects it (:meth:`tolerating`).
    The client then raises its typed error, which the user code catches."""

    def __init__(self, user: FacechainUser):
        self.user = user
        self.tolerated: tuple[int, ...] = ()

    @contextmanager
    def tolerating(self, *statuses: int):
        """Inside, these error statuses count as successes (e.g. 404 of a cleanup delete)."""
        self.tolerated = statuses
        try:
            yield
        finally:
            self.tolerated = ()

    def request(self, method: str, url: str, *, route: str, **kwargs: Any):
        name = route_name(route)
        with self.user.client.request(method, url, name=name, catch_response=True,
                                      **kwargs) as response:
            status = response.status_code
            if status in REJECTED_STATUSES:
                response.request_meta["name"] = rejected_name(name, status)
                REJECTIONS[name] += 1
                response.success()
                if self.user.honor_retry_after:
                    self.user._backed_off = retry_after_s(response.headers.get("Retry-After"))
            elif 0 < status < 400 or status in self.tolerated:
                response.success()
            else:
                detail = response.text[:200] if response.text else ""
                response.failure(f"{status}: {detail}")
        return response


class FacechainUser(HttpUser):
    """Shared pieces: the API client over Locust's session (:class:`LocustSession`: 429/503
    counted as rejections), the API key when given. A closed-loop user waits a rejection's
    ``Retry-After`` (at most ``MAX_RETRY_AFTER_S``) before its next request, as a well-behaved
    client does; the open-loop user does not (its arrivals are the schedule)."""

    abstract = True
    honor_retry_after = True
    _backed_off = 0.0

    def wait_time(self) -> float:
        backed_off, self._backed_off = self._backed_off, 0.0
        return backed_off + self.think_time()

    def think_time(self) -> float:
        return 0.0

    def on_start(self) -> None:
        self.session = LocustSession(self)
        self.api = Client(self.host, API_KEY, session=self.session)

    def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``method(*args, **kwargs)`` of the client; None when the API answered an error (the
        session has recorded it: a failure or a rejection)."""
        try:
            return method(*args, **kwargs)
        except ApiError:
            return None

    def _wait_for_job(self, job_id: str) -> bool:
        try:
            job = self.api.wait(job_id, timeout=JOB_TIMEOUT_S, poll_s=POLL_INTERVAL_S)
        except JobTimeoutError:
            logger.warning("job %s still running after %.0f s", job_id, JOB_TIMEOUT_S)
            return False
        except ApiError as exc:
            logger.warning("job %s: %s", job_id, exc)
            return False
        if job.state != "succeeded":
            logger.warning("job %s ended %s: %s", job_id, job.state, job.error)
        return job.state == "succeeded"

    def pick_lora(self) -> str:
        """The LoRA of this request: the first one (generate) or a Zipf draw (zipf)."""
        if SCENARIO == "zipf":
            return random.choices(LORA_IDS, weights=zipf_weights(len(LORA_IDS), ZIPF_S))[0]
        return LORA_IDS[0]

    def hot_request(self) -> None:
        self._call(self.api.generate, **generate_body(self.pick_lora()))


class JourneyUser(FacechainUser):
    """Trains one LoRA, then generates, inpaints and talks with it."""

    wait_time = between(1, 3)

    def on_start(self) -> None:
        super().on_start()
        self.lora_id: str | None = None
        self.styles: list[str] = []
        self.list_styles()
        self.preview_faces()
        self.train()

    def on_stop(self) -> None:
        if CLEANUP and self.lora_id:
            with self.session.tolerating(404):
                try:
                    self.api.delete_lora(self.lora_id)
                except ApiError:  # gone already: fine
                    pass

    def preview_faces(self) -> None:
        """What a UI does before training: the preprocessing report for the chosen photos."""
        self._call(self.api.preprocess, PHOTOS)

    def train(self) -> None:
        """Start a training and poll its job until it ends (a few attempts on rejection)."""
        options = _env_json("FACECHAIN_LORA_OPTIONS")
        for attempt in range(3):
            accepted = self._call(self.api.create_lora, PHOTOS, options)
            if accepted is None:
                time.sleep(5 * (attempt + 1))  # rejected or failed: back off, then try again
                continue
            if self._wait_for_job(accepted.job_id):
                self.lora_id = accepted.lora_id
                return
        logger.warning("user gave up training after 3 attempts; it will only list styles")

    @task(5)
    def generate(self) -> None:
        if self.lora_id:
            self._call(self.api.generate, **generate_body(self.lora_id, self.styles))

    @task(1)
    def inpaint(self) -> None:
        """The user's face redrawn into a template photo (face 0 of one of the fixtures)."""
        if not self.lora_id:
            return
        options = {"steps": int(os.environ.get("FACECHAIN_STEPS", "8")), "seed": random.randrange(2**30),
                   **(_env_json("FACECHAIN_INPAINT_OPTIONS", '{"crop_size": 128}') or {})}
        self._call(self.api.inpaint, PHOTOS[random.randrange(len(PHOTOS))], {0: self.lora_id},
                   **options)

    @task(1)
    def talk(self) -> None:
        """A talking-head render of the user's photo; the user waits for the video job."""
        if not self.lora_id:
            return
        accepted = self._call(
            self.api.talk, PHOTOS[0],
            text=os.environ.get("FACECHAIN_TALK_TEXT", "Hello, this is my digital twin."),
            options=_env_json("FACECHAIN_TALK_OPTIONS", '{"size": 256}') or {})
        if accepted is not None:
            self._wait_for_job(accepted.job_id)

    @task(1)
    def list_styles(self) -> None:
        styles = self._call(self.api.styles)
        if styles is not None:
            self.styles = [s.slug for s in styles] or self.styles


class HotPathUser(FacechainUser):
    """Closed loop: one generate at a time, ``FACECHAIN_THINK_S`` between (generate, zipf)."""

    def think_time(self) -> float:
        return THINK_S

    @task
    def generate(self) -> None:
        self.hot_request()


class OpenLoopUser(FacechainUser):
    """Open loop: a new request every 1/``FACECHAIN_RATE`` s, answered or not."""

    wait_time = constant(0)
    honor_retry_after = False
    rate = float(os.environ.get("FACECHAIN_RATE", "2"))
    max_in_flight = int(os.environ.get("FACECHAIN_MAX_IN_FLIGHT", "256"))

    def on_start(self) -> None:
        super().on_start()
        if self.rate <= 0:
            raise ValueError("FACECHAIN_RATE must be > 0")
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=self.max_in_flight)
        self.client.mount("http://", adapter)
        self.client.mount("https://", adapter)
        self.in_flight = Pool(self.max_in_flight)
        self.next_at = time.perf_counter()

    def on_stop(self) -> None:
        self.in_flight.kill(block=False)  # unanswered at the end: not counted

    @task
    def arrive(self) -> None:
        delay = self.next_at - time.perf_counter()
        if delay > 0:
            gevent.sleep(delay)
        self.next_at += 1.0 / self.rate
        if self.in_flight.full():
            self.environment.events.request.fire(
                request_type="OPEN", name=DROPPED_NAME, response_time=0, response_length=0,
                exception=RuntimeError(f"{self.max_in_flight} requests in flight"), context={})
            return
        self.in_flight.spawn(self.hot_request)


# Only the scenario's user class runs (Locust starts every non-abstract User of the file).
def _activate() -> None:
    active = OpenLoopUser if SHAPE == "open" else JourneyUser if SCENARIO == "journey" else HotPathUser
    for cls in (JourneyUser, HotPathUser, OpenLoopUser):
        cls.abstract = cls is not active


_activate()


class FacechainShape(LoadTestShape):
    """The ``FACECHAIN_SHAPE`` load shape (inactive when it is unset: Locust's -u/-r/-t)."""

    abstract = SHAPE is None

    def __init__(self) -> None:
        super().__init__()
        self.spawn_rate = float(os.environ.get("FACECHAIN_SPAWN_RATE", "1"))
        users = int(os.environ.get("FACECHAIN_USERS", "1"))
        duration = float(os.environ.get("FACECHAIN_DURATION_S", "60"))
        if SHAPE == "step":
            self.stages = parse_steps(os.environ.get("FACECHAIN_STEPS_PLAN", f"{users}:{duration}"))
        elif SHAPE == "open":
            self.stages = [(1, duration)]
        else:
            self.stages = [(users, duration)]

    def tick(self) -> tuple[int, float] | None:
        users = users_at(self.stages, self.get_run_time())
        return None if users is None else (users, self.spawn_rate)


@events.quitting.add_listener
def _log_rejections(environment, **_kwargs) -> None:
    if REJECTIONS:
        logger.info("429/503 rejections by request: %s", dict(REJECTIONS))
