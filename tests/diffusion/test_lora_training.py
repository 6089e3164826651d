"""LoRA training on the built-in tiny SD 1.5 model, with the fixture photos, at 64 px.

One reference run (module fixture) is compared against: a rerun with the same seed (identical
weights), a cancelled-then-resumed run (identical weights), plain diffusers loading (changes the
image, restores rank and alpha).
"""

from __future__ import annotations

import pickle
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from pydantic import ValidationError
from safetensors.torch import load_file, save_file

from facechain.diffusion.lora_io import (
    METADATA_NAME,
    WEIGHTS_NAME,
    LoraArtifact,
    check_compatible,
    common_tags,
    read_lora,
)
from facechain.diffusion.lora_training import (
    LoraTrainingConfig,
    TrainingExample,
    TrainingProgress,
    default_steps,
    examples_from_folder,
    train_lora,
)
from facechain.errors import (
    CancelledError,
    IncompatibleModelError,
    InvalidInputError,
    NotFoundError,
)
from tests.conftest import SAME_PERSON

STEPS = 4
CAPTIONS = ["a handsome man, smile, suit, indoors", "a handsome man, smile, suit, flag",
            "a handsome man, suit, smile"]
# lr 1e-3 (not 1e-4) so that four steps move the output measurably; alpha != rank on purpose
CONFIG = LoraTrainingConfig(max_steps=STEPS, rank=4, alpha=8, learning_rate=1e-3, optimizer="adamw")


@pytest.fixture(scope="module")
def examples(images):
    return [TrainingExample(images[name], caption) for name, caption in zip(SAME_PERSON, CAPTIONS)]


@pytest.fixture(scope="module")
def template(images):
    return images["obama.jpg"][40:140, 60:160].copy()


@pytest.fixture(scope="module")
def reference(tiny_base, examples, template, tmp_path_factory):
    """The reference run: (artifact, progress reports, wall seconds of the training call)."""
    reports: list[TrainingProgress] = []
    embedding = np.linspace(-1, 1, 128, dtype=np.float32)
    started = time.perf_counter()
    artifact = train_lora(examples, tiny_base, CONFIG, tmp_path_factory.mktemp("reference"),
                          metadata={"trigger": "a handsome man", "template_face": template,
                                    "template_embedding": embedding, "extra": {"person": "p1"}},
                          progress=reports.append)
    return artifact, reports, time.perf_counter() - started


def _weights(artifact: LoraArtifact) -> dict[str, torch.Tensor]:
    return load_file(str(artifact.weights_file))


def _same_weights(a: LoraArtifact, b: LoraArtifact) -> bool:
    wa, wb = _weights(a), _weights(b)
    return wa.keys() == wb.keys() and all(torch.equal(wa[k], wb[k]) for k in wa)


def _projections_without_gradient(tiny_base, resolution: int) -> set[str]:
    """``unet.<attention>.to_q`` / ``to_k`` of every UNet attention that attends over a single key
    at ``resolution`` (e.g. the mid block's self-attention over a 1x1 latent at 64 px): its
    softmax is 1 whatever q and k are, so their LoRA gets no gradient. Found from the key
    lengths of one forward pass at that size, i.e. from shapes only."""
    from diffusers.models.attention_processor import Attention

    parts = tiny_base.load_components()
    unet, vae, text_encoder = parts["unet"], parts["vae"], parts["text_encoder"]
    latent = resolution // 2 ** (len(vae.config.block_out_channels) - 1)
    keys: dict[str, int] = {}

    def record(name):
        def hook(module, args, kwargs):
            context = kwargs.get("encoder_hidden_states")
            keys[name] = (context if context is not None else args[0]).shape[1]
        return hook

    handles = [m.register_forward_pre_hook(record(n), with_kwargs=True)
               for n, m in unet.named_modules() if isinstance(m, Attention)]
    sample = torch.zeros(1, unet.config.in_channels, latent, latent)
    context = torch.zeros(1, text_encoder.config.max_position_embeddings, unet.config.cross_attention_dim)
    with torch.no_grad():
        unet(sample, 10, encoder_hidden_states=context)
    for handle in handles:
        handle.remove()
    assert keys and all(n.endswith(("attn1", "attn2")) for n in keys)
    return {f"unet.{n}.{p}" for n, k in keys.items() if k == 1 for p in ("to_q", "to_k")}


