"""Admission by cost: a request is priced before any expensive work and refused (413
``too_expensive``, with its cost and the limit) when it costs more than the server allows.

Diffusion cost is in **step-megapixels**: for each denoising pass of the request, images x the
steps diffusers really runs x width x height / 1e6, each ControlNet adding
:data:`CONTROLNET_COST` of a UNet step. So a default generate (10 images, 20 steps, 512 px) costs
52.4, a default inpaint face (stages 1-3 and their VAE-compensation passes at 512 px) 32.5, a
default try-on of a 768 x 1152 photo 121 (with its face pass). Talk cost is in **frames at
256 px**: speech seconds x 25 fps, x4 at 512 px, x2 with the enhancer.

The price is computed from the validated options (and, for try-on and talk, the decoded photo's
shape and the speech length), never from work done: the ingress calls :meth:`RequestLimits.admit`
right after parsing, so a request is either refused at once or never refused for its cost at all
(never after its GPU work is done).

    limits = RequestLimits.from_args(max_request_cost=600)
    limits.admit(generate_cost(body, resolution=512, pose=False))   # raises TooExpensiveError

Admission by load (:class:`Admission`): each ingress replica lets at most ``max_concurrent``
expensive requests of a class (``diffusion``: generate, inpaint, try-on; ``talk``) **per running
replica of the class's deployment** (:data:`ADMISSION_DEPLOYMENTS`) be worked on at a time, and a
request beyond that (and beyond the optional ``max_waiting`` in line) is refused at once, 503
``overloaded`` with ``Retry-After``, before any file read, handle call or thread hop. The ingress
tells the gates the running replicas (:meth:`Admission.scale`, from Serve's status, every couple
of seconds), so the gate follows the autoscaler: a Diffusion fleet scaled from 1 to 2 replicas
admits twice as many. The autoscaler must therefore ask for a replica before the gate is full
(``target_ongoing_requests`` below ``max_concurrent``), since refused requests never reach it.
The limits are per ingress replica: ``k`` ingress replicas admit ``k`` times as many.

    admission = Admission.from_args({"diffusion": 2, "talk": 1}, {"diffusion": 0})
    async with admission.slot("diffusion"):   # raises OverloadedError when full
        ...
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from facechain.errors import FaceChainError
from facechain.pipelines.generate import GenerateParams
from facechain.pipelines.inpaint import VAE_PASS_STRENGTH, InpaintParams, steps_for
from facechain.pipelines.tryon import TryonParams, working_size
from facechain.talk.params import FPS, TalkParams

CONTROLNET_COST = 0.5
"""One ControlNet's share of a UNet step (its encoder copy runs at every step)."""
DEFAULT_MAX_DIFFUSION_COST = 600.0
"""Step-megapixels per request: ~ a 150 s request on one mid-range GPU (4 step-MP/s); allows
32 x 512 px x 70 steps, 10 x 1024 px x 57 steps, 18 faces of default inpainting."""
DEFAULT_MAX_TALK_COST = 6000.0
"""256-px frames per talk request: the longest speech (120 s) at 256 px even with the enhancer;
at 512 px, 60 s (30 s enhanced)."""
SPEECH_CHARS_PER_SECOND = 12.0
"""TTS speech rate for pricing a text before it is synthesized (Piper speaks ~14-16 chars/s; a
lower rate over-estimates, so text never gets in cheaper than its audio would)."""

ADMISSION_CLASSES = ("diffusion", "talk")
"""Classes of expensive routes the admission gate counts apart (:class:`Admission`)."""
ADMISSION_DEPLOYMENTS = {"diffusion": "Diffusion", "talk": "TalkingHead"}
"""The deployment whose running replicas multiply a class's ``max_concurrent``."""
DEFAULT_RETRY_AFTER_S = 1.0
"""``Retry-After`` of an overloaded answer: a generate takes about that on the local graph."""

