"""Seeded blinks (goal T8) and head motion (goal T9)."""

from __future__ import annotations

import numpy as np
import pytest

from facechain.talk import motion

FPS = 25


def blinks(track: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of each run of non-zero closure."""
    on = np.concatenate([[False], track > 0, [False]])
    edges = np.flatnonzero(on[1:] != on[:-1])
    return [(int(a), int(b - a)) for a, b in zip(edges[::2], edges[1::2])]


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 5, 8, 13, 21])
def test_blink_rate_and_shape(seed):
    track = motion.blink_track(60 * FPS, seed=seed)
    assert track.shape == (1500,) and track.dtype == np.float32
    assert track.min() >= 0.0 and track.max() <= 1.0
    events = blinks(track)
    assert 12 <= len(events) <= 26  # per minute
    for start, length in events:
        assert 4 <= length <= 8
        shape = track[start:start + length]
        assert shape.max() == 1.0
        assert int(np.argmax(shape)) <= 2  # fast close (2 frames), slower reopen
    gaps = np.diff([s for s, _ in events]) / FPS
    assert gaps.min() >= motion.BLINK_GAP_MIN


def test_blinks_are_seeded():
    a = motion.blink_track(750, seed=11)
    assert np.array_equal(a, motion.blink_track(750, seed=11))
    assert not np.array_equal(a, motion.blink_track(750, seed=12))


def test_no_blink_in_short_clips():
    for seed in range(10):
        assert not motion.blink_track(20, seed=seed).any()
    assert motion.blink_track(0, seed=0).shape == (0,)


def test_blink_track_at_other_frame_rate():
    track = motion.blink_track(60 * 30, seed=4, fps=30)
    assert 12 <= len(blinks(track)) <= 26


def test_still_mode_is_exactly_no_motion():
    roll, shift, scale = motion.head_motion(200, pose_style=17, seed=5, still=True)
    assert roll.shape == (200,) and shift.shape == (200, 2) and scale.shape == (200,)
    assert np.all(roll == 0) and np.all(shift == 0) and np.all(scale == 1)


def dominant_frequency(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x - x.mean()))
    freqs = np.fft.rfftfreq(len(x), 1 / FPS)
    return float(freqs[1 + int(np.argmax(spectrum[1:]))])


def high_band_share(x: np.ndarray, above: float = 2.0) -> float:
    power = np.abs(np.fft.rfft(x - x.mean())) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / FPS)
    return float(power[freqs > above].sum() / max(power.sum(), 1e-30))


def test_head_motion_within_limits_for_every_style():
    for style in range(46):
        roll, shift, scale = motion.head_motion(750, pose_style=style, seed=style + 1,
                                                still=False)
        assert np.abs(roll).max() <= 3.0
        assert np.linalg.norm(shift, axis=1).max() <= 0.02
        assert np.abs(scale - 1).max() <= 0.01
        for x in (roll, shift[:, 0], shift[:, 1], scale):
            assert dominant_frequency(x) <= 2.0
            assert high_band_share(x) < 0.01
        assert np.ptp(roll) > 0.3  # it does move
        assert abs(roll[0]) < 1e-3 and np.abs(shift[0]).max() < 1e-4  # starts at rest


def test_head_motion_seeded_and_styled():
    a = motion.head_motion(300, pose_style=3, seed=9, still=False)
    b = motion.head_motion(300, pose_style=3, seed=9, still=False)
    for x, y in zip(a, b):
        assert np.array_equal(x, y)
    other_seed = motion.head_motion(300, pose_style=3, seed=10, still=False)
    other_style = motion.head_motion(300, pose_style=4, seed=9, still=False)
    assert not np.array_equal(a[0], other_seed[0])
    assert not np.array_equal(a[0], other_style[0])
    assert motion.pose_preset(3) == motion.pose_preset(3)
    with pytest.raises(ValueError):
        motion.pose_preset(46)


def test_head_motion_short_clips():
    for n in (0, 1, 12, 13):
        roll, shift, scale = motion.head_motion(n, pose_style=0, seed=0, still=False)
        assert roll.shape == (n,) and shift.shape == (n, 2) and scale.shape == (n,)
        assert np.all(np.isfinite(roll))
