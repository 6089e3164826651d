"""A request's ``scheduler``: its own variant and scheduler instance, the base pipeline untouched."""

from __future__ import annotations

import typing

import numpy as np
import pytest

from facechain.diffusion.engine import SCHEDULERS, DiffusionEngine, DiffusionRequest, SchedulerName
from facechain.errors import InvalidInputError

INIT = np.random.default_rng(0).integers(0, 256, (64, 64, 3), dtype=np.uint8)
MASK = np.zeros((64, 64), np.uint8)
MASK[16:48, 16:48] = 255


@pytest.fixture(scope="module")
def engine(tiny_base):
    return DiffusionEngine(tiny_base)


def test_the_names_match_the_classes():
    assert typing.get_args(SchedulerName) == tuple(SCHEDULERS)


def test_a_request_runs_with_the_scheduler_it_names(engine):
    base_scheduler = engine.pipe.scheduler
    inpaint = dict(prompt="a face", steps=4, width=64, height=64, seed=1, init_image=INIT,
                   mask_image=MASK, strength=0.5)
    [unipc] = engine(DiffusionRequest(**inpaint, scheduler="unipc"))
    variant = engine._variants[("inpaint", (), "unipc")]
    assert type(variant.scheduler).__name__ == "UniPCMultistepScheduler"
    assert variant.scheduler.num_inference_steps == 4, "the pipeline stepped this scheduler"
    [again] = engine(DiffusionRequest(**inpaint, scheduler="unipc"))
    engine(DiffusionRequest(**inpaint))
    assert engine.pipe.scheduler is base_scheduler, "the base pipeline's scheduler is never swapped"
    assert variant.scheduler is not base_scheduler and variant.unet is engine.pipe.unet
    assert variant.scheduler.config.beta_schedule == base_scheduler.config.beta_schedule
    assert np.abs(unipc.astype(int) - again).max() <= 1, "same seed, same scheduler"
    txt = dict(prompt="a face", steps=4, width=64, height=64, seed=1)
    [plain], [ddim] = engine(DiffusionRequest(**txt)), engine(DiffusionRequest(**txt, scheduler="ddim"))
    assert engine.pipe.scheduler is base_scheduler
    assert np.abs(plain.astype(int) - ddim).mean() > 0.05, "another scheduler, another image"


def test_an_unknown_scheduler_is_a_typed_error(engine):
    with pytest.raises(InvalidInputError, match="unknown scheduler") as err:
        engine(DiffusionRequest(prompt="a face", steps=2, width=64, height=64, scheduler="magic"))
    assert err.value.param == "scheduler"
