"""Face-LoRA and style-LoRA training on an SD 1.5-shaped base model (DESIGN.md §1 stage 8, §10).

The recipe is diffusers' ``examples/text_to_image/train_text_to_image_lora.py`` (peft LoRA on the
UNet attention projections, noise-prediction MSE with the scheduler's prediction type, AdamW or
8-bit AdamW, cosine-with-restarts, fp32 LoRA weights over half-precision frozen weights), without
``accelerate`` so that every piece of training state is in our hands and can be checkpointed:

* the frozen VAE and (unless the text encoder is trained) the text encoder run once per photo:
  latent distributions of each photo and its mirror image, and caption embeddings, are cached;
* all randomness comes from two seeded generators (data order + flips on the CPU; noise and
  timesteps on the device) plus torch's global RNG, forked for the run (LoRA init, dropout);
* a checkpoint (``output_dir/checkpoints/step-NNNNNN/``) holds the LoRA weights, the optimizer,
  LR-scheduler and grad-scaler state, the generators' states and the data position, as
  safetensors + JSON (never pickle). Resuming from it reproduces an uninterrupted run exactly on
  the same machine (tested bit-for-bit on the CPU). The global RNG is process-wide: run one
  training per process at a time where bit-exact reproducibility matters (LoRA dropout uses it).

The face metadata (trigger word, template face and its embedding) comes from the caller; the
output folder is described in :mod:`facechain.diffusion.lora_io`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from facechain.diffusion.lora_io import (
    LoraArtifact,
    LoraMetadata,
    common_tags,
    save_lora,
)
from facechain.errors import CancelledError, InvalidInputError

if TYPE_CHECKING:  # pragma: no cover
    import torch

    from facechain.diffusion.base_model import BaseModel as DiffusionBaseModel

logger = logging.getLogger(__name__)

CHECKPOINTS_DIR = "checkpoints"
_CHECKPOINT_RE = re.compile(r"^step-(\d{6,})$")
TEXT_ENCODER_TARGETS = ["q_proj", "k_proj", "v_proj", "out_proj"]  # CLIP attention projections
_METADATA_KEYS = {"kind", "trigger", "common_tags", "template_face", "template_embedding", "extra"}


@dataclass
class TrainingExample:
    """One training image (uint8 RGB, any size; resized and centre-cropped) and its caption."""

    image: np.ndarray
    caption: str


class LoraTrainingConfig(BaseModel):
    """Hyper-parameters of one LoRA training run. Defaults follow the FaceChain paper.

    ``lr_num_cycles`` defaults to 3 so that "cosine with restarts" (FaceChain's and kohya's
    schedule) really restarts: with one cycle it is plain cosine. Three cycles leave each cycle
    long enough to anneal even in the shortest real face run (1 photo: 200 steps, 66 per cycle)
    and give two warm restarts out of the minima the earlier cycles reached (SGDR).
    """

    model_config = ConfigDict(extra="forbid")

    rank: int = Field(4, ge=1, le=256, description="LoRA rank r")
    alpha: float | None = Field(4, gt=0, description="LoRA alpha (update scaled by alpha/r); None -> rank")
    dropout: float = Field(0.0, ge=0.0, lt=1.0, description="dropout on the LoRA branch")
    target_modules: list[str] = Field(default_factory=lambda: ["to_q", "to_k", "to_v", "to_out.0"],
                                      min_length=1, description="UNet modules that get a LoRA")
    train_text_encoder: bool = Field(False, description="also train a LoRA on the CLIP text encoder")
    learning_rate: float = Field(1e-4, gt=0, description="peak learning rate")
    lr_scheduler: Literal["constant", "constant_with_warmup", "linear", "cosine", "cosine_with_restarts",
                          "polynomial"] = Field("cosine_with_restarts", description="LR schedule (diffusers)")
    lr_num_cycles: int = Field(
        3, ge=1, description="cosine cycles of cosine_with_restarts: each anneals the LR to zero, each "
                             "after the first restarts it at the peak; 1 is plain cosine")
    lr_warmup_steps: int = Field(0, ge=0, description="linear warm-up steps")
    max_steps: int | None = Field(None, ge=1,
                                  description="optimizer steps; None -> default_steps(photos, base)")
    batch_size: int = Field(1, ge=1, le=64, description="images per micro-batch")
    gradient_accumulation_steps: int = Field(1, ge=1, description="micro-batches per optimizer step")
    optimizer: Literal["adamw", "adamw8bit"] = Field(
        "adamw8bit", description="adamw8bit = bitsandbytes AdamW8bit (falls back to AdamW if unavailable)")
    weight_decay: float = Field(1e-2, ge=0.0, description="AdamW weight decay")
    resolution: int | None = Field(None, ge=16, le=2048,
                                   description="square training size, multiple of 8; None -> the "
                                               "base's native size (512 for SD 1.5, 64 for tiny)")
    mixed_precision: Literal["auto", "no", "fp16", "bf16"] = Field(
        "auto", description="frozen weights + autocast dtype; auto = bf16/fp16 on CUDA, fp32 on CPU")
    gradient_checkpointing: bool = Field(False, description="recompute UNet activations (less memory)")
    seed: int = Field(0, ge=0, description="seeds LoRA init, data order, flips, noise and timesteps")
    random_flip: bool = Field(True, description="mirror each image with probability 0.5")
    checkpoint_every: int | None = Field(None, ge=1, description="save a resumable checkpoint every N steps")
    max_grad_norm: float | None = Field(1.0, gt=0, description="gradient clipping; None -> off")


def default_steps(n_photos: int, base: DiffusionBaseModel) -> int:
    """Training steps for ``n_photos``: min(200 x photos, 800) as in the paper; on the built-in
    tiny model (random weights, nothing to learn) min(10 x photos, 40), enough to exercise it."""
    n = max(1, int(n_photos))
    if _is_builtin_tiny(base):
        return min(10 * n, 40)
    return min(200 * n, 800)


@dataclass(frozen=True)
class TrainingProgress:
    """Reported after every optimizer step. ``loss`` is the step's mean loss, ``learning_rate``
    the LR the step was taken with."""

    step: int
    total_steps: int
    loss: float
    eta_seconds: float
    elapsed_seconds: float
    learning_rate: float


def examples_from_folder(folder: str | os.PathLike, *, caption: str | None = None) -> list[TrainingExample]:
    """Training examples from a folder of images, e.g. for an offline style LoRA.

    Each image's caption is its ``<name>.txt`` sidecar (the kohya/diffusers convention) or, when
    there is none, ``caption``; an image without either raises :class:`InvalidInputError`.
    """
    from facechain.imageio import IMAGE_SUFFIXES, decode_image

    folder = Path(folder)
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if not files:
        raise InvalidInputError(f"no images in {folder}", param="examples")
    examples = []
    for path in files:
        sidecar = path.with_suffix(".txt")
        text = sidecar.read_text().strip() if sidecar.is_file() else caption
        if text is None:
            raise InvalidInputError(f"{path.name}: no caption ({sidecar.name} missing)", param="examples")
        examples.append(TrainingExample(decode_image(path.read_bytes()), text))
    return examples


def train_lora(examples: list[TrainingExample], base: DiffusionBaseModel,
               config: LoraTrainingConfig | None = None, output_dir: str | os.PathLike = "lora", *,
               metadata: dict | None = None, progress: Callable[[TrainingProgress], None] | None = None,
               cancel: threading.Event | None = None, resume: bool = True,
               on_checkpoint: Callable[[Path], None] | None = None) -> LoraArtifact:
    """Train a LoRA on ``examples`` and write it to ``output_dir`` (see :mod:`lora_io`).

    ``metadata`` describes the LoRA: ``kind`` ("face" default, or "style"), ``trigger``,
    ``common_tags`` (default: the tags every caption shares), ``template_face`` (uint8 RGB, written
    as ``template_face.png``), ``template_embedding`` and ``extra``. With ``resume`` a checkpoint
    of the same run (same examples, base and config) continues where it stopped; a checkpoint of
    another run is discarded. ``cancel`` is checked before every step: when set, the current state
    is checkpointed and :class:`facechain.errors.CancelledError` raised. Checkpoints are deleted
    once the LoRA is written. ``on_checkpoint(folder)`` is called (in the training thread) after
    each checkpoint is written, e.g. to copy it to durable storage; its errors are logged, not
    raised (a lost checkpoint costs a longer resume, never the run).
    """
    import torch

    started = time.monotonic()
    config = config or LoraTrainingConfig()
    output_dir = Path(output_dir)

    # 1. Check inputs and resolve the run's settings
    _check_examples(examples)
    meta_in = _check_metadata(metadata)
    device = torch.device(base.device)
    weight_dtype = _resolve_precision(config.mixed_precision, device, base.dtype)
    total_steps = config.max_steps or default_steps(len(examples), base)
    alpha = float(config.alpha if config.alpha is not None else config.rank)

    # 2. Load the base components: everything frozen, in the training dtype
    components = base.load_components(dtype=weight_dtype)
    unet, vae, text_encoder = components["unet"], components["vae"], components["text_encoder"]
    tokenizer, noise_scheduler = components["tokenizer"], components["noise_scheduler"]
    resolution = config.resolution or _native_resolution(unet, vae)
    if resolution % 8:
        raise InvalidInputError(f"resolution {resolution} is not a multiple of 8", param="resolution")
    for module in (unet, vae, text_encoder):
        module.requires_grad_(False)
        if module.dtype != weight_dtype or module.device != device:
            module.to(device, dtype=weight_dtype)
    vae.eval()
    text_encoder.eval()

    run_key = _run_key(examples, base, config, total_steps, resolution, weight_dtype)
    ckpt_root = output_dir / CHECKPOINTS_DIR
    checkpoint = _latest_checkpoint(ckpt_root) if resume else None
    if checkpoint is not None and _read_json(checkpoint / "state.json").get("run_key") != run_key:
        logger.warning("checkpoint %s belongs to another run (examples, base or config changed); "
                       "starting over", checkpoint)
        checkpoint = None
    if checkpoint is None and ckpt_root.exists():
        shutil.rmtree(ckpt_root)

    fork_devices = [device] if device.type == "cuda" else []
    with torch.random.fork_rng(devices=fork_devices):
        torch.manual_seed(config.seed)

        # 3. Add the LoRA adapters (peft); trainable weights stay fp32 under mixed precision
        from peft import LoraConfig
        from peft.utils import get_peft_model_state_dict

        unet.add_adapter(LoraConfig(r=config.rank, lora_alpha=alpha, lora_dropout=config.dropout,
                                    init_lora_weights="gaussian", target_modules=list(config.target_modules)))
        te_lora_config = None
        if config.train_text_encoder:
            # peft directly: transformers' add_adapter refuses peft versions it does not know
            from peft import inject_adapter_in_model

            te_lora_config = LoraConfig(r=config.rank, lora_alpha=alpha, lora_dropout=config.dropout,
                                        init_lora_weights="gaussian", target_modules=TEXT_ENCODER_TARGETS)
            inject_adapter_in_model(te_lora_config, text_encoder, adapter_name="default")
            _warn_if_text_encoder_lora_unloadable()
        trainable = _trainable_parameters(unet, text_encoder if config.train_text_encoder else None)
        if not trainable:
            raise InvalidInputError(f"no UNet module matches target_modules {config.target_modules}",
                                    param="target_modules")
        for param in trainable.values():
            param.data = param.data.float()
        if config.gradient_checkpointing:
            unet.enable_gradient_checkpointing()

        # 4. Cache what the frozen networks compute once: latent distributions (photo, mirror), text
        data = _prepare_data(examples, vae, text_encoder, tokenizer, resolution=resolution,
                             device=device, dtype=weight_dtype, train_text_encoder=config.train_text_encoder,
                             random_flip=config.random_flip, cancel=cancel)

        # 5. Optimizer, LR schedule, loss scaling, generators
        optimizer, optimizer_name = _make_optimizer(config, list(trainable.values()), device)
        from diffusers.optimization import get_scheduler

        lr_scheduler = get_scheduler(config.lr_scheduler, optimizer, num_warmup_steps=config.lr_warmup_steps,
                                     num_training_steps=total_steps, num_cycles=config.lr_num_cycles)
        scaler = torch.amp.GradScaler("cuda", enabled=weight_dtype == torch.float16 and device.type == "cuda")
        noise_gen = torch.Generator(device=device).manual_seed(config.seed)
        sampler = _Sampler(len(examples), config.seed, config.random_flip)
        losses: list[float] = []
        step, prior_elapsed = 0, 0.0

        # 6. Resume from the last checkpoint of this run
        if checkpoint is not None:
            state = _load_checkpoint(checkpoint, trainable, optimizer, device)
            lr_scheduler.load_state_dict(state["lr_scheduler"])
            scaler.load_state_dict(state["scaler"])
            noise_gen.set_state(state["tensors"]["rng.noise"])
            sampler.load_state(state["sampler"], state["tensors"]["rng.data"])
            _set_global_rng(state["tensors"], device)
            step, prior_elapsed, losses = state["step"], state["elapsed_seconds"], state["losses"]
            logger.info("resuming LoRA training from step %d/%d (%s)", step, total_steps, checkpoint)

        saved_step = step

        def save_checkpoint() -> None:
            nonlocal saved_step
            saved_step = step
            _save_checkpoint(ckpt_root, step, trainable, optimizer, device, {
                "run_key": run_key, "step": step, "total_steps": total_steps, "losses": losses,
                "elapsed_seconds": prior_elapsed + time.monotonic() - started,
                "lr_scheduler": lr_scheduler.state_dict(), "scaler": scaler.state_dict(),
                "sampler": sampler.state(), "optimizer_name": optimizer_name,
            }, {"rng.noise": noise_gen.get_state(), "rng.data": sampler.generator.get_state()})
            if on_checkpoint is not None:
                try:
                    on_checkpoint(ckpt_root / f"step-{step:06d}")
                except Exception:
                    logger.exception("on_checkpoint failed at step %d", step)

        # 7. Train
        logger.info("training %s LoRA: %d examples, %d steps, rank %d, %dpx, %s, %s, %s",
                    meta_in.get("kind", "face"), len(examples), total_steps, config.rank, resolution,
                    optimizer_name, str(weight_dtype).removeprefix("torch."), device)
        autocast = (torch.autocast(device.type, dtype=weight_dtype) if weight_dtype != torch.float32
                    else contextlib.nullcontext())
        unet.train()
        if config.train_text_encoder:
            text_encoder.train()
        loop_started, first_step = time.monotonic(), step
        while step < total_steps:
            if cancel is not None and cancel.is_set():
                if step > saved_step:
                    save_checkpoint()
                raise CancelledError(f"LoRA training cancelled at step {step}/{total_steps}"
                                     + (f"; checkpoint kept in {ckpt_root}" if step > 0 else ""))
            step_loss = 0.0
            for _ in range(config.gradient_accumulation_steps):
                indices, flips = sampler.next_batch(config.batch_size)
                with autocast:
                    loss = _diffusion_loss(data, indices, flips, unet, text_encoder, noise_scheduler,
                                           noise_gen, weight_dtype, config.train_text_encoder)
                scaler.scale(loss / config.gradient_accumulation_steps).backward()
                step_loss += float(loss.detach()) / config.gradient_accumulation_steps
            if not math.isfinite(step_loss):
                raise InvalidInputError(f"LoRA training diverged at step {step + 1} (loss {step_loss})",
                                        param="learning_rate")
            if config.max_grad_norm is not None:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(list(trainable.values()), config.max_grad_norm)
            step_lr = float(lr_scheduler.get_last_lr()[0])
            scaler.step(optimizer)
            scaler.update()
            lr_scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            losses.append(step_loss)

            now = time.monotonic()
            rate = (now - loop_started) / (step - first_step)
            if progress is not None:
                progress(TrainingProgress(step=step, total_steps=total_steps, loss=step_loss,
                                          eta_seconds=rate * (total_steps - step),
                                          elapsed_seconds=prior_elapsed + now - started,
                                          learning_rate=step_lr))
            if config.checkpoint_every and step % config.checkpoint_every == 0 and step < total_steps:
                save_checkpoint()

        # 8. Write the LoRA folder, then drop the checkpoints
        train_seconds = time.monotonic() - loop_started
        unet_state = get_peft_model_state_dict(unet)
        te_state = _adapter_state(text_encoder) if config.train_text_encoder else None
        captions = [e.caption for e in examples]
        trigger = meta_in.get("trigger", "")
        extra = dict(meta_in.get("extra") or {})
        extra["training"] = {
            "config": config.model_dump(mode="json"), "optimizer": optimizer_name,
            "precision": str(weight_dtype).removeprefix("torch."), "device": str(device),
            "examples": len(examples), "final_loss": losses[-1] if losses else None,
            "mean_loss_last_10": float(np.mean(losses[-10:])) if losses else None,
            "steps_per_second": (step - first_step) / train_seconds if step > first_step else None,
        }
        embedding = meta_in.get("template_embedding")
        lora_metadata = LoraMetadata(
            kind=meta_in.get("kind", "face"), trigger=trigger,
            common_tags=meta_in.get("common_tags") or common_tags(captions, exclude=(trigger,)),
            base_model_id=base.id, base_model_fingerprint=base.fingerprint, rank=config.rank,
            alpha=alpha, steps=step, resolution=resolution,
            template_embedding=None if embedding is None else [float(x) for x in np.asarray(embedding).ravel()],
            extra=extra)
        artifact = save_lora(
            output_dir, unet_state, te_state, lora_metadata,
            unet_lora_config=unet.peft_config["default"].to_dict(),
            text_encoder_lora_config=te_lora_config.to_dict() if te_lora_config else None,
            template_face=meta_in.get("template_face"))
    if ckpt_root.exists():
        shutil.rmtree(ckpt_root)
    logger.info("LoRA trained in %.1fs (%d steps, final loss %.4f): %s", time.monotonic() - started,
                step, losses[-1] if losses else float("nan"), artifact.path)
    return artifact


# -- inputs -------------------------------------------------------------------------------------

def _check_examples(examples: list[TrainingExample]) -> None:
    if not examples:
        raise InvalidInputError("no training examples", param="examples")
    for i, ex in enumerate(examples):
        img = ex.image
        if not isinstance(img, np.ndarray) or img.dtype != np.uint8 or img.ndim != 3 or img.shape[2] != 3:
            raise InvalidInputError(f"example {i}: image must be uint8 RGB (H, W, 3)", param="examples")
        if min(img.shape[:2]) < 8:
            raise InvalidInputError(f"example {i}: image is too small ({img.shape[1]}x{img.shape[0]})",
                                    param="examples")
        if not isinstance(ex.caption, str):
            raise InvalidInputError(f"example {i}: caption must be a string", param="examples")


def _check_metadata(metadata: dict | None) -> dict:
    meta = dict(metadata or {})
    unknown = sorted(set(meta) - _METADATA_KEYS)
    if unknown:
        raise InvalidInputError(f"unknown LoRA metadata keys {unknown}; known: {sorted(_METADATA_KEYS)}",
                                param="metadata")
    face = meta.get("template_face")
    if face is not None and not (isinstance(face, np.ndarray) and face.dtype == np.uint8 and face.ndim == 3
                                 and face.shape[2] == 3):
        raise InvalidInputError("metadata template_face must be uint8 RGB (H, W, 3)", param="metadata")
    if meta.get("kind", "face") not in ("face", "style"):
        raise InvalidInputError(f"metadata kind must be 'face' or 'style', got {meta['kind']!r}",
                                param="metadata")
    return meta


def _is_builtin_tiny(base: DiffusionBaseModel) -> bool:
    ident = str(base.id)
    return ident.startswith("builtin:tiny") or ident.startswith("tiny-")


def _resolve_precision(choice: str, device: torch.device, base_dtype: torch.dtype) -> torch.dtype:
    """The dtype of the frozen weights and of autocast; LoRA weights are always trained in fp32."""
    import torch

    if device.type != "cuda":
        if choice == "fp16":
            raise InvalidInputError("fp16 mixed precision needs CUDA; use 'no' or 'bf16' on the CPU",
                                    param="mixed_precision")
        return torch.bfloat16 if choice == "bf16" else torch.float32
    if choice == "no":
        return torch.float32
    if choice == "fp16":
        return torch.float16
    if choice == "bf16":
        return torch.bfloat16
    if base_dtype in (torch.float16, torch.bfloat16):
        return base_dtype
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def _native_resolution(unet, vae) -> int:
    sample_size = unet.config.sample_size
    if isinstance(sample_size, (list, tuple)):
        sample_size = sample_size[0]
    return int(sample_size) * 2 ** (len(vae.config.block_out_channels) - 1)


def _run_key(examples, base, config: LoraTrainingConfig, total_steps: int, resolution: int, dtype) -> str:
    """Identifies a run: a checkpoint is only resumed by the run that wrote it."""
    h = hashlib.sha256()
    for ex in examples:
        h.update(repr(ex.image.shape).encode())
        h.update(np.ascontiguousarray(ex.image).tobytes())
        h.update(ex.caption.encode())
    # checkpoint_every changes when state is saved, never the result: a resume may change it
    settings = {"config": config.model_dump(mode="json", exclude={"checkpoint_every"}), "steps": total_steps, "resolution": resolution,
                "dtype": str(dtype), "base": [base.id, base.fingerprint], "device": str(base.device)}
    h.update(json.dumps(settings, sort_keys=True).encode())
    return h.hexdigest()


# -- model pieces -------------------------------------------------------------------------------

def _trainable_parameters(unet, text_encoder) -> dict[str, torch.nn.Parameter]:
    params = {f"unet.{n}": p for n, p in unet.named_parameters() if p.requires_grad}
    if text_encoder is not None:
        params.update({f"text_encoder.{n}": p for n, p in text_encoder.named_parameters() if p.requires_grad})
    return params


def _adapter_state(module) -> dict[str, torch.Tensor]:
    """peft-format LoRA state (adapter name dropped), as ``get_peft_model_state_dict`` returns it,
    for a module whose adapter was injected with ``peft.inject_adapter_in_model``."""
    return {k.replace(".default.", "."): v for k, v in module.state_dict().items()
            if ".lora_A.default." in k or ".lora_B.default." in k}


def _warn_if_text_encoder_lora_unloadable() -> None:
    """diffusers loads text-encoder LoRAs through transformers' PEFT integration, which pins a
    minimum peft version; say so at training time rather than at the first generation."""
    try:
        from transformers.integrations.peft import MIN_PEFT_VERSION
        from transformers.utils.peft_utils import check_peft_version

        check_peft_version(min_version=MIN_PEFT_VERSION)
    except ImportError:
        return
    except ValueError as exc:
        logger.warning("training a text-encoder LoRA, but this environment's diffusers cannot load it "
                       "(transformers: %s); the UNet part is unaffected", exc)


def _make_optimizer(config: LoraTrainingConfig, params: list, device) -> tuple[Any, str]:
    import torch

    kwargs = dict(lr=config.learning_rate, betas=(0.9, 0.999), weight_decay=config.weight_decay, eps=1e-8)
    if config.optimizer == "adamw8bit":
        try:
            import bitsandbytes as bnb

            return bnb.optim.AdamW8bit(params, **kwargs), "adamw8bit"
        except Exception as exc:  # not installed, or no build for this device
            logger.warning("bitsandbytes AdamW8bit unavailable on %s (%s); using torch AdamW", device, exc)
    return torch.optim.AdamW(params, **kwargs), "adamw"


@dataclass
class _Data:
    """Per-example cached tensors: ``latent_mean[flip]`` / ``latent_std[flip]`` of the VAE posterior
    (index 1 = mirrored photo, present with random flips), token ids, and frozen-encoder embeddings."""

    latent_mean: list[torch.Tensor]  # [flip] -> (N, C, h, w) fp32
    latent_std: list[torch.Tensor]
    scaling_factor: float
    input_ids: torch.Tensor  # (N, L)
    text_embeds: torch.Tensor | None  # (N, L, D) when the text encoder is frozen


def _prepare_data(examples, vae, text_encoder, tokenizer, *, resolution, device, dtype,
                  train_text_encoder, random_flip, cancel) -> _Data:
    import torch

    means: list[list[torch.Tensor]] = [[], []]
    stds: list[list[torch.Tensor]] = [[], []]
    flips = (False, True) if random_flip else (False,)
    with torch.no_grad():
        for ex in examples:
            if cancel is not None and cancel.is_set():
                raise CancelledError("LoRA training cancelled while preparing the photos")
            pixels = _to_pixels(ex.image, resolution)  # (3, H, W) in [-1, 1]
            for flip in flips:
                x = (pixels.flip(-1) if flip else pixels)[None].to(device, dtype)
                dist = vae.encode(x).latent_dist
                means[flip].append(dist.mean.float()[0])
                stds[flip].append(dist.std.float()[0])
    max_len = min(int(tokenizer.model_max_length), int(text_encoder.config.max_position_embeddings))
    input_ids = tokenizer([e.caption for e in examples], max_length=max_len, padding="max_length",
                          truncation=True, return_tensors="pt").input_ids.to(device)
    text_embeds = None
    if not train_text_encoder:
        with torch.no_grad():
            text_embeds = torch.cat([text_encoder(input_ids[i:i + 8])[0].float()
                                     for i in range(0, len(examples), 8)])
    return _Data(latent_mean=[torch.stack(m) for m in means if m], latent_std=[torch.stack(s) for s in stds if s],
                 scaling_factor=float(vae.config.scaling_factor), input_ids=input_ids, text_embeds=text_embeds)


def _to_pixels(image: np.ndarray, resolution: int) -> torch.Tensor:
    """Resize the short side to ``resolution`` (bicubic), centre-crop, scale to [-1, 1]."""
    import torch
    from PIL import Image

    h, w = image.shape[:2]
    scale = resolution / min(h, w)
    size = (max(resolution, round(w * scale)), max(resolution, round(h * scale)))
    img = Image.fromarray(image).resize(size, Image.Resampling.BICUBIC, reducing_gap=3.0)
    left, top = (size[0] - resolution) // 2, (size[1] - resolution) // 2
    arr = np.asarray(img.crop((left, top, left + resolution, top + resolution)), dtype=np.float32)
    return torch.from_numpy(arr / 127.5 - 1.0).permute(2, 0, 1).contiguous()


def _diffusion_loss(data: _Data, indices, flips, unet, text_encoder, noise_scheduler, noise_gen,
                    weight_dtype, train_text_encoder) -> torch.Tensor:
    """Noise-prediction MSE for one micro-batch, target by the scheduler's prediction type."""
    import torch
    import torch.nn.functional as F

    idx = torch.as_tensor(indices, device=data.latent_mean[0].device)
    mean = torch.stack([data.latent_mean[int(f)][i] for i, f in zip(indices, flips)])
    std = torch.stack([data.latent_std[int(f)][i] for i, f in zip(indices, flips)])
    device = mean.device
    latents = (mean + std * torch.randn(mean.shape, generator=noise_gen, device=device)) * data.scaling_factor
    noise = torch.randn(latents.shape, generator=noise_gen, device=device)
    timesteps = torch.randint(0, noise_scheduler.config.num_train_timesteps, (len(indices),),
                              generator=noise_gen, device=device).long()
    noisy = noise_scheduler.add_noise(latents, noise, timesteps)
    if train_text_encoder:
        hidden = text_encoder(data.input_ids[idx])[0]
    else:
        hidden = data.text_embeds[idx]
    prediction_type = noise_scheduler.config.prediction_type
    if prediction_type == "epsilon":
        target = noise
    elif prediction_type == "v_prediction":
        target = noise_scheduler.get_velocity(latents, noise, timesteps)
    elif prediction_type == "sample":
        target = latents
    else:
        raise InvalidInputError(f"unsupported prediction type {prediction_type!r}", param="base_model")
    pred = unet(noisy.to(weight_dtype), timesteps, hidden.to(weight_dtype), return_dict=False)[0]
    return F.mse_loss(pred.float(), target.float(), reduction="mean")