# -- training -----------------------------------------------------------------------------------

def test_reference_run_writes_a_complete_face_lora(reference, tiny_base, template):
    artifact, reports, seconds = reference
    assert [r.step for r in reports] == list(range(1, STEPS + 1))
    assert all(r.total_steps == STEPS and np.isfinite(r.loss) and r.loss > 0 for r in reports)
    assert reports[-1].eta_seconds == 0 and all(r.eta_seconds > 0 for r in reports[:-1])
    assert all(b.elapsed_seconds > a.elapsed_seconds for a, b in zip(reports, reports[1:]))

    files = sorted(p.name for p in artifact.path.iterdir())
    assert files == sorted([WEIGHTS_NAME, METADATA_NAME, "template_face.png"])  # checkpoints removed
    meta = artifact.metadata
    assert (meta.kind, meta.trigger, meta.rank, meta.alpha, meta.steps, meta.resolution) == \
        ("face", "a handsome man", 4, 8.0, STEPS, 64)
    assert meta.common_tags == ["smile", "suit"]  # shared by all captions, trigger excluded
    assert (meta.base_model_id, meta.base_model_fingerprint) == (tiny_base.id, tiny_base.fingerprint)
    assert meta.template_embedding == pytest.approx(np.linspace(-1, 1, 128).tolist(), abs=1e-6)
    assert np.array_equal(artifact.load_template_face(), template)
    assert meta.extra["person"] == "p1" and meta.extra["training"]["optimizer"] == "adamw"
    weights = _weights(artifact)
    assert weights and all(k.startswith("unet.") and "lora" in k for k in weights)
    assert all(torch.isfinite(w).all() for w in weights.values())
    # lora.up starts at zero; every one that can receive a gradient has moved since. An attention
    # over a single key cannot pass one to its q/k (softmax over one key is 1 whatever q.k is):
    # those are found from the shapes, not from the trained values.
    ups = {k.removesuffix(".lora.up.weight"): w for k, w in weights.items() if k.endswith(".lora.up.weight")}
    dead = _projections_without_gradient(tiny_base, meta.resolution)
    assert dead == {f"unet.mid_block.attentions.0.transformer_blocks.0.attn1.{p}" for p in ("to_q", "to_k")}
    assert dead < ups.keys()  # present in the file all the same: the LoRA covers every target
    trainable = {k: w for k, w in ups.items() if k not in dead}
    assert len(trainable) == len(ups) - 2
    assert all(w.abs().max() > 0 for w in trainable.values()), \
        sorted(k for k, w in trainable.items() if not w.abs().max() > 0)
    print(f"tiny model, 64px, {STEPS} steps: {STEPS / seconds:.2f} steps/s including setup, "
          f"{meta.extra['training']['steps_per_second']:.2f} steps/s in the loop")


def test_plain_diffusers_loads_the_lora_and_it_changes_the_image(reference, tiny_base):
    from diffusers import StableDiffusionPipeline

    artifact = reference[0]
    pipe = StableDiffusionPipeline.from_pretrained(str(tiny_base.path), safety_checker=None,
                                                   requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)

    def generate():
        return pipe("a handsome man", num_inference_steps=3, height=64, width=64, output_type="np",
                    generator=torch.Generator().manual_seed(1)).images[0]

    plain = generate()
    pipe.load_lora_weights(str(artifact.path), adapter_name="face")
    config = pipe.unet.peft_config["face"]
    assert (config.r, config.lora_alpha) == (4, 8)  # alpha travelled in the safetensors header
    with_lora = generate()
    assert np.abs(with_lora - plain).max() > 1e-4
    pipe.disable_lora()
    assert np.allclose(generate(), plain, atol=1e-6)


