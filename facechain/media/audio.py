"""Speech audio: decoding uploads, resampling, video framing, silence check, wav out.

Conventions (fact sheet ``talking-head.md`` sections 1.3, 1.4 and 5):

- The ffmpeg binary is the one shipped in the imageio-ffmpeg wheel (:func:`ffmpeg_exe`); no system
  ffmpeg or ffprobe is assumed.
- :class:`~facechain.types.Audio` is mono float32 in [-1, 1]. Uploads are decoded to 16 kHz by
  default, SadTalker's rate (its delivered audio is 16 kHz whatever the input rate was).
- Video framing follows SadTalker: at ``fps`` frames per second (25, hard-coded there), video frame
  ``i`` covers ``[i/fps, (i+1)/fps)`` of the audio and a clip has ``floor(duration * fps)`` frames
  (:func:`frame_count`); the audio is cut to ``frames / fps`` seconds before muxing.
- Decoding (:func:`decode_audio`) takes any container/codec ffmpeg reads among the audio formats
  of :data:`INPUT_FORMATS` (wav, mp3, ogg/opus/vorbis, webm/mkv, m4a/mp4, flac, aac, aiff, caf):
  the demuxer whitelist keeps playlist-like formats (HLS, concat) that would make ffmpeg open
  other files or URLs away from user bytes. Bytes go through a temp file, since mp4/m4a need a
  seekable input (their index may sit at the end). The decode stops at ``max_seconds + 1`` s, so a
  one-hour upload costs one limit's worth of decoding, not an hour's.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np
from scipy.signal import resample_poly

from facechain.errors import (
    AudioDecodeError,
    AudioTooLongError,
    InvalidInputError,
    SilentAudioError,
)
from facechain.types import Audio, PhonemeTiming

DEFAULT_SAMPLE_RATE = 16000  # SadTalker's working rate
DEFAULT_MAX_SECONDS = 300.0
DEFAULT_MIN_SECONDS = 0.5
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # ~ 40 min of 128 kb/s mp3, 4.5 min of 48 kHz stereo wav
DECODE_TIMEOUT_S = 120.0
# ffmpeg demuxer names (as `ffmpeg -formats` spells them) an upload may be parsed with.
INPUT_FORMATS = ("wav", "w64", "mp3", "ogg", "matroska", "webm", "mov", "mp4", "m4a", "flac",
                 "aac", "aiff", "caf")
SPEECH_FRAME_S = 0.020  # the analysis frame of check_speech
DEFAULT_FLOOR_DB = -50.0
DEFAULT_MIN_VOICED_S = 0.1


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary of the imageio-ffmpeg wheel (env ``IMAGEIO_FFMPEG_EXE`` first)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg_reason(stderr: str | bytes, *paths: str | os.PathLike) -> str:
    """One short, user-presentable line from ffmpeg's stderr: the known failures named in plain
    words, otherwise its first line naming an error (or its last line), with the
    ``[component @ 0x...]`` prefixes and our own (temp) file paths removed, at most 200
    characters."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    if "Invalid data found when processing input" in text:
        return "not a recognised audio/video format, or corrupt data"
    if "not on whitelist" in text:
        return "container format not accepted"
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return "ffmpeg failed without a message"
    line = next((ln for ln in lines if "rror" in ln), lines[-1])  # the first error, else the last
    line = re.sub(r"\[[^\]]*@ 0x[0-9a-f]+\]\s*", "", line)
    for p in paths:
        for form in (f"file:{p}", str(p)):
            line = line.replace(form, "<input>")
    return line[:200]


def decode_audio(data: bytes | bytearray | memoryview | str | os.PathLike, *,
                 sample_rate: int = DEFAULT_SAMPLE_RATE,
                 max_seconds: float = DEFAULT_MAX_SECONDS,
                 min_seconds: float = DEFAULT_MIN_SECONDS,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 param: str = "audio") -> Audio:
    """Decode audio bytes (or a file path) to mono float32 at ``sample_rate``.

    ffmpeg downmixes (``-ac 1`` with ``-rematrix_maxval 1``: its downmix matrix normalised to unit
    gain, so stereo becomes the mean of L and R and never clips; ffmpeg's default would be
    (L + R) / sqrt(2)) and resamples (swresample). Raises
    :class:`AudioDecodeError` for empty or undecodable data or data without an audio stream,
    :class:`AudioTooLongError` above ``max_bytes`` or ``max_seconds``, and
    :class:`InvalidInputError` below ``min_seconds``; each carries ``param``.
    """
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        try:
            size = path.stat().st_size
        except OSError as e:
            raise AudioDecodeError(f"cannot read audio file {path.name}: {e.strerror}",
                                   param=param) from None
        _check_size(size, max_bytes, param)
        return _decode_file(path, sample_rate, max_seconds, min_seconds, param)
    data = bytes(data)
    _check_size(len(data), max_bytes, param)
    with tempfile.NamedTemporaryFile(prefix="fc-audio-", suffix=".bin") as f:
        f.write(data)
        f.flush()
        return _decode_file(Path(f.name), sample_rate, max_seconds, min_seconds, param)


