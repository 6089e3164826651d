"""Style registry: shipped entries, plug-and-play folders, LoRA format detection, uploads, and a
kohya/WebUI LoRA loading into a real (tiny) diffusers pipeline with an adapter name."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import save, save_file

from facechain.config import config_dir
from facechain.diffusion.styles import (
    ENV_STYLE_DIRS,
    SLUG_PATTERN,
    Style,
    StyleRegistry,
    builtin_style_path,
    check_safetensors_bytes,
    lora_format,
    lora_state_dict,
    resolve_lora,
)
from facechain.errors import (
    ConfigError,
    InvalidInputError,
    ModelSourceError,
    NotFoundError,
)
from facechain.registry import parse_source

STYLES_ROOT = config_dir() / "styles"
BASES = sorted(p.name for p in STYLES_ROOT.iterdir() if p.is_dir())

# SD 1.5 module names (diffusers layout) with small made-up widths: enough for format detection.
SD15_LIKE = {
    "down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q": (8, 8),
    "down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k": (6, 8),
    "mid_block.attentions.0.transformer_blocks.0.attn1.to_out.0": (8, 8),
}


def kohya_tensors(modules: dict[str, tuple[int, int]], *, rank: int = 2, alpha: float = 1.0,
                  prefix: str = "lora_unet_", seed: int = 0) -> dict[str, torch.Tensor]:
    """A kohya-ss / WebUI LoRA: ``<prefix><module with _>.lora_down.weight`` / ``lora_up`` / ``alpha``."""
    gen = torch.Generator().manual_seed(seed)
    out = {}
    for name, (fan_in, fan_out) in modules.items():
        key = prefix + name.replace(".", "_")
        out[f"{key}.lora_down.weight"] = torch.randn(rank, fan_in, generator=gen) * 0.5
        out[f"{key}.lora_up.weight"] = torch.randn(fan_out, rank, generator=gen) * 0.5
        out[f"{key}.alpha"] = torch.tensor(alpha)
    return out


def write_kohya(path: Path, modules=SD15_LIKE, **kw) -> Path:
    save_file(kohya_tensors(modules, **kw), str(path))
    return path


@pytest.fixture
def plugin_dir(tmp_path, monkeypatch):
    folder = tmp_path / "my-styles"
    folder.mkdir()
    monkeypatch.setenv(ENV_STYLE_DIRS, str(folder))
    return folder


# 1. Shipped entries ------------------------------------------------------------------------------


def test_shipped_bases_present():
    assert {"sd15", "tiny-sd15"} <= set(BASES)


@pytest.mark.parametrize("base", BASES)
def test_every_shipped_style_validates(base):
    reg = StyleRegistry.load(base, dirs=[])
    files = sorted((STYLES_ROOT / base).glob("*.yaml"))
    assert files and len(reg) == len(files)
    for path in files:
        style = reg.get(path.stem)
        assert re.match(SLUG_PATTERN, style.slug) and style.base_model == base
        assert style.name and style.description
        assert 0 < style.face_weight <= 1.0 and 0 < style.style_weight <= 1.0
        if style.lora is not None:
            kind, ref = parse_source(style.lora)
            assert kind in ("builtin", "hf", "modelscope"), style.slug  # no dangling local paths
            if kind != "builtin":
                assert "@" in ref, f"{style.slug}: pin a revision"
                assert style.lora_weight_name and style.lora_weight_name.endswith(".safetensors")
        # the YAML has no field the model would drop silently (extra=forbid) and no slug drift
        raw = yaml.safe_load(path.read_text())
        assert "slug" not in raw or raw["slug"] == path.stem


def test_sd15_ships_lora_and_prompt_only_styles():
    reg = StyleRegistry.load("sd15", dirs=[])
    with_lora = [s for s in reg.list() if s.lora]
    prompt_only = [s for s in reg.list() if s.is_prompt_only]
    assert len(with_lora) >= 5 and len(prompt_only) >= 3
    assert {"business-suit", "watercolor"} <= {s.slug for s in prompt_only}


def test_tiny_styles_include_a_builtin_lora_and_prompt_only_ones():
    reg = StyleRegistry.load("tiny-sd15", dirs=[])
    assert reg.get("ink").lora == "builtin:tiny-style-ink"
    assert sum(s.is_prompt_only for s in reg.list()) >= 3


@pytest.mark.parametrize("base", BASES)
def test_prompts_render_with_the_trigger_once(base):
    for style in StyleRegistry.load(base, dirs=[]).list():
        text = style.render_prompt("a beautiful woman")
        assert text.count("a beautiful woman") == 1, style.slug
        assert "{" not in text and "}" not in text and ", ," not in text
        assert not text.startswith(",") and not text.endswith(",")


def test_tiny_prompts_render_exactly():
    reg = StyleRegistry.load("tiny-sd15", dirs=[])
    assert reg.get("ink").render_prompt("a handsome man") == \
        "ink wash painting of a handsome man, black ink, white paper"
    assert reg.get("neon").render_prompt("a boy") == "a boy, neon lights, cyberpunk city at night, glowing colors"
    assert reg.get("plain").render_prompt("a mature woman") == "a mature woman"
    assert reg.get("plain").render_prompt("") == ""


def test_prompt_without_placeholder_gets_trigger_prepended():
    style = Style(slug="x", name="X", base_model="sd15", prompt="oil painting, dramatic light")
    assert style.render_prompt("a girl") == "a girl, oil painting, dramatic light"
    assert style.render_prompt("  ") == "oil painting, dramatic light"


def test_get_unknown_lists_known_slugs():
    reg = StyleRegistry.load("tiny-sd15", dirs=[])
    with pytest.raises(NotFoundError) as err:
        reg.get("vaporwave")
    msg = str(err.value)
    assert "vaporwave" in msg and all(slug in msg for slug in reg.slugs())
    assert err.value.param == "style"


def test_unknown_base_model_has_no_styles_and_bad_name_is_refused():
    assert len(StyleRegistry.load("sdxl-never-shipped", dirs=[])) == 0
    with pytest.raises(ConfigError):
        StyleRegistry.load("../models", dirs=[])


# 2. Validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize("field,value", [
    ("slug", "Bad Slug"), ("slug", "../etc"), ("slug", "-x"), ("slug", "a" * 65), ("slug", ""),
    ("prompt", "{name} in a suit"), ("prompt", "{trigger}, {trigger}"),
    ("lora_weight_name", "style.bin"), ("lora_weight_name", "../x.safetensors"),
    ("lora", "weights/style.ckpt"), ("lora", "hf:"), ("style_weight", 3.0), ("face_weight", -0.1),
    ("tags", ["Not A Tag"]), ("colour", "red"),
])
def test_style_rejects_bad_fields(field, value):
    data = {"slug": "ok", "name": "Ok", "base_model": "sd15", field: value}
    with pytest.raises(ValueError):
        Style.model_validate(data)


def _config_with_style(tmp_path, monkeypatch, name: str, text: str) -> None:
    folder = tmp_path / "configs" / "styles" / "tiny-sd15"
    folder.mkdir(parents=True)
    (folder / name).write_text(text)
    monkeypatch.setenv("FACECHAIN_CONFIG_DIR", str(tmp_path / "configs"))


@pytest.mark.parametrize("name,text", [
    ("good.yaml", "slug: other\nname: G\n"),                 # slug differs from file name
    ("good.yaml", "name: G\nbase_model: sd15\n"),            # base differs from folder
    ("good.yaml", "name: G\ncolour: red\n"),                 # unknown field
    ("Bad Name.yaml", "name: G\n"),                          # unsafe slug
    ("good.yaml", "- a\n- list\n"),                          # not a mapping
    ("good.yaml", "name: [unclosed\n"),                      # not YAML
])
def test_invalid_shipped_style_is_a_config_error(tmp_path, monkeypatch, name, text):
    _config_with_style(tmp_path, monkeypatch, name, text)
    with pytest.raises(ConfigError):
        StyleRegistry.load("tiny-sd15", dirs=[])


# 3. LoRA formats ---------------------------------------------------------------------------------


def test_lora_format_detection(tmp_path):
    kohya = write_kohya(tmp_path / "kohya.safetensors")
    te = kohya_tensors({"text_model.encoder.layers.0.self_attn.q_proj": (4, 4)}, prefix="lora_te_")
    save_file({**kohya_tensors(SD15_LIKE), **te}, str(tmp_path / "kohya_te.safetensors"))
    save_file({"unet.down_blocks.0.attn1.to_q.lora_A.weight": torch.zeros(2, 8),
               "unet.down_blocks.0.attn1.to_q.lora_B.weight": torch.zeros(8, 2),
               "text_encoder.text_model.encoder.layers.0.self_attn.q_proj.lora_A.weight": torch.zeros(2, 4),
               "text_encoder.text_model.encoder.layers.0.self_attn.q_proj.lora_B.weight": torch.zeros(4, 2)},
              str(tmp_path / "diffusers.safetensors"))
    save_file({"unet.down_blocks.0.attn1.to_q.lora.down.weight": torch.zeros(2, 8),
               "unet.down_blocks.0.attn1.to_q.lora.up.weight": torch.zeros(8, 2)},
              str(tmp_path / "diffusers_old.safetensors"))
    save_file({"base_model.model.down_blocks.0.attn1.to_q.lora_A.weight": torch.zeros(2, 8),
               "base_model.model.down_blocks.0.attn1.to_q.lora_B.weight": torch.zeros(8, 2)},
              str(tmp_path / "peft.safetensors"))
    assert lora_format(kohya) == "kohya"
    assert lora_format(tmp_path / "kohya_te.safetensors") == "kohya"
    assert lora_format(tmp_path / "diffusers.safetensors") == "diffusers"
    assert lora_format(tmp_path / "diffusers_old.safetensors") == "diffusers"
    assert lora_format(tmp_path / "peft.safetensors") == "peft"
    assert set(lora_state_dict(tmp_path / "peft.safetensors")) == {
        "unet.down_blocks.0.attn1.to_q.lora_A.weight", "unet.down_blocks.0.attn1.to_q.lora_B.weight"}


def test_unknown_lora_formats_are_clear_errors(tmp_path):
    save_file({"lora_unet_down_blocks_0_attn1_to_q.hada_w1_a": torch.zeros(2, 2)},
              str(tmp_path / "loha.safetensors"))
    with pytest.raises(InvalidInputError, match="LyCORIS"):
        lora_format(tmp_path / "loha.safetensors")
    save_file({"model.diffusion_model.input_blocks.0.0.weight": torch.zeros(2, 2)},
              str(tmp_path / "checkpoint.safetensors"))
    with pytest.raises(InvalidInputError, match="unknown LoRA format.*input_blocks"):
        lora_format(tmp_path / "checkpoint.safetensors")
    (tmp_path / "junk.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00not json at all!")
    with pytest.raises(InvalidInputError, match="cannot read"):
        lora_format(tmp_path / "junk.safetensors")
    torch.save(kohya_tensors(SD15_LIKE), tmp_path / "style.ckpt")
    with pytest.raises(InvalidInputError, match="pickle"):
        lora_format(tmp_path / "style.ckpt")


def test_check_safetensors_bytes():
    good = save(kohya_tensors(SD15_LIKE))
    header = check_safetensors_bytes(good)
    assert "lora_unet_mid_block_attentions_0_transformer_blocks_0_attn1_to_out_0.alpha" in header
    for blob in (b"", b"abc", pickle.dumps({"a": 1}), good[:-4], good[:20],
                 (2**40).to_bytes(8, "little") + good[8:]):
        with pytest.raises(InvalidInputError):
            check_safetensors_bytes(blob)


# 4. Plug-and-play folders -------------------------------------------------------------------------


def test_plugin_folder_yaml_and_orphan_lora(plugin_dir):
    write_kohya(plugin_dir / "neon-glow.safetensors")
    (plugin_dir / "neon-glow.yaml").write_text(
        "name: Neon glow\ndescription: dropped in\nstyle_weight: 0.6\nprompt: '{trigger}, neon'\n")
    write_kohya(plugin_dir / "My Ink Style.safetensors")          # no YAML: default style
    (plugin_dir / "prompt-only.yaml").write_text("name: P\nlora: null\nprompt: pastel\n")
    (plugin_dir / "other-base.yaml").write_text("name: O\nbase_model: sd15\n")
    save_file({"model.weight": torch.zeros(2)}, str(plugin_dir / "checkpoint.safetensors"))
    (plugin_dir / "broken.yaml").write_text("name: B\nstyle_weight: lots\n")
    (plugin_dir / "headshot.yaml").write_text("name: Duplicate of a shipped slug\n")

    reg = StyleRegistry.load("tiny-sd15")  # plug-in folder from FACECHAIN_STYLE_DIRS
    neon = reg.get("neon-glow")
    assert neon.lora == "neon-glow.safetensors" and neon.style_weight == 0.6
    assert reg.resolve_lora("neon-glow") == plugin_dir / "neon-glow.safetensors"
    assert lora_format(reg.resolve_lora(neon)) == "kohya"
    orphan = reg.get("my-ink-style")
    assert orphan.name == "My Ink Style" and orphan.prompt == "{trigger}" and "plugin" in orphan.tags
    assert resolve_lora(orphan) == plugin_dir / "My Ink Style.safetensors"
    assert orphan.render_prompt("a girl") == "a girl"
    assert reg.get("prompt-only").is_prompt_only and reg.resolve_lora("prompt-only") is None
    assert "other-base" not in reg
    assert reg.get("headshot").name == "Business headshot"  # the shipped one wins
    skipped = {Path(p).name: why for p, why in reg.skipped.items()}
    assert set(skipped) == {"checkpoint.safetensors", "broken.yaml", "headshot.yaml"}
    assert "unknown LoRA format" in skipped["checkpoint.safetensors"]
    assert "already defined" in skipped["headshot.yaml"]
    # the flat YAML for sd15 is listed there
    assert "other-base" in StyleRegistry.load("sd15")


def test_plugin_base_model_subfolder(tmp_path):
    sub = tmp_path / "sd15"
    sub.mkdir()
    write_kohya(sub / "film.safetensors")
    write_kohya(sub / "noir.safetensors")
    (sub / "noir.yaml").write_text("name: Noir\nprompt: black and white film still\n")
    reg = StyleRegistry.load("sd15", dirs=[tmp_path])
    assert "film" in reg and reg.resolve_lora("noir") == sub / "noir.safetensors"
    assert "film" not in StyleRegistry.load("tiny-sd15", dirs=[tmp_path])


def test_missing_plugin_folder_is_ignored(tmp_path):
    reg = StyleRegistry.load("tiny-sd15", dirs=[tmp_path / "nope"])
    assert len(reg) == len(StyleRegistry.load("tiny-sd15", dirs=[]))


# 5. Resolving LoRAs ------------------------------------------------------------------------------


def test_builtin_style_lora_is_used_once_built(tmp_path, monkeypatch):
    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path / "cache"))
    reg = StyleRegistry.load("tiny-sd15", dirs=[])
    path = builtin_style_path("tiny-style-ink")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_kohya(path)  # already in the cache: used as is, not retrained
    assert reg.resolve_lora("ink") == path
    assert lora_format(path) == "kohya"


def test_unknown_builtin_style_lora_is_a_clear_error(tmp_path):
    (tmp_path / "x.yaml").write_text("name: X\nbase_model: tiny-sd15\nlora: builtin:nope\n")
    reg = StyleRegistry.load("tiny-sd15", dirs=[tmp_path])
    with pytest.raises(ModelSourceError, match="unknown builtin style"):
        reg.resolve_lora("x")


@pytest.mark.slow
def test_builtin_ink_style_is_trained_on_first_use(tmp_path, monkeypatch):
    import torch

    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path / "cache"))
    torch.set_num_threads(1)
    path = StyleRegistry.load("tiny-sd15", dirs=[]).resolve_lora("ink")
    assert path == builtin_style_path("tiny-style-ink") and path.stat().st_size > 0
    assert lora_format(path) == "diffusers"


def test_local_folder_source_with_and_without_weight_name(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    write_kohya(folder / "a.safetensors")
    style = Style(slug="a", name="A", base_model="sd15", lora=str(folder))
    assert resolve_lora(style) == folder / "a.safetensors"
    write_kohya(folder / "b.safetensors")
    with pytest.raises(ModelSourceError, match="lora_weight_name"):
        resolve_lora(style)
    style = Style(slug="a", name="A", base_model="sd15", lora=str(folder), lora_weight_name="b.safetensors")
    assert resolve_lora(style) == folder / "b.safetensors"
    missing = Style(slug="m", name="M", base_model="sd15", lora=str(tmp_path / "nope.safetensors"))
    with pytest.raises(ModelSourceError, match="nope"):
        resolve_lora(missing)


@pytest.mark.parametrize("slug", ["polaroid", "guofeng"])
def test_hub_style_lora_is_never_fetched_by_a_request(tmp_path, monkeypatch, slug):
    """A shipped hub style that was not pulled is a typed error naming the install command; no hub
    client is called (``facechain styles pull`` is the only step that fetches)."""
    import sys

    import huggingface_hub

    def fetch(*args, **kwargs):
        raise AssertionError(f"a request fetched from a hub: {args} {kwargs}")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fetch)
    monkeypatch.setitem(sys.modules, "modelscope", None)  # an import of it fails too
    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path))
    style = StyleRegistry.load("sd15", dirs=[]).get(slug)
    assert parse_source(style.lora)[0] in ("hf", "modelscope")
    with pytest.raises(ModelSourceError, match=f"facechain styles pull {slug}") as err:
        resolve_lora(style)
    assert err.value.role == f"style/{slug}"


def test_pulled_record_must_match_the_style(tmp_path, monkeypatch):
    """The install record names the exact source it was pulled from; a style that now names
    another source (or whose file is gone) must be pulled again."""
    import json

    from facechain.diffusion.styles import pulled_record_path

    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path))
    write_kohya(tmp_path / "film.safetensors")
    style = Style(slug="film", name="Film", base_model="sd15", lora="hf:org/film@v1",
                  lora_weight_name="film.safetensors")
    record = pulled_record_path(style)
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps({"source": "hf:org/film@v1", "lora_weight_name": "film.safetensors",
                                  "path": str(tmp_path / "film.safetensors"), "revision": "0" * 40}))
    assert resolve_lora(style) == tmp_path / "film.safetensors"
    newer = style.model_copy(update={"lora": "hf:org/film@v2"})
    with pytest.raises(ModelSourceError, match="styles pull film"):
        resolve_lora(newer)
    (tmp_path / "film.safetensors").unlink()
    with pytest.raises(ModelSourceError, match="gone"):
        resolve_lora(style)
    for malformed in ("[]", '{"source": "hf:org/film@v1", "lora_weight_name": "film.safetensors"}'):
        record.write_text(malformed)  # valid JSON, not a record: typed, never an AttributeError
        with pytest.raises(ModelSourceError, match="malformed install record"):
            resolve_lora(style)


def test_cli_lists_the_styles_that_styles_pull_would_pull(capsys):
    """``facechain styles`` and ``facechain styles pull`` read the same registry: the profile's
    base model's, unless --base-model names another."""
    from facechain.cli import main

    def listed(*argv: str) -> set[str]:
        assert main([*argv]) == 0
        return {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}

    sd15 = listed("--models", "sd15", "styles")
    assert {"polaroid", "guofeng"} <= sd15  # the hub styles `styles pull` installs for sd15
    tiny = listed("styles")  # the default profile's tiny model
    assert "ink" in tiny and "polaroid" not in tiny
    assert listed("--models", "sd15", "styles", "--base-model", "builtin:tiny-sd15") == tiny


