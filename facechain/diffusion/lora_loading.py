"""Loading one LoRA file into a diffusers pipeline as a named peft adapter.

Shared by the engine (its adapters and compiled slots) and the ONNX export (a LoRA set fused into
a private pipeline), so both read a file the same way: diffusers / kohya / WebUI files by path,
bare PEFT files with the ``adapter_config.json`` beside them, and :func:`hotswap_layout` saying
when one file may be copied into an adapter another file made.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facechain.diffusion.styles import lora_format, lora_state_dict
from facechain.errors import InvalidInputError

PEFT_CONFIG_NAME = "adapter_config.json"  # beside a PEFT adapter's weights: its LoraConfig
LORA_HEADER_KEY = "lora_adapter_metadata"  # diffusers: the LoraConfig in a safetensors header


def load_lora_file(pipe, path: Path, name: str, hotswap: bool = False) -> None:
    """Load one LoRA ``.safetensors`` file into ``pipe`` as adapter ``name``, with its alpha
    (``hotswap``: into the existing adapter ``name``, in place).

    diffusers and kohya/WebUI files are passed to ``load_lora_weights`` by path, as a plain
    pipeline loads them: diffusers then reads what only the file holds, the peft ``LoraConfig``
    in the safetensors header (rank *and* alpha; a state dict loses it and alpha == rank is
    assumed) and kohya's ``.alpha`` tensors. Bare PEFT files get ``unet.`` keys first; their alpha
    is in peft's ``adapter_config.json`` beside the file, if any.
    """
    if lora_format(path) != "peft":
        pipe.load_lora_weights(str(path.parent), weight_name=path.name, adapter_name=name,
                               local_files_only=True, use_safetensors=True, hotswap=hotswap)
        return
    state = lora_state_dict(path)
    config = peft_lora_config(path.parent / PEFT_CONFIG_NAME)
    if config is None:
        pipe.load_lora_weights(state, adapter_name=name, hotswap=hotswap)
        return
    unet_name = pipe.unet_name
    pipe.load_lora_into_unet(state, None, pipe.unet, adapter_name=name, _pipeline=pipe,
                             metadata={f"{unet_name}.{k}": v for k, v in config.items()},
                             hotswap=hotswap)


def hotswap_layout(path: Path) -> tuple | None:
    """What decides whether LoRA file ``path`` can be copied into an adapter another file made
    (diffusers ``hotswap=True``; peft's ``check_hotswap_configs_compatible`` and equal keys): its
    tensor names and shapes, its kohya ``.alpha`` values, the LoRA config in its header and a PEFT
    ``adapter_config.json`` beside it. Two files with equal layouts convert to equal peft configs,
    so the copy is exactly what an injection would have made. None: never hotswapped (text-encoder
    weights, which diffusers cannot hotswap, or an unreadable file, which the load reports)."""
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="pt", device="cpu") as f:
            keys = sorted(f.keys())
            if any(k.startswith(("text_encoder", "lora_te")) for k in keys):
                return None
            shapes = tuple((k, tuple(f.get_slice(k).get_shape())) for k in keys)
            alphas = tuple((k, float(f.get_tensor(k))) for k in keys if k.endswith(".alpha"))
            header = f.metadata() or {}
    except (SafetensorError, OSError, ValueError, TypeError):
        return None
    config = path.parent / PEFT_CONFIG_NAME
    peft_config = config.read_text() if lora_format(path) == "peft" and config.is_file() else None
    return shapes, alphas, header.get(LORA_HEADER_KEY), peft_config


def peft_lora_config(path: Path) -> dict[str, Any] | None:
    """The ``LoraConfig`` fields of a peft ``adapter_config.json`` (None when there is none);
    fields this peft does not know are dropped."""
    if not path.is_file():
        return None
    from dataclasses import fields

    from peft import LoraConfig

    try:
        raw = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise InvalidInputError(f"unreadable PEFT adapter config {path}: {exc}", param="lora") from exc
    if not isinstance(raw, dict) or raw.get("peft_type", "LORA") != "LORA":
        raise InvalidInputError(f"{path} is not a PEFT LoRA config", param="lora")
    known = {f.name for f in fields(LoraConfig)}
    return {k: v for k, v in raw.items() if k in known}


__all__ = ["LORA_HEADER_KEY", "PEFT_CONFIG_NAME", "hotswap_layout", "load_lora_file", "peft_lora_config"]
