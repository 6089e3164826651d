"""Lip sync and the other talking-head checks, measured on output frames without SyncNet.

Facts followed (``../shared/reference/talking-head.md``):

- §2.4 aperture: MediaPipe face mesh; inner-lip aperture = |lm13 - lm14| / face height
  |lm10 - lm152|. Closed portraits measure 0.001-0.003, a laugh 0.125, real speech median
  0.044-0.059, p95 0.075-0.109, max ~0.16.
- §4.2.1 closed-loop offset/confidence (SyncNet's semantics, no weights): e(t) = audio RMS of each
  40 ms frame, r(L) = Pearson(a(t + L), e(t)) for L in -15..15. **L > 0: the mouth moves L frames
  after the sound; L < 0: it leads.** best_lag = argmax r, r_best = max r,
  confidence = r_best - median_L r(L).
- §4.2.2 silence closure: p90 aperture over frames inside silences (>= 40 dB under the peak for
  more than 300 ms; the same definition the driver uses, :func:`driving.silences`).
- §4.2.3 bilabial closure: at the midpoint of every /p b m/, aperture <= 25% of the median
  aperture of open speech frames.
- §2.5 blinks: eye aspect ratio from the MediaPipe eye chains (upper 246-161-160-159-158-157-173
  over lower 7-163-144-145-153-154-155, corners 33/133; mirrored 466.../249..., 263/362); a blink
  is a run of frames with EAR <= 50% of its 2 s rolling median.
- §4.2.5 identity: dlib ResNet 128-d distance (the ``face_recognition`` role's ``dlib_resnet``
  backend) between the source portrait and every ``every``-th frame.

Frames are RGB uint8 (H, W, 3). Landmarks come from one MediaPipe face mesh per call that
re-detects the face on every frame (``static_image_mode``): in video (tracking) mode the mesh
is fitted in an ROI derived from the previous frame's landmarks, so the same image measured
differently depending on what came before (bit-identical silence frames of obama3.jpg read
0.011 after speech, 0.0018 when re-detected; the photo's slightly parted lips make its inner-lip
reading sensitive to the ROI). A frame it misses is retried with the project's still-image
:class:`FaceMeshLandmarker` (full-range detector fallback). Missing faces give NaN, with
``found`` False.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence

import numpy as np

from facechain.talk import driving
from facechain.talk.params import FPS
from facechain.types import Audio, PhonemeTiming

logger = logging.getLogger(__name__)

UPPER_LIP, LOWER_LIP = 13, 14
FOREHEAD_TOP, CHIN = 10, 152
# (upper, lower) vertical pairs and the corners of each eye (MediaPipe's subject-right / left)
RIGHT_EYE_PAIRS = ((161, 163), (160, 144), (159, 145), (158, 153), (157, 154))
RIGHT_EYE_CORNERS = (33, 133)
LEFT_EYE_PAIRS = ((388, 390), (387, 373), (386, 374), (385, 380), (384, 381))
LEFT_EYE_CORNERS = (263, 362)
N_LANDMARKS = 478
BILABIAL_FRACTION = 0.25  # closed: aperture <= this x the median open aperture (§4.2.3)
OPEN_MIN = 0.02  # an "open" speech frame has an aperture above this (closed range < 0.02)
BLINK_DIP = 0.5  # a blink: EAR <= this x its rolling median


# ---------------------------------------------------------------------------------------------
# Landmarks


def face_landmarks(frames: Iterable[np.ndarray]) -> np.ndarray:
    """(n, 478, 2) float32 pixel landmarks per frame, NaN where no face was found."""
    import mediapipe as mp

    from facechain.components.human_parsing import FaceMeshLandmarker, check_rgb_image

    out: list[np.ndarray] = []
    fallback: FaceMeshLandmarker | None = None
    # re-detect per frame: a frame's figures depend on that frame only (module docstring)
    mesh = mp.solutions.face_mesh.FaceMesh(static_image_mode=True, max_num_faces=1,
                                           refine_landmarks=True, min_detection_confidence=0.5)
    try:
        for frame in frames:
            image = check_rgb_image(frame)
            h, w = image.shape[:2]
            result = mesh.process(image)
            points = None
            if result.multi_face_landmarks:
                lms = result.multi_face_landmarks[0].landmark
                points = np.array([(lm.x * w, lm.y * h) for lm in lms], np.float32)
            else:
                if fallback is None:
                    fallback = FaceMeshLandmarker(max_faces=1)
                points = fallback(image)
            if points is None or len(points) < N_LANDMARKS:
                points = np.full((N_LANDMARKS, 2), np.nan, np.float32)
            out.append(points[:N_LANDMARKS])
    finally:
        mesh.close()
        if fallback is not None:
            fallback.close()
    return np.stack(out) if out else np.zeros((0, N_LANDMARKS, 2), np.float32)


def _dist(points: np.ndarray, a: int, b: int) -> np.ndarray:
    return np.linalg.norm(points[:, a] - points[:, b], axis=1)


def aperture_from_landmarks(points: np.ndarray) -> np.ndarray:
    """Inner-lip aperture / face height per frame (NaN where landmarks are NaN)."""
    height = _dist(points, FOREHEAD_TOP, CHIN)
    return _dist(points, UPPER_LIP, LOWER_LIP) / np.maximum(height, 1e-6)


def ear_from_landmarks(points: np.ndarray) -> np.ndarray:
    """Eye aspect ratio per frame, the mean of both eyes: mean lid gap / corner distance."""
    ears = []
    for pairs, (c0, c1) in ((RIGHT_EYE_PAIRS, RIGHT_EYE_CORNERS),
                            (LEFT_EYE_PAIRS, LEFT_EYE_CORNERS)):
        gap = np.mean([_dist(points, u, v) for u, v in pairs], axis=0)
        ears.append(gap / np.maximum(_dist(points, c0, c1), 1e-6))
    return np.mean(ears, axis=0)


def mouth_aperture(frames: Iterable[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(aperture (n,), found (n,) bool): |lm13 - lm14| / |lm10 - lm152|, NaN where not found."""
    points = face_landmarks(frames)
    aperture = aperture_from_landmarks(points)
    return aperture, np.isfinite(aperture)


