"""A caller that gives up stops its diffusion at the next denoising step.

Engine level: the real tiny pipeline, a ``cancel`` event set during step 2 of 50; the call raises
:class:`DiffusionCancelled` after 2 steps (counted as UNet calls) and the lock is free.
Deployment level: the Diffusion class as a replica runs it (no Ray cluster), over a pipeline
stand-in that steps slowly and calls ``callback_on_step_end`` as diffusers does; the task awaiting
``diffuse`` is cancelled (what Serve does when the caller's request is cancelled or times out):
the worker thread stops within a step, the lock is freed, the next request runs; a batch stops
only when all its callers gave up.
"""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest
import torch

pytest.importorskip("ray.serve")

from facechain.diffusion.engine import DiffusionCancelled, DiffusionEngine, DiffusionRequest  # noqa: E402

from .replicas import diffusion_replica  # noqa: E402

STEP_S = 0.02


# -- engine ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tiny_base):
    return DiffusionEngine(tiny_base)


def _count_unet_calls(engine, monkeypatch, on_call=None) -> list[int]:
    calls: list[int] = []
    real = engine.pipe.unet.forward

    def forward(*args, **kwargs):
        calls.append(1)
        if on_call is not None:
            on_call(len(calls))
        return real(*args, **kwargs)

    monkeypatch.setattr(engine.pipe.unet, "forward", forward)
    return calls


def test_an_event_set_during_step_2_of_50_stops_the_call_after_2_steps(engine, monkeypatch):
    cancel = threading.Event()
    calls = _count_unet_calls(engine, monkeypatch,
                              on_call=lambda n: cancel.set() if n == 2 else None)
    request = DiffusionRequest(prompt="a face", steps=50, width=64, height=64, seed=1)
    before = engine.stats.cancelled
    with pytest.raises(DiffusionCancelled) as err:
        engine(request, cancel=cancel)
    assert err.value.steps == 2 and len(calls) == 2  # one UNet call per step (CFG batched)
    assert engine.stats.cancelled == before + 1
    assert not engine._lock.locked()
    calls.clear()
    [image] = engine(DiffusionRequest(prompt="a face", steps=3, width=64, height=64, seed=1),
                     cancel=threading.Event())  # an unset event changes nothing
    assert image.shape == (64, 64, 3) and len(calls) == 3


def test_an_event_set_before_the_call_runs_no_step(engine, monkeypatch):
    cancel = threading.Event()
    cancel.set()
    calls = _count_unet_calls(engine, monkeypatch)
    with pytest.raises(DiffusionCancelled) as err:
        engine(DiffusionRequest(prompt="a face", steps=5, width=64, height=64), cancel=cancel)
    assert err.value.steps == 0 and calls == []
    with pytest.raises(DiffusionCancelled):
        engine.run_batch([DiffusionRequest(prompt="a", steps=5, width=64, height=64),
                          DiffusionRequest(prompt="b", steps=5, width=64, height=64)], cancel=cancel)
    assert calls == [] and not engine._lock.locked()


def test_a_call_cancelled_mid_loop_leaves_the_next_result_unchanged(engine, monkeypatch):
    """The scheduler's per-call state (step index, multistep history) is reset by the next call."""
    request = DiffusionRequest(prompt="a face", steps=4, width=64, height=64, seed=3)
    [first] = engine(request)
    cancel = threading.Event()
    _count_unet_calls(engine, monkeypatch, on_call=lambda n: cancel.set() if n == 2 else None)
    with pytest.raises(DiffusionCancelled):
        engine(DiffusionRequest(prompt="other", steps=4, width=64, height=64), cancel=cancel)
    [again] = engine(request)
    np.testing.assert_array_equal(first, again)


# -- deployment --------------------------------------------------------------------------------


