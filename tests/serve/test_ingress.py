"""The ingress's routes in-process: the real FastAPI app and ``Ingress`` class, fake handles.

``@serve.ingress`` binds each route's ``self`` through ``serve.get_replica_context()``; patching
that one function gives the routes a real ``Ingress`` instance (its job store and artifact store
in a temporary folder) without a Ray cluster. Library calls that need models are replaced where a
test only checks what the ingress does around them.
"""

from __future__ import annotations

import base64
import json
import threading
from types import SimpleNamespace

import numpy as np
import pytest

from facechain.components.tagging import AgeGroup
from facechain.errors import NoUsablePhotosError
from facechain.types import DroppedCandidate, DropReason, Gender, GenerateOutput, Portrait

from ..conftest import photo_bytes

serve_api = pytest.importorskip("ray.serve")
TestClient = pytest.importorskip("fastapi.testclient").TestClient

from serve import ingress as ingress_module  # noqa: E402
from serve.ingress import readiness  # noqa: E402
from servekit.loras import LORAS  # noqa: E402

from .ingress_fakes import jpeg_bytes as _jpeg  # noqa: E402
from .ingress_fakes import on_loop as _on_loop  # noqa: E402
from .ingress_fakes import served_ingress  # noqa: E402


class FakeHandle:
    """Answers nothing; the routes under test never reach a deployment, except evict."""

    def options(self, **_):
        return self

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            return None

        return SimpleNamespace(remote=remote)


@pytest.fixture
def served(monkeypatch, tmp_path):
    """(TestClient, Ingress instance) of a replica with fake handles."""
    with served_ingress(monkeypatch, tmp_path, FakeHandle) as served:
        yield served


# -- unknown form fields --------------------------------------------------------------------------


@pytest.mark.parametrize("url,files,data", [
    ("/v1/loras", [("photos", ("a.jpg", _jpeg(), "image/jpeg"))], {"optoins": "{}"}),
    ("/v1/faces", [("photos", ("a.jpg", _jpeg(), "image/jpeg"))], {"include_image": "true"}),
    ("/v1/styles", None, {"slug": "x-style", "name": "X", "weight": "0.5"}),
])
def test_unknown_form_fields_are_422_like_unknown_json_fields(served, url, files, data):
    client, instance = served
    r = client.post(url, files=files, data=data)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    unknown = next(iter(data.keys() - {"slug", "name"}))
    assert error["type"] == "validation_error" and error["param"] == f"body.{unknown}"
    assert error["details"][0]["type"] == "extra_forbidden"
    # the same shape as an unknown JSON field
    json_error = client.post("/v1/generate", json={"lora_id": "x", "bogus": 1}).json()["error"]
    assert json_error["type"] == error["type"] and json_error["details"][0]["type"] == "extra_forbidden"
    assert not any(instance.store.count_by_state().values())  # nothing queued


# -- POST /v1/loras: uploads are decoded before anything is queued --------------------------------


def test_a_training_upload_without_a_usable_photo_is_422_at_once(served):
    client, instance = served
    files = [("photos", ("noise.jpg", bytes(range(256)) * 8, "image/jpeg")),
             ("photos", ("empty.png", b"", "image/png"))]
    r = client.post("/v1/loras", files=files)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["type"] == "no_usable_photos"
    assert [(x["source"], x["reason"]) for x in error["rejected"]] == [
        ("noise.jpg", "undecodable"), ("empty.png", "undecodable")]
    assert not any(instance.store.count_by_state().values())  # no job queued
    assert instance.artifacts.list("uploads") == []


def test_a_too_large_photo_is_rejected_with_its_reason(served):
    client, instance = served
    instance.max_pixels = 32 * 32
    r = client.post("/v1/loras", files=[("photos", ("big.jpg", _jpeg((64, 64)), "image/jpeg"))])
    assert r.status_code == 422 and r.json()["error"]["rejected"][0]["reason"] == "too_large"