class _Sampler:
    """Shuffled epochs over the examples plus a coin flip per draw, from one seeded CPU generator."""

    def __init__(self, n: int, seed: int, random_flip: bool):
        import torch

        self.n, self.random_flip = n, random_flip
        self.generator = torch.Generator().manual_seed(seed)
        self.order: list[int] = []
        self.pos = 0

    def next_batch(self, size: int) -> tuple[list[int], list[bool]]:
        import torch

        indices, flips = [], []
        for _ in range(size):
            if self.pos >= len(self.order):
                self.order = torch.randperm(self.n, generator=self.generator).tolist()
                self.pos = 0
            indices.append(self.order[self.pos])
            self.pos += 1
            flips.append(bool(self.random_flip and torch.rand((), generator=self.generator) < 0.5))
        return indices, flips

    def state(self) -> dict:
        return {"order": self.order, "pos": self.pos}

    def load_state(self, state: dict, generator_state) -> None:
        self.order, self.pos = list(state["order"]), int(state["pos"])
        self.generator.set_state(generator_state)


# -- checkpoints (safetensors + JSON, never pickle) ---------------------------------------------

def _latest_checkpoint(root: Path) -> Path | None:
    if not root.is_dir():
        return None
    found = [(int(m.group(1)), p) for p in root.iterdir()
             if (m := _CHECKPOINT_RE.match(p.name)) and (p / "state.json").is_file()]
    return max(found)[1] if found else None


