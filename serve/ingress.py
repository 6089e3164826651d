"""The HTTP ingress: a versioned FastAPI app served by the ``Ingress`` deployment.

Routes call the library pipelines with :class:`servekit.adapters.ServedComponents` (every model a
hop to its deployment). Training is a job: ``POST /v1/loras`` decodes the uploads, stores the
usable ones, queues a job and answers 202; the job runner in this replica feeds queued jobs to the
``LoraTrainer`` deployment. ``POST /v1/inpaint`` and ``POST /v1/tryon`` take a multipart upload
(the photo, for try-on an optional garment mask) and a JSON ``options`` form field, and answer the
result image (base64 PNG) with the library's per-face report. ``POST /v1/talk`` is a job too:
the portrait and the speech (an audio upload, or text for TTS) are checked at once (typed 4xx:
no usable face, undecodable or silent audio, unknown voice), stored, and rendered by the
``TalkingHead`` deployment; the video is served by ``GET /v1/outputs/{id}`` with HTTP range
support. Every error has one JSON shape (``serve/errors.py``); OpenAPI at ``/docs``.

Tenancy (``serve/auth.py``): every route but the probes needs an API key (or, without a key
file, a loopback client: tenant ``local``). What a tenant makes is stored under storage ids
derived from (tenant, public id) (:func:`servekit.storage.scoped_id`): LoRAs, outputs and
tenant styles; a job carries its tenant in ``params["tenant"]`` (uploads are keyed by the job).
Another tenant's id is therefore simply not found (404, the same answer as a missing id), and
the Diffusion multiplexed model ids are storage ids, made here, never by the client. Jobs are
shown with public ids and errors in the API's vocabulary (:meth:`Ingress._public_job`). Per
tenant quotas (LoRAs stored, jobs in flight) answer 429; ``Idempotency-Key`` on
``POST /v1/loras`` and ``POST /v1/talk`` returns the first job to a retry
(``serve/idempotency.py``); ``GET /v1/jobs/{id}/events`` streams progress (server-sent events).

The event loop of this replica only awaits: file reads, image decoding and encoding, LoRA
metadata and style registry reloads run in worker threads (``asyncio.to_thread``), so health
checks and other requests are answered while they run.

(No ``from __future__ import annotations`` here: FastAPI resolves the route signatures of a
Serve ingress class at request time and cannot see string annotations.)
"""


import asyncio
import base64
import copy
import functools
import logging
import re
import time
from collections.abc import Mapping
from pathlib import Path as FilePath
from pathlib import PurePath
from typing import Any

