"""The HTTP ingress: a versioned FastAPI app served by the ``Ingress`` deployment.

Routes call the library pipelines with :class:`servekit.adapters.ServedComponents` (every model a
hop to its deployment). Training is a job: ``POST /v1/loras`` stores the uploads, queues a job and
answers 202; the job runner in this replica feeds queued jobs to the ``LoraTrainer`` deployment.
Every error has one JSON shape (``serve/errors.py``); OpenAPI at ``/docs``.

(No ``from __future__ import annotations`` here: FastAPI resolves the route signatures of a
Serve ingress class at request time and cannot see string annotations.)
"""


import asyncio
import base64
import logging
import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import ValidationError
from ray import serve

from facechain.diffusion.lora_io import read_lora
from facechain.diffusion.styles import Style, StyleRegistry
from facechain.errors import ImageTooLargeError, InvalidInputError, NotFoundError
from facechain.imageio import DEFAULT_MAX_PIXELS, encode_png
from facechain.pipelines.dataset import preprocess_report
from facechain.pipelines.generate import agenerate, style_family
from facechain.pipelines.preprocess import PreprocessParams, apreprocess
from facechain.registry import ModelRegistry
from facechain.types import Photo
from serve.errors import ERROR_RESPONSES, install_error_handlers
from serve.jobs import Job, JobStore
from serve.runner import TRAIN_KIND, JobRunner
from serve.schemas import (
    FacesResponse,
    GenerateRequest,
    GenerateResponse,
    LoraOut,
    StyleOut,
    TrainAccepted,
    TrainOptions,
    decode_base64_image,
)
from servekit.adapters import ServedComponents
from servekit.metrics import (
    CONTENT_TYPE,
    record_dropped_candidate,
    record_http_request,
    record_rejected_photo,
    scrape_node_metrics,
)
from servekit.storage import ArtifactStore, new_id

logger = logging.getLogger(__name__)

app = FastAPI(title="FaceChain Serve", version="1.0",
              description="Identity-preserving portraits: preprocess photos, train a face LoRA, "
                          "generate portraits in a style.", responses=ERROR_RESPONSES)
install_error_handlers(app)


@app.middleware("http")
async def count_requests(request: Request, call_next):
    response = await call_next(request)
    route = request.scope.get("route")
    record_http_request(getattr(route, "path", "unmatched"), request.method, response.status_code)
    return response


def _b64png(image) -> str:
    return base64.b64encode(encode_png(image)).decode("ascii")


def _safe_name(name: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "photo").name)[:100].lstrip("._-")
    return f"{index:03d}_{stem or 'photo'}"


def _style_out(s: Style) -> dict[str, Any]:
    return {"slug": s.slug, "name": s.name, "description": s.description,
            "base_model": s.base_model, "prompt_only": s.is_prompt_only,
            "style_weight": s.style_weight, "face_weight": s.face_weight, "prompt": s.prompt,
            "negative_prompt": s.negative_prompt, "tags": s.tags}