def _save_checkpoint(root: Path, step: int, trainable: dict, optimizer, device, scalars: dict,
                     tensors: dict) -> Path:
    """Write ``root/step-NNNNNN`` atomically (temp folder + rename) and delete older checkpoints."""
    import torch
    from safetensors.torch import save_file

    root.mkdir(parents=True, exist_ok=True)
    final = root / f"step-{step:06d}"
    tmp = root / f".tmp-step-{step:06d}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    save_file({k: p.detach().to("cpu").contiguous() for k, p in trainable.items()}, str(tmp / "adapter.safetensors"))
    opt_tensors: dict[str, torch.Tensor] = {}
    opt_tree = _flatten(optimizer.state_dict(), opt_tensors, "optimizer")
    rng = dict(tensors)
    rng["rng.torch"] = torch.get_rng_state()
    if device.type == "cuda":
        rng["rng.cuda"] = torch.cuda.get_rng_state(device)
    rng_tensors = {k: v.detach().to("cpu").contiguous() for k, v in rng.items()}
    save_file({**opt_tensors, **rng_tensors}, str(tmp / "state.safetensors"))
    sched_tensors: dict[str, torch.Tensor] = {}
    state = dict(scalars, optimizer=opt_tree, lr_scheduler=_flatten(scalars["lr_scheduler"], sched_tensors, "s"),
                 scaler=_flatten(scalars["scaler"], sched_tensors, "g"))
    if sched_tensors:  # LambdaLR / GradScaler state is plain numbers; keep it that way
        raise RuntimeError(f"unexpected tensors in scheduler state: {sorted(sched_tensors)}")
    (tmp / "state.json").write_text(json.dumps(state))
    if final.exists():
        shutil.rmtree(final)
    os.replace(tmp, final)
    for old in root.iterdir():
        m = _CHECKPOINT_RE.match(old.name)
        if m and int(m.group(1)) != step:
            shutil.rmtree(old, ignore_errors=True)
    logger.info("checkpoint saved: %s", final)
    return final