def test_only_decodable_photos_are_queued_and_the_others_reported(served):
    client, instance = served
    files = [("photos", ("obama.jpg", photo_bytes("obama.jpg"), "image/jpeg")),
             ("photos", ("noise.jpg", b"\x00" * 500, "image/jpeg"))]
    r = client.post("/v1/loras", files=files, data={"options": json.dumps({"steps": 3})})
    assert r.status_code == 202, r.text
    body = r.json()
    assert [(x["source"], x["reason"]) for x in body["rejected"]] == [("noise.jpg", "undecodable")]
    job = instance.store.get(body["job_id"])
    assert job.params["photos"] == ["obama.jpg"] and job.params["train"]["steps"] == 3
    assert job.params["rejected"] == body["rejected"]
    stored = sorted(p.name for p in instance.artifacts.path("uploads", body["job_id"]).iterdir())
    assert stored == ["000_obama.jpg"]


@pytest.mark.parametrize("options,param", [
    ({"steps": -1}, "body.options.steps"),
    ({"rank": 4, "bogus": True}, "body.options.bogus"),
    ({"gender": "robot"}, "body.options.gender"),
])
def test_training_options_are_validated_like_json_bodies(served, options, param):
    client, _ = served
    r = client.post("/v1/loras", files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))],
                    data={"options": json.dumps(options)})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param


def test_training_options_reach_the_job_as_library_parameters(served):
    client, instance = served
    options = {"steps": 7, "rank": 8, "gender": "female", "age_group": "child"}
    r = client.post("/v1/loras", files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))],
                    data={"options": json.dumps(options)})
    assert r.status_code == 202, r.text
    train = instance.store.get(r.json()["job_id"]).params["train"]
    from facechain.pipelines.train import TrainParams

    assert TrainParams(**train) == TrainParams(**options)


# -- POST /v1/faces: gender and age group ------------------------------------------------------


def test_faces_pass_gender_and_age_group_to_preprocessing(served, monkeypatch):
    client, _ = served
    seen = []

    async def fake_preprocess(photos, components, params):
        seen.append(params)
        raise NoUsablePhotosError([])

    monkeypatch.setattr(ingress_module, "apreprocess", fake_preprocess)
    files = [("photos", ("a.jpg", _jpeg(), "image/jpeg"))]
    assert client.post("/v1/faces", files=files, data={"gender": "female", "age_group": "child"}
                       ).status_code == 422
    assert client.post("/v1/faces", files=files).status_code == 422
    assert (seen[0].gender, seen[0].age_group) == (Gender.FEMALE, AgeGroup.CHILD)
    assert (seen[1].gender, seen[1].age_group) == (None, None)
    r = client.post("/v1/faces", files=files, data={"age_group": "teen"})
    assert r.status_code == 422 and r.json()["error"]["param"] == "body.age_group"
    assert len(seen) == 2


# -- the event loop only awaits -------------------------------------------------------------------


def _spy(monkeypatch) -> dict[str, list[bool]]:
    """Wrap the ingress's blocking helpers (as they are now); record for each call whether it ran
    on the event loop."""
    calls: dict[str, list[bool]] = {}

    def wrap(name, fn):
        def wrapper(*args, **kwargs):
            calls.setdefault(name, []).append(_on_loop())
            return fn(*args, **kwargs)

        return wrapper

    for name in ("read_lora", "encode_png", "decode_base64_image"):
        monkeypatch.setattr(ingress_module, name, wrap(name, getattr(ingress_module, name)))
    load = wrap("StyleRegistry.load", ingress_module.StyleRegistry.load)
    monkeypatch.setattr(ingress_module.StyleRegistry, "load", staticmethod(load))
    return calls


