"""Mouth driver and driving-signal assembly on the committed speech fixtures.

Calibration vs check: the phoneme driver's constants (shape lead, press lead) were set on
``tts_papa`` (the only fixture with timings); the envelope driver's constants on ``tts_papa``
with its timings removed, and ``espeak_upload`` checks them. Thresholds here are the goals'
(r >= 0.5 at lag 0..1, closed lips in silences), with margins, not fitted values.
"""

from __future__ import annotations

import json
import math
import wave
from pathlib import Path

import numpy as np
import pytest

from facechain.talk import driving
from facechain.talk.params import TalkParams
from facechain.types import Audio, PhonemeTiming

SPEECH = Path(__file__).resolve().parents[1] / "fixtures" / "speech"
FPS = 25


def load_wav(name: str) -> tuple[np.ndarray, int]:
    with wave.open(str(SPEECH / name)) as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        data = np.frombuffer(w.readframes(w.getnframes()), np.int16)
        return data.astype(np.float32) / 32768.0, w.getframerate()


@pytest.fixture(scope="module")
def papa() -> Audio:
    samples, sr = load_wav("tts_papa.wav")
    timings = json.loads((SPEECH / "tts_papa.json").read_text())["phonemes"]
    phonemes = tuple(PhonemeTiming(p["phoneme"], p["start"], p["end"]) for p in timings)
    return Audio(samples, sr, phonemes)


@pytest.fixture(scope="module")
def upload() -> Audio:
    samples, sr = load_wav("espeak_upload.wav")
    return Audio(samples, sr)


def rms_per_frame(audio: Audio, n: int) -> np.ndarray:
    """Independent of the code under test: RMS of each 40 ms frame."""
    x = audio.samples.astype(np.float64)
    step = audio.sample_rate / FPS
    return np.array([math.sqrt(np.mean(x[int(i * step):int((i + 1) * step)] ** 2))
                     for i in range(n)])


def corr_at(m: np.ndarray, e: np.ndarray, lag: int) -> float:
    """Pearson of m(t + lag) vs e(t)."""
    if lag:
        m, e = m[lag:], e[:-lag]
    return float(np.corrcoef(m, e)[0, 1])


def quiet_frames(audio: Audio, n: int) -> list[int]:
    """Frames wholly inside runs > 300 ms at >= 40 dB under the p95 10 ms level (test's own)."""
    hop = audio.sample_rate // 100
    x = audio.samples.astype(np.float64)
    m = len(x) // hop
    db = 20 * np.log10(np.sqrt((x[:m * hop].reshape(m, hop) ** 2).mean(axis=1)) + 1e-10)
    quiet = db <= np.percentile(db, 95) - 40
    frames, start = [], None
    for h, q in enumerate(np.append(quiet, False)):
        if q and start is None:
            start = h
        elif not q and start is not None:
            if h - start > 30:
                frames += [i for i in range(n) if i / FPS >= start / 100 and (i + 1) / FPS <= h / 100]
            start = None
    return frames


def test_phoneme_driver_closes_in_sentence_gaps(papa):
    n = driving.n_frames_for(papa)
    assert n == math.floor(papa.duration * FPS)
    mouth_open, width, press = driving.mouth_signals(papa, n)
    assert mouth_open.shape == width.shape == press.shape == (n,)
    gaps = [p for p in papa.phonemes if p.phoneme == " " and p.end - p.start > 0.5]
    assert len(gaps) == 2
    for gap in gaps:
        inside = [i for i in range(n) if i / FPS >= gap.start + 0.04 and (i + 1) / FPS <= gap.end]
        assert len(inside) >= 12
        assert mouth_open[inside].max() <= 0.05
        assert np.abs(width[inside]).max() <= 0.02


def test_lip_press_at_bilabials(papa):
    n = driving.n_frames_for(papa)
    _, _, press = driving.mouth_signals(papa, n)
    mids = [(p.start + p.end) / 2 for p in papa.phonemes if p.phoneme in ("p", "b", "m")]
    assert len(mids) >= 20
    hits = [press[int(m * FPS)] >= 0.9 for m in mids]
    assert np.mean(hits) >= 0.85
    # and the press is a short event, not a closed mouth throughout speech
    assert (press > 0.5).mean() < 0.5


def test_phoneme_driver_follows_the_envelope(papa):
    n = driving.n_frames_for(papa)
    mouth_open, _, _ = driving.mouth_signals(papa, n)
    e = rms_per_frame(papa, n)
    assert max(corr_at(mouth_open, e, 0), corr_at(mouth_open, e, 1)) >= 0.5


