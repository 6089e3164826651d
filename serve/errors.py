"""The one place where exceptions become HTTP responses.

Every error response has the shape ``{"error": {"type", "message", "param"}}`` (plus
``"rejected"`` for unusable photos and ``"details"`` for request validation), described for
OpenAPI by :class:`ErrorBody`.

Status codes (the most specific class along the exception's MRO wins):

=============================================  ======  ======================
exception                                      status  type
=============================================  ======  ======================
ImageTooLargeError                             413     image_too_large
ImageDecodeError                               400     image_decode_error
NoPersonError (a try-on photo without person)  400     no_person
NoUsableFaceError (+ ``reason``; a portrait)    400     no_usable_face
AudioTooLongError                              413     audio_too_long
TooExpensiveError (serve.limits; + cost, limit) 413     too_expensive
OverloadedError (serve.limits; + Retry-After)  503     overloaded
AudioDecodeError                               400     audio_decode_error
SilentAudioError                               400     silent_audio
IncompatibleModelError                         409     incompatible_model
InvalidInputError                              400     invalid_input
NoUsablePhotosError (+ ``rejected`` list)      422     no_usable_photos
NotFoundError                                  404     not_found
CancelledError                                 409     cancelled
AllItemsFailedError                            502     items_failed
ComponentError (e.g. FusionError)              500     component_error
JobStateError (serve.jobs)                     409     invalid_job_state
ApiError subclasses (serve/errors.py):
  UnauthorizedError (+ WWW-Authenticate)       401     unauthorized
  ForbiddenError                               403     forbidden
  RequestTooLargeError                         413     request_too_large
  QuotaExceededError (+ Retry-After if any)    429     quota_exceeded
  RateLimitedError (+ Retry-After)             429     rate_limited
  IdempotencyConflictError                     409     idempotency_conflict
ModelSourceError                               503     model_unavailable
ConfigError                                    500     config_error
other FaceChainError                           400     bad_request
FastAPI RequestValidationError                 422     validation_error
Starlette/FastAPI HTTPException                kept    from the status phrase
Ray Serve BackPressureError (+ Retry-After)    503*    overloaded
Ray DeploymentUnavailableError, RayActorError  503     service_unavailable
TimeoutError (asyncio, Ray GetTimeoutError)    504     timeout
anything else                                  500     internal_error
=============================================  ======  ======================

\\* or 429, when the deployment's handle is configured to answer 429.

400 vs 422: 422 means the request does not match the API schema (pydantic checks on the request
model, including parameter ranges declared there) or, for ``no_usable_photos``, that well-formed
photos held no usable face; 400 means the schema was met but the library rejected the content
(``InvalidInputError`` and subclasses, including range checks that only the library can make).

5xx responses never show internal messages (paths, tracebacks): they carry a fixed message and the
details go to the log. A ``RayTaskError`` raised through a deployment handle is unwrapped to its
cause first, so a library error inside a replica maps exactly as it would in-process. Ray is never
imported by this module unless :func:`install_error_handlers` is asked to register Ray's classes;
without Ray loaded, no Ray exception can exist, so the lazy checks cost nothing.
"""

from __future__ import annotations

import http
import logging
import math
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from facechain.errors import (
    AllItemsFailedError,
    AudioDecodeError,
    AudioTooLongError,
    CancelledError,
    ComponentError,
    ConfigError,
    FaceChainError,
    ImageDecodeError,
    ImageTooLargeError,
    IncompatibleModelError,
    InvalidInputError,
    ModelSourceError,
    NoPersonError,
    NotFoundError,
    NoUsableFaceError,
    NoUsablePhotosError,
    SilentAudioError,
)
from facechain.types import RejectionReason
from serve.jobs import JobStateError
from serve.limits import OverloadedError, TooExpensiveError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

logger = logging.getLogger(__name__)

__all__ = [
    "ERROR_MAP",
    "ApiError",
    "ForbiddenError",
    "IdempotencyConflictError",
    "QuotaExceededError",
    "RateLimitedError",
    "RequestTooLargeError",
    "UnauthorizedError",
    "public_job_error",
    "ERROR_RESPONSES",
    "ErrorBody",
    "ErrorDetail",
    "ErrorMapping",
    "MappedError",
    "error_body",
    "error_response",
    "install_error_handlers",
    "map_exception",
    "unwrap",
]

