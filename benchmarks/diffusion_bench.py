"""Diffusion benchmarks: LoRA training, generation, adapter switching, LoRA loading, batching.

Prints one JSON object (no thresholds, nothing asserted). Runs on the built-in tiny SD 1.5 by
default, so the numbers measure the code paths (peft adapters, scheduler, VAE, engine lock and
batching) rather than a real model's arithmetic; ``--base-model`` points it at a real SD 1.5
folder or checkpoint (on CUDA in fp16 by default, the serving dtype).

1. Two face LoRAs (A: the three Obama fixtures, B: Biden) are trained with ``train_lora`` in a
   temp dir: steps/s of the optimizer loop only (model load, latent caching and saving excluded);
   the load of the training components is timed on its own.
2. One engine serves every request. After a warm-up, each round runs every measurement once, in
   an order rotated per round, so that a noisy machine affects all of them alike; each is
   reported as median and p90 over the rounds:
   - generation: seconds per image (one image per request, 10 steps, fixed seed) at each size
     with face LoRA A active, and at the first size without adapters;
   - adapter_switch: K requests alternating A,B,A,B (K switches: the engine is primed with B)
     vs K requests with A only (primed with A): extra seconds per switch, and that as a ratio
     to one generation;
   - lora_load: a request with an adapter the engine has never seen (a fresh copy of LoRA A on
     disk) minus the warm request that follows, and ``engine.stats.load_seconds`` of that load;
     the adapter is evicted again so every round starts from the same cache;
   - batching: ``run_batch`` over N compatible requests vs the same N as single calls.

    .venv/bin/python benchmarks/diffusion_bench.py [--device auto|cpu|cuda] [--threads 1]
        [--repeats 5] [--train-steps 10] [--base-model builtin:tiny-sd15]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from facechain.diffusion.base_model import load_base_model  # noqa: E402
from facechain.diffusion.engine import AdapterRef, DiffusionEngine, DiffusionRequest  # noqa: E402
from facechain.diffusion.lora_training import LoraTrainingConfig, TrainingExample, train_lora  # noqa: E402
from facechain.imageio import decode_image  # noqa: E402

logger = logging.getLogger("diffusion_bench")

FACES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "faces"
PROMPT = "a handsome man, smile, suit, portrait photo"
SEED = 1234


# -- helpers ------------------------------------------------------------------------------------

def summary(samples: list[float], digits: int = 4) -> dict:
    """Median and p90 (linear interpolation) of ``samples``, plus their count."""
    arr = np.asarray(samples, dtype=np.float64)
    return {"median": round(float(np.median(arr)), digits), "p90": round(float(np.percentile(arr, 90)), digits),
            "n": int(arr.size)}


def make_timer(device: torch.device) -> Callable[[Callable[[], object]], tuple[float, object]]:
    """``timer(fn) -> (seconds, result)``; synchronises CUDA before and after."""

    def sync() -> None:
        if device.type == "cuda":
            torch.cuda.synchronize(device)

    def timer(fn: Callable[[], object]) -> tuple[float, object]:
        sync()
        started = time.perf_counter()
        out = fn()
        sync()
        return time.perf_counter() - started, out

    return timer


def quiet_libraries() -> None:
    """No progress bars or info chatter on stderr: the JSON on stdout is the output."""
    import diffusers
    import transformers

    diffusers.utils.logging.set_verbosity_error()
    diffusers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    # expected here: several adapters in one UNet, evicting the adapter that was active
    warnings.filterwarnings("ignore", category=UserWarning, module=r"peft\.")


def machine_info(device: torch.device, base) -> dict:
    info = {
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "device": str(device),
        "dtype": str(base.dtype).removeprefix("torch."),
        "threads": torch.get_num_threads(),
        "base_model": base.id,
    }
    try:
        import diffusers
        import peft

        info.update(diffusers=diffusers.__version__, peft=peft.__version__)
    except ImportError:  # pragma: no cover - both are dependencies of the engine
        pass
    if device.type == "cuda":
        info["gpu"] = torch.cuda.get_device_name(device)
    return info


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not on every platform
        return None


# -- 1. training --------------------------------------------------------------------------------

def train_two_loras(base, config: LoraTrainingConfig, workdir: Path, timer) -> tuple[dict, Path, Path]:
    """Train LoRA A (Obama x3) and B (Biden); returns the "training" section and both folders."""
    images = {p.name: decode_image(p.read_bytes()) for p in sorted(FACES.glob("*.jpg"))}
    sets = {
        "A": [TrainingExample(images[n], c) for n, c in [
            ("obama.jpg", "a handsome man, smile, suit, indoors"),
            ("obama2.jpg", "a handsome man, smile, suit, flag"),
            ("obama3.jpg", "a handsome man, suit, smile")]],
        "B": [TrainingExample(images["biden.jpg"], "a mature man, smile, suit")],
    }
    # what train_lora loads before its first step, timed on its own (fresh copies, like training)
    load_seconds, components = timer(lambda: base.load_components())
    del components

    runs, paths, loop_steps, loop_seconds = {}, {}, 0, 0.0
    for name, examples in sets.items():
        stamps: list[float] = []
        wall, artifact = timer(lambda ex=examples, n=name, st=stamps: train_lora(
            ex, base, config, workdir / f"lora-{n}", metadata={"trigger": ex[0].caption.split(",")[0]},
            progress=lambda _p: st.append(time.perf_counter()), resume=False))
        info = artifact.metadata.extra["training"]
        steps = artifact.metadata.steps
        loop = steps / info["steps_per_second"]
        loop_steps += steps
        loop_seconds += loop
        runs[name] = {
            "examples": len(examples),
            "steps": steps,
            "resolution": artifact.metadata.resolution,
            "optimizer": info["optimizer"],
            "precision": info["precision"],
            "steps_per_s": round(info["steps_per_second"], 3),
            # steps 2..N from the progress callbacks (step 1 has no start stamp)
            "step_seconds": summary(np.diff(stamps).tolist()) if len(stamps) > 2 else None,
            "wall_seconds": round(wall, 3),
            "outside_loop_seconds": round(wall - loop, 3),  # load + latent/text caching + save
            "lora_file_bytes": artifact.weights_file.stat().st_size,
        }
        paths[name] = artifact.path
    section = {
        "steps_per_s": round(loop_steps / loop_seconds, 3),
        "load_components_seconds": round(load_seconds, 3),
        "rank": config.rank,
        "runs": runs,
        "note": "steps_per_s covers the optimizer loop only; outside_loop_seconds = wall - loop",
    }
    return section, paths["A"], paths["B"]


# -- 2. engine measurements ---------------------------------------------------------------------

class EngineBench:
    """The measurements; each method runs one round and returns its samples by name."""

    def __init__(self, engine: DiffusionEngine, timer, refs: dict[str, AdapterRef], workdir: Path, *,
                 sizes: list[int], steps: int, switch_requests: int, batch_size: int):
        self.engine, self.timer, self.refs, self.workdir = engine, timer, refs, workdir
        self.sizes, self.steps = sizes, steps
        self.k, self.n = switch_requests, batch_size
        self.load_round = 0

    def request(self, adapters: tuple[AdapterRef, ...], size: int | None = None, *, seed: int = SEED,
                steps: int | None = None, prompt: str = PROMPT) -> DiffusionRequest:
        size = size or self.sizes[0]
        return DiffusionRequest(prompt=prompt, adapters=adapters, steps=steps or self.steps, width=size,
                                height=size, seed=seed)

    def prime(self, ref: AdapterRef) -> None:
        """Leave ``ref`` as the active adapter set (a cheap 1-step request, untimed)."""
        self.engine(self.request((ref,), steps=1))

    def warm_up(self) -> None:
        for size in self.sizes:
            self.engine(self.request((self.refs["A"],), size))
        self.engine(self.request(()))
        self.engine(self.request((self.refs["B"],)))
        self.engine.run_batch([self.request((self.refs["A"],), seed=SEED + i) for i in range(self.n)])

    def generation(self) -> dict[str, float]:
        out = {}
        for size in self.sizes:
            out[f"lora_{size}px"], _ = self.timer(lambda s=size: self.engine(self.request((self.refs["A"],), s)))
        out[f"no_adapter_{self.sizes[0]}px"], _ = self.timer(lambda: self.engine(self.request(())))
        return out

    def adapter_switch(self) -> dict[str, float | list[float]]:
        a, b = self.refs["A"], self.refs["B"]
        loads = self.engine.stats.adapter_loads
        self.prime(b)
        alternating = [(a,), (b,)] * (self.k // 2) + [(a,)] * (self.k % 2)
        alt_each = [self.timer(lambda x=x: self.engine(self.request(x)))[0] for x in alternating]
        self.prime(a)
        same_each = [self.timer(lambda: self.engine(self.request((a,))))[0] for _ in range(self.k)]
        alt, same = sum(alt_each), sum(same_each)
        extra = (alt - same) / self.k
        return {"alternating_seconds": alt, "same_adapter_seconds": same,
                "extra_seconds_per_switch": extra, "ratio_to_generation": extra / (same / self.k),
                "alternating_request_seconds": alt_each, "same_adapter_request_seconds": same_each,
                "reloads": float(self.engine.stats.adapter_loads - loads)}

    def lora_load(self) -> dict[str, float]:
        self.load_round += 1
        folder = self.workdir / "loads" / f"copy-{self.load_round}"
        shutil.copytree(self.refs["A"].path, folder)
        ref = AdapterRef(name=f"face-fresh-{self.load_round}", path=folder)
        before = self.engine.stats.load_seconds
        first, _ = self.timer(lambda: self.engine(self.request((ref,))))
        load_stat = self.engine.stats.load_seconds - before
        warm, _ = self.timer(lambda: self.engine(self.request((ref,))))
        self.engine.evict(ref.name)
        shutil.rmtree(folder)
        return {"first_request_seconds": first, "warm_request_seconds": warm,
                "load_seconds_by_difference": first - warm, "engine_load_seconds": load_stat}

    def batching(self) -> dict[str, float]:
        a = self.refs["A"]
        requests = [self.request((a,), seed=SEED + 7 * i, prompt=f"{PROMPT}, variant {i}") for i in range(self.n)]
        sequential, singles = self.timer(lambda: [self.engine(r) for r in requests])
        batched, grouped = self.timer(lambda: self.engine.run_batch(requests))
        diff = max(int(np.abs(s[0].astype(np.int16) - g[0].astype(np.int16)).max())
                   for s, g in zip(singles, grouped))
        return {"sequential_seconds": sequential, "batch_seconds": batched,
                "sequential_images_per_s": self.n / sequential, "batch_images_per_s": self.n / batched,
                "batch_speedup": sequential / batched, "max_pixel_diff": float(diff)}


def run_rounds(bench: EngineBench, repeats: int) -> dict[str, dict[str, list[float]]]:
    """``repeats`` rounds of every measurement, the order rotated each round."""
    measures = {"generation": bench.generation, "adapter_switch": bench.adapter_switch,
                "lora_load": bench.lora_load, "batching": bench.batching}
    names = list(measures)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    for r in range(repeats):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            for key, value in measures[name]().items():  # a list: several samples of one round
                samples[name].setdefault(key, []).extend(value if isinstance(value, list) else [value])
        logger.info("round %d/%d done", r + 1, repeats)
    return samples


# -- main ---------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads (torch.set_num_threads)")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of the engine measurements")
    parser.add_argument("--base-model", default="builtin:tiny-sd15",
                        help="builtin:tiny-sd15, a local diffusers folder or .safetensors checkpoint")
    parser.add_argument("--dtype", default=None, help="weights dtype (default: fp16 on CUDA, fp32 on CPU)")
    parser.add_argument("--sizes", default="64,128", help="generation sizes in px, comma-separated")
    parser.add_argument("--steps", type=int, default=10, help="denoising steps per generation")
    parser.add_argument("--train-steps", type=int, default=10, help="optimizer steps per LoRA")
    parser.add_argument("--train-resolution", type=int, default=None,
                        help="training size (default: the base's native size, 64 px for tiny)")
    parser.add_argument("--optimizer", choices=["adamw", "adamw8bit"], default="adamw8bit",
                        help="adamw8bit (the training default) falls back to AdamW where bitsandbytes cannot run")
    parser.add_argument("--switch-requests", type=int, default=4, help="requests per adapter-switch block")
    parser.add_argument("--batch-size", type=int, default=4, help="requests per run_batch call")
    args = parser.parse_args()
    run_started = time.perf_counter()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("facechain").setLevel(logging.WARNING)
    quiet_libraries()
    torch.set_num_threads(args.threads)
    if args.device == "cuda" and not torch.cuda.is_available():
        parser.error("--device cuda, but torch sees no CUDA device")
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          "cpu" if args.device == "auto" else args.device)
    timer = make_timer(device)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    load_before = load_average()

    resolve_seconds, base = timer(lambda: load_base_model(args.base_model, device=device, dtype=args.dtype))
    with tempfile.TemporaryDirectory(prefix="diffusion-bench-") as tmp:
        workdir = Path(tmp)
        # 1. Training (before the engine exists: the engine's modules would share the machine)
        config = LoraTrainingConfig(max_steps=args.train_steps, optimizer=args.optimizer,
                                    resolution=args.train_resolution, seed=0)
        training, lora_a, lora_b = train_two_loras(base, config, workdir, timer)
        logger.info("trained LoRAs A and B: %.2f steps/s", training["steps_per_s"])

        # 2. Engine: base pipeline load, first adapter loads, warm-up
        pipeline_seconds, engine = timer(lambda: DiffusionEngine(base))
        refs = {"A": AdapterRef(name="face-A", path=lora_a), "B": AdapterRef(name="face-B", path=lora_b)}
        preload = {}
        for name, ref in refs.items():
            preload[name], _ = timer(lambda r=ref: engine.preload(r))
        bench = EngineBench(engine, timer, refs, workdir, sizes=sizes, steps=args.steps,
                            switch_requests=args.switch_requests, batch_size=args.batch_size)
        warm_seconds, _ = timer(bench.warm_up)
        logger.info("engine ready (warm-up %.1fs); %d rounds", warm_seconds, args.repeats)

        # 3. Rounds
        started = time.perf_counter()
        samples = run_rounds(bench, args.repeats)
        rounds_seconds = time.perf_counter() - started

    gen = samples["generation"]
    switch = samples["adapter_switch"]
    load = samples["lora_load"]
    batch = samples["batching"]
    result = {
        "benchmark": "diffusion",
        "machine": {**machine_info(device, base), "load_average_before": load_before,
                    "load_average_after": load_average()},
        "settings": {"repeats": args.repeats, "steps": args.steps, "sizes": sizes, "seed": SEED,
                     "guidance_scale": DiffusionRequest.guidance_scale, "scheduler": base.scheduler,
                     "switch_requests": args.switch_requests, "batch_size": args.batch_size},
        "setup": {"resolve_base_model_seconds": round(resolve_seconds, 3),
                  "engine_pipeline_load_seconds": round(pipeline_seconds, 3),
                  "warm_up_seconds": round(warm_seconds, 3), "rounds_seconds": round(rounds_seconds, 3),
                  "total_seconds": round(time.perf_counter() - run_started, 3)},
        "training": training,
        "generation": {f"seconds_per_image_{key}": summary(values) for key, values in gen.items()},
        "adapter_switch": {
            "extra_seconds_per_switch": summary(switch["extra_seconds_per_switch"]),
            "ratio_to_generation": summary(switch["ratio_to_generation"], 3),
            "alternating_block_seconds": summary(switch["alternating_seconds"]),
            "same_adapter_block_seconds": summary(switch["same_adapter_seconds"]),
            # every request of every round pooled: less sensitive to one noisy block
            "alternating_request_seconds": summary(switch["alternating_request_seconds"]),
            "same_adapter_request_seconds": summary(switch["same_adapter_request_seconds"]),
            "adapter_reloads": int(sum(switch["reloads"])),
            "note": (f"per round: {args.switch_requests} requests A,B,A,B... (primed with B: one switch "
                     f"each) minus {args.switch_requests} requests with A only (primed with A), per "
                     f"request; ratio = that / one A-only request; {sizes[0]} px"),
        },
        "lora_load": {
            "seconds_by_difference": summary(load["load_seconds_by_difference"]),
            "engine_stats_load_seconds": summary(load["engine_load_seconds"]),
            "first_request_seconds": summary(load["first_request_seconds"]),
            "warm_request_seconds": summary(load["warm_request_seconds"]),
            "first_ever_preload_seconds": {k: round(v, 4) for k, v in preload.items()},
            "note": ("a fresh copy of LoRA A on disk each round (page-cached: just written), evicted "
                     "afterwards; first_ever_preload: engine.preload of A and B at start-up, no generation"),
        },
        "batching": {
            "sequential_images_per_s": summary(batch["sequential_images_per_s"], 3),
            "batch_images_per_s": summary(batch["batch_images_per_s"], 3),
            "batch_speedup": summary(batch["batch_speedup"], 3),
            "sequential_seconds": summary(batch["sequential_seconds"]),
            "batch_seconds": summary(batch["batch_seconds"]),
            "max_pixel_diff_vs_single": int(max(batch["max_pixel_diff"])),
            "note": f"{args.batch_size} txt2img requests, same adapter set, different prompts and seeds, "
                    f"{sizes[0]} px; batch_speedup = sequential_seconds / batch_seconds",
        },
        "engine_stats": {"requests": engine.stats.requests, "adapter_loads": engine.stats.adapter_loads,
                         "adapter_hits": engine.stats.adapter_hits,
                         "adapter_evictions": engine.stats.adapter_evictions},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