def test_same_seed_gives_identical_weights_and_another_seed_does_not(reference, tiny_base, examples, tmp_path):
    again = train_lora(examples, tiny_base, CONFIG, tmp_path / "again")
    assert _same_weights(again, reference[0])
    other = train_lora(examples, tiny_base, CONFIG.model_copy(update={"seed": 1, "max_steps": 1}), tmp_path / "other")
    assert not torch.equal(next(iter(_weights(other).values())), next(iter(_weights(reference[0]).values())))


def test_cancel_keeps_a_checkpoint_and_resume_matches_the_uninterrupted_run(reference, tiny_base, examples, tmp_path):
    cancel = threading.Event()
    seen: list[int] = []

    def stop_after_two(report: TrainingProgress):
        seen.append(report.step)
        if report.step == 2:
            cancel.set()

    with pytest.raises(CancelledError):
        train_lora(examples, tiny_base, CONFIG, tmp_path, progress=stop_after_two, cancel=cancel)
    assert seen == [1, 2]
    checkpoints = sorted(p.name for p in (tmp_path / "checkpoints").iterdir())
    assert checkpoints == ["step-000002"]
    assert not (tmp_path / WEIGHTS_NAME).exists()
    ckpt = tmp_path / "checkpoints" / "step-000002"
    assert sorted(p.name for p in ckpt.iterdir()) == ["adapter.safetensors", "state.json", "state.safetensors"]

    resumed_steps: list[int] = []
    artifact = train_lora(examples, tiny_base, CONFIG, tmp_path, progress=lambda r: resumed_steps.append(r.step))
    assert resumed_steps == [3, 4]
    assert artifact.metadata.steps == STEPS
    assert not (tmp_path / "checkpoints").exists()
    assert _same_weights(artifact, reference[0])  # bit-identical to the uninterrupted run


def test_a_run_killed_mid_way_resumes_from_its_durable_copy_exactly(reference, tiny_base, examples, tmp_path):
    """The served case: checkpoints every 2 steps are copied out (``on_checkpoint``); the run dies
    in step 3 (no cancel checkpoint, its work folder lost); a fresh folder restored from the copy,
    resumed with another cadence (not part of the run's identity), ends bit-identical to the
    uninterrupted run."""
    durable = tmp_path / "durable"
    stored: list[str] = []

    def store(folder: Path) -> None:
        stored.append(folder.name)
        shutil.rmtree(durable, ignore_errors=True)
        shutil.copytree(folder, durable)

    def die_in_step_three(report: TrainingProgress):
        if report.step == 3:
            raise RuntimeError("the replica died")

    with pytest.raises(RuntimeError, match="replica died"):
        train_lora(examples, tiny_base, CONFIG.model_copy(update={"checkpoint_every": 2}), tmp_path / "lost",
                   progress=die_in_step_three, on_checkpoint=store)
    assert stored == ["step-000002"]
    shutil.copytree(durable, tmp_path / "fresh" / "checkpoints" / "step-000002")
    steps: list[int] = []
    artifact = train_lora(examples, tiny_base, CONFIG.model_copy(update={"checkpoint_every": 3}),
                          tmp_path / "fresh", progress=lambda r: steps.append(r.step), on_checkpoint=store)
    assert steps == [3, 4] and stored == ["step-000002", "step-000003"]
    assert _same_weights(artifact, reference[0])  # bit-identical to the uninterrupted run


def test_checkpoint_of_another_run_is_discarded(tiny_base, examples, tmp_path):
    cancel = threading.Event()
    cfg = CONFIG.model_copy(update={"max_steps": 2})
    with pytest.raises(CancelledError):
        train_lora(examples, tiny_base, cfg, tmp_path, progress=lambda r: cancel.set(), cancel=cancel)
    assert (tmp_path / "checkpoints" / "step-000001").is_dir()
    steps: list[int] = []
    train_lora(examples, tiny_base, cfg.model_copy(update={"seed": 5}), tmp_path, progress=lambda r: steps.append(r.step))
    assert steps == [1, 2]  # started over: another seed is another run


