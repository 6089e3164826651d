"""Audio -> per-frame mouth controls, and :func:`driving_signals`, the talking head's controls.

Facts followed (``../shared/reference/talking-head.md``):

- §2.3 envelope recipe: RMS per 10 ms hop -> dB; per-clip normalisation with ``peak`` = the 95th
  percentile and ``floor`` = peak - 38 dB, ``open = clip((dB - floor) / (peak - floor)) ** gamma``;
  a one-pole attack/release smoother (attack 20 ms, release 80 ms: the mouth opens fast and
  closes slower); the smoothed track is read 50 ms ahead of the frame to cancel the smoother's
  lag (real mouths lead the sound by 40-80 ms at the best lag, §4.3).
- §2.1 spectral cues for uploads (no text): opening follows the 300-3000 Hz band (vowel
  resonances) rather than the full-band level, fricatives (high-frequency energy ratio) narrow
  it, the 300-4000 Hz spectral centroid (an F2 proxy) spreads or rounds the mouth; dips of the
  band energy inside speech (stop closures) give short lip presses.
- §2.3 phoneme overrides for TTS (Piper IPA): /p b m/ press the lips (lip_press 1 over the
  phoneme, ramped over 20 ms either side), /f v/ near-closed, /s z t d/ narrow, /u w o/ rounded,
  /a ɑ æ aɪ aʊ/ widest. Stress marks ``ˈ ˌ`` take the shape of the phoneme they precede, the
  length mark ``ː`` that of the one it follows (Piper gives them durations of their own); short
  word gaps ``' '`` inside a phrase are split between their neighbours, long ones and ``^ $`` are
  rest. The phoneme shape is the target, the energy envelope its amplitude.
- §2.4 units: ``mouth_open`` 1.0 ~ 0.09 x face height of inner-lip aperture (a typical open
  vowel). ``expression_scale`` multiplies the opening, then a soft knee above 1.2 saturates at
  :data:`OPEN_CAP` = 1.75 (~0.16 x face height, the max of real speech), so the scale stays
  monotone and the renderer never exceeds the real range even at scale 2.
- §4.2.2 silences: hops >= 40 dB under the peak for more than 300 ms close the lips (open 0).

Per-frame values average the 10 ms track over the frame's span ``[i/fps, (i+1)/fps)`` (the same
span :func:`frame_rms` measures); the frame holding each /p b m/ midpoint is pinned to
``lip_press`` 1, so a 23 ms /b/ is never averaged away (goal T4 measures at the midpoints).

Calibration: the phoneme path's constants (``TARGET_LEAD``, ``PRESS_LEAD``, the table) were set
on ``tests/fixtures/speech/tts_papa`` (the one fixture with timings), the envelope path's on the
same clip with its timings removed, then checked on ``espeak_upload``.
"""

from __future__ import annotations

import math

import numpy as np

from facechain.talk import motion
from facechain.talk.params import FPS, TalkParams
from facechain.types import Audio, DrivingSignals

HOP = 0.010  # analysis hop, seconds
FLOOR_DB = 38.0  # normalisation range under the peak (§2.3: 35-40 dB)
GAMMA = 1.3  # §2.3: 1-1.5, suppresses breath noise
ATTACK = 0.020  # s
RELEASE = 0.080  # s
LOOKAHEAD = 0.050  # s, compensates the smoother's lag
SILENCE_DB = 40.0  # a silence is this far under the peak ...
SILENCE_MIN = 0.300  # ... for longer than this (s)
ABS_SILENCE_DB = -70.0  # dBFS; quieter hops are silence whatever the clip's peak
OPEN_KNEE = 1.2  # soft saturation of the scaled opening starts here ...
OPEN_CAP = 1.75  # ... and never exceeds this (1.75 x 0.09 ~ 0.16 x face height)
WIDTH_RANGE = (-0.2, 0.1)  # DrivingSignals.mouth_width: rounded .. spread
PRESS_RAMP = 0.020  # s, lip-press ramp either side of a bilabial
TARGET_LEAD = 0.020  # s, phoneme shapes lead Piper's timings (articulation precedes sound)
PRESS_LEAD = 0.020  # s, the press starts this long before a Piper /p b m/ (see _phoneme_tracks)
_DB_MIN = -120.0


