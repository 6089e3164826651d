"""Typed records exchanged between stages.

Images are ``numpy.ndarray`` of dtype uint8, shape (H, W, 3), RGB. Masks are uint8 (H, W) with
values 0..255. Coordinates are (x, y) in pixels of the image they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np


class RejectionReason(str, Enum):
    """Why a photo was not used. Values are stable identifiers (they appear in reports and APIs)."""

    UNDECODABLE = "undecodable"
    TOO_LARGE = "too_large"
    NO_FACE = "no_face"
    MULTIPLE_FACES = "multiple_faces"
    FACE_TOO_SMALL = "face_too_small"
    TOO_BLURRY = "too_blurry"
    ANALYSIS_FAILED = "analysis_failed"  # a model component failed on the photo (our side)
    EMBEDDING_FAILED = "embedding_failed"  # the template-face embedding failed on it (our side)

    @property
    def is_failure(self) -> bool:
        """A component failed on the photo: not a verdict about the photo itself."""
        return self in (RejectionReason.ANALYSIS_FAILED, RejectionReason.EMBEDDING_FAILED)


@dataclass(frozen=True)
class Rejection:
    """A photo that did not make it into the training set, and why."""

    source: str
    reason: RejectionReason
    message: str

    def to_dict(self) -> dict:
        return {"source": self.source, "reason": self.reason.value, "message": self.message}


@dataclass(frozen=True)
class Photo:
    """A raw upload: its bytes and a name used in reports (file name or form field)."""

    source: str
    data: bytes


@dataclass(frozen=True)
class Face:
    """One detected face.

    ``box`` is (x0, y0, x1, y1); ``landmarks`` is a (5, 2) float array in the order
    left eye, right eye, nose tip, left mouth corner, right mouth corner, where "left" is the
    image-left side (the subject's right). ``score`` is the detector confidence (backend scale).
    """

    box: tuple[float, float, float, float]
    landmarks: np.ndarray
    score: float

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    @property
    def center(self) -> tuple[float, float]:
        return ((self.box[0] + self.box[2]) / 2.0, (self.box[1] + self.box[3]) / 2.0)


class Gender(str, Enum):
    """Estimated (or given) gender, for the trigger word."""

    MALE = "male"
    FEMALE = "female"


class AgeGroup(str, Enum):
    """The three age rows of the paper's Table 1 (trigger words: :mod:`facechain.components.tagging`)."""

    CHILD = "child"    # age < 20: "a boy" / "a girl" (+ "children")
    YOUNG = "young"    # 20..40: "a handsome man" / "a beautiful woman"
    MATURE = "mature"  # > 40: "a mature man" / "a mature woman"


@dataclass(frozen=True)
class Attributes:
    """Per-photo gender and age estimate. ``male_probability`` is in [0, 1]."""

    male_probability: float
    age: float

    @property
    def gender(self) -> Gender:
        return Gender.MALE if self.male_probability >= 0.5 else Gender.FEMALE


@dataclass
class Sample:
    """One accepted training photo after the whole chain.

    ``image`` is the 512x512 retouched crop with a white background, ``crop`` the aligned crop
    before segmentation and retouching, ``mask`` the head (hair + face) mask of the crop.
    ``face`` is the face in crop coordinates.
    """

    source: str
    image: np.ndarray
    crop: np.ndarray
    mask: np.ndarray
    face: Face
    rotation: int
    roll_degrees: float
    attributes: Attributes
    tags: list[str]
    caption: str
    quality: float
    quality_terms: dict[str, float] = field(default_factory=dict)


@dataclass
class TemplateFace:
    """The best input face: kept for fusion and ranking."""

    source: str
    image: np.ndarray
    face: Face
    quality: float
    embedding: np.ndarray


@dataclass
class PreprocessOutput:
    samples: list[Sample]
    rejected: list[Rejection]
    trigger: str
    template: TemplateFace
    gender: Gender
    age: float
    trigger_tags: tuple[str, ...] = ()  # tags that follow the trigger word ("children")


@dataclass(frozen=True)
class Rotation:
    """Result of upright correction: ``angle`` (0/90/180/270) is the clockwise rotation that was
    applied to the input to make it upright; ``faces`` were detected on the upright ``image``."""

    angle: int
    image: np.ndarray
    faces: list[Face]


@dataclass(frozen=True)
class Parsing:
    """Human parsing of one image: uint8 (H, W) masks, 255 inside. ``head`` = face + hair."""

    head: np.ndarray
    face: np.ndarray
    hair: np.ndarray
    person: np.ndarray


@dataclass(frozen=True)
class GarmentParsing:
    """Try-on parsing of a garment photo: uint8 (H, W) masks, 255 inside, of the main person.

    ``garment`` is what the person wears (kept in try-on); ``head`` the face and hair, grown a
    little, and the person above the chin; ``neck`` the bare neck skin; ``arms`` bare arm and
    hand skin (and the detected hands). ``garment``, ``head``, ``neck`` and ``arms`` are
    disjoint parts of ``person``.
    """

    garment: np.ndarray
    person: np.ndarray
    head: np.ndarray
    neck: np.ndarray
    arms: np.ndarray


@dataclass(frozen=True)
class QualityScore:
    """Face quality in [0, 1] (higher is better) and the terms it was made of."""

    score: float
    terms: dict[str, float]


class DropReason(str, Enum):
    """Why a generated candidate was not returned."""

    NO_FACE = "no_face"
    MULTIPLE_FACES = "multiple_faces"
    FACE_TOO_SMALL = "face_too_small"
    FACE_TOO_LARGE = "face_too_large"
    BELOW_TOP_K = "below_top_k"
    DETECTION_FAILED = "detection_failed"  # a model component failed on the candidate (our side)
    # fusion raised: a component failure, or a FusionError (a verdict: this face cannot be fused)
    FUSION_FAILED = "fusion_failed"
    EMBEDDING_FAILED = "embedding_failed"


@dataclass
class Portrait:
    """A returned portrait: the fused image, its similarity to the template face, its seed."""

    image: np.ndarray
    similarity: float
    seed: int
    face: Face | None = None


@dataclass(frozen=True)
class DroppedCandidate:
    seed: int
    reason: DropReason
    message: str
    similarity: float | None = None

    def to_dict(self) -> dict:
        return {"seed": self.seed, "reason": self.reason.value, "message": self.message,
                "similarity": self.similarity}


@dataclass
class GenerateOutput:
    portraits: list[Portrait]
    dropped: list[DroppedCandidate]
    prompt: str
    negative_prompt: str
    seed: int
    candidates: list[np.ndarray] = field(default_factory=list)  # raw txt2img outputs, by seed order


class FaceStatus(str, Enum):
    """What template inpainting did with one detected face (stable identifiers)."""

    DONE = "done"        # redrawn as the LoRA's person
    SKIPPED = "skipped"  # not named in the request: left as it was, pixel for pixel
    FAILED = "failed"    # a stage failed on it: left as it was, ``reason`` says why


@dataclass(frozen=True)
class FaceReport:
    """One detected face of an inpaint / try-on input, in left-to-right order (``index``).

    ``box`` is (x0, y0, x1, y1) in input pixels; ``lora`` the LoRA id named for it (None when
    not named); ``similarity`` of the redrawn face to the LoRA's template face (None unless
    done)."""

    index: int
    box: tuple[float, float, float, float]
    lora: str | None
    status: FaceStatus
    reason: str | None = None
    similarity: float | None = None

    def to_dict(self) -> dict:
        return {"index": self.index, "box": [float(v) for v in self.box], "lora": self.lora,
                "status": self.status.value, "reason": self.reason,
                "similarity": None if self.similarity is None else float(self.similarity)}


# -- talking head -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PhonemeTiming:
    """One phoneme of TTS speech: its symbol as the voice emits it (IPA for Piper, with stress
    marks, ``' '`` word gaps and punctuation pauses as entries of their own) and its span in
    seconds from the start of the audio."""

    phoneme: str
    start: float
    end: float


@dataclass(frozen=True)
class Audio:
    """Mono speech: float32 samples in [-1, 1] at ``sample_rate``. ``phonemes`` are the exact
    phoneme timings when the audio came from TTS (None for uploads and recordings)."""

    samples: np.ndarray
    sample_rate: int
    phonemes: tuple[PhonemeTiming, ...] | None = None

    @property
    def duration(self) -> float:
        return len(self.samples) / float(self.sample_rate)


@dataclass(frozen=True)
class Voice:
    """A TTS voice: ``id`` is what requests name; ``backend`` is ``piper`` or ``espeak``."""

    id: str
    name: str
    language: str
    backend: str
    sample_rate: int
    alignments: bool  # whether it returns phoneme timings

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "language": self.language,
                "backend": self.backend, "sample_rate": self.sample_rate,
                "alignments": self.alignments}


@dataclass(frozen=True)
class DrivingSignals:
    """Per-video-frame animation controls at ``fps``; every array has one entry per frame.

    - ``mouth_open``: inner-lip opening, 1.0 = a typical open vowel (about 0.09 x face height of
      inner aperture); already scaled by ``expression_scale``; 0 = lips at rest (closed).
    - ``mouth_width``: relative change of the mouth's width: 0 neutral, < 0 rounded (/u w o/,
      down to about -0.2), > 0 spread (/i/, up to about +0.1).
    - ``lip_press``: 0..1 bilabial closure (/p b m/): 1 forces the lips together whatever
      ``mouth_open`` says.
    - ``blink``: 0 eyes open .. 1 fully closed.
    - ``roll``: in-plane head rotation in degrees; ``shift``: (n, 2) head translation (x, y) in
      fractions of the face height; ``scale``: (n,) head scale, 1.0 = unchanged. All zero / one
      in still mode.
    """

    fps: float
    mouth_open: np.ndarray
    mouth_width: np.ndarray
    lip_press: np.ndarray
    blink: np.ndarray
    roll: np.ndarray
    shift: np.ndarray
    scale: np.ndarray

    @property
    def n_frames(self) -> int:
        return len(self.mouth_open)