def test_adamw8bit_on_cpu_trains_and_resumes_exactly(tiny_base, examples, tmp_path):
    pytest.importorskip("bitsandbytes")
    # rank 64 makes the to_k/to_v LoRA matrices >= 4096 elements: bitsandbytes keeps 8-bit state
    cfg = CONFIG.model_copy(update={"optimizer": "adamw8bit", "rank": 64, "alpha": 64, "max_steps": 3,
                                    "checkpoint_every": 2})
    full = train_lora(examples[:1], tiny_base, cfg, tmp_path / "full")
    assert full.metadata.extra["training"]["optimizer"] == "adamw8bit"

    cancel = threading.Event()
    with pytest.raises(CancelledError):
        train_lora(examples[:1], tiny_base, cfg, tmp_path / "cut", cancel=cancel,
                   progress=lambda r: cancel.set() if r.step == 2 else None)
    state = load_file(str(tmp_path / "cut" / "checkpoints" / "step-000002" / "state.safetensors"))
    assert any(k.endswith("state1") and v.dtype == torch.uint8 for k, v in state.items())
    resumed = train_lora(examples[:1], tiny_base, cfg, tmp_path / "cut")
    assert _same_weights(resumed, full)


def test_style_lora_with_text_encoder_batches_and_accumulation(tiny_base, images, tmp_path):
    folder = tmp_path / "style_images"
    folder.mkdir()
    from PIL import Image

    for i, name in enumerate(SAME_PERSON):
        Image.fromarray(images[name]).save(folder / f"{i}.png")
        (folder / f"{i}.txt").write_text(f"watercolor, painting, sample {i}")
    examples = examples_from_folder(folder)
    assert [e.caption for e in examples] == [f"watercolor, painting, sample {i}" for i in range(3)]
    cfg = LoraTrainingConfig(max_steps=2, batch_size=2, gradient_accumulation_steps=2, train_text_encoder=True,
                             optimizer="adamw", rank=2, alpha=None, resolution=32, dropout=0.1,
                             lr_scheduler="constant")
    artifact = train_lora(examples, tiny_base, cfg, tmp_path / "style",
                          metadata={"kind": "style", "trigger": "watercolor"})
    meta = artifact.metadata
    assert (meta.kind, meta.alpha, meta.resolution, meta.template_face) == ("style", 2.0, 32, None)
    assert meta.common_tags == ["painting"]
    from diffusers import StableDiffusionPipeline

    # diffusers' own reader: text-encoder LoRA on the CLIP attention projections, rank 2
    state, _, header = StableDiffusionPipeline.lora_state_dict(str(artifact.path), return_lora_metadata=True)
    te_keys = [k for k in state if k.startswith("text_encoder.")]
    assert te_keys and any(k.startswith("unet.") for k in state)
    assert {"q_proj", "k_proj", "v_proj", "out_proj"} == {k.split(".")[-4] for k in te_keys}
    assert all(2 in state[k].shape for k in te_keys)
    assert header["text_encoder.r"] == 2 and header["unet.lora_alpha"] == 2.0

    if _text_encoder_lora_loadable():  # transformers' PEFT integration accepts this peft
        pipe = StableDiffusionPipeline.from_pretrained(str(tiny_base.path), safety_checker=None,
                                                       requires_safety_checker=False)
        pipe.load_lora_weights(str(artifact.path), adapter_name="style")
        assert "style" in pipe.text_encoder.peft_config and "style" in pipe.unet.peft_config


def _text_encoder_lora_loadable() -> bool:
    from transformers.integrations.peft import MIN_PEFT_VERSION
    from transformers.utils.peft_utils import check_peft_version

    try:
        check_peft_version(min_version=MIN_PEFT_VERSION)
    except ValueError:
        return False
    return True


