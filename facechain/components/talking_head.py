"""Talking head (role ``talking_head``): a portrait + speech -> the video's frames, in order.

The talk pipeline (``facechain/pipelines/talk.py``) calls exactly this interface, whichever
backend the profile names:

- ``check_portrait(portrait, params) -> dict``: validation before the job starts (face box in the
  portrait's pixels, frame size); raises :class:`~facechain.errors.NoUsableFaceError` with a
  reason (``no_face``, ``multiple_faces``, ``face_too_small``, ``no_mesh``).
- ``animate(portrait, audio, params, *, signals=None, progress=None, cancelled=None)`` ->
  iterator of RGB uint8 frames at 25 fps. The portrait is validated when ``animate`` is called
  (not at the first ``next``); ``progress(frame, frames)`` is called after each frame and
  ``cancelled()`` checked before each one (True -> :class:`~facechain.errors.CancelledError`).
  The pipeline encodes the frames itself (H.264 yuv420p, even sizes, AAC; reference §5).

Backends:

- ``mesh_warp`` (offline default, :class:`MeshWarpTalkingHead`): the classical renderer of
  :mod:`facechain.talk.mesh_warp` driven by :class:`~facechain.types.DrivingSignals`. The
  pipeline normally passes ``signals`` (computed once by ``facechain.talk.driving``); without
  them ``animate`` computes them from the audio. Options: ``jaw_gain`` (1.0), ``min_face``
  (64 px face height). Deterministic for the same signals.
- ``sadtalker`` (the paper's model, :class:`SadTalkerTalkingHead`): ModelScope's
  ``talking-head`` pipeline with ``wwd123/sadtalker`` (revision v1.0.0, as FaceChain v3.0.0 calls
  it; reference §1.1), built once per instance (FaceChain rebuilds it per call), called with
  FaceChain's kwargs; its mp4 is decoded back to frames so the pipeline re-encodes it (SadTalker's
  ``full`` mode writes MPEG-4 Part 2, which browsers do not play; §1.4). ``signals`` are ignored:
  SadTalker drives itself from the audio (and is not deterministic, §1.3). Missing ``modelscope``
  or weights is a :class:`~facechain.errors.ModelSourceError` naming the role and the model id.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from facechain.errors import CancelledError, InvalidInputError, ModelSourceError
from facechain.registry import (
    ResolvedSource,
    build_modelscope_pipeline,
    register_backend,
    require_builtin,
)
from facechain.talk.mesh_warp import MeshWarpAnimator, PreparedPortrait
from facechain.talk.params import FPS, TalkParams
from facechain.types import Audio, DrivingSignals

logger = logging.getLogger(__name__)

ROLE = "talking_head"
SADTALKER_MODEL_ID = "wwd123/sadtalker"
SADTALKER_REVISION = "v1.0.0"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _check_audio(audio: Audio) -> None:
    if not isinstance(audio, Audio) or audio.sample_rate <= 0 or len(audio.samples) == 0:
        raise InvalidInputError("audio must be a non-empty facechain.types.Audio", param="audio")


def _check_signals(signals: DrivingSignals) -> None:
    n = signals.n_frames
    if n <= 0:
        raise InvalidInputError("driving signals have no frames", param="signals")
    for name in ("mouth_width", "lip_press", "blink", "roll", "scale"):
        if len(getattr(signals, name)) != n:
            raise InvalidInputError(f"driving signal {name} has {len(getattr(signals, name))} "
                                    f"entries, mouth_open {n}", param="signals")
    if np.shape(signals.shift) != (n, 2):
        raise InvalidInputError(f"driving signal shift must be ({n}, 2), got "
                                f"{np.shape(signals.shift)}", param="signals")


class MeshWarpTalkingHead:
    """The ``mesh_warp`` backend: :class:`~facechain.talk.mesh_warp.MeshWarpAnimator` behind the
    role's interface. The last prepared portrait is cached (keyed by its bytes and framing), so
    ``check_portrait`` then ``animate`` on the same photo fits the mesh once."""

    backend = "mesh_warp"

    def __init__(self, *, jaw_gain: float = 1.0, min_face: int = 64,
                 animator: MeshWarpAnimator | None = None):
        self.animator = animator or MeshWarpAnimator(jaw_gain=jaw_gain, min_face=min_face)
        self._cache: tuple[tuple, PreparedPortrait] | None = None
        self._lock = threading.Lock()

    def prepare(self, portrait: np.ndarray, params: TalkParams) -> PreparedPortrait:
        """The animator's prepared portrait for these params (cached for the last photo)."""
        if not isinstance(portrait, np.ndarray):
            raise InvalidInputError("portrait must be an RGB uint8 array", param="portrait")
        key = (hashlib.sha1(np.ascontiguousarray(portrait).data).hexdigest(), portrait.shape,
               params.preprocess, params.size)
        with self._lock:
            if self._cache is not None and self._cache[0] == key:
                return self._cache[1]
        prepared = self.animator.prepare(portrait, preprocess=params.preprocess, size=params.size)
        with self._lock:
            self._cache = (key, prepared)
        return prepared

    def check_portrait(self, portrait: np.ndarray, params: TalkParams) -> dict[str, Any]:
        """Validate the portrait for ``params``; raises NoUsableFaceError. Returns the face box
        (x0, y0, x1, y1 in portrait pixels), face height (px), frame size (width, height)."""
        prepared = self.prepare(portrait, params)
        return {"face_box": [round(v, 1) for v in prepared.face_box],
                "face_height": round(prepared.face_height / abs(prepared.transform[1, 1]), 1),
                "frame_size": list(prepared.frame_size), "preprocess": params.preprocess,
                "size": params.size}

    def animate(self, portrait: np.ndarray, audio: Audio, params: TalkParams, *,
                signals: DrivingSignals | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Iterator[np.ndarray]:
        """Frames of the portrait speaking ``audio`` (see the module docstring)."""
        prepared = self.prepare(portrait, params)
        if signals is None:
            _check_audio(audio)
            from facechain.talk.driving import driving_signals  # the audio -> signals stage

            signals = driving_signals(audio, params, fps=FPS)
        _check_signals(signals)
        return self._frames(prepared, signals, progress, cancelled)

    def _frames(self, prepared: PreparedPortrait, signals: DrivingSignals,
                progress: Progress | None, cancelled: Cancelled | None) -> Iterator[np.ndarray]:
        total = signals.n_frames
        for i in range(total):
            if cancelled is not None and cancelled():
                raise CancelledError(f"talking-head render cancelled at frame {i} of {total}")
            yield self.animator.render(prepared, signals, i)
            if progress is not None:
                progress(i + 1, total)


@register_backend(ROLE, "mesh_warp")
def build_mesh_warp(source: ResolvedSource, **options: Any) -> MeshWarpTalkingHead:
    """Source ``builtin`` (the MediaPipe and dlib models inside their wheels). Options:
    ``jaw_gain``, ``min_face``."""
    require_builtin(source, "mesh_warp", "uses the MediaPipe face mesh inside the mediapipe wheel")
    try:
        return MeshWarpTalkingHead(**options)
    except TypeError as exc:  # unknown option names
        raise ModelSourceError(ROLE, f"bad options for mesh_warp: {exc}") from exc


# --- SadTalker ---------------------------------------------------------------------------------

WEIGHT_PATTERNS = ("*.safetensors", "*.pth", "*.pth.tar", "*.tar", "*.pt")


def _write_wav(path: Path, audio: Audio) -> None:
    pcm = np.clip(np.asarray(audio.samples, np.float32), -1.0, 1.0)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(audio.sample_rate))
        out.writeframes((pcm * 32767.0).astype("<i2").tobytes())