DEFAULT_RETRY_AFTER_S = 1.0


class ApiError(FaceChainError):
    """An error of the serving layer itself (auth, quotas, limits): it carries its own status,
    type and headers. Raise it from routes; middlewares answer it with :func:`error_response`."""

    status: int = 400
    type: str = "bad_request"

    def __init__(self, message: str, *, param: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message, param=param)
        self.headers = dict(headers or {})


class UnauthorizedError(ApiError):
    """No API key, or one that no tenant holds (401 + ``WWW-Authenticate: Bearer``)."""

    status, type = 401, "unauthorized"

    def __init__(self, message: str = "a valid API key is required: "
                 "send 'Authorization: Bearer <key>'", *, invalid_token: bool = False):
        challenge = 'Bearer error="invalid_token"' if invalid_token else "Bearer"
        super().__init__(message, headers={"WWW-Authenticate": challenge})


class ForbiddenError(ApiError):
    """A valid key without the right for this route (e.g. an admin-only route)."""

    status, type = 403, "forbidden"


class RequestTooLargeError(ApiError):
    """The whole request body is over the server's cap (checked before it is spooled)."""

    status, type = 413, "request_too_large"


class QuotaExceededError(ApiError):
    """A per-tenant quota (LoRAs stored, concurrent jobs) is used up; ``retry_after_s`` where
    waiting helps (jobs finish), none where it does not (delete a LoRA first)."""

    status, type = 429, "quota_exceeded"

    def __init__(self, message: str, *, param: str | None = None,
                 retry_after_s: float | None = None):
        headers = {} if retry_after_s is None else {
            "Retry-After": str(max(1, math.ceil(retry_after_s)))}
        super().__init__(message, param=param, headers=headers)


class RateLimitedError(QuotaExceededError):
    """The tenant's requests per minute are used up (token bucket): 429 + Retry-After."""

    type = "rate_limited"


class IdempotencyConflictError(ApiError):
    """An ``Idempotency-Key`` reused for another route, or whose first request still runs."""

    status, type = 409, "idempotency_conflict"


@dataclass(frozen=True)
class ErrorMapping:
    """Status and type for an exception class. ``public_message`` replaces the exception's own
    message in the response (``{param}`` is filled in); used for 5xx so internals stay in logs."""

    status: int
    type: str
    public_message: str | None = None


ERROR_MAP: dict[type[BaseException], ErrorMapping] = {
    ImageTooLargeError: ErrorMapping(413, "image_too_large"),
    ImageDecodeError: ErrorMapping(400, "image_decode_error"),
    NoPersonError: ErrorMapping(400, "no_person"),
    NoUsableFaceError: ErrorMapping(400, "no_usable_face"),
    AudioTooLongError: ErrorMapping(413, "audio_too_long"),
    TooExpensiveError: ErrorMapping(413, "too_expensive"),
    OverloadedError: ErrorMapping(503, "overloaded"),
    AudioDecodeError: ErrorMapping(400, "audio_decode_error"),
    SilentAudioError: ErrorMapping(400, "silent_audio"),
    IncompatibleModelError: ErrorMapping(409, "incompatible_model"),
    InvalidInputError: ErrorMapping(400, "invalid_input"),
    NoUsablePhotosError: ErrorMapping(422, "no_usable_photos"),
    NotFoundError: ErrorMapping(404, "not_found"),
    CancelledError: ErrorMapping(409, "cancelled"),
    # a model component failing is never the caller's fault (a generated image least of all)
    AllItemsFailedError: ErrorMapping(502, "items_failed", "a model component failed on every "
                                      "item of the request; retry later"),
    ComponentError: ErrorMapping(500, "component_error", "a model component failed"),
    JobStateError: ErrorMapping(409, "invalid_job_state"),
    ModelSourceError: ErrorMapping(503, "model_unavailable",
                                   "model role '{param}' is unavailable"),
    ConfigError: ErrorMapping(500, "config_error", "server configuration error"),
    FaceChainError: ErrorMapping(400, "bad_request"),
    TimeoutError: ErrorMapping(504, "timeout", "the request timed out"),
}
_INTERNAL = ErrorMapping(500, "internal_error", "internal server error")
_UNAVAILABLE = ErrorMapping(503, "service_unavailable",
                            "the service is temporarily unavailable, retry later")