def test_bf16_mixed_precision_keeps_fp32_lora_weights(tiny_base, examples, tmp_path):
    # CPU autocast stands in for CUDA here; on CUDA "auto" picks bf16 (or fp16 with loss scaling)
    reports: list[TrainingProgress] = []
    cfg = CONFIG.model_copy(update={"mixed_precision": "bf16", "max_steps": 2})
    artifact = train_lora(examples[:1], tiny_base, cfg, tmp_path, progress=reports.append)
    assert artifact.metadata.extra["training"]["precision"] == "bfloat16"
    assert all(np.isfinite(r.loss) for r in reports)
    weights = _weights(artifact)
    assert all(w.dtype == torch.float32 and torch.isfinite(w).all() for w in weights.values())


def test_cosine_with_restarts_restarts_and_one_cycle_does_not(tiny_base, examples, tmp_path):
    """The LR each step was taken with, as the run reports it: by default it climbs back to the
    peak at the start of every cycle; with one cycle (plain cosine) it never rises. 10 steps in 3
    cycles: no step falls on a cycle boundary, and the margins are fractions of the peak."""
    peak = 1e-3
    cfg = LoraTrainingConfig(max_steps=10, learning_rate=peak, optimizer="adamw", rank=2, resolution=32)
    assert (cfg.lr_scheduler, cfg.lr_num_cycles) == ("cosine_with_restarts", 3)

    def learning_rates(config: LoraTrainingConfig, out: Path) -> list[float]:
        reports: list[TrainingProgress] = []
        train_lora(examples[:1], tiny_base, config, out, progress=reports.append)
        return [r.learning_rate for r in reports]

    restarts = learning_rates(cfg, tmp_path / "restarts")
    rises = [i for i in range(1, len(restarts)) if restarts[i] > restarts[i - 1] + 0.5 * peak]
    assert rises == [4, 7]  # steps 5 and 8 open the second and third cycles (10 / 3 steps each)
    assert all(restarts[i] > 0.85 * peak for i in (0, *rises))
    assert all(restarts[i - 1] < 0.15 * peak for i in rises)  # each cycle annealed before its restart

    cosine = learning_rates(cfg.model_copy(update={"lr_num_cycles": 1}), tmp_path / "cosine")
    assert cosine[0] > 0.99 * peak and cosine[-1] < 0.1 * peak
    assert all(b < a + 0.01 * peak for a, b in zip(cosine, cosine[1:]))  # never rises

    from facechain.pipelines.train import TrainParams  # the option reaches a face run's config

    assert TrainParams().lora_config().lr_num_cycles == cfg.lr_num_cycles
    assert TrainParams(lr_num_cycles=1).lora_config().lr_num_cycles == 1


# -- inputs and config --------------------------------------------------------------------------

def test_config_and_default_steps(tiny_base):
    with pytest.raises(ValidationError):
        LoraTrainingConfig(rnak=8)
    with pytest.raises(ValidationError):
        LoraTrainingConfig(optimizer="sgd")
    assert LoraTrainingConfig().learning_rate == 1e-4
    assert LoraTrainingConfig().lr_scheduler == "cosine_with_restarts"
    assert default_steps(3, tiny_base) == 30 and default_steps(10, tiny_base) == 40

    class RealSD:
        id = "hf:stable-diffusion-v1-5/stable-diffusion-v1-5"

    assert default_steps(3, RealSD()) == 600 and default_steps(10, RealSD()) == 800


def test_image_folders_collect_only_the_formats_decode_image_reads(tmp_path):
    """A BMP or TIFF beside the photos is skipped, not a decode error halfway through."""
    from PIL import Image

    for name in ("a.png", "b.bmp", "c.tiff"):
        Image.new("RGB", (16, 16), (90, 60, 30)).save(tmp_path / name)
        (tmp_path / name).with_suffix(".txt").write_text("ink")
    assert [e.image.shape for e in examples_from_folder(tmp_path)] == [(16, 16, 3)]


