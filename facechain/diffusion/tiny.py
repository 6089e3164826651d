"""The built-in tiny SD 1.5 model and its ControlNets: real structure, small widths, seeded weights.

No Stable Diffusion weights exist offline (DESIGN.md §2), so the default profile uses
``builtin:tiny-sd15``: a pipeline with SD 1.5's exact structure (UNet2DConditionModel with SD 1.5's
block types, cross-attention and head count; AutoencoderKL with 4 blocks = x8 downscale, 4 latent
channels and scaling factor 0.18215; a CLIPTextModel with 77 positions and the real 49,408-token
CLIP tokenizer; SD 1.5's scheduler config) but small widths and random weights drawn from a seed.
It makes noise, not faces; it exercises every code path (LoRA training and mixing, ControlNet,
img2img, inpainting) in well under a second per image on a CPU.

The model is written once in the diffusers folder layout (:func:`tiny_model_path`) and then loaded
with ``from_pretrained``, exactly like real weights. The same seed gives byte-identical
``.safetensors`` files, so a LoRA trained on one machine's tiny model matches another's.

:func:`export_single_file` writes a diffusers SD 1.5 folder as one original-layout (LDM)
``.safetensors`` checkpoint, the format single-file community models ship in; the tests use it to
exercise the ``from_single_file`` path without any hub file.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import torch

from facechain.config import cache_dir
from facechain.errors import ModelSourceError, NotFoundError

logger = logging.getLogger(__name__)

# Bump when the architecture or the builder changes: the cache folder name includes it, so an old
# cached build is never loaded by newer code.
TINY_VERSION = "v1"

# CLIP BPE: 256 byte symbols, their end-of-word forms, 48,894 merges, 2 special tokens = 49,408.
CLIP_VOCAB_SIZE = 49408
CLIP_NUM_MERGES = 49152 - 256 - 2
BOS_TOKEN = "<|startoftext|>"
EOS_TOKEN = "<|endoftext|>"
MAX_TEXT_POSITIONS = 77

# SD 1.5's widths are (320, 640, 1280, 1280) / text 768 / VAE (128, 256, 512, 512).
UNET_CHANNELS = (32, 64, 64, 64)
TEXT_HIDDEN = 32
VAE_CHANNELS = (16, 32, 32, 32)
NORM_GROUPS = 8
CONTROLNET_EMBEDDING_CHANNELS = (8, 16, 32, 32)  # SD 1.5 ControlNets: (16, 32, 96, 256)

# SD 1.5's scheduler/scheduler_config.json (PNDM); pipelines swap the class, keep the betas.
SD15_SCHEDULER_CONFIG = {
    "beta_start": 0.00085,
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "num_train_timesteps": 1000,
    "prediction_type": "epsilon",
    "set_alpha_to_one": False,
    "skip_prk_steps": True,
    "steps_offset": 1,
    "clip_sample": False,
}

CONDITIONINGS = ("openpose", "canny", "depth")

# builtin name -> (kind, seed, conditioning)
BUILTINS: dict[str, tuple[str, int, str | None]] = {
    "tiny-sd15": ("sd15", 0, None),
    "tiny-controlnet-openpose": ("controlnet", 1, "openpose"),
    "tiny-controlnet-canny": ("controlnet", 2, "canny"),
    "tiny-controlnet-depth": ("controlnet", 3, "depth"),
}


# 1. Tokenizer -------------------------------------------------------------------------------------


def clip_bpe_path() -> Path:
    """The CLIP BPE merges file shipped inside the ``open-clip-torch`` wheel.

    Located without importing ``open_clip`` (its package import needs torchvision).
    """
    spec = importlib.util.find_spec("open_clip")
    if spec is None or not spec.submodule_search_locations:
        raise ModelSourceError("base_model", "the CLIP tokenizer needs the 'open-clip-torch' package")
    path = Path(next(iter(spec.submodule_search_locations))) / "bpe_simple_vocab_16e6.txt.gz"
    if not path.exists():
        raise ModelSourceError("base_model", f"CLIP BPE file missing: {path}")
    return path


def _bytes_to_unicode() -> dict[int, str]:
    """OpenAI CLIP's reversible byte -> printable-character table (same order as CLIP's)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def clip_vocab_and_merges(bpe_path: Path | None = None) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """OpenAI CLIP's vocabulary and merges, as ``clip/simple_tokenizer.py`` builds them."""
    with gzip.open(bpe_path or clip_bpe_path()) as fh:
        lines = fh.read().decode("utf-8").split("\n")
    merges = [tuple(line.split()) for line in lines[1:CLIP_NUM_MERGES + 1]]
    symbols = list(_bytes_to_unicode().values())
    tokens = symbols + [s + "</w>" for s in symbols] + ["".join(m) for m in merges] + [BOS_TOKEN, EOS_TOKEN]
    vocab = {token: i for i, token in enumerate(tokens)}
    if len(vocab) != CLIP_VOCAB_SIZE:
        raise ModelSourceError("base_model", f"CLIP vocabulary has {len(vocab)} tokens, expected {CLIP_VOCAB_SIZE}")
    return vocab, merges


