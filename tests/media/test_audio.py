"""Audio decoding, framing and checks with the real ffmpeg of imageio-ffmpeg (no network)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from facechain.errors import (
    AudioDecodeError,
    AudioTooLongError,
    InvalidInputError,
    SilentAudioError,
)
from facechain.media.audio import (
    check_speech,
    cut,
    decode_audio,
    ffmpeg_exe,
    frame_count,
    frame_rms,
    resample,
    to_wav_bytes,
)
from facechain.types import Audio, PhonemeTiming

SPEECH = Path(__file__).parents[1] / "fixtures" / "speech"
TTS = SPEECH / "tts_papa.wav"
UPLOAD = SPEECH / "espeak_upload.wav"


def wav_duration(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def ffmpeg(*args: str) -> None:
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-y", *args],
                   check=True, timeout=60)


def envelope_corr(a: Audio, b: Audio) -> float:
    ea, eb = frame_rms(resample(a, 16000)), frame_rms(resample(b, 16000))
    n = min(len(ea), len(eb))
    return float(np.corrcoef(ea[:n], eb[:n])[0, 1])


@pytest.fixture(scope="module")
def tts() -> Audio:
    return decode_audio(TTS)


# (suffix, ffmpeg codec args): each at 44.1 or 48 kHz stereo, as phones and browsers record.
TRANSCODES = {
    "mp3": ["-c:a", "libmp3lame", "-ar", "44100", "-ac", "2", "-b:a", "128k"],
    "ogg": ["-c:a", "libopus", "-ar", "48000", "-ac", "2", "-b:a", "64k"],
    "webm": ["-c:a", "libopus", "-ar", "48000", "-ac", "2", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-ar", "44100", "-ac", "2", "-b:a", "128k"],
    "flac": ["-c:a", "flac", "-ar", "48000", "-ac", "2"],
}


@pytest.fixture(scope="module")
def transcoded(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("transcoded")
    paths = {}
    for suffix, args in TRANSCODES.items():
        paths[suffix] = out / f"tts.{suffix}"
        ffmpeg("-i", str(TTS), *args, str(paths[suffix]))
    return paths


@pytest.mark.parametrize("path", [TTS, UPLOAD], ids=lambda p: p.name)
def test_fixture_wavs_decode_to_mono_16k(path):
    audio = decode_audio(path.read_bytes())
    assert audio.sample_rate == 16000
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert abs(audio.duration - wav_duration(path)) < 0.005
    assert -1.0 <= audio.samples.min() < 0 < audio.samples.max() <= 1.0
    assert audio.phonemes is None
    check_speech(audio)


def test_path_and_bytes_decode_alike():
    a = decode_audio(TTS, sample_rate=22050)
    b = decode_audio(TTS.read_bytes(), sample_rate=22050)
    c = decode_audio(str(TTS), sample_rate=22050)
    np.testing.assert_array_equal(a.samples, b.samples)
    np.testing.assert_array_equal(a.samples, c.samples)
    # 22.05 kHz in and out: the samples are the wav's own (16-bit quantisation apart)
    with wave.open(str(TTS)) as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2") / 32768.0
    assert len(pcm) == len(a.samples)
    assert np.abs(pcm - a.samples).max() < 1e-3


@pytest.mark.parametrize("suffix", list(TRANSCODES))
@pytest.mark.parametrize("rate", [16000, 22050])
def test_transcoded_uploads_decode_to_mono_at_rate(transcoded, tts, suffix, rate):
    audio = decode_audio(transcoded[suffix].read_bytes(), sample_rate=rate)
    assert audio.sample_rate == rate and audio.samples.ndim == 1
    assert audio.samples.dtype == np.float32
    assert abs(audio.duration - tts.duration) < 0.05, (suffix, audio.duration, tts.duration)
    assert envelope_corr(audio, tts) > 0.9
    check_speech(audio)


def test_stereo_downmix_keeps_level(tmp_path, tts):
    # L = R = speech: the mono mix is the speech itself, not twice it (no clipping)
    pcm = np.round(tts.samples * 0.5 * 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(np.stack([pcm, pcm], 1).tobytes())
    mono = decode_audio(buf.getvalue())
    assert len(mono.samples) == len(tts.samples)
    np.testing.assert_allclose(mono.samples, tts.samples * 0.5, atol=2e-3)


@pytest.mark.parametrize("data", [
    b"", os.urandom(4096), b"hello, this is not audio\n" * 50,
    b"RIFF\x24\x00\x00\x00WAVEfmt ",  # a wav header cut short
    b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(100),  # an mp3 tag and nothing after it
], ids=["empty", "random", "text", "truncated_wav", "id3_only"])
def test_undecodable_bytes(data):
    with pytest.raises(AudioDecodeError) as e:
        decode_audio(data, param="upload")
    assert e.value.param == "upload"
    assert "/tmp" not in e.value.message and "Traceback" not in e.value.message
    assert len(e.value.message) < 300


def test_file_without_audio_stream(tmp_path):
    video = tmp_path / "silent.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=32x32:rate=25", "-t", "0.5", "-c:v", "libx264",
           "-pix_fmt", "yuv420p", str(video))
    with pytest.raises(AudioDecodeError, match="no audio stream"):
        decode_audio(video.read_bytes())


def test_missing_path():
    with pytest.raises(AudioDecodeError):
        decode_audio(Path("/nonexistent/speech.wav"))


def test_too_long_by_duration_and_by_bytes():
    with pytest.raises(AudioTooLongError) as e:
        decode_audio(TTS, max_seconds=3.0)
    assert e.value.param == "audio"
    with pytest.raises(AudioTooLongError, match="MB"):
        decode_audio(TTS.read_bytes(), max_bytes=10_000)
    assert decode_audio(TTS, max_seconds=8.5).duration > 8.0


def test_too_long_stops_decoding_early(tmp_path):
    # 20 minutes of audio: refused after decoding ~ max_seconds + 1 s of it, not all of it
    long = tmp_path / "long.flac"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-t", "1200",
           "-c:a", "flac", str(long))
    t0 = time.monotonic()
    with pytest.raises(AudioTooLongError):
        decode_audio(long, max_seconds=2.0)
    assert time.monotonic() - t0 < 3.0


def test_too_short(tts):
    short = to_wav_bytes(cut(tts, 0.3))
    with pytest.raises(InvalidInputError, match="minimum") as e:
        decode_audio(short)
    assert not isinstance(e.value, AudioTooLongError)
    assert decode_audio(short, min_seconds=0.2).duration == pytest.approx(0.3, abs=1e-3)


def test_silence_and_noise_are_refused():
    sr = 16000
    rng = np.random.default_rng(0)
    silence = Audio(np.zeros(sr * 2, np.float32), sr)
    noise_70 = Audio((rng.standard_normal(sr * 2) * 10 ** (-70 / 20)).astype(np.float32), sr)
    dc = Audio(np.full(sr * 2, 0.4, np.float32), sr)
    click = silence.samples.copy()
    click[sr] = 0.9  # one 20 ms frame above the floor: not speech
    for audio in (silence, noise_70, dc, Audio(click, sr), Audio(np.zeros(0, np.float32), sr)):
        with pytest.raises(SilentAudioError) as e:
            check_speech(audio)
        assert e.value.param == "audio"
    # a quiet but real signal (-40 dBFS sine for 0.5 s) passes; the floor is a parameter
    t = np.arange(sr * 2) / sr
    quiet = np.where(t < 0.5, 10 ** (-40 / 20) * np.sqrt(2) * np.sin(2 * np.pi * 200 * t), 0)
    check_speech(Audio(quiet.astype(np.float32), sr))
    with pytest.raises(SilentAudioError):
        check_speech(Audio(quiet.astype(np.float32), sr), floor_db=-35)
    check_speech(noise_70, floor_db=-80)


def test_speech_fixtures_pass_check_after_decode(tts):
    check_speech(tts)
    check_speech(decode_audio(UPLOAD))


def test_resample_keeps_pitch_length_and_phonemes():
    sr = 22050
    t = np.arange(sr) / sr
    phonemes = (PhonemeTiming("a", 0.0, 0.5), PhonemeTiming("b", 0.5, 1.0))
    audio = Audio((0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), sr, phonemes)
    out = resample(audio, 16000)
    assert out.sample_rate == 16000 and out.samples.dtype == np.float32
    assert abs(out.duration - audio.duration) < 1e-3
    assert out.phonemes == phonemes
    spectrum = np.abs(np.fft.rfft(out.samples))
    assert abs(np.argmax(spectrum) * 16000 / len(out.samples) - 440) < 2
    assert resample(audio, sr) is audio


def test_cut_clips_samples_and_phonemes():
    meta = json.loads((SPEECH / "tts_papa.json").read_text())
    phonemes = tuple(PhonemeTiming(p["phoneme"], p["start"], p["end"]) for p in meta["phonemes"])
    audio = Audio(np.zeros(22050 * 8, np.float32), 22050, phonemes)
    short = cut(audio, 1.0)
    assert len(short.samples) == 22050
    assert short.phonemes and all(p.start < 1.0 and p.end <= 1.0 for p in short.phonemes)
    assert short.phonemes[-1].end == pytest.approx(1.0)
    assert len(short.phonemes) == sum(p.start < 1.0 for p in phonemes)
    assert cut(audio, 100.0) is audio
    assert cut(Audio(audio.samples, 22050), 0.5).phonemes is None
    with pytest.raises(ValueError):
        cut(audio, -1)


def test_frame_count_and_rms_follow_video_frames():
    sr = 16000
    assert frame_count(Audio(np.zeros(sr, np.float32), sr)) == 25
    assert frame_count(Audio(np.zeros(sr - 1, np.float32), sr)) == 24
    assert frame_count(Audio(np.zeros(22050 * 2 + 881, np.float32), 22050)) == 50
    assert frame_count(Audio(np.zeros(sr, np.float32), sr), fps=29.97) == 29
    # frame i covers [i/25, (i+1)/25): 640 samples at 16 kHz
    levels = np.array([0.0, 0.5, 0.25, 1.0])
    x = np.repeat(levels, 640)
    x = np.concatenate([x * np.where(np.arange(len(x)) % 2, 1, -1), [0.9] * 100])  # +/- level
    rms = frame_rms(Audio(x.astype(np.float32), sr))
    assert rms.dtype == np.float32 and len(rms) == 4  # the 100-sample tail is not a frame
    np.testing.assert_allclose(rms, levels, atol=1e-6)


def test_frame_rms_of_speech(tts):
    rms = frame_rms(tts)
    assert len(rms) == frame_count(tts) == 200
    assert rms.max() > 0.05 and np.percentile(rms, 5) < 0.01  # speech and its 0.6 s pauses


def test_wav_bytes_round_trip(tts):
    data = to_wav_bytes(tts)
    with wave.open(io.BytesIO(data)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
        assert w.getnframes() == len(tts.samples)
    back = decode_audio(data)
    assert np.abs(back.samples - tts.samples).max() < 1e-4
