"""The hub loaders against a loopback Hugging Face hub (tests/hubserver.py), sockets blocked
except loopback: ``hf:`` sources download safetensors and configs only, pin the commit the hub
resolved, come from the cache afterwards, and build a working base model; hub style LoRAs are
installed by ``facechain styles pull`` and read locally by requests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from facechain.errors import ModelSourceError
from facechain.registry import ModelRegistry, resolve_source
from tests.hubserver import LoopbackHub, point_hub_client_at
from tests.netguard import block_network

REPO = "facechain-test/tiny-sd15"
DECOYS = {  # never downloaded: pickles and a dtype variant
    "unet/diffusion_pytorch_model.bin": b"\x80\x04pickle decoy",
    "text_encoder/pytorch_model.bin": b"\x80\x04pickle decoy",
    "model.ckpt": b"\x80\x04pickle decoy",
    "vae/diffusion_pytorch_model.fp16.safetensors": b"variant decoy",
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACECHAIN_CACHE", str(tmp_path_factory.mktemp("facechain-cache")))
        yield


@pytest.fixture(scope="module")
def tiny_dir(cache) -> Path:
    from facechain.diffusion.tiny import tiny_model_path

    return tiny_model_path("tiny-sd15")


@pytest.fixture
def hub(monkeypatch, tmp_path, cache):
    with LoopbackHub() as server:
        point_hub_client_at(monkeypatch, server, tmp_path / "hf-cache")
        server.refused = block_network(monkeypatch)
        yield server
    assert server.refused == []


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_hf_source_downloads_safetensors_pins_the_commit_and_caches(hub, tiny_dir):
    commit = hub.publish(REPO, tiny_dir, extra=DECOYS)

    source = resolve_source("base_model", f"hf:{REPO}")
    assert source.revision == commit
    assert source.path.name == commit and source.path.parent.name == "snapshots"
    assert _files(source.path) == _files(tiny_dir)  # everything but the decoys
    assert hub.file_gets() and not [p for p in hub.file_gets() if p.endswith((".bin", ".ckpt", ".fp16.safetensors"))]

    hub.requests.clear()  # a branch name: one API call to resolve it, no file downloads
    again = resolve_source("base_model", f"hf:{REPO}@main")
    assert again.path == source.path and again.revision == commit and hub.file_gets() == []

    hub.requests.clear()  # a pinned commit: served from the cache without a single request
    pinned = resolve_source("base_model", f"hf:{REPO}@{commit}")
    assert pinned.path == source.path and hub.requests == []

    with pytest.raises(ModelSourceError) as err:
        resolve_source("base_model", f"hf:{REPO}@no-such-branch")
    assert err.value.role == "base_model"
    with pytest.raises(ModelSourceError, match="controlnet_canny"):
        resolve_source("controlnet_canny", "hf:facechain-test/missing")


def test_registry_hf_source_builds_a_working_base_model(hub, tiny_dir, tmp_path):
    from facechain.diffusion.base_model import fingerprint_weights

    commit = hub.publish(REPO, tiny_dir, extra=DECOYS)
    files = ModelRegistry.load("sd15").spec("base_model").files  # the real profile's file filter
    profile = tmp_path / "hub.yaml"
    profile.write_text(f"roles:\n  base_model:\n    backend: diffusers\n    source: hf:{REPO}@{commit}\n"
                       f"    files: {json.dumps(files)}\n")
    base = ModelRegistry.load(profile).build("base_model", device="cpu")
    assert base.id == f"hf:{REPO}@{commit}" and base.path.name == commit
    assert base.fingerprint == fingerprint_weights(tiny_dir)
    image = base.load_pipeline()("a photo", height=32, width=32, num_inference_steps=2, output_type="np",
                                 generator=torch.Generator().manual_seed(0)).images[0]
    assert image.shape == (32, 32, 3) and np.isfinite(image).all()


def test_hub_repo_with_only_pickle_weights_is_a_typed_error(hub, tiny_dir, tmp_path):
    import shutil

    folder = shutil.copytree(tiny_dir, tmp_path / "pickled")
    weights = folder / "unet" / "diffusion_pytorch_model.safetensors"
    weights.rename(weights.with_suffix(".bin"))
    hub.publish("facechain-test/pickled", folder)
    profile = tmp_path / "p.yaml"
    profile.write_text("roles:\n  base_model: {backend: diffusers, source: 'hf:facechain-test/pickled'}\n")
    with pytest.raises(ModelSourceError, match="no .safetensors weights") as err:
        ModelRegistry.load(profile).build("base_model", device="cpu")
    assert err.value.role == "base_model"
    assert not [p for p in hub.file_gets() if p.endswith(".bin")]


# Style LoRAs -------------------------------------------------------------------------------------


def _lora_bytes(tmp_path: Path) -> bytes:
    """A small diffusers-layout LoRA (header-valid; pulling never loads it into a pipeline)."""
    gen = torch.Generator().manual_seed(0)
    name = "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q"
    save_file({f"{name}.lora_A.weight": torch.randn(2, 8, generator=gen),
               f"{name}.lora_B.weight": torch.randn(8, 2, generator=gen)}, str(tmp_path / "l.safetensors"))
    return (tmp_path / "l.safetensors").read_bytes()


@pytest.fixture
def hub_style(hub, tmp_path, monkeypatch):
    """A plug-in style whose LoRA lives on the hub beside a pickle copy of it."""
    commit = hub.publish("facechain-test/style-lora", extra={
        "film.safetensors": _lora_bytes(tmp_path), "film.bin": b"\x80\x04pickle decoy", "README.md": b"# film"})
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "film.yaml").write_text("name: Film\nlora: hf:facechain-test/style-lora@main\n"
                                       "lora_weight_name: film.safetensors\nprompt: 'film photo of {trigger}'\n")
    monkeypatch.setenv("FACECHAIN_STYLE_DIRS", str(plugins))
    return commit, plugins


def test_styles_pull_installs_a_hub_lora_that_requests_read_offline(hub, hub_style, monkeypatch, capsys):
    from facechain.cli import main
    from facechain.diffusion.styles import StyleRegistry, resolve_lora

    commit, plugins = hub_style
    style = StyleRegistry.load("tiny-sd15").get("film")
    with pytest.raises(ModelSourceError, match="facechain styles pull film"):
        resolve_lora(style)  # not installed: a request never fetches it
    assert hub.requests == []

    assert main(["styles", "pull", "film", "--base-model", "builtin:tiny-sd15"]) == 0
    pulled = Path(json.loads(capsys.readouterr().out)["styles"]["film"])
    assert pulled.name == "film.safetensors" and pulled.parent.name == commit
    assert hub.file_gets() == [f"/facechain-test/style-lora/resolve/{commit}/film.safetensors"]

    hub.requests.clear()
    refused = block_network(monkeypatch, allow_loopback=False)  # a request: no socket at all
    assert resolve_lora(style) == pulled
    assert hub.requests == [] and refused == []

    (plugins / "film.yaml").write_text((plugins / "film.yaml").read_text().replace("@main", f"@{commit[:7]}"))
    changed = StyleRegistry.load("tiny-sd15").get("film")
    with pytest.raises(ModelSourceError, match="facechain styles pull film"):
        resolve_lora(changed)  # the YAML names another revision than the one installed
