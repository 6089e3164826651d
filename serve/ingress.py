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

The event loop of this replica only awaits: file reads, image decoding and encoding, LoRA
metadata and style registry reloads run in worker threads (``asyncio.to_thread``), so health
checks and other requests are answered while they run.

(No ``from __future__ import annotations`` here: FastAPI resolves the route signatures of a
Serve ingress class at request time and cannot see string annotations.)
"""


import asyncio
import base64
import copy
import logging
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from fastapi import Depends, FastAPI, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
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
from facechain.pipelines.generate import agenerate, style_family
from facechain.pipelines.inpaint import FaceAssignment, InpaintOutput, ainpaint
from facechain.pipelines.preprocess import PreprocessParams, apreprocess, decode_photo
from facechain.pipelines.talk import MAX_SECONDS, MIN_SECONDS, SAMPLE_RATE
from facechain.pipelines.tryon import TryonOutput, atryon
from facechain.registry import ModelRegistry
from facechain.types import Gender, GenerateOutput, Photo, Rejection
from serve.errors import ERROR_RESPONSES, install_error_handlers, unwrap
from serve.jobs import Job, JobStore
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
from servekit.adapters import ServedComponents
from servekit.loras import LORAS, lora_dir
from servekit.metrics import (
    CONTENT_TYPE,
    record_dropped_candidate,
    record_http_request,
    record_rejected_photo,
    scrape_node_metrics,
)
from servekit.storage import ArtifactStore, new_id

logger = logging.getLogger(__name__)

_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


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


def _face_loras(artifacts: ArtifactStore, faces) -> list[FaceAssignment]:
    """``faces`` of InpaintOptions -> the library's assignments (LoRAs read: 404 ``faces`` for
    an unknown id)."""
    out = []
    for face in faces:
        try:
            artifact = _read_lora(artifacts, face.lora_id)
        except NotFoundError as exc:
            raise NotFoundError(f"face {face.index}: LoRA '{face.lora_id}' not found",
                                param="faces") from exc
        out.append(FaceAssignment(index=face.index, lora=artifact, lora_id=face.lora_id))
    return out


def _inpaint_response(out: InpaintOutput) -> InpaintResponse:
    return InpaintResponse(image=_b64png(out.image), faces=[f.to_dict() for f in out.faces],
                           seed=out.seed)


def _tryon_response(out: TryonOutput) -> TryonResponse:
    return TryonResponse(image=_b64png(out.image), mask=_b64png(out.mask),
                         faces=[f.to_dict() for f in out.faces], seed=out.seed)


def _check_audio(data: bytes) -> None:
    """An audio upload decodes (any format ffmpeg reads), is within the length limits and holds
    speech (worker thread): 400 ``audio_decode_error`` / ``silent_audio``, 413 ``audio_too_long``
    now rather than a failed job later."""
    from facechain.media.audio import check_speech, decode_audio

    audio = decode_audio(data, sample_rate=SAMPLE_RATE, max_seconds=MAX_SECONDS,
                         min_seconds=MIN_SECONDS)
    check_speech(audio)


def _output_video(artifacts: ArtifactStore, output_id: str):
    """Path of a stored output's video (404 ``output_id`` if there is none)."""
    path = artifacts.file_path(OUTPUTS, output_id, VIDEO_NAME)
    if not path.is_file():
        raise NotFoundError(f"output '{output_id}' not found", param="output_id")
    return path


