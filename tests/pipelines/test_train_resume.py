"""Preprocess -> train, cut short and resumed from a copied checkpoint in a fresh folder (what a
re-queued served job does): preprocessing is deterministic, so the resumed run is recognised as
the same run and its LoRA equals an uninterrupted run's on the same training set, bit for bit."""

import shutil
import threading

import pytest
import torch
from safetensors.torch import load_file

from facechain.diffusion.lora_training import TrainingExample, train_lora
from facechain.errors import CancelledError
from facechain.pipelines.train import TrainParams, train
from facechain.types import Photo

from ..conftest import FACES, SAME_PERSON

pytestmark = pytest.mark.slow
PARAMS = TrainParams(steps=4, seed=7, learning_rate=1e-3)


def test_a_cut_run_resumed_elsewhere_equals_the_uninterrupted_run(local_components, tiny_base,
                                                                   tmp_path):
    photos = [Photo(n, (FACES / n).read_bytes()) for n in SAME_PERSON]
    durable, cancel, stored = tmp_path / "durable", threading.Event(), []

    def store(folder):
        stored.append(folder.name)
        shutil.rmtree(durable, ignore_errors=True)
        shutil.copytree(folder, durable)

    with pytest.raises(CancelledError):
        train(photos, tiny_base, tmp_path / "cut", PARAMS, local_components, cancel=cancel,
              checkpoint_every=2, on_checkpoint=store,
              progress=lambda r: cancel.set() if r.step == 3 else None)
    assert stored == ["step-000002", "step-000003"]  # every 2 steps, and on cancel
    shutil.copytree(durable, tmp_path / "fresh" / "checkpoints" / stored[-1])
    steps = []
    out = train(photos, tiny_base, tmp_path / "fresh", PARAMS, local_components,
                progress=lambda r: steps.append(r.step))
    assert steps == [4]  # the second preprocessing gave the same training set: resumed

    examples = [TrainingExample(s.image, s.caption) for s in out.preprocess.samples]
    full = train_lora(examples, tiny_base, PARAMS.lora_config(), tmp_path / "full")
    a, b = load_file(str(full.weights_file)), load_file(str(out.artifact.weights_file))
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
