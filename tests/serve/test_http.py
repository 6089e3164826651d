"""The served graph through HTTP: a real local Ray Serve app on the tiny profile.

One Ray cluster and one deployment of the app, shared with the browser journey
(tests/serve/conftest.py: starting its replicas costs a minute or two on 2 cores); tests share
the LoRAs trained here, so none assumes it sees only its own.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ..conftest import FACES, SAME_PERSON

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
httpx = pytest.importorskip("httpx")


@pytest.fixture(scope="module")
def server(live_graph):
    """An HTTP client of the shared served graph (tests/serve/conftest.py) and its state folder."""
    with httpx.Client(base_url=live_graph.base_url, timeout=300) as client:
        yield client, live_graph.job_store.parent


def _photos(names=SAME_PERSON):
    return [("photos", (n, (FACES / n).read_bytes(), "image/jpeg")) for n in names]


def _wait_job(client, job_id, timeout=600):
    seen_progress = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        seen_progress.append(job["progress"]["step"])
        if job["state"] in ("succeeded", "failed", "cancelled"):
            return job, seen_progress
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish: {job}")


def _train(client, seed):
    r = client.post("/v1/loras", files=_photos(),
                    data={"options": json.dumps({"steps": 3, "seed": seed})})
    assert r.status_code == 202, r.text
    accepted = r.json()
    job, progress = _wait_job(client, accepted["job_id"])
    assert job["state"] == "succeeded", job
    return accepted["lora_id"], job, progress


@pytest.fixture(scope="module")
def lora_a(server):
    return _train(server[0], seed=1)


@pytest.fixture(scope="module")
def lora_b(server):
    return _train(server[0], seed=2)[0]


def _png(b64: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB"))


def _generate(client, lora_id, **kw):
    body = {"lora_id": lora_id, "num_images": 2, "steps": 3, "seed": 11,
            "include_candidates": True, **kw}
    r = client.post("/v1/generate", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def test_health_readiness_and_openapi(server):
    client, _ = server
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["deployments"]["Diffusion"] == "HEALTHY"
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/v1/faces", "/v1/loras", "/v1/jobs/{job_id}", "/v1/generate", "/v1/styles",
                  "/v1/inpaint", "/v1/tryon"):
        assert route in paths
    assert client.get("/docs").status_code == 200


def test_serve_status_without_its_models_equals_serve_status(server):
    """servekit.status.serve_status answers as serve.status() does, on the live graph (and is
    the cheaper of the two in this process, which imports torch: servekit/status.py)."""
    import time

    from ray import serve

    from servekit.status import serve_status

    def timed(f):
        t = time.process_time()
        return f(), time.process_time() - t

    for _ in range(5):  # the two calls a moment apart: a replica may change state between them
        (ours, ours_cpu), (theirs, theirs_cpu) = timed(serve_status), timed(serve.status)
        if ours == theirs:
            break
        time.sleep(1)
    assert set(ours.applications) == set(theirs.applications) == {"facechain"}
    app, expected = ours.applications["facechain"], theirs.applications["facechain"]
    assert app.status == expected.status and len(app.deployments) >= 15
    assert app.deployments == expected.deployments  # status, trigger, replica states, message
    assert app.deployments["Diffusion"].replica_states.get("RUNNING", 0) >= 1
    assert ours.proxies == theirs.proxies and ours.target_capacity == theirs.target_capacity
    print(f"serve_status {ours_cpu * 1000:.1f} ms CPU, serve.status {theirs_cpu * 1000:.1f} ms")


def test_model_replicas_run_at_the_configured_niceness_and_the_ingress_does_not(server):
    """configs/serve/local.yaml's FACECHAIN_MODEL_NICENESS lowered every thread of every model
    replica's process (setup_model_process); the Ingress kept the workers' niceness (0,
    serve/cli.py). Both stay in the normal scheduling class (no FACECHAIN_MODEL_SCHED)."""
    from deployments.process import thread_niceness
    from loadtests.chaos import replica_actors

    def niceness(deployment):
        return {n for a in replica_actors(deployment) for n in thread_niceness(int(a["Pid"])).values()}

    def policies(deployment):
        return {os.sched_getscheduler(tid) for a in replica_actors(deployment)
                for tid in thread_niceness(int(a["Pid"]))}

    base = os.nice(0)
    assert niceness("Ingress") == {base} and policies("Ingress") == {os.SCHED_OTHER}
    for deployment in ("Diffusion", "FaceDetection", "LoraTrainer", "TalkingHead"):
        assert niceness(deployment) == {max(base, 10)}, deployment
        assert policies(deployment) == {os.SCHED_OTHER}, deployment  # no FACECHAIN_MODEL_SCHED


def test_faces_report(server):
    client, _ = server
    files = _photos() + [("photos", ("broken.jpg", (FACES / "obama.jpg").read_bytes()[:3000], "image/jpeg"))]
    r = client.post("/v1/faces", files=files)
    assert r.status_code == 200, r.text
    report = r.json()
    assert sorted(a["source"] for a in report["accepted"]) == sorted(SAME_PERSON)
    assert report["rejected"] == [{"source": "broken.jpg", "reason": "undecodable",
                                   "message": report["rejected"][0]["message"]}]
    assert report["trigger"] == "a mature man"


def test_train_job_reports_progress_and_succeeds(server, lora_a):
    client, root = server
    lora_id, job, progress = lora_a
    assert job["progress"]["fraction"] == 1.0 and job["progress"]["total_steps"] == 3
    assert job["result"]["lora_id"] == lora_id and job["result"]["trigger"] == "a mature man"
    meta = client.get(f"/v1/loras/{lora_id}").json()
    assert meta["steps"] == 3 and meta["base_model_id"] == "builtin:tiny-sd15"
    # stored under the tenant's storage id (the loopback client is tenant 'local')
    assert (root / "artifacts" / "loras" / f"local_{lora_id}" / "pytorch_lora_weights.safetensors").is_file()
    assert lora_id in client.get("/v1/loras").json()["loras"]


def test_generate_with_the_lora(server, lora_a):
    client, _ = server
    out = _generate(client, lora_a[0], style="headshot")
    assert out["seed"] == 11 and "a mature man" in out["prompt"]
    assert len(out["portraits"]) + len([d for d in out["dropped"] if d["reason"] != "below_top_k"]) <= 2
    assert len(out["candidates"]) == 2 and _png(out["candidates"][0]).shape == (64, 64, 3)


def test_two_users_loras_never_leak(server, lora_a, lora_b):
    client, _ = server
    a1 = _generate(client, lora_a[0])["candidates"]
    b = _generate(client, lora_b)["candidates"]
    a2 = _generate(client, lora_a[0])["candidates"]
    # A is unaffected by B having been active in between; requests may run on different replicas
    # or be batched, so equal means within one grey level (kernel rounding), not bit-identical
    assert all(_max_diff(x, y) <= 1 for x, y in zip(a1, a2))
    assert any(_max_diff(x, y) > 1 for x, y in zip(a1, b))


def _max_diff(a: str, b: str) -> int:
    """Largest per-pixel difference between two base64 PNGs, in grey levels."""
    return int(np.abs(_png(a).astype(np.int16) - _png(b).astype(np.int16)).max())


def test_parity_with_the_library(server, lora_a):
    """The served generate equals the in-process library call for the same seed."""
    import torch

    from facechain.pipelines.generate import GenerateParams, generate
    from facechain.pipelines.runtime import LocalComponents

    client, root = server
    served = _generate(client, lora_a[0], style="headshot", fusion_strength=0.5)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as the replicas run
    try:
        local = generate(root / "artifacts" / "loras" / f"local_{lora_a[0]}",
                         GenerateParams(style="headshot", num_images=2, top_k=2, steps=3, seed=11),
                         LocalComponents(), lora_id=f"local_{lora_a[0]}")
    finally:
        torch.set_num_threads(threads)
    assert served["prompt"] == local.prompt and served["seed"] == local.seed
    # another process, maybe batched kernels: equal up to one grey level of rounding
    for s, c in zip(served["candidates"], local.candidates):
        assert np.abs(_png(s).astype(np.int16) - c.astype(np.int16)).max() <= 1
    assert [d["reason"] for d in served["dropped"]] == [d.reason.value for d in local.dropped]
    assert [p["seed"] for p in served["portraits"]] == [p.seed for p in local.portraits]


# -- template inpainting and try-on ---------------------------------------------------------------

FAST_INPAINT = {"steps": 3, "crop_size": 64, "seed": 7}
FAST_TRYON = {"steps": 3, "size": 128, "face_crop_size": 64, "seed": 4}


def _png_bytes(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def two_people():
    """obama (face 0) and biden (face 1) side by side, 400 px high."""
    from facechain.demo import two_person_collage

    return two_person_collage(FACES, height=400)


@pytest.fixture(scope="module")
def garment_photo():
    from facechain.imageio import decode_image

    from ..conftest import shrink

    return shrink(decode_image((FACES / "obama.jpg").read_bytes()), 320)


def _inpaint(client, template: np.ndarray | bytes, options: dict):
    data = template if isinstance(template, bytes) else _png_bytes(template)
    return client.post("/v1/inpaint", files={"template": ("template.png", data, "image/png")},
                       data={"options": json.dumps(options)})


def _tryon(client, photo: np.ndarray, options: dict, mask: bytes | None = None):
    files = {"photo": ("garment.png", _png_bytes(photo), "image/png")}
    if mask is not None:
        files["mask"] = ("mask.png", mask, "image/png")
    return client.post("/v1/tryon", files=files, data={"options": json.dumps(options)})


@pytest.fixture(scope="module")
def served_inpaint(server, lora_a, lora_b, two_people):
    client, _ = server
    faces = [{"index": 0, "lora_id": lora_a[0]}, {"index": 1, "lora_id": lora_b}]
    r = _inpaint(client, two_people, {"faces": faces, **FAST_INPAINT})
    assert r.status_code == 200, r.text
    return r.json()


def test_inpaint_two_people_with_two_loras(served_inpaint, lora_a, lora_b, two_people):
    out = served_inpaint
    image = _png(out["image"])
    assert image.shape == two_people.shape and out["seed"] == FAST_INPAINT["seed"]
    assert [(f["index"], f["lora"], f["status"]) for f in out["faces"]] == [
        (0, lora_a[0], "done"), (1, lora_b, "done")]
    assert out["faces"][0]["box"][2] < out["faces"][1]["box"][0]  # left to right
    assert all(0 <= f["similarity"] <= 1 for f in out["faces"])
    # far from both faces (the bottom rows: bodies), the template is kept exactly
    assert (image[-40:] == two_people[-40:]).all()
    assert (image != two_people).any()


def test_served_inpaint_equals_the_library(served_inpaint, server, lora_a, lora_b, two_people):
    """Parity: the served graph returns what the in-process library returns for the same seed."""
    import torch

    from facechain.pipelines.inpaint import FaceAssignment, InpaintParams, inpaint
    from facechain.pipelines.runtime import LocalComponents

    _, root = server
    loras = root / "artifacts" / "loras"
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as the replicas run
    try:
        a, b = f"local_{lora_a[0]}", f"local_{lora_b}"  # storage ids of tenant 'local'
        local = inpaint(two_people, [FaceAssignment(0, loras / a, a),
                                     FaceAssignment(1, loras / b, b)],
                        InpaintParams(**FAST_INPAINT), LocalComponents())
    finally:
        torch.set_num_threads(threads)
    served = served_inpaint
    assert served["seed"] == local.seed
    assert [(f["index"], f["lora"], f["status"]) for f in served["faces"]] == [  # public ids
        (f.index, f.lora and f.lora.removeprefix("local_"), f.status.value) for f in local.faces]
    assert [f["box"] for f in served["faces"]] == [list(f.box) for f in local.faces]
    # another process: equal up to one grey level of rounding
    assert np.abs(_png(served["image"]).astype(np.int16) - local.image.astype(np.int16)).max() <= 1


def test_tryon_with_the_face_pass(server, lora_a, garment_photo):
    client, _ = server
    r = _tryon(client, garment_photo, {"lora_id": lora_a[0], "background": "beach", **FAST_TRYON})
    assert r.status_code == 200, r.text
    out = r.json()
    assert _png(out["image"]).shape == garment_photo.shape and out["seed"] == FAST_TRYON["seed"]
    mask = np.asarray(Image.open(io.BytesIO(base64.b64decode(out["mask"]))))
    assert mask.shape == garment_photo.shape[:2] and mask.any()
    assert len(out["faces"]) == 1 and out["faces"][0]["lora"] == lora_a[0]  # the face pass ran
    assert out["faces"][0]["status"] in ("done", "failed")  # tiny model: maybe no face to redraw
    # the mask the response reports can be sent back (corrected) as the request's mask
    again = _tryon(client, garment_photo, {"lora_id": lora_a[0], "face_pass": False,
                                           **FAST_TRYON}, mask=base64.b64decode(out["mask"]))
    assert again.status_code == 200, again.text
    assert again.json()["faces"] == []
    assert (np.asarray(Image.open(io.BytesIO(base64.b64decode(again.json()["mask"])))) == mask).all()


@pytest.fixture(scope="module")
def foreign_lora(server, lora_a):
    """A copy of lora_a that claims another base model (its fingerprint)."""
    import shutil

    from facechain.diffusion.lora_io import METADATA_NAME

    _, root = server
    loras = root / "artifacts" / "loras"
    folder = loras / "local_foreign-lora"  # tenant 'local' (the loopback client)
    shutil.copytree(loras / f"local_{lora_a[0]}", folder)
    meta = json.loads((folder / METADATA_NAME).read_text())
    meta["base_model_fingerprint"] = "0" * len(meta.get("base_model_fingerprint") or "0" * 16)
    (folder / METADATA_NAME).write_text(json.dumps(meta))
    return "foreign-lora"


def test_inpaint_and_tryon_bad_inputs_get_typed_4xx(server, lora_a, foreign_lora, two_people,
                                                     garment_photo):
    client, _ = server
    lora = lora_a[0]
    sky = np.full((200, 240, 3), (90, 140, 200), np.uint8)
    cases = [
        ("no face in the template", _inpaint(client, sky, {"faces": [{"index": 0, "lora_id": lora}],
                                                           **FAST_INPAINT}),
         400, "invalid_input", "template"),
        ("a face index that does not exist",
         _inpaint(client, two_people, {"faces": [{"index": 5, "lora_id": lora}], **FAST_INPAINT}),
         400, "invalid_input", "faces"),
        ("an unknown LoRA",
         _inpaint(client, two_people, {"faces": [{"index": 0, "lora_id": "nobody"}]}),
         404, "not_found", "faces"),
        ("a LoRA of another base model",
         _inpaint(client, two_people, {"faces": [{"index": 0, "lora_id": foreign_lora}],
                                       **FAST_INPAINT}), 409, "incompatible_model", None),
        ("out-of-range strength",
         _inpaint(client, two_people, {"faces": [{"index": 0, "lora_id": lora}], "strength": 1.5}),
         422, "validation_error", "body.options.strength"),
        ("a garment photo with no person", _tryon(client, sky, {"lora_id": lora, **FAST_TRYON}),
         400, "no_person", "photo"),
        ("a mask of the wrong size",
         _tryon(client, garment_photo, {"lora_id": lora, **FAST_TRYON},
                mask=_png_bytes(np.full((50, 60), 255, np.uint8))), 400, "invalid_input", "mask"),
        ("try-on with an unknown LoRA", _tryon(client, garment_photo, {"lora_id": "nobody"}),
         404, "not_found", "lora_id"),
        ("try-on with a foreign LoRA",
         _tryon(client, garment_photo, {"lora_id": foreign_lora, **FAST_TRYON}),
         409, "incompatible_model", None),
        ("out-of-range try-on strength",
         _tryon(client, garment_photo, {"lora_id": lora, "strength": -0.5}),
         422, "validation_error", "body.options.strength"),
    ]
    for what, r, status, error_type, param in cases:
        assert r.status_code == status, (what, r.text)
        error = r.json()["error"]
        assert error["type"] == error_type and error["message"], (what, error)
        if param is not None:
            assert error["param"] == param, (what, error)
    assert client.get("/healthz").json() == {"status": "ok"}  # still serving


@pytest.mark.parametrize("method,url,kwargs,status,error_type", [
    ("post", "/v1/generate", {"json": {"lora_id": "nope", "num_images": 1}}, 404, None),
    ("post", "/v1/generate", {"json": {"lora_id": "x", "num_images": 100}}, 422, None),
    ("post", "/v1/generate", {"json": {"lora_id": "x", "bogus": 1}}, 422, None),
    ("get", "/v1/jobs/doesnotexist", {}, 404, None),
    ("get", "/v1/loras/doesnotexist", {}, 404, None),
    ("post", "/v1/faces", {"files": [("photos", ("a.jpg", b"not an image", "image/jpeg"))]}, 422,
     "no_usable_photos"),
    ("post", "/v1/loras", {"files": [("photos", ("a.jpg", b"x", "image/jpeg"))],
                           "data": {"options": '{"steps": -1}'}}, 422, "validation_error"),
    ("post", "/v1/loras", {"files": [("photos", ("a.jpg", b"random bytes", "image/jpeg"))]}, 422,
     "no_usable_photos"),
    ("post", "/v1/loras", {"files": [("photos", ("a.jpg", b"x", "image/jpeg"))],
                           "data": {"option": "{}"}}, 422, "validation_error"),
])
def test_bad_requests_get_typed_4xx(server, method, url, kwargs, status, error_type):
    client, _ = server
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert set(body) >= {"type", "message", "param"} and body["message"]
    if error_type:
        assert body["type"] == error_type
    assert client.get("/healthz").status_code == 200


def test_no_face_unknown_style_and_oversize_upload(server, lora_a):
    client, _ = server
    blank = io.BytesIO()
    Image.new("RGB", (300, 300), (90, 140, 200)).save(blank, format="JPEG")
    r = client.post("/v1/faces", files=[("photos", ("sky.jpg", blank.getvalue(), "image/jpeg"))])
    assert r.status_code == 422 and r.json()["error"]["type"] == "no_usable_photos"
    assert "no_face" in r.text
    r = client.post("/v1/generate", json={"lora_id": lora_a[0], "style": "no-such-style"})
    assert r.status_code == 404 and "headshot" in r.json()["error"]["message"]
    big = os.urandom(3 * 1024 * 1024)  # above the 2 MB limit of this test server
    r = client.post("/v1/faces", files=[("photos", ("big.jpg", big, "image/jpeg"))])
    assert r.status_code == 413, r.text
    assert client.get("/healthz").status_code == 200


def test_styles_list_and_upload(server, lora_a):
    client, _ = server
    slugs = {s["slug"] for s in client.get("/v1/styles").json()}
    assert {"headshot", "ink"} <= slugs
    r = client.post("/v1/styles", data={"slug": "sunset-test", "name": "Sunset",
                                        "prompt": "{trigger}, golden hour, sunset"})
    assert r.status_code == 201, r.text
    assert "sunset-test" in {s["slug"] for s in client.get("/v1/styles").json()}
    assert client.post("/v1/styles", data={"slug": "sunset-test", "name": "again"}).status_code == 400
    out = _generate(client, lora_a[0], style="sunset-test")
    assert "golden hour" in out["prompt"]


def test_cancel_a_job_and_delete_a_lora(server, lora_b):
    client, _ = server
    r = client.post("/v1/loras", files=_photos(), data={"options": json.dumps({"steps": 400})})
    job_id = r.json()["job_id"]
    cancelled = client.delete(f"/v1/jobs/{job_id}")
    assert cancelled.status_code == 200
    job, _ = _wait_job(client, job_id, timeout=300)
    assert job["state"] == "cancelled"
    assert client.delete(f"/v1/loras/{lora_b}").status_code == 204
    assert client.get(f"/v1/loras/{lora_b}").status_code == 404
    r = client.post("/v1/generate", json={"lora_id": lora_b, "num_images": 1})
    assert r.status_code == 404


def test_flood_beyond_the_queue_gets_503(server, lora_a):
    client, _ = server
    body = {"lora_id": lora_a[0], "num_images": 4, "steps": 20, "seed": 1}

    def call(_):
        with httpx.Client(base_url=client.base_url, timeout=300) as c:
            return c.post("/v1/generate", json=body).status_code

    with ThreadPoolExecutor(max_workers=24) as pool:
        codes = list(pool.map(call, range(24)))
    assert 503 in codes, codes  # rejected at once rather than piling up
    assert 200 in codes, codes
    assert set(codes) <= {200, 503}, codes
    assert client.get("/healthz").status_code == 200


SPEECH = FACES.parent / "speech"


def _talk(client, portrait: bytes, *, audio: bytes | None = None, **data):
    files = [("portrait", ("portrait.jpg", portrait, "image/jpeg"))]
    if audio is not None:
        files.append(("audio", ("speech.wav", audio, "audio/wav")))
    if "options" in data:
        data["options"] = json.dumps(data["options"])
    return client.post("/v1/talk", files=files, data=data)


def test_voices_list_the_piper_voice_first(server):
    client, _ = server
    voices = client.get("/v1/voices").json()
    assert voices[0]["id"] == "en_US-joe-medium" and voices[0]["alignments"] is True


def test_talk_job_renders_a_playable_video_with_frame_progress(server, tmp_path):
    from facechain.media.video import probe

    client, _ = server
    r = _talk(client, (FACES / "biden.jpg").read_bytes(), text="Papa bought a bigger boat.",
              options={"seed": 1})
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["portrait"]["frame_size"] == [256, 256]
    frames_seen = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job = client.get(accepted["status_url"]).json()
        if job["progress"]["frame"]:
            frames_seen.append((job["progress"]["stage"], job["progress"]["frame"],
                                job["progress"]["frames"]))
        if job["state"] in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(0.2)
    assert job["state"] == "succeeded", job
    report = job["result"]["report"]
    assert job["result"]["video_url"] == accepted["video_url"]
    assert all(n == report["frames"] for _, _, n in frames_seen), frames_seen
    video = client.get(accepted["video_url"])
    assert video.status_code == 200 and video.headers["content-type"] == "video/mp4"
    part = client.get(accepted["video_url"], headers={"Range": "bytes=0-1023"})
    assert part.status_code == 206 and part.content == video.content[:1024]
    path = tmp_path / "talk.mp4"
    path.write_bytes(video.content)
    info = probe(path)
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    assert info.faststart and info.video_frames == report["frames"]
    assert abs(info.duration - report["frames"] / 25) <= 0.05
    assert client.delete(accepted["video_url"]).status_code == 204
    assert client.get(accepted["video_url"]).status_code == 404


def test_talk_bad_inputs_get_typed_4xx_and_the_server_keeps_serving(server):
    import wave

    client, _ = server
    silent = io.BytesIO()
    with wave.open(silent, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 32000)
    blank = io.BytesIO()
    Image.new("RGB", (200, 200), (128, 128, 128)).save(blank, format="JPEG")
    biden = (FACES / "biden.jpg").read_bytes()
    cases = [
        (_talk(client, blank.getvalue(), text="hello"), 400, "no_usable_face"),
        (_talk(client, biden, audio=silent.getvalue()), 400, "silent_audio"),
        (_talk(client, biden, audio=b"definitely not audio" * 20), 400, "audio_decode_error"),
        (_talk(client, biden, text="hello", voice="klingon"), 404, "not_found"),
        (_talk(client, biden), 400, "invalid_input"),
        (_talk(client, biden, text="hello", options={"size": 300}), 422, "validation_error"),
    ]
    for response, status, error_type in cases:
        assert response.status_code == status, response.text
        assert response.json()["error"]["type"] == error_type, response.text
    assert client.get("/healthz").status_code == 200


def test_cancel_a_talk_job_mid_render(server):
    client, _ = server
    r = _talk(client, (FACES / "obama3.jpg").read_bytes(),
              audio=(SPEECH / "espeak_upload.wav").read_bytes(),
              options={"enhance": True, "still": False, "seed": 2})
    assert r.status_code == 202, r.text
    accepted = r.json()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job = client.get(accepted["status_url"]).json()
        if job["progress"]["frame"] or job["state"] not in ("queued", "running"):
            break
        time.sleep(0.2)
    assert job["state"] == "running" and job["progress"]["frame"], job
    assert client.delete(accepted["status_url"]).status_code == 200
    job, _ = _wait_job(client, accepted["job_id"], timeout=120)
    assert job["state"] == "cancelled", job
    assert client.get(accepted["video_url"]).status_code == 404


def test_metrics_show_custom_metrics_after_traffic(server):
    client, _ = server
    wanted = ("ray_facechain_photos_rejected", "ray_facechain_stage_latency_seconds_bucket",
              "ray_facechain_lora_adapter", "ray_facechain_candidates_dropped",
              "ray_facechain_http_requests", "ray_facechain_jobs",
              "ray_facechain_stage_calls_total")
    deadline = time.monotonic() + 90  # replicas push to the node agent asynchronously
    missing = list(wanted)
    while time.monotonic() < deadline:
        text = client.get("/metrics").text
        missing = [name for name in wanted if name not in text]
        if not missing:
            break
        time.sleep(2)
    assert not missing, f"not exported: {missing}"


def test_interrupted_running_job_is_requeued_not_left_running(server):
    """A job whose runner died (its lease lapsed, e.g. the app restarted mid-training) is
    re-queued by a live runner's reaper, to resume elsewhere; it never stays 'running'."""
    from serve.jobs import JobStore

    client, root = server
    an_hour_ago = JobStore(root / "jobs.sqlite3", clock=lambda: time.time() - 3600)
    job = an_hour_ago.create("export", {"note": "not a kind the runner claims"})
    an_hour_ago.mark_running(job.id, runner="a-dead-replica")
    deadline = time.monotonic() + 60
    state = None
    while time.monotonic() < deadline:
        state = client.get(f"/v1/jobs/{job.id}").json()
        if state["state"] != "running":
            break
        time.sleep(1)
    assert state["state"] == "queued" and state["attempt"] == 1 and state["runner"] is None, state