# 6. add() ----------------------------------------------------------------------------------------


def test_add_writes_a_style_that_reloads(plugin_dir):
    reg = StyleRegistry.load("tiny-sd15")
    weights = save(kohya_tensors(SD15_LIKE))
    style = Style(slug="uploaded", name="Uploaded", base_model="tiny-sd15",
                  prompt="{trigger}, charcoal sketch", style_weight=0.5)
    saved = reg.add(style, weights)
    assert saved.lora == "uploaded.safetensors" and "uploaded" in reg
    assert (plugin_dir / "uploaded.safetensors").read_bytes() == weights
    assert sorted(p.name for p in plugin_dir.iterdir()) == ["uploaded.safetensors", "uploaded.yaml"]
    again = StyleRegistry.load("tiny-sd15").get("uploaded")
    assert again.style_weight == 0.5 and again.render_prompt("a boy") == "a boy, charcoal sketch"
    assert lora_format(resolve_lora(again)) == "kohya"
    # prompt-only upload, no weights
    reg.add(Style(slug="pastel", name="Pastel", base_model="tiny-sd15", prompt="pastel"))
    assert "lora: null" in (plugin_dir / "pastel.yaml").read_text()
    write_kohya(plugin_dir / "pastel.safetensors")  # a later same-named file does not pair with it
    assert StyleRegistry.load("tiny-sd15").get("pastel").is_prompt_only