def write_clip_tokenizer(folder: Path) -> None:
    """Write the files of SD 1.5's ``tokenizer/`` folder (vocab.json, merges.txt, configs)."""
    vocab, merges = clip_vocab_and_merges()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "merges.txt").write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges), encoding="utf-8")
    special = {"bos_token": BOS_TOKEN, "eos_token": EOS_TOKEN, "unk_token": EOS_TOKEN, "pad_token": EOS_TOKEN}
    (folder / "special_tokens_map.json").write_text(json.dumps(special, indent=2))
    config = {
        "tokenizer_class": "CLIPTokenizer",
        "model_max_length": MAX_TEXT_POSITIONS,
        "do_lower_case": True,
        "errors": "replace",
        "add_prefix_space": False,
        **special,
    }
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2))


# 2. Models ----------------------------------------------------------------------------------------


def _tiny_unet():
    from diffusers import UNet2DConditionModel

    return UNet2DConditionModel(
        sample_size=8,  # default 64x64 images (SD 1.5: 64 -> 512)
        in_channels=4,
        out_channels=4,
        down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
        mid_block_type="UNetMidBlock2DCrossAttn",
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
        block_out_channels=UNET_CHANNELS,
        layers_per_block=1,
        attention_head_dim=8,  # diffusers' name for SD 1.5's 8 heads
        cross_attention_dim=TEXT_HIDDEN,
        norm_num_groups=NORM_GROUPS,
        norm_eps=1e-5,
        act_fn="silu",
        flip_sin_to_cos=True,
        freq_shift=0,
        downsample_padding=1,
        mid_block_scale_factor=1,
    )


def _tiny_vae():
    from diffusers import AutoencoderKL

    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        block_out_channels=VAE_CHANNELS,
        layers_per_block=1,
        act_fn="silu",
        latent_channels=4,
        norm_num_groups=NORM_GROUPS,
        sample_size=64,
        scaling_factor=0.18215,
    )


def _tiny_text_encoder():
    from transformers import CLIPTextConfig, CLIPTextModel

    config = CLIPTextConfig(
        vocab_size=CLIP_VOCAB_SIZE,
        hidden_size=TEXT_HIDDEN,
        intermediate_size=4 * TEXT_HIDDEN,
        num_hidden_layers=2,
        num_attention_heads=4,
        max_position_embeddings=MAX_TEXT_POSITIONS,
        hidden_act="quick_gelu",
        layer_norm_eps=1e-5,
        projection_dim=TEXT_HIDDEN,
        bos_token_id=CLIP_VOCAB_SIZE - 2,
        eos_token_id=CLIP_VOCAB_SIZE - 1,
        pad_token_id=1,
    )
    return CLIPTextModel(config)