def test_schemathesis_finds_no_server_error_on_the_live_app(server):
    """The OpenAPI document fuzzed against the live local app (bounded examples, a fixed seed):
    no 5xx and every response conforms to its schema. Last in the module; style creation is
    left out so the fuzzer adds no styles to the shared server."""
    from .fuzz import run_schemathesis

    client, _ = server
    report = run_schemathesis(str(client.base_url), max_examples=8, seed=20261202,
                              exclude=("POST /v1/styles",))
    assert report["cases"] > 50 and report["operations"] >= 15, report
    assert report["failures"] == [], json.dumps(report["failures"], indent=1)


# -- facechain.client against this app: the typed client through a user's journey


def test_the_python_client_through_a_journey(server):
    from facechain import client as fc

    base_url = str(server[0].base_url)
    photos = [FACES / n for n in SAME_PERSON]
    with fc.Client(base_url, timeout=300) as api:
        assert api.health().status == "ok" and api.ready().ready
        report = api.preprocess(photos, include_images=True)
        assert report.trigger == "a mature man" and len(report.accepted) == 3
        assert report.accepted[0].png.startswith(b"\x89PNG")
        seen: list[fc.Job] = []  # from the job's event stream
        job = api.train(photos, {"steps": 2, "seed": 5}, on_progress=seen.append, timeout=600)
        lora_id = job.result["lora_id"]
        assert seen[-1] == job and job.progress.step == 2
        assert [j.progress.step for j in seen] == sorted(j.progress.step for j in seen)
        assert api.get_lora(lora_id).steps == 2 and lora_id in api.list_loras()

        out = api.generate(lora_id, num_images=1, steps=2, seed=3, width=64, height=64)
        assert len(out.portraits) + len(out.dropped) == 1 and out.seed == 3
        with pytest.raises(fc.NotFoundError) as caught:
            api.generate("nobody")
        assert caught.value.param == "lora_id"
        with pytest.raises(fc.RequestValidationError):
            api.generate(lora_id, num_images=0)
        blank = io.BytesIO()
        Image.new("RGB", (200, 200), (128, 128, 128)).save(blank, format="JPEG")
        with pytest.raises(fc.NoUsableFaceError) as caught:
            api.talk(("blank.jpg", blank.getvalue()), text="hello")
        assert caught.value.reason == "no_face"

        voice = api.voices()[0].id
        accepted = api.talk(FACES / "biden.jpg", text="Hello there.", voice=voice,
                            options={"seed": 1})
        frames = []
        talked = api.wait(accepted.job_id, timeout=300,
                          on_progress=lambda j: frames.append(j.progress.frame))
        assert talked.state == "succeeded" and any(frames), talked
        video = api.download_output(accepted.output_id)
        assert video[4:8] == b"ftyp"
        assert api.download_output(accepted.output_id, byte_range=(0, 99)) == video[:100]
        api.delete_output(accepted.output_id)
        with pytest.raises(fc.NotFoundError):
            api.download_output(accepted.output_id)
        api.delete_lora(lora_id)
        assert lora_id not in api.list_loras()


