"""GPU benchmark of the diffusion networks: one script, one JSON on stdout, at most ~8 minutes.

Full-size SD 1.5 UNet, ControlNet, VAE and CLIP text encoder with random weights in fp16, built
from the shipped configs (configs/diffusers/sd15, configs/diffusers/controlnet-sd15: the real
shapes, no weights needed). Measured, each where available (else listed under "skipped" with the
reason):

- it/s of one denoising step at 512 px (64x64 latent), 1 and 4 images: the UNet (and ControlNet +
  UNet) on the classifier-free-guidance batch (2 x images), for eager / torch.compile /
  onnxruntime (CUDA EP) / TensorRT;
- a LoRA hotswap on the compiled UNet (diffusers' ``enable_lora_hotswap`` + ``hotswap=True``):
  its seconds and whether the next step recompiled (dynamo's graph count);
- VAE decode seconds per call; text-encoder seconds;
- peak GPU memory per Diffusion replica kind (txt2img, txt2img + 1 ControlNet) at 4 images;
- the per-LoRA-set ONNX build (fuse + export + session load: an ``adapter_set_build`` cache
  miss; a hit is the session load);
- a whole 10-candidate generate job (StableDiffusionPipeline, 20 DPM-Solver steps, 512 px, CFG
  7, prompt embeddings from the text encoder: no tokenizer files needed), eager and with the
  onnxruntime UNet.

It imports only torch, diffusers, transformers, peft and onnxruntime (and ``tensorrt`` when
present), never Ray, FastAPI, dlib or MediaPipe, so it runs on a bare GPU host with diffusers and
this project carried as files (benchmarks/README.md has the command). ``--smoke`` (= ``--device
cpu --tiny``, two timed iterations) runs the same code on the tiny model on a CPU in seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere: the project is importable
    sys.path.insert(0, str(ROOT))

LORA_TARGETS = ("to_q", "to_k", "to_v", "to_out.0")


class Budget:
    """The wall-clock budget: optional sections are skipped (with that reason) once spent."""

    def __init__(self, seconds: float):
        self.start = time.perf_counter()
        self.seconds = seconds

    def left(self) -> float:
        return self.seconds - (time.perf_counter() - self.start)


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _its(fn, device, iters: int, warmup: int = 3) -> float:
    """Steps per second of ``fn()`` over ``iters`` timed calls after ``warmup``."""
    for _ in range(warmup):
        fn()
    _sync(device)
    started = time.perf_counter()
    for _ in range(iters):
        fn()
    _sync(device)
    return round(iters / (time.perf_counter() - started), 3)


# 1. Models -----------------------------------------------------------------------------------------


def build_models(device, dtype, tiny: bool) -> dict:
    """UNet, ControlNet, VAE, text encoder with random weights (seeded), placed and in eval."""
    import torch
    from diffusers import AutoencoderKL, ControlNetModel, UNet2DConditionModel

    torch.manual_seed(0)
    if tiny:
        from facechain.diffusion import tiny as t

        unet, vae, text = t._tiny_unet(), t._tiny_vae(), t._tiny_text_encoder()
        controlnet = ControlNetModel.from_unet(unet, conditioning_embedding_out_channels=t.CONTROLNET_EMBEDDING_CHANNELS)
    else:
        from transformers import CLIPTextConfig, CLIPTextModel

        from facechain.config import config_dir

        configs = config_dir() / "diffusers"
        with torch.device(device):  # initialise on the GPU: seconds instead of a minute on the CPU
            unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(configs / "sd15" / "unet"))
            vae = AutoencoderKL.from_config(AutoencoderKL.load_config(configs / "sd15" / "vae"))
            controlnet = ControlNetModel.from_config(ControlNetModel.load_config(configs / "controlnet-sd15"))
            text = CLIPTextModel(CLIPTextConfig.from_json_file(configs / "sd15" / "text_encoder" / "config.json"))
    models = {"unet": unet, "controlnet": controlnet, "vae": vae, "text_encoder": text}
    for module in models.values():
        module.to(device=device, dtype=dtype).eval().requires_grad_(False)
        if device.type == "cuda" and module is not text:
            module.to(memory_format=torch.channels_last)
    return models


def step_inputs(models: dict, images: int, latent: int, device, dtype) -> dict:
    import torch

    batch = 2 * images  # classifier-free guidance: conditional + unconditional
    gen = torch.Generator(device="cpu").manual_seed(images)
    unet = models["unet"]
    vae_scale = 2 ** (len(models["vae"].config.block_out_channels) - 1)
    return {
        "sample": torch.randn(batch, 4, latent, latent, generator=gen).to(device, dtype),
        "timestep": torch.full((batch,), 500.0, device=device),
        "encoder_hidden_states": torch.randn(batch, 77, unet.config.cross_attention_dim, generator=gen).to(device, dtype),
        "controlnet_cond": torch.rand(batch, 3, latent * vae_scale, latent * vae_scale, generator=gen).to(device, dtype),
    }


def _unet_step(unet, x):
    return lambda: unet(x["sample"], x["timestep"], x["encoder_hidden_states"], return_dict=False)[0]


def _controlnet_step(controlnet, unet, x):
    def step():
        down, mid = controlnet(x["sample"], x["timestep"], x["encoder_hidden_states"], x["controlnet_cond"],
                               conditioning_scale=1.0, return_dict=False)
        return unet(x["sample"], x["timestep"], x["encoder_hidden_states"], down_block_additional_residuals=down,
                    mid_block_additional_residual=mid, return_dict=False)[0]

    return step


# 2. Sections ---------------------------------------------------------------------------------------


def bench_backend(unet, controlnet, models, sizes, latent, device, dtype, iters) -> dict:
    out = {}
    for images in sizes:
        x = step_inputs(models, images, latent, device, dtype)
        out[f"unet_bs{images}_it_s"] = _its(_unet_step(unet, x), device, iters)
        out[f"controlnet_bs{images}_it_s"] = _its(_controlnet_step(controlnet, unet, x), device, iters)
    return out


def _graph_count() -> int:
    from torch._dynamo.utils import counters

    return int(counters["stats"]["unique_graphs"])


def bench_compiled(models, sizes, latent, device, dtype, iters) -> dict:
    import torch

    torch._dynamo.reset()
    unet = torch.compile(models["unet"], fullgraph=True)
    controlnet = torch.compile(models["controlnet"], fullgraph=True)
    out = {}
    for images in sizes:
        x = step_inputs(models, images, latent, device, dtype)
        started = time.perf_counter()
        _unet_step(unet, x)()
        _controlnet_step(controlnet, unet, x)()
        _sync(device)
        out[f"compile_bs{images}_s"] = round(time.perf_counter() - started, 2)
        out[f"unet_bs{images}_it_s"] = _its(_unet_step(unet, x), device, iters)
        out[f"controlnet_bs{images}_it_s"] = _its(_controlnet_step(controlnet, unet, x), device, iters)
    out["graphs_compiled"] = _graph_count()
    return out


def _random_lora(unet, rank: int, seed: int) -> dict:
    """A LoRA state dict (peft key layout, no prefix) on the UNet's attention projections."""
    import torch

    gen = torch.Generator(device="cpu").manual_seed(seed)
    p = next(unet.parameters())
    state = {}
    for name, m in unet.named_modules():
        if isinstance(m, torch.nn.Linear) and "attn" in name and name.endswith(LORA_TARGETS):
            state[f"{name}.lora_A.weight"] = (torch.randn(rank, m.in_features, generator=gen) / m.in_features ** 0.5).to(
                p.device, p.dtype)
            state[f"{name}.lora_B.weight"] = (torch.randn(m.out_features, rank, generator=gen) * 0.01).to(p.device,
                                                                                                          p.dtype)
    return state