def build_tiny_sd15(path: Path, seed: int = 0) -> Path:
    """Write a tiny SD1.5-shaped ``StableDiffusionPipeline`` to ``path`` (diffusers layout).

    Each component is initialised under its own seed (``seed``, ``seed + 1``, ``seed + 2``), so
    the same seed gives byte-identical weight files. No safety checker, no feature extractor.
    """
    from diffusers import PNDMScheduler, StableDiffusionPipeline
    from transformers import CLIPTokenizer

    path = Path(path)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        unet = _tiny_unet()
        torch.manual_seed(seed + 1)
        vae = _tiny_vae()
        torch.manual_seed(seed + 2)
        text_encoder = _tiny_text_encoder()
    with tempfile.TemporaryDirectory() as tmp:
        write_clip_tokenizer(Path(tmp))
        tokenizer = CLIPTokenizer.from_pretrained(tmp)
    pipe = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=PNDMScheduler.from_config(SD15_SCHEDULER_CONFIG),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(path, safe_serialization=True)
    # save_pretrained writes a tokenizer.json; keep SD 1.5's layout (the OpenAI vocab/merges) instead.
    shutil.rmtree(path / "tokenizer")
    write_clip_tokenizer(path / "tokenizer")
    _write_manifest(path, name="tiny-sd15", seed=seed)
    logger.info("built tiny SD 1.5 (seed %d) at %s", seed, path)
    return path


def build_tiny_controlnet(path: Path, unet_path: Path, seed: int, conditioning: str) -> Path:
    """Write a tiny ControlNet for the UNet at ``unet_path`` (a diffusers ``unet/`` folder).

    Built as real ControlNets are: encoder weights copied from the UNet, plus a conditioning
    embedding (image -> latent grid) and output convolutions. Trained ControlNets have non-zero
    output convolutions and an embedding that carries the image; here the output convolutions are
    seeded small random values (not zeros) and the embedding gets variance-preserving (He) init
    (PyTorch's default init fades a signal through its 8 layers), so the condition image really
    changes the result. ``conditioning`` (openpose | canny | depth) names the role; all take RGB.
    """
    from diffusers import ControlNetModel, UNet2DConditionModel

    if conditioning not in CONDITIONINGS:
        raise ValueError(f"unknown conditioning {conditioning!r}; expected one of {CONDITIONINGS}")
    path = Path(path)
    unet = UNet2DConditionModel.from_pretrained(unet_path, dtype=torch.float32, use_safetensors=True)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        controlnet = ControlNetModel.from_unet(
            unet, conditioning_embedding_out_channels=CONTROLNET_EMBEDDING_CHANNELS, conditioning_channels=3)
        embedding = controlnet.controlnet_cond_embedding
        with torch.no_grad():
            for conv in [embedding.conv_in, *embedding.blocks]:
                torch.nn.init.kaiming_normal_(conv.weight, nonlinearity="relu")
                torch.nn.init.zeros_(conv.bias)
            torch.nn.init.kaiming_normal_(embedding.conv_out.weight, nonlinearity="linear")
            torch.nn.init.zeros_(embedding.conv_out.bias)
            for conv in [*controlnet.controlnet_down_blocks, controlnet.controlnet_mid_block]:
                torch.nn.init.normal_(conv.weight, std=0.05)
                torch.nn.init.zeros_(conv.bias)
    controlnet.save_pretrained(path, safe_serialization=True)
    _write_manifest(path, name=f"tiny-controlnet-{conditioning}", seed=seed, conditioning=conditioning)
    logger.info("built tiny %s ControlNet (seed %d) at %s", conditioning, seed, path)
    return path


def _write_manifest(path: Path, **fields) -> None:
    manifest = {"builder": "facechain.diffusion.tiny", "version": TINY_VERSION, **fields,
                "note": "random weights: makes noise, not faces"}
    (path / "facechain_tiny.json").write_text(json.dumps(manifest, indent=2) + "\n")


# 3. Cache -----------------------------------------------------------------------------------------


