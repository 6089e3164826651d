"""Accelerated backends on one machine: compiled vs eager, LoRA hotswap, ONNX vs torch.

Prints one JSON object (nothing asserted). On the built-in tiny SD 1.5 (CPU, fp32), so it
measures the code paths (inductor on small kernels, the LoRA slots, onnxruntime's session calls)
more than a real model's arithmetic; benchmarks/gpu.py has the full-size figures.

1. ``compiled``: an eager engine and a compiled one (``backend: compiled``, 2 LoRA slots), each on
   a base model of its own, with the same two random face LoRAs (rank 4 alpha 8, rank 8 alpha 4).
   Warm-up first (the compiled engine's compile time is reported as ``warmup_s``; inductor's FX
   graph cache in ``$TORCHINDUCTOR_CACHE_DIR`` makes a second run's warm-up much shorter). Then
   ``grey_levels_vs_eager``: the compiled image against the eager one (same LoRA, same seed). Then
   ``--repeats`` rounds, eager and compiled side by side in an order alternating per round, of one
   generate with LoRA A: medians, and ``speedup`` = eager / compiled.
2. ``hotswap``: activating the other adapter set (A -> B -> A ...) under the engine's lock, ms per
   swap (median): eager = peft ``set_adapters`` between loaded adapters; compiled = copying the
   LoRA's kept padded weights into a slot and setting the slot scalings. ``first_use_ms``: B's
   first activation (eager: loading it as a peft adapter; compiled: registering it and its first
   swap through diffusers ``hotswap=True``). ``recompiles`` after all of
   it (0 is the point of the slots).
3. ``onnx``: through ``facechain.diffusion.export`` / ``onnx_backend`` (``{"skipped": reason}``
   where they are not importable): export seconds, generate seconds of the onnx engine vs eager
   (no LoRA) and ``speedup``, and ``adapter_set_build`` seconds for one LoRA set, built and then
   cached.

    .venv/bin/python benchmarks/accelerate_bench.py [--size 64] [--steps 4] [--repeats 5]
        [--swaps 20] [--threads 1] [--skip-onnx]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from facechain.diffusion.base_model import load_base_model  # noqa: E402
from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest  # noqa: E402
from facechain.diffusion.tiny import random_face_lora  # noqa: E402

logger = logging.getLogger("accelerate_bench")

BASE = "builtin:tiny-sd15"
PROMPT = "a portrait of a beautiful woman, smile"


def fresh_base():
    return load_base_model(BASE, device="cpu")


def face_lora(folder: Path, *, rank: int, alpha: float, seed: int) -> Path:
    """A facechain face LoRA on every UNet attention projection, random weights."""
    return random_face_lora(fresh_base(), folder, rank=rank, alpha=alpha, seed=seed).path


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median(values: list[float], digits: int = 4) -> float:
    return round(statistics.median(values), digits)


def bench_compiled(args, loras: dict[str, AdapterRef]) -> tuple[dict, dict]:
    request = DiffusionRequest(prompt=PROMPT, steps=args.steps, width=args.size, height=args.size,
                               seed=0, adapters=(loras["a"],))
    eager = DiffusionEngine(fresh_base())
    compiled = DiffusionEngine(fresh_base(), backend={"backend": "compiled", "slots": 2,
                                                      "target_rank": 8})
    eager_warmup = timed(lambda: [eager(request), eager(request)])
    compiled_warmup = timed(lambda: [compiled(request), compiled(request)])  # compiles, then warm
    diff = np.abs(eager(request)[0].astype(np.int16) - compiled(request)[0].astype(np.int16))
    compiles_at_warmup = {c.network: c.compiles for c in compiled.compile_counters()}
    times: dict[str, list[float]] = {"eager": [], "compiled": []}
    for round_ in range(args.repeats):
        order = [("eager", eager), ("compiled", compiled)]
        for name, engine in order if round_ % 2 == 0 else order[::-1]:
            times[name].append(timed(lambda engine=engine: engine(request)))
    generate = {
        "size": args.size, "steps": args.steps, "repeats": args.repeats,
        "eager_s": median(times["eager"]), "compiled_s": median(times["compiled"]),
        "speedup": round(statistics.median(times["eager"]) / statistics.median(times["compiled"]), 3),
        "warmup_s": {"eager": round(eager_warmup, 2), "compiled": round(compiled_warmup, 2)},
        "compiles_at_warmup": compiles_at_warmup,
        "grey_levels_vs_eager": {"max": int(diff.max()), "mean": round(float(diff.mean()), 3)},
    }

    def swap_ms(engine: DiffusionEngine) -> tuple[float, float]:
        sets = [(loras["a"],), (loras["b"],)]
        with engine._lock:  # as a request activates its set
            first = timed(lambda: engine._activate(sets[1]))  # b's first use: load (+ first swap)
            seconds = [timed(lambda i=i: engine._activate(sets[i % 2])) for i in range(args.swaps)]
        return round(first * 1000, 3), round(statistics.median(seconds) * 1000, 3)

    (eager_first, eager_ms), (compiled_first, compiled_ms) = swap_ms(eager), swap_ms(compiled)
    hotswap = {"swaps": args.swaps, "eager_ms": eager_ms, "compiled_ms": compiled_ms,
               "first_use_ms": {"eager": eager_first, "compiled": compiled_first}}
    # a generate after each swap direction, then count: no recompiles expected
    for ref in ("b", "a", "b"):
        compiled(DiffusionRequest(**{**request.__dict__, "adapters": (loras[ref],)}))
    compiled(DiffusionRequest(**{**request.__dict__, "adapters": ()}))
    hotswap["slot_swaps"] = compiled._slots.swaps
    hotswap["recompiles"] = compiled.recompiles()
    return generate, hotswap


def bench_onnx(args, loras: dict[str, AdapterRef], tmp: Path) -> dict:
    try:
        from facechain.diffusion.export import export_onnx
        from facechain.diffusion.onnx_backend import adapter_set_build, apply_onnx_backend  # noqa: F401
    except ImportError as exc:
        return {"skipped": f"onnx export/backend not importable: {exc}"}
    request = DiffusionRequest(prompt=PROMPT, steps=args.steps, width=args.size, height=args.size, seed=0)
    build = tmp / "onnx"
    export_s = timed(lambda: export_onnx(fresh_base(), build))
    eager = DiffusionEngine(fresh_base())
    onnx = DiffusionEngine(fresh_base(), backend={"backend": "onnx", "build_dir": str(build)})
    eager(request)
    onnx(request)
    times: dict[str, list[float]] = {"torch": [], "onnx": []}
    for round_ in range(args.repeats):
        order = [("torch", eager), ("onnx", onnx)]
        for name, engine in order if round_ % 2 == 0 else order[::-1]:
            times[name].append(timed(lambda engine=engine: engine(request)))
    result = {
        "export_s": round(export_s, 2), "torch_s": median(times["torch"]), "onnx_s": median(times["onnx"]),
        "speedup": round(statistics.median(times["torch"]) / statistics.median(times["onnx"]), 3),
    }
    base, cache = fresh_base(), tmp / "adapter-sets"
    try:
        first = timed(lambda: adapter_set_build(base, [loras["a"]], cache))
        cached = timed(lambda: adapter_set_build(base, [loras["a"]], cache))
        result["adapter_set_build_s"] = {"build": round(first, 2), "cached": round(cached, 4)}
    except Exception as exc:  # the interface's adapter argument is the onnx side's to define
        result["adapter_set_build_s"] = {"error": f"{type(exc).__name__}: {exc}"}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--swaps", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--skip-onnx", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")
    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory(prefix="accelerate-bench-") as tmp:
        tmp = Path(tmp)
        loras = {"a": AdapterRef.face("a", face_lora(tmp / "a", rank=4, alpha=8, seed=1)),
                 "b": AdapterRef.face("b", face_lora(tmp / "b", rank=8, alpha=4, seed=2))}
        generate, hotswap = bench_compiled(args, loras)
        onnx = {"skipped": "--skip-onnx"} if args.skip_onnx else bench_onnx(args, loras, tmp)
    print(json.dumps({
        "machine": {"python": platform.python_version(), "torch": torch.__version__,
                    "cpus": os.cpu_count(), "threads": args.threads, "load_avg": os.getloadavg()[0]},
        "model": BASE, "compiled_vs_eager": generate, "hotswap": hotswap, "onnx_vs_torch": onnx,
    }, indent=2))


if __name__ == "__main__":
    main()
