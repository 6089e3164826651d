"""The Diffusion deployment's adapter handling, without a Ray cluster.

The deployment class runs as it does in a replica: Serve's real multiplexer
(``ray.serve.multiplex``, given a replica context) and the real ``DiffusionEngine``, over a
recording stand-in for the diffusers pipeline (so a test loads a dozen LoRAs in milliseconds).
Checked: Serve's multiplexer is the one owner of user adapters (its cache and the engine agree,
whatever else the engine loads), eviction never waits on the engine lock on the event loop,
happens once and waits for a request that still uses the adapter, and the LoRA id of a request
routes to the adapter ``set_adapters`` activates.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch

pytest.importorskip("ray.serve")

from deployments.diffusion import (  # noqa: E402
    MAX_STYLE_ADAPTERS,
    MAX_USER_ADAPTERS,
    _UserAdapter,
)
from facechain.diffusion.engine import (  # noqa: E402
    AdapterRef,
    DiffusionEngine,
    DiffusionRequest,
    face_adapter_name,
)
from facechain.pipelines.generate import GenerateParams, adapters_for  # noqa: E402
from servekit.adapters import ServedComponents  # noqa: E402
from servekit.loras import LORAS  # noqa: E402
from servekit.storage import ArtifactStore  # noqa: E402

from .replicas import diffusion_replica, write_lora  # noqa: E402


class FakePipe:
    """What DiffusionEngine calls on a diffusers pipeline, recorded."""

    unet_name = "unet"

    def __init__(self):
        self.adapters: list[str] = []
        self.activated: list[list[str]] = []

    def load_lora_weights(self, *args, adapter_name: str, hotswap: bool = False, **kwargs):
        assert (adapter_name in self.adapters) == hotswap
        if hotswap:
            return
        self.adapters.append(adapter_name)

    def delete_adapters(self, name):
        self.adapters.remove(name)

    def get_list_adapters(self):
        return {"unet": list(self.adapters)}

    def enable_lora(self):
        pass

    def disable_lora(self):
        pass

    def set_adapters(self, names, adapter_weights=None):
        assert all(n in self.adapters for n in names), (names, self.adapters)
        self.activated.append(list(names))

    def __call__(self, **kwargs):
        n = kwargs.get("num_images_per_prompt", 1)
        return SimpleNamespace(images=np.zeros((n, kwargs.get("height", 8), kwargs.get("width", 8), 3)))


class FakeBase:
    device = torch.device("cpu")

    def load_pipeline(self):
        return FakePipe()


@pytest.fixture
def replica(monkeypatch, tmp_path):
    """A Diffusion instance as a replica builds it, on the fake base model."""
    return diffusion_replica(monkeypatch, tmp_path, FakeBase())


def _loras(artifacts: Path, n: int) -> list[str]:
    ids = [f"lora{i:02d}" for i in range(n)]
    for lora_id in ids:
        write_lora(artifacts / LORAS / lora_id)
    return ids


def _styles(root: Path, n: int) -> list[AdapterRef]:
    return [AdapterRef.style(f"s{i}", write_lora(root / f"style{i}"), 0.8) for i in range(n)]


async def _diffuse(replica, request: DiffusionRequest, model_id: str | None):
    from ray.serve.context import _RequestContext, _serve_request_context

    _serve_request_context.set(_RequestContext(multiplexed_model_id=model_id or ""))
    return await replica.diffuse(request)


def _agree(replica) -> None:
    """The multiplexer's cache and the engine hold exactly the same user adapters."""
    multiplexed = {face_adapter_name(i) for i in replica._multiplexed()}
    loaded_faces = {n for n in replica.engine.loaded_adapters() if n.startswith("face_")}
    assert multiplexed == set(replica.engine.held_adapters()) == loaded_faces


