"""Talking head: a portrait and speech to a lip-synced mp4 (FaceChain's "Audio Driven Talking
Head" tab, which calls SadTalker; facts in ``shared/reference/talking-head.md``).

Steps (:func:`atalk`):

1. speech: TTS of ``text`` with ``voice`` (the ``tts`` role; Piper gives exact phoneme timings),
   or an upload decoded by the shipped ffmpeg (any format, mono, 22.05 kHz); the length limit;
   silence is :class:`SilentAudioError`;
2. the portrait: exactly one usable face, checked by the ``talking_head`` role before any frame
   (:class:`NoUsableFaceError` names the reason);
3. driving signals at 25 fps (SadTalker's rate; ``floor(seconds * 25)`` frames): mouth from the
   phoneme timings or, for uploads, the energy envelope and spectral cues; seeded blinks; seeded
   head motion from ``pose_style`` (none in still mode) (:mod:`facechain.talk.driving`);
4. frames from the ``talking_head`` role, in chunks of :data:`CHUNK` frames;
5. with ``enhance``: x2 by the ``face_restoration`` role, per chunk (crop mode: the whole frame,
   which is the face; full / resize: the face region, Lanczos elsewhere);
6. the mp4: H.264 yuv420p, even sizes, 25 fps CFR, AAC, ``+faststart``, the audio cut to the
   video's length (:class:`facechain.media.video.Mp4Writer`), then probed: an empty or
   undecodable file is :class:`MediaEncodeError`, never a result.

Frames stream from the renderer to the encoder chunk by chunk, so memory stays flat whatever
the clip's length. ``progress(stage, frame, frames)`` is called per frame; ``cancel`` (an event
or a callable) is checked per frame, and a cancelled render leaves no file behind.

The pipeline runs where the ``talking_head`` component lives (in-process for the CLI, the
``TalkingHead`` deployment when served); ``synthesize`` and ``enhance`` may be hops to their
own deployments.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from facechain.errors import AudioTooLongError, CancelledError, InvalidInputError
from facechain.media.audio import check_speech, cut, decode_audio, frame_count, resample
from facechain.media.video import MediaInfo, Mp4Writer
from facechain.talk.driving import driving_signals
from facechain.talk.params import FPS, TalkParams
from facechain.types import Audio, DrivingSignals

logger = logging.getLogger(__name__)

SAMPLE_RATE = 22050  # the audio the video carries (Piper's rate; uploads are resampled to it)
MAX_SECONDS = 120.0  # speech per talk request (a CPU renders ~2x real time; a job, not a call)
MIN_SECONDS = 0.5
CHUNK = 25  # frames per render / enhance / encode step (one second)

Progress = Callable[[str, int, int], None]  # (stage, frame, frames)


class TalkComponents(Protocol):
    def component(self, role: str) -> Any: ...  # the local ``talking_head`` animator
    async def synthesize(self, text: str, voice: str | None = None,
                         seed: int | None = None) -> Audio: ...
    async def enhance(self, frames: list[np.ndarray], boxes: list | None = None
                      ) -> list[np.ndarray]: ...


@dataclass(frozen=True)
class Speech:
    """What the portrait says: an upload (``audio``: bytes in any format ffmpeg reads, or an
    already decoded :class:`Audio`) or ``text`` for TTS with ``voice`` (None: the default)."""

    audio: bytes | Audio | None = None
    text: str | None = None
    voice: str | None = None

    def __post_init__(self):
        if (self.audio is None) == (self.text is None):
            raise InvalidInputError("give either audio or text (for TTS), not both or neither",
                                    param="audio")


@dataclass
class TalkOutput:
    path: Path                 # the mp4
    info: MediaInfo            # as probed after writing
    frames: int
    fps: float
    audio: Audio               # the driving speech (the video carries it cut to its length)
    portrait: dict             # the talking_head role's check: face box, frame size, mode
    signals: DrivingSignals
    source: str                # "tts" or "upload"
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @property
    def seconds(self) -> float:
        return self.frames / self.fps

    def report(self) -> dict:
        """JSON-serialisable summary (the CLI's report.json, the job's result)."""
        return {"frames": self.frames, "fps": self.fps, "seconds": round(self.seconds, 3),
                "audio_seconds": round(self.audio.duration, 3), "source": self.source,
                "phonemes": len(self.audio.phonemes) if self.audio.phonemes else 0,
                "video": self.info.to_dict(), "portrait": self.portrait,
                "timings": {k: round(v, 3) for k, v in self.timings.items()}}


def _cancelled(cancel: threading.Event | Callable[[], bool] | None) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event):
        return cancel.is_set
    return cancel


async def speech_audio(speech: Speech, components: TalkComponents, params: TalkParams, *,
                       max_seconds: float = MAX_SECONDS) -> tuple[Audio, str]:
    """Step 1: the driving speech at :data:`SAMPLE_RATE` and where it came from."""
    if speech.text is not None:
        audio = await components.synthesize(speech.text, speech.voice, params.seed)
        source = "tts"
    elif isinstance(speech.audio, Audio):
        audio, source = speech.audio, "upload"
    else:
        audio = await asyncio.to_thread(decode_audio, speech.audio, sample_rate=SAMPLE_RATE,
                                        max_seconds=max_seconds, min_seconds=MIN_SECONDS)
        source = "upload"
    if audio.sample_rate != SAMPLE_RATE:
        audio = resample(audio, SAMPLE_RATE)
    if audio.duration > max_seconds:
        raise AudioTooLongError(f"{audio.duration:.1f} s of speech; at most {max_seconds:.0f} s",
                                param="text" if source == "tts" else "audio")
    check_speech(audio, param="text" if source == "tts" else "audio")
    return audio, source


def enhance_boxes(portrait_info: dict, portrait_shape: tuple[int, ...], n: int,
                  preprocess: str) -> list | None:
    """Per-frame face boxes for the enhancer in frame pixels (None in crop mode: the frame is
    the face)."""
    if preprocess == "crop":
        return None
    w, h = portrait_info["frame_size"]
    sx, sy = w / float(portrait_shape[1]), h / float(portrait_shape[0])
    x0, y0, x1, y1 = portrait_info["face_box"]
    box = (x0 * sx, y0 * sy, x1 * sx, y1 * sy)
    return [box] * n


def _take(frames: Iterator[np.ndarray], n: int) -> list[np.ndarray]:
    out = []
    for frame in frames:
        out.append(frame)
        if len(out) == n:
            break
    return out


def _write(writer: Mp4Writer, frames: list[np.ndarray]) -> None:
    for frame in frames:
        writer.write(frame)


async def atalk(portrait: np.ndarray, speech: Speech, params: TalkParams,
                components: TalkComponents, out_path: str | Path, *,
                progress: Progress | None = None,
                cancel: threading.Event | Callable[[], bool] | None = None,
                max_seconds: float = MAX_SECONDS, encoder_threads: int | None = None) -> TalkOutput:
    """Render ``portrait`` speaking ``speech`` to ``out_path`` (an mp4; see the module
    docstring). Same inputs and ``params.seed`` give the same frames."""
    is_cancelled = _cancelled(cancel)
    out_path = Path(out_path)
    timings: dict[str, float] = {}
    notify = progress or (lambda stage, frame, frames: None)
    head = components.component("talking_head")

    # 1. Speech (TTS or the upload)
    started = time.perf_counter()
    notify("speech", 0, 0)
    audio, source = await speech_audio(speech, components, params, max_seconds=max_seconds)
    timings["speech"] = time.perf_counter() - started

    # 2. The portrait: exactly one usable face
    started = time.perf_counter()
    info = await asyncio.to_thread(head.check_portrait, portrait, params)
    timings["portrait"] = time.perf_counter() - started

    # 3. Driving signals, one entry per video frame
    started = time.perf_counter()
    n = frame_count(audio, FPS)
    if n < 1:
        raise InvalidInputError("the speech is shorter than one video frame", param="audio")
    signals = await asyncio.to_thread(driving_signals, audio, params, n, fps=FPS)
    audio = cut(audio, n / FPS)
    timings["driving"] = time.perf_counter() - started
    if is_cancelled():
        raise CancelledError("talk cancelled before rendering")

    # 4.-6. Frames -> (x2) -> mp4, chunk by chunk
    frames_it = head.animate(portrait, audio, params, signals=signals,
                             progress=lambda frame, frames: notify("render", frame, frames),
                             cancelled=is_cancelled)
    timings.update(render=0.0, enhance=0.0, encode=0.0)
    boxes = enhance_boxes(info, portrait.shape, CHUNK, params.preprocess) if params.enhance else None
    with Mp4Writer(out_path, fps=FPS, audio=audio, threads=encoder_threads) as writer:
        written = 0
        while written < n:
            t0 = time.perf_counter()
            chunk = await asyncio.to_thread(_take, frames_it, min(CHUNK, n - written))
            timings["render"] += time.perf_counter() - t0
            if not chunk:
                break
            if params.enhance:
                t0 = time.perf_counter()
                notify("enhance", written, n)
                chunk = await components.enhance(chunk, None if boxes is None else boxes[:len(chunk)])
                timings["enhance"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            await asyncio.to_thread(_write, writer, chunk)
            timings["encode"] += time.perf_counter() - t0
            written += len(chunk)
            if is_cancelled():
                raise CancelledError(f"talk cancelled at frame {written} of {n}")
        if written != n:
            raise InvalidInputError(f"the renderer gave {written} of {n} frames", param="portrait")
        notify("encode", n, n)
        t0 = time.perf_counter()
        media = await asyncio.to_thread(writer.close)
        timings["encode"] += time.perf_counter() - t0
    return TalkOutput(path=out_path, info=media, frames=n, fps=float(FPS), audio=audio,
                      portrait=info, signals=signals, source=source, timings=timings)


def talk(portrait: np.ndarray, speech: Speech, params: TalkParams | None = None,
         out_path: str | Path = "video.mp4", components: TalkComponents | None = None,
         **kwargs) -> TalkOutput:
    """Synchronous facade over :func:`atalk` with in-process components."""
    from facechain.pipelines.runtime import LocalComponents

    return asyncio.run(atalk(portrait, speech, params or TalkParams(),
                             components or LocalComponents(), out_path, **kwargs))