__all__ = [
    "ADMISSION_CLASSES",
    "ADMISSION_DEPLOYMENTS",
    "DEFAULT_MAX_DIFFUSION_COST",
    "DEFAULT_MAX_TALK_COST",
    "Admission",
    "AdmissionGate",
    "Cost",
    "OverloadedError",
    "RequestLimits",
    "TooExpensiveError",
    "estimate_speech_seconds",
    "generate_cost",
    "inpaint_cost",
    "talk_cost",
    "tryon_cost",
]


class TooExpensiveError(FaceChainError):
    """A request costs more than the configured limit (413 ``too_expensive``; the body carries
    ``cost`` and ``limit``)."""

    def __init__(self, message: str, *, cost: float, limit: float, param: str | None = None):
        super().__init__(message, param=param)
        self.cost, self.limit = float(cost), float(limit)


@dataclass(frozen=True)
class Cost:
    """A request's price: ``value`` in ``unit``, ``kind`` is ``diffusion`` or ``talk``; ``hint``
    names what to lower."""

    value: float
    kind: str = "diffusion"
    unit: str = "step-megapixels"
    hint: str = "num_images, steps or the image size"


def _pass(images: int, steps: int, width: int, height: int, controls: int = 0) -> float:
    return images * steps * width * height / 1e6 * (1.0 + CONTROLNET_COST * controls)


def _steps_run(steps: int, strength: float) -> int:
    """Steps diffusers runs for a pass at ``strength`` (as the pipelines request it)."""
    return int(steps_for(steps, strength) * strength) if strength > 0 else 0


def generate_cost(params: GenerateParams, *, resolution: int, pose: bool = False) -> Cost:
    """``POST /v1/generate``: num_images x steps x width x height (None: the LoRA's training
    ``resolution``), the pose ControlNet if a pose photo is given."""
    width, height = params.width or resolution, params.height or resolution
    return Cost(round(_pass(params.num_images, params.steps, width, height, int(pose)), 3))


def _face_cost(params: InpaintParams) -> float:
    """One redrawn face: stage 1 (txt2img, OpenPose), stages 2-3 (two ControlNets) and, with the
    VAE compensation, their one-step zero-mask passes."""
    size = params.crop_size
    total = _pass(1, params.steps, size, size, 1)
    for strength in (params.strength, params.refine_strength):
        if strength > 0:
            total += _pass(1, _steps_run(params.steps, strength), size, size, 2)
            if params.vae_compensation:
                total += _pass(1, _steps_run(params.steps, VAE_PASS_STRENGTH), size, size, 2)
    return total


def inpaint_cost(params: InpaintParams, *, faces: int) -> Cost:
    """``POST /v1/inpaint``: the named faces x the passes of each (:func:`_face_cost`)."""
    return Cost(round(faces * _face_cost(params), 3),
                hint="the number of faces, steps, strength or crop_size")


def tryon_cost(params: TryonParams, *, shape: tuple[int, ...]) -> Cost:
    """``POST /v1/tryon`` of a photo of ``shape``: the try-on pass at the working size (three
    ControlNets), plus the face pass (one face of template inpainting) when on."""
    width, height = working_size(shape, params.size)
    total = _pass(1, _steps_run(params.steps, params.strength), width, height, 3)
    if params.face_pass:
        total += _face_cost(InpaintParams(steps=params.steps, strength=params.face_strength,
                                          crop_size=params.face_crop_size))
    return Cost(round(total, 3), hint="steps, size or face_pass")


def estimate_speech_seconds(text: str) -> float:
    """Seconds of speech a TTS text will give (:data:`SPEECH_CHARS_PER_SECOND`)."""
    return len(text.strip()) / SPEECH_CHARS_PER_SECOND


