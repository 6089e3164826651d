from pathlib import Path

import pytest

from facechain.config import config_dir
from facechain.errors import ConfigError, ModelSourceError
from facechain.registry import ROLE_MODULES, ModelRegistry, backends, parse_source, resolve_source


def test_every_profile_validates():
    profiles = sorted((config_dir() / "models").glob("*.yaml"))
    assert profiles
    for path in profiles:
        reg = ModelRegistry.load(path)
        assert set(reg.profile.roles) <= set(ROLE_MODULES)


def test_default_profile_is_offline():
    reg = ModelRegistry.load("default")
    for role, spec in reg.profile.roles.items():
        assert parse_source(spec.source)[0] == "builtin", role


@pytest.mark.parametrize("source,kind,ref", [
    ("builtin", "builtin", ""), ("builtin:tiny-sd15", "builtin", "tiny-sd15"),
    ("hf:org/repo@main", "hf", "org/repo@main"), ("modelscope:damo/x", "modelscope", "damo/x"),
    ("/abs/path.dat", "local", "/abs/path.dat"), ("local:rel/x", "local", "rel/x"),
])
def test_parse_source(source, kind, ref):
    assert parse_source(source) == (kind, ref)


def test_missing_local_source_names_role_and_path(tmp_path):
    with pytest.raises(ModelSourceError) as err:
        resolve_source("face_detection", str(tmp_path / "nope.dat"))
    assert "face_detection" in str(err.value) and "nope.dat" in str(err.value)


def test_relative_local_source_resolves_against_profile(tmp_path):
    (tmp_path / "w.dat").write_bytes(b"x")
    assert resolve_source("landmarks", "w.dat", base_dir=tmp_path).path == tmp_path / "w.dat"


def test_modelscope_without_extra_is_clear(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_modelscope(name, *a, **kw):
        if name.startswith("modelscope"):
            raise ImportError(name)
        return real_import(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_modelscope)
    with pytest.raises(ModelSourceError, match="hub"):
        resolve_source("human_parsing", "modelscope:damo/cv_resnet101_image-multiple-human-parsing")


def test_invalid_profiles(tmp_path: Path):
    bad_role = tmp_path / "a.yaml"
    bad_role.write_text("roles:\n  teleport: {backend: x}\n")
    with pytest.raises(ConfigError, match="teleport"):
        ModelRegistry.load(bad_role)
    extra = tmp_path / "b.yaml"
    extra.write_text("roles:\n  rotation: {backend: x, sauce: y}\n")
    with pytest.raises(ConfigError):
        ModelRegistry.load(extra)
    with pytest.raises(ConfigError):
        ModelRegistry.load(tmp_path / "missing.yaml")


def test_unknown_backend_lists_known(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roles:\n  face_recognition: {backend: nonexistent}\n")
    with pytest.raises(ModelSourceError, match="unknown backend"):
        ModelRegistry.load(path).build("face_recognition")


def test_unconfigured_role(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roles: {}\n")
    with pytest.raises(ModelSourceError, match="not configured"):
        ModelRegistry.load(path).spec("rotation")


@pytest.mark.parametrize("role", ["face_restoration", "tts", "talking_head"])
def test_talk_roles_list_their_backends_and_refuse_unknown_ones(tmp_path, role):
    assert backends(role), role
    path = tmp_path / "p.yaml"
    path.write_text(f"roles:\n  {role}: {{backend: anything}}\n")
    with pytest.raises(ModelSourceError, match="unknown backend") as err:
        ModelRegistry.load(path).build(role)
    assert err.value.role == role


def test_a_role_whose_module_is_missing_raises_a_typed_error_naming_it(tmp_path, monkeypatch):
    from facechain import registry

    monkeypatch.setitem(registry.ROLE_MODULES, "tts", "facechain.components.no_such_module")
    path = tmp_path / "p.yaml"
    path.write_text("roles:\n  tts: {backend: piper}\n")
    with pytest.raises(ModelSourceError) as err:
        ModelRegistry.load(path).build("tts")
    assert err.value.role == "tts" and "not implemented" in str(err.value)


def test_modelscope_snapshots_with_files_are_filtered(monkeypatch, tmp_path):
    """A ModelScope source fetched for named files (a style LoRA) skips pickles as hf: does; a
    whole model (the paper's pipelines) is fetched as published."""
    import sys
    import types

    from facechain.registry import HUB_IGNORE

    calls = []

    def fake_download(model_id, revision=None, **kwargs):
        calls.append((model_id, revision, kwargs))
        return str(tmp_path)

    module = types.ModuleType("modelscope.hub.snapshot_download")
    module.snapshot_download = fake_download
    for name in ("modelscope", "modelscope.hub"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "modelscope.hub.snapshot_download", module)

    resolve_source("style/polaroid", "modelscope:YorickHe/polaroid_lora@v1.0.0", files=["x.safetensors"])
    resolve_source("face_detection", "modelscope:damo/cv_ddsar_face-detection_iclr23-damofd")
    assert calls == [
        ("YorickHe/polaroid_lora", "v1.0.0", {"allow_patterns": ["x.safetensors"], "ignore_patterns": HUB_IGNORE}),
        ("damo/cv_ddsar_face-detection_iclr23-damofd", None, {}),
    ]