# -- facechain loadtest against this app: a short generate run writes the whole report folder

LOADTEST_FILES = ("summary.json", "report.html", "locust.html", "replicas.csv", "locust_stats.csv",
         "locust_stats_history.csv", "locust_failures.csv", "locust_exceptions.csv",
         "throughput.png", "latency.png", "rejection_rate.png", "replicas.png")


def test_facechain_loadtest_writes_the_whole_report(server, tmp_path):
    client, _ = server
    out = tmp_path / "tmp"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACECHAIN_ROOT": str(ROOT),
           "FACECHAIN_STEPS": "3", "FACECHAIN_NUM_IMAGES": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "serve.cli", "loadtest", "--host", str(client.base_url),
         "--duration", "20s", "--users", "2", "--shape", "constant", "--scenario", "generate",
         "--out", str(out), "--lora-options", '{"steps": 3}'],
        capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    for name in LOADTEST_FILES:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["scenario"], summary["shape"], summary["users"]) == ("generate", "constant", 2)
    generate = summary["routes"]["POST /v1/generate"]
    assert generate["count"] > 0 and generate["failures"] == 0, generate
    assert set(generate["stability"]) == {"throughput_rps", "p50_ms", "p95_ms", "p99_ms"}
    assert summary["replicas"]["Diffusion"]["min"] >= 1  # sampled from GET /metrics
    assert summary["replica_samples"] > 0
    assert "data:image/png;base64," in (out / "report.html").read_text()