def test_bad_inputs_are_rejected_before_training(tiny_base, examples, tmp_path):
    with pytest.raises(InvalidInputError):
        train_lora([], tiny_base, CONFIG, tmp_path)
    with pytest.raises(InvalidInputError):
        train_lora([TrainingExample(np.zeros((64, 64), np.uint8), "x")], tiny_base, CONFIG, tmp_path)
    with pytest.raises(InvalidInputError):
        train_lora(examples, tiny_base, CONFIG, tmp_path, metadata={"trigger_word": "x"})
    with pytest.raises(InvalidInputError):
        train_lora(examples, tiny_base, CONFIG.model_copy(update={"mixed_precision": "fp16"}), tmp_path)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        train_lora(examples, tiny_base, CONFIG, tmp_path, cancel=cancel)
    assert not (tmp_path / "checkpoints").exists()  # nothing trained, nothing kept


def test_common_tags():
    assert common_tags(["a man, smile, suit", "suit, a man, smile", "a man,suit"], exclude=("a man",)) == ["suit"]
    assert common_tags([]) == []


# -- reading and compatibility ------------------------------------------------------------------

def test_read_lora_refuses_pickle_and_incomplete_folders(reference, tmp_path):
    artifact = reference[0]
    assert read_lora(artifact.weights_file).path == artifact.path  # the file itself is fine too

    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "pytorch_lora_weights.bin").write_bytes(pickle.dumps({"unet.x.lora.down.weight": [0.0]}))
    with pytest.raises(InvalidInputError, match="pickle"):
        read_lora(pickled)
    with pytest.raises(InvalidInputError, match="pickle"):
        read_lora(pickled / "pytorch_lora_weights.bin")

    with pytest.raises(NotFoundError):
        read_lora(tmp_path / "missing")
    no_meta = tmp_path / "no_meta"
    no_meta.mkdir()
    shutil.copy(artifact.weights_file, no_meta / WEIGHTS_NAME)
    with pytest.raises(NotFoundError, match=METADATA_NAME):
        read_lora(no_meta)

    not_lora = tmp_path / "not_lora"
    shutil.copytree(artifact.path, not_lora)
    save_file({"unet.conv_in.weight": torch.zeros(2, 2)}, str(not_lora / WEIGHTS_NAME))
    with pytest.raises(InvalidInputError, match="not a LoRA"):
        read_lora(not_lora)

    garbage = tmp_path / "garbage"
    shutil.copytree(artifact.path, garbage)
    (garbage / WEIGHTS_NAME).write_bytes(b"\x00" * 64)
    with pytest.raises(InvalidInputError, match="safetensors"):
        read_lora(garbage)

    bad_meta = tmp_path / "bad_meta"
    shutil.copytree(artifact.path, bad_meta)
    (bad_meta / METADATA_NAME).write_text(
        (artifact.path / METADATA_NAME).read_text().replace('"template_face.png"', '"../../etc/passwd"'))
    with pytest.raises(InvalidInputError, match="metadata"):
        read_lora(bad_meta)


def test_check_compatible(reference, tiny_base):
    artifact = reference[0]
    check_compatible(artifact, tiny_base)  # trained on it

    other = LoraArtifact(artifact.path, artifact.weights_file,
                         artifact.metadata.model_copy(update={"base_model_fingerprint": "0" * 16}))
    with pytest.raises(IncompatibleModelError, match="fingerprint"):
        check_compatible(other, tiny_base)

    imported = LoraArtifact(artifact.path, artifact.weights_file,
                            artifact.metadata.model_copy(update={"base_model_fingerprint": None}))
    check_compatible(imported, tiny_base)  # no fingerprint: the layer widths fit

    class WiderBase:  # an SD 1.5-sized UNet (cross_attention_dim 768)
        id, fingerprint = "sd15", "f" * 16

        def __init__(self, path: Path):
            self.path = path

    wider = Path(artifact.path).parent / "wider_base"
    (wider / "unet").mkdir(parents=True, exist_ok=True)
    (wider / "unet" / "config.json").write_text('{"cross_attention_dim": 768}')
    with pytest.raises(IncompatibleModelError, match="768"):
        check_compatible(imported, WiderBase(wider))
