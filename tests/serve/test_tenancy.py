"""Tenancy in the ingress: the cross-tenant matrix over every route that takes an id (100% 404,
never 403), server-made multiplexed ids, per-tenant quotas, Idempotency-Key, job events (SSE)
and public job errors. In-process: the real app and Ingress, fake handles and library calls."""

from __future__ import annotations

import json
import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest

from facechain.pipelines.inpaint import FaceReport, FaceStatus, InpaintOutput
from facechain.pipelines.tryon import TryonOutput
from facechain.types import GenerateOutput

serve_api = pytest.importorskip("ray.serve")

from serve import ingress as ingress_module  # noqa: E402
from serve.ingress import app  # noqa: E402
from serve.runner import TRAIN_KIND  # noqa: E402
from servekit.loras import LORAS  # noqa: E402

from .ingress_fakes import RecordingHandle, bearer, served_ingress, write_key_file  # noqa: E402
from .ingress_fakes import jpeg_bytes as _jpeg  # noqa: E402

LORA, JOB, OUTPUT = "a1" * 16, "b2" * 16, "c3" * 16  # alice's ids (32 hex, like new_id())


def _reports(lora_id):
    return [FaceReport(index=0, box=(0.0, 0.0, 8.0, 8.0), lora=lora_id, status=FaceStatus.DONE,
                       reason=None, similarity=0.5)]


@pytest.fixture
def library(monkeypatch):
    """Fake agenerate / ainpaint / atryon recording the LoRA ids they are handed."""
    seen: dict = {}

    async def fake_generate(lora, params, components, *, styles, pose, lora_id, template_faces):
        seen["generate"] = lora_id
        return GenerateOutput(portraits=[], candidates=[], dropped=[], prompt="p",
                              negative_prompt="n", seed=1)

    async def fake_inpaint(template, assignments, params, components, *, styles=None):
        seen["inpaint"] = [a.lora_id for a in assignments]
        return InpaintOutput(image=np.zeros(template.shape, np.uint8),
                             faces=_reports(assignments[0].lora_id), seed=1)

    async def fake_tryon(photo, lora, params, components, *, mask=None, lora_id=None, styles=None):
        seen["tryon"] = lora_id
        return TryonOutput(image=np.zeros(photo.shape, np.uint8),
                           mask=np.zeros(photo.shape[:2], np.uint8), faces=_reports(lora_id),
                           seed=1)

    monkeypatch.setattr(ingress_module, "agenerate", fake_generate)
    monkeypatch.setattr(ingress_module, "ainpaint", fake_inpaint)
    monkeypatch.setattr(ingress_module, "atryon", fake_tryon)
    monkeypatch.setattr(ingress_module, "read_lora", lambda path: SimpleNamespace(
        path=path, metadata=SimpleNamespace(
            kind="face", trigger="sks", common_tags=[], base_model_id="builtin:tiny-sd15",
            rank=4, steps=10, resolution=64, created_at="2026-01-01T00:00:00Z")))
    return seen


def _served(monkeypatch, tmp_path, quotas=None, **args):
    keys = write_key_file(tmp_path / "keys.yaml", quotas=quotas)
    return served_ingress(monkeypatch, tmp_path, RecordingHandle, client=("203.0.113.9", 1),
                          api_keys=keys, **args)


@pytest.fixture
def world(monkeypatch, tmp_path, library):
    """(client, instance): alice owns a LoRA, a train job, a talk job, an output and a style."""
    with _served(monkeypatch, tmp_path) as (client, instance):
        (instance.artifacts.root / LORAS / f"alice_{LORA}").mkdir(parents=True)
        instance.store.create(TRAIN_KIND, {"tenant": "alice", "lora_id": f"alice_{LORA}"},
                              job_id=JOB)
        instance.artifacts.put_bytes("outputs", f"alice_{OUTPUT}", "video.mp4", b"\0" * 64)
        r = client.post("/v1/styles", headers=bearer("alice"),
                        data={"slug": "alice-ink", "name": "Ink", "prompt": "{trigger}, ink"})
        assert r.status_code == 201, r.text
        yield client, instance