class SteppingPipe:
    """A diffusers stand-in whose loop takes STEP_S per step and calls ``callback_on_step_end``
    as diffusers does; records the steps run and whether a loop is running."""

    unet_name = "unet"

    def __init__(self):
        self.steps_run = 0
        self.running = threading.Event()
        self.finished = threading.Event()
        self.calls = 0

    def get_list_adapters(self):
        return {}

    def disable_lora(self):
        pass

    def __call__(self, *, num_inference_steps, callback_on_step_end=None, **kwargs):
        self.calls += 1
        self.finished.clear()
        self.running.set()
        try:
            for i in range(num_inference_steps):
                time.sleep(STEP_S)
                self.steps_run += 1
                if callback_on_step_end is not None:
                    callback_on_step_end(self, i, i, {})
            prompts = kwargs.get("prompt")
            n = len(prompts) if isinstance(prompts, list) else kwargs.get("num_images_per_prompt", 1)
            return SimpleNamespace(images=np.zeros((n, 8, 8, 3)))
        finally:
            self.running.clear()
            self.finished.set()


class SteppingBase:
    device = torch.device("cpu")

    def __init__(self):
        self.pipe = SteppingPipe()

    def load_pipeline(self):
        return self.pipe


@pytest.fixture
def replica(monkeypatch, tmp_path):
    return diffusion_replica(monkeypatch, tmp_path, SteppingBase(), multiplexed=False)


def _request(steps: int, prompt: str = "p") -> DiffusionRequest:
    return DiffusionRequest(prompt=prompt, steps=steps, width=8, height=8)


async def _wait_for(predicate, timeout_s: float = 5.0) -> float:
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > timeout_s:
            raise AssertionError("timed out")
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


def test_cancelling_the_awaiting_task_stops_the_engine_thread_within_a_step(replica):
    pipe = replica.engine.pipe

    async def run():
        task = asyncio.create_task(replica.diffuse(_request(500)))
        await _wait_for(lambda: pipe.steps_run >= 2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        stopped_after = await asyncio.to_thread(pipe.finished.wait, 5.0) and pipe.steps_run
        waited = await _wait_for(lambda: not replica.engine._lock.locked())
        # the next request runs at once, to the end
        result = await asyncio.wait_for(replica.diffuse(_request(3)), timeout=5)
        return stopped_after, waited, result

    stopped_after, waited, result = asyncio.run(run())
    assert 2 <= stopped_after <= 4, "the loop stopped within a step of the cancel"
    assert waited < 10 * STEP_S
    assert len(result) == 1 and replica.engine.stats.cancelled == 1
    assert replica.engine.pipe.steps_run == stopped_after + 3


def test_a_request_cancelled_while_waiting_for_the_lock_never_runs(replica):
    pipe = replica.engine.pipe

    async def run():
        first = asyncio.create_task(replica.diffuse(_request(30)))
        await _wait_for(lambda: pipe.steps_run >= 1)
        second = asyncio.create_task(replica.diffuse(_request(500)))
        await asyncio.sleep(0.05)  # queued on the engine lock in its worker thread
        second.cancel()
        done = await asyncio.wait_for(first, timeout=10)
        await _wait_for(lambda: not replica.engine._lock.locked())
        return done

    done = asyncio.run(run())
    assert len(done) == 1 and pipe.calls == 1 and pipe.steps_run == 30


def test_a_batch_stops_only_when_every_caller_gave_up(replica, monkeypatch):
    from ray import serve

    # serve.batch reads the replica's max_ongoing_requests when its queue is made
    monkeypatch.setattr(serve, "get_replica_context", lambda: SimpleNamespace(
        _deployment_config=SimpleNamespace(max_ongoing_requests=4)))
    replica.reconfigure({"max_batch_size": 4})
    pipe = replica.engine.pipe

    async def run():
        a = asyncio.create_task(replica.diffuse(_request(40, "a")))
        b = asyncio.create_task(replica.diffuse(_request(40, "b")))
        await _wait_for(lambda: pipe.steps_run >= 2)
        a.cancel()
        kept = await asyncio.wait_for(b, timeout=10)  # b still wanted it: the batch ran on
        assert pipe.calls == 1 and pipe.steps_run == 40
        c = asyncio.create_task(replica.diffuse(_request(500, "c")))
        d = asyncio.create_task(replica.diffuse(_request(500, "d")))
        await _wait_for(lambda: pipe.steps_run >= 42)
        c.cancel()
        d.cancel()
        await asyncio.to_thread(pipe.finished.wait, 5.0)
        return kept

    kept = asyncio.run(run())
    assert len(kept) == 1
    assert pipe.calls == 2 and pipe.steps_run < 40 + 10, "the second batch stopped early"
