"""``facechain models check``: each role's backend, source and local presence, no download; the
paper profile's ids and revisions are FaceChain's pins."""

from __future__ import annotations

import json

import yaml

from facechain.cli import main
from facechain.config import config_dir
from facechain.registry import ModelRegistry, hub_ignore


def _profile(tmp_path, roles: dict) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump({"roles": roles}))
    return str(path)


def test_check_reports_cache_presence_and_missing_files(tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    monkeypatch.setenv("MODELSCOPE_CACHE", str(cache))
    snapshot = cache / "models" / "damo" / "cv_ir_face-recognition-ood_rts"
    snapshot.mkdir(parents=True)
    (snapshot / "configuration.json").write_text("{}")
    profile = _profile(tmp_path, {
        "face_recognition": {"backend": "rts",
                             "source": "modelscope:damo/cv_ir_face-recognition-ood_rts@v2.5"},
        "face_quality": {"backend": "modelscope_fqa",
                         "source": "modelscope:damo/cv_manual_face-quality-assessment_fqa@v2.0"},
        "face_detection": {"backend": "dlib_hog"},
    })
    checks = {c.role: c for c in ModelRegistry.load(profile).check_all()}
    assert not checks["face_recognition"].present
    assert checks["face_recognition"].missing == ("pytorch_model.pt",)
    assert checks["face_recognition"].path == snapshot
    assert not checks["face_quality"].present and "not in the ModelScope cache" in \
        checks["face_quality"].note
    assert checks["face_detection"].present

    assert main(["models", "check", "--models", profile, "--json"]) == 1
    rows = {r["role"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["face_recognition"]["missing"] == ["pytorch_model.pt"]

    (snapshot / "pytorch_model.pt").write_bytes(b"x")
    assert ModelRegistry.load(profile).check("face_recognition").present
    assert main(["models", "check", "--models", _profile(tmp_path, {
        "face_recognition": {"backend": "rts",
                             "source": "modelscope:damo/cv_ir_face-recognition-ood_rts"}})]) == 0
    assert "present" in capsys.readouterr().out


def test_default_profile_is_all_present():
    assert all(c.present for c in ModelRegistry.load("default").check_all())


def test_paper_profile_pins():
    roles = yaml.safe_load((config_dir() / "models" / "paper.yaml").read_text())["roles"]
    # (FaceChain: facechain/data_process/preprocessing.py, facechain/inference.py,
    # facechain/data_process/deepbooru.py, facechain/train_text_to_image_lora.py, constants.py)
    expected = {
        "rotation": ("rot_bgr", "modelscope:Cherrytest/rot_bgr@v1.0.0"),
        "face_detection": ("modelscope_damofd",
                           "modelscope:damo/cv_ddsar_face-detection_iclr23-damofd@v1.1"),
        "human_parsing": ("modelscope_m2fp",
                          "modelscope:damo/cv_resnet101_image-multiple-human-parsing@v1.0.1"),
        "skin_retouching": ("modelscope_abpn",
                            "modelscope:damo/cv_unet_skin_retouching_torch@v1.0.1"),
        "face_attributes": ("modelscope_fairface",
                            "modelscope:damo/cv_resnet34_face-attribute-recognition_fairface@v2.0.2"),
        "tagging": ("deepdanbooru", "modelscope:ly261666/cv_portrait_model@v4.0"),
        "face_quality": ("modelscope_fqa",
                         "modelscope:damo/cv_manual_face-quality-assessment_fqa@v2.0"),
        "face_recognition": ("rts", "modelscope:damo/cv_ir_face-recognition-ood_rts@v2.5"),
        "face_fusion": ("modelscope_fusion", "modelscope:damo/cv_unet-image-face-fusion_damo@v1.1"),
        "base_model": ("diffusers", "modelscope:ly261666/cv_portrait_model@v2.0"),
    }
    assert {r: (roles[r]["backend"], roles[r]["source"]) for r in expected} == expected
    assert roles["tagging"]["files"] == ["model-resnet_custom_v3.pt"]
    # every backend the profile names exists (no download: check() only looks at the cache)
    for check in ModelRegistry.load("paper").check_all():
        assert "unknown backend" not in check.note, check


def test_hub_ignore_lifts_only_exactly_named_files():
    assert "*.pt" not in hub_ignore(["model-resnet_custom_v3.pt"])
    assert "*.pt" in hub_ignore(["*.pt"]) and "*.pt" in hub_ignore(None)
    assert "*.ckpt" in hub_ignore(["model-resnet_custom_v3.pt"])