def bench_lora_hotswap(models, latent, device, dtype, iters, compile_unet: bool) -> dict:
    """Load LoRA A (rank 8) into the UNet prepared for hotswap (target rank 16), compile, step,
    hotswap LoRA B (rank 4) in place, step: seconds of the swap and graphs compiled by it."""
    import torch

    unet = models["unet"]
    unet.enable_lora_hotswap(target_rank=16)
    unet.load_lora_adapter(_random_lora(unet, 8, 1), adapter_name="user", prefix=None)
    run = torch.compile(unet, fullgraph=True) if compile_unet else unet
    x = step_inputs(models, 1, latent, device, dtype)
    forward = _unet_step(run, x)

    def step():
        with torch.no_grad():
            return forward()
    step()
    _sync(device)
    before = _graph_count() if compile_unet else 0
    with_a = _its(step, device, iters, warmup=0)
    started = time.perf_counter()
    unet.load_lora_adapter(_random_lora(unet, 4, 2), adapter_name="user", prefix=None, hotswap=True)
    _sync(device)
    swap_s = time.perf_counter() - started
    started = time.perf_counter()
    step()
    _sync(device)
    first_after = time.perf_counter() - started
    out = {"hotswap_s": round(swap_s, 4), "first_step_after_swap_s": round(first_after, 4),
           "unet_bs1_it_s_with_lora": with_a, "compiled": compile_unet,
           "recompiled": (_graph_count() - before) > 0 if compile_unet else None}
    unet.unload_lora()
    return out