def _inpaint(client, tenant, lora_id):
    return client.post("/v1/inpaint", headers=bearer(tenant),
                       files=[("template", ("t.jpg", _jpeg(), "image/jpeg"))],
                       data={"options": json.dumps({"faces": [{"index": 0, "lora_id": lora_id}]})})


def _tryon(client, tenant, lora_id):
    return client.post("/v1/tryon", headers=bearer(tenant),
                       files=[("photo", ("p.jpg", _jpeg(), "image/jpeg"))],
                       data={"options": json.dumps({"lora_id": lora_id})})


# Every route that takes an id, by (method, path template) -> a call as `tenant` on alice's id.
MATRIX = {
    ("GET", "/v1/loras/{lora_id}"): lambda c, t: c.get(f"/v1/loras/{LORA}", headers=bearer(t)),
    ("DELETE", "/v1/loras/{lora_id}"): lambda c, t: c.delete(f"/v1/loras/{LORA}",
                                                             headers=bearer(t)),
    ("POST", "/v1/generate"): lambda c, t: c.post("/v1/generate", headers=bearer(t),
                                                  json={"lora_id": LORA}),
    ("POST", "/v1/generate+style"): lambda c, t: c.post(
        "/v1/generate", headers=bearer(t), json={"lora_id": _own_lora(t), "style": "alice-ink"}),
    ("POST", "/v1/inpaint"): lambda c, t: _inpaint(c, t, LORA),
    ("POST", "/v1/tryon"): lambda c, t: _tryon(c, t, LORA),
    ("GET", "/v1/jobs/{job_id}"): lambda c, t: c.get(f"/v1/jobs/{JOB}", headers=bearer(t)),
    ("DELETE", "/v1/jobs/{job_id}"): lambda c, t: c.delete(f"/v1/jobs/{JOB}", headers=bearer(t)),
    ("GET", "/v1/jobs/{job_id}/events"): lambda c, t: c.get(f"/v1/jobs/{JOB}/events",
                                                            headers=bearer(t)),
    ("GET", "/v1/outputs/{output_id}"): lambda c, t: c.get(f"/v1/outputs/{OUTPUT}",
                                                           headers=bearer(t)),
    ("DELETE", "/v1/outputs/{output_id}"): lambda c, t: c.delete(f"/v1/outputs/{OUTPUT}",
                                                                 headers=bearer(t)),
}
BOB_LORA = "d4" * 16


def _own_lora(tenant):
    return LORA if tenant == "alice" else BOB_LORA


def _id_routes() -> set[tuple[str, str]]:
    """(method, path) of every route of the app that takes an id: a path parameter, or a body
    naming a LoRA (generate, inpaint, tryon); read from the OpenAPI document."""
    paths = app.openapi()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops
            if "{" in path or path in ("/v1/generate", "/v1/inpaint", "/v1/tryon")}


def test_the_matrix_covers_every_route_that_takes_an_id(world):
    assert len(_id_routes()) >= 10
    assert {key for key in MATRIX if "+" not in key[1]} == _id_routes()


@pytest.mark.parametrize("route", list(MATRIX), ids=lambda r: f"{r[0]} {r[1]}")
def test_another_tenant_gets_404_on_every_route_that_takes_an_id(world, route):
    client, instance = world
    (instance.artifacts.root / LORAS / f"bob_{BOB_LORA}").mkdir(parents=True)
    r = MATRIX[route](client, "bob")
    assert r.status_code == 404, r.text  # never 403: ids do not leak
    assert r.json()["error"]["type"] == "not_found"
    assert "alice" not in r.text.replace("alice-ink", "")  # nothing of the owner shows
    # alice's things are untouched, and alice herself is served
    assert (instance.artifacts.root / LORAS / f"alice_{LORA}").is_dir()
    assert instance.store.get(JOB).state == "queued" and not instance.store.get(JOB).cancel_requested
    assert instance.artifacts.exists("outputs", f"alice_{OUTPUT}")
    if route[0] == "GET" and route[1].endswith("/events"):
        instance.store.fail(JOB, "NoUsablePhotosError", "none")  # terminal: the stream ends
    mine = MATRIX[route](client, "alice")
    assert mine.status_code in (200, 204), mine.text


