"""The application builder: ``serve.app:build_app`` wires the graph with ``.bind()``.

Deployment options (replicas, CPUs, GPUs, queues, autoscaling) are not set here: they come from
``configs/serve/*.yaml`` (``serve run`` / ``serve deploy`` / ``facechain serve``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from ray.serve import Application

from deployments.components import (
    Conditions,
    FaceAttributes,
    FaceDetection,
    FaceFusion,
    FaceQuality,
    FaceRecognition,
    FaceRestoration,
    GarmentSegmentation,
    HumanParsing,
    Rotation,
    SkinRetouching,
    Tagging,
    TextToSpeech,
)
from deployments.diffusion import Diffusion
from deployments.talking_head import TalkingHead
from deployments.trainer import LoraTrainer
from facechain.config import PACKAGE_DIR
from facechain.diffusion.accelerate import BackendConfig
from serve.auth import Quotas
from serve.ingress import Ingress
from serve.runner import JobRunnerDeployment


class AppArgs(BaseModel):
    """``args`` of the application in configs/serve/*.yaml. Relative paths are resolved against
    ``$FACECHAIN_ROOT`` (default: the repository), since the builder runs in a Ray task whose
    working directory is not the caller's."""

    model_config = ConfigDict(extra="forbid")

    models: str = Field("default", description="model profile (configs/models/<name>.yaml)")
    job_store: str = Field("out/serve/jobs.sqlite3", description="SQLite job store path")
    artifacts: str = Field("out/serve/artifacts", description="artifact store folder")
    max_upload_mb: float = Field(20, gt=0, description="per-photo upload limit")
    max_photos: int = Field(10, ge=1, le=64, description="photos per request")
    request_timeout_s: float = Field(150, gt=0, description="the app's own request timeout")
    stale_after_s: float = Field(30, gt=0, description="job lease: a runner silent this long "
                                 "loses its running jobs (re-queued, resumed elsewhere)")
    max_trainings: int = Field(2, ge=1, description="trainings at a time per job runner")
    max_talks: int = Field(1, ge=1, description="talk renders at a time per job runner")
    max_attempts: int = Field(3, ge=1, description="claims per job before an interrupted job "
                              "fails")
    max_job_duration_s: float | None = Field(21600, gt=0, description="a job running longer "
                                             "fails (null: no limit)")
    first_event_timeout_s: float = Field(300, gt=0, description="a trainer / renderer silent "
                                         "this long after the call cannot be scheduled: the "
                                         "job fails")
    checkpoint_every: int = Field(50, ge=1, description="training steps between checkpoints")
    job_runner: Literal["ingress", "deployment"] = Field(
        "ingress", description="where jobs run: in each Ingress replica, or in a "
        "JobRunnerDeployment (its own replicas, on the job store's host)")
    device: Literal["auto", "cpu", "cuda"] = Field("auto", description="torch device of the "
                                                    "diffusion and training replicas")
    diffusion: dict[str, Any] = Field(default_factory=dict, description="the Diffusion replicas' "
                                      "build (facechain.diffusion.accelerate.BackendConfig): "
                                      "backend torch | compiled | onnx | tensorrt, build_dir, "
                                      "gpu_memory_gb, the compiled LoRA slots, warmup sizes")
    api_keys: str | None = Field(None, description="API key file (YAML of tenant: key, see "
                                 "serve/auth.py); none: auth off for loopback clients only")
    metrics_public: bool = Field(False, description="serve /metrics without a key (a scraper "
                                 "inside the cluster); false: it needs an admin key")
    quotas: Quotas = Field(default_factory=Quotas, description="per-tenant quotas (defaults; a "
                           "key-file entry may override them)")
    max_request_mb: float | None = Field(None, gt=0, description="whole-request body cap "
                                         "(default: max_upload_mb x max(max_photos, 10) + 8)")
    max_request_cost: float | None = Field(None, gt=0, description="admission limit of a "
                                           "diffusion request in step-megapixels "
                                           "(serve/limits.py; null: its default)")
    max_talk_cost: float | None = Field(None, gt=0, description="admission limit of a talk "
                                        "request (serve/limits.py; null: its default)")

    max_concurrent: dict[Literal["diffusion", "talk"], Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict, description="admission gate, per ingress replica: expensive "
        "requests of a class (diffusion: generate, inpaint, try-on; talk) worked on at a time "
        "per running replica of its deployment (Diffusion, TalkingHead); "
        "beyond that (and max_waiting) 503 overloaded at once (serve/limits.py); a class not "
        "named is not gated")
    max_waiting: dict[Literal["diffusion", "talk"], Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict, description="per ingress replica: requests of a gated class that "
        "may wait for a slot (0: none wait)")

    def path(self, value: str) -> str:
        root = Path(os.environ.get("FACECHAIN_ROOT", PACKAGE_DIR.parent))
        p = Path(value).expanduser()
        return str(p if p.is_absolute() else (root / p).resolve())


def build_app(args: dict | None = None) -> Application:
    a = AppArgs(**(args or {}))
    BackendConfig.parse(a.diffusion)  # ConfigError now, not in every replica
    artifacts, job_store = a.path(a.artifacts), a.path(a.job_store)
    api_keys = a.path(a.api_keys) if a.api_keys else None
    m = {"models": a.models}
    preprocess = dict(
        rotation=Rotation.bind(**m), detection=FaceDetection.bind(**m),
        parsing=HumanParsing.bind(**m), retouching=SkinRetouching.bind(**m),
        attributes=FaceAttributes.bind(**m), tagging=Tagging.bind(**m),
        quality=FaceQuality.bind(**m), recognition=FaceRecognition.bind(**m))
    diffusion = Diffusion.bind(models=a.models, artifacts=artifacts, device=a.device,
                               diffusion=a.diffusion)
    trainer = LoraTrainer.bind(**preprocess, models=a.models, artifacts=artifacts, device=a.device,
                               checkpoint_every=a.checkpoint_every)
    tts = TextToSpeech.bind(**m)
    talker = TalkingHead.bind(tts=tts, restoration=FaceRestoration.bind(**m), models=a.models,
                              artifacts=artifacts)
    runner_args = dict(max_attempts=a.max_attempts, max_duration_s=a.max_job_duration_s,
                       first_event_timeout_s=a.first_event_timeout_s,
                       checkpoint_every=a.checkpoint_every)
    jobs: dict = dict(runner_args=dict(runner_args, max_concurrent=a.max_trainings,
                                       max_talks=a.max_talks))
    if a.job_runner == "deployment":
        jobs = dict(run_jobs=False, job_runner=JobRunnerDeployment.bind(
            trainer, talker, job_store=job_store, artifacts=artifacts,
            max_trainings=a.max_trainings, max_talks=a.max_talks,
            stale_after_s=a.stale_after_s, **runner_args))
    return Ingress.bind(
        **preprocess, fusion=FaceFusion.bind(**m), conditions=Conditions.bind(**m),
        garment_segmentation=GarmentSegmentation.bind(**m), diffusion=diffusion, trainer=trainer,
        tts=tts, talker=talker, models=a.models, job_store=job_store,
        artifacts=artifacts, max_upload_mb=a.max_upload_mb, max_photos=a.max_photos,
        request_timeout_s=a.request_timeout_s, stale_after_s=a.stale_after_s,
        api_keys=api_keys, metrics_public=a.metrics_public, quotas=a.quotas.model_dump(),
        max_request_mb=a.max_request_mb, max_request_cost=a.max_request_cost,
        max_talk_cost=a.max_talk_cost, max_concurrent=dict(a.max_concurrent),
        max_waiting=dict(a.max_waiting), **jobs)
