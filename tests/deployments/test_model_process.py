"""deployments.components.setup_model_process: the model replicas' process setup."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ("import os; from deployments.components import setup_model_process as s; "
          "s(1); s(1); print(os.nice(0))")


@pytest.mark.parametrize("value", ["", "0", "7"])
def test_model_replicas_take_the_configured_niceness_once(value):
    start = os.nice(0)
    env = {**os.environ, "FACECHAIN_MODEL_NICENESS": value, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300, check=True).stdout.split()[-1]
    assert int(out) == max(start, int(value or 0))  # set once, never lowered, not stacked