def talk_cost(params: TalkParams, *, seconds: float) -> Cost:
    """``POST /v1/talk``: frames (``seconds`` x 25 fps) x (size / 256)^2, x2 with the enhancer."""
    frames = math.ceil(max(0.0, seconds) * FPS)
    value = frames * (params.size / 256) ** 2 * (2.0 if params.enhance else 1.0)
    return Cost(round(value, 3), kind="talk", unit="frames at 256 px",
                hint="the speech length, size or enhance")


@dataclass(frozen=True)
class RequestLimits:
    """The configured limits (ingress args ``max_request_cost``, ``max_talk_cost``)."""

    max_diffusion_cost: float = DEFAULT_MAX_DIFFUSION_COST
    max_talk_cost: float = DEFAULT_MAX_TALK_COST

    @classmethod
    def from_args(cls, max_request_cost: float | None = None,
                  max_talk_cost: float | None = None) -> RequestLimits:
        """From the app args; None keeps a default."""
        return cls(DEFAULT_MAX_DIFFUSION_COST if max_request_cost is None else float(max_request_cost),
                   DEFAULT_MAX_TALK_COST if max_talk_cost is None else float(max_talk_cost))

    def limit(self, kind: str) -> float:
        return self.max_talk_cost if kind == "talk" else self.max_diffusion_cost

    def admit(self, cost: Cost) -> Cost:
        """``cost`` if within its limit, else :class:`TooExpensiveError` (before any work)."""
        limit = self.limit(cost.kind)
        if cost.value > limit:
            raise TooExpensiveError(
                f"request costs {cost.value:g} {cost.unit}, over this server's limit of "
                f"{limit:g}; lower {cost.hint}", cost=cost.value, limit=limit)
        return cost


# -- admission by load ---------------------------------------------------------------------------


class OverloadedError(FaceChainError):
    """This ingress replica already works on as many requests of the class as it admits (503
    ``overloaded`` with ``Retry-After: retry_after_s``)."""

    def __init__(self, message: str, *, retry_after_s: float = DEFAULT_RETRY_AFTER_S):
        super().__init__(message)
        self.retry_after_s = float(retry_after_s)


class AdmissionGate:
    """At most ``limit`` (``per_replica`` x ``replicas``) holders at a time and at most
    ``max_waiting`` callers waiting (FIFO) for a slot; anyone beyond is refused at once
    (:class:`OverloadedError`). One event loop's state (an ingress replica's): no locks, nothing
    leaves the loop.

    A waiter that is cancelled (its client went away, a timeout) leaves the line; one cancelled
    just after it was handed a slot passes the slot on, so slots never leak."""

    def __init__(self, name: str, per_replica: int, max_waiting: int = 0, *, replicas: int = 1,
                 retry_after_s: float = DEFAULT_RETRY_AFTER_S):
        if per_replica < 1 or max_waiting < 0:
            raise ValueError(f"admission '{name}': limit must be >= 1 and max_waiting >= 0")
        self.name, self.per_replica, self.max_waiting = name, int(per_replica), int(max_waiting)
        self.replicas = max(1, int(replicas))
        self.retry_after_s = float(retry_after_s)
        self.in_flight = 0
        self._waiters: deque[asyncio.Future] = deque()

    @property
    def limit(self) -> int:
        return self.per_replica * self.replicas

    @property
    def waiting(self) -> int:
        return sum(1 for f in self._waiters if not f.done())

    def set_replicas(self, replicas: int) -> None:
        """The class's deployment runs ``replicas`` (at least 1 counted): a larger limit hands
        its new slots to waiters at once; a smaller one takes effect as holders release."""
        self.replicas = max(1, int(replicas))
        while self.in_flight < self.limit and self._hand_over():
            self.in_flight += 1

    def _hand_over(self) -> bool:
        """Give a slot to the first live waiter; False when none waits."""
        while self._waiters:
            future = self._waiters.popleft()
            if not future.done():
                future.set_result(None)
                return True
        return False

    def _refuse(self) -> OverloadedError:
        return OverloadedError(
            f"this server is at its limit of {self.limit} {self.name} request(s) at a time; "
            f"retry later", retry_after_s=self.retry_after_s)

    async def acquire(self) -> None:
        """Take a slot: at once when one is free, after waiting in line when the line has room,
        else :class:`OverloadedError` without awaiting anything."""
        if self.in_flight < self.limit and not self.waiting:
            self.in_flight += 1
            return
        if self.waiting >= self.max_waiting:
            raise self._refuse()
        future = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        try:
            await future  # release() hands its slot over: in_flight already counts this one
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # handed a slot at the moment of the cancel: pass it on
            raise
        finally:
            try:
                self._waiters.remove(future)
            except ValueError:
                pass

    def release(self) -> None:
        """Give a slot back: to the first live waiter (unless the limit shrank below the
        holders), else to the pool."""
        if self.in_flight <= self.limit and self._hand_over():
            return
        self.in_flight = max(0, self.in_flight - 1)