def bench_onnx(models, sizes, latent, device, dtype, iters, workdir: Path, keep: dict) -> dict:
    """Export the UNet and ControlNet (this project's exporter) and time them on onnxruntime."""
    import onnxruntime as ort

    from facechain.diffusion.export import BackendUnavailableError, export_modules, read_manifest
    from facechain.diffusion.onnx_backend import OnnxControlNet, OnnxUNet, OrtRunner

    if device.type == "cuda" and "CUDAExecutionProvider" not in ort.get_available_providers():
        raise BackendUnavailableError(f"onnxruntime {ort.__version__} has no CUDA EP here (providers: "
                                      f"{ort.get_available_providers()}): install onnxruntime-gpu",
                                      missing="onnxruntime-gpu")
    started = time.perf_counter()
    export_modules({"unet": models["unet"], "controlnet": models["controlnet"]}, workdir, dtype=dtype)
    export_s = time.perf_counter() - started
    manifest = read_manifest(workdir, "onnx")
    started = time.perf_counter()
    providers = ["CUDAExecutionProvider", "CPUExecutionProvider"] if device.type == "cuda" else ["CPUExecutionProvider"]
    nets = manifest["networks"]
    unet = OnnxUNet(OrtRunner(workdir / nets["unet"]["file"], nets["unet"], device, providers), nets["unet"],
                    dtype, device)
    controlnet = OnnxControlNet(OrtRunner(workdir / nets["controlnet"]["file"], nets["controlnet"], device, providers),
                                nets["controlnet"], dtype, device)
    load_s = time.perf_counter() - started
    keep["unet"] = unet  # for the generate job on this backend
    out = bench_backend(unet, controlnet, models, sizes, latent, device, dtype, iters)
    out.update(export_s=round(export_s, 2), session_load_s=round(load_s, 2), providers=providers,
               onnxruntime=ort.__version__)
    return out


