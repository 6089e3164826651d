"""configs/ and the demo photos are package data: a wheel built from the checkout and installed
elsewhere finds them from any working directory, without the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, os
from importlib.resources import files
import facechain
from facechain.config import config_dir, demo_photos_dir
from facechain.registry import ModelRegistry
from facechain.diffusion.styles import StyleRegistry
from facechain.demo import demo_photos
print(json.dumps({
    "package": facechain.__file__,
    "config_dir": str(config_dir()),
    "profiles": sorted(p.name for p in (config_dir() / "models").glob("*.yaml")),
    "default_roles": sorted(ModelRegistry.load("default").profile.roles),
    "tiny_styles": StyleRegistry.load("tiny-sd15", dirs=[]).slugs(),
    "sd15_config": sorted(p.name for p in (config_dir() / "diffusers" / "sd15").iterdir()),
    "serve_config": (config_dir() / "serve" / "local.yaml").is_file(),
    "photos_dir": str(demo_photos_dir()),
    "demo_photos": [p.source for p in demo_photos()],
    "ui": sorted(p.name for p in (files("serve") / "ui").iterdir()),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project installed (not editable) from a copy of the checkout, into its own folder."""
    tmp = tmp_path_factory.mktemp("package")
    src = tmp / "src"
    src.mkdir()
    for item in ROOT.iterdir():
        if item.is_dir() and item.name != "tests" and ((item / "__init__.py").is_file() or item.name == "configs"):
            shutil.copytree(item, src / item.name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    site = tmp / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(site), str(src)], check=True, capture_output=True, timeout=600)
    return site


def _probe(site: Path, cwd: Path, **env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in ("FACECHAIN_CONFIG_DIR", "PYTHONPATH")}
    environ.update(PYTHONPATH=str(site), **env)
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=cwd, env=environ, check=True,
                         capture_output=True, text=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_installed_package_finds_configs_and_demo_photos_from_elsewhere(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    got = _probe(installed, elsewhere)
    assert Path(got["package"]).is_relative_to(installed)  # the installed copy, not the checkout
    assert Path(got["config_dir"]).is_relative_to(installed) and not Path(got["config_dir"]).is_symlink()
    assert {"default.yaml", "sd15.yaml"} <= set(got["profiles"])
    assert "base_model" in got["default_roles"] and {"ink", "headshot"} <= set(got["tiny_styles"])
    assert got["sd15_config"] == ["model_index.json", "scheduler", "text_encoder", "unet", "vae"]
    assert got["serve_config"]
    assert Path(got["photos_dir"]).is_relative_to(installed)
    assert got["demo_photos"][:3] == ["obama.jpg", "obama2.jpg", "obama3.jpg"]
    assert not (Path(got["photos_dir"]) / "astronaut.png").exists()  # test-only: not in the wheel
    assert got["ui"] == sorted(p.name for p in (ROOT / "serve" / "ui").iterdir())  # the web UI

    override = tmp_path / "my-configs"
    shutil.copytree(Path(got["config_dir"]), override)
    assert _probe(installed, elsewhere, FACECHAIN_CONFIG_DIR=str(override))["config_dir"] == str(override)


def test_checkout_reads_the_same_configs_through_the_package():
    from facechain.config import config_dir, demo_photos_dir

    assert config_dir().resolve() == (ROOT / "configs").resolve()
    assert (config_dir() / "models" / "default.yaml").is_file()
    assert (demo_photos_dir() / "obama.jpg").is_file()
    assert (ROOT / "tests" / "fixtures" / "faces" / "obama.jpg").samefile(demo_photos_dir() / "obama.jpg")
