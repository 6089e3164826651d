"""MP4 output: writing (H.264 + AAC), probing and reading back.

Conventions (fact sheet ``talking-head.md`` section 5, what browsers play):

- MP4, H.264 (libx264) High, yuv420p (BT.709 matrix, tagged, limited range), constant frame rate
  (25 fps, SadTalker's), AAC-LC audio, ``-movflags +faststart`` (moov before mdat, so HTTP
  playback starts before the download ends). CRF 23 (x264's default) unless told otherwise.
- Even width and height: libx264 refuses odd sizes, and through ``imageio_ffmpeg.write_frames``
  with ``macro_block_size=1`` that refusal is silent and leaves a **0-byte file**. Here an odd
  width or height is **padded by one pixel** (the last column/row repeated); the :class:`MediaInfo`
  returned gives the size written. Frames are piped to our own ffmpeg subprocess (raw rgb24 on
  stdin), so an ffmpeg failure is seen at once (broken pipe, exit status) and every output is
  probed (:func:`probe`) before it is called a result: empty, undecodable, wrong codec, wrong
  frame count or no faststart raise :class:`MediaEncodeError`.
- Audio is fitted to the video, never the reverse: the wav muxed is cut (or padded with silence)
  to exactly ``frames / fps`` seconds (:func:`facechain.media.audio.cut`), as SadTalker cuts it.
  Since the frame count of a stream is only known at its end, video is encoded first (frames
  streamed to a video-only mp4) and the audio muxed in a second ffmpeg run (``-c:v copy``, AAC
  encode; cheap), as SadTalker does. No ``-shortest`` (imageio's ``audio_path`` would need it):
  with the wav already the video's length it adds nothing, and with stream copy it cut the
  *video* of a 1 s audio to 23 of 50 frames [measured].
- Files are written under temporary names in the target's directory and renamed into place only
  after the check, so a cancelled or failed write leaves no partial file; the ffmpeg process is
  killed and reaped.
- No ffprobe ships in imageio-ffmpeg: :func:`probe` parses ``ffmpeg -i``'s "Stream" lines, decodes
  the file completely (null muxer) to prove it decodable and count video frames, and reads the
  mp4 top-level boxes itself (faststart, track durations).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import struct
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from facechain.errors import MediaEncodeError
from facechain.media.audio import cut, ffmpeg_exe, ffmpeg_reason, to_wav_bytes
from facechain.types import Audio

logger = logging.getLogger(__name__)

DEFAULT_FPS = 25
DEFAULT_CRF = 23  # x264's default; 18 is near-transparent, +6 ~ halves the bitrate
DEFAULT_PRESET = "medium"
DEFAULT_AUDIO_BITRATE = "96k"  # AAC-LC; speech at 16-22 kHz mono needs no more
PROBE_TIMEOUT_S = 120.0
MUX_TIMEOUT_S = 120.0
ENCODE_CLOSE_TIMEOUT_S = 120.0
_COLOR = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
          "-color_range", "tv"]


@dataclasses.dataclass(frozen=True)
class MediaInfo:
    """What a media file holds, from :func:`probe`. ``format`` is ffmpeg's demuxer name
    (``mov,mp4,m4a,3gp,3g2,mj2`` for mp4); ``duration`` the container's (10 ms resolution);
    ``video_duration`` / ``audio_duration`` the mp4 tracks' presentation lengths (None when not
    an mp4); ``video_frames`` the frames decoded; ``faststart`` whether the ``moov`` box precedes
    ``mdat``. Fields without a value in the file are None."""

    format: str
    size_bytes: int
    duration: float | None
    video_codec: str
    video_profile: str | None
    pix_fmt: str | None
    width: int
    height: int
    fps: float | None
    video_frames: int | None
    video_duration: float | None
    audio_codec: str | None
    audio_profile: str | None
    audio_sample_rate: int | None
    audio_channels: int | None
    audio_duration: float | None
    faststart: bool

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


# -- probing -------------------------------------------------------------------------------------

_INPUT_RE = re.compile(r"Input #0, (.+?), from '")
_DURATION_RE = re.compile(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)")
_STREAM_RE = re.compile(r"Stream #0:\d+\S*: (Video|Audio): (.*)$")
_CODEC_RE = re.compile(r"^(\w+)(?: \(([^)/]*)\))?")
_SIZE_RE = re.compile(r", (\d+)x(\d+)")
_PIXFMT_RE = re.compile(r"^[^,]*, ([a-z0-9_]+)(?:\([^)]*\))?, \d+x\d+")
_FPS_RE = re.compile(r", (\d+(?:\.\d+)?) fps")
_RATE_RE = re.compile(r", (\d+) Hz, ([^,]+)")
_LAYOUT_CHANNELS = {"mono": 1, "stereo": 2, "2.1": 3, "3.0": 3, "quad": 4, "4.0": 4, "5.0": 5,
                    "5.1": 6, "5.0(side)": 5, "5.1(side)": 6, "6.1": 7, "7.1": 8}


def probe(path: str | os.PathLike) -> MediaInfo:
    """Describe a video file and prove it decodable: one ffmpeg run prints the input's streams and
    decodes its first video and audio streams to the null muxer. Raises
    :class:`MediaEncodeError` for a missing, empty or undecodable file or one without video."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise MediaEncodeError(f"cannot read {path.name}: {e.strerror}") from None
    if size == 0:
        raise MediaEncodeError(f"{path.name} is empty (0 bytes)")
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info",
           "-protocol_whitelist", "file", "-i", f"file:{path.resolve()}",
           "-map", "0:v:0", "-map", "0:a:0?", "-fps_mode", "passthrough",
           "-f", "null", "-progress", "pipe:1", "-"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=PROBE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise MediaEncodeError(f"decoding {path.name} took over {PROBE_TIMEOUT_S:.0f} s") from None
    err = proc.stderr.decode("utf-8", "replace")
    header = _parse_header(err)
    if header is None:
        raise MediaEncodeError(f"{path.name} is not decodable: "
                               f"{ffmpeg_reason(err, path.resolve())}")
    if "video_codec" not in header:
        raise MediaEncodeError(f"{path.name} has no video stream")
    errors = [ln for ln in err.splitlines() if "[error]" in ln or "[fatal]" in ln]
    if proc.returncode != 0 or errors:
        raise MediaEncodeError(f"{path.name} is not decodable: "
                               f"{ffmpeg_reason(chr(10).join(errors) or err, path.resolve())}")
    frames = re.findall(r"^frame=(\d+)", proc.stdout.decode("ascii", "replace"), re.M)
    boxes = _mp4_summary(path)
    return MediaInfo(size_bytes=size, video_frames=int(frames[-1]) if frames else None,
                     **header, **boxes)


