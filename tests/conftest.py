"""Shared test fixtures: the real photos and session-wide components (built once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
FACES = FIXTURES / "faces"
SAME_PERSON = ["obama.jpg", "obama2.jpg", "obama3.jpg"]
OTHER_PERSON = "biden.jpg"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GLOG_minloglevel", "2")


def shrink(image, side: int = 640):
    """``image`` scaled so its longer side is ``side`` px (keeps tests fast)."""
    import cv2

    scale = side / max(image.shape[:2])
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


def photo_bytes(name: str) -> bytes:
    return (FACES / name).read_bytes()


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    return FACES


@pytest.fixture(scope="session")
def images():
    """Decoded fixture photos by file name."""
    from facechain.imageio import decode_image

    return {p.name: decode_image(p.read_bytes()) for p in sorted(FACES.glob("*.jpg"))}


@pytest.fixture(scope="session")
def registry():
    from facechain.registry import ModelRegistry

    return ModelRegistry.load("default")


@pytest.fixture(scope="session")
def detector(registry):
    return registry.build("face_detection")


@pytest.fixture(scope="session")
def embedder(registry):
    return registry.build("face_recognition")


@pytest.fixture(scope="session")
def local_components(registry):
    """In-process components for pipeline tests, built once per session."""
    from facechain.pipelines.runtime import LocalComponents

    return LocalComponents(registry)


@pytest.fixture(scope="session")
def faces(images, detector):
    """The largest detected face of each fixture photo."""
    return {name: detector(image)[0] for name, image in images.items()}


@pytest.fixture(scope="module")
def one_torch_thread():
    """One intra-op torch thread for the module: the tiny model's graphs gain nothing from more,
    and the test machine is shared."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tiny_base(one_torch_thread):
    """The builtin tiny SD 1.5 base model on the CPU, run with one torch thread."""
    from facechain.diffusion.base_model import load_base_model

    return load_base_model("builtin:tiny-sd15", device="cpu")