# ---------------------------------------------------------------------------------------------
# Viseme table: phoneme -> (opening target, width target, lip press). Opening 1.0 = a typical
# open vowel; the table covers the IPA Piper and espeak-ng emit for English (and common
# neighbours). Unknown symbols get a generic mid consonant.

_VISEMES: dict[str, tuple[float, float, float]] = {}


def _viseme(symbols: str, opening: float, width: float, press: float = 0.0) -> None:
    for s in symbols.split():
        _VISEMES[s] = (opening, width, press)


_viseme("a ɑ æ ɐ ʌ ɒ aː ɑː", 1.1, 0.03)          # open vowels: widest
_viseme("ɔ ɔː", 0.85, -0.10)                     # open-mid rounded
_viseme("o oː ɵ", 0.7, -0.16)                    # close-mid rounded
_viseme("u uː ʊ ʉ ɯ", 0.45, -0.2)                # close rounded
_viseme("e ɛ eː ɛː", 0.75, 0.08)                 # front mid: spread
_viseme("i iː ɪ y ɨ", 0.45, 0.1)                 # front close: spread
_viseme("ə ɚ ɜ ɜː ɘ ᵻ", 0.6, 0.0)                # central
_viseme("ɹ r ɾ ɻ ʁ", 0.4, -0.08)                 # r: slight rounding
_viseme("w ʍ", 0.2, -0.2)                        # rounded glide
_viseme("j", 0.3, 0.08)
_viseme("l ɫ n ɲ", 0.35, 0.0)
_viseme("k ɡ g ŋ x ɣ q h ɦ ʔ", 0.45, 0.0)
_viseme("t d ɗ", 0.25, 0.02)                     # narrow, teeth
_viseme("s z", 0.18, 0.06)                       # narrow, teeth
_viseme("ʃ ʒ tʃ dʒ ʧ ʤ ç", 0.22, -0.12)          # post-alveolar: protruded
_viseme("θ ð", 0.25, 0.02)                       # tongue between the teeth
_viseme("f v", 0.06, 0.0)                        # near-closed, lower lip tucked
_viseme("p b m ɓ ɸ β", 0.0, 0.0, 1.0)            # bilabial: lips pressed
_REST = (0.0, 0.0, 0.0)
_DEFAULT = (0.35, 0.0, 0.0)
STRESS = {"ˈ", "ˌ"}
LENGTH = {"ː", "ˑ"}
REST = {"^", "$", "_", "#"}  # BOS / EOS / pause ids
WORD_GAP_MAX = 0.150  # s; a word gap longer than this is a pause (rest)
UPLOAD_PRESS = 0.5  # closure-detector press: weaker than a TTS bilabial (t/k dip too)
BILABIALS = frozenset({"p", "b", "m"})


def viseme(phoneme: str) -> tuple[float, float, float]:
    """(opening, width, press) target of one phoneme symbol (stress marks stripped)."""
    p = phoneme.strip().replace("ˈ", "").replace("ˌ", "")
    if not p:
        return _REST
    if p in _VISEMES:
        return _VISEMES[p]
    base = p.rstrip("ːˑ")
    if base in _VISEMES:
        return _VISEMES[base]
    if all(not c.isalpha() for c in p):  # punctuation: a pause
        return _REST
    return _VISEMES.get(base[:1], _DEFAULT)


def is_bilabial(phoneme: str) -> bool:
    return phoneme.strip().replace("ˈ", "").replace("ˌ", "").rstrip("ːˑ") in BILABIALS


# ---------------------------------------------------------------------------------------------
# Audio analysis at 10 ms hops


def _hop_samples(sample_rate: int) -> int:
    return max(1, int(round(sample_rate * HOP)))


def hop_db(audio: Audio) -> np.ndarray:
    """RMS level in dB (re full scale) of each 10 ms block of the audio."""
    x = np.asarray(audio.samples, dtype=np.float64).ravel()
    hop = _hop_samples(audio.sample_rate)
    n = int(math.ceil(len(x) / hop)) if len(x) else 0
    padded = np.zeros(n * hop)
    padded[:len(x)] = x
    rms = np.sqrt(np.mean(padded.reshape(n, hop) ** 2, axis=1)) if n else np.zeros(0)
    return np.maximum(20.0 * np.log10(np.maximum(rms, 1e-12)), _DB_MIN)