def test_add_rejects_bad_input(plugin_dir):
    reg = StyleRegistry.load("tiny-sd15")
    good = save(kohya_tensors(SD15_LIKE))
    for bad_slug in ("../evil", "Evil", ""):
        with pytest.raises(InvalidInputError):
            reg.add({"slug": bad_slug, "name": "E", "base_model": "tiny-sd15"}, good)
        # a Style built without validation is validated again
        with pytest.raises(InvalidInputError):
            reg.add(Style.model_construct(slug=bad_slug, name="E", base_model="tiny-sd15"), good)
    new = Style(slug="fresh", name="F", base_model="tiny-sd15")
    for blob in (b"GIF89a not a lora", pickle.dumps(kohya_tensors(SD15_LIKE)), good[: len(good) // 2]):
        with pytest.raises(InvalidInputError):
            reg.add(new, blob)
    with pytest.raises(InvalidInputError, match="unknown LoRA format"):
        reg.add(new, save({"model.weight": torch.zeros(3)}))
    with pytest.raises(InvalidInputError, match="already exists"):
        reg.add(Style(slug="ink", name="I", base_model="tiny-sd15"), good)   # shipped slug
    with pytest.raises(InvalidInputError, match="base model"):
        reg.add(Style(slug="other", name="O", base_model="sd15"), good)
    assert list(plugin_dir.iterdir()) == []  # nothing half-written, no temp files
    reg.add(new, good)
    with pytest.raises(InvalidInputError, match="already exists"):
        reg.add(new, good)
    # another process wrote the same slug meanwhile: the file check refuses it too
    (plugin_dir / "racer.yaml").write_text("name: R\n")
    with pytest.raises(InvalidInputError, match="already exists"):
        reg.add(Style(slug="racer", name="R", base_model="tiny-sd15"), good)
    assert not (plugin_dir / "racer.safetensors").exists()


def test_add_needs_a_folder(monkeypatch):
    monkeypatch.delenv(ENV_STYLE_DIRS, raising=False)
    reg = StyleRegistry.load("tiny-sd15")
    with pytest.raises(ConfigError, match=ENV_STYLE_DIRS):
        reg.add(Style(slug="x", name="X", base_model="tiny-sd15"))


# 7. A kohya/WebUI LoRA loads into a real diffusers pipeline -------------------------------------


@pytest.fixture(scope="module")
def tiny_pipeline():
    """A small SD-shaped StableDiffusionPipeline (diffusers' get_dummy_components pattern)."""
    from diffusers import (
        AutoencoderKL,
        DDIMScheduler,
        StableDiffusionPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    unet = UNet2DConditionModel(
        block_out_channels=(8, 16), layers_per_block=1, sample_size=8, in_channels=4, out_channels=4,
        down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"), cross_attention_dim=16,
        norm_num_groups=4, attention_head_dim=2)
    vae = AutoencoderKL(block_out_channels=(8,), in_channels=3, out_channels=3, latent_channels=4,
                        down_block_types=("DownEncoderBlock2D",), up_block_types=("UpDecoderBlock2D",),
                        norm_num_groups=4)
    text_encoder = CLIPTextModel(CLIPTextConfig(
        vocab_size=100, hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=2,
        max_position_embeddings=77, projection_dim=16, bos_token_id=0, eos_token_id=1, pad_token_id=1))
    scheduler = DDIMScheduler(steps_offset=1, clip_sample=False)
    return StableDiffusionPipeline(vae=vae, text_encoder=text_encoder, tokenizer=None, unet=unet,
                                   scheduler=scheduler, safety_checker=None, feature_extractor=None,
                                   requires_safety_checker=False)


def _linear_shapes(module: torch.nn.Module, suffixes: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    return {name: (m.in_features, m.out_features) for name, m in module.named_modules()
            if isinstance(m, torch.nn.Linear) and name.endswith(suffixes)}


def _unet_out(pipe, cond):
    latents = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        return pipe.unet(latents, 10, encoder_hidden_states=cond).sample


def test_kohya_lora_from_plugin_folder_loads_with_adapter_name(tiny_pipeline, tmp_path):
    pipe = tiny_pipeline
    unet_modules = _linear_shapes(pipe.unet, ("attn1.to_q", "attn1.to_v", "attn2.to_k", "attn2.to_out.0"))
    # kohya trains every text-encoder projection; diffusers 0.42 needs out_proj to infer the layout
    te_modules = _linear_shapes(pipe.text_encoder, ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2"))
    assert len(unet_modules) == 16 and len(te_modules) == 6  # 4 transformer blocks x 4 layers
    tensors = {**kohya_tensors(unet_modules, rank=2, alpha=1.0),
               **kohya_tensors(te_modules, rank=2, alpha=2.0, prefix="lora_te_", seed=1)}
    save_file(tensors, str(tmp_path / "sketch.safetensors"))

    reg = StyleRegistry.load("tiny-sd15", dirs=[tmp_path])
    path = reg.resolve_lora("sketch")
    assert lora_format(path) == "kohya"

    cond = torch.randn(1, 77, 16, generator=torch.Generator().manual_seed(2))
    base = _unet_out(pipe, cond)
    pipe.load_lora_weights(str(path.parent), weight_name=path.name, adapter_name="style_sketch")
    try:
        assert "style_sketch" in pipe.get_list_adapters()["unet"]
        assert "style_sketch" in pipe.get_list_adapters()["text_encoder"]
        q = pipe.unet.get_submodule(next(iter(unet_modules)))
        assert q.lora_A["style_sketch"].weight.shape == (2, q.in_features)
        assert q.scaling["style_sketch"] == pytest.approx(0.5)  # kohya alpha / rank
        pipe.set_adapters(["style_sketch"], adapter_weights=[1.0])
        styled = _unet_out(pipe, cond)
        pipe.set_adapters(["style_sketch"], adapter_weights=[0.0])
        assert torch.allclose(_unet_out(pipe, cond), base, atol=1e-6)
        assert (styled - base).abs().max() > 1e-3
    finally:
        pipe.delete_adapters("style_sketch")


def test_peft_format_loads_through_lora_state_dict(tiny_pipeline, tmp_path):
    pipe = tiny_pipeline
    modules = _linear_shapes(pipe.unet, ("attn1.to_q", "attn1.to_k"))
    gen = torch.Generator().manual_seed(3)
    tensors = {}
    for name, (fan_in, fan_out) in modules.items():
        tensors[f"base_model.model.{name}.lora_A.weight"] = torch.randn(2, fan_in, generator=gen)
        tensors[f"base_model.model.{name}.lora_B.weight"] = torch.randn(fan_out, 2, generator=gen)
    save_file(tensors, str(tmp_path / "peft.safetensors"))
    assert lora_format(tmp_path / "peft.safetensors") == "peft"
    pipe.load_lora_weights(lora_state_dict(tmp_path / "peft.safetensors"), adapter_name="style_peft")
    try:
        assert "style_peft" in pipe.get_list_adapters()["unet"]
        q = pipe.unet.get_submodule(next(iter(modules)))
        assert torch.equal(q.lora_B["style_peft"].weight,
                           tensors[f"base_model.model.{next(iter(modules))}.lora_B.weight"])
    finally:
        pipe.delete_adapters("style_peft")


# 8. The same with the built-in tiny SD 1.5 (facechain.diffusion.base_model) ----------------------


@pytest.fixture(scope="module")
def builtin_pipeline():
    base_model = pytest.importorskip("facechain.diffusion.base_model")
    return base_model.load_base_model("builtin:tiny-sd15", device="cpu").load_pipeline()


@pytest.mark.slow  # builds the tiny model on a cold cache (~40 s on 2 busy cores)
def test_shipped_prompts_fit_the_clip_context(builtin_pipeline):
    tokenizer = builtin_pipeline.tokenizer
    for base in BASES:
        for style in StyleRegistry.load(base, dirs=[]).list():
            for text in (style.render_prompt("a beautiful woman"), style.negative_prompt):
                n = len(tokenizer(text).input_ids)
                assert n <= tokenizer.model_max_length, (base, style.slug, n)


@pytest.mark.slow
def test_kohya_style_mixes_into_the_tiny_sd15_pipeline(builtin_pipeline, tmp_path):
    pipe = builtin_pipeline
    unet_modules = _linear_shapes(pipe.unet, ("to_q", "to_k", "to_v", "to_out.0"))
    te_modules = _linear_shapes(pipe.text_encoder, ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2"))
    save_file({**kohya_tensors(unet_modules, rank=4, alpha=4.0, seed=5),
               **kohya_tensors(te_modules, rank=4, alpha=4.0, prefix="lora_te_", seed=6)},
              str(tmp_path / "tiny-kohya.safetensors"))
    (tmp_path / "tiny-kohya.yaml").write_text(
        "name: Tiny kohya\nstyle_weight: 0.7\nprompt: 'pencil sketch of {trigger}'\n")
    style = StyleRegistry.load("tiny-sd15", dirs=[tmp_path]).get("tiny-kohya")
    path = resolve_lora(style)
    assert lora_format(path) == "kohya"

    def render(weight: float | None):
        if weight is not None:
            pipe.set_adapters(["style_tiny_kohya"], adapter_weights=[weight])
        return pipe(prompt=style.render_prompt("a handsome man"), negative_prompt=style.negative_prompt,
                    num_inference_steps=2, height=64, width=64, output_type="np",
                    generator=torch.Generator().manual_seed(0)).images[0]

    plain = render(None)
    pipe.load_lora_weights(str(path.parent), weight_name=path.name, adapter_name="style_tiny_kohya")
    try:
        assert "style_tiny_kohya" in pipe.get_list_adapters()["unet"]
        styled = render(style.style_weight)
        off = render(0.0)
    finally:
        pipe.delete_adapters("style_tiny_kohya")
    assert plain.shape == (64, 64, 3)
    assert abs(off - plain).max() < 1e-4
    assert abs(styled - plain).max() > 1e-3
