"""The ``mesh_warp`` talking-head renderer: one portrait + per-frame driving signals -> frames.

A classical, weight-free stand-in for SadTalker (``../shared/reference/talking-head.md``):

- **Framing** (§1.2, SadTalker's ``preprocess``): ``crop`` = the square face box SadTalker derives
  from the eyes and mouth (FFHQ-style: side = max(2 x eye-to-eye, 1.8 x eye-to-mouth) x 2,
  centred 0.1 eye-to-mouth below the eyes; axis-aligned as SadTalker crops it, edge-replicated
  where it leaves the photo), resized to ``size``; ``resize`` = the whole photo squashed to
  ``size`` x ``size``; ``full`` = the photo itself, only a region of interest (ROI) around the head
  is ever touched, so everything outside it is the photo byte for byte (T10). Frame sizes are
  even (an odd row / column of a ``full`` photo is dropped): H.264 yuv420p needs that (§5).
- **Faces**: dlib HOG counts faces (a second face at least 1/4 the area of the largest is
  ``multiple_faces``); MediaPipe's face mesh (478 points with irises, the project's
  :class:`~facechain.components.human_parsing.FaceMeshLandmarker`) gives the landmarks. No face
  -> ``no_face``; HOG saw a face the mesh cannot fit -> ``no_mesh``; face height (landmarks
  10-152) under ``min_face`` px -> ``face_too_small``.
- **Mesh** (§2.7, §3): Delaunay over the 468 mesh points (irises excluded: they do not move), a
  ring of the 36 face-oval points pushed out 35% from the face centre, and points along the ROI
  border; minus the triangles whose 3 vertices are inner-lip points on both sides of the lip seam
  (they would stretch the 1-2 px seam into streaks). The triangulation is computed on the mesh
  with the mouth opened by 0.08 H: on a closed mouth Delaunay links inner-lip points across the
  seam to the other lip, so no triangle would be all-inner-lip. A source that already shows an
  open mouth (aperture > 0.02 face height, e.g. teeth) keeps them: its real inner mouth is
  stretched instead, and no fill is painted.
- **Deformation** per frame (face height H = |10-152|, §2.4): the inner aperture at the
  vertices grows by ``mouth_open x jaw_gain x 0.075 H`` (capped at 0.135 H in total), which
  MediaPipe re-detects on the frame as ~0.09-0.11 H at ``mouth_open`` = 1 (the signals' unit);
  85% of it is the lower lip + chin going down with a jaw profile fading toward the cheeks, 15%
  the upper lip going up; the mouth corners drop a little. ``mouth_width`` scales the lips about
  the mouth centre along the face's horizontal axis. A source that shows an open mouth (teeth)
  takes the aperture in absolute terms instead: the jaw field moves by
  ``mouth_open x jaw_gain x 0.075 H`` minus the photo's own aperture, so it runs backwards and
  closes the photo's mouth at ``mouth_open`` 0 (silences, pauses; the lip pairs meet as in a
  press below 20% of its aperture) and opens it with the speech.
  ``lip_press`` scales the opening by (1 - press), closes a slightly open source mouth (> 1 px)
  with the jaw field run backwards, and pulls
  each inner-lip pair (191/95, 80/88, 81/178, 82/87, 13/14, 312/317, 311/402, 310/318,
  415/324) to its midpoint. ``blink`` moves each upper-lid chain (§2.5:
  246-161-160-159-158-157-173 and 466-388-387-386-385-384-398) 90% of the way onto its lower
  chain (which rises the other 10%), the skin above following with a falloff (0.6 eye widths);
  from blink 0.35 the eye slit is painted with lid-coloured skin sampled above the eye and a
  soft lash line along the closing lid (without it MediaPipe still reads half-open eyes).
  ``roll`` (degrees, positive = counter-clockwise on screen) / ``shift`` / ``scale``: a
  similarity about a pivot under the chin applied to the mesh (weight 1) and the ring (0.6, less
  near the ROI border); the ROI border stays put, so the motion fades out before it.
- **Warp** (§3): a dense backward map. The destination triangles that moved are rasterised
  (``cv2.fillConvexPoly`` with 4 fractional bits) as ids into an int32 image over their bounding
  box; each pixel takes its triangle's destination->source affine (id 0 = identity), and one
  ``cv2.remap`` (bilinear, edge-replicate) samples the source. Every pixel gets exactly one map,
  so no cracks (T7); unmoved triangles and all pixels outside the moved box are exact identity, so
  zero signals reproduce the prepared image of a closed-mouth source exactly.
- **Inner mouth** (§2.7), when the opening exceeds the source's: inside the destination inner-lip
  polygon (78 191 80 81 82 13 312 311 310 415 308 | 324 318 402 317 14 87 178 88 95) a cavity at
  ~22% of the sampled lip colour darkening toward the lower lip, an upper-teeth band under the
  upper lip 30% of the opening tall, greyish (scaled to the skin's brightness), Gaussian-softened
  (sigma 8% of the opening), faded toward the corners, the whole fill feathered ~1 px and faded
  in over the first 2 px of extra opening.

Deterministic: no randomness here (blinks and head motion come seeded in the signals).
Cost: see ``tests/talk/test_mesh_warp.py`` (printed ms/frame at 256 and 512).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from facechain.errors import InvalidInputError, NoUsableFaceError
from facechain.types import DrivingSignals

logger = logging.getLogger(__name__)

ROLE = "talking_head"

# --- MediaPipe face-mesh indices (subject's left / right) -------------------------------------
FACE_OVAL = (10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400,
             377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67,
             109)
FOREHEAD, CHIN = 10, 152
UPPER_INNER, LOWER_INNER = 13, 14
MOUTH_CORNERS = (61, 291)  # outer corners
INNER_CORNERS = (78, 308)
INNER_UPPER = (78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308)
INNER_LOWER = (324, 318, 402, 317, 14, 87, 178, 88, 95)  # from the 308 side back to 78
INNER_LOOP = INNER_UPPER + INNER_LOWER
LIP_PAIRS = ((191, 95), (80, 88), (81, 178), (82, 87), (13, 14), (312, 317), (311, 402),
             (310, 318), (415, 324))
OUTER_LIPS = (61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39,
              40, 185)
# eyes: (outer corner, upper chain, inner corner, lower chain); chains run corner to corner
RIGHT_EYE = (33, (246, 161, 160, 159, 158, 157, 173), 133, (7, 163, 144, 145, 153, 154, 155))
LEFT_EYE = (263, (466, 388, 387, 386, 385, 384, 398), 362, (249, 390, 373, 374, 380, 381, 382))
EYES = (RIGHT_EYE, LEFT_EYE)
EYE_CONTOURS = frozenset(i for c0, up, c1, low in EYES for i in (c0, c1, *up, *low))
N_MESH = 468  # irises (468-477) are not vertices

# inner aperture added at mouth_open = 1, in face heights: 0.075 at the vertices re-detects as
# ~0.09-0.10 (MediaPipe reads the dark cavity's feathered edge as lip too; §2.4 wants ~0.09)
JAW_DROP = 0.075
MAX_APERTURE = 0.135  # at the vertices; re-detected stays under ~0.16 (§2.4)
OPEN_SOURCE = 0.02  # a source aperture above this shows a real inner mouth
CLOSE_PULL = 0.2  # an open source's lips meet (pair pull) below this share of its aperture
RING_PUSH = 0.35
RING_WEIGHT = 0.6
MODES = ("crop", "resize", "full")
BLINK_UPPER = 0.9  # share of the lid gap the upper lid travels
BLINK_SPREAD = 1.0  # how much of it the skin just above the lid follows
LID_FILL_FROM = 0.35  # blink level where the lid-coloured fill starts
BLINK_RADIUS = 0.6  # reach of that skin, in eye widths
LASH_LINE = 0.07  # lash-line thickness on the closed lid, in eye widths (0: none)


@dataclass
class PreparedPortrait:
    """Everything :meth:`MeshWarpAnimator.render` needs for one portrait, computed once.

    ``image`` is the frame base (crop / resized / even-cropped photo), ``points`` the 478 mesh
    landmarks in its pixels; ``vertices`` (V, 2) the triangulation's source vertices (mesh 0..467,
    then ring, then ROI border), ``triangles`` (T, 3) vertex indices, ``roi`` (x0, y0, x1, y1) the
    only region frames may differ from ``image`` in. ``face_box`` is the face in the *input*
    portrait's pixels; ``transform`` (2, 3) maps input pixels to frame pixels.
    """

    image: np.ndarray
    preprocess: str
    size: int
    points: np.ndarray
    vertices: np.ndarray
    triangles: np.ndarray
    head_weight: np.ndarray  # (V,) weight of the head similarity per vertex
    roi: tuple[int, int, int, int]
    face_box: tuple[float, float, float, float]
    transform: np.ndarray
    face_height: float
    source_open: bool
    colours: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def frame_size(self) -> tuple[int, int]:
        """(width, height) of every frame."""
        return int(self.image.shape[1]), int(self.image.shape[0])


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-6)


class MeshWarpAnimator:
    """Piecewise-affine face animation driven by :class:`~facechain.types.DrivingSignals`.

    ``prepare`` validates the portrait and precomputes its mesh; ``render`` gives frame ``i``;
    ``frames`` a chunk. Options: ``jaw_gain`` scales the opening at ``mouth_open`` = 1
    (0.075 H at the vertices), ``min_face`` the smallest usable face height in input pixels,
    ``second_face_ratio`` the area (vs the largest) from which a second face rejects the photo.
    Thread-safe: prepared portraits are read-only, the detectors hold their own locks.
    """

    def __init__(self, *, jaw_gain: float = 1.0, min_face: int = 64,
                 second_face_ratio: float = 0.25, landmarker: Any = None, detector: Any = None):
        if not 0.0 < jaw_gain <= 2.0:
            raise InvalidInputError(f"jaw_gain must be in (0, 2], got {jaw_gain}", param="jaw_gain")
        if min_face < 16:
            raise InvalidInputError(f"min_face must be >= 16, got {min_face}", param="min_face")
        self.jaw_gain = float(jaw_gain)
        self.min_face = int(min_face)
        self.second_face_ratio = float(second_face_ratio)
        self._landmarker = landmarker
        self._detector = detector
        self._lock = threading.Lock()

    # --- models (built on first use) ----------------------------------------------------------
    def _models(self):
        with self._lock:
            if self._landmarker is None:
                from facechain.components.human_parsing import FaceMeshLandmarker

                self._landmarker = FaceMeshLandmarker(max_faces=2, role=ROLE)
            if self._detector is None:
                from facechain.components.face_detection import build_face_detector

                self._detector = build_face_detector("dlib_hog", upsample=1, max_side=1024)
        return self._landmarker, self._detector

    # --- 1. prepare -----------------------------------------------------------------------------
    def prepare(self, portrait: np.ndarray, *, preprocess: str = "crop",
                size: int = 256) -> PreparedPortrait:
        """Validate ``portrait`` (RGB uint8) and precompute framing, mesh and triangulation.
        Raises :class:`NoUsableFaceError` (``no_face``, ``multiple_faces``, ``face_too_small``,
        ``no_mesh``)."""
        if preprocess not in MODES:
            raise InvalidInputError(f"preprocess must be one of {MODES}, got {preprocess!r}",
                                    param="preprocess")
        if size not in (256, 512):
            raise InvalidInputError(f"size must be 256 or 512, got {size}", param="size")
        if not isinstance(portrait, np.ndarray) or portrait.dtype != np.uint8 \
                or portrait.ndim != 3 or portrait.shape[2] != 3 or min(portrait.shape[:2]) < 16:
            desc = (f"{portrait.dtype} {portrait.shape}" if isinstance(portrait, np.ndarray)
                    else type(portrait).__name__)
            raise InvalidInputError(f"expected a uint8 RGB image (H, W, 3), got {desc}",
                                    param="portrait")
        portrait = np.ascontiguousarray(portrait)
        landmarker, detector = self._models()

        # 1a. count faces (HOG), fit the mesh on the largest
        boxes = sorted(detector.detect_boxes(portrait),
                       key=lambda b: (b[0][2] - b[0][0]) * (b[0][3] - b[0][1]), reverse=True)
        areas = [max(0.0, (b[2] - b[0]) * (b[3] - b[1])) for b, _ in boxes]
        if len(areas) > 1 and areas[1] >= self.second_face_ratio * areas[0]:
            raise NoUsableFaceError(f"the portrait shows {len(areas)} faces; a talking head needs "
                                    "exactly one", reason="multiple_faces")
        points = landmarker(portrait)
        if points is None:
            if boxes:
                raise NoUsableFaceError("a face was detected but the face mesh cannot fit it "
                                        "(turned away or occluded?)", reason="no_mesh")
            raise NoUsableFaceError("no face found in the portrait", reason="no_face")
        points = np.asarray(points, np.float64)
        height = float(np.linalg.norm(points[FOREHEAD] - points[CHIN]))
        if height < self.min_face:
            raise NoUsableFaceError(f"the face is {height:.0f} px tall; at least {self.min_face} "
                                    "px needed", reason="face_too_small")
        x0, y0 = points[list(FACE_OVAL)].min(axis=0)
        x1, y1 = points[list(FACE_OVAL)].max(axis=0)
        face_box = (float(x0), float(y0), float(x1), float(y1))

        # 1b. framing
        image, transform = _frame(portrait, points, preprocess, size)
        pts = points @ transform[:, :2].T + transform[:, 2]
        fh = float(np.linalg.norm(pts[FOREHEAD] - pts[CHIN]))
        h, w = image.shape[:2]

        # 1c. ROI, vertices, triangulation
        centre = pts[list(FACE_OVAL)].mean(axis=0)
        ring = centre + (pts[list(FACE_OVAL)] - centre) * (1.0 + RING_PUSH)
        if preprocess == "full":
            lo = np.minimum(ring.min(axis=0), pts[:N_MESH].min(axis=0)) - 0.2 * fh
            hi = np.maximum(ring.max(axis=0), pts[:N_MESH].max(axis=0)) + 0.2 * fh
            rx0, ry0 = (int(max(0, np.floor(v))) for v in lo)
            rx1, ry1 = int(min(w, np.ceil(hi[0]))), int(min(h, np.ceil(hi[1])))
        else:
            rx0, ry0, rx1, ry1 = 0, 0, w, h
        roi = (rx0, ry0, rx1, ry1)
        lo_b = np.array([rx0, ry0], np.float64)
        hi_b = np.array([rx1 - 1, ry1 - 1], np.float64)
        mesh = np.clip(pts[:N_MESH], lo_b, hi_b)
        ring = np.clip(ring, lo_b, hi_b)
        border = _border_points(roi, steps=6)
        vertices = np.concatenate([mesh, ring, border])
        border_dist = np.minimum(ring - lo_b, hi_b - ring).min(axis=1)
        head_weight = np.concatenate([
            np.ones(N_MESH), RING_WEIGHT * np.clip(border_dist / (0.1 * fh), 0.0, 1.0),
            np.zeros(len(border))])
        source_open = float(np.linalg.norm(pts[UPPER_INNER] - pts[LOWER_INNER])) > OPEN_SOURCE * fh
        if source_open:
            triangles = _triangulate(vertices, drop_seam=False)
        else:
            # Triangulate an opened mouth: on the closed one Delaunay links each inner-lip point
            # to the other lip's middle row, so no triangle lies inside the seam and opening it
            # would stretch lip texture. The opened layout puts only seam-spanning all-inner-lip
            # triangles inside the mouth; the same topology then serves every frame.
            opened = vertices.copy()
            opened[:N_MESH] += _Geometry(pts, fh).jaw_field(vertices[:N_MESH], 0.08 * fh)
            triangles = _triangulate(opened, drop_seam=True)

        prepared = PreparedPortrait(
            image=image, preprocess=preprocess, size=size, points=pts.astype(np.float32),
            vertices=vertices, triangles=triangles, head_weight=head_weight, roi=roi,
            face_box=face_box, transform=transform, face_height=fh, source_open=source_open)
        prepared.colours = _sample_colours(image, pts)
        image.setflags(write=False)
        return prepared

    # --- 2. deform ------------------------------------------------------------------------------
    def destination(self, prepared: PreparedPortrait, signals: DrivingSignals,
                    i: int) -> np.ndarray:
        """(V, 2) destination vertices for frame ``i`` (the source vertices moved)."""
        n = signals.n_frames
        if not 0 <= i < n:
            raise IndexError(f"frame {i} outside 0..{n - 1}")
        src = prepared.vertices
        pts = prepared.points.astype(np.float64)
        fh = prepared.face_height
        dst = src.copy()
        mesh = dst[:N_MESH]  # a view: the local deformations edit the mesh in place
        geo = _Geometry(pts, fh)

        press = float(np.clip(signals.lip_press[i], 0.0, 1.0))
        opening = max(0.0, float(signals.mouth_open[i])) * (1.0 - press)
        width = float(np.clip(signals.mouth_width[i], -0.5, 0.5))
        blink = float(np.clip(signals.blink[i], 0.0, 1.0))

        gap0 = float(np.linalg.norm(pts[UPPER_INNER] - pts[LOWER_INNER]))
        if prepared.source_open:
            # an open source mouth (teeth): the opening is absolute, the aperture the signal's
            # unit asks for (mouth_open 1 ~ JAW_DROP x jaw_gain face heights at the vertices);
            # the jaw closes the photo's opening below that, lips and chin together. Added on
            # top of the photo's opening instead, a smile would stay open through silences and
            # barely move in speech (measured on obama2.jpg: silence p90 0.137, r 0.13)
            target = min(opening * self.jaw_gain * JAW_DROP * fh, MAX_APERTURE * fh)
            if target != gap0:
                mesh += geo.jaw_field(src[:N_MESH], target - gap0)
            # near full closure the lips meet as a press would (the jaw alone left a laugh's
            # lips ~0.026 H apart on obama2.jpg); graded over the last 20% of the photo's gap
            press = max(press, float(np.clip(1.0 - target / (CLOSE_PULL * gap0), 0.0, 1.0)))
        elif opening > 0.0:
            extra = min(opening * self.jaw_gain * JAW_DROP * fh, max(0.0, MAX_APERTURE * fh - gap0))
            mesh += geo.jaw_field(src[:N_MESH], extra)
        if width != 0.0:
            mesh += geo.width_field(src[:N_MESH], width)
        if press > 0.0:
            if gap0 > 1.0 and not prepared.source_open:  # the jaw closes a slightly open mouth
                mesh += geo.jaw_field(src[:N_MESH], -press * gap0)
            for a, b in LIP_PAIRS:
                mid = 0.5 * (mesh[a] + mesh[b])
                mesh[a] += press * (mid - mesh[a])
                mesh[b] += press * (mid - mesh[b])
        if blink > 0.0:
            mesh += geo.blink_field(src[:N_MESH], blink)
        # far-field falloffs leave sub-micro-pixel motion: snap it to exactly none, so untouched
        # regions (eyes while only the mouth moves) stay bit-identical
        tiny = np.all(np.abs(mesh - src[:N_MESH]) < 1e-3, axis=1)
        mesh[tiny] = src[:N_MESH][tiny]

        roll = float(signals.roll[i])
        shift = np.asarray(signals.shift[i], np.float64)
        scale = float(signals.scale[i])
        if roll != 0.0 or scale != 1.0 or np.any(shift != 0.0):
            pivot = pts[CHIN] - geo.up * 0.25 * fh
            theta = np.deg2rad(roll)
            rot = scale * np.array([[np.cos(theta), np.sin(theta)],
                                    [-np.sin(theta), np.cos(theta)]])
            moved = (dst - pivot) @ rot.T + pivot + shift * fh
            dst = dst + prepared.head_weight[:, None] * (moved - dst)
        return dst

    # --- 3. render ------------------------------------------------------------------------------
    def render(self, prepared: PreparedPortrait, signals: DrivingSignals, i: int) -> np.ndarray:
        """Frame ``i`` (RGB uint8, ``prepared.frame_size``)."""
        dst = self.destination(prepared, signals, i)
        frame = prepared.image.copy()
        box, ids, affines = _rasterise(prepared, dst, moved_only=True)
        if box is not None:
            x0, y0, x1, y1 = box
            xs = np.arange(x0, x1, dtype=np.float32)[None, :]
            ys = np.arange(y0, y1, dtype=np.float32)[:, None]
            c = np.take(affines, ids, axis=0)  # (h, w, 6): one gather for all six coefficients
            map_x = c[..., 0] * xs + c[..., 1] * ys + c[..., 2]
            map_y = c[..., 3] * xs + c[..., 4] * ys + c[..., 5]
            frame[y0:y1, x0:x1] = cv2.remap(prepared.image, map_x, map_y, cv2.INTER_LINEAR,
                                            borderMode=cv2.BORDER_REPLICATE)
        if not prepared.source_open:
            _paint_mouth(frame, prepared, dst)
        blink = float(np.clip(signals.blink[i], 0.0, 1.0))
        if blink > LID_FILL_FROM:
            _paint_lids(frame, prepared, dst, min(1.0, (blink - LID_FILL_FROM) / 0.4))
        return frame

    def frames(self, prepared: PreparedPortrait, signals: DrivingSignals, start: int = 0,
               stop: int | None = None) -> list[np.ndarray]:
        """Frames ``start`` .. ``stop - 1`` (default: to the end of ``signals``)."""
        stop = signals.n_frames if stop is None else min(stop, signals.n_frames)
        return [self.render(prepared, signals, i) for i in range(start, stop)]

    def coverage(self, prepared: PreparedPortrait, signals: DrivingSignals, i: int) -> np.ndarray:
        """Diagnostics: bool (H, W) mask of the pixels some destination triangle of frame ``i``
        covers (the ROI minus the inner-mouth hole when the seam triangles were dropped)."""
        dst = self.destination(prepared, signals, i)
        _, ids, _ = _rasterise(prepared, dst, moved_only=False)
        return ids > 0


class _Geometry:
    """Face axes of the source landmarks: ``up`` (chin -> forehead), ``right`` (image-right for an
    upright face), the mouth centre, half-width and the lip seam's height profile."""

    def __init__(self, pts: np.ndarray, fh: float):
        self.fh = fh
        self.up = _unit(pts[FOREHEAD] - pts[CHIN])
        right = np.array([-self.up[1], self.up[0]])
        if np.dot(pts[MOUTH_CORNERS[1]] - pts[MOUTH_CORNERS[0]], right) < 0:
            right = -right
        self.right = right
        self.mouth = 0.5 * (pts[MOUTH_CORNERS[0]] + pts[MOUTH_CORNERS[1]])
        self.half_width = max(0.5 * float(np.linalg.norm(pts[MOUTH_CORNERS[1]]
                                                         - pts[MOUTH_CORNERS[0]])), 1.0)
        seam = [pts[INNER_CORNERS[0]], pts[INNER_CORNERS[1]]]
        seam += [0.5 * (pts[a] + pts[b]) for a, b in LIP_PAIRS]
        seam = np.array(seam)
        sx, st = self.coords(seam)
        order = np.argsort(sx)
        self._seam_x, self._seam_t = sx[order], st[order]
        self.pts = pts

    def coords(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Lateral offset from the mouth centre along ``right`` and height along ``up`` (px)."""
        d = p - self.mouth
        return d @ self.right, d @ self.up

    def jaw_field(self, p: np.ndarray, extra: float) -> np.ndarray:
        """Displacements opening the inner aperture by ``extra`` px at the lip centre."""
        x, t = self.coords(p)
        lat = np.abs(x) / self.half_width
        seam_t = np.interp(x, self._seam_x, self._seam_t)
        rel = (t - seam_t) / self.fh  # > 0 above the seam, face heights
        lip = np.where(lat < 1.0, 0.2 + 0.8 * np.sqrt(np.clip(1.0 - lat ** 2, 0.0, 1.0)),
                       0.2 * np.clip(1.0 - (lat - 1.0) / 0.5, 0.0, 1.0))
        jaw = np.clip(1.0 - (lat - 1.0) / 1.5, 0.0, 1.0)
        depth = np.clip(-rel / 0.10, 0.0, 1.0)
        down = np.where(rel < 0, (1.0 - depth) * lip + depth * np.maximum(lip, jaw), 0.0)
        # the lower chain belongs to the lip profile exactly (its pairs close against the upper)
        up = np.where(rel >= 0, lip * np.clip(1.0 - rel / 0.12, 0.0, 1.0), 0.0)
        for a, b in LIP_PAIRS:
            down[b], up[b] = lip[b], 0.0
            up[a], down[a] = lip[a], 0.0
        for c in INNER_CORNERS + MOUTH_CORNERS:
            up[c], down[c] = 0.0, 0.2
        amount = 0.85 * extra * down - 0.15 * extra * up
        return -amount[:, None] * self.up[None, :]

    def width_field(self, p: np.ndarray, width: float) -> np.ndarray:
        """Lateral displacements widening (``width`` > 0) or rounding the mouth."""
        x, t = self.coords(p)
        lat = np.abs(x) / self.half_width
        seam_t = np.interp(x, self._seam_x, self._seam_t)
        rel = np.abs(t - seam_t) / self.fh
        lateral = np.where(lat <= 1.0, x, np.sign(x) * self.half_width
                           * np.exp(-((lat - 1.0) / 0.6) ** 2))
        vertical = np.exp(-(np.maximum(rel - 0.06, 0.0) / 0.06) ** 2)
        return (width * lateral * vertical)[:, None] * self.right[None, :]

    def blink_field(self, p: np.ndarray, blink: float) -> np.ndarray:
        """Upper lids onto the lower ones; the skin above the lid follows with a falloff."""
        disp = np.zeros_like(p)
        for c0, upper, c1, lower in EYES:
            eye_w = float(np.linalg.norm(self.pts[c1] - self.pts[c0]))
            chain_disp = []
            for a, b in zip(upper, lower):
                gap = self.pts[b] - self.pts[a]
                disp[a] += BLINK_UPPER * blink * gap
                disp[b] -= (1.0 - BLINK_UPPER) * blink * gap
                chain_disp.append(BLINK_UPPER * blink * gap)
            chain = self.pts[list(upper)]
            chain_disp = np.array(chain_disp)
            radius = BLINK_RADIUS * eye_w
            others = [k for k in range(N_MESH) if k not in EYE_CONTOURS]
            rel = p[others][:, None, :] - chain[None, :, :]
            dist = np.linalg.norm(rel, axis=2)
            k = np.argmin(dist, axis=1)
            near = dist[np.arange(len(others)), k]
            above = (rel[np.arange(len(others)), k] @ self.up) > 0
            falloff = np.clip(1.0 - near / radius, 0.0, 1.0) ** 2
            weight = np.where(above, BLINK_SPREAD * falloff, 0.0)
            disp[others] += weight[:, None] * chain_disp[k]
        return disp


# --- framing ---------------------------------------------------------------------------------

def _frame(portrait: np.ndarray, points: np.ndarray, preprocess: str,
           size: int) -> tuple[np.ndarray, np.ndarray]:
    """The frame base image and the (2, 3) affine from portrait pixels to it."""
    h, w = portrait.shape[:2]
    if preprocess == "full":
        image = np.ascontiguousarray(portrait[: h - h % 2, : w - w % 2]).copy()
        return image, np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    if preprocess == "resize":
        image = cv2.resize(portrait, (size, size), interpolation=cv2.INTER_AREA)
        return image, np.array([[size / w, 0.0, 0.0], [0.0, size / h, 0.0]])
    # crop: SadTalker's (FFHQ) face box from eyes and mouth
    eye_r = points[[33, 133]].mean(axis=0)  # subject's right eye = image left
    eye_l = points[[263, 362]].mean(axis=0)
    eye_avg = 0.5 * (eye_l + eye_r)
    eye_to_eye = eye_l - eye_r
    mouth = 0.5 * (points[MOUTH_CORNERS[0]] + points[MOUTH_CORNERS[1]])
    eye_to_mouth = mouth - eye_avg
    half = max(np.hypot(*eye_to_eye) * 2.0, np.hypot(*eye_to_mouth) * 1.8)
    cx, cy = eye_avg + 0.1 * eye_to_mouth
    side = max(16, int(round(2 * half)))
    x0, y0 = int(round(cx - side / 2)), int(round(cy - side / 2))
    pad = max(0, -x0, -y0, x0 + side - w, y0 + side - h)
    src = portrait
    if pad:
        src = cv2.copyMakeBorder(portrait, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    crop = src[y0 + pad: y0 + pad + side, x0 + pad: x0 + pad + side]
    interp = cv2.INTER_AREA if side > size else cv2.INTER_CUBIC
    image = cv2.resize(crop, (size, size), interpolation=interp)
    k = size / side
    # pixel centres: resize maps source centre (u + 0.5) / side to (v + 0.5) / size
    return image, np.array([[k, 0.0, (0.5 - x0) * k - 0.5], [0.0, k, (0.5 - y0) * k - 0.5]])


def _border_points(roi: tuple[int, int, int, int], steps: int) -> np.ndarray:
    x0, y0, x1, y1 = roi
    xs = np.linspace(x0, x1 - 1, steps + 1)
    ys = np.linspace(y0, y1 - 1, steps + 1)
    pts = [(x, y0) for x in xs] + [(x, y1 - 1) for x in xs]
    pts += [(x0, y) for y in ys[1:-1]] + [(x1 - 1, y) for y in ys[1:-1]]
    return np.array(pts, np.float64)


def _triangulate(vertices: np.ndarray, *, drop_seam: bool) -> np.ndarray:
    from scipy.spatial import Delaunay

    tri = Delaunay(vertices).simplices.astype(np.int32)
    if drop_seam:
        upper, lower = set(INNER_UPPER), set(INNER_LOWER)
        inner = upper | lower

        def spans_seam(t) -> bool:
            s = set(int(v) for v in t)
            return s <= inner and bool(s & (upper - lower)) and bool(s & lower) \
                and not s <= upper
        keep = [not spans_seam(t) for t in tri]
        tri = tri[np.array(keep)]
    return tri


# --- rasterisation ---------------------------------------------------------------------------

_IDENTITY = np.array([1.0, 0.0, 0.0, 0.0, 1.0, 0.0], np.float32)


def _rasterise(prepared: PreparedPortrait, dst: np.ndarray, *, moved_only: bool):
    """Destination triangle ids (0 = identity) over the box of the triangles drawn, and the
    (T + 1, 6) float32 table of their destination->source affines (row 0 = identity)."""
    src = prepared.vertices
    tris = prepared.triangles
    moved_v = np.any(np.abs(dst - src) > 1e-9, axis=1)
    drawn = np.any(moved_v[tris], axis=1) if moved_only else np.ones(len(tris), bool)
    h, w = prepared.image.shape[:2]
    if not np.any(drawn):
        return None, np.zeros((h, w), np.int32), _IDENTITY[None, :]
    sel = tris[drawn]
    d = dst[sel]  # (n, 3, 2)
    s = src[sel]
    lo = np.floor(d.reshape(-1, 2).min(axis=0)).astype(int) - 1
    hi = np.ceil(d.reshape(-1, 2).max(axis=0)).astype(int) + 2
    x0, y0 = max(0, lo[0]), max(0, lo[1])
    x1, y1 = min(w, hi[0]), min(h, hi[1])
    # affines: src = M @ (p - d0) + s0 with M = S @ inv(D)
    dd = np.stack([d[:, 1] - d[:, 0], d[:, 2] - d[:, 0]], axis=2)  # (n, 2, 2) columns
    ss = np.stack([s[:, 1] - s[:, 0], s[:, 2] - s[:, 0]], axis=2)
    det = dd[:, 0, 0] * dd[:, 1, 1] - dd[:, 0, 1] * dd[:, 1, 0]
    ok = np.abs(det) > 1e-9
    inv = np.zeros_like(dd)
    safe = np.where(ok, det, 1.0)
    inv[:, 0, 0], inv[:, 1, 1] = dd[:, 1, 1] / safe, dd[:, 0, 0] / safe
    inv[:, 0, 1], inv[:, 1, 0] = -dd[:, 0, 1] / safe, -dd[:, 1, 0] / safe
    m = ss @ inv
    m[~ok] = np.eye(2)
    off = s[:, 0] - np.einsum("nij,nj->ni", m, d[:, 0])
    table = np.empty((len(sel) + 1, 6), np.float32)
    table[0] = _IDENTITY
    table[1:, 0], table[1:, 1], table[1:, 2] = m[:, 0, 0], m[:, 0, 1], off[:, 0]
    table[1:, 3], table[1:, 4], table[1:, 5] = m[:, 1, 0], m[:, 1, 1], off[:, 1]
    # triangles that did not move keep an exact identity (no float noise)
    static = ~np.any(np.abs(d - s) > 1e-9, axis=(1, 2))
    table[1:][static] = _IDENTITY
    ids = np.zeros((y1 - y0, x1 - x0), np.int32)
    fixed = np.round((d - np.array([x0, y0])) * 16.0).astype(np.int32)
    for k in range(len(sel)):
        if ok[k]:
            cv2.fillConvexPoly(ids, fixed[k], k + 1, lineType=cv2.LINE_8, shift=4)
    if not moved_only:
        full = np.zeros((h, w), np.int32)
        full[y0:y1, x0:x1] = ids
        return (x0, y0, x1, y1), full, table
    return (x0, y0, x1, y1), ids, table


# --- colours and fills -----------------------------------------------------------------------

def _median_in(image: np.ndarray, mask: np.ndarray, fallback) -> np.ndarray:
    px = image[mask > 0]
    if len(px) < 4:
        return np.asarray(fallback, np.float32)
    return np.median(px, axis=0).astype(np.float32)


def _poly(pts: np.ndarray) -> np.ndarray:
    return np.round(pts).astype(np.int32).reshape(-1, 1, 2)


def _sample_colours(image: np.ndarray, pts: np.ndarray) -> dict[str, np.ndarray]:
    """Lip, skin and eyelid colours (RGB float32) of the frame base, for the fills."""
    shape = image.shape[:2]
    lips = np.zeros(shape, np.uint8)
    cv2.fillPoly(lips, [_poly(pts[list(OUTER_LIPS)])], 255)
    cv2.fillPoly(lips, [_poly(pts[list(INNER_LOOP)])], 0)
    skin = np.zeros(shape, np.uint8)
    cv2.fillPoly(skin, [_poly(pts[list(FACE_OVAL)])], 255)
    for c0, up, c1, low in EYES:
        cv2.fillPoly(skin, [_poly(pts[[c0, *up, c1, *low[::-1]]])], 0)
    cv2.fillPoly(skin, [_poly(pts[list(OUTER_LIPS)])], 0)
    skin_rgb = _median_in(image, skin, (180, 140, 120))
    lid = np.zeros(shape, np.uint8)
    up_vec = _unit(pts[FOREHEAD] - pts[CHIN])
    for c0, up, c1, low in EYES:
        opening = float(np.linalg.norm(pts[up[3]] - pts[low[3]]))
        band_h = max(2.0, 0.9 * opening)
        chain = pts[[c0, *up, c1]]
        shifted = chain[1:-1] - up_vec * band_h
        cv2.fillPoly(lid, [_poly(np.concatenate([chain, shifted[::-1]]))], 255)
    return {"lip": _median_in(image, lips, skin_rgb * 0.8), "skin": skin_rgb,
            "lid": _median_in(image, lid, skin_rgb)}


def _box(pts: np.ndarray, pad: int, shape) -> tuple[int, int, int, int]:
    lo = np.floor(pts.min(axis=0)).astype(int) - pad
    hi = np.ceil(pts.max(axis=0)).astype(int) + pad + 1
    return max(0, lo[0]), max(0, lo[1]), min(shape[1], hi[0]), min(shape[0], hi[1])


def _soft_mask(polys: list[np.ndarray], box, sigma: float) -> np.ndarray:
    x0, y0, x1, y1 = box
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    for p in polys:
        cv2.fillPoly(mask, [np.round((p - [x0, y0]) * 16).astype(np.int32).reshape(-1, 1, 2)],
                     255, lineType=cv2.LINE_AA, shift=4)
    out = mask.astype(np.float32) / 255.0
    if sigma > 0:
        out = cv2.GaussianBlur(out, (0, 0), sigma)
    return out


def _paint_mouth(frame: np.ndarray, prepared: PreparedPortrait, dst: np.ndarray) -> None:
    """The procedural inner mouth inside the destination inner-lip polygon (in place)."""
    src_pts = prepared.points
    h0 = float(np.linalg.norm(src_pts[UPPER_INNER] - src_pts[LOWER_INNER]))
    opening = float(np.linalg.norm(dst[UPPER_INNER] - dst[LOWER_INNER]))
    fade_in = float(np.clip((opening - h0) / 2.0, 0.0, 1.0))
    if fade_in <= 0.0:
        return
    loop = dst[list(INNER_LOOP)]
    sigma_t = max(0.8, 0.06 * opening)
    box = _box(loop, int(3 * sigma_t) + 3, frame.shape)
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return
    mouth = _soft_mask([loop], box, 0.7)
    up = _unit(dst[FOREHEAD] - dst[CHIN])
    upper = dst[list(INNER_UPPER)]
    band = np.concatenate([upper, (upper - up * 0.3 * opening)[::-1]])
    teeth = _soft_mask([band], box, sigma_t)
    # local coordinates: lateral (fade toward the corners) and depth below the upper lip
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    c0, c1 = dst[INNER_CORNERS[0]], dst[INNER_CORNERS[1]]
    centre = 0.5 * (c0 + c1)
    right = _unit(c1 - c0)
    half = max(0.5 * float(np.linalg.norm(c1 - c0)), 1.0)
    lat = np.abs((xs - centre[0]) * right[0] + (ys - centre[1]) * right[1]) / half
    depth = ((dst[UPPER_INNER][0] - xs) * up[0] + (dst[UPPER_INNER][1] - ys) * up[1]) / opening
    corner_fade = np.clip((1.0 - lat) / 0.45, 0.0, 1.0)
    teeth *= corner_fade
    colours = prepared.colours
    cavity = colours["lip"] * 0.22
    shade = np.clip(1.0 - 0.35 * depth, 0.6, 1.0)[..., None]
    luma = float(colours["skin"] @ np.array([0.299, 0.587, 0.114]))
    tooth = np.array([0.93, 0.91, 0.87], np.float32) * float(np.clip(1.5 * luma, 150.0, 225.0))
    fill = cavity * shade * (1.0 - teeth[..., None]) + tooth * teeth[..., None]
    alpha = (mouth * fade_in)[..., None]
    region = frame[y0:y1, x0:x1].astype(np.float32)
    frame[y0:y1, x0:x1] = np.clip(region * (1.0 - alpha) + fill * alpha + 0.5, 0, 255).astype(
        np.uint8)


def _paint_lids(frame: np.ndarray, prepared: PreparedPortrait, dst: np.ndarray,
                strength: float) -> None:
    """Cover the remaining eye slit with lid-coloured skin (in place) as the blink closes."""
    lid = prepared.colours["lid"]
    for c0, up, c1, low in EYES:
        loop = dst[[c0, *up, c1, *low[::-1]]]
        box = _box(loop, 3, frame.shape)
        x0, y0, x1, y1 = box
        if x1 <= x0 or y1 <= y0:
            continue
        alpha = (_soft_mask([loop], box, 0.8) * strength)[..., None]
        region = frame[y0:y1, x0:x1].astype(np.float32)
        region = region * (1.0 - alpha) + lid * alpha
        if LASH_LINE > 0:  # the closed lid's lash line, darker than the lid
            eye_w = float(np.linalg.norm(dst[c1] - dst[c0]))
            line = np.zeros(region.shape[:2], np.uint8)
            chain = np.round((dst[[c0, *up, c1]] - [x0, y0]) * 16).astype(np.int32)
            cv2.polylines(line, [chain.reshape(-1, 1, 2)], False, 255,
                          thickness=max(1, int(round(LASH_LINE * eye_w))), lineType=cv2.LINE_AA,
                          shift=4)
            beta = (cv2.GaussianBlur(line.astype(np.float32) / 255.0, (0, 0), 0.7)
                    * strength * 0.8)[..., None]
            region = region * (1.0 - beta) + (lid * 0.35) * beta
        frame[y0:y1, x0:x1] = np.clip(region + 0.5, 0, 255).astype(np.uint8)