def eye_aspect(frames: Iterable[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(EAR (n,), found (n,) bool) for blink measurement, NaN where not found."""
    ear = ear_from_landmarks(face_landmarks(frames))
    return ear, np.isfinite(ear)


# ---------------------------------------------------------------------------------------------
# Sync


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    ok = np.isfinite(a) & np.isfinite(b)
    if ok.sum() < 3:
        return 0.0
    a, b = a[ok] - a[ok].mean(), b[ok] - b[ok].mean()
    den = math.sqrt(float((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 0 else 0.0


def lag_correlations(aperture: np.ndarray, envelope: np.ndarray, max_lag: int = 15) -> dict:
    """{L: Pearson(aperture[t + L], envelope[t])} for L in -max_lag..max_lag."""
    a = np.asarray(aperture, np.float64)
    e = np.asarray(envelope, np.float64)
    n = min(len(a), len(e))
    a, e = a[:n], e[:n]
    out = {}
    for lag in range(-max_lag, max_lag + 1):
        if lag >= 0:
            out[lag] = _pearson(a[lag:], e[:n - lag]) if n - lag >= 3 else 0.0
        else:
            out[lag] = _pearson(a[:n + lag], e[-lag:]) if n + lag >= 3 else 0.0
    return out


def sync_figures(aperture: np.ndarray, audio: Audio, *, fps: float = FPS,
                 max_lag: int = 15) -> dict:
    """§4.2.1 offset and confidence of a mouth-aperture series against the audio.

    Returns ``lags``, ``r`` (lists), ``best_lag`` (frames; > 0 = mouth late), ``r_best``,
    ``r0`` (lag 0) and ``confidence`` = r_best - median r.
    """
    aperture = np.asarray(aperture, np.float64)
    envelope = driving.frame_rms(audio, len(aperture), fps)
    corr = lag_correlations(aperture, envelope, max_lag)
    lags = sorted(corr)
    r = np.array([corr[lag] for lag in lags])
    best = int(lags[int(np.argmax(r))])
    return {"lags": lags, "r": [round(float(v), 4) for v in r], "best_lag": best,
            "r_best": float(r.max()), "r0": float(corr[0]),
            "confidence": float(r.max() - np.median(r)), "frames": int(len(aperture))}


# ---------------------------------------------------------------------------------------------
# Closures, blinks


def silence_frames(audio: Audio, n_frames: int, fps: float = FPS) -> np.ndarray:
    """Boolean per frame: the frame's span lies wholly inside a silence (§4.2.2)."""
    mask = np.zeros(n_frames, bool)
    for start, end in driving.silences(audio):
        first = int(math.ceil(start * fps - 1e-9))
        last = int(math.floor(end * fps + 1e-9))  # frames [first, last) end by `end`
        mask[max(first, 0):max(min(last, n_frames), 0)] = True
    return mask


def silence_closure(aperture: np.ndarray, audio: Audio, fps: float = FPS) -> dict:
    """p90 / max aperture over frames inside silences (None when the clip has none)."""
    aperture = np.asarray(aperture, np.float64)
    mask = silence_frames(audio, len(aperture), fps) & np.isfinite(aperture)
    values = aperture[mask]
    if not len(values):
        return {"frames": 0, "p90": None, "max": None}
    return {"frames": int(len(values)), "p90": float(np.percentile(values, 90)),
            "max": float(values.max())}


def open_median(aperture: np.ndarray, audio: Audio, fps: float = FPS) -> float | None:
    """Median aperture of open speech frames (outside silences, above :data:`OPEN_MIN`)."""
    aperture = np.asarray(aperture, np.float64)
    speech = ~silence_frames(audio, len(aperture), fps) & np.isfinite(aperture)
    values = aperture[speech & (aperture > OPEN_MIN)]
    return float(np.median(values)) if len(values) else None


def bilabial_closure(aperture: np.ndarray, phonemes: Sequence[PhonemeTiming], fps: float,
                     open_median: float) -> dict:
    """§4.2.3: share of /p b m/ whose midpoint frame has aperture <= 25% of ``open_median``."""
    aperture = np.asarray(aperture, np.float64)
    threshold = BILABIAL_FRACTION * float(open_median)
    frames = []
    for p in phonemes:
        if driving.is_bilabial(p.phoneme):
            i = int(math.floor((p.start + p.end) / 2 * fps))
            if 0 <= i < len(aperture) and np.isfinite(aperture[i]):
                frames.append(i)
    closed = [i for i in frames if aperture[i] <= threshold]
    return {"count": len(frames), "closed": len(closed),
            "rate": (len(closed) / len(frames)) if frames else None,
            "threshold": threshold, "missed_frames": sorted(set(frames) - set(closed))}


def blink_events(ear: np.ndarray, fps: float = FPS) -> list[tuple[int, int]]:
    """Blinks as (first frame, length): runs with EAR <= 50% of its 2 s rolling median."""
    from scipy.ndimage import median_filter

    ear = np.asarray(ear, np.float64)
    if len(ear) == 0:
        return []
    filled = np.where(np.isfinite(ear), ear, np.nanmedian(ear) if np.isfinite(ear).any() else 0)
    size = max(3, int(round(2 * fps)) | 1)
    baseline = median_filter(filled, size=size, mode="nearest")
    dip = np.isfinite(ear) & (filled <= BLINK_DIP * baseline)
    return [(a, b - a) for a, b in driving._runs(dip)]


def blink_rate(ear: np.ndarray, fps: float = FPS) -> float:
    """Blinks per minute (see :func:`blink_events`)."""
    minutes = len(ear) / fps / 60.0
    return len(blink_events(ear, fps)) / minutes if minutes > 0 else 0.0


# ---------------------------------------------------------------------------------------------
# Identity


class _Identity:
    """dlib HOG face box + the ``face_recognition`` role's dlib ResNet embedder (built-in)."""

    def __init__(self):
        import dlib

        from facechain.components.face_recognition import build_dlib_resnet
        from facechain.registry import ResolvedSource

        self.embedder = build_dlib_resnet(ResolvedSource("face_recognition", "builtin",
                                                         "builtin", None))
        self.detector = dlib.get_frontal_face_detector()

    def embed(self, image: np.ndarray) -> np.ndarray | None:
        from facechain.types import Face

        image = np.ascontiguousarray(image)
        rects = self.detector(image, 1 if max(image.shape[:2]) < 600 else 0)
        if not rects:
            return None
        r = max(rects, key=lambda r: r.width() * r.height())
        face = Face(box=(float(r.left()), float(r.top()), float(r.right() + 1),
                         float(r.bottom() + 1)), landmarks=np.zeros((5, 2), np.float32),
                    score=1.0)
        return self.embedder(image, face)


def identity_distance(source_image: np.ndarray, frames: Iterable[np.ndarray], *,
                      every: int = 5) -> dict:
    """dlib distance between the source face and every ``every``-th frame: ``max``, ``mean``,
    ``checked`` frames and ``missing`` (frames where dlib found no face)."""
    ident = _Identity()
    ref = ident.embed(source_image)
    if ref is None:
        return {"max": None, "mean": None, "checked": 0, "missing": 0,
                "error": "no face in the source image"}
    dists, missing = [], 0
    for i, frame in enumerate(frames):
        if i % max(1, every):
            continue
        emb = ident.embed(frame)
        if emb is None:
            missing += 1
            continue
        dists.append(float(np.linalg.norm(emb.astype(np.float64) - ref)))
    return {"max": max(dists) if dists else None,
            "mean": float(np.mean(dists)) if dists else None,
            "checked": len(dists), "missing": missing}


# ---------------------------------------------------------------------------------------------
# Report


def _finite(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, np.float64)
    return values[np.isfinite(values)]


def lip_sync_report(frames: Sequence[np.ndarray], audio: Audio, *, fps: float = FPS,
                    max_lag: int = 15, source_image: np.ndarray | None = None,
                    identity_every: int = 5) -> dict:
    """Every measurement of a rendered clip, JSON-serialisable (see the module docstring).

    ``frames`` must be re-iterable (a list) when ``source_image`` is given (identity reads the
    frames a second time).
    """
    frames = list(frames)
    points = face_landmarks(frames)
    aperture = aperture_from_landmarks(points)
    found = np.isfinite(aperture)
    ear = ear_from_landmarks(points)
    speech = ~silence_frames(audio, len(aperture), fps) & found
    speaking = _finite(aperture[speech])
    report: dict = {
        "frames": len(frames), "fps": float(fps), "seconds": len(frames) / float(fps),
        "face_found_rate": float(found.mean()) if len(found) else 0.0,
        "sync": sync_figures(np.where(found, aperture, np.nan), audio, fps=fps, max_lag=max_lag),
        "silence": silence_closure(aperture, audio, fps),
        "aperture": {
            "p50": float(np.percentile(speaking, 50)) if len(speaking) else None,
            "p95": float(np.percentile(speaking, 95)) if len(speaking) else None,
            "max": float(speaking.max()) if len(speaking) else None,
        },
        "blinks_per_minute": blink_rate(ear, fps),
        "blinks": len(blink_events(ear, fps)),
    }
    median = open_median(aperture, audio, fps)
    if audio.phonemes and median is not None:
        report["bilabial"] = bilabial_closure(aperture, audio.phonemes, fps, median)
    if source_image is not None:
        report["identity"] = identity_distance(source_image, frames, every=identity_every)
    return report