def tiny_model_path(name: str) -> Path:
    """The folder of built-in model ``name``, built on first use under
    ``cache_dir()/builtin/<name>-<version>``.

    Built in a temporary sibling folder and renamed into place, so the final folder is complete
    whenever it exists; when two processes race, the first rename wins and the other build (the
    same bytes) is discarded.
    """
    if name not in BUILTINS:
        raise NotFoundError(f"unknown builtin model {name!r}; known: {sorted(BUILTINS)}", param="source")
    root = cache_dir() / "builtin"
    final = root / f"{name}-{TINY_VERSION}"
    if final.is_dir():
        return final
    root.mkdir(parents=True, exist_ok=True)
    kind, seed, conditioning = BUILTINS[name]
    unet_path = tiny_model_path("tiny-sd15") / "unet" if kind == "controlnet" else None
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    tmp.chmod(0o755)  # mkdtemp makes it private; the cache may be shared
    try:
        if kind == "sd15":
            build_tiny_sd15(tmp, seed=seed)
        else:
            build_tiny_controlnet(tmp, unet_path, seed=seed, conditioning=conditioning)
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.is_dir():
                raise
            logger.info("%s was built concurrently by another process; using that build", name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


# 4. Single-file export (diffusers folder -> original LDM checkpoint) -----------------------------

# (LDM, diffusers) name pairs, after diffusers' scripts/convert_diffusers_to_original_stable_diffusion.py.
_UNET_FIXED = [
    ("time_embed.0", "time_embedding.linear_1"),
    ("time_embed.2", "time_embedding.linear_2"),
    ("input_blocks.0.0", "conv_in"),
    ("out.0", "conv_norm_out"),
    ("out.2", "conv_out"),
]
_UNET_RESNET = [
    ("in_layers.0", "norm1"), ("in_layers.2", "conv1"), ("out_layers.0", "norm2"),
    ("out_layers.3", "conv2"), ("emb_layers.1", "time_emb_proj"), ("skip_connection", "conv_shortcut"),
]
_VAE_RESNET = [("nin_shortcut", "conv_shortcut"), ("norm_out", "conv_norm_out"), ("mid.attn_1.", "mid_block.attentions.0.")]
_VAE_ATTN = [("norm.", "group_norm."), ("q.", "to_q."), ("k.", "to_k."), ("v.", "to_v."), ("proj_out.", "to_out.0.")]


def _unet_prefix_map(layers_per_block: int, num_blocks: int = 4) -> list[tuple[str, str]]:
    """(LDM prefix, diffusers prefix) for the UNet's blocks; ControlNets reuse the down half."""
    pairs = []
    n = layers_per_block
    for i in range(num_blocks):
        for j in range(n):
            pairs.append((f"input_blocks.{(n + 1) * i + j + 1}.0.", f"down_blocks.{i}.resnets.{j}."))
            if i < num_blocks - 1:
                pairs.append((f"input_blocks.{(n + 1) * i + j + 1}.1.", f"down_blocks.{i}.attentions.{j}."))
        for j in range(n + 1):
            pairs.append((f"output_blocks.{(n + 1) * i + j}.0.", f"up_blocks.{i}.resnets.{j}."))
            if i > 0:
                pairs.append((f"output_blocks.{(n + 1) * i + j}.1.", f"up_blocks.{i}.attentions.{j}."))
        if i < num_blocks - 1:
            pairs.append((f"input_blocks.{(n + 1) * (i + 1)}.0.op.", f"down_blocks.{i}.downsamplers.0.conv."))
            # an up block holding attentions puts its upsampler third
            pairs.append((f"output_blocks.{(n + 1) * i + n}.{1 if i == 0 else 2}.",
                          f"up_blocks.{i}.upsamplers.0."))
    pairs.append(("middle_block.1.", "mid_block.attentions.0."))
    for j in range(2):
        pairs.append((f"middle_block.{2 * j}.", f"mid_block.resnets.{j}."))
    return pairs


def _convert_unet(state: dict, layers_per_block: int) -> dict:
    prefixes = _unet_prefix_map(layers_per_block)
    out = {}
    for key, value in state.items():
        name = key
        for ldm, hf in _UNET_FIXED:
            if name.startswith(hf + "."):
                name = ldm + name[len(hf):]
        if "resnets" in name:
            for ldm, hf in _UNET_RESNET:
                name = name.replace(hf, ldm)
        for ldm, hf in prefixes:
            if name.startswith(hf):
                name = ldm + name[len(hf):]
        out[f"model.diffusion_model.{name}"] = value
    return out


def _convert_vae(state: dict, layers_per_block: int) -> dict:
    pairs = []
    for i in range(4):
        for j in range(layers_per_block):
            pairs.append((f"encoder.down.{i}.block.{j}.", f"encoder.down_blocks.{i}.resnets.{j}."))
        if i < 3:
            pairs.append((f"down.{i}.downsample.", f"down_blocks.{i}.downsamplers.0."))
            pairs.append((f"up.{3 - i}.upsample.", f"up_blocks.{i}.upsamplers.0."))
        for j in range(layers_per_block + 1):
            pairs.append((f"decoder.up.{3 - i}.block.{j}.", f"decoder.up_blocks.{i}.resnets.{j}."))
    for i in range(2):
        pairs.append((f"mid.block_{i + 1}.", f"mid_block.resnets.{i}."))
    out = {}
    for k, v in state.items():
        name = k
        if "resnets" in name:
            name = name.replace("conv_shortcut", "nin_shortcut")
        name = name.replace("conv_norm_out", "norm_out").replace("mid_block.attentions.0.", "mid.attn_1.")
        for ldm, hf in pairs:
            name = name.replace(hf, ldm)
        if "attn_1" in name:
            for ldm, hf in _VAE_ATTN:
                name = name.replace(hf, ldm)
            if name.endswith(("q.weight", "k.weight", "v.weight", "proj_out.weight")) and v.ndim == 2:
                v = v.reshape(*v.shape, 1, 1)  # LDM's VAE attention uses 1x1 convolutions
        out[f"first_stage_model.{name}"] = v
    return out


def export_single_file(model_dir: Path, out_file: Path) -> Path:
    """Write the UNet, VAE and text encoder of a diffusers SD 1.5 folder as one LDM-layout
    ``.safetensors`` file (``model.diffusion_model.*``, ``first_stage_model.*``,
    ``cond_stage_model.transformer.*``), loadable with ``from_single_file``."""
    from safetensors.torch import load_file, save_file

    model_dir, out_file = Path(model_dir), Path(out_file)

    def component(sub: str, weights: str) -> tuple[dict, dict]:
        config = json.loads((model_dir / sub / "config.json").read_text())
        return load_file(model_dir / sub / weights), config

    unet, unet_cfg = component("unet", "diffusion_pytorch_model.safetensors")
    vae, vae_cfg = component("vae", "diffusion_pytorch_model.safetensors")
    text, _ = component("text_encoder", "model.safetensors")
    state = {
        **_convert_unet(unet, unet_cfg["layers_per_block"]),
        **_convert_vae(vae, vae_cfg["layers_per_block"]),
        # LDM nests HF's CLIPTextModel keys under text_model. (transformers >= 5.6 saves them flat)
        **{"cond_stage_model.transformer." + (k if k.startswith("text_model.") else f"text_model.{k}"): v
           for k, v in text.items()},
    }
    out_file.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in state.items()}, out_file)
    return out_file


