"""Training a person's face LoRA from photos: preprocess -> train (DESIGN.md §1, 1-9).

    out = train(photos, base, "loras/alice", TrainParams(steps=200))
    out.artifact.path        # pytorch_lora_weights.safetensors + facechain_lora.json + template face
    out.preprocess.rejected  # photos that were not used, with reasons

The same coroutine runs in the CLI (local components) and in the served trainer (deployment
handles for the preprocessing models), so both train from identical training sets.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from facechain.components.tagging import AgeGroup, common_tags
from facechain.diffusion.base_model import BaseModel as DiffusionBaseModel
from facechain.diffusion.lora_io import LoraArtifact
from facechain.diffusion.lora_training import (
    LoraTrainingConfig,
    TrainingExample,
    TrainingProgress,
    train_lora,
)
from facechain.pipelines.dataset import preprocess_report
from facechain.pipelines.preprocess import PreprocessParams, apreprocess
from facechain.pipelines.runtime import PreprocessComponents
from facechain.types import Gender, Photo, PreprocessOutput

# Tags that describe the photo, not the face: kept in captions, left out of generation prompts.
_NOT_FACE_WORDS = ("background", "shot", "body", "portrait", "solo", "1boy", "1girl", "lighting",
                   "monochrome", "greyscale", "looking", "tilt")


class TrainParams(BaseModel):
    """What a caller may choose for one face-LoRA training run."""

    model_config = ConfigDict(extra="forbid")

    steps: int | None = Field(None, ge=1, le=5000,
                              description="optimizer steps; None: min(200 x photos, 800) (tiny model: fewer)")
    rank: int = Field(4, ge=1, le=128, description="LoRA rank")
    learning_rate: float = Field(1e-4, gt=0, le=1e-2, description="peak learning rate")
    lr_num_cycles: int = Field(LoraTrainingConfig.model_fields["lr_num_cycles"].default, ge=1, le=20,
                               description="cosine cycles of the LR schedule (cosine with restarts); "
                                           "1: plain cosine, no restart")
    seed: int = Field(0, ge=0, le=2**31 - 1, description="seeds initialisation, data order and noise")
    resolution: int | None = Field(None, ge=64, le=1024, multiple_of=8,
                                   description="training resolution; None: the base model's native size")
    retouch_strength: float = Field(0.3, ge=0.0, le=1.0, description="skin retouching of the photos")
    gender: Gender | None = Field(None, description="the person's gender for the trigger word and "
                                  "captions (male/female); None: the gender classifier decides")
    age_group: AgeGroup | None = Field(None, description="the person's age group for the trigger "
                                       "word (child/young/mature); None: the age estimate decides")

    def lora_config(self, checkpoint_every: int | None = None) -> LoraTrainingConfig:
        return LoraTrainingConfig(max_steps=self.steps, rank=self.rank, alpha=self.rank,
                                  learning_rate=self.learning_rate, lr_num_cycles=self.lr_num_cycles,
                                  seed=self.seed, checkpoint_every=checkpoint_every,
                                  resolution=self.resolution)

    def preprocess_params(self, **overrides) -> PreprocessParams:
        return PreprocessParams(**{"retouch_strength": self.retouch_strength, "gender": self.gender,
                                   "age_group": self.age_group, **overrides})


@dataclass
class TrainOutput:
    artifact: LoraArtifact
    preprocess: PreprocessOutput


def face_tags(tag_lists: list[list[str]]) -> list[str]:
    """Tags in more than half of the photos that describe the face (smile, hair ...)."""
    return [t for t in common_tags(tag_lists, 0.5) if not any(w in t for w in _NOT_FACE_WORDS)]


async def atrain(
    photos: list[Photo],
    components: PreprocessComponents,
    base: DiffusionBaseModel,
    output_dir: str | Path,
    params: TrainParams | None = None,
    *,
    preprocess_params: PreprocessParams | None = None,
    progress: Callable[[TrainingProgress], None] | None = None,
    cancel: threading.Event | None = None,
    checkpoint_every: int | None = None,
    on_checkpoint: Callable[[Path], None] | None = None,
) -> TrainOutput:
    """Preprocess ``photos`` and train their face LoRA into ``output_dir``.

    A checkpoint of the same run under ``output_dir/checkpoints/`` (e.g. restored from durable
    storage) is resumed: preprocessing is deterministic, so the run is recognised and its final
    LoRA equals an uninterrupted run's. ``checkpoint_every`` steps (and on cancel) a checkpoint
    is written and passed to ``on_checkpoint(folder)``.
    """
    params = params or TrainParams()

    # 1. Preprocess: upright, aligned, segmented, retouched and captioned photos
    pre = await apreprocess(photos, components, preprocess_params or params.preprocess_params())

    # 2. Train the face LoRA on the captioned training images (in a worker thread)
    examples = [TrainingExample(image=s.image, caption=s.caption) for s in pre.samples]
    metadata = {
        "kind": "face",
        "trigger": pre.trigger,
        # the trigger's own tags ("children") are in every caption: the prompt gets them too
        "common_tags": [*pre.trigger_tags, *face_tags([s.tags for s in pre.samples])],
        "template_face": pre.template.image,
        "template_embedding": [float(x) for x in pre.template.embedding],
        "extra": {"preprocess": preprocess_report(pre)},
    }
    artifact = await asyncio.to_thread(train_lora, examples, base, params.lora_config(checkpoint_every),
                                       output_dir, metadata=metadata, progress=progress, cancel=cancel,
                                       on_checkpoint=on_checkpoint)
    return TrainOutput(artifact=artifact, preprocess=pre)


def train(photos: list[Photo], base: DiffusionBaseModel, output_dir: str | Path,
          params: TrainParams | None = None, components: PreprocessComponents | None = None,
          **kwargs) -> TrainOutput:
    """Synchronous facade over :func:`atrain` with in-process components."""
    from facechain.pipelines.runtime import LocalComponents

    return asyncio.run(atrain(photos, components or LocalComponents(), base, output_dir, params,
                              **kwargs))
