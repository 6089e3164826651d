"""Per-item failure handling (DESIGN.md §3, "Failure is per item").

A model component that fails on one photo or one generated candidate fails that item only: the
pipeline records it as a rejection or drop with a ``*_failed`` reason and goes on with the others.
What counts: any ``Exception`` a component call raises, library errors and unexpected ones from
native code (``RuntimeError``, ``cv2.error``, ``ValueError`` ...) alike, also when it arrives
wrapped by the serving runtime (Ray's ``RayTaskError`` keeps the original as ``.cause``).
Unexpected ones are logged with their traceback, so a programming error is never silent.
Cancellation (``asyncio.CancelledError``, a ``BaseException``; the library's
:class:`~facechain.errors.CancelledError`) always propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

from facechain.errors import CancelledError, FaceChainError

logger = logging.getLogger(__name__)

MAX_MESSAGE = 200


def unwrap(exc: BaseException) -> BaseException:
    """The original exception of a runtime wrapper (``RayTaskError.cause``, nested), else ``exc``."""
    for _ in range(8):
        cause = getattr(exc, "cause", None)
        if not isinstance(cause, BaseException) or cause is exc:
            break
        exc = cause
    return exc


def item_failure(exc: Exception, item: str, stage: str) -> str:
    """Log a component failure on one item and return its message for the item's record
    (``"<stage> failed: <ExceptionType>: <first line of its message>"``). Re-raises
    cancellation."""
    cause = unwrap(exc)
    if isinstance(cause, CancelledError):
        raise exc
    text = str(getattr(cause, "message", None) or cause).strip().splitlines()
    detail = text[0][:MAX_MESSAGE] if text else ""
    message = f"{stage} failed: {type(cause).__name__}" + (f": {detail}" if detail else "")
    if isinstance(cause, FaceChainError):
        logger.warning("%s: %s", item, message)
    else:  # unexpected: keep the traceback for whoever fixes it
        logger.warning("%s: %s", item, message, exc_info=exc)
    return message


class StageFailed(Exception):
    """A stage of one item raised; ``__cause__`` is what it raised, ``reason`` the item's
    rejection or drop reason (None: the pipeline's default)."""

    def __init__(self, stage: str, reason: Enum | None = None):
        super().__init__(stage)
        self.stage = stage
        self.reason = reason


@contextmanager
def stage(name: str, reason: Enum | None = None) -> Iterator[None]:
    """Name the stage (and the reason) in any ``Exception`` its block raises, as
    :class:`StageFailed`; cancellation passes through untouched."""
    try:
        yield
    except Exception as exc:
        raise StageFailed(name, reason) from exc
