"""deployments.process / setup_model_process: the model replicas' process priority."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ("import os, sys; from deployments.process import lower_priority as hook; "
          "from deployments.components import setup_model_process as s; "
          "first = hook(); assert 'torch' not in sys.modules; s(1); s(1); print(first, os.nice(0))")


def _run(value: str) -> tuple[int, int]:
    env = {**os.environ, "FACECHAIN_MODEL_NICENESS": value, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300, check=True).stdout.split()
    return int(out[-2]), int(out[-1])


@pytest.mark.parametrize("value", ["", "0", "7", "40"])
def test_model_replicas_take_the_configured_niceness_once(value):
    start = os.nice(0)
    wanted = max(start, min(19, int(value or 0)))
    # lower_priority sets it without importing torch; setup_model_process then changes nothing
    assert _run(value) == (wanted, wanted)  # set once, never lowered, not stacked, capped at 19