def _parse_header(err: str) -> dict | None:
    m = _INPUT_RE.search(err)
    if m is None:
        return None
    out: dict = {"format": m.group(1), "duration": None, "audio_codec": None,
                 "audio_profile": None, "audio_sample_rate": None, "audio_channels": None}
    d = _DURATION_RE.search(err)
    if d:
        out["duration"] = int(d.group(1)) * 3600 + int(d.group(2)) * 60 + float(d.group(3))
    for line in err.splitlines():
        s = _STREAM_RE.search(line)
        if s is None:
            continue
        kind, rest = s.groups()
        codec = _CODEC_RE.match(rest)
        name, profile = (codec.group(1), codec.group(2)) if codec else (rest.split(",")[0], None)
        if kind == "Video" and "video_codec" not in out:
            size = _SIZE_RE.search(rest)
            pix = _PIXFMT_RE.search(rest)
            fps = _FPS_RE.search(rest)
            out.update(video_codec=name, video_profile=profile,
                       pix_fmt=pix.group(1) if pix else None,
                       width=int(size.group(1)) if size else 0,
                       height=int(size.group(2)) if size else 0,
                       fps=float(fps.group(1)) if fps else None)
        elif kind == "Audio" and out["audio_codec"] is None:
            rate = _RATE_RE.search(rest)
            channels = None
            if rate:
                layout = rate.group(2).strip()
                n = re.match(r"(\d+) channels", layout)
                channels = int(n.group(1)) if n else _LAYOUT_CHANNELS.get(layout)
            out.update(audio_codec=name, audio_profile=profile,
                       audio_sample_rate=int(rate.group(1)) if rate else None,
                       audio_channels=channels)
    return out


