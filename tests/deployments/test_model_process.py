"""deployments.process / setup_model_process: the model replicas' process priority."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A thread started before lower_priority runs (as Ray's core threads are) is reniced too, and
# the process's main thread with it: niceness is per thread on Linux.
SCRIPT = ("import os, sys, threading; from deployments.process import lower_priority as hook, "
          "thread_niceness; from deployments.components import setup_model_process as s; "
          "ev = threading.Event(); t = threading.Thread(target=ev.wait); t.start(); "
          "first = threading.Thread(target=lambda: print(hook())); first.start(); first.join(); "
          "assert 'torch' not in sys.modules; s(1); s(1); "
          "print(len(set(thread_niceness(os.getpid()).values())), os.nice(0)); ev.set()")


def _run(value: str) -> tuple[int, int]:
    env = {**os.environ, "FACECHAIN_MODEL_NICENESS": value, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300, check=True).stdout.split()
    assert out[-2] == "1", out  # every thread at one niceness
    return int(out[-3]), int(out[-1])


@pytest.mark.parametrize("value", ["", "0", "7", "40"])
def test_model_replicas_take_the_configured_niceness_once(value):
    start = os.nice(0)
    wanted = max(start, min(19, int(value or 0)))
    # lower_priority sets it without importing torch; setup_model_process then changes nothing
    assert _run(value) == (wanted, wanted)  # set once, never lowered, not stacked, capped at 19


def test_sched_idle_moves_every_thread_to_the_idle_class():
    env = {**os.environ, "FACECHAIN_MODEL_NICENESS": "3", "FACECHAIN_MODEL_SCHED": "idle",
           "PYTHONPATH": str(ROOT)}
    script = ("import os, threading; from deployments.process import lower_priority; "
              "ev = threading.Event(); t = threading.Thread(target=ev.wait); t.start(); "
              "threading.Thread(target=lower_priority).start(); "
              "import time; time.sleep(0.5); "
              "print(sorted({os.sched_getscheduler(int(x)) for x in os.listdir('/proc/self/task')})); "
              "ev.set()")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=300, check=True).stdout.split("\n")[-2]
    assert out == f"[{os.SCHED_IDLE}]"
