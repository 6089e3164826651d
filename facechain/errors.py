"""Library errors. Serving maps each class to one HTTP status in ``serve/errors.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from facechain.types import DroppedCandidate, Rejection


class FaceChainError(Exception):
    """Base class. ``param`` names the offending input where there is one."""

    def __init__(self, message: str, *, param: str | None = None):
        super().__init__(message)
        self.message = message
        self.param = param

    def __reduce__(self):
        # Errors cross process boundaries (Ray hops): rebuild from state, whatever the subclass's
        # constructor signature is.
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


class InvalidInputError(FaceChainError):
    """A request parameter or an input file is malformed or out of range."""


class ImageDecodeError(InvalidInputError):
    """Bytes that are not a supported image, or a truncated one."""


class ImageTooLargeError(InvalidInputError):
    """An image above the pixel limit (decompression-bomb guard)."""


class NoPersonError(InvalidInputError):
    """A photo that must show a person (a try-on garment photo) shows none."""


class AudioDecodeError(InvalidInputError):
    """Bytes that are not decodable audio (any container/codec ffmpeg reads), or an empty one."""


class SilentAudioError(InvalidInputError):
    """Audio with no speech in it: all of it below the silence floor."""


class AudioTooLongError(InvalidInputError):
    """Audio (or TTS text) above the length limit."""


class NoUsableFaceError(InvalidInputError):
    """A photo that must show exactly one usable face (a talking-head portrait) does not.
    ``reason`` is a stable identifier: ``no_face``, ``multiple_faces``, ``face_too_small``,
    ``no_mesh`` (the face mesh found no face where the detector did)."""

    def __init__(self, message: str, *, reason: str, param: str | None = "portrait"):
        super().__init__(message, param=param)
        self.reason = reason


class NoUsablePhotosError(FaceChainError):
    """Preprocessing rejected every photo; ``rejections`` lists each photo's reason."""

    def __init__(self, rejections: list[Rejection]):
        detail = "; ".join(f"{r.source}: {r.reason.value} ({r.message})" for r in rejections)
        super().__init__(f"no usable photos: {detail}" if rejections else "no photos given",
                         param="photos")
        self.rejections = list(rejections)


class NotFoundError(FaceChainError):
    """A named resource (style, LoRA, job, model file) does not exist."""


class ModelSourceError(FaceChainError):
    """A model role's source cannot be found or loaded (missing file, unknown backend)."""

    def __init__(self, role: str, message: str):
        super().__init__(f"model role '{role}': {message}", param=role)
        self.role = role


class ConfigError(FaceChainError):
    """An invalid configuration file."""


class IncompatibleModelError(InvalidInputError):
    """A LoRA or adapter built for another base model."""


class CancelledError(FaceChainError):
    """A long-running operation (training) was cancelled by its caller."""


class ComponentError(FaceChainError):
    """A model component failed on one item (a photo, a generated candidate): the server's side,
    never the caller's. Pipelines turn it into that item's rejection or drop; should one escape,
    it is a 5xx, never a 4xx."""


class FusionError(ComponentError):
    """Face fusion cannot fuse this face: no usable landmarks, a face too small to fuse, a
    template face that does not cover it."""


class LowQualityFaceError(ComponentError):
    """The face-recognition model finds no face in the region, or scores it as unreliable (RTS's
    out-of-distribution quality below the configured floor): a verdict on that item, which the
    ranking turns into a dropped candidate."""


class MediaEncodeError(ComponentError):
    """Writing a video failed, or the file written is empty or undecodable (checked after
    writing): never returned as a result."""


class AllItemsFailedError(ComponentError):
    """Every photo or candidate of a request failed in a model component, so there is no verdict
    to report (a deployment down, a model failing on everything). ``failures`` holds each item's
    :class:`Rejection` or :class:`DroppedCandidate`; the first failure's exception is the
    ``__cause__``."""

    def __init__(self, what: str, failures: list[Rejection] | list[DroppedCandidate]):
        detail = "; ".join(f"{_item_name(f)}: {f.reason.value} ({f.message})" for f in failures)
        super().__init__(f"every {what} failed in a model component: {detail}")
        self.failures = list(failures)


def _item_name(failure) -> str:
    source = getattr(failure, "source", None)
    return source if source is not None else f"seed {getattr(failure, 'seed', '?')}"


def _rebuild(cls, args, state):
    exc = cls.__new__(cls)
    Exception.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc
