"""Admission by load (serve/limits.py ``Admission``): the gate itself (no Ray), its config, its
503 ``overloaded`` answer, and the ingress routes that hold a slot (the real FastAPI app, fake
handles): a full gate refuses before any file read or handle call; a slot is given back on
success, on error and when the request is cancelled."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace

import numpy as np
import pytest
from pydantic import ValidationError

from facechain.types import GenerateOutput, Portrait
from serve.errors import error_body, error_response
from serve.limits import Admission, AdmissionGate, OverloadedError

# -- the gate ------------------------------------------------------------------------------------


def test_a_full_gate_refuses_at_once_and_a_released_slot_is_free_again():
    async def scenario():
        gate = AdmissionGate("diffusion", 2, retry_after_s=3)
        await gate.acquire()
        await gate.acquire()
        with pytest.raises(OverloadedError) as refused:
            await gate.acquire()
        assert refused.value.retry_after_s == 3 and gate.in_flight == 2
        gate.release()
        await gate.acquire()  # the freed slot
        assert gate.in_flight == 2

    asyncio.run(scenario())


def test_waiters_get_slots_in_order_and_the_line_is_bounded():
    async def scenario():
        gate = AdmissionGate("diffusion", 1, max_waiting=2)
        await gate.acquire()
        order: list[str] = []

        async def wait(name):
            await gate.acquire()
            order.append(name)

        a, b = asyncio.create_task(wait("a")), asyncio.create_task(wait("b"))
        await asyncio.sleep(0)
        assert gate.waiting == 2
        with pytest.raises(OverloadedError):  # the line is full
            await gate.acquire()
        gate.release()
        await a
        gate.release()
        await b
        assert order == ["a", "b"] and gate.in_flight == 1 and gate.waiting == 0

    asyncio.run(scenario())


def test_the_limit_follows_the_running_replicas_of_the_class_deployment():
    async def grow():
        admission = Admission.from_args({"diffusion": 1, "talk": 1}, {"diffusion": 1})
        gate = admission.gates["diffusion"]
        await gate.acquire()
        waiter = asyncio.create_task(gate.acquire())
        await asyncio.sleep(0)
        assert gate.waiting == 1
        admission.scale({"Diffusion": 2, "Ingress": 1})  # the autoscaler added a replica
        await waiter  # handed the new slot at once
        assert (gate.limit, gate.in_flight, gate.waiting) == (2, 2, 0)
        assert admission.gates["talk"].limit == 1  # TalkingHead not named: unchanged

    async def shrink():
        admission = Admission.from_args({"diffusion": 1})
        gate = admission.gates["diffusion"]
        admission.scale({"Diffusion": 2})
        await gate.acquire()
        await gate.acquire()
        admission.scale({"Diffusion": 1})  # scaled down while both run: no new one admitted
        with pytest.raises(OverloadedError):
            await gate.acquire()
        gate.release()
        assert gate.in_flight == 1
        with pytest.raises(OverloadedError):
            await gate.acquire()
        gate.release()
        await gate.acquire()
        assert gate.in_flight == 1
        admission.scale({"Diffusion": 0})  # no replica running: still one slot, never zero
        assert gate.limit == 1

    asyncio.run(grow())
    asyncio.run(shrink())


def test_a_cancelled_waiter_leaves_the_line_and_leaks_no_slot():
    async def scenario():
        gate = AdmissionGate("diffusion", 1, max_waiting=1)
        await gate.acquire()
        waiter = asyncio.create_task(gate.acquire())
        await asyncio.sleep(0)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert gate.waiting == 0
        # handed the slot, then cancelled before it ran: the slot goes back
        granted = asyncio.create_task(gate.acquire())
        await asyncio.sleep(0)
        gate.release()  # -> granted's future
        granted.cancel()
        with pytest.raises(asyncio.CancelledError):
            await granted
        assert gate.in_flight == 0 and gate.waiting == 0
        await gate.acquire()
        assert gate.in_flight == 1

    asyncio.run(scenario())


def test_admission_slots_are_released_on_success_error_and_cancel():
    events: list[tuple[str, str, int]] = []
    admission = Admission.from_args({"diffusion": 1}, on_event=lambda *e: events.append(e))
    gate = admission.gates["diffusion"]

    async def scenario():
        async with admission.slot("diffusion"):
            assert gate.in_flight == 1
        with pytest.raises(RuntimeError):
            async with admission.slot("diffusion"):
                raise RuntimeError("boom")
        started = asyncio.Event()

        async def held():
            async with admission.slot("diffusion"):
                started.set()
                await asyncio.sleep(3600)

        task = asyncio.create_task(held())
        await started.wait()
        with pytest.raises(OverloadedError):
            async with admission.slot("diffusion"):
                pass
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with admission.slot("talk"):  # not gated
            pass

    asyncio.run(scenario())
    assert gate.in_flight == 0
    assert [e[1] for e in events] == ["admitted", "released"] * 2 + ["admitted", "rejected",
                                                                       "released"]
    assert events[-1] == ("diffusion", "released", 0) and events[-2][2] == 1


@pytest.mark.parametrize("concurrent,waiting", [
    ({"gpu": 1}, None), ({"diffusion": 0}, None), ({"diffusion": 1}, {"diffusion": -1}),
    ({"diffusion": 1}, {"talk": 1}),
])
def test_bad_admission_config_is_refused(concurrent, waiting):
    with pytest.raises(ValueError):
        Admission.from_args(concurrent, waiting)


def test_app_args_validate_the_gate():
    from serve.app import AppArgs

    args = AppArgs(max_concurrent={"diffusion": 2, "talk": 1}, max_waiting={"diffusion": 0})
    assert args.max_concurrent == {"diffusion": 2, "talk": 1}
    for bad in ({"max_concurrent": {"gpu": 1}}, {"max_concurrent": {"diffusion": 0}},
                {"max_waiting": {"talk": -1}}):
        with pytest.raises(ValidationError):
            AppArgs(**bad)


def test_overloaded_is_503_with_retry_after_in_the_error_shape():
    exc = OverloadedError("full", retry_after_s=2.5)
    status, body = error_body(exc)
    assert status == 503 and body["error"]["type"] == "overloaded"
    assert error_response(exc).headers["retry-after"] == "3"


def test_the_gate_events_become_metrics(monkeypatch):
    from servekit import metrics

    class Recorder:
        def __init__(self):
            self.calls = []

        def inc(self, value, tags=None):
            self.calls.append((value, tags))

        set = inc

    fake = {spec.name: Recorder() for spec in (metrics.ADMISSIONS, metrics.ADMISSION_IN_FLIGHT)}
    monkeypatch.setattr(metrics, "_objects", dict(fake))
    metrics.record_admission("diffusion", "rejected", 2)
    metrics.record_admission("diffusion", "released", 1)
    assert fake[metrics.ADMISSIONS.name].calls == [
        (1, {"class": "diffusion", "outcome": "rejected"})]
    assert fake[metrics.ADMISSION_IN_FLIGHT.name].calls == [
        (2, {"class": "diffusion"}), (1, {"class": "diffusion"})]


# -- the ingress routes --------------------------------------------------------------------------

serve_api = pytest.importorskip("ray.serve")
pytest.importorskip("fastapi.testclient")

from serve import ingress as ingress_module  # noqa: E402
from serve.schemas import GenerateRequest  # noqa: E402
from servekit.loras import LORAS  # noqa: E402

from .ingress_fakes import RecordingHandle, jpeg_bytes, served_ingress  # noqa: E402


@pytest.fixture
def gated(monkeypatch, tmp_path):
    """(client, instance, handles) of an ingress admitting 1 diffusion and 1 talk request; LoRA
    reads are counted."""
    handles: list[RecordingHandle] = []

    def make():
        handles.append(RecordingHandle())
        return handles[-1]

    with served_ingress(monkeypatch, tmp_path, make, max_concurrent={"diffusion": 1, "talk": 1},
                        max_waiting={"diffusion": 0}) as (client, instance):
        (instance.artifacts.root / LORAS / "local_alice").mkdir(parents=True)
        reads: list[str] = []
        artifact = SimpleNamespace(metadata=SimpleNamespace(kind="face", resolution=64))

        def read_lora(path):
            reads.append(str(path))
            return artifact

        monkeypatch.setattr(ingress_module, "read_lora", read_lora)
        yield SimpleNamespace(client=client, instance=instance, handles=handles, reads=reads)


GENERATE = {"lora_id": "alice", "num_images": 1, "top_k": 1, "steps": 2, "width": 64,
            "height": 64}


def _fill(instance, cls: str) -> None:
    asyncio.run(instance.admission.gates[cls].acquire())  # a slot held by "another request"


def _assert_overloaded(r) -> None:
    assert r.status_code == 503, r.text
    assert r.json()["error"]["type"] == "overloaded" and int(r.headers["retry-after"]) >= 1


@pytest.mark.parametrize("route", ["generate", "inpaint", "tryon", "talk"])
def test_a_full_gate_answers_503_before_reading_anything(gated, route):
    cls = "talk" if route == "talk" else "diffusion"
    _fill(gated.instance, cls)
    options = {"generate": None, "inpaint": '{"faces": [{"index": 0, "lora_id": "alice"}]}',
               "tryon": '{"lora_id": "alice"}', "talk": None}[route]
    if route == "generate":
        r = gated.client.post("/v1/generate", json=GENERATE)
    else:
        field = {"inpaint": "template", "tryon": "photo", "talk": "portrait"}[route]
        data = {"text": "hello there"} if route == "talk" else {"options": options}
        r = gated.client.post(f"/v1/{route}", files=[(field, ("a.jpg", jpeg_bytes(), "image/jpeg"))],
                              data=data)
    _assert_overloaded(r)
    assert not gated.reads and not any(h.calls for h in gated.handles)  # no file, no hop
    assert gated.instance.admission.gates[cls].in_flight == 1  # the refused one held nothing


def test_generate_holds_a_slot_until_it_answers_and_frees_it_on_error(gated, monkeypatch):
    release, entered = threading.Event(), threading.Event()
    image = np.full((8, 8, 3), 120, np.uint8)
    fail = {"now": False}

    async def fake_generate(lora, params, components, *, styles, pose, lora_id, template_faces):
        entered.set()
        while not release.is_set():
            await asyncio.sleep(0.01)
        if fail["now"]:
            raise ingress_module.InvalidInputError("bad", param="steps")
        return GenerateOutput(portraits=[Portrait(image, 0.9, 3)], dropped=[], prompt="p",
                              negative_prompt="n", seed=3)

    monkeypatch.setattr(ingress_module, "agenerate", fake_generate)
    gate = gated.instance.admission.gates["diffusion"]
    first: dict = {}
    worker = threading.Thread(target=lambda: first.update(r=gated.client.post(
        "/v1/generate", json=GENERATE)))
    worker.start()
    assert entered.wait(60)
    _assert_overloaded(gated.client.post("/v1/generate", json=GENERATE))
    assert len(gated.reads) == 1  # only the admitted request read its LoRA
    release.set()
    worker.join(60)
    assert first["r"].status_code == 200 and gate.in_flight == 0
    fail["now"] = True
    r = gated.client.post("/v1/generate", json=GENERATE)
    assert r.status_code == 400 and gate.in_flight == 0
    fail["now"] = False
    assert gated.client.post("/v1/generate", json=GENERATE).status_code == 200


def test_a_cancelled_generate_gives_its_slot_back(gated, monkeypatch):
    instance = gated.instance
    gate = instance.admission.gates["diffusion"]

    async def forever(*args, **kwargs):
        await asyncio.sleep(3600)

    # called directly, the route runs in Serve's copy of the Ingress class, with its own globals
    route = type(instance).generate
    namespace = route.__wrapped__.__globals__
    monkeypatch.setitem(namespace, "agenerate", forever)
    monkeypatch.setitem(namespace, "read_lora", ingress_module.read_lora)  # the fixture's fake
    who = instance.guard.admit({"type": "http", "path": "/v1/generate", "method": "POST",
                                "headers": [], "client": ("127.0.0.1", 1)})

    async def scenario():
        task = asyncio.create_task(route(instance, GenerateRequest(**GENERATE), who))
        for _ in range(6000):
            if gate.in_flight or task.done():
                break
            await asyncio.sleep(0.01)
        assert gate.in_flight == 1, task.done() and task.exception()
        task.cancel()  # what Serve does when the client goes away
        with pytest.raises(asyncio.CancelledError):
            await task
        assert gate.in_flight == 0

    asyncio.run(scenario())
