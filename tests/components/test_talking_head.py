"""Role ``talking_head``: the mesh_warp backend behind the shared interface (check_portrait,
animate with progress / cancellation / lazily computed signals) and the sadtalker backend's
loader errors and output decoding (its real model cannot run here)."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import cv2
import numpy as np
import pytest

from facechain.components.talking_head import (
    SADTALKER_MODEL_ID,
    MeshWarpTalkingHead,
    SadTalkerTalkingHead,
    build_sadtalker,
)
from facechain.errors import CancelledError, ModelSourceError, NoUsableFaceError
from facechain.registry import ModelRegistry, ResolvedSource
from facechain.talk.params import TalkParams
from facechain.types import Audio, DrivingSignals

FACES = Path(__file__).resolve().parents[1] / "fixtures" / "faces"
HAS_MODELSCOPE = importlib.util.find_spec("modelscope") is not None


def signals(n: int, mouth_open=0.0) -> DrivingSignals:
    z = np.zeros(n)
    return DrivingSignals(fps=25.0, mouth_open=np.broadcast_to(mouth_open, (n,)).astype(float),
                          mouth_width=z.copy(), lip_press=z.copy(), blink=z.copy(),
                          roll=z.copy(), shift=np.zeros((n, 2)), scale=np.ones(n))


@pytest.fixture(scope="module")
def portrait():
    image = cv2.cvtColor(cv2.imread(str(FACES / "biden.jpg")), cv2.COLOR_BGR2RGB)
    return cv2.resize(image, (image.shape[1] // 2, image.shape[0] // 2),
                      interpolation=cv2.INTER_AREA)


@pytest.fixture(scope="module")
def audio():
    t = np.arange(16000) / 16000.0
    return Audio(samples=(0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), sample_rate=16000)


@pytest.fixture(scope="module")
def head(tmp_path_factory):
    path = tmp_path_factory.mktemp("profile") / "p.yaml"
    path.write_text("roles:\n  talking_head: {backend: mesh_warp, options: {jaw_gain: 1.0}}\n")
    built = ModelRegistry.load(path).build("talking_head")
    assert isinstance(built, MeshWarpTalkingHead)
    return built


def test_check_portrait_reports_face_and_frame_size(head, portrait):
    info = head.check_portrait(portrait, TalkParams(preprocess="crop", size=256))
    assert info["frame_size"] == [256, 256]
    x0, y0, x1, y1 = info["face_box"]
    assert 0 <= x0 < x1 <= portrait.shape[1] and 0 <= y0 < y1 <= portrait.shape[0]
    assert info["face_height"] > 64
    full = head.check_portrait(portrait, TalkParams(preprocess="full"))
    assert full["frame_size"] == [portrait.shape[1] // 2 * 2, portrait.shape[0] // 2 * 2]
    with pytest.raises(NoUsableFaceError) as err:
        head.check_portrait(np.zeros((300, 300, 3), np.uint8), TalkParams())
    assert err.value.reason == "no_face"


def test_animate_yields_every_frame_with_progress(head, portrait, audio):
    calls = []
    frames = list(head.animate(portrait, audio, TalkParams(size=256), signals=signals(5, 0.8),
                               progress=lambda i, n: calls.append((i, n))))
    assert len(frames) == 5 and all(f.shape == (256, 256, 3) and f.dtype == np.uint8
                                    for f in frames)
    assert calls == [(i, 5) for i in range(1, 6)]


def test_animate_validates_the_portrait_before_the_first_frame(head, audio):
    with pytest.raises(NoUsableFaceError):
        head.animate(np.full((200, 200, 3), 90, np.uint8), audio, TalkParams(),
                     signals=signals(3))  # raised by the call itself, not by next()


def test_cancel_stops_mid_render(head, portrait, audio):
    seen = []
    stream = head.animate(portrait, audio, TalkParams(), signals=signals(10),
                          cancelled=lambda: len(seen) >= 3)
    with pytest.raises(CancelledError):
        for frame in stream:
            seen.append(frame)
    assert len(seen) == 3


def test_signals_come_from_the_driving_stage_when_not_given(head, portrait, audio, monkeypatch):
    calls = []

    def driving_signals(a, params, n_frames=None, *, fps=25):
        calls.append((a, params, fps))
        return signals(4, 0.5)

    fake = types.ModuleType("facechain.talk.driving")
    fake.driving_signals = driving_signals
    monkeypatch.setitem(sys.modules, "facechain.talk.driving", fake)
    params = TalkParams(seed=7)
    frames = list(head.animate(portrait, audio, params))
    assert len(frames) == 4 and calls == [(audio, params, 25)]


def test_mesh_warp_rejects_unknown_options_and_hub_sources():
    from facechain.components.talking_head import build_mesh_warp

    builtin = ResolvedSource("talking_head", "builtin", "", None)
    with pytest.raises(ModelSourceError, match="talking_head"):
        build_mesh_warp(builtin, warp_quality="best")
    with pytest.raises(ModelSourceError, match="builtin"):
        build_mesh_warp(ResolvedSource("talking_head", "local", "x", Path("/tmp")))


# --- sadtalker -------------------------------------------------------------------------------

@pytest.mark.skipif(HAS_MODELSCOPE, reason="checks the error when modelscope is not installed")
def test_sadtalker_without_modelscope_is_a_model_source_error(tmp_path):
    path = tmp_path / "paper.yaml"
    path.write_text("roles:\n  talking_head: {backend: sadtalker, "
                    "source: 'modelscope:wwd123/sadtalker@v1.0.0'}\n")
    with pytest.raises(ModelSourceError) as err:
        ModelRegistry.load(path).build("talking_head")
    assert err.value.role == "talking_head" and SADTALKER_MODEL_ID in str(err.value)
    assert "hub" in str(err.value)
    # a local snapshot with weights but no modelscope: same, naming the model and the extra
    (tmp_path / "snap" / "checkpoints").mkdir(parents=True)
    (tmp_path / "snap" / "checkpoints" / "SadTalker_V0.0.2_256.safetensors").write_bytes(b"0")
    with pytest.raises(ModelSourceError) as err:
        build_sadtalker(ResolvedSource("talking_head", "local", "snap", tmp_path / "snap"))
    assert SADTALKER_MODEL_ID in str(err.value) and "hub" in str(err.value)


def test_sadtalker_without_weights_says_what_is_missing(tmp_path):
    with pytest.raises(ModelSourceError) as err:
        build_sadtalker(ResolvedSource("talking_head", "builtin", "", None))
    assert "modelscope:wwd123/sadtalker" in str(err.value)
    with pytest.raises(ModelSourceError) as err:
        build_sadtalker(ResolvedSource("talking_head", "local", "empty", tmp_path))
    assert SADTALKER_MODEL_ID in str(err.value) and "weights" in str(err.value)


def test_sadtalker_output_video_is_decoded_to_even_frames(portrait, audio):
    """A stand-in pipeline with SadTalker's call signature writes an odd-sized mp4 (as ``full``
    mode can); the backend passes FaceChain's kwargs and decodes it back to even frames."""
    import imageio_ffmpeg

    seen = {}

    def fake_pipeline(source_image, driven_audio, **kwargs):
        seen.update(kwargs, source_image=source_image, driven_audio=driven_audio)
        assert Path(source_image).is_file() and Path(driven_audio).is_file()
        out = Path(kwargs["result_dir"])
        out.mkdir(parents=True, exist_ok=True)
        video = out / "result.mp4"
        writer = imageio_ffmpeg.write_frames(str(video), (67, 51), fps=25, macro_block_size=1,
                                             codec="mpeg4", ffmpeg_log_level="error")
        writer.send(None)
        for k in range(6):
            writer.send(np.full((51, 67, 3), 40 * k, np.uint8))
        writer.close()
        return str(video)

    head = SadTalkerTalkingHead(fake_pipeline, batch_size=2)
    params = TalkParams(preprocess="full", still=True, pose_style=0, expression_scale=1.0)
    calls = []
    frames = list(head.animate(portrait, audio, params, progress=lambda i, n: calls.append(i)))
    assert len(frames) == 6 and frames[0].shape == (50, 66, 3)
    assert calls == [1, 2, 3, 4, 5, 6]
    assert {k: seen[k] for k in ("preprocess", "still_mode", "use_enhancer", "batch_size", "size",
                                 "pose_style", "exp_scale")} == {
        "preprocess": "full", "still_mode": True, "use_enhancer": False, "batch_size": 2,
        "size": 256, "pose_style": 0, "exp_scale": 1.0}
