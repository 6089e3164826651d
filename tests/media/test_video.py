"""MP4 writing, probing and reading back with the real ffmpeg of imageio-ffmpeg (no network)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from facechain.errors import MediaEncodeError
from facechain.media.audio import decode_audio, ffmpeg_exe
from facechain.media.video import MediaInfo, Mp4Writer, probe, read_frames, write_mp4

SPEECH = Path(__file__).parents[1] / "fixtures" / "speech"
FPS = 25
N = 50


def gradient(i: int, height: int = 96, width: int = 128) -> np.ndarray:
    """A smooth gradient moving right by 3 px a frame (codec-friendly, content checkable)."""
    y, x = np.mgrid[0:height, 0:width]
    r = 128 + 100 * np.sin((x - 3 * i) / 12.0)
    g = 40 + 1.5 * y
    b = np.full_like(r, 60 + 2 * i)
    return np.clip(np.stack([r, g, b], -1), 0, 255).astype(np.uint8)


def frames(n: int = N, **size):
    for i in range(n):
        yield gradient(i, **size)


@pytest.fixture(scope="module")
def tts():
    return decode_audio(SPEECH / "tts_papa.wav")  # 8 s: longer than the 2 s video


@pytest.fixture(scope="module")
def written(tmp_path_factory, tts) -> tuple[Path, MediaInfo]:
    path = tmp_path_factory.mktemp("mp4") / "talk.mp4"
    return path, write_mp4(frames(), path, fps=FPS, audio=tts)


def test_written_mp4_is_browser_safe(written):
    path, info = written
    assert info == probe(path)
    assert info.video_codec == "h264" and info.pix_fmt == "yuv420p"
    assert info.audio_codec == "aac" and info.audio_profile == "LC"
    assert info.audio_sample_rate == 16000 and info.audio_channels == 1
    assert info.fps == FPS and info.video_frames == N
    assert (info.width, info.height) == (128, 96)
    assert info.faststart is True
    assert abs(info.duration - N / FPS) <= 0.05
    assert abs(info.video_duration - N / FPS) <= 0.05
    assert info.size_bytes == path.stat().st_size > 1000
    assert info.to_dict()["video_codec"] == "h264"
    assert [p.name for p in path.parent.iterdir()] == ["talk.mp4"]  # no temp files left


def test_audio_cut_to_video_length(written):
    path, info = written
    assert info.audio_duration <= info.video_duration + 1 / FPS
    decoded = decode_audio(path)  # the mp4's own audio track, decoded
    assert N / FPS - 0.1 <= decoded.duration <= N / FPS + 1 / FPS


def test_audio_shorter_than_video(tmp_path, tts):
    from facechain.media.audio import cut

    # the video is kept whole; the audio runs to its end (silence after the speech)
    info = write_mp4(frames(), tmp_path / "v.mp4", audio=cut(tts, 1.0))
    assert info.video_frames == N and abs(info.video_duration - N / FPS) <= 0.05
    assert N / FPS - 0.1 <= info.audio_duration <= N / FPS + 1 / FPS
    decoded = decode_audio(tmp_path / "v.mp4")
    assert np.abs(decoded.samples[int(1.2 * decoded.sample_rate):]).max() < 0.01


def test_read_frames_gives_the_content_back(written):
    path, _ = written
    back = list(read_frames(path))
    assert len(back) == N
    for i in (0, N // 2, N - 1):
        assert back[i].shape == (96, 128, 3) and back[i].dtype == np.uint8
        diff = np.abs(back[i].astype(int) - gradient(i).astype(int)).mean()
        assert diff < 8, (i, diff)
    back[0][0, 0] = 0  # writable


def test_odd_size_is_padded_never_empty(tmp_path):
    path = tmp_path / "odd.mp4"
    info = write_mp4(frames(10, height=63, width=81), path)
    assert (info.width, info.height) == (82, 64)
    assert info.video_frames == 10 and path.stat().st_size > 0
    assert info.audio_codec is None
    first = next(read_frames(path)).astype(int)
    src = gradient(0, height=63, width=81).astype(int)
    # the added column / row repeat the last ones
    assert np.abs(first[:63, 81] - src[:, 80]).mean() < 10
    assert np.abs(first[63, :81] - src[62]).mean() < 10


def test_cancelled_write_leaves_nothing(tmp_path):
    class Cancelled(Exception):
        pass

    def cancelled_after(k):
        for i, f in enumerate(frames()):
            if i == k:
                raise Cancelled
            yield f

    path = tmp_path / "c.mp4"
    with pytest.raises(Cancelled):
        write_mp4(cancelled_after(10), path)
    assert list(tmp_path.iterdir()) == []

    writer = Mp4Writer(path, audio=None)
    with pytest.raises(Cancelled), writer:
        for f in cancelled_after(5):
            writer.write(f)
    assert writer._proc.returncode is not None  # killed and reaped: no zombie
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(MediaEncodeError):
        writer.write(gradient(0))


def test_bad_frames_are_errors_and_leave_nothing(tmp_path):
    path = tmp_path / "bad.mp4"

    def size_change():
        yield gradient(0)
        yield gradient(1, height=64, width=64)

    with pytest.raises(MediaEncodeError, match="the first was 128x96"):
        write_mp4(size_change(), path)
    with pytest.raises(MediaEncodeError, match="uint8"):
        write_mp4([gradient(0).astype(np.float32)], path)
    with pytest.raises(MediaEncodeError, match="uint8"):
        write_mp4([gradient(0)[..., 0]], path)
    with pytest.raises(MediaEncodeError, match="no frames"):
        write_mp4([], path)
    assert list(tmp_path.iterdir()) == []


def test_ffmpeg_failure_is_an_error_and_leaves_nothing(tmp_path):
    writer = Mp4Writer(tmp_path / "f.mp4", preset="no-such-preset")
    with pytest.raises(MediaEncodeError, match="ffmpeg") as e, writer:
        for f in frames(500):
            writer.write(f)
    assert "Traceback" not in e.value.message
    assert writer._proc.returncode is not None
    assert list(tmp_path.iterdir()) == []


def test_context_manager_closes(tmp_path):
    with Mp4Writer(tmp_path / "cm.mp4", fps=FPS, crf=30) as w:
        for f in frames(5):
            w.write(f)
    assert w.info is not None and w.info.video_frames == 5
    assert w.close() is w.info


def test_probe_refuses_empty_garbage_and_audio_only(tmp_path, written):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(np.random.default_rng(0).integers(0, 256, 5000, np.uint8).tobytes())
    half = tmp_path / "half.mp4"
    data = written[0].read_bytes()
    half.write_bytes(data[: len(data) // 2])
    for path, message in ((empty, "0 bytes"), (garbage, "not decodable"),
                          (SPEECH / "tts_papa.wav", "no video"), (half, "not decodable"),
                          (tmp_path / "missing.mp4", "cannot read")):
        with pytest.raises(MediaEncodeError, match=message):
            probe(path)


def test_probe_sees_missing_faststart(tmp_path):
    path = tmp_path / "slow.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                    "testsrc=size=64x48:rate=25", "-t", "1", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", str(path)], check=True, timeout=60)
    info = probe(path)
    assert info.faststart is False and info.video_frames == 25
    assert (info.width, info.height, info.fps) == (64, 48, 25.0)


def test_probe_of_a_non_mp4_container(tmp_path):
    path = tmp_path / "clip.mkv"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                    "testsrc=size=64x48:rate=25", "-t", "0.4", "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", str(path)], check=True, timeout=60)
    info = probe(path)
    assert "matroska" in info.format and info.video_codec == "h264"
    assert info.video_frames == 10 and info.faststart is False
    assert info.video_duration is None and info.audio_codec is None