@serve.deployment(name="Ingress")
@serve.ingress(app)
class Ingress:
    def __init__(self, *, rotation, detection, parsing, retouching, attributes, tagging, quality,
                 recognition, fusion, conditions, diffusion, trainer, models: str = "default",
                 job_store: str = "out/serve/jobs.sqlite3", artifacts: str = "out/serve/artifacts",
                 max_upload_mb: float = 20, max_photos: int = 10, request_timeout_s: float = 150,
                 max_pixels: int = DEFAULT_MAX_PIXELS, stale_after_s: float = 30.0):
        self.components = ServedComponents(
            rotation=rotation, detection=detection, parsing=parsing, retouching=retouching,
            attributes=attributes, tagging=tagging, quality=quality, recognition=recognition,
            fusion=fusion, conditions=conditions, diffusion=diffusion)
        self.diffusion = diffusion
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
        self.runner = JobRunner(self.store, self.artifacts, trainer, runner_id=replica,
                                stale_after_s=stale_after_s)
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

    async def _timed(self, coro):
        return await asyncio.wait_for(coro, timeout=self.timeout_s)

    def _style(self, slug: str) -> Style:
        try:
            return self.styles.get(slug)
        except NotFoundError:  # added through another replica since we loaded
            self.styles = StyleRegistry.load(self.style_base, dirs=[self.style_dir])
            return self.styles.get(slug)

    # -- routes --------------------------------------------------------------------------------
    @app.get("/healthz", tags=["health"])
    async def healthz(self) -> dict[str, str]:
        """Liveness: the ingress answers."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    async def readyz(self) -> JSONResponse:
        """Readiness: every deployment of this application is healthy."""
        status = await asyncio.to_thread(serve.status)
        app_name = serve.get_replica_context().app_name
        deployments = {name: d.status.value if hasattr(d.status, "value") else str(d.status)
                       for name, d in status.applications[app_name].deployments.items()}
        ready = all(s == "HEALTHY" for s in deployments.values())
        return JSONResponse({"status": "ready" if ready else "not_ready",
                             "deployments": deployments}, status_code=200 if ready else 503)

    @app.get("/metrics", tags=["health"], response_class=PlainTextResponse)
    async def metrics(self) -> Response:
        """Prometheus text: this node's ``ray_facechain_*`` and ``ray_serve_*`` metrics."""
        return PlainTextResponse(await scrape_node_metrics(), media_type=CONTENT_TYPE)

    @app.post("/v1/faces", response_model=FacesResponse, tags=["faces"])
    async def faces(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                    include_images: bool = Query(False, description="return training images")):
        """Preprocess photos: accepted training images with captions, rejections with reasons."""
        inputs = await self._read_photos(photos)
        params = PreprocessParams(max_photos=self.max_photos, max_pixels=self.max_pixels)
        try:
            output = await self._timed(apreprocess(inputs, self.components, params))
        except Exception as exc:
            for r in getattr(exc, "rejections", []):
                record_rejected_photo(r.reason.value)
            raise
        for r in output.rejected:
            record_rejected_photo(r.reason.value)
        report = preprocess_report(output)
        if include_images:
            for entry, sample in zip(report["accepted"], output.samples):
                entry["image"] = _b64png(sample.image)
        return report

    @app.post("/v1/loras", status_code=202, response_model=TrainAccepted, tags=["loras"])
    async def create_lora(self, photos: list[UploadFile] = File(..., description="photos of one person"),
                          options: str | None = Form(None, description="JSON TrainOptions")):
        """Queue a face-LoRA training job; poll ``status_url``."""
        try:
            train = TrainOptions.model_validate_json(options) if options else TrainOptions()
        except ValidationError as exc:
            raise InvalidInputError(f"invalid options: {exc.errors()[0]['msg']} at "
                                    f"{'.'.join(map(str, exc.errors()[0]['loc']))}",
                                    param="options") from exc
        inputs = await self._read_photos(photos)
        job_id, lora_id = new_id(), new_id()
        for i, photo in enumerate(inputs):
            await asyncio.to_thread(self.artifacts.put_bytes, "uploads", job_id,
                                    _safe_name(photo.source, i), photo.data)
        await asyncio.to_thread(self.store.create, TRAIN_KIND, {
            "lora_id": lora_id, "train": train.model_dump(), "photos": [p.source for p in inputs]},
            job_id=job_id)
        return TrainAccepted(job_id=job_id, lora_id=lora_id, status_url=f"/v1/jobs/{job_id}")

    @app.get("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"])
    async def get_job(self, job_id: str):
        """State, progress, result or error of a job."""
        return await asyncio.to_thread(self.store.get, job_id)

    @app.delete("/v1/jobs/{job_id}", response_model=Job, tags=["jobs"])
    async def cancel_job(self, job_id: str):
        """Cancel a queued or running job (a running one stops at its next step)."""
        return await asyncio.to_thread(self.store.request_cancel, job_id)

    @app.get("/v1/loras", tags=["loras"])
    async def list_loras(self) -> dict[str, list[str]]:
        return {"loras": await asyncio.to_thread(self.artifacts.list, "loras")}

    @app.get("/v1/loras/{lora_id}", response_model=LoraOut, tags=["loras"])
    async def get_lora(self, lora_id: str):
        artifact = await asyncio.to_thread(read_lora, self.artifacts.path("loras", lora_id))
        m = artifact.metadata
        return LoraOut(lora_id=lora_id, kind=m.kind, trigger=m.trigger, common_tags=m.common_tags,
                       base_model_id=m.base_model_id, rank=m.rank, steps=m.steps,
                       resolution=m.resolution, created_at=m.created_at)

    @app.delete("/v1/loras/{lora_id}", status_code=204, tags=["loras"])
    async def delete_lora(self, lora_id: str):
        await asyncio.to_thread(self.artifacts.delete, "loras", lora_id)
        try:  # free it on the replica that holds it (routed by the same multiplexed id)
            await self.diffusion.options(multiplexed_model_id=lora_id).evict.remote(lora_id)
        except Exception:  # the adapter ages out of the LRU anyway
            logger.warning("could not evict LoRA %s from Diffusion", lora_id, exc_info=True)
        return Response(status_code=204)

    @app.post("/v1/generate", response_model=GenerateResponse, tags=["generate"])
    async def generate(self, body: GenerateRequest):
        """Portraits of the LoRA's person in a style, ranked by face similarity."""
        path = self.artifacts.path("loras", body.lora_id)  # 404 before any work
        styles = None
        if body.style is not None:
            self._style(body.style)
            styles = self.styles
        pose = decode_base64_image(body.pose, "pose", self.max_pixels) if body.pose else None
        out = await self._timed(agenerate(path, body.to_params(), self.components, styles=styles,
                                          pose=pose, lora_id=body.lora_id))
        for d in out.dropped:
            record_dropped_candidate(d.reason.value)
        return GenerateResponse(
            portraits=[{"image": _b64png(p.image), "similarity": p.similarity, "seed": p.seed}
                       for p in out.portraits],
            dropped=[d.to_dict() for d in out.dropped], prompt=out.prompt,
            negative_prompt=out.negative_prompt, seed=out.seed,
            candidates=[_b64png(c) for c in out.candidates] if body.include_candidates else None)

    @app.get("/v1/styles", response_model=list[StyleOut], tags=["styles"])
    async def list_styles(self):
        self.styles = await asyncio.to_thread(StyleRegistry.load, self.style_base, [self.style_dir])
        return [_style_out(s) for s in self.styles.list()]

    @app.post("/v1/styles", status_code=201, response_model=StyleOut, tags=["styles"])
    async def add_style(self, slug: str = Form(...), name: str = Form(...),
                        prompt: str = Form("{trigger}"), negative_prompt: str | None = Form(None),
                        description: str = Form(""), style_weight: float = Form(0.8),
                        face_weight: float = Form(0.9),
                        lora: UploadFile | None = File(None, description="style LoRA .safetensors")):
        """Add a style: prompt-only, or with an uploaded LoRA (diffusers, kohya/WebUI or PEFT)."""
        data: dict[str, Any] = {"slug": slug, "name": name, "prompt": prompt,
                                "description": description, "base_model": self.style_base,
                                "style_weight": style_weight, "face_weight": face_weight}
        if negative_prompt is not None:
            data["negative_prompt"] = negative_prompt
        weights = None
        if lora is not None:
            weights = await lora.read(self.max_upload_bytes * 10 + 1)
        self.styles = await asyncio.to_thread(StyleRegistry.load, self.style_base, [self.style_dir])
        style = await asyncio.to_thread(self.styles.add, data, weights, self.style_dir)
        return _style_out(style)

