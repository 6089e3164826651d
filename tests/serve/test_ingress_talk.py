"""``POST /v1/talk``, ``GET /v1/voices`` and ``GET/DELETE /v1/outputs/{id}`` in-process (the real
FastAPI app and ``Ingress`` class over fake handles, as test_ingress_inpaint.py), and the job
runner driving a fake TalkingHead stream: checks before queueing, typed 4xx, uploads stored,
frame progress, result, error and cancel."""

from __future__ import annotations

import asyncio
import io
import json
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from facechain.errors import NotFoundError, NoUsableFaceError
from facechain.types import Voice

from ..conftest import FACES

pytest.importorskip("ray.serve")

from serve.jobs import JobState, JobStore  # noqa: E402
from serve.runner import TALK_KIND, JobRunner  # noqa: E402
from servekit.storage import ArtifactStore  # noqa: E402

from .ingress_fakes import served_ingress  # noqa: E402
from .test_ingress_inpaint import FakeHandle  # noqa: E402

SPEECH = Path(__file__).resolve().parent.parent / "fixtures" / "speech"
VOICE = Voice("en_US-joe-medium", "Joe", "en-US", "piper", 22050, True)
PORTRAIT_INFO = {"face_box": [10.0, 10.0, 50.0, 60.0], "face_height": 50.0,
                 "frame_size": [256, 256], "preprocess": "crop", "size": 256}


def _wav(samples: np.ndarray, rate: int = 16000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def answer(method, *args, **kwargs):
    if method == "check" and len(args) == 2 and isinstance(args[1], dict):  # talker.check
        image = args[0]
        if image.mean() < 1:  # a black upload: "no face"
            raise NoUsableFaceError("no face found in the portrait", reason="no_face")
        return PORTRAIT_INFO
    if method == "check":  # tts.check(text, voice)
        text, voice = args
        if voice not in (None, VOICE.id):
            raise NotFoundError(f"unknown voice {voice!r}", param="voice")
        return None
    if method == "voices":
        return [VOICE]
    return None


@pytest.fixture
def served(monkeypatch, tmp_path):
    with served_ingress(monkeypatch, tmp_path, lambda: FakeHandle(answer)) as (client, instance):
        yield client, instance


def _portrait(name="biden.jpg"):
    return ("portrait", (name, (FACES / name).read_bytes(), "image/jpeg"))


def _black_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, format="PNG")
    return out.getvalue()


def test_text_talk_is_checked_stored_and_queued(served):
    client, instance = served
    r = client.post("/v1/talk", files=[_portrait()],
                    data={"text": "Papa bought a boat.", "voice": VOICE.id,
                          "options": json.dumps({"pose_style": 3, "still": False, "seed": 5})})
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["status_url"] == f"/v1/jobs/{body['job_id']}"
    assert body["video_url"] == f"/v1/outputs/{body['output_id']}"
    assert body["portrait"] == PORTRAIT_INFO
    job = instance.store.get(body["job_id"])
    assert job.kind == TALK_KIND and job.state == JobState.QUEUED
    assert job.params["text"] == "Papa bought a boat." and job.params["voice"] == VOICE.id
    assert job.params["talk"]["pose_style"] == 3 and job.params["talk"]["still"] is False
    assert job.params["output_id"] == f"local_{body['output_id']}" and job.params["audio_file"] is None
    stored = instance.artifacts.path("uploads", job.id) / job.params["portrait_file"]
    assert stored.read_bytes() == (FACES / "biden.jpg").read_bytes()
    checks = [c for c in instance.talker.calls if c[0] == "check"]
    assert checks and checks[0][1][0].shape[2] == 3, "the talker checked the decoded portrait"
    assert ("check", ("Papa bought a boat.", VOICE.id), {}) in instance.tts.calls


def test_audio_talk_stores_the_upload(served):
    client, instance = served
    data = (SPEECH / "espeak_upload.wav").read_bytes()
    r = client.post("/v1/talk", files=[_portrait(), ("audio", ("speech.wav", data, "audio/wav"))])
    assert r.status_code == 202, r.text
    job = instance.store.get(r.json()["job_id"])
    assert job.params["text"] is None and job.params["audio_file"] == "audio"
    assert (instance.artifacts.path("uploads", job.id) / "audio").read_bytes() == data
    assert not [c for c in instance.tts.calls if c[0] == "check"]