FACE_LORA_TARGETS = ("to_q", "to_k", "to_v", "to_out.0")


def random_face_lora(base, folder: Path, *, rank: int = 4, alpha: float = 4.0, seed: int = 0):
    """A facechain face LoRA folder for ``base`` with seeded random weights on every UNet attention
    projection, large enough to change an image by many grey levels (tests and benchmarks of
    LoRA loading, swapping and fusing; no training). Returns its ``LoraArtifact``."""
    import dataclasses

    import torch
    from peft import LoraConfig

    from facechain.diffusion.lora_io import LoraMetadata, save_lora

    unet = dataclasses.replace(base).load_pipeline().unet  # a private copy: no adapters injected
    gen = torch.Generator().manual_seed(seed)
    state = {}
    for name, module in unet.named_modules():
        if isinstance(module, torch.nn.Linear) and name.endswith(FACE_LORA_TARGETS):
            state[f"{name}.lora_A.weight"] = torch.randn(rank, module.in_features, generator=gen) \
                / module.in_features ** 0.5
            state[f"{name}.lora_B.weight"] = torch.randn(module.out_features, rank, generator=gen) * 0.3
    meta = LoraMetadata(kind="face", base_model_id=base.id, base_model_fingerprint=base.fingerprint,
                        rank=rank, alpha=alpha, steps=0, resolution=64)
    config = LoraConfig(r=rank, lora_alpha=alpha, target_modules=list(FACE_LORA_TARGETS))
    return save_lora(folder, state, None, meta, unet_lora_config=config.to_dict())
