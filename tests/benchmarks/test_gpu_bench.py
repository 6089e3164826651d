"""benchmarks/gpu.py --smoke: the GPU benchmark's code on the tiny model on the CPU, in a fresh
interpreter where Ray, FastAPI, dlib and MediaPipe cannot be imported (the GPU hosts have none of
them), printing one JSON with every section measured or skipped with its reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKED = ("ray", "fastapi", "dlib", "mediapipe")

# None in sys.modules makes `import x` raise ImportError: any import of a blocked package fails.
GUARD = f"""
import runpy, sys
for name in {BLOCKED!r}:
    sys.modules[name] = None
sys.argv = ["benchmarks/gpu.py", "--smoke", "--threads", "1", "--iters", "1", "--candidates", "2"]
try:
    runpy.run_path("benchmarks/gpu.py", run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
loaded = sorted(n for n in sys.modules if n.split(".")[0] in {BLOCKED!r} and sys.modules[n] is not None)
assert not loaded, loaded
"""


@pytest.mark.slow
def test_gpu_bench_smoke_runs_without_ray():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", GUARD], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert "errors" not in result, result["errors"]
    assert result["device"] == "cpu" and result["model"].startswith("tiny-sd15")
    for section in ("eager", "onnx"):
        assert set(result[section]) >= {"unet_bs1_it_s", "unet_bs4_it_s", "controlnet_bs1_it_s", "controlnet_bs4_it_s"}
        assert all(v > 0 for k, v in result[section].items() if k.endswith("_it_s"))
    assert result["onnx"]["providers"] == ["CPUExecutionProvider"]
    assert result["lora_hotswap"]["hotswap_s"] > 0 and result["lora_hotswap"]["compiled"] is False
    assert result["lora_onnx_build"]["cache_miss_s"] > result["lora_onnx_build"]["cache_hit_s"] > 0
    assert result["generate_job"]["images"] == result["generate_job_onnx_unet"]["images"] == [2, 64, 64, 3]
    assert result["vae_text"]["vae_decode_bs4_s"] > 0
    # what did not run says why
    assert result["skipped"]["tensorrt"] == "TensorRT needs a CUDA device"
    assert result["skipped"]["compiled"] == "--no-compile"
    assert "skipped" in result["peak_memory"]