@pytest.mark.parametrize("case, status, error_type, param", [
    ("neither", 400, "invalid_input", "audio"),
    ("both", 400, "invalid_input", "audio"),
    ("voice_with_audio", 400, "invalid_input", "voice"),
    ("silent", 400, "silent_audio", "audio"),
    ("garbage_audio", 400, "audio_decode_error", "audio"),
    ("too_short", 400, "invalid_input", "audio"),
    ("no_face", 400, "no_usable_face", "portrait"),
    ("bad_portrait", 400, "image_decode_error", "portrait"),
    ("unknown_voice", 404, "not_found", "voice"),
    ("bad_options", 422, "validation_error", None),
])
def test_bad_talk_requests_get_typed_errors_and_queue_nothing(served, case, status, error_type,
                                                              param):
    client, instance = served
    speech = ("audio", ("s.wav", (SPEECH / "tts_papa.wav").read_bytes(), "audio/wav"))
    files, data = [_portrait()], {}
    if case == "both":
        files.append(speech)
        data["text"] = "hello"
    elif case == "voice_with_audio":
        files.append(speech)
        data["voice"] = VOICE.id
    elif case == "silent":
        files.append(("audio", ("s.wav", _wav(np.zeros(16000 * 2)), "audio/wav")))
    elif case == "garbage_audio":
        files.append(("audio", ("s.mp3", b"\x00not audio at all" * 50, "audio/mpeg")))
    elif case == "too_short":
        rng = np.random.default_rng(0)
        files.append(("audio", ("s.wav", _wav(rng.normal(0, 0.3, 1600)), "audio/wav")))
    elif case == "no_face":
        files = [("portrait", ("black.png", _black_png(), "image/png"))]
        data["text"] = "hello"
    elif case == "bad_portrait":
        files = [("portrait", ("p.jpg", b"not an image", "image/jpeg"))]
        data["text"] = "hello"
    elif case == "unknown_voice":
        data.update(text="hello", voice="klingon")
    elif case == "bad_options":
        data.update(text="hello", options=json.dumps({"pose_style": 46}))
    r = client.post("/v1/talk", files=files, data=data)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["type"] == error_type, error
    if param is not None:
        assert error["param"] == param, error
    if case == "no_face":
        assert error["reason"] == "no_face"
    assert instance.store.list() == [], "nothing queued"
    assert client.get("/healthz").status_code == 200


def test_voices(served):
    client, _ = served
    r = client.get("/v1/voices")
    assert r.status_code == 200
    assert r.json() == [VOICE.to_dict()]


def test_outputs_are_served_with_range_requests_and_deleted(served):
    client, instance = served
    payload = bytes(range(256)) * 40
    instance.artifacts.put_bytes("outputs", "local_out1", "video.mp4", payload)  # tenant local
    r = client.get("/v1/outputs/out1")
    assert r.status_code == 200 and r.content == payload
    assert r.headers["content-type"] == "video/mp4" and r.headers["accept-ranges"] == "bytes"
    assert "inline" in r.headers["content-disposition"]
    r = client.get("/v1/outputs/out1", headers={"Range": "bytes=100-199"})
    assert r.status_code == 206 and r.content == payload[100:200]
    assert r.headers["content-range"] == f"bytes 100-199/{len(payload)}"
    r = client.get("/v1/outputs/out1", headers={"Range": f"bytes={len(payload) + 10}-"})
    assert r.status_code == 416
    assert client.get("/v1/outputs/nope").status_code == 404
    assert client.get("/v1/outputs/NOT..valid").json()["error"]["type"] == "invalid_input"
    assert client.delete("/v1/outputs/out1").status_code == 204
    assert client.get("/v1/outputs/out1").status_code == 404
    assert client.delete("/v1/outputs/out1").status_code == 404


