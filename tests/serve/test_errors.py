"""Error mapping: each exception class -> status, type and the one JSON shape, in-process and
through a FastAPI app."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from facechain.errors import (
    AllItemsFailedError,
    CancelledError,
    ComponentError,
    ConfigError,
    FaceChainError,
    FusionError,
    ImageDecodeError,
    ImageTooLargeError,
    IncompatibleModelError,
    InvalidInputError,
    ModelSourceError,
    NoPersonError,
    NotFoundError,
    NoUsablePhotosError,
)
from facechain.types import DroppedCandidate, DropReason, Rejection, RejectionReason
from serve.errors import ERROR_RESPONSES, ErrorBody, error_body, install_error_handlers
from serve.jobs import JobState, JobStateError

REJECTIONS = [
    Rejection("a.jpg", RejectionReason.NO_FACE, "no face found"),
    Rejection("b.jpg", RejectionReason.MULTIPLE_FACES, "3 faces, none dominant"),
]

# (exception, status, type, message shown, param)
CASES = [
    (InvalidInputError("num_images must be <= 8", param="num_images"), 400, "invalid_input",
     "num_images must be <= 8", "num_images"),
    (ImageDecodeError("not an image", param="photos"), 400, "image_decode_error",
     "not an image", "photos"),
    (NoPersonError("no person in the garment photo", param="photo"), 400, "no_person",
     "no person in the garment photo", "photo"),
    (ImageTooLargeError("image has 200 MP", param="photos"), 413, "image_too_large",
     "image has 200 MP", "photos"),
    (IncompatibleModelError("LoRA is for SDXL", param="lora_id"), 409, "incompatible_model",
     "LoRA is for SDXL", "lora_id"),
    (NotFoundError("style 'x' not found", param="style"), 404, "not_found",
     "style 'x' not found", "style"),
    (CancelledError("training was cancelled"), 409, "cancelled", "training was cancelled", None),
    (JobStateError("j1", JobState.SUCCEEDED, "cancel it"), 409, "invalid_job_state",
     "job j1 is succeeded: cannot cancel it", "job_id"),
    (ModelSourceError("face_fusion", "weights missing at /secret/path"), 503,
     "model_unavailable", "model role 'face_fusion' is unavailable", "face_fusion"),
    (ConfigError("bad yaml in /etc/secret.yaml"), 500, "config_error",
     "server configuration error", None),
    (FaceChainError("something the library refused"), 400, "bad_request",
     "something the library refused", None),
    (TimeoutError("deadline"), 504, "timeout", "the request timed out", None),
    # a model component failing (on a generated image above all) is never the caller's fault
    (FusionError("no landmarks on candidate seed 3 at /tmp/x"), 500, "component_error",
     "a model component failed", None),
    (ComponentError("detector crashed"), 500, "component_error", "a model component failed", None),
    (AllItemsFailedError("candidate", [DroppedCandidate(3, DropReason.FUSION_FAILED, "boom")]), 502,
     "items_failed", "a model component failed on every item of the request; retry later", None),
    (InvalidInputError(""), 400, "invalid_input", "InvalidInputError", None),
    (RuntimeError("secret internal detail"), 500, "internal_error", "internal server error",
     None),
    (KeyError("k"), 500, "internal_error", "internal server error", None),
]


@pytest.mark.parametrize(("exc", "status", "type_", "message", "param"), CASES,
                         ids=[type(c[0]).__name__ for c in CASES])
def test_error_body_mapping(exc, status, type_, message, param):
    got_status, body = error_body(exc)
    assert got_status == status
    assert body == {"error": {"type": type_, "message": message, "param": param}}
    ErrorBody.model_validate(body)


def test_no_library_error_for_a_failed_component_is_a_4xx():
    """Every ComponentError subclass the library defines maps to 5xx (new ones included)."""
    import facechain.errors as library

    classes = [c for c in vars(library).values()
               if isinstance(c, type) and issubclass(c, ComponentError)]
    assert {ComponentError, FusionError, AllItemsFailedError} <= set(classes)
    for cls in classes:
        exc = cls.__new__(cls)
        Exception.__init__(exc, "x")
        exc.message, exc.param = "x", None
        assert error_body(exc)[0] >= 500, cls


def test_no_usable_photos_lists_rejections():
    status, body = error_body(NoUsablePhotosError(REJECTIONS))
    assert status == 422
    assert body["error"]["type"] == "no_usable_photos" and body["error"]["param"] == "photos"
    assert body["error"]["rejected"] == [
        {"source": "a.jpg", "reason": "no_face", "message": "no face found"},
        {"source": "b.jpg", "reason": "multiple_faces", "message": "3 faces, none dominant"},
    ]
    ErrorBody.model_validate(body)


def test_server_errors_log_details_but_do_not_show_them(caplog):
    with caplog.at_level(logging.WARNING, logger="serve.errors"):
        _, body = error_body(RuntimeError("secret internal detail"))
        _, body2 = error_body(ModelSourceError("sd", "weights missing at /secret/path"))
    assert "secret" not in str(body) and "secret" not in str(body2)
    assert "secret internal detail" in caplog.text and "/secret/path" in caplog.text
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.ERROR)


# -- Ray ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_exceptions():
    pytest.importorskip("ray.serve.exceptions")
    import ray.exceptions
    import ray.serve.exceptions

    return ray.exceptions, ray.serve.exceptions


def test_ray_backpressure_and_timeouts(ray_exceptions):
    rex, sex = ray_exceptions
    from serve.errors import map_exception

    mapped = map_exception(sex.BackPressureError(num_queued_requests=10, max_queued_requests=10))
    assert mapped.status == 503 and mapped.type == "overloaded"
    assert mapped.headers == {"Retry-After": "1"}
    mapped = map_exception(sex.BackPressureError(5, 5, status_code=429, retry_after_s=2.5))
    assert mapped.status == 429 and mapped.headers == {"Retry-After": "3"}
    assert error_body(rex.GetTimeoutError("get timed out"))[0] == 504
    assert error_body(rex.ActorDiedError())[0] == 503
    assert error_body(rex.ActorUnavailableError("gone", None))[1]["error"]["type"] == \
        "service_unavailable"


def _task_error(rex, cause: BaseException):
    return rex.RayTaskError("train", "Traceback ...\nsecret frame", cause, proctitle="w",
                            pid=1, ip="127.0.0.1")


def test_ray_task_error_is_unwrapped(ray_exceptions):
    rex, _ = ray_exceptions
    # The dual class Ray raises from a handle: RayTaskError(NoUsablePhotosError).
    dual = _task_error(rex, NoUsablePhotosError(REJECTIONS)).as_instanceof_cause()
    assert isinstance(dual, NoUsablePhotosError) and "secret frame" in str(dual)
    status, body = error_body(dual)
    assert status == 422 and len(body["error"]["rejected"]) == 2
    assert "secret frame" not in str(body)
    # Plain (non-dual) task errors, nested one level.
    inner = _task_error(rex, NotFoundError("lora 'x' not found", param="lora_id"))
    status, body = error_body(_task_error(rex, inner))
    assert status == 404 and body["error"]["param"] == "lora_id"
    status, body = error_body(_task_error(rex, ValueError("boom")))
    assert status == 500 and body["error"]["message"] == "internal server error"


# -- FastAPI -----------------------------------------------------------------------------------


class GenerateRequest(BaseModel):
    style: str
    num_images: int = Field(4, ge=1, le=8)


def _app(include_ray: bool) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app, include_ray=include_ray)
    raisers = {
        "invalid": InvalidInputError("bad seed", param="seed"),
        "decode": ImageDecodeError("not a JPEG", param="photos"),
        "too-large": ImageTooLargeError("too many pixels", param="photos"),
        "no-photos": NoUsablePhotosError(REJECTIONS),
        "not-found": NotFoundError("lora 'x' not found", param="lora_id"),
        "incompatible": IncompatibleModelError("wrong base", param="lora_id"),
        "model": ModelSourceError("sd", "no weights at /models"),
        "cancelled": CancelledError("cancelled"),
        "config": ConfigError("bad config"),
        "job-state": JobStateError("j", "failed", "cancel it"),
        "timeout": TimeoutError(),
        "crash": ZeroDivisionError("division by zero in secret code"),
    }

    @app.get("/raise/{name}", responses=ERROR_RESPONSES)
    async def raise_named(name: str):
        raise raisers[name]

    @app.get("/sync-crash")
    def sync_crash():
        raise RuntimeError("secret")

    @app.get("/http")
    async def http_error():
        raise HTTPException(status_code=403, detail="not yours", headers={"X-Why": "owner"})

    @app.get("/no-content")
    async def no_content():
        raise HTTPException(status_code=304)

    @app.post("/generate", responses=ERROR_RESPONSES)
    async def generate(req: GenerateRequest, seed: int = 0):
        return {"ok": req.num_images, "seed": seed}

    if include_ray:
        from ray.serve.exceptions import BackPressureError

        @app.get("/overloaded")
        async def overloaded():
            raise BackPressureError(num_queued_requests=3, max_queued_requests=3)

    return app


@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(_app(include_ray=False), raise_server_exceptions=False) as c:
        yield c


APP_CASES = [
    ("invalid", 400, "invalid_input", "seed"),
    ("decode", 400, "image_decode_error", "photos"),
    ("too-large", 413, "image_too_large", "photos"),
    ("no-photos", 422, "no_usable_photos", "photos"),
    ("not-found", 404, "not_found", "lora_id"),
    ("incompatible", 409, "incompatible_model", "lora_id"),
    ("model", 503, "model_unavailable", "sd"),
    ("cancelled", 409, "cancelled", None),
    ("config", 500, "config_error", None),
    ("job-state", 409, "invalid_job_state", "job_id"),
    ("timeout", 504, "timeout", None),
    ("crash", 500, "internal_error", None),
]


@pytest.mark.parametrize(("name", "status", "type_", "param"), APP_CASES,
                         ids=[c[0] for c in APP_CASES])
def test_app_maps_library_errors(client: TestClient, name, status, type_, param):
    resp = client.get(f"/raise/{name}")
    assert resp.status_code == status
    assert resp.headers["content-type"] == "application/json"
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["type"] == type_
    assert body["error"]["param"] == param and body["error"]["message"]
    assert "secret" not in resp.text
    ErrorBody.model_validate(body)
    if name == "no-photos":
        assert [r["reason"] for r in body["error"]["rejected"]] == ["no_face", "multiple_faces"]


def test_app_request_validation(client: TestClient):
    resp = client.post("/generate", json={"style": "film", "num_images": 50})
    assert resp.status_code == 422
    err = resp.json()["error"]
    assert err["type"] == "validation_error" and err["param"] == "body.num_images"
    assert err["message"].startswith("body.num_images: ") and "8" in err["message"]
    assert err["details"][0]["type"] == "less_than_equal"

    resp = client.post("/generate?seed=abc", json={"num_images": 0})
    err = resp.json()["error"]
    assert resp.status_code == 422 and "(and 2 more)" in err["message"]
    assert {d["param"] for d in err["details"]} == {"body.style", "body.num_images",
                                                    "query.seed"}
    ErrorBody.model_validate(resp.json())
    assert client.post("/generate", json={"style": "film"}).json() == {"ok": 4, "seed": 0}


def test_app_http_exceptions_keep_status(client: TestClient):
    resp = client.get("/http")
    assert resp.status_code == 403 and resp.headers["x-why"] == "owner"
    assert resp.json() == {"error": {"type": "forbidden", "message": "not yours", "param": None}}
    resp = client.get("/no/such/route")
    assert resp.status_code == 404
    assert resp.json() == {"error": {"type": "not_found", "message": "Not Found", "param": None}}
    resp = client.delete("/http")
    assert resp.status_code == 405 and resp.json()["error"]["type"] == "method_not_allowed"
    assert "GET" in resp.headers["allow"]
    resp = client.get("/no-content")
    assert resp.status_code == 304 and resp.content == b""


def test_app_unexpected_sync_error(client: TestClient):
    resp = client.get("/sync-crash")
    assert resp.status_code == 500
    assert resp.json() == {"error": {"type": "internal_error",
                                     "message": "internal server error", "param": None}}


def test_app_error_schema_in_openapi(client: TestClient):
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/generate"]["post"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ErrorBody")
    assert "ErrorDetail" in spec["components"]["schemas"]


def test_app_with_ray_handlers(ray_exceptions):
    # With Ray's classes registered, backpressure is answered without the catch-all path, so
    # even a client that re-raises server exceptions gets the response.
    with TestClient(_app(include_ray=True)) as c:
        resp = c.get("/overloaded")
        assert resp.status_code == 503 and resp.headers["retry-after"] == "1"
        assert resp.json()["error"]["type"] == "overloaded"
        assert c.get("/raise/not-found").status_code == 404