def test_multiplexer_and_engine_agree_on_the_user_adapters(replica, tmp_path):
    """More LoRAs than the multiplexer keeps, then one user going through more style LoRAs than
    both caches hold: the engine's own LRU (style adapters) never evicts a user adapter that the
    multiplexer still routes here."""
    ids = _loras(Path(replica.artifacts.root), MAX_USER_ADAPTERS + 4)
    styles = _styles(tmp_path / "styles", MAX_STYLE_ADAPTERS + MAX_USER_ADAPTERS + 1)

    def request(lora_id, *more):
        face = AdapterRef.face(lora_id, replica.artifacts.path(LORAS, lora_id), 0.9)
        return DiffusionRequest(prompt="p", adapters=(face, *more), width=8, height=8)

    async def run():
        for lora_id in ids:
            await _diffuse(replica, request(lora_id), lora_id)
            _agree(replica)
        for style in styles:
            await _diffuse(replica, request(ids[-1], style), ids[-1])
            _agree(replica)
        return list(replica._multiplexed())

    multiplexed = asyncio.run(run())
    assert multiplexed == ids[-MAX_USER_ADAPTERS:]  # LRU: the oldest went first
    assert len(replica.engine.held_adapters()) == MAX_USER_ADAPTERS
    assert len(replica.engine.loaded_adapters()) == MAX_USER_ADAPTERS + MAX_STYLE_ADAPTERS


def test_eviction_runs_once_and_never_on_the_event_loop(replica, monkeypatch):
    ids = _loras(Path(replica.artifacts.root), MAX_USER_ADAPTERS + 3)
    engine = replica.engine
    calls = []
    real_evict = engine.evict

    def spy(name):
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        calls.append((name, on_loop))
        return real_evict(name)

    monkeypatch.setattr(engine, "evict", spy)

    async def run():
        for lora_id in ids:
            await replica._user_adapter(lora_id)
        gc.collect()  # evicted adapters are collected (their __del__ runs again) on the loop

    asyncio.run(run())
    assert [name for name, _ in calls] == [face_adapter_name(i) for i in ids[:3]]  # once each
    assert not any(on_loop for _, on_loop in calls)
    _agree(replica)


def test_an_adapter_evicted_between_hand_over_and_use_stays_until_the_request_is_done(
        replica, monkeypatch):
    """A request got its adapter from the multiplexer and waits for the engine; meanwhile Serve
    evicts that adapter to load another LoRA. The eviction waits for the request (it never
    reloads the adapter behind the multiplexer's back), then frees it."""
    ids = _loras(Path(replica.artifacts.root), MAX_USER_ADAPTERS + 1)
    first, newcomer = ids[0], ids[-1]
    engine = replica.engine
    gate, gated = threading.Event(), threading.Event()
    run_engine = DiffusionEngine.__call__

    def gated_call(self, request, **kwargs):  # the request, in its worker thread, before the engine lock
        gated.set()
        if not gate.wait(30):
            raise TimeoutError("the test never opened the gate")
        return run_engine(self, request, **kwargs)

    monkeypatch.setattr(DiffusionEngine, "__call__", gated_call)

    async def until(condition, timeout_s):
        for _ in range(int(timeout_s / 0.01)):
            if condition():
                return True
            await asyncio.sleep(0.01)
        return condition()

    in_pipe: list[str] = []  # `first`'s adapter in the pipeline, before its eviction

    async def run():
        for lora_id in ids[:-1]:  # a full cache, `first` least recently used ...
            await replica._user_adapter(lora_id)
        face = AdapterRef.face(first, replica.artifacts.path(LORAS, first))
        request = DiffusionRequest(prompt="p", adapters=(face,), width=8, height=8)
        # ... until its request takes it (and moves it to the end): make it the LRU again
        use = asyncio.create_task(_diffuse(replica, request, first))
        assert await until(gated.is_set, 30)
        for lora_id in ids[1:-1]:
            await replica._user_adapter(lora_id)
        assert next(iter(replica._multiplexed())) == first
        in_pipe.append(engine.pipeline_adapter_name(face_adapter_name(first)))
        load = asyncio.create_task(replica._user_adapter(newcomer))  # evicts `first`
        # without the pin the eviction is done at once (nothing holds the engine lock)
        await until(load.done, 1.0)
        assert face_adapter_name(first) in engine.loaded_adapters()  # still there for `use`
        gate.set()
        images = await asyncio.wait_for(use, 30)
        await asyncio.wait_for(load, 30)
        return images

    try:
        images = asyncio.run(run())
    finally:
        gate.set()  # a failed check must not leave the request's thread waiting
    assert len(images) == 1
    assert engine.pipe.activated[-1] == in_pipe
    assert engine.stats.adapter_loads == MAX_USER_ADAPTERS + 1  # `first` was never loaded twice
    assert first not in replica._multiplexed() and newcomer in replica._multiplexed()
    _agree(replica)