def _check_size(size: int, max_bytes: int, param: str) -> None:
    if size == 0:
        raise AudioDecodeError("empty audio file (0 bytes)", param=param)
    if size > max_bytes:
        raise AudioTooLongError(f"audio file is {size / 1e6:.1f} MB, above the limit of "
                                f"{max_bytes / 1e6:.1f} MB", param=param)


def _decode_file(path: Path, sample_rate: int, max_seconds: float, min_seconds: float,
                 param: str) -> Audio:
    src = f"file:{path.resolve()}"  # "file:" so a name with a colon is never read as a protocol
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error",
           "-protocol_whitelist", "file", "-format_whitelist", ",".join(INPUT_FORMATS),
           "-i", src, "-map", "0:a:0", "-vn", "-sn", "-dn",
           "-ac", "1", "-rematrix_maxval", "1", "-ar", str(int(sample_rate)),
           "-t", f"{max_seconds + 1.0:.3f}",
           "-f", "f32le", "-c:a", "pcm_f32le", "pipe:1"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=DECODE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise AudioDecodeError(f"decoding the audio took over {DECODE_TIMEOUT_S:.0f} s",
                               param=param) from None
    if proc.returncode != 0:
        if b"matches no streams" in proc.stderr:  # -map 0:a:0 found nothing
            raise AudioDecodeError("cannot decode the audio: the file has no audio stream",
                                   param=param)
        raise AudioDecodeError("cannot decode the audio: "
                               + ffmpeg_reason(proc.stderr, path.resolve(), path), param=param)
    usable = len(proc.stdout) // 4 * 4
    samples = np.frombuffer(proc.stdout[:usable], dtype="<f4").astype(np.float32)
    if samples.size == 0:
        raise AudioDecodeError("cannot decode the audio: no audio samples in the file",
                               param=param)
    samples = np.clip(np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0)
    audio = Audio(samples=samples, sample_rate=int(sample_rate))
    if audio.duration > max_seconds:
        raise AudioTooLongError(f"audio is longer than the limit of {max_seconds:g} s",
                                param=param)
    if audio.duration < min_seconds:
        raise InvalidInputError(f"audio is {audio.duration:.2f} s long, below the minimum of "
                                f"{min_seconds:g} s", param=param)
    return audio


