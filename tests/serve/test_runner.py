"""The job runner in the Ingress replica, over a fake LoraTrainer handle: the event loop it shares
with the HTTP routes only awaits (uploads, the job store and housekeeping run in worker threads),
and a cancel requested through the store stops the running job."""

from __future__ import annotations

import asyncio
import threading

from serve.jobs import JobState, JobStore
from serve.runner import TRAIN_KIND, JobRunner
from servekit.storage import ArtifactStore

from .ingress_fakes import on_loop as _on_loop


class FakeTrainer:
    """``trainer.options(stream=True).train.remote(spec)``: one stage event, then nothing until
    the stream is cancelled."""

    def __init__(self):
        self.specs: list[dict] = []
        self.started = threading.Event()

    def options(self, **_):
        return self

    @property
    def train(self):
        return self

    def remote(self, spec):
        self.specs.append(spec)
        return self._stream()

    async def _stream(self):
        yield {"event": "stage", "stage": "preprocess+train"}
        self.started.set()
        await asyncio.Event().wait()  # training "runs" until cancelled


def test_a_requested_cancel_stops_the_job_and_blocking_work_stays_off_the_loop(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    artifacts = ArtifactStore(tmp_path / "artifacts")
    job = store.create(TRAIN_KIND, {"lora_id": "lora1", "train": {}})
    artifacts.put_bytes("uploads", job.id, "000_a.jpg", b"jpeg bytes")
    trainer = FakeTrainer()
    runner = JobRunner(store, artifacts, trainer, poll_s=0.01, heartbeat_s=0.01)

    on_loop: dict[str, list[bool]] = {}
    for name in ("path", "delete"):
        real = getattr(artifacts, name)

        def spy(*args, _real=real, _name=name):
            on_loop.setdefault(_name, []).append(_on_loop())
            return _real(*args)

        setattr(artifacts, name, spy)  # this instance only
    heartbeat = store.heartbeat

    def heartbeat_spy(job_id):
        on_loop.setdefault("heartbeat", []).append(_on_loop())
        return heartbeat(job_id)

    store.heartbeat = heartbeat_spy

    async def run() -> JobState:
        runner.start()
        for _ in range(3000):  # 30 s at most
            if trainer.started.is_set():
                break
            await asyncio.sleep(0.01)
        assert trainer.started.is_set(), "the job never reached the trainer"
        await asyncio.to_thread(store.request_cancel, job.id)
        state = JobState.RUNNING
        for _ in range(3000):
            state = (await asyncio.to_thread(store.get, job.id)).state
            if state != JobState.RUNNING and not runner._running:
                break
            await asyncio.sleep(0.01)
        await runner.stop()
        return state

    assert asyncio.run(run()) == JobState.CANCELLED
    assert trainer.specs[0]["photos"] == [("a.jpg", b"jpeg bytes")]
    assert artifacts.list("uploads") == []  # removed once the job ended
    for name in ("path", "delete", "heartbeat"):
        assert on_loop.get(name), f"{name} was not called"
        assert not any(on_loop[name]), f"{name} ran on the event loop"