def _load_checkpoint(path: Path, trainable: dict, optimizer, device) -> dict:
    import torch
    from safetensors.torch import load_file

    adapter = load_file(str(path / "adapter.safetensors"))
    if set(adapter) != set(trainable):
        raise InvalidInputError(f"checkpoint {path} does not match the LoRA layout", param="resume")
    with torch.no_grad():
        for name, param in trainable.items():
            param.copy_(adapter[name].to(param.device, param.dtype))
    tensors = load_file(str(path / "state.safetensors"))
    state = _read_json(path / "state.json")
    # tensors stay on the CPU: the optimizers' load_state_dict place them (AdamW keeps "step" there)
    optimizer.load_state_dict(_unflatten(state["optimizer"], tensors))
    state["lr_scheduler"] = _unflatten(state["lr_scheduler"], {})
    state["scaler"] = _unflatten(state["scaler"], {})
    state["tensors"] = {k: v for k, v in tensors.items() if k.startswith("rng.")}
    return state


def _set_global_rng(tensors: dict, device) -> None:
    import torch

    torch.set_rng_state(tensors["rng.torch"])
    if device.type == "cuda" and "rng.cuda" in tensors:
        torch.cuda.set_rng_state(tensors["rng.cuda"], device)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise InvalidInputError(f"unreadable checkpoint file {path}: {exc}", param="resume") from exc