def _boxes(buf: bytes | memoryview, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """ISO-BMFF boxes in ``buf[start:end]``: (type, payload start, box end)."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, pos)
        head = 8
        if size == 1:
            if pos + 16 > end:
                return
            size = struct.unpack_from(">Q", buf, pos + 8)[0]
            head = 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            return
        yield kind, pos + head, pos + size
        pos += size


def _mp4_summary(path: Path) -> dict:
    """faststart and per-track durations from the mp4's boxes, read without loading ``mdat``."""
    out = {"faststart": False, "video_duration": None, "audio_duration": None}
    order: list[bytes] = []
    moov = None
    with open(path, "rb") as f:
        file_end = f.seek(0, os.SEEK_END)
        pos = 0
        while pos + 8 <= file_end:
            f.seek(pos)
            head = f.read(16)
            if len(head) < 8:
                break
            size, kind = struct.unpack_from(">I4s", head)
            hlen = 8
            if size == 1 and len(head) == 16:
                size, hlen = struct.unpack_from(">Q", head, 8)[0], 16
            elif size == 0:
                size = file_end - pos
            if size < hlen:
                break
            order.append(kind)
            if kind == b"moov" and moov is None and size <= 64 * 1024 * 1024:
                f.seek(pos + hlen)
                moov = f.read(size - hlen)
            pos += size
    if b"moov" in order and b"mdat" in order:
        out["faststart"] = order.index(b"moov") < order.index(b"mdat")
    if moov is not None:
        out.update(_track_durations(moov))
    return out


def _track_durations(moov: bytes) -> dict:
    timescale = None
    tracks: list[tuple[bytes, int]] = []
    for kind, p, e in _boxes(moov, 0, len(moov)):
        if kind == b"mvhd" and e - p >= 20:
            version = moov[p]
            timescale = struct.unpack_from(">I", moov, p + (20 if version == 1 else 12))[0]
        elif kind == b"trak":
            duration = handler = None
            for k2, p2, e2 in _boxes(moov, p, e):
                if k2 == b"tkhd" and e2 - p2 >= 28:
                    if moov[p2] == 1 and e2 - p2 >= 36:
                        duration = struct.unpack_from(">Q", moov, p2 + 28)[0]
                    else:
                        duration = struct.unpack_from(">I", moov, p2 + 20)[0]
                elif k2 == b"mdia":
                    for k3, p3, e3 in _boxes(moov, p2, e2):
                        if k3 == b"hdlr" and e3 - p3 >= 12:
                            handler = moov[p3 + 8:p3 + 12]
            if duration is not None and handler is not None:
                tracks.append((handler, duration))
    out = {}
    if timescale:
        for handler, key in ((b"vide", "video_duration"), (b"soun", "audio_duration")):
            durations = [d for h, d in tracks if h == handler]
            if durations:
                out[key] = durations[0] / timescale
    return out


# -- writing -------------------------------------------------------------------------------------


class Mp4Writer:
    """Stream RGB frames into a browser-safe mp4 (see the module docstring).

    ``write(frame)`` per frame (uint8 ``(H, W, 3)``, every frame the size of the first; odd sizes
    padded by one pixel), then ``close()`` returns the checked :class:`MediaInfo` (also kept as
    ``.info``). As a context manager it closes on success and aborts on an exception (ffmpeg
    killed and reaped, temp files removed, nothing at ``path``). ``threads`` caps x264's threads
    (default: ffmpeg's own choice, about 1.5 per core)."""

    def __init__(self, path: str | os.PathLike, *, fps: int = DEFAULT_FPS,
                 audio: Audio | None = None, crf: int = DEFAULT_CRF,
                 preset: str = DEFAULT_PRESET, threads: int | None = None,
                 audio_bitrate: str = DEFAULT_AUDIO_BITRATE):
        if not 0 <= crf <= 51:
            raise ValueError(f"crf must be within 0..51, got {crf}")
        self.path = Path(path)
        self.fps = fps
        self.audio = audio
        self.crf = crf
        self.preset = preset
        self.threads = threads
        self.audio_bitrate = audio_bitrate
        self.frames = 0
        self.info: MediaInfo | None = None
        self.size: tuple[int, int] | None = None  # (width, height) as written (even)
        self._in_size: tuple[int, int] | None = None  # (height, width) of the frames given
        self._proc: subprocess.Popen | None = None
        self._stderr = None
        token = f".{self.path.name}.{uuid.uuid4().hex[:12]}"
        self._video_tmp = self.path.with_name(token + ".video.mp4")
        self._wav_tmp = self.path.with_name(token + ".audio.wav")
        self._mux_tmp = self.path.with_name(token + ".mux.mp4")
        self._done = False

    def __del__(self):  # a writer dropped unclosed must not leave ffmpeg running
        try:
            if not self._done:
                self.abort()
        except Exception:  # interpreter shutdown
            pass

    def __enter__(self) -> Mp4Writer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()
        elif not self._done:
            self.close()

    def write(self, frame: np.ndarray) -> None:
        """Encode one frame. Raises :class:`MediaEncodeError` for a wrong dtype/shape, a size
        change, or ffmpeg having died (its reason in the message)."""
        if self._done:
            raise MediaEncodeError("write after close/abort")
        frame = np.asarray(frame)
        if frame.dtype != np.uint8 or frame.ndim != 3 or frame.shape[2] != 3:
            self.abort()
            raise MediaEncodeError(f"frames must be uint8 (H, W, 3), got {frame.dtype} "
                                   f"{frame.shape}")
        if self._proc is None:
            self._start(frame.shape[0], frame.shape[1])
        elif frame.shape[:2] != self._in_size:
            self.abort()
            raise MediaEncodeError(f"frame {self.frames} is {frame.shape[1]}x{frame.shape[0]}, "
                                   f"the first was {self._in_size[1]}x{self._in_size[0]}")
        h, w = frame.shape[:2]
        if h % 2 or w % 2:
            frame = np.pad(frame, ((0, h % 2), (0, w % 2), (0, 0)), mode="edge")
        try:
            self._proc.stdin.write(np.ascontiguousarray(frame).data)
        except (BrokenPipeError, OSError):
            reason = self._stop_reason()
            self.abort()
            raise MediaEncodeError(f"ffmpeg stopped while encoding frame {self.frames}: "
                                   f"{reason}") from None
        self.frames += 1

    def _start(self, height: int, width: int) -> None:
        self._in_size = (height, width)
        self.size = (width + width % 2, height + height % 2)
        if self.size != (width, height):
            logger.info("odd frame size %dx%d padded to %dx%d", width, height, *self.size)
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", f"{self.size[0]}x"
               f"{self.size[1]}", "-framerate", str(self.fps), "-i", "pipe:0",
               "-map", "0:v:0", "-vf", "scale=out_color_matrix=bt709:out_range=tv,"
               "format=yuv420p", *_COLOR, "-c:v", "libx264", "-preset", self.preset,
               "-crf", str(self.crf), "-pix_fmt", "yuv420p", "-r", str(self.fps),
               "-fps_mode", "cfr"]
        if self.threads:
            cmd += ["-threads", str(self.threads)]
        if self.audio is None:  # else the mux pass writes the faststart layout
            cmd += ["-movflags", "+faststart"]
        cmd += ["-f", "mp4", f"file:{self._video_tmp.resolve()}"]
        # a file, not a pipe: a full stderr pipe would block ffmpeg; closed in _cleanup
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                      stderr=self._stderr)

    def _stop_reason(self) -> str:
        if self._proc is not None:
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        if self._stderr is None:
            return "no output"
        self._stderr.seek(0)
        return ffmpeg_reason(self._stderr.read(), self._video_tmp.resolve())

    def close(self) -> MediaInfo:
        """Finish the file: flush the encoder, mux the audio, check it with :func:`probe`,
        rename it into place. Raises :class:`MediaEncodeError` (and leaves nothing behind) when
        there were no frames or any step fails."""
        if self._done:
            if self.info is None:
                raise MediaEncodeError("the writer was aborted")
            return self.info
        try:
            if self._proc is None:
                raise MediaEncodeError("no frames to write")
            try:
                self._proc.stdin.close()
            except OSError:
                pass
            try:
                rc = self._proc.wait(timeout=ENCODE_CLOSE_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                raise MediaEncodeError("ffmpeg did not finish encoding in time") from None
            if rc != 0:
                raise MediaEncodeError(f"ffmpeg failed (exit {rc}): {self._stop_reason()}")
            final = self._video_tmp
            if self.audio is not None:
                self._mux_audio()
                final = self._mux_tmp
            info = probe(final)
            self._verify(info)
            os.replace(final, self.path)
        except BaseException:
            self.abort()
            raise
        self._cleanup()
        self._done = True
        self.info = info
        return info

    def _mux_audio(self) -> None:
        clip = cut(self.audio, self.frames / self.fps)
        n = int(round(self.frames / self.fps * clip.sample_rate))
        if len(clip.samples) < n:  # shorter than the video: silence to the end
            pad = np.pad(clip.samples, (0, n - len(clip.samples)))
            clip = dataclasses.replace(clip, samples=pad)
        self._wav_tmp.write_bytes(to_wav_bytes(clip))
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
               "-i", f"file:{self._video_tmp.resolve()}", "-i", f"file:{self._wav_tmp.resolve()}",
               "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy",
               "-c:a", "aac", "-profile:a", "aac_low", "-b:a", self.audio_bitrate,
               "-movflags", "+faststart", "-f", "mp4",
               f"file:{self._mux_tmp.resolve()}"]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=MUX_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise MediaEncodeError("muxing the audio took too long") from None
        if proc.returncode != 0:
            raise MediaEncodeError("muxing the audio failed: "
                                   + ffmpeg_reason(proc.stderr, self._mux_tmp.resolve(),
                                                   self._video_tmp.resolve(),
                                                   self._wav_tmp.resolve()))

    def _verify(self, info: MediaInfo) -> None:
        problems = []
        if info.video_codec != "h264":
            problems.append(f"video codec {info.video_codec}")
        if info.pix_fmt != "yuv420p":
            problems.append(f"pixel format {info.pix_fmt}")
        if (info.width, info.height) != self.size:
            problems.append(f"size {info.width}x{info.height}, expected "
                            f"{self.size[0]}x{self.size[1]}")
        if info.video_frames != self.frames:
            problems.append(f"{info.video_frames} frames decoded, {self.frames} written")
        if info.fps is None or abs(info.fps - self.fps) > 0.01:
            problems.append(f"frame rate {info.fps}")
        if not info.faststart:
            problems.append("moov box not before mdat (no faststart)")
        if self.audio is not None:
            if info.audio_codec != "aac":
                problems.append(f"audio codec {info.audio_codec}")
            elif (info.audio_duration or 0.0) > self.frames / self.fps + 1 / self.fps:
                problems.append(f"audio {info.audio_duration:.3f} s longer than the video")
        if problems:
            raise MediaEncodeError("the video written is not as expected: " + "; ".join(problems))

    def abort(self) -> None:
        """Stop without a result: kill and reap ffmpeg, remove every temp file. Idempotent."""
        self._done = True
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        if self._proc is not None:
            try:
                if self._proc.stdin:
                    self._proc.stdin.close()
            except OSError:
                pass
            self._proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        for p in (self._video_tmp, self._wav_tmp, self._mux_tmp):
            p.unlink(missing_ok=True)
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def write_mp4(frames: Iterable[np.ndarray], path: str | os.PathLike, *, fps: int = DEFAULT_FPS,
              audio: Audio | None = None, crf: int = DEFAULT_CRF, preset: str = DEFAULT_PRESET,
              threads: int | None = None) -> MediaInfo:
    """Write ``frames`` (uint8 RGB, consumed lazily) and optional ``audio`` to ``path`` with
    :class:`Mp4Writer`; returns the checked :class:`MediaInfo`. An exception from the frames
    iterable (a cancellation) propagates after the writer is aborted: no file at ``path``."""
    with Mp4Writer(path, fps=fps, audio=audio, crf=crf, preset=preset, threads=threads) as w:
        for frame in frames:
            w.write(frame)
        return w.close()


def read_frames(path: str | os.PathLike) -> Iterator[np.ndarray]:
    """Decoded frames of a video as writable uint8 RGB ``(H, W, 3)`` arrays, in order."""
    import imageio_ffmpeg

    gen = imageio_ffmpeg.read_frames(str(Path(path)), pix_fmt="rgb24")
    try:
        meta = next(gen)
        width, height = meta["size"]
        for buf in gen:
            yield np.frombuffer(buf, dtype=np.uint8).reshape(height, width, 3).copy()
    finally:
        gen.close()
