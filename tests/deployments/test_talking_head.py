"""The TalkingHead deployment's ``render`` stream with the real animator, its TTS and enhancer
hops answered in-process: progress per frame, the checked mp4 and its report stored as an output,
typed error events, and a cancelled stream that stops the render and stores nothing."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from facechain.media.video import probe
from facechain.pipelines.runtime import LocalComponents

from ..conftest import FACES

pytest.importorskip("ray.serve")

from deployments.talking_head import OUTPUTS, REPORT_NAME, VIDEO_NAME, TalkingHead  # noqa: E402

SPEECH = Path(__file__).resolve().parent.parent / "fixtures" / "speech"
TalkingHeadClass = TalkingHead.func_or_class


class LocalHandle:
    """A deployment handle whose methods run the LocalComponents method of the same name."""

    def __init__(self, local: LocalComponents):
        self.local, self.calls = local, []

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            self.calls.append(method)
            return await getattr(self.local, method)(*args, **kwargs)

        return SimpleNamespace(remote=remote)


@pytest.fixture(scope="module")
def local():
    return LocalComponents()


@pytest.fixture
def talker(local, tmp_path):
    instance = TalkingHeadClass(tts=LocalHandle(local), restoration=LocalHandle(local),
                                artifacts=str(tmp_path / "artifacts"))
    return instance


def _events(talker, spec, stop_after: int | None = None) -> list[dict]:
    async def run():
        events = []
        stream = talker.render(spec)
        async for event in stream:
            events.append(event)
            if stop_after is not None and len(events) >= stop_after:
                await stream.aclose()  # what a cancelled job does to the stream
                break
        return events

    return asyncio.run(run())


def _spec(**kw):
    return {"output_id": "o1", "talk": {"seed": 3}, "portrait": (FACES / "biden.jpg").read_bytes(),
            "audio": None, "text": None, "voice": None, **kw}


def test_an_upload_renders_to_a_stored_checked_video(talker):
    audio = (SPEECH / "espeak_upload.wav").read_bytes()
    events = _events(talker, _spec(audio=audio))
    *progress, result = events
    assert result["event"] == "result" and result["output_id"] == "o1"
    assert result["video_url"] == "/v1/outputs/o1"
    frames = [e for e in progress if e["stage"] == "render"]
    assert frames and all(e["frames"] == result["report"]["frames"] for e in frames)
    assert [e["frame"] for e in frames] == sorted(e["frame"] for e in frames)
    store = talker.artifacts
    info = probe(store.file_path(OUTPUTS, "o1", VIDEO_NAME))
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    assert info.video_frames == result["report"]["frames"] and info.fps == 25
    report = json.loads(store.read_bytes(OUTPUTS, "o1", REPORT_NAME))
    assert report["source"] == "upload" and report["video"]["faststart"] is True


def test_tts_and_the_enhancer_are_hops(talker):
    events = _events(talker, _spec(text="Bob bought a map.", talk={"seed": 1, "enhance": True}))
    result = events[-1]
    assert result["event"] == "result", result
    assert "synthesize" in talker.runtime.h["tts"].calls
    assert "enhance" in talker.runtime.h["restoration"].calls
    assert result["report"]["source"] == "tts" and result["report"]["phonemes"] > 0
    assert (result["report"]["video"]["width"], result["report"]["video"]["height"]) == (512, 512)


@pytest.mark.parametrize("spec, error_type", [
    ({"portrait": b"not an image", "text": "hi"}, "ImageDecodeError"),
    ({"text": "hi", "talk": {"size": 300}}, "ValidationError"),
    ({"text": "hi", "audio": b"RIFF"}, "InvalidInputError"),
])
def test_bad_specs_are_error_events(talker, spec, error_type):
    [event] = _events(talker, _spec(**spec))
    assert event["event"] == "error" and event["type"] == error_type, event
    assert event["message"]


def test_a_portrait_without_a_face_is_an_error_event(talker):
    import io

    from PIL import Image

    blank = io.BytesIO()
    Image.new("RGB", (128, 128), (120, 120, 120)).save(blank, format="PNG")
    events = _events(talker, _spec(portrait=blank.getvalue(), text="Hello there."))
    assert events[-1]["event"] == "error" and events[-1]["type"] == "NoUsableFaceError"
    assert not talker.artifacts.exists(OUTPUTS, "o1")


def test_closing_the_stream_stops_the_render_and_stores_nothing(talker, tmp_path):
    audio = (SPEECH / "espeak_upload.wav").read_bytes()
    started = time.perf_counter()
    events = _events(talker, _spec(audio=audio), stop_after=3)
    assert len(events) == 3 and all(e["event"] == "progress" for e in events)
    assert time.perf_counter() - started < 30
    assert not talker.artifacts.exists(OUTPUTS, "o1")
    leftovers = list(Path(tmp_path / "artifacts").rglob("*.mp4"))
    assert leftovers == []