def test_an_adapter_collected_on_the_loop_hands_eviction_to_a_thread(tmp_path):
    """Collected while a generation holds the engine lock: ``del`` returns at once, the adapter
    is evicted when the lock frees up."""
    engine = DiffusionEngine(FakeBase())
    ref = AdapterRef.face("x", write_lora(tmp_path / "x"))
    engine.preload(ref, hold=True)
    locked, release, timed_out = threading.Event(), threading.Event(), []

    def generation():  # holds the engine lock until the test says so (or 10 s pass)
        with engine._lock:
            locked.set()
            if not release.wait(10):
                timed_out.append(True)

    holder = threading.Thread(target=generation)
    holder.start()
    locked.wait(10)

    async def collect_on_loop():
        adapter = _UserAdapter(engine, ref)
        del adapter  # last reference: __del__ runs here, on the loop thread
        return not timed_out  # the lock is still held: del did not wait for it

    try:
        assert asyncio.run(collect_on_loop())
    finally:
        release.set()
        holder.join(15)
    assert not timed_out
    for _ in range(3000):  # the hand-off thread evicts once the lock is free (30 s at most)
        if not engine.loaded_adapters():
            break
        threading.Event().wait(0.01)
    assert engine.loaded_adapters() == [] and engine.held_adapters() == []


def test_delete_drops_the_lora_from_the_multiplexer_and_the_engine(replica):
    ids = _loras(Path(replica.artifacts.root), 3)

    async def run():
        for lora_id in ids:
            await replica._user_adapter(lora_id)
        assert await replica.evict(ids[1]) is True
        assert await replica.evict(ids[1]) is False  # already gone
        return list(replica._multiplexed())

    assert asyncio.run(run()) == [ids[0], ids[2]]
    _agree(replica)


class _Handle:
    """A DeploymentHandle stand-in that calls the replica with the routing it was given."""

    def __init__(self, replica, model_id: str = ""):
        self.replica, self.model_id, self.routed = replica, model_id, []
        self.diffuse = SimpleNamespace(remote=self._remote)

    def options(self, *, multiplexed_model_id: str):
        return _Handle(self.replica, multiplexed_model_id)

    async def _remote(self, request):
        return await _diffuse(self.replica, request, self.model_id)


def test_the_ingress_lora_id_routes_to_the_adapter_set_adapters_activates(replica, tmp_path):
    """The ingress builds the request from its own artifact store (its own mount of the same
    LoRA); the replica resolves the routed id in its store. The engine activates exactly the
    adapter the multiplexer loaded (one load), named for that LoRA id."""
    lora_id = _loras(Path(replica.artifacts.root), 1)[0]
    ingress_store = ArtifactStore(tmp_path / "ingress-mount")
    write_lora(ingress_store.root / LORAS / lora_id)
    artifact = SimpleNamespace(path=ingress_store.path(LORAS, lora_id))
    adapters = adapters_for(artifact, lora_id, None, GenerateParams())  # as agenerate builds them
    request = DiffusionRequest(prompt="p", adapters=adapters, width=8, height=8)
    components = ServedComponents(diffusion=_Handle(replica))

    images = asyncio.run(components.diffuse(request))
    assert len(images) == 1
    assert replica.engine.pipe.activated == [[replica.engine.pipeline_adapter_name(face_adapter_name(lora_id))]]
    assert list(replica._multiplexed()) == [lora_id]
    assert replica.engine.stats.adapter_loads == 1  # the multiplexer's load, no second copy
    _agree(replica)
