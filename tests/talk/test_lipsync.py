"""Lip-sync measurements: synthetic signals with known answers, and the committed photos."""

from __future__ import annotations

import json
import math
from pathlib import Path

import cv2
import numpy as np
import pytest

from facechain.talk import lipsync, motion
from facechain.types import Audio, PhonemeTiming

FACES = Path(__file__).resolve().parents[1] / "fixtures" / "faces"
FPS = 25
SR = 16000


def photo(name: str, max_side: int | None = None) -> np.ndarray:
    image = cv2.cvtColor(cv2.imread(str(FACES / name)), cv2.COLOR_BGR2RGB)
    if max_side and max(image.shape[:2]) > max_side:
        f = max_side / max(image.shape[:2])
        image = cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(image)


def modulated_noise(levels: np.ndarray, seed: int = 0) -> Audio:
    """White noise whose RMS in each 40 ms frame is ``levels[i]``."""
    rng = np.random.default_rng(seed)
    step = SR // FPS
    x = rng.standard_normal(len(levels) * step)
    x = x.reshape(len(levels), step)
    x = x / np.sqrt((x ** 2).mean(axis=1, keepdims=True)) * levels[:, None]
    return Audio(x.ravel().astype(np.float32), SR)


def syllable_levels(n: int, seed: int = 0) -> np.ndarray:
    """A speech-like frame envelope: random syllables at ~4 Hz."""
    rng = np.random.default_rng(seed)
    raw = rng.uniform(0, 1, n)
    kernel = np.hanning(5)
    return 0.02 + 0.2 * np.convolve(raw, kernel / kernel.sum(), mode="same")


def test_sync_finds_a_known_delay():
    levels = syllable_levels(250)
    audio = modulated_noise(levels)
    aperture = np.concatenate([np.full(2, levels[0]), levels[:-2]]) * 0.4  # 2 frames late
    figures = lipsync.sync_figures(aperture, audio)
    assert figures["best_lag"] == 2  # L > 0: the mouth moves after the sound
    assert figures["r_best"] > 0.9
    assert figures["confidence"] > 0.5
    assert figures["lags"] == list(range(-15, 16)) and len(figures["r"]) == 31
    lead = lipsync.sync_figures(np.concatenate([levels[1:], levels[-1:]]), audio)
    assert lead["best_lag"] == -1
    json.dumps(figures)


def test_sync_on_noise_is_low():
    audio = modulated_noise(syllable_levels(250))
    noise = np.random.default_rng(7).uniform(0, 0.1, 250)
    figures = lipsync.sync_figures(noise, audio)
    assert figures["r_best"] < 0.35 and abs(figures["r0"]) < 0.3


def test_sync_skips_missing_frames():
    levels = syllable_levels(200, seed=2)
    audio = modulated_noise(levels, seed=2)
    aperture = levels.copy()
    aperture[::7] = np.nan
    figures = lipsync.sync_figures(aperture, audio)
    assert figures["best_lag"] == 0 and figures["r_best"] > 0.95


def gapped_audio() -> tuple[Audio, np.ndarray]:
    """2 s sound, 0.6 s digital silence, 2 s sound; and a matching synthetic aperture."""
    levels = np.concatenate([syllable_levels(50), np.zeros(15), syllable_levels(50, seed=1)])
    aperture = np.where(levels > 0, 0.06, 0.004)
    return modulated_noise(levels), aperture


def test_silence_closure():
    audio, aperture = gapped_audio()
    closed = lipsync.silence_closure(aperture, audio, FPS)
    assert 12 <= closed["frames"] <= 15
    assert closed["p90"] == pytest.approx(0.004)
    leaky = aperture.copy()
    leaky[50:65] = 0.05
    assert lipsync.silence_closure(leaky, audio, FPS)["p90"] > 0.02
    no_gap = modulated_noise(syllable_levels(50))
    assert lipsync.silence_closure(np.zeros(50), no_gap, FPS)["frames"] == 0


def test_bilabial_closure():
    phonemes = tuple(PhonemeTiming(p, 0.2 * k + 0.05, 0.2 * k + 0.1)
                     for k, p in enumerate(["p", "a", "b", "i", "m", "ˈ", "m", "t"]))
    aperture = np.full(45, 0.06)
    for k in (0, 2, 4):  # close p, b and the first m; the second m (k=6) stays open
        aperture[int((0.2 * k + 0.075) * FPS)] = 0.01
    result = lipsync.bilabial_closure(aperture, phonemes, FPS, open_median=0.06)
    assert result["count"] == 4 and result["closed"] == 3
    assert result["rate"] == pytest.approx(0.75)
    assert result["threshold"] == pytest.approx(0.015)
    json.dumps(result)


def test_blink_rate_from_eye_aspect():
    closure = motion.blink_track(60 * FPS, seed=2)
    on = np.flatnonzero(np.diff(np.concatenate([[0], (closure > 0).astype(int)])) == 1)
    ear = 0.28 * (1 - 0.9 * closure) + np.random.default_rng(0).normal(0, 0.004, len(closure))
    rate = lipsync.blink_rate(ear, FPS)
    assert rate == pytest.approx(len(on), abs=1)
    assert 12 <= rate <= 26
    events = lipsync.blink_events(ear, FPS)
    assert all(1 <= length <= 8 for _, length in events)
    assert lipsync.blink_rate(np.full(750, 0.3), FPS) == 0.0


@pytest.fixture(scope="module")
def faces() -> dict[str, np.ndarray]:
    return {name: photo(name, 640) for name in ("obama2.jpg", "biden.jpg", "obama.jpg")}


def test_mouth_aperture_on_photos(faces):
    laughing, found = lipsync.mouth_aperture([faces["obama2.jpg"]])
    assert found.tolist() == [True]
    assert 0.09 <= laughing[0] <= 0.16  # ~0.125 (§2.4)
    closed, found = lipsync.mouth_aperture([faces["biden.jpg"]])
    assert found.tolist() == [True] and closed[0] <= 0.01  # ~0.002
    ear, found = lipsync.eye_aspect([faces["biden.jpg"], np.zeros((64, 64, 3), np.uint8)])
    assert found.tolist() == [True, False]
    assert 0.1 <= ear[0] <= 0.45 and math.isnan(ear[1])


def test_identity_distance(faces):
    same = lipsync.identity_distance(faces["obama.jpg"], [faces["obama.jpg"]], every=1)
    assert same["checked"] == 1 and same["max"] < 0.05
    other = lipsync.identity_distance(faces["obama.jpg"], [faces["biden.jpg"]], every=1)
    assert other["max"] > 0.6


def test_lip_sync_report_is_json(faces):
    frame = faces["biden.jpg"]
    audio, _ = gapped_audio()
    frames = [frame] * 30
    report = lipsync.lip_sync_report(frames, Audio(audio.samples[:SR * 30 // FPS], SR))
    text = json.dumps(report)
    assert report["frames"] == 30 and report["face_found_rate"] == 1.0
    assert report["aperture"]["p95"] <= 0.01
    assert {"sync", "silence", "aperture", "blinks_per_minute"} <= set(json.loads(text))