from fastapi import (
    Depends,
    FastAPI,
    File,
    Form,
    Header,
    HTTPException,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from pydantic import Json
from ray import serve

from deployments.talking_head import OUTPUTS, VIDEO_NAME
from facechain.components.inpaint_masks import check_mask
from facechain.components.tagging import AgeGroup
from facechain.diffusion.lora_io import LoraArtifact, read_lora
from facechain.diffusion.styles import Style, StyleRegistry
from facechain.errors import (
    FaceChainError,
    ImageTooLargeError,
    InvalidInputError,
    NoPersonError,
    NotFoundError,
    NoUsablePhotosError,
)
from facechain.imageio import DEFAULT_MAX_PIXELS, decode_image, encode_png
from facechain.pipelines.dataset import preprocess_report
from facechain.pipelines.generate import TemplateFaces, agenerate, style_family
from facechain.pipelines.inpaint import FaceAssignment, InpaintOutput, ainpaint
from facechain.pipelines.preprocess import PreprocessParams, apreprocess, decode_photo
from facechain.pipelines.talk import MAX_SECONDS, MIN_SECONDS, SAMPLE_RATE
from facechain.pipelines.tryon import TryonOutput, atryon
from facechain.registry import ModelRegistry
from facechain.types import Gender, GenerateOutput, Photo, Rejection
from serve.auth import (
    LOCAL_TENANT,
    SCOPE_KEY,
    ApiGuard,
    ApiGuardMiddleware,
    KeyRing,
    Principal,
    Quotas,
    caller,
    require_admin,
)
from serve.errors import (
    ERROR_RESPONSES,
    QuotaExceededError,
    install_error_handlers,
    public_job_error,
    unwrap,
)
from serve.idempotency import IdempotencyStore
from serve.jobs import Job, JobError, JobState, JobStore
from serve.limits import (
    Admission,
    RequestLimits,
    estimate_speech_seconds,
    generate_cost,
    inpaint_cost,
    talk_cost,
    tryon_cost,
)
from serve.openapi import body_doc as _body_doc
from serve.openapi import describe_openapi
from serve.runner import TALK_KIND, TRAIN_KIND, JobRunner
from serve.schemas import (
    FacesResponse,
    GenerateRequest,
    GenerateResponse,
    HealthOut,
    InpaintOptions,
    InpaintResponse,
    LoraOut,
    LorasOut,
    ReadinessOut,
    StyleOut,
    TalkAccepted,
    TalkOptions,
    TrainAccepted,
    TrainOptions,
    TryonOptions,
    TryonResponse,
    VoiceOut,
    decode_base64_image,
)
from serve.ui import mount_ui
from servekit.adapters import ServedComponents
from servekit.loras import LORAS, lora_dir, public_lora_id, tenant_lora_id
from servekit.metrics import (
    CONTENT_TYPE,
    deployment_replicas_text,
    live_replicas,
    record_admission,
    record_dropped_candidate,
    record_http_request,
    record_rejected_photo,
    scrape_node_metrics,
)
from servekit.routing import routed_replicas
from servekit.status import serve_status
from servekit.storage import ArtifactStore, new_id, scoped_id, validate_id

logger = logging.getLogger(__name__)

_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
ADMISSION_REFRESH_S = 2.0
"""How often the admission gates re-read the running replicas from Serve's status (in the background)
while a gated deployment's router has not reported them yet."""


def _body_fields(dependant: Any) -> list[str]:
    """Names of the body (form) fields a route and its dependencies declare."""
    names = [field.alias for field in dependant.body_params]
    for sub in dependant.dependencies:
        names += _body_fields(sub)
    return names


async def forbid_unknown_form_fields(request: Request) -> None:
    """FastAPI ignores form fields a route does not declare: answer them with 422, as pydantic
    answers unknown JSON fields (``extra_forbidden`` at ``body.<name>``)."""
    if not request.headers.get("content-type", "").startswith(_FORM_TYPES):
        return
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    declared = set(_body_fields(dependant))
    form = await request.form()  # parsed once: Starlette caches it for the route's own fields
    unknown = sorted(set(form.keys()) - declared)
    if unknown:
        raise RequestValidationError([
            {"type": "extra_forbidden", "loc": ("body", name), "msg": "Extra inputs are not permitted",
             "input": None} for name in unknown])


app = FastAPI(title="FaceChain Serve", version="1.0",
              description="Identity-preserving portraits: preprocess photos, train a face LoRA, "
                          "generate portraits in a style, redraw the faces of a template photo, "
                          "try a garment on.", responses=ERROR_RESPONSES,
              dependencies=[Depends(forbid_unknown_form_fields)])
install_error_handlers(app)
describe_openapi(app)
mount_ui(app)  # the web UI at /ui (serve/ui.py)


def _replica_guard() -> ApiGuard | None:
    """The ApiGuard of the Ingress this process serves (None before it is built)."""
    return getattr(serve.get_replica_context().servable_object, "guard", None)


# inside count_requests, so rejected requests are counted too
app.add_middleware(ApiGuardMiddleware, guard=_replica_guard)


@app.middleware("http")
async def count_requests(request: Request, call_next):
    response = await call_next(request)
    route = request.scope.get("route")
    record_http_request(getattr(route, "path", "unmatched"), request.method, response.status_code)
    return response


# -- helpers that run in worker threads ---------------------------------------------------------


def _b64png(image) -> str:
    return base64.b64encode(encode_png(image)).decode("ascii")


def _b64pngs(images: list) -> list[str]:
    return [_b64png(image) for image in images]


def _decodable(photos: list[Photo], max_pixels: int) -> tuple[list[Photo], list[Rejection]]:
    """Split uploads into decodable photos and rejections (reasons as preprocessing gives them)."""
    usable, rejected = [], []
    for photo in photos:
        decoded = decode_photo(photo, max_pixels)
        if isinstance(decoded, Rejection):
            rejected.append(decoded)
        else:
            usable.append(photo)
    return usable, rejected


def _read_lora(artifacts: ArtifactStore, lora_id: str) -> LoraArtifact:
    return read_lora(lora_dir(artifacts, lora_id))


def _as_param(exc: BaseException, param: str) -> BaseException:
    """A library error (possibly wrapped by a Ray hop) as naming the form field ``param`` (the
    library names its own argument: ``image``, ``photos``, ``lora``)."""
    cause = unwrap(exc)
    if not isinstance(cause, FaceChainError):
        return exc
    error = copy.copy(cause)
    error.param = param
    return error


def _required(value: Any, name: str) -> Any:
    """A form field declared optional only to keep FastAPI from reading a required model-typed
    form field as the whole form (FastAPI 0.165 does so for ``Json[Model]``): missing -> 422
    exactly as a missing required field."""
    if value is None:
        raise RequestValidationError([{"type": "missing", "loc": ("body", name),
                                       "msg": "Field required", "input": None}])
    return value


def _decode_upload(data: bytes, param: str, max_pixels: int):
    """Upload bytes -> uint8 RGB (worker thread); decode errors name the form field."""
    try:
        return decode_image(data, max_pixels=max_pixels)
    except InvalidInputError as exc:
        raise _as_param(exc, param) from exc


def _decode_mask(data: bytes, shape: tuple[int, ...], max_pixels: int):
    """A garment mask upload (PNG; white = garment kept) -> uint8 (H, W) 0/255 of the photo's
    size (worker thread); a mask of another size is 400 ``mask``."""
    return check_mask(_decode_upload(data, "mask", max_pixels), shape, param="mask")


def _tenant_lora(artifacts: ArtifactStore, tenant: str, lora_id: str,
                 param: str = "lora_id") -> tuple[str, LoraArtifact]:
    """(storage id, LoRA) of the tenant's LoRA ``lora_id``: 404 ``param`` if the tenant has none
    of that id (another tenant's id included: the same answer)."""
    storage_id = tenant_lora_id(tenant, lora_id, param)
    try:
        return storage_id, _read_lora(artifacts, storage_id)
    except NotFoundError as exc:
        raise NotFoundError(f"LoRA '{lora_id}' not found", param=param) from exc


def _face_loras(artifacts: ArtifactStore, tenant: str, faces) -> list[FaceAssignment]:
    """``faces`` of InpaintOptions -> the library's assignments, under storage ids (LoRAs read:
    404 ``faces`` for an id the tenant does not have)."""
    out = []
    for face in faces:
        try:
            storage_id, artifact = _tenant_lora(artifacts, tenant, face.lora_id)
        except NotFoundError as exc:
            raise NotFoundError(f"face {face.index}: LoRA '{face.lora_id}' not found",
                                param="faces") from exc
        out.append(FaceAssignment(index=face.index, lora=artifact, lora_id=storage_id))
    return out


def _public_faces(faces) -> list[dict[str, Any]]:
    """Per-face reports with the LoRA named by its public id."""
    out = []
    for face in faces:
        entry = face.to_dict()
        if isinstance(entry.get("lora"), str):
            entry["lora"] = public_lora_id(entry["lora"])
        out.append(entry)
    return out


def _inpaint_response(out: InpaintOutput) -> InpaintResponse:
    return InpaintResponse(image=_b64png(out.image), faces=_public_faces(out.faces),
                           seed=out.seed)


def _tryon_response(out: TryonOutput) -> TryonResponse:
    return TryonResponse(image=_b64png(out.image), mask=_b64png(out.mask),
                         faces=_public_faces(out.faces), seed=out.seed)


def _check_audio(data: bytes) -> float:
    """An audio upload decodes (any format ffmpeg reads), is within the length limits and holds
    speech (worker thread): 400 ``audio_decode_error`` / ``silent_audio``, 413 ``audio_too_long``
    now rather than a failed job later. Returns its seconds."""
    from facechain.media.audio import check_speech, decode_audio

    audio = decode_audio(data, sample_rate=SAMPLE_RATE, max_seconds=MAX_SECONDS,
                         min_seconds=MIN_SECONDS)
    check_speech(audio)
    return len(audio.samples) / audio.sample_rate


def _output_video(artifacts: ArtifactStore, tenant: str, output_id: str):
    """(storage id, path) of the tenant's output video (404 ``output_id`` if it has none)."""
    storage_id = scoped_id(tenant, validate_id(output_id, "output_id"))
    missing = NotFoundError(f"output '{output_id}' not found", param="output_id")
    if storage_id is None:
        raise missing
    try:
        path = artifacts.file_path(OUTPUTS, storage_id, VIDEO_NAME)
    except NotFoundError:
        raise missing from None
    if not path.is_file():
        raise missing
    return storage_id, path


def _job_tenant(job: Job) -> str:
    """The tenant of a job (rows from before tenancy belong to the local tenant)."""
    return str(job.params.get("tenant") or LOCAL_TENANT)


def _public_ids(value: Any, ids: dict[str, str]) -> Any:
    """``value`` (JSON) with every storage id of ``ids`` replaced by its public id."""
    if isinstance(value, str):
        for old, new in ids.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_public_ids(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _public_ids(v, ids) for k, v in value.items()}
    return value


def _public_job(job: Job) -> Job:
    """A job as its tenant sees it: public LoRA / output ids, no tenant or idempotency key in
    ``params``, the error in the API's vocabulary with Ray internals masked, no runner (a
    replica tag)."""
    params = {k: v for k, v in job.params.items() if k not in ("tenant", "idempotency_key")}
    ids = {v: public_lora_id(v) for k, v in job.params.items()
           if k in ("lora_id", "output_id") and isinstance(v, str) and public_lora_id(v) != v}
    error = job.error
    if error is not None:
        kind, message = public_job_error(error.type, error.message, replace=ids)
        error = JobError(type=kind, message=message)
    return job.model_copy(update={"params": _public_ids(params, ids),
                                  "result": _public_ids(job.result, ids), "error": error,
                                  "runner": None})  # a replica tag: a Ray internal


def _safe_name(name: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", PurePath(name or "photo").name)[:100].lstrip("._-")
    return f"{index:03d}_{stem or 'photo'}"


def _style_out(s: Style) -> dict[str, Any]:
    return {"slug": s.slug, "name": s.name, "description": s.description,
            "base_model": s.base_model, "prompt_only": s.is_prompt_only,
            "style_weight": s.style_weight, "face_weight": s.face_weight, "prompt": s.prompt,
            "negative_prompt": s.negative_prompt, "tags": s.tags}


def _admitted(cls: str):
    """Route decorator: the route runs holding a slot of this replica's admission gate for
    ``cls`` (:class:`serve.limits.Admission`), taken after auth and body validation and before
    anything else; 503 ``overloaded`` at once when the gate is full."""
    def wrap(route):
        @functools.wraps(route)  # FastAPI and Serve read the route's signature through it
        async def gated(self, *args, **kwargs):
            self._follow_replicas()
            async with self.admission.slot(cls):
                return await route(self, *args, **kwargs)
        return gated
    return wrap


def _style_form(name: str, default: Any = ...) -> Any:
    """A form field of ``POST /v1/styles`` described (and defaulted) by the library's Style."""
    field = Style.model_fields[name]
    if default is ...:
        default = ... if field.is_required() else field.default
    return Form(default, description=field.description)


def _preprocess_form(name: str) -> Any:
    """An optional form field of ``POST /v1/faces`` described by the library's PreprocessParams."""
    return Form(None, description=PreprocessParams.model_fields[name].description)


_JOB_ID = Path(description="job id, from POST /v1/loras or POST /v1/talk")
_CALLER = Depends(caller)
_IDEMPOTENCY_KEY = Header(None, alias="Idempotency-Key", description="a client-made key (1-200 "
                          "characters): a retry with the same key returns the first job")
_OUTPUT_ID = Path(description="output id, from POST /v1/talk")
_LORA_ID = Path(description="LoRA id, from POST /v1/loras")
_GENDER_FORM = _preprocess_form("gender")
_AGE_GROUP_FORM = _preprocess_form("age_group")


def readiness(deployments: Mapping[str, Any]) -> tuple[bool, dict[str, str], list[str]]:
    """Ready iff every deployment has at least one RUNNING (healthy) replica.

    ``deployments``: name -> Serve's ``DeploymentStatusOverview`` (``status``,
    ``replica_states``). A deployment that is scaling or rolling out (UPSCALING, DOWNSCALING,
    UPDATING) while a replica serves is ready; one without a running replica is not, whatever
    its status says. Returns (ready, name -> status, names without a running replica).
    """
    statuses, unready = {}, []
    for name, overview in deployments.items():
        status = getattr(overview, "status", "")
        statuses[name] = str(getattr(status, "value", status))
        states = getattr(overview, "replica_states", None) or {}
        running = sum(int(n) for state, n in states.items()
                      if str(getattr(state, "value", state)) == "RUNNING")
        if running < 1:
            unready.append(name)
    return not unready and bool(statuses), statuses, sorted(unready)


@serve.deployment(name="Ingress")
@serve.ingress(app)
class Ingress:
    def __init__(self, *, rotation, detection, parsing, retouching, attributes, tagging, quality,
                 recognition, fusion, conditions, diffusion, trainer, garment_segmentation=None,
                 tts=None, talker=None, models: str = "default",
                 job_store: str = "out/serve/jobs.sqlite3", artifacts: str = "out/serve/artifacts",
                 max_upload_mb: float = 20, max_photos: int = 10, request_timeout_s: float = 150,
                 max_pixels: int = DEFAULT_MAX_PIXELS, stale_after_s: float = 30.0,
                 api_keys: str | None = None, metrics_public: bool = False,
                 quotas: dict[str, Any] | None = None, max_request_mb: float | None = None,
                 runner_args: dict[str, Any] | None = None, run_jobs: bool = True,
                 job_runner: Any = None, max_request_cost: float | None = None,
                 max_talk_cost: float | None = None,
                 max_concurrent: dict[str, int] | None = None,
                 max_waiting: dict[str, int] | None = None):
        """``runner_args``: the job runner's settings (:class:`serve.runner.JobRunner`:
        max_concurrent, max_talks, max_attempts, max_duration_s ...); ``run_jobs`` False: this
        replica runs no jobs (a ``JobRunnerDeployment``, ``job_runner``, does).
        ``max_request_cost`` / ``max_talk_cost``: the admission limits of :mod:`serve.limits`
        (None: its defaults). ``max_concurrent`` / ``max_waiting``: class (diffusion, talk) ->
        requests this replica works on at a time per running replica of the class's deployment /
        lets wait for a slot (the admission gate of :mod:`serve.limits`, per ingress replica; a
        class not named is not gated).
        ``api_keys``: the key file (``serve/auth.py``; None: loopback clients only, tenant
        ``local``). ``quotas``: the per-tenant defaults (:class:`serve.auth.Quotas`).
        ``max_request_mb``: the whole-body cap (default: room for ``max_photos`` uploads or a
        style LoRA, plus 8 MB of form overhead)."""
        self.components = ServedComponents(
            rotation=rotation, detection=detection, parsing=parsing, retouching=retouching,
            attributes=attributes, tagging=tagging, quality=quality, recognition=recognition,
            fusion=fusion, conditions=conditions, diffusion=diffusion,
            garment_segmentation=garment_segmentation, tts=tts)
        self.template_faces = TemplateFaces()  # the detection handle's finds, per LoRA template
        self.diffusion = diffusion
        self.tts, self.talker = tts, talker
        self.store = JobStore(job_store)
        self.artifacts = ArtifactStore(artifacts)
        self.max_upload_bytes = int(max_upload_mb * 1024 * 1024)
        self.max_photos = max_photos
        self.max_pixels = max_pixels
        self.timeout_s = request_timeout_s
        self.limits = RequestLimits.from_args(max_request_cost, max_talk_cost)
        self.admission = Admission.from_args(max_concurrent, max_waiting,
                                             on_event=record_admission)
        self._replicas_checked = -ADMISSION_REFRESH_S
        self._replicas_task: asyncio.Task | None = None
        default_quotas = Quotas.model_validate(quotas or {})
        keys = KeyRing.load(api_keys, default_quotas) if api_keys else None
        if max_request_mb is None:
            max_request_mb = max_upload_mb * max(max_photos, 10) + 8
        self.guard = ApiGuard(keys, quotas=default_quotas, metrics_public=metrics_public,
                              max_request_bytes=int(max_request_mb * 1024 * 1024))
        if keys is None:
            logger.warning("no API keys (api_keys): serving loopback clients only, as tenant "
                           "'%s'", LOCAL_TENANT)
        else:
            logger.info("API keys for %d tenant(s)", len(keys.tenants))
        self.idempotency = IdempotencyStore(FilePath(job_store).with_suffix(".idempotency.sqlite3"))
        self.events_poll_s = 0.5
        base_source = ModelRegistry.load(models).spec("base_model").source
        self.style_base = style_family(base_source)
        self.style_dir = self.artifacts.root / "styles"
        self.tenant_style_root = self.style_dir / "tenants"
        self._styles: dict[str, StyleRegistry] = {}
        replica = serve.get_replica_context().replica_tag
        self.job_runner = job_runner  # keeps a JobRunnerDeployment in the graph
        self.runner = None
        if run_jobs:
            self.runner = JobRunner(self.store, self.artifacts, trainer, talker=talker,
                                    runner_id=replica, stale_after_s=stale_after_s,
                                    **(runner_args or {}))
            self.runner.start()

    async def __del__(self):
        """Replica shutdown: running jobs are re-queued and resume on another runner."""
        if self.runner is not None:
            await self.runner.stop()

    # -- helpers -------------------------------------------------------------------------------
    def _follow_replicas(self) -> None:
        """Re-size the admission gates to the running replicas of their deployments: from this
        process's request routers (:func:`servekit.routing.routed_replicas`, pushed by Serve's
        controller, free to read) for every gated deployment they know; for the others, every
        ``ADMISSION_REFRESH_S`` at most, from Serve's status in the background (no request
        waits for it; :func:`servekit.status.serve_status`, since ``serve.status()`` holds this
        process's GIL for ~0.2 s per call, which delayed the very rejections it sizes)."""
        app_name = self._app_name()
        routed = routed_replicas().get(app_name, {}) if app_name else {}
        if routed:
            self.admission.scale(routed)
        if all(d in routed for d in self.admission.deployments()):
            return
        now = time.monotonic()
        if now - self._replicas_checked < ADMISSION_REFRESH_S or (
                self._replicas_task is not None and not self._replicas_task.done()):
            return
        self._replicas_checked = now
        self._replicas_task = asyncio.ensure_future(self._scale_admission())

    @staticmethod
    def _app_name() -> str | None:
        try:
            return serve.get_replica_context().app_name
        except Exception:  # noqa: BLE001 - outside a replica (tests)
            return None

    async def _scale_admission(self) -> None:
        replicas = await live_replicas(ADMISSION_REFRESH_S)
        if not replicas:
            return
        app_name = self._app_name() or next(iter(replicas))  # outside a replica: the only app
        status = replicas.get(app_name, {})
        routed = routed_replicas().get(app_name, {})
        self.admission.scale({d: n for d, n in status.items() if d not in routed})

    async def _read_photos(self, photos: list[UploadFile]) -> list[Photo]:
        if not photos:
            raise InvalidInputError("no photos uploaded", param="photos")
        if len(photos) > self.max_photos:
            raise InvalidInputError(f"{len(photos)} photos uploaded; at most {self.max_photos}",
                                    param="photos")
        out = []
        for upload in photos:
            data = await upload.read(self.max_upload_bytes + 1)
            if len(data) > self.max_upload_bytes:
                raise ImageTooLargeError(
                    f"{upload.filename}: upload exceeds {self.max_upload_bytes // (1024 * 1024)} MB",
                    param="photos")
            out.append(Photo(source=upload.filename or f"photo{len(out)}", data=data))
        return out

    async def _read_upload(self, upload: UploadFile, param: str) -> bytes:
        """One image upload, size-limited like the photos of POST /v1/faces."""
        data = await upload.read(self.max_upload_bytes + 1)
        if len(data) > self.max_upload_bytes:
            raise ImageTooLargeError(
                f"{upload.filename or param}: upload exceeds "
                f"{self.max_upload_bytes // (1024 * 1024)} MB", param=param)
        return data

    async def _load_adapters(self, lora_ids: list[str]) -> None:
        """Have the Diffusion replicas that will serve these LoRAs (storage ids) load them now
        (routed by the same multiplexed ids as the passes): a LoRA of another base model is 409
        before any other work, not a per-face stage failure."""
        await self._timed(asyncio.gather(*(
            self.diffusion.options(multiplexed_model_id=lora_id).load_adapter.remote()
            for lora_id in dict.fromkeys(lora_ids))))

    async def _styles_for(self, tenant: str, slug: str | None) -> StyleRegistry | None:
        """The tenant's registry holding style ``slug`` (404 before any work), None without a
        style."""
        if slug is None:
            return None
        await self._style(tenant, slug)
        return self._styles[tenant]

    async def _timed(self, coro):
        return await asyncio.wait_for(coro, timeout=self.timeout_s)

    def _tenant_style_dir(self, tenant: str) -> FilePath:
        return self.tenant_style_root / tenant

    async def _reload_styles(self, tenant: str) -> StyleRegistry:
        """The styles a tenant sees: built-in, global (added by admins) and its own."""
        own = self._tenant_style_dir(tenant)
        dirs = [self.style_dir, own] if own.is_dir() else [self.style_dir]
        self._styles[tenant] = await asyncio.to_thread(StyleRegistry.load, self.style_base, dirs)
        return self._styles[tenant]

    async def _style(self, tenant: str, slug: str) -> Style:
        registry = self._styles.get(tenant)
        if registry is not None:
            try:
                return registry.get(slug)
            except NotFoundError:  # added through another replica since we loaded
                pass
        return (await self._reload_styles(tenant)).get(slug)

    def _slug_taken(self, slug: str) -> bool:
        """Style slugs are one namespace (adapter names on the Diffusion replicas are
        ``style-<slug>``): a slug another tenant uses is taken (worker thread)."""
        return (self.style_dir / f"{slug}.yaml").exists() or any(
            self.tenant_style_root.glob(f"*/{slug}.yaml"))

    def _job(self, who: Principal, job_id: str) -> Job:
        """The caller's job (worker thread): 404 for a missing id and another tenant's alike."""
        try:
            job = self.store.get(job_id)
        except NotFoundError:
            job = None
        if job is None or _job_tenant(job) != who.tenant:
            raise NotFoundError(f"job '{job_id}' not found", param="job_id")
        return job

    def _check_quotas(self, who: Principal, kind: str) -> None:
        """Per-tenant quotas before a job is queued (worker thread): jobs queued or running, and
        for training the LoRAs stored plus those being trained."""
        active = [j for j in self.store.list(state=[JobState.QUEUED, JobState.RUNNING],
                                              limit=1_000_000) if _job_tenant(j) == who.tenant]
        if len(active) >= who.quotas.jobs:
            raise QuotaExceededError(
                f"tenant '{who.tenant}' has {len(active)} jobs queued or running; the limit is "
                f"{who.quotas.jobs}", param="jobs", retry_after_s=30)
        if kind == TRAIN_KIND:
            stored = len(self.artifacts.list(LORAS, tenant=who.tenant))
            training = sum(1 for j in active if j.kind == TRAIN_KIND)
            if stored + training >= who.quotas.loras:
                raise QuotaExceededError(
                    f"tenant '{who.tenant}' has {stored} LoRAs stored and {training} in "
                    f"training; the limit is {who.quotas.loras}: delete one first",
                    param="loras")

    async def _idempotent(self, who: Principal, key: str | None, route: str, submit):
        """Run ``submit()`` (-> the 202 model) once per (tenant, Idempotency-Key): a retry gets
        the first answer; a failed first request frees the key."""
        if key is None:
            return await submit()
        first = await asyncio.to_thread(self.idempotency.reserve, who.tenant, key, route)
        if first is not None:
            return JSONResponse(first, status_code=202)
        try:
            accepted = await submit()
        except BaseException:
            await asyncio.shield(asyncio.to_thread(self.idempotency.release, who.tenant, key))
            raise
        await asyncio.to_thread(self.idempotency.complete, who.tenant, key,
                                accepted.model_dump(mode="json"))
        return accepted

    # -- routes --------------------------------------------------------------------------------
    @app.get("/healthz", response_model=HealthOut, tags=["health"],
             response_description="The ingress is alive")
    async def healthz(self):
        """Liveness: the ingress answers."""
        return {"status": "ok"}

    @app.get("/readyz", response_model=ReadinessOut, tags=["health"],
             response_description="Ready: every deployment has a healthy replica",
             responses={503: {"model": ReadinessOut, "description": "Not ready"}})
    async def readyz(self):
        """Readiness: every deployment of this application has at least one healthy replica
        (one that is scaling or rolling out while a replica serves is ready)."""
        status = await asyncio.to_thread(serve_status)
        app_name = serve.get_replica_context().app_name
        app_status = status.applications.get(app_name)  # none: Serve does not know it (yet)
        ready, deployments, unready = readiness(app_status.deployments if app_status else {})
        return JSONResponse({"status": "ready" if ready else "not_ready",
                             "deployments": deployments, "unready": unready},
                            status_code=200 if ready else 503)

    @app.get("/metrics", tags=["health"], response_class=PlainTextResponse,
             response_description="Prometheus text exposition")
    async def metrics(self, request: Request) -> Response:
        """Prometheus text: this node's ``ray_facechain_*`` and ``ray_serve_*`` metrics, plus
        ``facechain_deployment_replicas`` (RUNNING replicas per deployment, from Serve's status).
        Needs an admin key unless the app arg ``metrics_public`` is set (a scraper inside the
        cluster)."""
        principal = request.scope.get(SCOPE_KEY)
        if principal is not None:  # None: a public path
            require_admin(principal)
        text = await scrape_node_metrics() + await deployment_replicas_text()
        return PlainTextResponse(text, media_type=CONTENT_TYPE)

    @app.post("/v1/faces", response_model=FacesResponse, tags=["faces"],
              response_description="The preprocessing report",
              openapi_extra=_body_doc("multipart/form-data: the photos (field `photos`, once per "
                                      "photo) and optional gender / age_group overrides"))
    async def faces(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                    gender: Gender | None = _GENDER_FORM,
                    age_group: AgeGroup | None = _AGE_GROUP_FORM,
                    include_images: bool = Query(False, description="return training images"),
                    who: Principal = _CALLER):
        """Preprocess photos: accepted training images with captions, rejections with reasons."""
        inputs = await self._read_photos(photos)
        params = PreprocessParams(max_photos=self.max_photos, max_pixels=self.max_pixels,
                                  gender=gender, age_group=age_group)
        try:
            output = await self._timed(apreprocess(inputs, self.components, params))
        except Exception as exc:
            # every photo's verdict still counts: NoUsablePhotosError's rejections, or the
            # per-photo component failures of AllItemsFailedError
            for r in getattr(exc, "rejections", None) or getattr(exc, "failures", []):
                record_rejected_photo(r.reason.value)
            raise
        for r in output.rejected:
            record_rejected_photo(r.reason.value)
        report = preprocess_report(output)
        if include_images:
            images = await asyncio.to_thread(_b64pngs, [s.image for s in output.samples])
            for entry, image in zip(report["accepted"], images):
                entry["image"] = image
        return report

    @app.post("/v1/loras", status_code=202, response_model=TrainAccepted, tags=["loras"],
              response_description="Training job queued",
              openapi_extra=_body_doc("multipart/form-data: the photos (field `photos`, once per "
                                      "photo) and the training options (`options`, JSON)"))
    async def create_lora(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                          options: Json[TrainOptions] | None = Form(
                              None, description="training options: a TrainOptions JSON object"),
                          idempotency_key: str | None = _IDEMPOTENCY_KEY,
                          who: Principal = _CALLER):
        """Queue a face-LoRA training job; poll ``status_url`` (or stream ``/events``). Photos
        that cannot be decoded are left out (listed in ``rejected``); when none can, 422
        ``no_usable_photos`` at once. 429 ``quota_exceeded`` when the tenant's LoRAs or jobs
        are at their limits."""
        return await self._idempotent(who, idempotency_key, "/v1/loras",
                                      lambda: self._create_lora(photos, options, who))

    async def _create_lora(self, photos: list[UploadFile], options: TrainOptions | None,
                           who: Principal) -> TrainAccepted:
        train = options or TrainOptions()
        await asyncio.to_thread(self._check_quotas, who, TRAIN_KIND)
        inputs = await self._read_photos(photos)
        usable, rejected = await asyncio.to_thread(_decodable, inputs, self.max_pixels)
        for r in rejected:
            record_rejected_photo(r.reason.value)
        if not usable:
            raise NoUsablePhotosError(rejected)
        job_id, lora_id = new_id(), new_id()
        for i, photo in enumerate(usable):
            await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id,
                                    _safe_name(photo.source, i), photo.data)
        await asyncio.to_thread(self.store.create, TRAIN_KIND, {
            "tenant": who.tenant, "lora_id": tenant_lora_id(who.tenant, lora_id),
            "train": train.to_params().model_dump(mode="json"),
            "photos": [p.source for p in usable], "rejected": [r.to_dict() for r in rejected]},
            job_id=job_id)
        return TrainAccepted(job_id=job_id, lora_id=lora_id, status_url=f"/v1/jobs/{job_id}",
                             rejected=[r.to_dict() for r in rejected])

    @app.get("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"],
             response_description="The job")
    async def get_job(self, job_id: str = _JOB_ID, who: Principal = _CALLER):
        """State, progress, result or error of one of the caller's jobs."""
        return _public_job(await asyncio.to_thread(self._job, who, job_id))

    @app.delete("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"],
                response_description="The job: cancelled, or cancelling at its next step")
    async def cancel_job(self, job_id: str = _JOB_ID, who: Principal = _CALLER):
        """Cancel a queued or running job (a running one stops at its next step)."""
        await asyncio.to_thread(self._job, who, job_id)
        return _public_job(await asyncio.to_thread(self.store.request_cancel, job_id))

    @app.get("/v1/jobs/{job_id}/events", tags=["jobs"], response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {}},
                              "description": "server-sent events: `progress` (the job, JSON) "
                              "on every change, then one `done` (the terminal job)"}})
    async def job_events(self, job_id: str = _JOB_ID, who: Principal = _CALLER):
        """The job's progress as server-sent events until it is terminal: ``event: progress``
        with the job (as ``GET /v1/jobs/{id}``) whenever it changes, then ``event: done`` with
        the final job; a comment line keeps idle connections open. A stream cut by a proxy
        timeout can simply be opened again."""
        job = await asyncio.to_thread(self._job, who, job_id)  # 404 before the stream starts
        return StreamingResponse(self._job_events(job), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache",
                                          "X-Accel-Buffering": "no"})

    async def _job_events(self, job: Job):
        last, quiet = None, 0.0
        while True:
            data = _public_job(job).model_dump_json()
            if job.terminal:
                yield f"event: done\ndata: {data}\n\n"
                return
            if data != last:
                last, quiet = data, 0.0
                yield f"event: progress\ndata: {data}\n\n"
            elif quiet >= 15.0:
                quiet = 0.0
                yield ": keep-alive\n\n"
            await asyncio.sleep(self.events_poll_s)
            quiet += self.events_poll_s
            job = await asyncio.to_thread(self.store.get, job.id)

    @app.get("/v1/loras", response_model=LorasOut, tags=["loras"],
             response_description="The caller's LoRA ids")
    async def list_loras(self, who: Principal = _CALLER):
        """The caller's stored LoRAs."""
        return {"loras": await asyncio.to_thread(self.artifacts.list, LORAS, tenant=who.tenant)}

    @app.get("/v1/loras/{lora_id}", response_model=LoraOut, tags=["loras"],
             response_description="The LoRA's metadata")
    async def get_lora(self, lora_id: str = _LORA_ID, who: Principal = _CALLER):
        """A LoRA's metadata."""
        _, artifact = await asyncio.to_thread(_tenant_lora, self.artifacts, who.tenant, lora_id)
        m = artifact.metadata
        return LoraOut(lora_id=lora_id, kind=m.kind, trigger=m.trigger, common_tags=m.common_tags,
                       base_model_id=m.base_model_id, rank=m.rank, steps=m.steps,
                       resolution=m.resolution, created_at=m.created_at)

    @app.delete("/v1/loras/{lora_id}", status_code=204, tags=["loras"],
                response_description="Deleted")
    async def delete_lora(self, lora_id: str = _LORA_ID, who: Principal = _CALLER):
        """Delete a LoRA and free it on the Diffusion replica that holds it."""
        storage_id = tenant_lora_id(who.tenant, lora_id)
        try:
            await asyncio.to_thread(self.artifacts.delete, LORAS, storage_id)
        except NotFoundError as exc:
            raise NotFoundError(f"LoRA '{lora_id}' not found", param="lora_id") from exc
        try:  # free it on the replica that holds it (routed by the same multiplexed id)
            await self.diffusion.options(multiplexed_model_id=storage_id).evict.remote(storage_id)
        except Exception:  # the adapter ages out of the multiplexer's LRU anyway
            logger.warning("could not evict LoRA %s from Diffusion", lora_id, exc_info=True)
        return Response(status_code=204)

    @app.post("/v1/generate", response_model=GenerateResponse, tags=["generate"],
              response_description="Ranked portraits and the dropped candidates",
              openapi_extra=_body_doc("the generation request (JSON)"))
    @_admitted("diffusion")
    async def generate(self, body: GenerateRequest, who: Principal = _CALLER):
        """Portraits of the LoRA's person in a style, ranked by face similarity."""
        storage_id, artifact = await asyncio.to_thread(  # 404 first
            _tenant_lora, self.artifacts, who.tenant, body.lora_id)
        self.limits.admit(generate_cost(body, resolution=artifact.metadata.resolution,
                                        pose=bool(body.pose)))
        # 404 before any work; agenerate finds its style LoRA
        styles = await self._styles_for(who.tenant, body.style)
        pose = None
        if body.pose:
            pose = await asyncio.to_thread(decode_base64_image, body.pose, "pose", self.max_pixels)
        out: GenerateOutput = await self._timed(agenerate(
            artifact, body.to_params(), self.components, styles=styles, pose=pose,
            lora_id=storage_id, template_faces=self.template_faces))
        for d in out.dropped:
            record_dropped_candidate(d.reason.value)
        encoded = await asyncio.to_thread(  # PNG + base64 of all images off the loop, at once
            _b64pngs, [p.image for p in out.portraits]
            + (list(out.candidates) if body.include_candidates else []))
        portraits = encoded[:len(out.portraits)]
        candidates = encoded[len(out.portraits):] if body.include_candidates else None
        return GenerateResponse(
            portraits=[{"image": image, "similarity": p.similarity, "seed": p.seed}
                       for image, p in zip(portraits, out.portraits)],
            dropped=[d.to_dict() for d in out.dropped], prompt=out.prompt,
            negative_prompt=out.negative_prompt, seed=out.seed, candidates=candidates)

    @app.post("/v1/inpaint", response_model=InpaintResponse, tags=["inpaint"],
              response_description="The redrawn template and a report per face",
              openapi_extra=_body_doc("multipart/form-data: the template photo and the options "
                                      "(JSON)"))
    @_admitted("diffusion")
    async def inpaint(self, template: UploadFile = File(..., description="the template photo: "
                                                         "any photo with people in it"),
                      options: Json[InpaintOptions] | None = Form(
                          None, description="required: an InpaintOptions JSON object: which face LoRA "
                          "redraws which face (faces: [{index, lora_id}]), and the parameters"),
                      who: Principal = _CALLER):
        """Template inpainting: the faces named in ``options.faces`` (left-to-right indices)
        redrawn as their LoRAs' people, everything else kept; a report per detected face."""
        options = _required(options, "options")
        self.limits.admit(inpaint_cost(options, faces=len(options.faces)))
        data = await self._read_upload(template, "template")
        image = await asyncio.to_thread(_decode_upload, data, "template", self.max_pixels)
        assignments = await asyncio.to_thread(_face_loras, self.artifacts, who.tenant,
                                              options.faces)
        styles = await self._styles_for(who.tenant, options.style)
        await self._load_adapters([a.lora_id for a in assignments])
        out: InpaintOutput = await self._timed(ainpaint(
            image, assignments, options.to_params(), self.components, styles=styles))
        return await asyncio.to_thread(_inpaint_response, out)

    @app.post("/v1/tryon", response_model=TryonResponse, tags=["tryon"],
              response_description="The try-on image, the garment mask used, the face reports",
              openapi_extra=_body_doc("multipart/form-data: the garment photo, the options (JSON) "
                                      "and an optional garment mask"))
    @_admitted("diffusion")
    async def tryon(self, photo: UploadFile = File(..., description="a photo of someone wearing "
                                                   "the garment"),
                    options: Json[TryonOptions] | None = Form(
                        None, description="required: a TryonOptions JSON object: the face LoRA (lora_id) "
                        "and the parameters"),
                    mask: UploadFile | None = File(None, description="garment mask, a PNG of the "
                                                   "photo's size (white = garment kept); none: "
                                                   "computed from the photo"),
                    who: Principal = _CALLER):
        """Virtual try-on: the LoRA's person wearing the photo's garment (kept pixel for pixel
        inside the eroded garment mask); the mask used comes back for correction."""
        options = _required(options, "options")
        data = await self._read_upload(photo, "photo")
        image = await asyncio.to_thread(_decode_upload, data, "photo", self.max_pixels)
        self.limits.admit(tryon_cost(options, shape=image.shape))
        garment = None
        if mask is not None:
            mask_data = await self._read_upload(mask, "mask")
            garment = await asyncio.to_thread(_decode_mask, mask_data, image.shape,
                                              self.max_pixels)
        storage_id, artifact = await asyncio.to_thread(
            _tenant_lora, self.artifacts, who.tenant, options.lora_id)
        styles = await self._styles_for(who.tenant, options.style)
        await self._load_adapters([storage_id])
        try:
            out: TryonOutput = await self._timed(atryon(
                image, artifact, options.to_params(), self.components, mask=garment,
                lora_id=storage_id, styles=styles))
        except NoPersonError as exc:  # the garment component names its argument 'image'
            raise _as_param(exc, "photo") from exc
        return await asyncio.to_thread(_tryon_response, out)

    @app.post("/v1/talk", status_code=202, response_model=TalkAccepted, tags=["talk"],
              response_description="Render job queued",
              openapi_extra=_body_doc("multipart/form-data: the portrait, the speech (an audio "
                                      "upload, or text and a voice) and the options (JSON)"))
    @_admitted("talk")
    async def talk(self, portrait: UploadFile = File(..., description="the portrait: a "
                                                     "generated portrait or any photo with one "
                                                     "face"),
                   audio: UploadFile | None = File(None, description="the speech: wav, mp3, "
                                                   "ogg, webm, m4a (any format ffmpeg reads), "
                                                   f"{MIN_SECONDS:g}-{MAX_SECONDS:g} s; or give "
                                                   "text"),
                   text: str | None = Form(None, description="text to speak with TTS, instead of "
                                           "audio"),
                   voice: str | None = Form(None, description="TTS voice id (GET /v1/voices); "
                                            "default: the Piper voice"),
                   options: Json[TalkOptions] | None = Form(
                       None, description="a TalkOptions JSON object: pose_style, "
                       "expression_scale, still, preprocess, size, enhance, seed"),
                   idempotency_key: str | None = _IDEMPOTENCY_KEY,
                   who: Principal = _CALLER):
        """Queue a talking-head render (202): the portrait speaking the audio or the text; poll
        ``status_url`` (progress per frame), then fetch ``video_url`` (mp4, H.264 + AAC)."""
        if self.talker is None:
            raise HTTPException(404, "talking head is not deployed")
        return await self._idempotent(who, idempotency_key, "/v1/talk", lambda: self._talk(
            portrait, audio, text, voice, options, who))

    async def _talk(self, portrait: UploadFile, audio: UploadFile | None, text: str | None,
                    voice: str | None, options: TalkOptions | None,
                    who: Principal) -> TalkAccepted:
        await asyncio.to_thread(self._check_quotas, who, TALK_KIND)
        params = (options or TalkOptions()).to_params()
        if (audio is None) == (text is None):
            raise InvalidInputError("give either an audio upload or text to speak", param="audio")
        if voice is not None and text is None:
            raise InvalidInputError("voice goes with text (TTS)", param="voice")
        if text is not None:
            self.limits.admit(talk_cost(params, seconds=estimate_speech_seconds(text)))
        data = await self._read_upload(portrait, "portrait")
        image = await asyncio.to_thread(_decode_upload, data, "portrait", self.max_pixels)
        checks = [self.talker.check.remote(image, params.model_dump(mode="json"))]
        audio_data = None
        if audio is not None:
            audio_data = await self._read_upload(audio, "audio")
            seconds = await asyncio.to_thread(_check_audio, audio_data)
            self.limits.admit(talk_cost(params, seconds=seconds))
        else:
            checks.append(self.tts.check.remote(text, voice))
        portrait_info, *_ = await self._timed(asyncio.gather(*checks))
        job_id, output_id = new_id(), new_id()
        await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id, "portrait", data)
        if audio_data is not None:
            await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id, "audio",
                                    audio_data)
        await asyncio.to_thread(self.store.create, TALK_KIND, {
            "tenant": who.tenant, "output_id": scoped_id(who.tenant, output_id),
            "talk": params.model_dump(mode="json"), "text": text,
            "voice": voice, "portrait_file": "portrait",
            "audio_file": "audio" if audio_data is not None else None}, job_id=job_id)
        return TalkAccepted(job_id=job_id, output_id=output_id, status_url=f"/v1/jobs/{job_id}",
                            video_url=f"/v1/outputs/{output_id}", portrait=portrait_info)

    @app.get("/v1/voices", response_model=list[VoiceOut], tags=["talk"],
             response_description="The TTS voices, the default first")
    async def voices(self, who: Principal = _CALLER):
        """The TTS voices (``voice`` of POST /v1/talk); the first is the default."""
        if self.tts is None:
            raise HTTPException(404, "text to speech is not deployed")
        return [v.to_dict() for v in await self.components.voices()]

    @app.get("/v1/outputs/{output_id}", tags=["talk"], response_class=FileResponse,
             responses={200: {"content": {"video/mp4": {}}, "description": "the video"},
                        206: {"content": {"video/mp4": {}},
                              "description": "a byte range of the video (Range header)"}})
    async def get_output(self, output_id: str = _OUTPUT_ID, who: Principal = _CALLER):
        """A rendered video (mp4), with HTTP range requests (players seek)."""
        _, path = await asyncio.to_thread(_output_video, self.artifacts, who.tenant, output_id)
        return FileResponse(path, media_type="video/mp4", filename=f"{output_id}.mp4",
                            content_disposition_type="inline")

    @app.delete("/v1/outputs/{output_id}", status_code=204, tags=["talk"],
                response_description="Deleted")
    async def delete_output(self, output_id: str = _OUTPUT_ID, who: Principal = _CALLER):
        """Delete a rendered video."""
        storage_id, _ = await asyncio.to_thread(_output_video, self.artifacts, who.tenant,
                                                output_id)
        await asyncio.to_thread(self.artifacts.delete, OUTPUTS, storage_id)
        return Response(status_code=204)

    @app.get("/v1/styles", response_model=list[StyleOut], tags=["styles"],
             response_description="The styles the caller can use")
    async def list_styles(self, who: Principal = _CALLER):
        """The styles of this server's base model the caller can use: shipped, added for all
        (by an admin) and the caller's own."""
        return [_style_out(s) for s in (await self._reload_styles(who.tenant)).list()]

    @app.post("/v1/styles", status_code=201, response_model=StyleOut, tags=["styles"],
              response_description="The new style",
              openapi_extra=_body_doc("multipart/form-data: the style's fields and an optional "
                                      "style LoRA file (`lora`)"))
    async def add_style(self, slug: str = _style_form("slug"), name: str = _style_form("name"),
                        prompt: str = _style_form("prompt"),
                        negative_prompt: str | None = _style_form("negative_prompt", None),
                        description: str = _style_form("description"),
                        style_weight: float = _style_form("style_weight"),
                        face_weight: float = _style_form("face_weight"),
                        lora: UploadFile | None = File(None, description="style LoRA .safetensors "
                                                       "(diffusers, kohya/WebUI or PEFT); none: a "
                                                       "prompt-only style"),
                        shared: bool = Form(False, description="add it for every tenant (needs "
                                            "an admin key); false: a style of the caller's "
                                            "tenant only"),
                        who: Principal = _CALLER):
        """Add a style: prompt-only, or with an uploaded LoRA (diffusers, kohya/WebUI or PEFT).
        A tenant adds its own styles; a shared one (``shared=true``) needs an admin key (403).
        Slugs are one namespace: a slug in use (by anyone) is 400."""
        if shared:
            require_admin(who)
        data: dict[str, Any] = {"slug": slug, "name": name, "prompt": prompt,
                                "description": description, "base_model": self.style_base,
                                "style_weight": style_weight, "face_weight": face_weight}
        if negative_prompt is not None:
            data["negative_prompt"] = negative_prompt
        weights = None
        if lora is not None:
            limit = self.max_upload_bytes * 10  # style LoRAs are larger than photos
            weights = await lora.read(limit + 1)
            if len(weights) > limit:  # never hand the library a cut-off file to judge
                raise HTTPException(413, f"style LoRA upload exceeds {limit // (1024 * 1024)} MB")
        if await asyncio.to_thread(self._slug_taken, slug):
            raise InvalidInputError(f"style {slug!r} already exists", param="slug")
        styles = await self._reload_styles(who.tenant)
        folder = self.style_dir if shared else self._tenant_style_dir(who.tenant)
        style = await asyncio.to_thread(styles.add, data, weights, folder)
        return _style_out(style)