def _video_path(result: Any) -> Path:
    """The mp4 path out of whatever the ModelScope pipeline returned (a path or a dict)."""
    if isinstance(result, dict):
        for key in ("output_video", "video", "output"):
            if isinstance(result.get(key), str | Path):
                return Path(result[key])
        values = [v for v in result.values() if isinstance(v, str | Path)]
        result = values[0] if values else None
    if isinstance(result, str | Path) and Path(result).is_file():
        return Path(result)
    raise ModelSourceError(ROLE, f"SadTalker returned no video file ({result!r})")


def decode_video(path: Path) -> Iterator[np.ndarray]:
    """RGB uint8 frames of a video, cropped to even sizes (imageio-ffmpeg's ffmpeg)."""
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    width, height = meta["size"]
    try:
        for raw in reader:
            frame = np.frombuffer(raw, np.uint8).reshape(height, width, 3)
            yield np.ascontiguousarray(frame[: height - height % 2, : width - width % 2])
    finally:
        reader.close()


class SadTalkerTalkingHead:
    """The ``sadtalker`` backend around a built ModelScope ``talking-head`` pipeline (one call at
    a time per instance). ``batch_size`` is SadTalker's face-render batch (1..10)."""

    backend = "sadtalker"

    def __init__(self, pipeline: Callable[..., Any], *, batch_size: int = 1,
                 detector: MeshWarpAnimator | None = None):
        if not 1 <= int(batch_size) <= 10:
            raise ModelSourceError(ROLE, f"batch_size must be 1..10, got {batch_size}")
        self._pipeline = pipeline
        self.batch_size = int(batch_size)
        self._checker = MeshWarpTalkingHead(animator=detector)
        self._lock = threading.Lock()

    def check_portrait(self, portrait: np.ndarray, params: TalkParams) -> dict[str, Any]:
        """Same validation as mesh_warp (SadTalker itself fails late and untyped on bad faces);
        frame size is SadTalker's: ``size`` square for crop / resize, the photo for full."""
        info = self._checker.check_portrait(portrait, params)
        if params.preprocess != "full":
            info["frame_size"] = [params.size, params.size]
        return info

    def animate(self, portrait: np.ndarray, audio: Audio, params: TalkParams, *,
                signals: DrivingSignals | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Iterator[np.ndarray]:
        """SadTalker's frames for the portrait and audio (``signals`` are not used)."""
        _check_audio(audio)
        self.check_portrait(portrait, params)
        return self._run(portrait, audio, params, progress, cancelled)

    def _run(self, portrait, audio, params, progress, cancelled) -> Iterator[np.ndarray]:
        with tempfile.TemporaryDirectory(prefix="sadtalker-") as tmp:
            work = Path(tmp)
            image_path, wav_path = work / "portrait.png", work / "speech.wav"
            cv2.imwrite(str(image_path), cv2.cvtColor(portrait, cv2.COLOR_RGB2BGR))
            _write_wav(wav_path, audio)
            kwargs = {"preprocess": params.preprocess, "still_mode": bool(params.still),
                      "use_enhancer": False, "batch_size": self.batch_size,
                      "size": int(params.size), "pose_style": int(params.pose_style),
                      "exp_scale": float(params.expression_scale),
                      "result_dir": str(work / "result")}
            if cancelled is not None and cancelled():
                raise CancelledError("talking-head render cancelled before SadTalker ran")
            try:  # PoseVAE samples a latent: seed torch so a seed means something
                import torch

                torch.manual_seed(int(params.seed))
            except ImportError:  # pragma: no cover - SadTalker needs torch anyway
                pass
            with self._lock:
                try:
                    result = self._pipeline(str(image_path), driven_audio=str(wav_path), **kwargs)
                except Exception as exc:
                    raise ModelSourceError(ROLE, f"SadTalker ({SADTALKER_MODEL_ID}) failed: "
                                                 f"{exc}") from exc
            video = _video_path(result)
            total = max(1, int(np.floor(audio.duration * FPS)))
            for i, frame in enumerate(decode_video(video)):
                if cancelled is not None and cancelled():
                    raise CancelledError(f"talking-head decode cancelled at frame {i}")
                yield frame
                if progress is not None:
                    progress(i + 1, max(total, i + 1))


@register_backend(ROLE, "sadtalker")
def build_sadtalker(source: ResolvedSource, *, batch_size: int = 1,
                    trust_remote_code: bool = True) -> SadTalkerTalkingHead:
    """``source: modelscope:wwd123/sadtalker@v1.0.0`` (or a local copy of that model folder);
    needs the ``hub`` extra (modelscope) and SadTalker's own dependencies. Built once here."""
    what = f"sadtalker ({SADTALKER_MODEL_ID}@{SADTALKER_REVISION})"
    if source.path is not None:
        found = [p for pattern in WEIGHT_PATTERNS for p in source.path.rglob(pattern)]
        if not found:
            raise ModelSourceError(ROLE, f"{what}: no SadTalker weights (checkpoints "
                                         f"{', '.join(WEIGHT_PATTERNS)}) under {source.path}")
    pipe = build_modelscope_pipeline(source, "talking-head", SADTALKER_MODEL_ID, what=what,
                                     trust_remote_code=trust_remote_code)
    return SadTalkerTalkingHead(pipe, batch_size=batch_size)