def test_a_foreign_id_answers_exactly_as_a_missing_one(world):
    client, _ = world
    missing = "e5" * 16
    for foreign_url, missing_url in [(f"/v1/loras/{LORA}", f"/v1/loras/{missing}"),
                                     (f"/v1/jobs/{JOB}", f"/v1/jobs/{missing}"),
                                     (f"/v1/outputs/{OUTPUT}", f"/v1/outputs/{missing}")]:
        foreign = client.get(foreign_url, headers=bearer("bob")).json()
        absent = client.get(missing_url, headers=bearer("bob")).json()
        assert foreign["error"]["message"].replace(LORA, "?").replace(JOB, "?").replace(
            OUTPUT, "?") == absent["error"]["message"].replace(missing, "?")
        assert foreign["error"]["param"] == absent["error"]["param"]


def test_the_lora_list_shows_the_callers_own(world):
    client, instance = world
    (instance.artifacts.root / LORAS / f"bob_{BOB_LORA}").mkdir(parents=True)
    assert client.get("/v1/loras", headers=bearer("alice")).json() == {"loras": [LORA]}
    assert client.get("/v1/loras", headers=bearer("bob")).json() == {"loras": [BOB_LORA]}
    assert client.get("/v1/loras", headers=bearer("ops")).json() == {"loras": []}


def test_tenant_styles_are_the_tenants_own_and_slugs_one_namespace(world):
    client, _ = world
    assert "alice-ink" in {s["slug"] for s in client.get("/v1/styles", headers=bearer("alice")).json()}
    assert "alice-ink" not in {s["slug"] for s in client.get("/v1/styles", headers=bearer("bob")).json()}
    r = client.post("/v1/styles", headers=bearer("bob"),
                    data={"slug": "alice-ink", "name": "Mine", "prompt": "{trigger}"})
    assert r.status_code == 400 and r.json()["error"]["param"] == "slug"  # one adapter namespace


def test_multiplexed_ids_are_made_by_the_server_from_tenant_and_lora(world, library):
    client, instance = world
    diffusion = instance.diffusion
    assert client.post("/v1/generate", headers=bearer("alice"),
                       json={"lora_id": LORA}).status_code == 200
    assert library["generate"] == f"alice_{LORA}"  # ServedComponents routes by this id
    r = _inpaint(client, "alice", LORA)
    assert r.status_code == 200 and library["inpaint"] == [f"alice_{LORA}"]
    assert r.json()["faces"][0]["lora"] == LORA  # the report names the public id
    assert _tryon(client, "alice", LORA).json()["faces"][0]["lora"] == LORA
    assert {"multiplexed_model_id": f"alice_{LORA}"} in diffusion.routed
    assert all(o["multiplexed_model_id"].startswith("alice_") for o in diffusion.routed)
    # a client cannot name a routing key: the request schemas forbid it
    r = client.post("/v1/generate", headers=bearer("bob"),
                    json={"lora_id": BOB_LORA, "multiplexed_model_id": f"alice_{LORA}"})
    assert r.status_code == 422
    r = client.post("/v1/generate", headers=bearer("bob"), json={"lora_id": f"alice_{LORA}"})
    assert r.status_code == 404  # a storage id is just an id bob does not have
    diffusion.routed.clear()
    assert client.delete(f"/v1/loras/{LORA}", headers=bearer("alice")).status_code == 204
    assert diffusion.routed == [{"multiplexed_model_id": f"alice_{LORA}"}]  # evicted by it