def test_generate_reads_decodes_and_encodes_off_the_event_loop(served, monkeypatch):
    client, instance = served
    (instance.artifacts.root / LORAS / "local_alice").mkdir(parents=True)  # tenant local
    artifact = SimpleNamespace(metadata=SimpleNamespace(kind="face", resolution=512))
    monkeypatch.setattr(ingress_module, "read_lora", lambda path: artifact)
    image = np.full((8, 8, 3), 120, np.uint8)
    seen = {}

    async def fake_generate(lora, params, components, *, styles, pose, lora_id, template_faces):
        seen.update(lora=lora, params=params, pose=pose, lora_id=lora_id, styles=styles)
        return GenerateOutput(portraits=[Portrait(image, 0.9, 3)],
                              dropped=[DroppedCandidate(4, DropReason.FUSION_FAILED, "fusion failed")],
                              prompt="p", negative_prompt="n", seed=3, candidates=[image, image])

    monkeypatch.setattr(ingress_module, "agenerate", fake_generate)

    def unknown(slug):
        raise ingress_module.NotFoundError(slug)

    instance._styles["local"] = SimpleNamespace(get=unknown)  # added by another replica: _style() reloads
    calls = _spy(monkeypatch)
    r = client.post("/v1/generate", json={
        "lora_id": "alice", "style": "plain", "pose": base64.b64encode(_jpeg()).decode(),
        "include_candidates": True, "guidance_scale": 5.5, "width": 64, "height": 96})
    assert r.status_code == 200, r.text
    out = r.json()
    assert len(out["candidates"]) == 2 and out["dropped"][0]["reason"] == "fusion_failed"
    assert seen["lora"] is artifact and seen["lora_id"] == "local_alice" and seen["pose"].shape == (64, 64, 3)
    assert seen["styles"].get("plain").slug == "plain"
    assert (seen["params"].guidance_scale, seen["params"].width, seen["params"].height) == (5.5, 64, 96)
    for name in ("read_lora", "encode_png", "decode_base64_image", "StyleRegistry.load"):
        assert calls.get(name), f"{name} was not called"
        assert not any(calls[name]), f"{name} ran on the event loop"


def test_faces_images_and_style_routes_stay_off_the_loop(served, monkeypatch):
    client, instance = served
    image = np.full((8, 8, 3), 120, np.uint8)
    output = SimpleNamespace(samples=[SimpleNamespace(image=image)], rejected=[])
    accepted = {"source": "a.jpg", "caption": "a girl", "tags": [], "quality": 0.5,
                "quality_terms": {}, "rotation": 0, "roll_degrees": 0.0, "gender": "female",
                "male_probability": 0.1, "age": 30.0, "face_box": [0.0, 0.0, 8.0, 8.0]}

    async def fake_preprocess(photos, components, params):
        return output

    monkeypatch.setattr(ingress_module, "apreprocess", fake_preprocess)
    monkeypatch.setattr(ingress_module, "preprocess_report", lambda out: {
        "accepted": [dict(accepted)], "rejected": [], "trigger": "a girl", "gender": "female",
        "age": 30.0, "template": {}})
    calls = _spy(monkeypatch)
    r = client.post("/v1/faces", params={"include_images": "true"},
                    files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))])
    assert r.status_code == 200, r.text
    assert r.json()["accepted"][0]["image"]  # the training image, encoded ...
    assert calls["encode_png"] == [False]  # ... in a worker thread
    assert client.get("/v1/styles").status_code == 200
    r = client.post("/v1/styles", data={"slug": "dusk-test", "name": "Dusk", "prompt": "{trigger}, dusk"})
    assert r.status_code == 201, r.text
    assert len(calls["StyleRegistry.load"]) == 2 and not any(calls["StyleRegistry.load"])


def test_a_style_lora_above_the_upload_limit_is_413_not_a_cut_off_file(served):
    client, instance = served
    instance.max_upload_bytes = 100  # style LoRAs: 10x, 1000 bytes
    r = client.post("/v1/styles", data={"slug": "big-test", "name": "Big"},
                    files={"lora": ("big.safetensors", b"\0" * 1001, "application/octet-stream")})
    assert r.status_code == 413, r.text
    assert r.json()["error"]["type"] == "request_entity_too_large"
    assert not (instance.style_dir / "big-test.yaml").exists()