class Admission:
    """The admission gates of one ingress replica, by class (:data:`ADMISSION_CLASSES`); a class
    without a configured limit is not gated. ``on_event(cls, outcome, in_flight)`` is told every
    ``admitted`` / ``rejected`` / ``released`` (the ingress exports them as metrics)."""

    def __init__(self, gates: Mapping[str, AdmissionGate] | None = None, on_event=None):
        self.gates = dict(gates or {})
        self.on_event = on_event

    @classmethod
    def from_args(cls, max_concurrent: Mapping[str, int] | None = None,
                  max_waiting: Mapping[str, int] | None = None, *,
                  retry_after_s: float = DEFAULT_RETRY_AFTER_S, on_event=None) -> Admission:
        """From the app args (``max_concurrent``, ``max_waiting``: class -> count); an unknown
        class or a bad count is a ValueError (the config is wrong)."""
        max_concurrent, max_waiting = dict(max_concurrent or {}), dict(max_waiting or {})
        unknown = (set(max_concurrent) | set(max_waiting)) - set(ADMISSION_CLASSES)
        if unknown:
            raise ValueError(f"unknown admission classes {sorted(unknown)}; known: "
                             f"{list(ADMISSION_CLASSES)}")
        orphans = set(max_waiting) - set(max_concurrent)
        if orphans:
            raise ValueError(f"max_waiting without max_concurrent for {sorted(orphans)}")
        gates = {name: AdmissionGate(name, int(limit), int(max_waiting.get(name, 0)),
                                     retry_after_s=retry_after_s)
                 for name, limit in max_concurrent.items()}
        return cls(gates, on_event)

    def deployments(self) -> set[str]:
        """The deployments whose replicas size the gates (:data:`ADMISSION_DEPLOYMENTS`)."""
        return {ADMISSION_DEPLOYMENTS[name] for name in self.gates}

    def scale(self, replicas: Mapping[str, int]) -> None:
        """Running replicas by deployment name (Serve's status): each gate's limit follows its
        class's deployment (:data:`ADMISSION_DEPLOYMENTS`); deployments not named keep theirs."""
        for name, gate in self.gates.items():
            deployment = ADMISSION_DEPLOYMENTS[name]
            if deployment in replicas:
                gate.set_replicas(replicas[deployment])

    def _event(self, name: str, outcome: str, gate: AdmissionGate) -> None:
        if self.on_event is not None:
            self.on_event(name, outcome, gate.in_flight)

    @asynccontextmanager
    async def slot(self, name: str) -> AsyncIterator[None]:
        """Hold a slot of class ``name`` for the block (released on success, error and
        cancellation alike); :class:`OverloadedError` at once when the class is full."""
        gate = self.gates.get(name)
        if gate is None:
            yield
            return
        try:
            await gate.acquire()
        except OverloadedError:
            self._event(name, "rejected", gate)
            raise
        self._event(name, "admitted", gate)
        try:
            yield
        finally:
            gate.release()
            self._event(name, "released", gate)
