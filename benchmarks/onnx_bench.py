"""ONNX backend on the tiny model, CPU: export time, a whole txt2img generate on torch vs
onnxruntime (apply_onnx_backend), and the per-LoRA-set build (adapter_set_build: cache miss =
fuse + export, cache hit = lookup) plus applying it. Prints one JSON.

    PYTHONPATH=. .venv/bin/python benchmarks/onnx_bench.py [--threads 1] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def _timed(fn, repeats: int) -> float:
    fn()  # warm-up (oneDNN primitives, ORT arenas)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return round(best, 4)


def random_lora(base, folder: Path, rank: int = 4) -> Path:
    """A seeded facechain LoRA folder on the UNet's attention projections (a face LoRA's shape)."""
    import torch
    from peft import LoraConfig

    from facechain.diffusion.lora_io import LoraMetadata, save_lora

    targets = ("to_q", "to_k", "to_v", "to_out.0")
    gen = torch.Generator().manual_seed(0)
    state = {}
    for name, m in base.load_pipeline().unet.named_modules():
        if isinstance(m, torch.nn.Linear) and "attn" in name and name.endswith(targets):
            state[f"{name}.lora_A.weight"] = torch.randn(rank, m.in_features, generator=gen) / m.in_features ** 0.5
            state[f"{name}.lora_B.weight"] = torch.randn(m.out_features, rank, generator=gen) * 0.3
    meta = LoraMetadata(kind="face", base_model_id=base.id, base_model_fingerprint=base.fingerprint, rank=rank,
                        alpha=float(rank), steps=0, resolution=64)
    save_lora(folder, state, None, meta, unet_lora_config=LoraConfig(r=rank, lora_alpha=rank,
                                                                     target_modules=list(targets)).to_dict())
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--images", type=int, default=4)
    args = parser.parse_args(argv)

    import numpy as np
    import torch

    from facechain.diffusion.base_model import load_base_model
    from facechain.diffusion.engine import AdapterRef
    from facechain.diffusion.export import export_onnx
    from facechain.diffusion.onnx_backend import adapter_set_build, apply_onnx_backend

    torch.set_num_threads(args.threads)
    base = load_base_model("builtin:tiny-sd15", device="cpu")
    out: dict = {"threads": args.threads, "steps": args.steps, "images": args.images, "size_px": 64}

    def generate(pipe):
        with torch.inference_mode():
            return pipe(prompt="a portrait", num_inference_steps=args.steps, guidance_scale=7.0, width=64, height=64,
                        num_images_per_prompt=args.images, generator=torch.Generator().manual_seed(0),
                        output_type="np").images

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        export_onnx(base, Path(tmp) / "base")
        out["export_s"] = round(time.perf_counter() - started, 2)
        torch_pipe = base.load_pipeline()
        onnx_pipe = base.load_pipeline()
        started = time.perf_counter()
        apply_onnx_backend(onnx_pipe, Path(tmp) / "base")
        out["apply_s"] = round(time.perf_counter() - started, 3)
        out["generate_torch_s"] = _timed(lambda: generate(torch_pipe), args.repeats)
        out["generate_onnx_s"] = _timed(lambda: generate(onnx_pipe), args.repeats)
        out["onnx_speedup"] = round(out["generate_torch_s"] / out["generate_onnx_s"], 3)
        out["max_abs_diff"] = float(np.abs(generate(torch_pipe) - generate(onnx_pipe)).max())

        ref = AdapterRef.face("bench", random_lora(base, Path(tmp) / "lora"), weight=0.9)
        started = time.perf_counter()
        build = adapter_set_build(base, [ref], Path(tmp) / "cache")
        out["adapter_set_build_miss_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        adapter_set_build(base, [ref], Path(tmp) / "cache")
        out["adapter_set_build_hit_s"] = round(time.perf_counter() - started, 4)
        started = time.perf_counter()
        apply_onnx_backend(onnx_pipe, build)  # the LoRA set's UNet over the base build
        out["apply_adapter_build_s"] = round(time.perf_counter() - started, 3)
        out["generate_onnx_with_lora_s"] = _timed(lambda: generate(onnx_pipe), args.repeats)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
