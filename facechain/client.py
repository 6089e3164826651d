"""A Python client of the FaceChain Serve HTTP API (synchronous, on httpx).

    from facechain.client import Client

    with Client("http://127.0.0.1:8000", api_key="...") as api:
        report = api.preprocess(["me1.jpg", "me2.jpg"])          # the preprocessing report
        job = api.train(["me1.jpg", "me2.jpg"], options={"steps": 200},
                        on_progress=lambda job: print(job.progress.step))
        lora_id = job.result["lora_id"]
        out = api.generate(lora_id, style="headshot", num_images=4, seed=1)
        open("best.png", "wb").write(out.portraits[0].png)

One method per route of ``serve/ingress.py``; answers come back as the pydantic models below
(unknown fields are ignored, so a newer server does not break an older client) and every error
answer raises an :class:`ApiError` subclass chosen by the error's ``type`` (the vocabulary of
``serve/errors.py``) or, failing that, by its status: ``except NotFoundError``, ``except
OverloadedError as e: time.sleep(e.retry_after or 1)``. A network failure is httpx's own error.

Uploads (photos, template, audio ...) are bytes, a path, or a ``(file name, bytes)`` pair.
Request parameters the server validates (``steps``, ``guidance_scale`` ...) pass through as
keyword arguments: their names, defaults and ranges are the server's (see ``/docs``); a wrong
one is a 422 :class:`RequestValidationError`.

The HTTP session is pluggable: ``http=`` takes an ``httpx.Client`` of the caller's (connection
limits, a mock transport in tests), ``session=`` any object with ``request(method, url, *,
route, **kwargs)`` returning a response with ``status_code``, ``headers``, ``json()`` and
``content`` -- the load tests pass Locust's session that way so Locust records every request
under its route. This module depends on httpx and pydantic only (no numpy, no server code).
"""

from __future__ import annotations

import base64
import json
import logging
import mimetypes
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ApiError", "BadRequestError", "Client", "ConflictError", "ForbiddenError",
    "HttpxSession", "Job", "JobFailedError", "JobTimeoutError", "NoUsableFaceError",
    "NoUsablePhotosError", "NotFoundError", "OverloadedError", "PayloadTooLargeError",
    "QuotaExceededError", "RateLimitedError", "RequestValidationError", "ServerError",
    "ServiceUnavailableError", "TooExpensiveError", "TooManyRequestsError", "UnauthorizedError",
    "UnsupportedMediaTypeError", "error_from_response",
]

logger = logging.getLogger(__name__)

TERMINAL_STATES = frozenset({"succeeded", "failed", "cancelled"})
Upload = bytes | str | os.PathLike | tuple[str, bytes]
"""An uploaded file: its bytes, a path to read, or (file name, bytes)."""
ProgressCallback = Callable[["Job"], None]


# -- errors --------------------------------------------------------------------------------------