def test_the_loop_answers_while_a_lora_read_blocks(served, monkeypatch):
    """A slow disk behind GET /v1/loras/{id}: /healthz is answered meanwhile."""
    client, instance = served
    (instance.artifacts.root / LORAS / "local_slow").mkdir(parents=True)
    entered, release = threading.Event(), threading.Event()
    released = []  # whether the read was still blocked when the test let it go

    def slow_read(path):
        entered.set()
        released.append(release.wait(30))  # False: nobody answered /healthz meanwhile
        raise ingress_module.NotFoundError("gone", param="id")

    monkeypatch.setattr(ingress_module, "read_lora", slow_read)
    result = {}
    worker = threading.Thread(target=lambda: result.update(r=client.get("/v1/loras/slow")))
    worker.start()
    try:
        assert entered.wait(30)
        assert client.get("/healthz").json() == {"status": "ok"}  # while the read still blocks
    finally:
        release.set()
        worker.join(30)
    assert result["r"].status_code == 404
    assert released == [True]  # /healthz was answered before the read returned


# -- readiness ------------------------------------------------------------------------------------


def _overview(status, **replicas):
    """What ``serve.status()`` reports per deployment (Ray 2.60's own classes)."""
    from ray.serve.schema import (
        DeploymentStatus,
        DeploymentStatusOverview,
        DeploymentStatusTrigger,
        ReplicaState,
    )

    return DeploymentStatusOverview(
        status=DeploymentStatus(status), status_trigger=DeploymentStatusTrigger.UNSPECIFIED,
        replica_states={ReplicaState(k): v for k, v in replicas.items()}, message="")


@pytest.mark.parametrize("deployments,ready,unready", [
    ({"A": _overview("HEALTHY", RUNNING=1), "B": _overview("HEALTHY", RUNNING=2)}, True, []),
    # scaling (up or down) or rolling out while a replica serves: ready
    ({"A": _overview("UPSCALING", RUNNING=1, STARTING=2), "B": _overview("HEALTHY", RUNNING=1)},
     True, []),
    ({"A": _overview("DOWNSCALING", RUNNING=2, STOPPING=1)}, True, []),
    ({"A": _overview("UPDATING", RUNNING=1, STARTING=1)}, True, []),
    # a deployment without a running replica: not ready, whatever its status
    ({"A": _overview("HEALTHY", RUNNING=1), "B": _overview("UPSCALING", STARTING=1)}, False, ["B"]),
    ({"A": _overview("UNHEALTHY", STOPPING=1)}, False, ["A"]),
    ({"A": _overview("UPDATING")}, False, ["A"]),
    ({}, False, []),
])
def test_ready_means_every_deployment_has_a_healthy_replica(deployments, ready, unready):
    got_ready, statuses, got_unready = readiness(deployments)
    assert (got_ready, got_unready) == (ready, unready)
    assert set(statuses) == set(deployments)


def test_readyz_answers_from_serve_status(served, monkeypatch):
    client, _ = served
    apps = {"facechain": SimpleNamespace(deployments={
        "Ingress": _overview("HEALTHY", RUNNING=1), "Diffusion": _overview("UPSCALING", RUNNING=1, STARTING=1)})}
    monkeypatch.setattr(ingress_module, "serve_status", lambda: SimpleNamespace(applications=apps))
    r = client.get("/readyz")
    assert r.status_code == 200 and r.json()["deployments"]["Diffusion"] == "UPSCALING"
    apps["facechain"].deployments["Diffusion"] = _overview("UPSCALING", STARTING=1)
    r = client.get("/readyz")
    assert r.status_code == 503 and r.json()["unready"] == ["Diffusion"]
    apps.clear()  # Serve does not know the app (being deployed, or deleted): not ready, no 500
    r = client.get("/readyz")
    assert r.status_code == 503 and r.json() == {"status": "not_ready", "deployments": {},
                                                 "unready": []}