def test_a_job_is_shown_with_public_ids_and_no_tenant(world):
    client, instance = world
    r = client.post("/v1/loras", headers=bearer("alice"),
                    files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))])
    assert r.status_code == 202, r.text
    accepted = r.json()
    stored = instance.store.get(accepted["job_id"])
    assert stored.params["tenant"] == "alice"
    assert stored.params["lora_id"] == f"alice_{accepted['lora_id']}"  # the trainer writes there
    job = client.get(accepted["status_url"], headers=bearer("alice")).json()
    assert job["params"]["lora_id"] == accepted["lora_id"] and "tenant" not in job["params"]
    instance.store.mark_running(accepted["job_id"], runner="facechain#Ingress#x7f3k")
    assert client.get(accepted["status_url"], headers=bearer("alice")).json()["runner"] is None
    instance.store.succeed(accepted["job_id"], {"lora_id": f"alice_{accepted['lora_id']}"})
    job = client.get(accepted["status_url"], headers=bearer("alice")).json()
    assert job["result"]["lora_id"] == accepted["lora_id"]


def test_talk_outputs_are_stored_under_the_tenant(monkeypatch, tmp_path):
    def answer(method, *args, **kwargs):
        return {"faces": 1} if method == "check" else None

    keys = write_key_file(tmp_path / "keys.yaml")
    with served_ingress(monkeypatch, tmp_path, lambda: RecordingHandle(answer),
                        client=("203.0.113.9", 1), api_keys=keys) as (client, instance):
        monkeypatch.setattr(ingress_module, "_decode_upload", lambda data, param, px: np.zeros(
            (8, 8, 3), np.uint8))
        r = client.post("/v1/talk", headers=bearer("alice"),
                        files=[("portrait", ("p.jpg", _jpeg(), "image/jpeg"))],
                        data={"text": "hello there"})
        assert r.status_code == 202, r.text
        body = r.json()
        job = instance.store.get(body["job_id"])
        assert job.params["tenant"] == "alice"
        assert job.params["output_id"] == f"alice_{body['output_id']}"
        assert body["video_url"] == f"/v1/outputs/{body['output_id']}"
        assert client.get(body["status_url"], headers=bearer("bob")).status_code == 404


# -- quotas ---------------------------------------------------------------------------------------


def _train(client, tenant="alice", key=None):
    headers = {**bearer(tenant), **({"Idempotency-Key": key} if key else {})}
    return client.post("/v1/loras", headers=headers,
                       files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))])


def test_concurrent_jobs_are_limited_per_tenant(monkeypatch, tmp_path):
    with _served(monkeypatch, tmp_path, quotas={"jobs": 2}) as (client, instance):
        assert [_train(client).status_code for _ in range(2)] == [202, 202]
        r = _train(client)
        assert r.status_code == 429 and r.json()["error"]["type"] == "quota_exceeded"
        assert r.json()["error"]["param"] == "jobs" and int(r.headers["retry-after"]) >= 1
        assert _train(client, "bob").status_code == 202  # bob's own quota
        first = instance.store.list(kind=TRAIN_KIND)[-1]
        instance.store.request_cancel(first.id)  # a job ends: room again
        assert _train(client).status_code == 202


def test_stored_loras_are_limited_per_tenant(monkeypatch, tmp_path):
    with _served(monkeypatch, tmp_path, quotas={"loras": 2}) as (client, instance):
        (instance.artifacts.root / LORAS / f"alice_{LORA}").mkdir(parents=True)
        assert _train(client).status_code == 202  # 1 stored + 1 training = the limit
        r = _train(client)
        assert r.status_code == 429 and r.json()["error"]["param"] == "loras"
        assert "retry-after" not in r.headers  # waiting does not help: delete one
        assert "delete" in r.json()["error"]["message"]


# -- Idempotency-Key --------------------------------------------------------------------------------


