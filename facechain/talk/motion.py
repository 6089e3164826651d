"""Seeded blinks and head motion for the classical talking head.

Facts followed (``../shared/reference/talking-head.md``):

- §2.5 blinks: conversation ~26/min at the top of the human range (10.5-32.5/min), rest ~17/min;
  a whole blink 100-400 ms with a fast close and a slower reopen. So: gaps between blinks are
  log-normal with median :data:`BLINK_GAP_MEDIAN` = 2.6 s (sigma 0.45, floor 0.8 s), which with
  the blink itself averages ~19 blinks/min (the 12-26/min goal T8); each blink lasts 4-7 frames
  at 25 fps: 2 closing frames (0.55, 1.0), 0-1 frame held shut, 2-4 reopening frames.
- §1.3 SadTalker's rule kept: clips of <= 20 frames (0.8 s) get no blink (one would be a tic).
  SadTalker's own ~33/min uniform gaps are above human rates, so its gap law is not copied.
- §2.6 / §1.3 head motion: in-plane roll <= 3 deg, translation <= 2% of the face height, scale
  +/-1%, spectrum below 2 Hz (sum of slow sinusoids plus low-passed noise), smoothed with a
  Savitzky-Golay filter (13 frames, order 2) as SadTalker smooths its PoseVAE output. A
  ``pose_style`` 0..45 selects one of 46 presets (amplitudes, frequencies, bias), a fixed
  function of the style; the ``seed`` sets the phases and the noise. Still mode: exactly none.
  Motion fades in over the first 0.5 s so frame 0 is the portrait's own pose.

Randomness: ``numpy.random.default_rng`` seeded with ``[seed, stream]`` so blinks and head motion
draw from independent streams and the same seed always gives the same tracks.
"""

from __future__ import annotations

import math

import numpy as np

from facechain.talk.params import FPS

BLINK_GAP_MEDIAN = 2.6  # s
BLINK_GAP_SIGMA = 0.45  # log-normal shape
BLINK_GAP_MIN = 0.8  # s
NO_BLINK_FRAMES = 20  # SadTalker: clips of <= 20 frames (at 25 fps) get no blink
ROLL_MAX = 3.0  # degrees
SHIFT_MAX = 0.02  # fraction of the face height (vector length)
SCALE_MAX = 0.01  # relative
MAX_FREQ = 2.0  # Hz
N_POSE_STYLES = 46
FADE_IN = 0.5  # s

_BLINK_STREAM = 0xB1
_HEAD_STREAM = 0x4EAD
_PRESET_STREAM = 0x5E7


def _blink_shape(rng: np.random.Generator) -> np.ndarray:
    """One blink's eyelid closure per frame: fast close, 0-1 frame shut, slow reopen."""
    hold = int(rng.integers(0, 2))
    reopen = int(rng.integers(2, 5))
    opening = np.linspace(1.0, 0.0, reopen + 2)[1:-1]
    return np.concatenate([[0.55, 1.0], np.ones(hold), opening])


def blink_track(n_frames: int, *, seed: int, fps: float = FPS) -> np.ndarray:
    """Eyelid closure 0 (open) .. 1 (shut) per frame, float32, deterministic for ``seed``."""
    n_frames = int(n_frames)
    out = np.zeros(max(n_frames, 0), np.float32)
    if n_frames * (FPS / fps) <= NO_BLINK_FRAMES:
        return out
    rng = np.random.default_rng([int(seed), _BLINK_STREAM])
    mu = math.log(BLINK_GAP_MEDIAN)

    def gap() -> float:
        return max(BLINK_GAP_MIN, float(rng.lognormal(mu, BLINK_GAP_SIGMA)))

    t = gap() * float(rng.uniform(0.15, 1.0))  # the clip starts mid-gap
    while True:
        shape = _blink_shape(rng)
        start = int(round(t * fps))
        if start + len(shape) > n_frames:
            break
        out[start:start + len(shape)] = shape
        t = (start + len(shape)) / fps + gap()
    return out