# -- OpenAPI models ----------------------------------------------------------------------------


class RejectedPhoto(BaseModel):
    """A photo that was not used, and why (``rejected`` of errors and reports)."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="The photo's file name or form field.")
    reason: RejectionReason = Field(description="Stable reason id, e.g. 'no_face' or "
                                    "'multiple_faces'.")
    message: str = Field(description="Human-readable explanation.")


class ValidationIssue(BaseModel):
    """One failed check of a request that does not match the API schema."""

    param: str | None = Field(description="Where, e.g. 'body.num_images'.")
    message: str = Field(description="What is wrong there.")
    type: str = Field(description="pydantic error type, e.g. 'less_than_equal'.")


class ErrorDetail(BaseModel):
    """What went wrong: a stable type, a message, the offending parameter."""

    type: str = Field(description="Stable error identifier, e.g. 'not_found'.")
    message: str = Field(description="Human-readable explanation.")
    param: str | None = Field(None, description="The offending parameter, if any.")
    rejected: list[RejectedPhoto] | None = Field(
        None, description="For 'no_usable_photos': why each photo was rejected.")
    details: list[ValidationIssue] | None = Field(
        None, description="For 'validation_error': every failed check.")
    reason: str | None = Field(
        None, description="For 'no_usable_face': no_face, multiple_faces, face_too_small or "
        "no_mesh.")
    cost: float | None = Field(None, description="For 'too_expensive': the request's cost "
                               "(step-megapixels, or frames for talk).")
    limit: float | None = Field(None, description="For 'too_expensive': this server's limit, "
                                "in the same unit.")


class ErrorBody(BaseModel):
    """The JSON body of every error response."""

    error: ErrorDetail = Field(description="What went wrong.")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in [
        (400, "Invalid input"), (401, "No or invalid API key"),
        (403, "The key lacks the right"), (404, "Not found"), (409, "Conflict"),
        (413, "Image, audio, upload or request too large, or request too expensive"),
        (422, "Validation error or no usable photos"),
        (429, "Quota or rate limit exceeded (Retry-After where waiting helps)"),
        (500, "Internal error"), (502, "A model component failed on every item"),
        (503, "Overloaded or model unavailable"), (504, "Timeout"),
    ]
}
"""For route decorators: ``@app.post(..., responses=ERROR_RESPONSES)``."""


# -- mapping -------------------------------------------------------------------------------------


@dataclass
class MappedError:
    """An exception resolved to what the client sees."""

    status: int
    type: str
    message: str
    param: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        return {"error": {"type": self.type, "message": self.message, "param": self.param,
                          **self.extra}}


def unwrap(exc: BaseException) -> BaseException:
    """A RayTaskError (possibly the dual ``RayTaskError(Cause)`` class) -> its cause."""
    ray_exceptions = sys.modules.get("ray.exceptions")
    if ray_exceptions is None:
        return exc
    for _ in range(8):  # nested task errors: a task that called a task
        if not isinstance(exc, ray_exceptions.RayTaskError):
            break
        cause = getattr(exc, "cause", None)
        if not isinstance(cause, BaseException) or cause is exc:
            break
        exc = cause
    return exc


def _ray_mapping(exc: BaseException) -> MappedError | None:
    serve_exceptions = sys.modules.get("ray.serve.exceptions")
    if serve_exceptions is not None:
        if isinstance(exc, serve_exceptions.BackPressureError):
            retry_after = exc.retry_after_s if exc.retry_after_s is not None \
                else DEFAULT_RETRY_AFTER_S
            status = exc.status_code if exc.status_code in (429, 503) else 503
            return MappedError(status, "overloaded",
                               "the server is overloaded, retry later",
                               headers={"Retry-After": str(max(1, math.ceil(retry_after)))})
        if isinstance(exc, serve_exceptions.DeploymentUnavailableError):
            return MappedError(_UNAVAILABLE.status, _UNAVAILABLE.type,
                               _UNAVAILABLE.public_message or "")
    ray_exceptions = sys.modules.get("ray.exceptions")
    if ray_exceptions is not None and isinstance(exc, ray_exceptions.RayActorError):
        return MappedError(_UNAVAILABLE.status, _UNAVAILABLE.type,
                           _UNAVAILABLE.public_message or "")
    return None


def _rejections(exc: NoUsablePhotosError) -> list[dict[str, Any]]:
    out = []
    for r in getattr(exc, "rejections", []) or []:
        if hasattr(r, "to_dict"):
            out.append(r.to_dict())
        else:
            out.append({"source": str(getattr(r, "source", "")),
                        "reason": str(getattr(getattr(r, "reason", ""), "value",
                                              getattr(r, "reason", ""))),
                        "message": str(getattr(r, "message", r))})
    return out


def map_exception(exc: BaseException) -> MappedError:
    """Resolve any exception to status, type, message, param and headers; logs 5xx details."""
    exc = unwrap(exc)
    mapped = _ray_mapping(exc)
    if mapped is None and isinstance(exc, ApiError):
        mapped = MappedError(exc.status, exc.type, exc.message, exc.param,
                             headers=dict(exc.headers))
    if mapped is None:
        mapping = next((ERROR_MAP[c] for c in type(exc).__mro__ if c in ERROR_MAP), _INTERNAL)
        param = getattr(exc, "param", None) if isinstance(exc, FaceChainError) else None
        if mapping.public_message is not None:
            message = mapping.public_message.format(param=param)
        else:
            message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        mapped = MappedError(mapping.status, mapping.type, message, param)
        if isinstance(exc, NoUsablePhotosError):
            mapped.extra["rejected"] = _rejections(exc)
        if isinstance(exc, NoUsableFaceError):
            mapped.extra["reason"] = exc.reason
        if isinstance(exc, TooExpensiveError):
            mapped.extra.update(cost=exc.cost, limit=exc.limit)
        if isinstance(exc, OverloadedError):
            mapped.headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after_s)))
    if mapped.status >= 500 and not isinstance(exc, OverloadedError):  # counted, not logged
        # The client sees a fixed message; the operator sees what happened.
        if mapped.type == _INTERNAL.type:
            logger.error("unhandled %s: %s", type(exc).__name__, exc, exc_info=exc)
        else:
            logger.warning("%s (%d): %s: %s", mapped.type, mapped.status,
                           type(exc).__name__, exc)
    else:
        logger.debug("%s (%d): %s", mapped.type, mapped.status, mapped.message)
    return mapped


def error_body(exc: BaseException) -> tuple[int, dict[str, Any]]:
    """``(status, {"error": {...}})`` for any exception."""
    mapped = map_exception(exc)
    return mapped.status, mapped.body()


def error_response(exc: BaseException) -> JSONResponse:
    """The JSON response for any exception (with Retry-After where it applies)."""
    from fastapi.responses import JSONResponse

    mapped = map_exception(exc)
    return JSONResponse(mapped.body(), status_code=mapped.status, headers=mapped.headers or None)


# -- FastAPI -------------------------------------------------------------------------------------


def _loc_param(loc: Any) -> str | None:
    return ".".join(str(part) for part in loc) if loc else None


def _validation_response(exc: Any) -> JSONResponse:
    from fastapi.responses import JSONResponse

    issues = [{"param": _loc_param(e.get("loc")), "message": str(e.get("msg", "")),
               "type": str(e.get("type", ""))} for e in exc.errors()]
    first = issues[0] if issues else {"param": None, "message": "invalid request"}
    message = first["message"]
    if first["param"]:
        message = f"{first['param']}: {message}"
    if len(issues) > 1:
        message += f" (and {len(issues) - 1} more)"
    body = {"error": {"type": "validation_error", "message": message, "param": first["param"],
                      "details": issues}}
    return JSONResponse(body, status_code=422)


def _http_exception_response(exc: Any) -> Any:
    from fastapi.responses import JSONResponse, Response
    from fastapi.utils import is_body_allowed_for_status_code

    headers = getattr(exc, "headers", None)
    if not is_body_allowed_for_status_code(exc.status_code):
        return Response(status_code=exc.status_code, headers=headers)
    try:
        phrase = http.HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "error"
    err_type = phrase.lower().replace(" ", "_").replace("-", "_").replace("'", "")
    message = exc.detail if isinstance(exc.detail, str) and exc.detail else phrase
    body = {"error": {"type": err_type, "message": message, "param": None}}
    return JSONResponse(body, status_code=exc.status_code, headers=headers)


def install_error_handlers(app: FastAPI, *, include_ray: bool | None = None) -> None:
    """Register the handlers that give every error the one JSON shape.

    ``include_ray``: also register Ray's exception classes (BackPressureError, RayTaskError,
    RayActorError ...) so they are answered without Starlette's catch-all path. None means "if
    Ray Serve is installed" (this imports ``ray.serve.exceptions``). Errors of those classes are
    still mapped correctly without it, through the catch-all ``Exception`` handler, which
    Starlette follows by re-raising the exception for the server's log.
    """
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    async def handle_mapped(request: Request, exc: Exception) -> Any:
        cause = unwrap(exc)  # an HTTPException raised inside a deployment keeps its status
        if isinstance(cause, StarletteHTTPException):
            return _http_exception_response(cause)
        return error_response(exc)

    async def handle_validation(request: Request, exc: Exception) -> JSONResponse:
        return _validation_response(exc)

    async def handle_http(request: Request, exc: Exception) -> Any:
        return _http_exception_response(exc)

    app.add_exception_handler(RequestValidationError, handle_validation)
    app.add_exception_handler(StarletteHTTPException, handle_http)
    app.add_exception_handler(FaceChainError, handle_mapped)
    app.add_exception_handler(TimeoutError, handle_mapped)
    app.add_exception_handler(Exception, handle_mapped)

    if include_ray is None or include_ray:
        try:
            from ray.exceptions import RayActorError, RayTaskError
            from ray.serve.exceptions import (
                BackPressureError,
                DeploymentUnavailableError,
            )
        except ImportError:
            if include_ray:
                raise
            return
        for cls in (BackPressureError, DeploymentUnavailableError, RayTaskError, RayActorError):
            app.add_exception_handler(cls, handle_mapped)


# -- job errors ----------------------------------------------------------------------------------

# Job error types the runner and the store write that are not exception class names.
_JOB_TYPES: dict[str, ErrorMapping] = {
    "cancelled": ErrorMapping(409, "cancelled", "cancelled by request"),
    "interrupted": ErrorMapping(503, "interrupted", "the job was interrupted by a server restart"),
    "stale": ErrorMapping(503, "interrupted", "the job's worker stopped; submit it again"),
    "internal": _INTERNAL,
    "ValidationError": ErrorMapping(400, "invalid_input"),
}
_HIDDEN = [  # what a public message never shows: addresses, Ray ids, paths, tracebacks
    (re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b"), "<address>"),
    (re.compile(r"\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b", re.I), "<address>"),
    (re.compile(r"\b(?:actor|task|node|worker|job|object|placement group)[ _]?id[=: ]+\S+",
                re.I), "<id>"),
    (re.compile(r"\b[0-9a-f]{40,}\b"), "<id>"),  # Ray ids are 28-56 hex; our ids are 32
    (re.compile(r"(?:/[\w.-]+){2,}"), "<path>"),
]


def _job_mapping(error_type: str) -> ErrorMapping:
    if error_type in _JOB_TYPES:
        return _JOB_TYPES[error_type]
    by_name = {cls.__name__: m for cls, m in ERROR_MAP.items()}
    if error_type in by_name:
        return by_name[error_type]
    by_type = {m.type: m for m in ERROR_MAP.values()}
    return by_type.get(error_type, _INTERNAL)  # e.g. 'no_usable_photos'; Ray's errors: internal


def public_job_error(error_type: str, message: str,
                     replace: dict[str, str] | None = None) -> tuple[str, str]:
    """A stored job error ``(type, message)`` in the API's error vocabulary: a library class
    name becomes its type (``NoUsableFaceError`` -> ``no_usable_face``), anything unknown
    (Ray's ``RayActorError``, ``ActorDiedError`` ...) ``internal_error`` with a fixed message;
    5xx-like types always get their fixed message, the others keep theirs with addresses, Ray
    ids and paths masked. ``replace``: literal substrings to rewrite first (storage ids ->
    public ids)."""
    mapping = _job_mapping(error_type)
    if mapping.public_message is not None and (mapping.status >= 500 or mapping is _INTERNAL
                                               or error_type in _JOB_TYPES):
        return mapping.type, mapping.public_message.format(param=None)
    text = message or mapping.type
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    for pattern, mask in _HIDDEN:
        text = pattern.sub(mask, text)
    return mapping.type, text[:500]