def test_a_retried_request_returns_the_first_job(monkeypatch, tmp_path):
    with _served(monkeypatch, tmp_path) as (client, instance):
        first = _train(client, key="retry-1")
        again = _train(client, key="retry-1")
        assert first.status_code == again.status_code == 202
        assert again.json() == first.json()
        assert len(instance.store.list(kind=TRAIN_KIND)) == 1
        other = _train(client, "bob", key="retry-1")  # keys are per tenant
        assert other.status_code == 202 and other.json()["job_id"] != first.json()["job_id"]
        assert _train(client, key="retry-2").json()["job_id"] != first.json()["job_id"]
        r = client.post("/v1/talk", headers={**bearer("alice"), "Idempotency-Key": "retry-1"},
                        data={"text": "hi"}, files=[("portrait", ("p.jpg", _jpeg(), "image/jpeg"))])
        assert r.status_code == 409 and r.json()["error"]["type"] == "idempotency_conflict"


def test_a_failed_first_request_frees_its_key(monkeypatch, tmp_path):
    with _served(monkeypatch, tmp_path) as (client, instance):
        headers = {**bearer("alice"), "Idempotency-Key": "k"}
        bad = client.post("/v1/loras", headers=headers,
                          files=[("photos", ("a.jpg", b"not an image", "image/jpeg"))])
        assert bad.status_code == 422
        assert _train(client, key="k").status_code == 202


# -- job events (SSE) -----------------------------------------------------------------------------


def _events(text: str) -> list[tuple[str, dict]]:
    out = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if not line.startswith(":"))
        if "event" in lines:
            out.append((lines["event"], json.loads(lines["data"])))
    return out


def test_job_events_stream_progress_until_done(world):
    client, instance = world
    instance.events_poll_s = 0.05
    store = instance.store

    def work():
        time.sleep(0.3)
        store.mark_running(JOB)
        time.sleep(0.3)
        store.update_progress(JOB, 3, 10, loss=0.5, stage="train")
        time.sleep(0.3)
        store.fail(JOB, "RayActorError", "The actor 9f2c4e0d5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e "
                   "died on node 10.0.3.7 (pid=1234)")

    worker = threading.Thread(target=work)
    worker.start()
    with client.stream("GET", f"/v1/jobs/{JOB}/events", headers=bearer("alice")) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        text = "".join(r.iter_text())
    worker.join()
    events = _events(text)
    kinds = [kind for kind, _ in events]
    assert kinds[0] == "progress" and kinds[-1] == "done" and kinds.count("done") == 1
    states = [job["state"] for _, job in events]
    assert states[0] == "queued" and "running" in states and states[-1] == "failed"
    assert any(job["progress"]["step"] == 3 for _, job in events)
    final = events[-1][1]
    assert final["error"]["type"] == "internal_error"  # Ray's error, in the API's vocabulary
    assert "10.0.3.7" not in text and "9f2c4e0d" not in text and "actor" not in final["error"]["message"]


@pytest.mark.parametrize("stored,public_type,kept,hidden", [
    (("NoUsableFaceError", "no face in /data/facechain/artifacts/uploads/x/001_a.jpg"),
     "no_usable_face", "no face in", "/data/facechain"),
    (("no_usable_photos", "none of 3 photos is usable"), "no_usable_photos", "none of 3", None),
    (("ActorDiedError", "actor 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b on 10.1.2.3 died"),
     "internal_error", "internal", "10.1.2.3"),
    (("ComponentError", "onnx session at 10.0.0.2:6379 crashed"), "component_error", "failed",
     "10.0.0.2"),
    (("stale", "no heartbeat for more than 30 s: the worker stopped"), "interrupted", "submit",
     None),
    (("InvalidInputError", "bad LoRA alice_" + LORA), "invalid_input", LORA, "alice_"),
])
def test_public_job_errors_use_the_api_vocabulary(world, stored, public_type, kept, hidden):
    client, instance = world
    instance.store.fail(JOB, *stored)
    error = client.get(f"/v1/jobs/{JOB}", headers=bearer("alice")).json()["error"]
    assert error["type"] == public_type and kept in error["message"]
    if hidden:
        assert hidden not in error["message"]