class ApiError(Exception):
    """An error answer of the API: ``status`` (HTTP), ``code`` (the stable ``error.type``,
    e.g. ``not_found``), ``message``, ``param`` (the offending input, if any), ``details``
    (the rest of the error object: ``rejected``, ``details``, ``reason``, ``cost`` ...),
    ``retry_after`` (seconds, where the server sent ``Retry-After``), ``headers`` (the
    response's, case-insensitive) and ``body`` (the JSON body; None when the answer was not
    JSON, e.g. a proxy's own 503: ``code`` then comes from the status phrase)."""

    def __init__(self, status: int, code: str, message: str, *, param: str | None = None,
                 details: dict[str, Any] | None = None, retry_after: float | None = None,
                 headers: Mapping[str, str] | None = None, body: Any = None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.param = status, code, message, param
        self.details = dict(details or {})
        self.retry_after = retry_after
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.body = body


class BadRequestError(ApiError):
    """400: the request met the schema but its content was rejected (e.g. an undecodable
    image, an unknown style)."""


class NoUsableFaceError(BadRequestError):
    """400 ``no_usable_face``: a portrait without exactly one usable face (``reason``)."""

    @property
    def reason(self) -> str | None:
        return self.details.get("reason")


class UnauthorizedError(ApiError):
    """401: no API key, or one no tenant holds."""


class ForbiddenError(ApiError):
    """403: the key lacks the right (e.g. an admin-only route)."""


class NotFoundError(ApiError):
    """404: no such LoRA, job, output or style for this tenant (or the route is not deployed)."""


class ConflictError(ApiError):
    """409: a job state that does not allow this, a LoRA of another base model, an
    Idempotency-Key conflict."""


class PayloadTooLargeError(ApiError):
    """413: an image, audio, upload or whole request over the server's limits."""


class TooExpensiveError(PayloadTooLargeError):
    """413 ``too_expensive``: the request's cost is over the server's ``limit``."""

    @property
    def cost(self) -> float | None:
        return self.details.get("cost")

    @property
    def limit(self) -> float | None:
        return self.details.get("limit")


class UnsupportedMediaTypeError(ApiError):
    """415: a body of a content type the route does not take."""


class RequestValidationError(ApiError):
    """422 ``validation_error``: the request does not match the API schema; ``issues`` lists
    every failed check (``param``, ``message``, ``type``)."""

    @property
    def issues(self) -> list[dict[str, Any]]:
        return list(self.details.get("details") or [])


class NoUsablePhotosError(ApiError):
    """422 ``no_usable_photos``: none of the photos was usable; ``rejected`` says why, each."""

    @property
    def rejected(self) -> list[RejectedPhoto]:
        return [RejectedPhoto.model_validate(r) for r in self.details.get("rejected") or []]


class TooManyRequestsError(ApiError):
    """429: a quota or rate limit; ``retry_after`` where waiting helps."""


class QuotaExceededError(TooManyRequestsError):
    """429 ``quota_exceeded``: the tenant's LoRAs or jobs are at their limit."""


class RateLimitedError(TooManyRequestsError):
    """429 ``rate_limited``: the tenant's requests per minute are used up."""


class ServerError(ApiError):
    """5xx: the server failed (the message is fixed; the details are in its log)."""


class ServiceUnavailableError(ServerError):
    """503: overloaded, a model unavailable, a replica restarting: retry later."""


class OverloadedError(ServiceUnavailableError):
    """503 (or 429) ``overloaded``: admission refused the request; retry after ``retry_after``."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError, 401: UnauthorizedError, 403: ForbiddenError, 404: NotFoundError,
    409: ConflictError, 413: PayloadTooLargeError, 415: UnsupportedMediaTypeError,
    422: RequestValidationError, 429: TooManyRequestsError, 503: ServiceUnavailableError,
}
_BY_CODE: dict[str, type[ApiError]] = {
    "no_usable_face": NoUsableFaceError, "too_expensive": TooExpensiveError,
    "validation_error": RequestValidationError, "no_usable_photos": NoUsablePhotosError,
    "quota_exceeded": QuotaExceededError, "rate_limited": RateLimitedError,
    "overloaded": OverloadedError,
}


class JobFailedError(Exception):
    """A job this client waited for ended ``failed`` or ``cancelled``; ``job`` is the final job
    (``job.error.type`` is the API's error code, e.g. ``no_usable_photos``)."""

    def __init__(self, job: Job):
        error = f": {job.error.type}: {job.error.message}" if job.error else ""
        super().__init__(f"job {job.id} {job.state}{error}")
        self.job = job


class JobTimeoutError(TimeoutError):
    """A job was not terminal after the wait's ``timeout``; ``job`` is the last state seen."""

    def __init__(self, job: Job, timeout: float):
        super().__init__(f"job {job.id} still {job.state} after {timeout:g} s")
        self.job = job


def _retry_after(value: str | None) -> float | None:
    """Seconds of a ``Retry-After`` header (the delta form; an HTTP date or junk: None)."""
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def error_from_response(response: Any) -> ApiError:
    """The typed error for an error answer (``{"error": {...}}``; any other body, e.g. a
    proxy's text 503, gets a code from the status phrase)."""
    status = int(response.status_code)
    body = None
    try:
        body = response.json()
        error = body["error"]
        code, message = str(error["type"]), str(error.get("message") or "")
    except (ValueError, KeyError, TypeError):
        body, error = None, {}
        try:
            phrase = httpx.codes.get_reason_phrase(status)
        except ValueError:
            phrase = ""
        code = (phrase or "error").lower().replace(" ", "_").replace("-", "_")
        message = (getattr(response, "text", "") or phrase)[:500]
    details = {k: v for k, v in error.items() if k not in ("type", "message", "param")}
    cls = _BY_CODE.get(code) or _BY_STATUS.get(status) or (
        ServerError if status >= 500 else ApiError)
    headers = response.headers
    return cls(status, code, message, param=error.get("param"), details=details,
               retry_after=_retry_after(headers.get("retry-after")), headers=headers, body=body)


# -- models --------------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


def _png(b64: str) -> bytes:
    return base64.b64decode(b64)


class RejectedPhoto(_Model):
    """A photo that was not used, and why (``reason``: e.g. ``no_face``, ``undecodable``)."""

    source: str
    reason: str
    message: str


class AcceptedPhoto(_Model):
    """A photo accepted for training: its caption and what preprocessing found."""

    source: str
    caption: str
    tags: list[str]
    quality: float
    quality_terms: dict[str, float] = Field(default_factory=dict)
    rotation: int
    roll_degrees: float
    gender: str
    male_probability: float
    age: float
    face_box: list[float]
    image: str | None = None

    @property
    def png(self) -> bytes | None:
        """The training image (``include_images=True``), PNG bytes."""
        return None if self.image is None else _png(self.image)


class FacesReport(_Model):
    """``POST /v1/faces``: the preprocessing report."""

    accepted: list[AcceptedPhoto]
    rejected: list[RejectedPhoto]
    trigger: str
    gender: str
    age: float
    template: dict[str, Any]


class TrainAccepted(_Model):
    """``POST /v1/loras`` (202): the job and the id the LoRA will have."""

    job_id: str
    lora_id: str
    status_url: str
    rejected: list[RejectedPhoto] = Field(default_factory=list)


class JobProgress(_Model):
    step: int = 0
    total_steps: int | None = None
    loss: float | None = None
    eta_seconds: float | None = None
    fraction: float = 0.0
    stage: str | None = None
    frame: int | None = None
    frames: int | None = None


class JobError(_Model):
    type: str
    message: str


class Job(_Model):
    """A job (training or talking head): state, progress, result or error."""

    id: str
    kind: str
    state: str
    progress: JobProgress = Field(default_factory=JobProgress)
    params: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] | None = None
    error: JobError | None = None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    updated_at: datetime
    cancel_requested: bool = False
    attempt: int = 0

    @property
    def terminal(self) -> bool:
        return self.state in TERMINAL_STATES


class Lora(_Model):
    """``GET /v1/loras/{id}``: a LoRA's metadata."""

    lora_id: str
    kind: str
    trigger: str
    common_tags: list[str]
    base_model_id: str
    rank: int
    steps: int
    resolution: int
    created_at: str


class Portrait(_Model):
    image: str
    similarity: float
    seed: int

    @property
    def png(self) -> bytes:
        return _png(self.image)


class Dropped(_Model):
    seed: int
    reason: str
    message: str
    similarity: float | None = None


class GenerateResult(_Model):
    """``POST /v1/generate``: ranked portraits, dropped candidates with reasons."""

    portraits: list[Portrait]
    dropped: list[Dropped]
    prompt: str
    negative_prompt: str
    seed: int
    candidates: list[str] | None = None


class FaceReport(_Model):
    """What was done with one detected face of an inpaint / try-on input."""

    index: int
    box: list[float]
    lora: str | None = None
    status: str
    reason: str | None = None
    similarity: float | None = None


class InpaintResult(_Model):
    image: str
    faces: list[FaceReport]
    seed: int

    @property
    def png(self) -> bytes:
        return _png(self.image)


class TryonResult(_Model):
    image: str
    mask: str
    faces: list[FaceReport]
    seed: int

    @property
    def png(self) -> bytes:
        return _png(self.image)

    @property
    def mask_png(self) -> bytes:
        return _png(self.mask)


class TalkAccepted(_Model):
    """``POST /v1/talk`` (202): the render job and the id its video will have."""

    job_id: str
    output_id: str
    status_url: str
    video_url: str
    portrait: dict[str, Any] = Field(default_factory=dict)


class Voice(_Model):
    id: str
    name: str
    language: str
    backend: str
    sample_rate: int
    alignments: bool


class Style(_Model):
    slug: str
    name: str
    description: str
    base_model: str
    prompt_only: bool
    style_weight: float
    face_weight: float
    prompt: str
    negative_prompt: str
    tags: list[str] = Field(default_factory=list)


class Health(_Model):
    status: str


class Readiness(_Model):
    """``GET /readyz``: ``ready`` iff every deployment has a healthy replica."""

    status: str
    deployments: dict[str, str] = Field(default_factory=dict)
    unready: list[str] = Field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.status == "ready"


# -- sessions ------------------------------------------------------------------------------------


class Session(Protocol):
    """What the client sends through: ``route`` is the route's path template (e.g.
    ``/v1/jobs/{job_id}``), for a session that names requests by route (Locust)."""

    def request(self, method: str, url: str, *, route: str, **kwargs: Any) -> Any: ...


class HttpxSession:
    """The default session: an ``httpx.Client``; also streams server-sent events."""

    def __init__(self, http: httpx.Client):
        self.http = http

    def request(self, method: str, url: str, *, route: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, url, **kwargs)

    def stream_lines(self, url: str, *, headers: Mapping[str, str],
                     timeout: float | None) -> Iterator[tuple[httpx.Response, Iterator[str]]]:
        """A context manager yielding (response, its lines) of a streamed GET."""
        return self.http.stream("GET", url, headers=dict(headers),
                                timeout=httpx.Timeout(10.0, read=timeout))


def _upload(value: Upload, name: str) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of an upload."""
    if isinstance(value, tuple):
        filename, data = value
    elif isinstance(value, (bytes, bytearray, memoryview)):
        filename, data = name, bytes(value)
    else:
        path = Path(value)
        filename, data = path.name, path.read_bytes()
    kind = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return filename, data, kind


def _form_json(value: BaseModel | Mapping[str, Any] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, BaseModel):
        return value.model_dump_json(exclude_none=True)
    return json.dumps(dict(value))


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


# -- the client ----------------------------------------------------------------------------------


class Client:
    """The FaceChain Serve API at ``base_url`` (e.g. ``http://127.0.0.1:8000``).

    ``api_key``: sent as ``Authorization: Bearer <key>`` (none: a loopback client of a server
    without keys). ``timeout``: seconds per request of the client's own httpx session (generate
    on a CPU takes a while: the default is generous). ``http``: an ``httpx.Client`` to use
    instead (the caller closes it); ``transport``: an httpx transport for the client's own
    session (e.g. ``httpx.MockTransport``); ``session``: any :class:`Session` (Locust's)."""

    def __init__(self, base_url: str, api_key: str | None = None, *, timeout: float = 300.0,
                 http: httpx.Client | None = None, transport: httpx.BaseTransport | None = None,
                 session: Session | None = None, headers: Mapping[str, str] | None = None):
        self.base_url = base_url.rstrip("/")
        self.headers = dict(headers or {})
        if api_key:
            self.headers["Authorization"] = f"Bearer {api_key}"
        self._own: httpx.Client | None = None
        if session is None:
            if http is None:
                http = self._own = httpx.Client(timeout=timeout, transport=transport)
            session = HttpxSession(http)
        self.session = session

    def close(self) -> None:
        """Close the client's own httpx session (an injected one is the caller's)."""
        if self._own is not None:
            self._own.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------------
    def request(self, method: str, route: str, *, path: Mapping[str, str] | None = None,
                ok: Sequence[int] = (200,), headers: Mapping[str, str] | None = None,
                **kwargs: Any) -> Any:
        """Send ``method route`` (``{name}`` parts filled from ``path``); the response when its
        status is in ``ok``, else the typed :class:`ApiError`. ``kwargs``: httpx's/requests'
        ``params``, ``json``, ``data``, ``files``."""
        url = self.base_url + route.format(**{k: _segment(v) for k, v in (path or {}).items()})
        response = self.session.request(method, url, route=route,
                                        headers={**self.headers, **(headers or {})}, **kwargs)
        if response.status_code not in ok:
            raise error_from_response(response)
        return response

    def _json(self, method: str, route: str, **kwargs: Any) -> Any:
        return self.request(method, route, **kwargs).json()

    # -- health ------------------------------------------------------------------------------
    def health(self) -> Health:
        """``GET /healthz``: liveness."""
        return Health.model_validate(self._json("GET", "/healthz"))

    def ready(self) -> Readiness:
        """``GET /readyz``: readiness (a not-ready server answers 503 with the same body: no
        error raised; see ``.ready``)."""
        response = self.request("GET", "/readyz", ok=(200, 503))
        try:
            return Readiness.model_validate(response.json())
        except ValueError:  # a proxy's own 503
            raise error_from_response(response) from None

    def metrics(self) -> str:
        """``GET /metrics``: Prometheus text (an admin key, unless the server makes it public)."""
        return self.request("GET", "/metrics").text

    # -- faces and training ------------------------------------------------------------------
    def preprocess(self, photos: Sequence[Upload], *, gender: str | None = None,
                   age_group: str | None = None, include_images: bool = False) -> FacesReport:
        """``POST /v1/faces``: the preprocessing report of ``photos`` (accepted photos with
        captions, rejected ones with reasons, the trigger word). ``gender`` (male/female) and
        ``age_group`` (child/young/mature) override the estimates for the trigger word."""
        files = [("photos", _upload(p, f"photo{i}.jpg")) for i, p in enumerate(photos)]
        data = _drop_none({"gender": gender, "age_group": age_group})
        params = {"include_images": "true"} if include_images else None
        return FacesReport.model_validate(self._json(
            "POST", "/v1/faces", files=files, data=data or None, params=params))

    def create_lora(self, photos: Sequence[Upload], options: Mapping[str, Any] | None = None, *,
                    idempotency_key: str | None = None) -> TrainAccepted:
        """``POST /v1/loras``: queue a training job (``options``: the TrainOptions fields, e.g.
        ``{"steps": 200, "gender": "female"}``)."""
        files = [("photos", _upload(p, f"photo{i}.jpg")) for i, p in enumerate(photos)]
        form = _form_json(options)
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return TrainAccepted.model_validate(self._json(
            "POST", "/v1/loras", ok=(202,), files=files,
            data={"options": form} if form is not None else None, headers=headers))

    def train(self, photos: Sequence[Upload], options: Mapping[str, Any] | None = None, *,
              on_progress: ProgressCallback | None = None, timeout: float | None = None,
              idempotency_key: str | None = None) -> Job:
        """Queue a training job and wait for it (progress from the job's event stream, polling
        where the stream is unavailable). Returns the succeeded job (``result["lora_id"]``);
        a failed or cancelled job raises :class:`JobFailedError`."""
        accepted = self.create_lora(photos, options, idempotency_key=idempotency_key)
        return self._succeeded(self.wait(accepted.job_id, on_progress=on_progress,
                                         timeout=timeout))

    # -- jobs --------------------------------------------------------------------------------
    def get_job(self, job_id: str) -> Job:
        """``GET /v1/jobs/{job_id}``."""
        return Job.model_validate(self._json("GET", "/v1/jobs/{job_id}", path={"job_id": job_id}))

    def cancel_job(self, job_id: str) -> Job:
        """``DELETE /v1/jobs/{job_id}``: cancel a queued or running job (a running one stops at
        its next step: wait for it to see it cancelled)."""
        return Job.model_validate(self._json("DELETE", "/v1/jobs/{job_id}",
                                             path={"job_id": job_id}))

    def events(self, job_id: str, *, read_timeout: float | None = 60.0) -> Iterator[Job]:
        """``GET /v1/jobs/{job_id}/events``: the job on every change, the terminal one last
        (server-sent events). Needs the httpx session (``TypeError`` otherwise)."""
        stream = getattr(self.session, "stream_lines", None)
        if stream is None:
            raise TypeError(f"{type(self.session).__name__} cannot stream server-sent events")
        url = self.base_url + f"/v1/jobs/{_segment(job_id)}/events"
        with stream(url, headers=self.headers, timeout=read_timeout) as response:
            if response.status_code != 200:
                response.read()
                raise error_from_response(response)
            event, data = None, []
            for line in response.iter_lines():
                if line.startswith(":"):  # keep-alive comment
                    continue
                if line == "":  # end of one event
                    if data and event in ("progress", "done"):
                        job = Job.model_validate_json("\n".join(data))
                        yield job
                        if event == "done":
                            return
                    event, data = None, []
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())

    def wait(self, job_id: str, *, on_progress: ProgressCallback | None = None,
             timeout: float | None = None, poll_s: float = 1.0, stream: bool = True) -> Job:
        """Wait until the job is terminal and return it (not raising for a failed one).
        ``on_progress(job)`` is called on every change. Follows the event stream when the
        session can (``stream``), else, or when the stream breaks, polls every ``poll_s``;
        a 429/503 while polling waits its Retry-After. ``timeout``: :class:`JobTimeoutError`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        last: Job | None = None

        def seen(job: Job) -> None:
            nonlocal last
            if on_progress is not None and (last is None or job != last):
                on_progress(job)
            last = job

        if stream and hasattr(self.session, "stream_lines"):
            left = None if deadline is None else max(0.1, deadline - time.monotonic())
            try:
                for job in self.events(job_id, read_timeout=min(left or 60.0, 60.0)):
                    seen(job)
                    if job.terminal:
                        return job
                    if deadline is not None and time.monotonic() > deadline:
                        raise JobTimeoutError(job, timeout or 0)
            except (httpx.TransportError, httpx.DecodingError) as exc:
                logger.info("job %s: event stream ended (%s); polling", job_id, exc)
        while True:
            try:
                job = self.get_job(job_id)
            except (TooManyRequestsError, ServiceUnavailableError) as exc:
                job, pause = last, exc.retry_after or poll_s
            else:
                seen(job)
                if job.terminal:
                    return job
                pause = poll_s
            if deadline is not None and time.monotonic() + pause > deadline:
                if job is None:
                    job = self.get_job(job_id)
                raise JobTimeoutError(job, timeout or 0)
            time.sleep(pause)

    @staticmethod
    def _succeeded(job: Job) -> Job:
        if job.state != "succeeded":
            raise JobFailedError(job)
        return job

    # -- LoRAs -------------------------------------------------------------------------------
    def list_loras(self) -> list[str]:
        """``GET /v1/loras``: the ids of the caller's LoRAs, sorted."""
        return list(self._json("GET", "/v1/loras")["loras"])

    def get_lora(self, lora_id: str) -> Lora:
        """``GET /v1/loras/{lora_id}``: its metadata."""
        return Lora.model_validate(self._json("GET", "/v1/loras/{lora_id}",
                                              path={"lora_id": lora_id}))

    def delete_lora(self, lora_id: str) -> None:
        """``DELETE /v1/loras/{lora_id}``."""
        self.request("DELETE", "/v1/loras/{lora_id}", path={"lora_id": lora_id}, ok=(204,))

    # -- generation --------------------------------------------------------------------------
    def generate(self, lora_id: str, *, style: str | None = None, prompt: str | None = None,
                 num_images: int | None = None, seed: int | None = None,
                 pose: Upload | None = None, include_candidates: bool = False,
                 **params: Any) -> GenerateResult:
        """``POST /v1/generate``: portraits of the LoRA's person, most similar first.
        ``pose``: a photo whose body pose they follow; ``params``: the other GenerateRequest
        fields (``top_k``, ``steps``, ``guidance_scale``, ``width``, ``height`` ...)."""
        body = _drop_none({"lora_id": lora_id, "style": style, "prompt": prompt,
                           "num_images": num_images, "seed": seed, **params})
        if pose is not None:
            body["pose"] = base64.b64encode(_upload(pose, "pose.png")[1]).decode("ascii")
        if include_candidates:
            body["include_candidates"] = True
        return GenerateResult.model_validate(self._json("POST", "/v1/generate", json=body))

    def inpaint(self, template: Upload, faces: Mapping[int, str] | Sequence[Mapping[str, Any]],
                **options: Any) -> InpaintResult:
        """``POST /v1/inpaint``: the template photo with faces redrawn; ``faces``: face index
        (left to right) -> LoRA id, or InpaintOptions' ``[{"index", "lora_id"}]``; ``options``:
        the other InpaintOptions fields (``style``, ``steps``, ``seed`` ...)."""
        if isinstance(faces, Mapping):
            faces = [{"index": int(i), "lora_id": lora} for i, lora in faces.items()]
        body = {**options, "faces": list(faces)}
        return InpaintResult.model_validate(self._json(
            "POST", "/v1/inpaint", files={"template": _upload(template, "template.png")},
            data={"options": json.dumps(body)}))

    def tryon(self, photo: Upload, lora_id: str, *, mask: Upload | None = None,
              **options: Any) -> TryonResult:
        """``POST /v1/tryon``: the LoRA's person wearing the photo's garment; ``mask``: the
        garment mask (PNG of the photo's size, white = kept; none: computed); ``options``: the
        other TryonOptions fields (``background`` prompt, ``steps``, ``seed`` ...)."""
        files = {"photo": _upload(photo, "photo.png")}
        if mask is not None:
            files["mask"] = _upload(mask, "mask.png")
        return TryonResult.model_validate(self._json(
            "POST", "/v1/tryon", files=files,
            data={"options": json.dumps({**options, "lora_id": lora_id})}))

    # -- talking head ------------------------------------------------------------------------
    def talk(self, portrait: Upload, *, audio: Upload | None = None, text: str | None = None,
             voice: str | None = None, options: Mapping[str, Any] | None = None,
             idempotency_key: str | None = None) -> TalkAccepted:
        """``POST /v1/talk``: queue a talking-head render of ``portrait`` speaking ``audio``
        (any format ffmpeg reads) or ``text`` (TTS, in ``voice``); ``options``: TalkOptions.
        Wait with :meth:`wait`, then :meth:`download_output` the ``output_id``."""
        files = {"portrait": _upload(portrait, "portrait.png")}
        if audio is not None:
            files["audio"] = _upload(audio, "speech.wav")
        data = _drop_none({"text": text, "voice": voice, "options": _form_json(options)})
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return TalkAccepted.model_validate(self._json(
            "POST", "/v1/talk", ok=(202,), files=files, data=data or None, headers=headers))

    def voices(self) -> list[Voice]:
        """``GET /v1/voices``: the TTS voices, the default first."""
        return [Voice.model_validate(v) for v in self._json("GET", "/v1/voices")]

    def download_output(self, output_id: str, *,
                        byte_range: tuple[int, int | None] | None = None) -> bytes:
        """``GET /v1/outputs/{output_id}``: the rendered mp4 (``byte_range``: (first, last or
        None) bytes, HTTP range)."""
        headers = None
        if byte_range is not None:
            first, last = byte_range
            headers = {"Range": f"bytes={first}-{'' if last is None else last}"}
        return self.request("GET", "/v1/outputs/{output_id}", path={"output_id": output_id},
                            ok=(200, 206), headers=headers).content

    def delete_output(self, output_id: str) -> None:
        """``DELETE /v1/outputs/{output_id}``."""
        self.request("DELETE", "/v1/outputs/{output_id}", path={"output_id": output_id},
                     ok=(204,))

    # -- styles ------------------------------------------------------------------------------
    def styles(self) -> list[Style]:
        """``GET /v1/styles``: the styles the caller can use."""
        return [Style.model_validate(s) for s in self._json("GET", "/v1/styles")]

    def add_style(self, slug: str, *, name: str, prompt: str, description: str | None = None,
                  style_weight: float | None = None, face_weight: float | None = None,
                  negative_prompt: str | None = None, lora: Upload | None = None,
                  shared: bool = False) -> Style:
        """``POST /v1/styles``: a prompt-only style, or one with a style LoRA (.safetensors);
        ``shared``: for every tenant (an admin key). Unset fields take the server's defaults."""
        data = _drop_none({"slug": slug, "name": name, "prompt": prompt,
                           "description": description, "style_weight": style_weight,
                           "face_weight": face_weight, "negative_prompt": negative_prompt,
                           "shared": "true" if shared else None})
        data = {k: str(v) for k, v in data.items()}
        files = {"lora": _upload(lora, f"{slug}.safetensors")} if lora is not None else None
        return Style.model_validate(self._json("POST", "/v1/styles", ok=(201,), data=data,
                                               files=files))


def _segment(value: str) -> str:
    """A path parameter, percent-encoded (an id with a slash stays one segment)."""
    return quote(str(value), safe="")