def resample(audio: Audio, sample_rate: int) -> Audio:
    """The same audio at ``sample_rate`` (polyphase filter, :func:`scipy.signal.resample_poly`);
    phoneme timings are in seconds and stay as they are."""
    sample_rate = int(sample_rate)
    if sample_rate == audio.sample_rate:
        return audio
    g = math.gcd(sample_rate, audio.sample_rate)
    out = resample_poly(audio.samples.astype(np.float32), sample_rate // g, audio.sample_rate // g)
    out = np.clip(out, -1.0, 1.0).astype(np.float32)
    return Audio(samples=out, sample_rate=sample_rate, phonemes=audio.phonemes)


def cut(audio: Audio, seconds: float) -> Audio:
    """The first ``seconds`` of the audio (unchanged when it is shorter); phonemes starting at or
    after the cut are dropped, the one spanning it ends at the cut."""
    if seconds < 0:
        raise ValueError(f"cut length must be >= 0, got {seconds}")
    n = int(round(seconds * audio.sample_rate))
    if n >= len(audio.samples):
        return audio
    end = n / audio.sample_rate
    phonemes = None
    if audio.phonemes is not None:
        phonemes = tuple(PhonemeTiming(p.phoneme, p.start, min(p.end, end))
                         for p in audio.phonemes if p.start < end)
    return Audio(samples=audio.samples[:n], sample_rate=audio.sample_rate, phonemes=phonemes)


def frame_count(audio: Audio, fps: float = 25) -> int:
    """Video frames for the audio: ``floor(duration * fps)`` (SadTalker's convention: a trailing
    partial frame is dropped). Exact integer arithmetic for integral ``fps``."""
    n = len(audio.samples)
    if float(fps).is_integer():
        return n * int(fps) // audio.sample_rate
    return math.floor(n * fps / audio.sample_rate + 1e-9)


def _frame_bounds(n_samples: int, sample_rate: int, n_frames: int, fps: float) -> np.ndarray:
    # Sample index where each frame starts (and the last one ends): floor(i * sr / fps).
    if float(fps).is_integer():
        b = np.arange(n_frames + 1, dtype=np.int64) * sample_rate // int(fps)
    else:
        b = np.floor(np.arange(n_frames + 1) * (sample_rate / fps) + 1e-9).astype(np.int64)
    return np.minimum(b, n_samples)


def frame_rms(audio: Audio, fps: float = 25) -> np.ndarray:
    """RMS of the samples of each video frame (frame ``i`` covers ``[i/fps, (i+1)/fps)``), float32,
    :func:`frame_count` entries."""
    n_frames = frame_count(audio, fps)
    bounds = _frame_bounds(len(audio.samples), audio.sample_rate, n_frames, fps)
    return _segment_rms(audio.samples, bounds, center=False)


def _segment_rms(samples: np.ndarray, bounds: np.ndarray, *, center: bool) -> np.ndarray:
    x = samples.astype(np.float64)
    cs2 = np.concatenate([[0.0], np.cumsum(x * x)])
    sq = cs2[bounds[1:]] - cs2[bounds[:-1]]
    count = np.maximum(np.diff(bounds), 1)
    if center:  # variance instead of mean square: a DC offset is not sound
        cs1 = np.concatenate([[0.0], np.cumsum(x)])
        s = cs1[bounds[1:]] - cs1[bounds[:-1]]
        sq = sq - s * s / count
    return np.sqrt(np.maximum(sq / count, 0.0)).astype(np.float32)


def speech_frame_db(audio: Audio) -> np.ndarray:
    """Level of each 20 ms frame in dB relative to full scale (an RMS of 1.0 = 0 dB, so a
    full-scale sine is -3 dB), the frame's mean (DC offset) removed first; floored at -120 dB."""
    per = max(1, int(round(SPEECH_FRAME_S * audio.sample_rate)))
    n_frames = len(audio.samples) // per
    if n_frames == 0:
        return np.zeros(0, dtype=np.float32)
    bounds = np.arange(n_frames + 1, dtype=np.int64) * per
    rms = _segment_rms(audio.samples, bounds, center=True)
    return (20.0 * np.log10(np.maximum(rms, 1e-6))).astype(np.float32)


def check_speech(audio: Audio, *, floor_db: float = DEFAULT_FLOOR_DB,
                 min_voiced: float = DEFAULT_MIN_VOICED_S, param: str = "audio") -> None:
    """Raise :class:`SilentAudioError` unless the audio has sound in it.

    Rule: split the audio into 20 ms frames, take each frame's RMS around its mean (in dB re full
    scale, see :func:`speech_frame_db`); the audio passes when frames above ``floor_db`` add up to
    at least ``min_voiced`` seconds (0.1 s: five frames, so a lone click does not count as speech).
    Digital silence, a DC offset and noise at -70 dB fail; speech peaks around -30..-10 dB. This
    is an energy test, not voice detection: loud music or noise passes.
    """
    db = speech_frame_db(audio)
    voiced = int(np.count_nonzero(db > floor_db))
    needed = max(1, int(math.ceil(min_voiced / SPEECH_FRAME_S - 1e-9)))
    if voiced < needed:
        peak = float(db.max()) if db.size else -120.0
        raise SilentAudioError(
            f"the audio is silent: {voiced * SPEECH_FRAME_S:.2f} s above {floor_db:g} dBFS "
            f"(needs {min_voiced:g} s; loudest 20 ms: {peak:.0f} dBFS)", param=param)


def to_wav_bytes(audio: Audio) -> bytes:
    """16-bit PCM mono wav of the audio (samples clipped to [-1, 1], rounded)."""
    pcm = np.round(np.clip(audio.samples, -1.0, 1.0) * 32767.0).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(audio.sample_rate))
        w.writeframes(pcm.tobytes())
    return buf.getvalue()