def bench_lora_onnx_build(models, latent, device, dtype, workdir: Path) -> dict:
    """The per-adapter-set build (what ``adapter_set_build`` does on a cache miss): a copy of the
    UNet, a LoRA loaded and fused into it, exported, and its session loaded (a cache hit costs the
    session load only). On TensorRT the same file refits a refittable engine (export.refit_tensorrt)."""
    import copy

    import torch

    from facechain.diffusion.export import export_modules, read_manifest
    from facechain.diffusion.onnx_backend import OnnxUNet, OrtRunner

    started = time.perf_counter()
    unet = copy.deepcopy(models["unet"])
    unet.load_lora_adapter(_random_lora(unet, 8, 3), adapter_name="user", prefix=None)
    unet.fuse_lora(lora_scale=1.0)
    unet.unload_lora()
    fuse_s = time.perf_counter() - started
    started = time.perf_counter()
    export_modules({"unet": unet}, workdir, dtype=dtype)
    export_s = time.perf_counter() - started
    del unet
    entry = read_manifest(workdir, "onnx")["networks"]["unet"]
    providers = ["CUDAExecutionProvider", "CPUExecutionProvider"] if device.type == "cuda" else ["CPUExecutionProvider"]
    started = time.perf_counter()
    fused = OnnxUNet(OrtRunner(workdir / entry["file"], entry, device, providers), entry, dtype, device)
    with torch.no_grad():
        _unet_step(fused, step_inputs(models, 1, latent, device, dtype))()
    _sync(device)
    load_s = time.perf_counter() - started
    return {"fuse_s": round(fuse_s, 3), "export_s": round(export_s, 2), "session_load_and_first_step_s": round(load_s, 2),
            "cache_miss_s": round(fuse_s + export_s + load_s, 2), "cache_hit_s": round(load_s, 2)}


def bench_tensorrt(sizes, latent, device, dtype, iters, onnx_dir: Path, workdir: Path, models) -> dict:
    import torch

    from facechain.diffusion.export import build_tensorrt
    from facechain.diffusion.onnx_backend import OnnxControlNet, OnnxUNet, TensorRTRunner

    pixels = latent * 8
    started = time.perf_counter()
    manifest = build_tensorrt(onnx_dir, workdir, profiles=tuple((s, pixels, pixels) for s in sizes),
                              fp16=dtype == torch.float16)
    build_s = time.perf_counter() - started
    nets = manifest["networks"]
    unet = OnnxUNet(TensorRTRunner(workdir / nets["unet"]["file"], nets["unet"], device), nets["unet"], dtype, device)
    controlnet = OnnxControlNet(TensorRTRunner(workdir / nets["controlnet"]["file"], nets["controlnet"], device),
                                nets["controlnet"], dtype, device)
    out = bench_backend(unet, controlnet, models, sizes, latent, device, dtype, iters)
    out["build_s"] = round(build_s, 1)
    return out


