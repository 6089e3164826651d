"""facechain.client against the real ingress app in-process (fake deployment handles): the
answers parse into the client's models and the server's error vocabulary maps to typed errors."""

from __future__ import annotations

import httpx
import pytest

from facechain import client as fc

from ..conftest import photo_bytes

pytest.importorskip("ray.serve")

from serve import errors as server_errors  # noqa: E402
from serve.auth import UnauthorizedError  # noqa: E402

from .ingress_fakes import KEYS, RecordingHandle, served_ingress, write_key_file  # noqa: E402

_FAMILY = {400: fc.BadRequestError, 401: fc.UnauthorizedError, 403: fc.ForbiddenError,
           404: fc.NotFoundError, 409: fc.ConflictError, 413: fc.PayloadTooLargeError,
           422: fc.ApiError, 429: fc.TooManyRequestsError, 503: fc.ServiceUnavailableError}


def _server_vocabulary() -> dict[str, int]:
    """Every error type the server answers with, and its status."""
    mappings = [*server_errors.ERROR_MAP.values(), *server_errors._JOB_TYPES.values(),
                server_errors._INTERNAL, server_errors._UNAVAILABLE]
    vocabulary = {m.type: m.status for m in mappings}
    api_errors = [server_errors.ApiError, *server_errors.ApiError.__subclasses__(),
                  server_errors.RateLimitedError]
    vocabulary.update({cls.type: cls.status for cls in api_errors})
    vocabulary["validation_error"] = 422
    return vocabulary


def test_every_server_error_type_maps_to_its_status_family():
    vocabulary = _server_vocabulary()
    assert set(fc._BY_CODE) <= set(vocabulary) | {"overloaded"}, "a client code the server never sends"
    for code, status in vocabulary.items():
        mapped = server_errors.MappedError(status, code, "msg", "param")
        response = httpx.Response(status, json=mapped.body())
        error = fc.error_from_response(response)
        family = _FAMILY.get(status, fc.ServerError if status >= 500 else fc.ApiError)
        assert isinstance(error, family), (code, type(error))
        assert (error.status, error.code, error.param) == (status, code, "param")
        if code in fc._BY_CODE:
            assert type(error) is fc._BY_CODE[code]


def test_retry_after_of_a_quota_error_reaches_the_client():
    response = server_errors.error_response(
        server_errors.QuotaExceededError("too many jobs", param="jobs", retry_after_s=29.2))
    error = fc.error_from_response(httpx.Response(response.status_code, content=response.body,
                                                  headers=dict(response.headers)))
    assert isinstance(error, fc.QuotaExceededError) and error.retry_after == 30.0


@pytest.fixture
def api(monkeypatch, tmp_path):
    with served_ingress(monkeypatch, tmp_path, RecordingHandle) as (test_client, instance):
        yield fc.Client(str(test_client.base_url), http=test_client), instance


def test_training_jobs_through_the_client(api):
    api, instance = api
    with pytest.raises(fc.NoUsablePhotosError) as caught:
        api.create_lora([("noise.jpg", b"\0" * 500)])
    assert [(r.source, r.reason) for r in caught.value.rejected] == [("noise.jpg", "undecodable")]

    accepted = api.create_lora([("obama.jpg", photo_bytes("obama.jpg")), ("bad.jpg", b"\0")],
                               {"steps": 3})
    assert [r.source for r in accepted.rejected] == ["bad.jpg"]
    job = api.get_job(accepted.job_id)
    assert (job.state, job.kind, job.params["train"]["steps"]) == ("queued", "train_lora", 3)
    cancelled = api.cancel_job(accepted.job_id)
    assert cancelled.state == "cancelled"
    seen = []  # terminal already: the event stream's one `done` event
    assert api.wait(accepted.job_id, on_progress=seen.append).state == "cancelled"
    assert [j.state for j in seen] == ["cancelled"]
    with pytest.raises(fc.JobFailedError):
        api._succeeded(cancelled)

    with pytest.raises(fc.RequestValidationError) as caught:
        api.create_lora([("obama.jpg", photo_bytes("obama.jpg"))], {"steps": -1})
    assert caught.value.param == "body.options.steps" and caught.value.issues


def test_missing_things_validation_and_styles(api):
    api, _ = api
    assert api.health().status == "ok"
    assert api.list_loras() == []
    for call in (lambda: api.get_lora("nobody"), lambda: api.delete_lora("nobody"),
                 lambda: api.get_job("nope"), lambda: api.generate("nobody"),
                 lambda: api.download_output("nothing")):
        with pytest.raises(fc.NotFoundError):
            call()
    with pytest.raises(fc.RequestValidationError) as caught:
        api.generate("someone", num_images=0, not_a_field=1)
    assert {i["param"] for i in caught.value.issues} == {"body.num_images", "body.not_a_field"}

    style = api.add_style("dusk-client", name="Dusk", prompt="{trigger}, at dusk")
    assert style.slug == "dusk-client" and style.prompt_only
    assert "dusk-client" in [s.slug for s in api.styles()]
    with pytest.raises(fc.BadRequestError) as caught:
        api.add_style("dusk-client", name="Again", prompt="{trigger}")
    assert caught.value.param == "slug"


def test_an_api_key_is_sent_and_a_missing_one_is_401(monkeypatch, tmp_path):
    keys = write_key_file(tmp_path / "keys.yaml")
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, api_keys=keys) as (http, _):
        with pytest.raises(fc.UnauthorizedError) as caught:
            fc.Client(str(http.base_url), http=http).list_loras()
        assert caught.value.code == UnauthorizedError.type
        assert caught.value.headers["www-authenticate"].startswith("Bearer")
        assert fc.Client(str(http.base_url), KEYS["alice"], http=http).list_loras() == []


def test_the_client_models_are_the_servers_answers():
    from serve import jobs, schemas

    pairs = {fc.FacesReport: schemas.FacesResponse, fc.AcceptedPhoto: schemas.AcceptedPhoto,
             fc.RejectedPhoto: server_errors.RejectedPhoto, fc.TrainAccepted: schemas.TrainAccepted,
             fc.Job: jobs.Job, fc.JobProgress: jobs.JobProgress, fc.JobError: jobs.JobError,
             fc.Lora: schemas.LoraOut, fc.Portrait: schemas.PortraitOut,
             fc.Dropped: schemas.DroppedOut, fc.GenerateResult: schemas.GenerateResponse,
             fc.FaceReport: schemas.FaceReportOut, fc.InpaintResult: schemas.InpaintResponse,
             fc.TryonResult: schemas.TryonResponse, fc.TalkAccepted: schemas.TalkAccepted,
             fc.Voice: schemas.VoiceOut, fc.Style: schemas.StyleOut, fc.Health: schemas.HealthOut,
             fc.Readiness: schemas.ReadinessOut}
    left_out = {fc.Job: {"runner", "heartbeat_at", "lease_expires_at"}}  # runner internals
    for mine, theirs in pairs.items():
        assert set(mine.model_fields) == set(theirs.model_fields) - left_out.get(mine, set()), mine
        required = {n for n, f in mine.model_fields.items() if f.is_required()}
        assert required <= {n for n, f in theirs.model_fields.items() if f.is_required()}, mine
