"""A user's first request does not wait for another user's generation, and batches never mix
adapters.

The Diffusion class as a replica runs it (Serve's real multiplexer given a replica context, the
real ``DiffusionEngine``) over a pipeline stand-in that steps until the test lets it finish and
calls ``callback_on_step_end`` as diffusers does. Checked: the multiplexed load path
(``_user_adapter``) and an eviction finish while a generation holds the pipeline, the adapter is
added between two of its steps and the generation's own adapter set is activated again before
its next step; every pipeline call of a ``serve.batch`` batch runs one adapter set.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch

pytest.importorskip("ray.serve")

from facechain.diffusion.engine import AdapterRef, DiffusionRequest, face_adapter_name  # noqa: E402
from servekit.loras import LORAS  # noqa: E402

from .replicas import diffusion_replica, write_lora  # noqa: E402

WAIT_S = 30.0  # generous bound for a thread to get scheduled on a loaded machine


class GatedPipe:
    """Steps until ``release`` is set (each step waits briefly on it); records adapter loads
    (with the step they happened after), the adapter set active at each step and every call's
    prompts and active set."""

    unet_name = "unet"

    def __init__(self):
        self.adapters: list[str] = []
        self.active: list[str] = []
        self.enabled = True
        self.release = threading.Event()
        self.running = threading.Event()
        self.step = -1
        self.loaded_at: dict[str, int] = {}  # adapter -> step of the running loop (-1: idle)
        self.active_per_step: list[list[str]] = []
        self.calls: list[tuple[list[str], list[str]]] = []  # (prompts, active adapters)

    def load_lora_weights(self, *args, adapter_name: str, hotswap: bool = False, **kwargs):
        assert (adapter_name in self.adapters) == hotswap
        self.loaded_at[adapter_name] = self.step if self.running.is_set() else -1
        if hotswap:  # a copy into an existing adapter: the active set stays
            return
        self.adapters.append(adapter_name)
        self.active = [adapter_name]  # as peft's inject_adapter does

    def delete_adapters(self, name):
        self.adapters.remove(name)

    def get_list_adapters(self):
        return {"unet": list(self.adapters)}

    def enable_lora(self):
        self.enabled = True

    def disable_lora(self):
        self.enabled = False

    def set_adapters(self, names, adapter_weights=None):
        assert all(n in self.adapters for n in names), (names, self.adapters)
        self.active = list(names)

    def __call__(self, *, num_inference_steps, callback_on_step_end=None, **kwargs):
        prompts = kwargs["prompt"] if isinstance(kwargs["prompt"], list) else [kwargs["prompt"]]
        self.calls.append((prompts, list(self.active) if self.enabled else []))
        self.running.set()
        try:
            for i in range(num_inference_steps):
                self.step = i
                self.active_per_step.append(list(self.active) if self.enabled else [])
                self.release.wait(0.002)
                if callback_on_step_end is not None:
                    callback_on_step_end(self, i, i, {})
                if i == num_inference_steps - 1 and not self.release.is_set():
                    self.release.wait(WAIT_S)
            n = len(prompts) * kwargs.get("num_images_per_prompt", 1)
            return SimpleNamespace(images=np.zeros((n, 8, 8, 3)))
        finally:
            self.running.clear()
            self.step = -1


class GatedBase:
    device = torch.device("cpu")

    def __init__(self):
        self.pipe = GatedPipe()

    def load_pipeline(self):
        return self.pipe


@pytest.fixture
def replica(monkeypatch, tmp_path):
    return diffusion_replica(monkeypatch, tmp_path, GatedBase())


def _loras(artifacts: Path, n: int) -> list[str]:
    ids = [f"lora{i:02d}" for i in range(n)]
    for lora_id in ids:
        write_lora(artifacts / LORAS / lora_id)
    return ids


def _request(replica, lora_id: str, steps: int = 1000, prompt: str = "p") -> DiffusionRequest:
    face = AdapterRef.face(lora_id, replica.artifacts.path(LORAS, lora_id))
    return DiffusionRequest(prompt=prompt, adapters=(face,), steps=steps, width=8, height=8)


async def _diffuse(replica, request: DiffusionRequest, model_id: str):
    from ray.serve.context import _RequestContext, _serve_request_context

    _serve_request_context.set(_RequestContext(multiplexed_model_id=model_id))
    return await replica.diffuse(request)


def test_a_first_request_loads_its_adapter_while_another_generation_runs(replica):
    busy, newcomer = _loras(Path(replica.artifacts.root), 2)
    pipe = replica.engine.pipe

    async def run():
        generation = asyncio.create_task(_diffuse(replica, _request(replica, busy), busy))
        assert await asyncio.to_thread(pipe.running.wait, WAIT_S)
        # the multiplexed load path of a request for another LoRA
        await asyncio.wait_for(replica._user_adapter(newcomer), WAIT_S)
        still_running = pipe.running.is_set()
        steps_when_loaded = pipe.step
        pipe.release.set()
        await asyncio.wait_for(generation, WAIT_S)
        return still_running, steps_when_loaded

    still_running, steps_when_loaded = asyncio.run(run())
    in_pipe = replica.engine.pipeline_adapter_name
    name, own = in_pipe(face_adapter_name(newcomer)), in_pipe(face_adapter_name(busy))
    assert still_running, "the load finished while the generation held the pipeline"
    assert 0 <= pipe.loaded_at[name] <= steps_when_loaded  # added between two steps
    loaded_after = pipe.loaded_at[name]
    # the generation's next steps ran with its own adapter again, never the newcomer
    assert all(active == [own] for active in pipe.active_per_step)
    assert len(pipe.active_per_step) > loaded_after + 1
    assert set(replica._multiplexed()) == {busy, newcomer}
    assert face_adapter_name(newcomer) in replica.engine.held_adapters()


def test_an_eviction_does_not_wait_for_a_running_generation(replica):
    busy, other = _loras(Path(replica.artifacts.root), 2)
    pipe = replica.engine.pipe

    async def run():
        await replica._user_adapter(other)
        generation = asyncio.create_task(_diffuse(replica, _request(replica, busy), busy))
        assert await asyncio.to_thread(pipe.running.wait, WAIT_S)
        evicted = await asyncio.wait_for(replica.evict(other), WAIT_S)
        still_running = pipe.running.is_set()
        pipe.release.set()
        await asyncio.wait_for(generation, WAIT_S)
        return evicted, still_running

    evicted, still_running = asyncio.run(run())
    assert evicted and still_running
    assert face_adapter_name(other) not in replica.engine.loaded_adapters()
    own = replica.engine.pipeline_adapter_name(face_adapter_name(busy))
    assert all(active == [own] for active in pipe.active_per_step)


def test_a_batch_of_several_users_runs_one_adapter_set_per_pipeline_call(replica, monkeypatch):
    """Four concurrent txt2img requests of two users reach ``serve.batch`` together; the batch
    is split by adapter set, so no pipeline call mixes two users' adapters."""
    from ray import serve

    a, b = _loras(Path(replica.artifacts.root), 2)
    # serve.batch reads the replica's max_ongoing_requests when its queue is made
    monkeypatch.setattr(serve, "get_replica_context", lambda: SimpleNamespace(
        _deployment_config=SimpleNamespace(max_ongoing_requests=4)))
    # serve.batch keeps one queue per decorated method, bound to the event loop it was made on:
    # a fresh one on this test's loop, and the class-wide settings restored afterwards
    lazy = replica._batched.set_max_batch_size.__self__
    for attr in ("_queue", "max_batch_size", "batch_wait_timeout_s"):
        monkeypatch.setattr(lazy, attr, getattr(lazy, attr))
    lazy._queue = None
    replica.reconfigure({"max_batch_size": 4})
    replica._batched.set_batch_wait_timeout_s(WAIT_S)  # the batch waits for all four
    pipe = replica.engine.pipe
    pipe.release.set()  # no gating: every call runs its steps at once

    async def run():
        for lora_id in (a, b):  # loaded: the four requests then reach the batch together
            await replica._user_adapter(lora_id)
        jobs = [_diffuse(replica, _request(replica, lora_id, steps=2, prompt=f"{lora_id}-{k}"),
                         lora_id)
                for k, lora_id in enumerate((a, b, a, b))]
        return await asyncio.wait_for(asyncio.gather(*jobs), WAIT_S)

    results = asyncio.run(run())
    assert [len(r) for r in results] == [1, 1, 1, 1]
    assert pipe.calls, "the requests ran"
    for prompts, active in pipe.calls:
        users = {p.split("-")[0] for p in prompts}
        assert len(users) == 1
        assert active == [replica.engine.pipeline_adapter_name(face_adapter_name(users.pop()))]
    assert sorted(len(prompts) for prompts, _ in pipe.calls) == [2, 2]  # one batch, split by user