def _flatten(obj: Any, tensors: dict, prefix: str) -> Any:
    """A JSON tree for ``obj`` with its tensors moved to ``tensors`` (referenced by key).

    Dicts become ``{"__dict__": [[key, value], ...]}`` so int keys (optimizer param ids) and
    tuples (``betas``) survive the round trip.
    """
    import torch

    if isinstance(obj, torch.Tensor):
        key = f"{prefix}"
        tensors[key] = obj.detach().to("cpu").clone()  # own storage: bitsandbytes shares its qmaps
        return {"__tensor__": key}
    if isinstance(obj, dict):
        return {"__dict__": [[k, _flatten(v, tensors, f"{prefix}.{k}")] for k, v in obj.items()]}
    if isinstance(obj, tuple):
        return {"__tuple__": [_flatten(v, tensors, f"{prefix}.{i}") for i, v in enumerate(obj)]}
    if isinstance(obj, list):
        return [_flatten(v, tensors, f"{prefix}.{i}") for i, v in enumerate(obj)]
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    raise TypeError(f"cannot checkpoint a {type(obj).__name__} at {prefix}")


def _unflatten(tree: Any, tensors: dict) -> Any:
    if isinstance(tree, dict):
        if "__tensor__" in tree:
            return tensors[tree["__tensor__"]]
        if "__tuple__" in tree:
            return tuple(_unflatten(v, tensors) for v in tree["__tuple__"])
        if "__dict__" in tree:
            return {k: _unflatten(v, tensors) for k, v in tree["__dict__"]}
    if isinstance(tree, list):
        return [_unflatten(v, tensors) for v in tree]
    return tree


__all__ = ["LoraTrainingConfig", "TrainingExample", "TrainingProgress", "default_steps",
           "examples_from_folder", "train_lora"]