def _safe_name(name: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", PurePath(name or "photo").name)[:100].lstrip("._-")
    return f"{index:03d}_{stem or 'photo'}"


def _style_out(s: Style) -> dict[str, Any]:
    return {"slug": s.slug, "name": s.name, "description": s.description,
            "base_model": s.base_model, "prompt_only": s.is_prompt_only,
            "style_weight": s.style_weight, "face_weight": s.face_weight, "prompt": s.prompt,
            "negative_prompt": s.negative_prompt, "tags": s.tags}


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
                 max_pixels: int = DEFAULT_MAX_PIXELS, stale_after_s: float = 30.0):
        self.components = ServedComponents(
            rotation=rotation, detection=detection, parsing=parsing, retouching=retouching,
            attributes=attributes, tagging=tagging, quality=quality, recognition=recognition,
            fusion=fusion, conditions=conditions, diffusion=diffusion,
            garment_segmentation=garment_segmentation, tts=tts)
        self.diffusion = diffusion
        self.tts, self.talker = tts, talker
        self.store = JobStore(job_store)
        self.artifacts = ArtifactStore(artifacts)
        self.max_upload_bytes = int(max_upload_mb * 1024 * 1024)
        self.max_photos = max_photos
        self.max_pixels = max_pixels
        self.timeout_s = request_timeout_s
        base_source = ModelRegistry.load(models).spec("base_model").source
        self.style_base = style_family(base_source)
        self.style_dir = self.artifacts.root / "styles"
        self.styles = StyleRegistry.load(self.style_base, dirs=[self.style_dir])
        replica = serve.get_replica_context().replica_tag
        self.runner = JobRunner(self.store, self.artifacts, trainer, talker=talker,
                                runner_id=replica, stale_after_s=stale_after_s)
        self.runner.start()

    async def __del__(self):
        """Replica shutdown: stop claiming jobs; jobs cut short are reaped by the next runner."""
        await self.runner.stop()

    # -- helpers -------------------------------------------------------------------------------
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
        """Have the Diffusion replicas that will serve these LoRAs load them now (routed by the
        same multiplexed ids as the passes): a LoRA of another base model is 409 before any
        other work, not a per-face stage failure."""
        await self._timed(asyncio.gather(*(
            self.diffusion.options(multiplexed_model_id=lora_id).load_adapter.remote()
            for lora_id in dict.fromkeys(lora_ids))))

    async def _styles_for(self, slug: str | None) -> StyleRegistry | None:
        """The registry holding style ``slug`` (404 before any work), None without a style."""
        if slug is None:
            return None
        await self._style(slug)
        return self.styles

    async def _timed(self, coro):
        return await asyncio.wait_for(coro, timeout=self.timeout_s)

    async def _reload_styles(self) -> StyleRegistry:
        self.styles = await asyncio.to_thread(StyleRegistry.load, self.style_base, [self.style_dir])
        return self.styles

    async def _style(self, slug: str) -> Style:
        try:
            return self.styles.get(slug)
        except NotFoundError:  # added through another replica since we loaded
            return (await self._reload_styles()).get(slug)

    # -- routes --------------------------------------------------------------------------------
    @app.get("/healthz", response_model=HealthOut, tags=["health"])
    async def healthz(self):
        """Liveness: the ingress answers."""
        return {"status": "ok"}

    @app.get("/readyz", response_model=ReadinessOut, tags=["health"],
             responses={503: {"model": ReadinessOut, "description": "Not ready"}})
    async def readyz(self):
        """Readiness: every deployment of this application has at least one healthy replica
        (one that is scaling or rolling out while a replica serves is ready)."""
        status = await asyncio.to_thread(serve.status)
        app_name = serve.get_replica_context().app_name
        ready, deployments, unready = readiness(status.applications[app_name].deployments)
        return JSONResponse({"status": "ready" if ready else "not_ready",
                             "deployments": deployments, "unready": unready},
                            status_code=200 if ready else 503)

    @app.get("/metrics", tags=["health"], response_class=PlainTextResponse)
    async def metrics(self) -> Response:
        """Prometheus text: this node's ``ray_facechain_*`` and ``ray_serve_*`` metrics."""
        return PlainTextResponse(await scrape_node_metrics(), media_type=CONTENT_TYPE)

    @app.post("/v1/faces", response_model=FacesResponse, tags=["faces"])
    async def faces(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                    gender: Gender | None = _GENDER_FORM,
                    age_group: AgeGroup | None = _AGE_GROUP_FORM,
                    include_images: bool = Query(False, description="return training images")):
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

    @app.post("/v1/loras", status_code=202, response_model=TrainAccepted, tags=["loras"])
    async def create_lora(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                          options: Json[TrainOptions] | None = Form(
                              None, description="training options: a TrainOptions JSON object")):
        """Queue a face-LoRA training job; poll ``status_url``. Photos that cannot be decoded
        are left out (listed in ``rejected``); when none can, 422 ``no_usable_photos`` at once."""
        train = options or TrainOptions()
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
            "lora_id": lora_id, "train": train.to_params().model_dump(mode="json"),
            "photos": [p.source for p in usable], "rejected": [r.to_dict() for r in rejected]},
            job_id=job_id)
        return TrainAccepted(job_id=job_id, lora_id=lora_id, status_url=f"/v1/jobs/{job_id}",
                             rejected=[r.to_dict() for r in rejected])

    @app.get("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"])
    async def get_job(self, job_id: str = _JOB_ID):
        """State, progress, result or error of a job."""
        return await asyncio.to_thread(self.store.get, job_id)

    @app.delete("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"])
    async def cancel_job(self, job_id: str = _JOB_ID):
        """Cancel a queued or running job (a running one stops at its next step)."""
        return await asyncio.to_thread(self.store.request_cancel, job_id)

    @app.get("/v1/loras", response_model=LorasOut, tags=["loras"])
    async def list_loras(self):
        """The stored LoRAs."""
        return {"loras": await asyncio.to_thread(self.artifacts.list, LORAS)}

    @app.get("/v1/loras/{lora_id}", response_model=LoraOut, tags=["loras"])
    async def get_lora(self, lora_id: str = _LORA_ID):
        """A LoRA's metadata."""
        m = (await asyncio.to_thread(_read_lora, self.artifacts, lora_id)).metadata
        return LoraOut(lora_id=lora_id, kind=m.kind, trigger=m.trigger, common_tags=m.common_tags,
                       base_model_id=m.base_model_id, rank=m.rank, steps=m.steps,
                       resolution=m.resolution, created_at=m.created_at)

    @app.delete("/v1/loras/{lora_id}", status_code=204, tags=["loras"])
    async def delete_lora(self, lora_id: str = _LORA_ID):
        """Delete a LoRA and free it on the Diffusion replica that holds it."""
        await asyncio.to_thread(self.artifacts.delete, LORAS, lora_id)
        try:  # free it on the replica that holds it (routed by the same multiplexed id)
            await self.diffusion.options(multiplexed_model_id=lora_id).evict.remote(lora_id)
        except Exception:  # the adapter ages out of the multiplexer's LRU anyway
            logger.warning("could not evict LoRA %s from Diffusion", lora_id, exc_info=True)
        return Response(status_code=204)

    @app.post("/v1/generate", response_model=GenerateResponse, tags=["generate"])
    async def generate(self, body: GenerateRequest):
        """Portraits of the LoRA's person in a style, ranked by face similarity."""
        artifact = await asyncio.to_thread(_read_lora, self.artifacts, body.lora_id)  # 404 first
        styles = None
        if body.style is not None:
            await self._style(body.style)  # 404 before any work; agenerate finds its LoRA
            styles = self.styles
        pose = None
        if body.pose:
            pose = await asyncio.to_thread(decode_base64_image, body.pose, "pose", self.max_pixels)
        out: GenerateOutput = await self._timed(agenerate(
            artifact, body.to_params(), self.components, styles=styles, pose=pose,
            lora_id=body.lora_id))
        for d in out.dropped:
            record_dropped_candidate(d.reason.value)
        portraits = await asyncio.to_thread(_b64pngs, [p.image for p in out.portraits])
        candidates = None
        if body.include_candidates:
            candidates = await asyncio.to_thread(_b64pngs, out.candidates)
        return GenerateResponse(
            portraits=[{"image": image, "similarity": p.similarity, "seed": p.seed}
                       for image, p in zip(portraits, out.portraits)],
            dropped=[d.to_dict() for d in out.dropped], prompt=out.prompt,
            negative_prompt=out.negative_prompt, seed=out.seed, candidates=candidates)

    @app.post("/v1/inpaint", response_model=InpaintResponse, tags=["inpaint"])
    async def inpaint(self, template: UploadFile = File(..., description="the template photo: "
                                                         "any photo with people in it"),
                      options: Json[InpaintOptions] | None = Form(
                          None, description="required: an InpaintOptions JSON object: which face LoRA "
                          "redraws which face (faces: [{index, lora_id}]), and the parameters")):
        """Template inpainting: the faces named in ``options.faces`` (left-to-right indices)
        redrawn as their LoRAs' people, everything else kept; a report per detected face."""
        options = _required(options, "options")
        data = await self._read_upload(template, "template")
        image = await asyncio.to_thread(_decode_upload, data, "template", self.max_pixels)
        assignments = await asyncio.to_thread(_face_loras, self.artifacts, options.faces)
        styles = await self._styles_for(options.style)
        await self._load_adapters([face.lora_id for face in options.faces])
        out: InpaintOutput = await self._timed(ainpaint(
            image, assignments, options.to_params(), self.components, styles=styles))
        return await asyncio.to_thread(_inpaint_response, out)

    @app.post("/v1/tryon", response_model=TryonResponse, tags=["tryon"])
    async def tryon(self, photo: UploadFile = File(..., description="a photo of someone wearing "
                                                   "the garment"),
                    options: Json[TryonOptions] | None = Form(
                        None, description="required: a TryonOptions JSON object: the face LoRA (lora_id) "
                        "and the parameters"),
                    mask: UploadFile | None = File(None, description="garment mask, a PNG of the "
                                                   "photo's size (white = garment kept); none: "
                                                   "computed from the photo")):
        """Virtual try-on: the LoRA's person wearing the photo's garment (kept pixel for pixel
        inside the eroded garment mask); the mask used comes back for correction."""
        options = _required(options, "options")
        data = await self._read_upload(photo, "photo")
        image = await asyncio.to_thread(_decode_upload, data, "photo", self.max_pixels)
        garment = None
        if mask is not None:
            mask_data = await self._read_upload(mask, "mask")
            garment = await asyncio.to_thread(_decode_mask, mask_data, image.shape,
                                              self.max_pixels)
        try:
            artifact = await asyncio.to_thread(_read_lora, self.artifacts, options.lora_id)
        except NotFoundError as exc:
            raise _as_param(exc, "lora_id") from exc
        styles = await self._styles_for(options.style)
        await self._load_adapters([options.lora_id])
        try:
            out: TryonOutput = await self._timed(atryon(
                image, artifact, options.to_params(), self.components, mask=garment,
                lora_id=options.lora_id, styles=styles))
        except NoPersonError as exc:  # the garment component names its argument 'image'
            raise _as_param(exc, "photo") from exc
        return await asyncio.to_thread(_tryon_response, out)

    @app.post("/v1/talk", status_code=202, response_model=TalkAccepted, tags=["talk"])
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
                       "expression_scale, still, preprocess, size, enhance, seed")):
        """Queue a talking-head render (202): the portrait speaking the audio or the text; poll
        ``status_url`` (progress per frame), then fetch ``video_url`` (mp4, H.264 + AAC)."""
        if self.talker is None:
            raise HTTPException(404, "talking head is not deployed")
        params = (options or TalkOptions()).to_params()
        if (audio is None) == (text is None):
            raise InvalidInputError("give either an audio upload or text to speak", param="audio")
        if voice is not None and text is None:
            raise InvalidInputError("voice goes with text (TTS)", param="voice")
        data = await self._read_upload(portrait, "portrait")
        image = await asyncio.to_thread(_decode_upload, data, "portrait", self.max_pixels)
        checks = [self.talker.check.remote(image, params.model_dump(mode="json"))]
        audio_data = None
        if audio is not None:
            audio_data = await self._read_upload(audio, "audio")
            await asyncio.to_thread(_check_audio, audio_data)
        else:
            checks.append(self.tts.check.remote(text, voice))
        portrait_info, *_ = await self._timed(asyncio.gather(*checks))
        job_id, output_id = new_id(), new_id()
        await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id, "portrait", data)
        if audio_data is not None:
            await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id, "audio",
                                    audio_data)
        await asyncio.to_thread(self.store.create, TALK_KIND, {
            "output_id": output_id, "talk": params.model_dump(mode="json"), "text": text,
            "voice": voice, "portrait_file": "portrait",
            "audio_file": "audio" if audio_data is not None else None}, job_id=job_id)
        return TalkAccepted(job_id=job_id, output_id=output_id, status_url=f"/v1/jobs/{job_id}",
                            video_url=f"/v1/outputs/{output_id}", portrait=portrait_info)

    @app.get("/v1/voices", response_model=list[VoiceOut], tags=["talk"])
    async def voices(self):
        """The TTS voices (``voice`` of POST /v1/talk); the first is the default."""
        if self.tts is None:
            raise HTTPException(404, "text to speech is not deployed")
        return [v.to_dict() for v in await self.components.voices()]

    @app.get("/v1/outputs/{output_id}", tags=["talk"], response_class=FileResponse,
             responses={200: {"content": {"video/mp4": {}}, "description": "the video"},
                        206: {"content": {"video/mp4": {}},
                              "description": "a byte range of the video (Range header)"}})
    async def get_output(self, output_id: str = _OUTPUT_ID):
        """A rendered video (mp4), with HTTP range requests (players seek)."""
        path = await asyncio.to_thread(_output_video, self.artifacts, output_id)
        return FileResponse(path, media_type="video/mp4", filename=f"{output_id}.mp4",
                            content_disposition_type="inline")

    @app.delete("/v1/outputs/{output_id}", status_code=204, tags=["talk"])
    async def delete_output(self, output_id: str = _OUTPUT_ID):
        """Delete a rendered video."""
        await asyncio.to_thread(_output_video, self.artifacts, output_id)
        await asyncio.to_thread(self.artifacts.delete, OUTPUTS, output_id)
        return Response(status_code=204)

    @app.get("/v1/styles", response_model=list[StyleOut], tags=["styles"])
    async def list_styles(self):
        """The styles of this server's base model (shipped and added)."""
        return [_style_out(s) for s in (await self._reload_styles()).list()]

    @app.post("/v1/styles", status_code=201, response_model=StyleOut, tags=["styles"])
    async def add_style(self, slug: str = _style_form("slug"), name: str = _style_form("name"),
                        prompt: str = _style_form("prompt"),
                        negative_prompt: str | None = _style_form("negative_prompt", None),
                        description: str = _style_form("description"),
                        style_weight: float = _style_form("style_weight"),
                        face_weight: float = _style_form("face_weight"),
                        lora: UploadFile | None = File(None, description="style LoRA .safetensors "
                                                       "(diffusers, kohya/WebUI or PEFT); none: a "
                                                       "prompt-only style")):
        """Add a style: prompt-only, or with an uploaded LoRA (diffusers, kohya/WebUI or PEFT)."""
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
        styles = await self._reload_styles()
        style = await asyncio.to_thread(styles.add, data, weights, self.style_dir)
        return _style_out(style)
