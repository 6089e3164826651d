"""facechain.client against a mock transport: error mapping, uploads, the job event stream and
its polling fallback."""

from __future__ import annotations

import json

import httpx
import pytest

from facechain import client as fc

JOB = {"id": "j1", "kind": "train_lora", "state": "running", "created_at": "2026-01-01T00:00:00Z",
       "updated_at": "2026-01-01T00:00:00Z"}


def _api(handler, **kwargs) -> fc.Client:
    return fc.Client("http://api.test", transport=httpx.MockTransport(handler), **kwargs)


def _error(status, code, message="no", headers=None, **extra):
    body = {"error": {"type": code, "message": message, "param": extra.pop("param", None), **extra}}
    return lambda request: httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize("status,code,cls", [
    (400, "invalid_input", fc.BadRequestError),
    (400, "no_usable_face", fc.NoUsableFaceError),
    (401, "unauthorized", fc.UnauthorizedError),
    (403, "forbidden", fc.ForbiddenError),
    (404, "not_found", fc.NotFoundError),
    (409, "incompatible_model", fc.ConflictError),
    (413, "image_too_large", fc.PayloadTooLargeError),
    (413, "too_expensive", fc.TooExpensiveError),
    (415, "unsupported_media_type", fc.UnsupportedMediaTypeError),
    (422, "validation_error", fc.RequestValidationError),
    (422, "no_usable_photos", fc.NoUsablePhotosError),
    (429, "quota_exceeded", fc.QuotaExceededError),
    (429, "rate_limited", fc.RateLimitedError),
    (429, "overloaded", fc.OverloadedError),  # Serve's backpressure may answer 429
    (500, "internal_error", fc.ServerError),
    (502, "items_failed", fc.ServerError),
    (503, "overloaded", fc.OverloadedError),
    (503, "model_unavailable", fc.ServiceUnavailableError),
    (418, "teapot", fc.ApiError),
])
def test_each_error_answer_raises_its_typed_error(status, code, cls):
    with _api(_error(status, code, "what went wrong", param="lora_id")) as api, \
            pytest.raises(fc.ApiError) as caught:
        api.get_lora("x")
    error = caught.value
    assert type(error) is cls
    assert (error.status, error.code, error.message, error.param) == (
        status, code, "what went wrong", "lora_id")
    assert error.retry_after is None


def test_details_and_retry_after_come_with_the_error():
    rejected = [{"source": "a.jpg", "reason": "no_face", "message": "no face found"}]
    with _api(_error(422, "no_usable_photos", rejected=rejected)) as api, \
            pytest.raises(fc.NoUsablePhotosError) as caught:
        api.create_lora([b"x"])
    assert caught.value.rejected == [fc.RejectedPhoto(**rejected[0])]

    with _api(_error(503, "overloaded", headers={"Retry-After": "3"})) as api, \
            pytest.raises(fc.OverloadedError) as caught:
        api.generate("a")
    assert caught.value.retry_after == 3.0 and caught.value.headers["retry-after"] == "3"

    with _api(_error(413, "too_expensive", cost=12.5, limit=8.0)) as api, \
            pytest.raises(fc.TooExpensiveError) as caught:
        api.generate("a", steps=500)
    assert (caught.value.cost, caught.value.limit) == (12.5, 8.0)

    issues = [{"param": "body.steps", "message": "too big", "type": "less_than_equal"}]
    with _api(_error(422, "validation_error", details=issues)) as api, \
            pytest.raises(fc.RequestValidationError) as caught:
        api.generate("a", steps=10**6)
    assert caught.value.issues == issues


def test_a_non_json_error_still_gets_a_type():
    def proxy(request):
        return httpx.Response(503, text="upstream busy", headers={"Retry-After": "soon"})

    with _api(proxy) as api, pytest.raises(fc.ServiceUnavailableError) as caught:
        api.generate("a")
    error = caught.value
    assert (error.code, error.message, error.body, error.retry_after) == (
        "service_unavailable", "upstream busy", None, None)


def test_requests_carry_the_key_the_uploads_and_the_options():
    seen = []

    def handler(request: httpx.Request):
        seen.append(request)
        return httpx.Response(202, json={"job_id": "j1", "lora_id": "l1",
                                         "status_url": "/v1/jobs/j1", "future_field": 1})

    with _api(handler, api_key="k3y") as api:
        accepted = api.create_lora([("me.jpg", b"JPEG")], {"steps": 3}, idempotency_key="once")
    assert accepted == fc.TrainAccepted(job_id="j1", lora_id="l1", status_url="/v1/jobs/j1")
    request = seen[0]
    assert (request.method, str(request.url)) == ("POST", "http://api.test/v1/loras")
    assert request.headers["authorization"] == "Bearer k3y"
    assert request.headers["idempotency-key"] == "once"
    body = request.read()
    assert b'filename="me.jpg"' in body and b"Content-Type: image/jpeg" in body
    assert b'name="options"' in body and b'{"steps": 3}' in body