def pose_preset(pose_style: int) -> dict:
    """The motion preset of one ``pose_style`` (0..45): a fixed function of the style.

    Per channel (roll, x, y, scale): the peak amplitude and three component frequencies in
    0.1-0.9 Hz with weights; a constant bias; the share of low-passed noise.
    """
    style = int(pose_style)
    if not 0 <= style < N_POSE_STYLES:
        raise ValueError(f"pose_style must be in 0..{N_POSE_STYLES - 1}, got {pose_style}")
    rng = np.random.default_rng([style, _PRESET_STREAM])
    energy = 0.45 + 0.5 * style / (N_POSE_STYLES - 1)  # styles run calm -> lively
    preset = {}
    for name, limit in (("roll", ROLL_MAX), ("x", SHIFT_MAX / math.sqrt(2)),
                        ("y", SHIFT_MAX / math.sqrt(2)), ("scale", SCALE_MAX)):
        amp = limit * energy * float(rng.uniform(0.75, 1.0))
        freqs = np.sort(rng.uniform(0.1, 0.9, 3))
        weights = rng.uniform(0.3, 1.0, 3)
        preset[name] = {
            "amplitude": amp,
            "freqs": freqs.tolist(),
            "weights": (weights / weights.sum()).tolist(),
            "bias": float(rng.uniform(-0.25, 0.25)),  # fraction of the amplitude
            "noise": float(rng.uniform(0.1, 0.3)),
        }
    return preset


def _lowpass_noise(rng: np.random.Generator, n: int, fps: float, cutoff: float = 1.0):
    """Unit-peak noise with its spectrum below ``cutoff`` Hz (zero-phase Butterworth)."""
    from scipy.signal import butter, sosfiltfilt

    x = rng.standard_normal(n + 64)
    if n + 64 <= 27:
        return np.zeros(n)
    sos = butter(2, min(cutoff / (fps / 2), 0.99), output="sos")
    y = sosfiltfilt(sos, x)[32:32 + n]
    return y / max(float(np.max(np.abs(y))), 1e-9)


def _smooth(x: np.ndarray) -> np.ndarray:
    """Savitzky-Golay (13 frames, order 2) as SadTalker smooths pose (skipped under 13)."""
    if len(x) < 13:
        return x
    from scipy.signal import savgol_filter

    return savgol_filter(x, 13, 2, mode="interp")


def head_motion(n_frames: int, *, pose_style: int, seed: int, still: bool,
                fps: float = FPS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(roll degrees (n,), shift (n, 2) in face heights, scale (n,)), float32.

    ``still``: zeros, zeros, ones exactly. Otherwise the preset of ``pose_style`` with phases and
    noise from ``seed``; every channel stays inside its limit (roll 3 deg, |shift| 0.02,
    scale 1 +/- 0.01) and below 2 Hz.
    """
    n = max(int(n_frames), 0)
    if still or n == 0:
        return (np.zeros(n, np.float32), np.zeros((n, 2), np.float32), np.ones(n, np.float32))
    preset = pose_preset(pose_style)
    rng = np.random.default_rng([int(seed), _HEAD_STREAM, int(pose_style)])
    t = np.arange(n) / fps
    fade = np.clip(t / FADE_IN, 0.0, 1.0)
    fade = 0.5 - 0.5 * np.cos(np.pi * fade)  # raised-cosine fade-in
    tracks = {}
    for name, p in preset.items():
        phases = rng.uniform(0, 2 * np.pi, len(p["freqs"]))
        wave = sum(w * np.sin(2 * np.pi * f * t + ph)
                   for f, w, ph in zip(p["freqs"], p["weights"], phases))
        noise = _lowpass_noise(rng, n, fps)
        # weights sum to 1, so |wave| <= 1; bias + wave + noise stay within 1 + 0.25 + 0.3 and
        # are rescaled below to the preset amplitude
        x = (p["bias"] + (1.0 - p["noise"]) * wave + p["noise"] * noise) / 1.25
        tracks[name] = fade * _smooth(p["amplitude"] * x)  # fade last: frame 0 is exact rest
    roll = np.clip(tracks["roll"], -ROLL_MAX, ROLL_MAX)
    shift = np.stack([tracks["x"], tracks["y"]], axis=1)
    norm = np.linalg.norm(shift, axis=1, keepdims=True)
    shift = shift * np.minimum(1.0, SHIFT_MAX / np.maximum(norm, 1e-12))
    scale = 1.0 + np.clip(tracks["scale"], -SCALE_MAX, SCALE_MAX)
    return roll.astype(np.float32), shift.astype(np.float32), scale.astype(np.float32)