def test_shapes_follow_the_viseme_table(papa):
    """Rounded /u w o/ narrow the mouth, spread /i e/ widen it, /a/ opens widest."""
    assert driving.viseme("ˈɑː") == driving.viseme("ɑ")
    assert driving.viseme("u")[1] < 0 < driving.viseme("i")[1]
    assert driving.viseme("a")[0] > driving.viseme("ɪ")[0] > driving.viseme("f")[0]
    assert driving.viseme("s")[0] < 0.3 and driving.viseme("m")[2] == 1.0
    assert driving.viseme(".") == (0.0, 0.0, 0.0)
    n = driving.n_frames_for(papa)
    _, width, _ = driving.mouth_signals(papa, n)
    assert width.min() < -0.08 and width.max() > 0.04
    assert width.min() >= -0.2 - 1e-6 and width.max() <= 0.1 + 1e-6


def test_opening_monotone_in_expression_scale(papa):
    n = driving.n_frames_for(papa)
    scales = [0.5 + 0.1 * k for k in range(16)]
    opens = [driving.mouth_signals(papa, n, expression_scale=s)[0] for s in scales]
    for lo, hi in zip(opens, opens[1:]):
        assert np.all(hi >= lo - 1e-6)
        assert np.percentile(hi, 95) > np.percentile(lo, 95)
    assert opens[-1].max() <= driving.OPEN_CAP + 1e-6  # ~0.16 x face height at scale 2
    # scale 1: speech p95 in the real-speech band 0.07-0.11 face height (1.0 ~ 0.09)
    speech = rms_per_frame(papa, n) > 0.01
    assert 0.07 / 0.09 <= np.percentile(opens[5][speech], 95) <= 0.11 / 0.09


def test_envelope_driver_on_upload(upload):
    n = driving.n_frames_for(upload)
    mouth_open, width, press = driving.mouth_signals(upload, n)
    e = rms_per_frame(upload, n)
    assert max(corr_at(mouth_open, e, 0), corr_at(mouth_open, e, 1)) >= 0.5
    quiet = quiet_frames(upload, n)
    assert len(quiet) >= 8
    assert mouth_open[quiet].max() <= 0.05
    assert np.all(np.isfinite(width)) and press.max() <= 1.0
    speech = e > 0.01
    assert 0.5 <= np.percentile(mouth_open[speech], 95) <= 1.5


def test_envelope_driver_on_tts_without_timings(papa):
    """The same speech without timings still drives an opening that follows the sound."""
    plain = Audio(papa.samples, papa.sample_rate)
    n = driving.n_frames_for(plain)
    mouth_open, _, _ = driving.mouth_signals(plain, n)
    assert corr_at(mouth_open, rms_per_frame(plain, n), 0) >= 0.5


def test_silence_and_edge_cases():
    silent = Audio(np.zeros(16000, np.float32), 16000)
    for track in driving.mouth_signals(silent, 25):
        assert track.shape == (25,) and np.all(track == 0)
    empty = driving.mouth_signals(silent, 0)
    assert all(len(t) == 0 for t in empty)
    # frames past the audio's end are closed
    rng = np.random.default_rng(0)
    short = Audio((0.1 * rng.standard_normal(8000)).astype(np.float32), 16000)
    mouth_open, _, _ = driving.mouth_signals(short, 50)
    assert mouth_open[:10].mean() > 0.3 and mouth_open[25:].max() == 0.0


def test_driving_signals_assembles_and_is_deterministic(papa):
    params = TalkParams(still=False, pose_style=7, seed=3, expression_scale=1.2)
    a = driving.driving_signals(papa, params)
    n = math.floor(papa.duration * FPS)
    assert a.n_frames == n and a.fps == FPS
    for name in ("mouth_open", "mouth_width", "lip_press", "blink", "roll", "scale"):
        assert getattr(a, name).shape == (n,), name
    assert a.shift.shape == (n, 2)
    b = driving.driving_signals(papa, params)
    for name in ("mouth_open", "mouth_width", "lip_press", "blink", "roll", "shift", "scale"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    c = driving.driving_signals(papa, params.model_copy(update={"seed": 4}))
    assert not np.array_equal(a.roll, c.roll)
    assert np.array_equal(a.mouth_open, c.mouth_open)  # the mouth depends on audio only


def test_driving_signals_still_and_no_blink(papa):
    s = driving.driving_signals(papa, TalkParams(still=True, blink=False), n_frames=60)
    assert s.n_frames == 60
    assert np.all(s.roll == 0) and np.all(s.shift == 0) and np.all(s.scale == 1)
    assert np.all(s.blink == 0)
    with_blink = driving.driving_signals(papa, TalkParams(still=True, blink=True, seed=1))
    assert with_blink.blink.max() == 1.0