def speech_peak_db(db: np.ndarray) -> float:
    """The clip's speech level: 95th percentile of the hop levels (robust to clicks)."""
    return float(np.percentile(db, 95)) if len(db) else _DB_MIN


def silence_hops(db: np.ndarray, *, below: float = SILENCE_DB,
                 min_seconds: float = SILENCE_MIN) -> np.ndarray:
    """Boolean per hop: inside a run of hops >= ``below`` dB under the peak lasting longer
    than ``min_seconds`` (hops under -70 dBFS count as quiet whatever the peak)."""
    quiet = (db <= speech_peak_db(db) - below) | (db <= ABS_SILENCE_DB)
    out = np.zeros_like(quiet)
    min_hops = min_seconds / HOP
    for start, end in _runs(quiet):
        if end - start > min_hops:
            out[start:end] = True
    return out


def silences(audio: Audio) -> list[tuple[float, float]]:
    """Silences (>= 40 dB under the peak for > 300 ms) as (start, end) seconds."""
    return [(s * HOP, e * HOP) for s, e in _runs(silence_hops(hop_db(audio)))]


def frame_rms(audio: Audio, n_frames: int | None = None, fps: float = FPS) -> np.ndarray:
    """Linear RMS of the samples of each video frame ``[i/fps, (i+1)/fps)`` (the lip-sync
    envelope e(t) of §4.2.1); frames past the audio's end are 0."""
    x = np.asarray(audio.samples, dtype=np.float64).ravel()
    sr = audio.sample_rate
    if n_frames is None:
        n_frames = int(math.floor(len(x) / sr * fps))
    out = np.zeros(n_frames)
    for i in range(n_frames):
        a, b = int(round(i * sr / fps)), int(round((i + 1) * sr / fps))
        seg = x[a:min(b, len(x))]
        if len(seg):
            out[i] = math.sqrt(float(np.mean(seg ** 2)))
    return out


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index runs where ``mask`` is True."""
    m = np.concatenate([[False], np.asarray(mask, bool), [False]])
    edges = np.flatnonzero(m[1:] != m[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _spectral(audio: Audio, n_hops: int) -> dict[str, np.ndarray]:
    """Per-hop spectral cues from a Hann STFT (~25 ms windows centred on the hops): the
    300-3000 Hz band level (dB re full scale, like :func:`hop_db`), the share of energy above 4 kHz, the 300-4000 Hz centroid."""
    x = np.asarray(audio.samples, dtype=np.float64).ravel()
    sr = audio.sample_rate
    hop = _hop_samples(sr)
    n_fft = 1 << int(math.ceil(math.log2(max(16, 0.025 * sr))))
    pad = np.zeros(n_hops * hop + n_fft)
    start = n_fft // 2 - hop // 2  # window centred on the middle of each hop
    pad[start:start + len(x)] = x[:len(pad) - start]
    idx = np.arange(n_fft)[None, :] + hop * np.arange(n_hops)[:, None]
    window = np.hanning(n_fft)
    spec = np.abs(np.fft.rfft(pad[idx] * window[None, :], axis=1)) ** 2
    spec *= 2.0 / (n_fft * float((window ** 2).sum()))  # Parseval: band mean square, dBFS
    freqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    band = (freqs >= 300) & (freqs <= 3000)
    mid = (freqs >= 300) & (freqs <= 4000)
    high = freqs >= min(4000.0, sr / 2 * 0.8)
    total = spec.sum(axis=1) + 1e-20
    band_pow = spec[:, band].sum(axis=1)
    mid_pow = spec[:, mid].sum(axis=1) + 1e-20
    return {
        "band_db": np.maximum(10 * np.log10(band_pow + 1e-24), _DB_MIN),
        "hf_ratio": spec[:, high].sum(axis=1) / total,
        "centroid": (spec[:, mid] * freqs[mid][None, :]).sum(axis=1) / mid_pow,
    }


def normalised_level(db: np.ndarray, *, gamma: float = GAMMA) -> np.ndarray:
    """§2.3: ``clip((dB - floor) / (peak - floor), 0, 1) ** gamma``, peak = p95."""
    peak = speech_peak_db(db)
    level = np.clip((db - (peak - FLOOR_DB)) / FLOOR_DB, 0.0, 1.0) ** gamma
    return np.where(db <= ABS_SILENCE_DB, 0.0, level)


def attack_release(x: np.ndarray, *, attack: float = ATTACK, release: float = RELEASE,
                   hop: float = HOP) -> np.ndarray:
    """One-pole smoother ``y = k*y + (1-k)*x``, k from tau_attack when rising, else release."""
    ka, kr = math.exp(-hop / attack), math.exp(-hop / release)
    y = np.empty_like(x, dtype=np.float64)
    prev = 0.0
    for i, v in enumerate(np.asarray(x, dtype=np.float64)):
        k = ka if v > prev else kr
        prev = k * prev + (1.0 - k) * v
        y[i] = prev
    return y


def _advance(x: np.ndarray, seconds: float) -> np.ndarray:
    """Read ``x`` ``seconds`` ahead (look-ahead), holding the last value."""
    k = int(round(seconds / HOP))
    if k <= 0 or len(x) == 0:
        return x
    return np.concatenate([x[k:], np.full(min(k, len(x)), x[-1])])[:len(x)]


def _gaussian(x: np.ndarray, sigma_hops: float) -> np.ndarray:
    """Symmetric (zero-lag) Gaussian smoothing, for co-articulation between phoneme targets."""
    from scipy.ndimage import gaussian_filter1d

    return gaussian_filter1d(np.asarray(x, np.float64), sigma_hops, mode="nearest")


def _envelope(db: np.ndarray) -> np.ndarray:
    """Normalised, smoothed, look-ahead envelope in [0, 1] per hop."""
    return _advance(attack_release(normalised_level(db)), LOOKAHEAD)


# ---------------------------------------------------------------------------------------------
# The two drivers, both on the 10 ms grid


def _add_press(press: np.ndarray, centres: np.ndarray, t0: float, t1: float,
               value: float) -> None:
    """In place: ``value`` over [t0, t1], linear ramps of PRESS_RAMP either side (max-combined)."""
    a = max(0, int((t0 - PRESS_RAMP) / HOP) - 1)
    b = min(len(press), int((t1 + PRESS_RAMP) / HOP) + 2)
    if b <= a:
        return
    c = centres[a:b]
    ramp = np.clip(1.0 - np.maximum(t0 - c, c - t1) / PRESS_RAMP, 0.0, 1.0)
    press[a:b] = np.maximum(press[a:b], value * ramp)


def _phoneme_tracks(phonemes, n_hops: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Opening / width targets and lip press per hop from phoneme timings."""
    items = list(phonemes)
    shapes: list[tuple[float, float, float] | None] = []
    for p in items:
        sym = p.phoneme
        if sym in STRESS:
            shapes.append(None)  # resolved from the next phoneme below
        elif sym in LENGTH:
            shapes.append(None)  # resolved from the previous phoneme
        elif sym.strip() == "":
            shapes.append(_REST if p.end - p.start > WORD_GAP_MAX else None)
        elif sym in REST:
            shapes.append(_REST)
        else:
            shapes.append(viseme(sym))
    # Stress marks: the next sounding phoneme's shape (never its lip press, which is the
    # bilabial's own span); length marks: the previous one's; short word gaps: neighbours' mean.
    for i, p in enumerate(items):
        if shapes[i] is not None:
            continue
        prev = next((shapes[j] for j in range(i - 1, -1, -1) if shapes[j] is not None), _REST)
        nxt = next((shapes[j] for j in range(i + 1, len(items)) if shapes[j] is not None), _REST)
        if p.phoneme in STRESS:
            shapes[i] = (nxt[0], nxt[1], 0.0)
        elif p.phoneme in LENGTH:
            shapes[i] = (prev[0], prev[1], 0.0)
        else:
            shapes[i] = ((prev[0] + nxt[0]) / 2, (prev[1] + nxt[1]) / 2, 0.0)
    opening = np.zeros(n_hops)
    width = np.zeros(n_hops)
    press = np.zeros(n_hops)
    centres = (np.arange(n_hops) + 0.5) * HOP
    for p, (o, w, pr) in zip(items, shapes):
        a = int(max(0, math.floor(p.start / HOP + 0.5)))
        b = int(min(n_hops, math.floor(p.end / HOP + 0.5)))
        if b <= a and a < n_hops:
            b = a + 1  # every phoneme owns at least one hop
        opening[a:b] = o
        width[a:b] = w
        if pr > 0:
            # 1 from PRESS_LEAD before the phoneme to just past its midpoint, ramps of PRESS_RAMP:
            # Piper's /p b m/ span is mostly the release (the level rises through it); the
            # closure's silence lies in the 20-50 ms before it (measured on tts_papa)
            t0, t1 = p.start - PRESS_LEAD, (p.start + p.end) / 2 + HOP
            _add_press(press, centres, t0, t1, pr)
    # co-articulation: targets blend over ~25 ms; shapes lead the sound by TARGET_LEAD
    return (_advance(_gaussian(opening, 2.5), TARGET_LEAD),
            _advance(_gaussian(width, 2.5), TARGET_LEAD), press)