def bench_vae_text(models, sizes, latent, device, dtype, iters) -> dict:
    import torch

    out = {}
    for images in sizes:
        z = torch.randn(images, 4, latent, latent).to(device, dtype)
        rate = _its(lambda z=z: models["vae"].decode(z, return_dict=False)[0], device, max(1, iters // 2), warmup=1)
        out[f"vae_decode_bs{images}_s"] = round(1 / rate, 4)
    ids = torch.randint(0, models["text_encoder"].config.vocab_size - 2, (2, 77), device=device)
    out["text_encoder_bs2_s"] = round(1 / _its(lambda: models["text_encoder"](ids), device, iters), 4)
    return out


def _weights_bytes(*modules) -> int:
    return sum(p.numel() * p.element_size() for m in modules for p in m.parameters())


def bench_peak_memory(models, latent, device, dtype) -> dict:
    """Weights + the peak of one 4-image step (CFG batch 8) + one 4-image VAE decode, per kind."""
    import torch

    if device.type != "cuda":
        return {"skipped": "no CUDA device: torch.cuda peak memory stats only"}
    kinds = {"diffusion_txt2img": ("unet", "vae", "text_encoder"),
             "diffusion_controlnet": ("unet", "vae", "text_encoder", "controlnet")}
    x = step_inputs(models, 4, latent, device, dtype)
    out = {}
    for kind, parts in kinds.items():
        torch.cuda.synchronize(device)
        base = torch.cuda.memory_allocated(device)
        torch.cuda.reset_peak_memory_stats(device)
        with torch.no_grad():
            if "controlnet" in parts:
                _controlnet_step(models["controlnet"], models["unet"], x)()
            else:
                _unet_step(models["unet"], x)()
            models["vae"].decode(torch.randn(4, 4, latent, latent).to(device, dtype), return_dict=False)
        torch.cuda.synchronize(device)
        activations = torch.cuda.max_memory_allocated(device) - base
        weights = _weights_bytes(*(models[p] for p in parts))
        out[kind] = {"weights_gib": round(weights / 2**30, 3), "activations_gib": round(activations / 2**30, 3),
                     "peak_gib": round((weights + activations) / 2**30, 3)}
    out["cuda_reserved_gib"] = round(torch.cuda.max_memory_reserved(device) / 2**30, 3)
    return out


def bench_generate_job(models, latent, device, dtype, candidates: int, steps: int, unet=None,
                       backend: str = "eager") -> dict:
    """One generate job's diffusion: ``candidates`` images in one pipeline call (as the engine
    batches them), prompt embeddings computed by the text encoder inside the timing."""
    import torch
    from diffusers import DPMSolverMultistepScheduler, StableDiffusionPipeline

    from facechain.diffusion.tiny import SD15_SCHEDULER_CONFIG

    pipe = StableDiffusionPipeline(vae=models["vae"], text_encoder=models["text_encoder"], tokenizer=None,
                                   unet=unet if unet is not None else models["unet"],
                                   scheduler=DPMSolverMultistepScheduler.from_config(SD15_SCHEDULER_CONFIG),
                                   safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    ids = torch.randint(0, models["text_encoder"].config.vocab_size - 2, (2, 77), device=device)
    pixels = latent * 8
    _sync(device)
    started = time.perf_counter()
    with torch.inference_mode():
        embeds = models["text_encoder"](ids)[0]
        images = pipe(prompt_embeds=embeds[:1], negative_prompt_embeds=embeds[1:], num_images_per_prompt=candidates,
                      num_inference_steps=steps, guidance_scale=7.0, width=pixels, height=pixels,
                      generator=torch.Generator(device="cpu").manual_seed(0), output_type="np").images
    _sync(device)
    seconds = time.perf_counter() - started
    return {"candidates": candidates, "steps": steps, "size": pixels, "seconds": round(seconds, 3),
            "images": list(images.shape), "backend": backend}


# 3. Main -------------------------------------------------------------------------------------------


def _optional(result: dict, name: str, budget: Budget, need_s: float, fn) -> None:
    """Run section ``fn`` unless the budget is short; a missing piece is recorded under "skipped",
    any other failure under "errors" (the GPU run is one shot: the other sections still report)."""
    from facechain.diffusion.export import BackendUnavailableError

    if budget.left() < need_s:
        result["skipped"][name] = f"time budget: {budget.left():.0f} s left, needs ~{need_s:.0f} s"
        return
    try:
        result[name] = fn()
    except (BackendUnavailableError, ImportError) as exc:
        result["skipped"][name] = str(getattr(exc, "message", exc))
    except Exception as exc:  # one failing section must not lose the others' figures
        result.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"[:2000]


def run(args) -> dict:
    import tempfile

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)  # onnxruntime sessions take the same count
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise SystemExit("no CUDA device: use --device cpu --tiny (or --smoke)")
    dtype = torch.float16 if device.type == "cuda" else torch.float32
    latent = 8 if args.tiny else 64
    sizes = (1, 4)
    iters = args.iters or (2 if args.tiny else 20)
    budget = Budget(args.budget_s)
    result: dict = {"device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
                    "torch": torch.__version__, "dtype": str(dtype).removeprefix("torch."),
                    "model": "tiny-sd15 (random weights)" if args.tiny else "SD 1.5 shapes (random weights)",
                    "size_px": latent * 8, "it_s": "denoising steps/s on the CFG batch (2 x images)", "skipped": {}}
    started = time.perf_counter()
    models = build_models(device, dtype, args.tiny)
    result["build_models_s"] = round(time.perf_counter() - started, 2)
    result["params_m"] = {k: round(sum(p.numel() for p in m.parameters()) / 1e6, 1) for k, m in models.items()}
    with torch.inference_mode():
        result["eager"] = bench_backend(models["unet"], models["controlnet"], models, sizes, latent, device, dtype,
                                        iters)
        result["vae_text"] = bench_vae_text(models, sizes, latent, device, dtype, iters)
        result["peak_memory"] = bench_peak_memory(models, latent, device, dtype)
    with tempfile.TemporaryDirectory(prefix="facechain-gpu-bench-") as tmp:
        onnx_dir = Path(tmp) / "onnx"
        onnx_modules: dict = {}
        with torch.inference_mode():
            _optional(result, "onnx", budget, 20 if args.tiny else 150,
                      lambda: bench_onnx(models, sizes, latent, device, dtype, iters, onnx_dir, onnx_modules))
            if "unet" in onnx_modules:
                _optional(result, "generate_job_onnx_unet", budget, 5 if args.tiny else 30,
                          lambda: bench_generate_job(models, latent, device, dtype, args.candidates, args.steps,
                                                     unet=onnx_modules["unet"], backend="onnx unet"))
            onnx_modules.clear()  # the sessions' GPU memory
            if device.type != "cuda":
                result["skipped"]["tensorrt"] = "TensorRT needs a CUDA device"
            elif "onnx" not in result:
                result["skipped"]["tensorrt"] = "no ONNX export to build engines from"
            else:
                _optional(result, "tensorrt", budget, 240,
                          lambda: bench_tensorrt(sizes, latent, device, dtype, iters, onnx_dir, Path(tmp) / "trt",
                                                 models))
    if args.no_compile:
        result["skipped"]["compiled"] = "--no-compile"
    else:
        with torch.inference_mode():
            _optional(result, "compiled", budget, 30 if args.tiny else 180,
                      lambda: bench_compiled(models, sizes, latent, device, dtype, iters))
    _optional(result, "lora_hotswap", budget, 10 if args.tiny else 120,
              lambda: bench_lora_hotswap(models, latent, device, dtype, iters, compile_unet=not args.no_compile))
    with torch.inference_mode():
        _optional(result, "generate_job", budget, 5 if args.tiny else 30,
                  lambda: bench_generate_job(models, latent, device, dtype, args.candidates, args.steps))
    with tempfile.TemporaryDirectory(prefix="facechain-gpu-bench-") as tmp:
        _optional(result, "lora_onnx_build", budget, 15 if args.tiny else 120,
                  lambda: bench_lora_onnx_build(models, latent, device, dtype, Path(tmp)))
    if "eager" in result and "onnx" in result:
        result["onnx_vs_eager_unet_bs1"] = round(result["onnx"]["unet_bs1_it_s"] / result["eager"]["unet_bs1_it_s"], 3)
    if "generate_job" in result and "generate_job_onnx_unet" in result:
        result["onnx_unet_vs_eager_generate_job"] = round(
            result["generate_job"]["seconds"] / result["generate_job_onnx_unet"]["seconds"], 3)
    if "eager" in result and "compiled" in result:
        result["compiled_vs_eager_unet_bs1"] = round(
            result["compiled"]["unet_bs1_it_s"] / result["eager"]["unet_bs1_it_s"], 3)
    result["total_s"] = round(time.perf_counter() - budget.start, 1)
    return result


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--tiny", action="store_true", help="the tiny model (64 px) instead of SD 1.5 shapes")
    parser.add_argument("--smoke", action="store_true", help="= --device cpu --tiny --no-compile, 2 iterations")
    parser.add_argument("--no-compile", action="store_true", help="skip torch.compile (hotswap runs eager)")
    parser.add_argument("--iters", type=int, default=None, help="timed steps per figure (default 20; tiny 2)")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for torch and onnxruntime")
    parser.add_argument("--candidates", type=int, default=10)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--budget-s", type=float, default=450.0,
                        help="optional sections are skipped once this much wall time is spent")
    args = parser.parse_args(argv)
    if args.smoke:
        args.device, args.tiny, args.no_compile = "cpu", True, True
        args.steps = min(args.steps, 3)
    return args


def main(argv=None) -> int:
    print(json.dumps(run(parse_args(argv)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