def test_openapi_documents_the_talk_routes(served):
    client, _ = served
    doc = client.get("/openapi.json").json()
    talk = doc["paths"]["/v1/talk"]["post"]
    body = talk["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[1]
    fields = doc["components"]["schemas"][body]["properties"]
    assert {"portrait", "audio", "text", "voice", "options"} <= set(fields)
    assert all(f.get("description") for f in fields.values())
    assert "TalkAccepted" in talk["responses"]["202"]["content"]["application/json"]["schema"]["$ref"]
    options = doc["components"]["schemas"]["TalkOptions"]["properties"]
    assert {"pose_style", "expression_scale", "still", "preprocess", "size", "enhance",
            "seed"} <= set(options)
    assert "video/mp4" in doc["paths"]["/v1/outputs/{output_id}"]["get"]["responses"]["206"]["content"]


# -- the runner -----------------------------------------------------------------------------------

class FakeTalker:
    """``talker.options(stream=True).render.remote(spec)``: frame progress events, then a
    result, an error, or nothing until cancelled (``mode``)."""

    def __init__(self, mode: str):
        self.mode, self.specs = mode, []
        self.started = threading.Event()
        self.closed = threading.Event()

    def options(self, **_):
        return self

    @property
    def render(self):
        return self

    def remote(self, spec):
        self.specs.append(spec)
        return self._stream()

    async def _stream(self):
        try:
            yield {"event": "progress", "stage": "speech", "frame": 0, "frames": 0}
            for i in (10, 20):
                yield {"event": "progress", "stage": "render", "frame": i, "frames": 50}
            self.started.set()
            if self.mode == "result":
                yield {"event": "result", "output_id": "o1", "video_url": "/v1/outputs/o1",
                       "report": {"frames": 50}}
            elif self.mode == "error":
                yield {"event": "error", "type": "SilentAudioError", "message": "no speech"}
            else:
                await asyncio.Event().wait()
        finally:
            self.closed.set()


def _run_job(tmp_path, mode: str, *, cancel: bool = False):
    store = JobStore(tmp_path / "jobs.sqlite3")
    artifacts = ArtifactStore(tmp_path / "artifacts")
    job = store.create(TALK_KIND, {"output_id": "o1", "talk": {"seed": 1}, "text": None,
                                   "voice": None, "portrait_file": "portrait",
                                   "audio_file": "audio"})
    artifacts.put_bytes("uploads", job.id, "portrait", b"jpeg")
    artifacts.put_bytes("uploads", job.id, "audio", b"wav")
    talker = FakeTalker(mode)
    runner = JobRunner(store, artifacts, trainer=None, talker=talker, poll_s=0.01,
                       heartbeat_s=0.01)
    progress = []

    async def run():
        runner.start()
        for _ in range(3000):
            current = await asyncio.to_thread(store.get, job.id)
            progress.append(current.progress)
            if talker.started.is_set() and (cancel or current.terminal):
                break
            await asyncio.sleep(0.01)
        if cancel:
            await asyncio.to_thread(store.request_cancel, job.id)
        for _ in range(3000):
            current = await asyncio.to_thread(store.get, job.id)
            if current.terminal and not runner._running:
                break
            await asyncio.sleep(0.01)
        await runner.stop()
        return current

    final = asyncio.run(run())
    return final, talker, progress, artifacts


def test_a_talk_job_reports_frames_and_succeeds(tmp_path):
    job, talker, progress, artifacts = _run_job(tmp_path, "result")
    assert job.state == JobState.SUCCEEDED, job
    assert job.result == {"output_id": "o1", "video_url": "/v1/outputs/o1", "report": {"frames": 50}}
    spec = talker.specs[0]
    assert spec["portrait"] == b"jpeg" and spec["audio"] == b"wav" and spec["talk"] == {"seed": 1}
    frames = [(p.stage, p.frame, p.frames) for p in progress if p.frame]
    assert all(stage == "render" and n == 50 for stage, _, n in frames)
    assert not artifacts.exists("uploads", job.id), "uploads deleted once the job ended"


def test_a_talk_job_error_fails_it(tmp_path):
    job, *_ = _run_job(tmp_path, "error")
    assert job.state == JobState.FAILED and job.error.type == "SilentAudioError"


def test_cancelling_a_talk_job_closes_the_render_stream(tmp_path):
    job, talker, _, artifacts = _run_job(tmp_path, "hang", cancel=True)
    assert job.state == JobState.CANCELLED, job
    assert talker.closed.wait(5), "the render stream was closed"
    assert not artifacts.exists("uploads", job.id)


def test_talk_jobs_do_not_take_training_slots(tmp_path):
    runner = JobRunner(JobStore(tmp_path / "j.sqlite3"), ArtifactStore(tmp_path / "a"),
                       trainer=None, talker=FakeTalker("hang"), max_concurrent=2, max_talks=1)
    runner._kinds = {"t1": TALK_KIND}
    assert runner._free_kinds() == ["train_lora"]
    runner._kinds = {"a": "train_lora", "b": "train_lora"}
    assert runner._free_kinds() == [TALK_KIND]
    no_talker = JobRunner(JobStore(tmp_path / "k.sqlite3"), ArtifactStore(tmp_path / "b"),
                          trainer=None)
    assert no_talker._free_kinds() == ["train_lora"], "talk jobs wait for a runner with a talker"
