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
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar

from facechain.errors import CancelledError, FaceChainError

logger = logging.getLogger(__name__)

MAX_MESSAGE = 200

T = TypeVar("T")


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


# -- list-taking stage calls ----------------------------------------------------------------------
# A stage called once for all items (``detect_many(images)``) answers one value per item: the
# item's result, or the ``Exception`` that item raised (never raised for one item, so the others
# still get theirs). The pipeline re-raises each item's exception inside that item's ``stage``
# block, so a failure reads exactly as it did with one call per item.


def each(call: Callable[..., T], items: Iterable[tuple[Any, ...]]) -> list[T | Exception]:
    """``call(*args)`` for each argument tuple, in order; an item's ``Exception`` becomes its
    value (unexpected ones logged here, where the traceback still exists). Cancellation
    (a ``BaseException``) propagates."""
    out: list[T | Exception] = []
    for args in items:
        try:
            out.append(call(*args))
        except Exception as exc:  # noqa: BLE001 - one item's failure is that item's answer
            if not isinstance(exc, FaceChainError):
                logger.warning("stage item failed", exc_info=exc)
            out.append(exc)
    return out


async def per_item(call: Awaitable[list[T | Exception]], count: int) -> list[T | Exception]:
    """The per-item answers of one list call of ``count`` items. When the call itself raises (a
    replica lost, a hop that failed), that exception is every item's answer."""
    try:
        out = await call
    except Exception as exc:  # noqa: BLE001 - the call failed for each of its items
        return [exc] * count
    if len(out) != count:
        return [RuntimeError(f"list call answered {len(out)} items for {count}")] * count
    return list(out)


def value(answer: T | Exception) -> T:
    """An item's answer from a list call: the result, or its exception raised (in the item's
    ``stage`` block)."""
    if isinstance(answer, Exception):
        raise answer
    return answer
