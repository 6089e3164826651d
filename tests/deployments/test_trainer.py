"""The LoraTrainer deployment's durable runs, in-process (no Ray cluster): a job's checkpoints go
to the artifact store; a stream closed mid-run (the runner stopped, the job re-queued) stores the
state it reached; the next attempt restores it and ends with the uninterrupted run's LoRA, bit for
bit; an older attempt never overwrites a newer attempt's checkpoint. Preprocessing is replaced by
fixed training examples (the component handles are not called)."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
import torch

pytest.importorskip("ray.serve")

from safetensors.torch import load_file  # noqa: E402

import deployments.trainer as trainer_module  # noqa: E402
from deployments.trainer import CHECKPOINTS, CheckpointSink, LoraTrainer  # noqa: E402
from facechain.diffusion.lora_io import WEIGHTS_NAME  # noqa: E402
from facechain.diffusion.lora_training import TrainingExample, train_lora  # noqa: E402
from facechain.pipelines.train import TrainOutput  # noqa: E402
from servekit.loras import LORAS  # noqa: E402
from servekit.storage import ArtifactStore  # noqa: E402
from tests.conftest import SAME_PERSON  # noqa: E402

PARAMS = {"steps": 4, "learning_rate": 1e-3, "seed": 3}
GATE_STEP = 3


@pytest.fixture
def trainer(tiny_base, images, tmp_path, monkeypatch):
    examples = [TrainingExample(images[name], "a handsome man, smile") for name in SAME_PERSON]

    async def fixed_examples(photos, components, base, output_dir, params, *, progress, cancel,
                             checkpoint_every, on_checkpoint):
        cfg = params.lora_config(checkpoint_every).model_copy(update={"optimizer": "adamw"})

        def gated(report):  # step 3 of a run to be cut waits for the cut: no race with step 4
            progress(report)
            if report.step == GATE_STEP and gates:
                gates.pop()
                cancel.wait(30)

        artifact = await asyncio.to_thread(train_lora, examples, base, cfg, output_dir,
                                           metadata={"trigger": "a handsome man"},
                                           progress=gated, cancel=cancel,
                                           on_checkpoint=on_checkpoint)
        return TrainOutput(artifact=artifact, preprocess=SimpleNamespace(rejected=[]))

    gates: list[bool] = []
    monkeypatch.setattr(trainer_module, "atrain", fixed_examples)
    monkeypatch.setattr(trainer_module, "preprocess_report", lambda pre: {})
    instance = LoraTrainer.func_or_class.__new__(LoraTrainer.func_or_class)
    instance.components, instance.base = None, tiny_base
    instance.artifacts = ArtifactStore(tmp_path / "artifacts")
    instance.checkpoint_every, instance.stop_timeout_s = 2, 60.0
    instance.gates = gates
    return instance


def _spec(lora_id: str, **checkpoint) -> dict:
    spec = {"lora_id": lora_id, "photos": [], "params": PARAMS}
    if checkpoint:
        spec["checkpoint"] = checkpoint
    return spec


async def _consume(stream, stop_after_step: int | None = None) -> list[dict]:
    events = []
    async for event in stream:
        events.append(event)
        if event["event"] == "progress" and event["step"] == stop_after_step:
            await stream.aclose()  # what a cancelled handle call does to the replica's generator
            break
    return events


def _weights(artifacts: ArtifactStore, lora_id: str) -> dict[str, torch.Tensor]:
    return load_file(str(artifacts.path(LORAS, lora_id) / WEIGHTS_NAME))


def test_an_interrupted_job_resumes_from_its_stored_checkpoint_to_the_same_lora(trainer):
    artifacts = trainer.artifacts
    reference = asyncio.run(_consume(trainer.train(_spec("reference"))))
    assert reference[-1]["event"] == "result" and not artifacts.list(CHECKPOINTS)

    trainer.gates.append(True)
    first = asyncio.run(_consume(trainer.train(_spec("resumed", id="job1", attempt=1)), GATE_STEP))
    assert [e["step"] for e in first if e["event"] == "progress"] == [1, 2, 3]
    stored = artifacts.path(CHECKPOINTS, "job1")
    assert json.loads((stored / "state.json").read_text())["step"] == 3  # the cancel checkpoint
    assert json.loads((stored / "attempt.json").read_text()) == {"attempt": 1}
    assert not artifacts.exists(LORAS, "resumed")

    second = asyncio.run(_consume(trainer.train(_spec("resumed", id="job1", attempt=2))))
    assert [e["step"] for e in second if e["event"] == "progress"] == [4]
    assert second[-1]["event"] == "result" and second[-1]["steps"] == 4
    ref, res = _weights(artifacts, "reference"), _weights(artifacts, "resumed")
    assert ref.keys() == res.keys() and all(torch.equal(ref[k], res[k]) for k in ref)


def test_an_older_attempt_never_overwrites_a_newer_checkpoint(tmp_path):
    artifacts = ArtifactStore(tmp_path / "artifacts")
    folder = tmp_path / "work" / "step-000004"
    folder.mkdir(parents=True)
    (folder / "state.json").write_text('{"step": 4}')
    CheckpointSink(artifacts, "job1", attempt=2)(folder)
    older = tmp_path / "old" / "step-000006"
    older.mkdir(parents=True)
    (older / "state.json").write_text('{"step": 6}')
    stale = CheckpointSink(artifacts, "job1", attempt=1)
    stale(older)
    assert stale.saved == []
    assert artifacts.read_bytes(CHECKPOINTS, "job1", "state.json") == b'{"step": 4}'
    CheckpointSink(artifacts, "job1", attempt=3)(older)
    assert artifacts.read_bytes(CHECKPOINTS, "job1", "state.json") == b'{"step": 6}'