def test_path_ids_are_one_encoded_segment():
    seen = []
    with _api(lambda r: seen.append(r) or httpx.Response(204)) as api:
        api.delete_lora("a/b c")
    assert seen[0].url.raw_path == b"/v1/loras/a%2Fb%20c"


def _sse(*jobs, event="progress"):
    chunks = [": keep-alive\n\n"]
    for i, job in enumerate(jobs):
        name = "done" if i == len(jobs) - 1 and job["state"] in fc.TERMINAL_STATES else event
        chunks.append(f"event: {name}\ndata: {json.dumps(job)}\n\n")
    return "".join(chunks).encode()


def test_wait_follows_the_event_stream_and_reports_each_change():
    steps = [{**JOB, "progress": {"step": s, "total_steps": 2}} for s in (0, 1)]
    done = {**JOB, "state": "succeeded", "progress": {"step": 2, "total_steps": 2},
            "result": {"lora_id": "l1"}}
    urls = []

    def handler(request):
        urls.append(request.url.path)
        return httpx.Response(200, content=_sse(*steps, done),
                              headers={"content-type": "text/event-stream"})

    seen = []
    with _api(handler) as api:
        job = api.wait("j1", on_progress=seen.append)
    assert urls == ["/v1/jobs/j1/events"]  # no polling
    assert [j.progress.step for j in seen] == [0, 1, 2]
    assert job.state == "succeeded" and job.result == {"lora_id": "l1"}


def test_wait_polls_when_the_stream_breaks_and_waits_out_a_rejection(monkeypatch):
    monkeypatch.setattr(fc.time, "sleep", lambda s: sleeps.append(s))
    sleeps: list[float] = []
    answers = iter([httpx.Response(503, json={"error": {"type": "overloaded", "message": "busy"}},
                                   headers={"Retry-After": "2"}),
                    httpx.Response(200, json=JOB),
                    httpx.Response(200, json={**JOB, "state": "failed",
                                              "error": {"type": "items_failed", "message": "x"}})])

    def handler(request):
        if request.url.path.endswith("/events"):
            raise httpx.ReadError("cut by a proxy", request=request)
        return next(answers)

    with _api(handler) as api:
        job = api.wait("j1", poll_s=0.5)
        assert job.state == "failed" and job.error.type == "items_failed"
        assert sleeps == [2.0, 0.5]
        answers = iter([httpx.Response(200, json={**JOB, "state": "cancelled"})])
        with pytest.raises(fc.JobFailedError) as caught:
            api._succeeded(api.wait("j1", stream=False))
    assert caught.value.job.state == "cancelled"


def test_wait_gives_up_after_its_timeout(monkeypatch):
    clock = iter(range(0, 1000, 5))
    monkeypatch.setattr(fc.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(fc.time, "sleep", lambda s: None)
    with _api(lambda r: httpx.Response(200, json=JOB)) as api, \
            pytest.raises(fc.JobTimeoutError) as caught:
        api.wait("j1", timeout=20, stream=False)
    assert caught.value.job.state == "running"


def test_readiness_503_is_an_answer_not_an_error():
    body = {"status": "not_ready", "deployments": {"Diffusion": "UPDATING"}, "unready": ["Diffusion"]}
    with _api(lambda r: httpx.Response(503, json=body)) as api:
        ready = api.ready()
    assert not ready.ready and ready.unready == ["Diffusion"]


def test_an_injected_session_gets_every_request_by_route():
    class Recorder:  # e.g. Locust's session: it cannot stream, so wait polls
        def __init__(self):
            self.calls = []
            self.states = iter(["running", "succeeded"])

        def request(self, method, url, *, route, **kwargs):
            self.calls.append((method, url, route))
            return httpx.Response(200, json={**JOB, "state": next(self.states)})

    session = Recorder()
    api = fc.Client("http://host:1/", session=session)
    assert api.wait("j1", poll_s=0).state == "succeeded"
    assert session.calls == [("GET", "http://host:1/v1/jobs/j1", "/v1/jobs/{job_id}")] * 2