def _upload_tracks(audio: Audio, db: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Opening / width / lip press per hop from the envelope and spectral cues (no text)."""
    n = len(db)
    cues = _spectral(audio, n)
    band = cues["band_db"]
    # opening: the vowel band's envelope, narrowed on fricatives (high-frequency share)
    env = _envelope(band)
    fric = np.clip((cues["hf_ratio"] - 0.35) / 0.4, 0.0, 1.0)
    fric = _advance(_gaussian(fric, 2.0), LOOKAHEAD)
    opening = env * (1.0 - 0.5 * fric) * 1.1  # 1.1: a loud vowel reaches ~1 like the table
    # width: the F2-ish centroid relative to the clip's voiced median -> spread / rounded
    voiced = normalised_level(band) > 0.3
    width = np.zeros(n)
    if voiced.sum() >= 5:
        cen = np.log(np.maximum(cues["centroid"], 1.0))
        med = float(np.median(cen[voiced]))
        spread = float(np.std(cen[voiced])) + 1e-6
        z = np.tanh((cen - med) / (1.5 * spread))
        width = np.where(z > 0, z * WIDTH_RANGE[1], -z * WIDTH_RANGE[0]) * voiced
        width = _advance(_gaussian(width, 3.0), LOOKAHEAD)
    # closures: band-energy dips >= 15 dB inside speech (stop closures) -> a short press,
    # ramped like a bilabial, at half strength: on tts_papa without its timings it fired 13
    # times, at p t b ɡ closures mostly, and caught only 3 of the 25 /p b m/ (those need text).
    press = np.zeros(n)
    quiet = silence_hops(db)
    w = int(round(0.08 / HOP))
    centres = (np.arange(n) + 0.5) * HOP
    if n > 2 * w:
        from numpy.lib.stride_tricks import sliding_window_view

        padded = np.concatenate([np.full(w, _DB_MIN), band, np.full(w + 1, _DB_MIN)])
        windows = sliding_window_view(padded, w).max(axis=1)
        left = windows[:n]  # max over the w hops before h
        right = windows[w + 1:w + 1 + n]  # max over the w hops after h
        dip = (band < np.minimum(left, right) - 15.0) & ~quiet
        peak = speech_peak_db(band)
        dip &= np.minimum(left, right) > peak - 20.0  # between two voiced stretches
        for a, b in _runs(dip):
            if 2 <= b - a <= 15:
                _add_press(press, centres, a * HOP, b * HOP, UPLOAD_PRESS)
        press = _advance(press, LOOKAHEAD)
    return opening, width, press


def _to_frames(x: np.ndarray, n_frames: int, fps: float) -> np.ndarray:
    """Per-frame mean of a 10 ms track over each span [i/fps, (i+1)/fps)."""
    out = np.zeros(n_frames)
    for i in range(n_frames):
        a = int(math.floor(i / fps / HOP + 1e-9))
        b = max(a + 1, int(math.floor((i + 1) / fps / HOP + 1e-9)))
        seg = x[a:b]
        if len(seg):
            out[i] = seg.mean()
    return out


def scale_opening(opening: np.ndarray, expression_scale: float) -> np.ndarray:
    """``expression_scale`` x opening, soft-saturated above :data:`OPEN_KNEE` to
    :data:`OPEN_CAP` (monotone, continuous slope)."""
    x = np.asarray(opening, np.float64) * float(expression_scale)
    span = OPEN_CAP - OPEN_KNEE
    return np.where(x <= OPEN_KNEE, x, OPEN_KNEE + span * np.tanh((x - OPEN_KNEE) / span))


def mouth_signals(audio: Audio, n_frames: int, *, fps: float = FPS,
                  expression_scale: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mouth_open, mouth_width, lip_press), one float32 value per video frame.

    Phoneme timings drive the shapes when ``audio.phonemes`` is set (TTS), with the energy
    envelope as amplitude; otherwise the envelope and spectral cues (uploads). ``mouth_open`` is
    the jaw's opening and is *not* pre-multiplied by the press: the renderer applies
    ``lip_press`` (DrivingSignals: 1 closes the lips whatever ``mouth_open`` says). The frame
    holding a /p b m/ midpoint always gets press 1; other frames average the press over their
    span. Silences close the mouth. ``mouth_width`` is scaled by ``expression_scale`` too.
    """
    n_frames = int(n_frames)
    if n_frames <= 0:
        empty = np.zeros(0, np.float32)
        return empty, empty.copy(), empty.copy()
    n_hops = max(len(hop_db(audio)), int(math.ceil(n_frames / fps / HOP)) + 1)
    db = hop_db(audio)
    db = np.concatenate([db, np.full(n_hops - len(db), _DB_MIN)])
    if audio.phonemes:
        target, width, press = _phoneme_tracks(audio.phonemes, n_hops)
        opening = target * _envelope(db)
    else:
        opening, width, press = _upload_tracks(audio, db)
    # 300 ms+ silences: lips at rest, reached through a 30 ms ramp so the release does not jump
    gate = 1.0 - _gaussian(silence_hops(db).astype(np.float64), 1.5)
    gate = np.where(silence_hops(db), 0.0, gate)
    opening = opening * gate
    width = width * gate
    mouth_open = scale_opening(_to_frames(opening, n_frames, fps), expression_scale)
    mouth_width = np.clip(_to_frames(width, n_frames, fps) * float(expression_scale),
                          WIDTH_RANGE[0], WIDTH_RANGE[1])
    lip_press = _to_frames(press, n_frames, fps)
    if audio.phonemes:
        # the frame holding a /p b m/ midpoint is always fully pressed (graded neighbours)
        for p in audio.phonemes:
            if is_bilabial(p.phoneme):
                i = int(math.floor((p.start + p.end) / 2 * fps))
                if 0 <= i < n_frames:
                    lip_press[i] = 1.0
    lip_press = np.clip(lip_press, 0.0, 1.0)
    return (mouth_open.astype(np.float32), mouth_width.astype(np.float32),
            lip_press.astype(np.float32))


def n_frames_for(audio: Audio, fps: float = FPS) -> int:
    """floor(duration x fps), SadTalker's frame count (§1.3)."""
    return int(math.floor(audio.duration * fps + 1e-9))


def driving_signals(audio: Audio, params: TalkParams, n_frames: int | None = None, *,
                    fps: float = FPS) -> DrivingSignals:
    """Every control of the render for ``audio`` under ``params``; deterministic for a seed.

    Mouth from :func:`mouth_signals`; blinks from :func:`motion.blink_track` (zeros when
    ``params.blink`` is off); head from :func:`motion.head_motion` (none when ``params.still``).
    """
    if n_frames is None:
        n_frames = n_frames_for(audio, fps)
    mouth_open, mouth_width, lip_press = mouth_signals(
        audio, n_frames, fps=fps, expression_scale=params.expression_scale)
    if params.blink:
        blink = motion.blink_track(n_frames, seed=params.seed, fps=fps)
    else:
        blink = np.zeros(n_frames, np.float32)
    roll, shift, scale = motion.head_motion(n_frames, pose_style=params.pose_style,
                                            seed=params.seed, still=params.still, fps=fps)
    return DrivingSignals(fps=float(fps), mouth_open=mouth_open, mouth_width=mouth_width,
                          lip_press=lip_press, blink=blink, roll=roll, shift=shift, scale=scale)
