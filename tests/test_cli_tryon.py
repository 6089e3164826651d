"""``facechain tryon``: result.png and mask.png at the photo's size, report.json (in-process)."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from facechain.cli import main
from facechain.imageio import decode_image, read_image, write_image
from facechain.pipelines.train import TrainParams, train
from facechain.types import Photo
from tests.conftest import FACES, shrink

pytestmark = pytest.mark.slow
FAST = ["--size", "128", "--steps", "3"]


@pytest.fixture(scope="module")
def lora_dir(local_components, tiny_base, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli_tryon_lora")
    train([Photo("obama.jpg", (FACES / "obama.jpg").read_bytes())], tiny_base, out,
          TrainParams(steps=2, resolution=64, seed=1), local_components)
    return out


@pytest.fixture(scope="module")
def photo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli_tryon_photo") / "garment.png"
    write_image(path, shrink(decode_image((FACES / "obama.jpg").read_bytes()), 320))
    return path


def test_tryon_writes_result_mask_and_report(lora_dir, photo_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["tryon", str(photo_path), "--lora", str(lora_dir), "--seed", "5", "--out",
                 str(out), "--background", "street", *FAST]) == 0
    photo = read_image(photo_path)
    result = read_image(out / "result.png")
    mask = read_image(out / "mask.png")[:, :, 0]
    assert result.shape == photo.shape and mask.shape == photo.shape[:2]
    kept = cv2.erode(mask, np.ones((15, 15), np.uint8)) > 0
    assert kept.any()
    report = json.loads((out / "report.json").read_text())
    assert report["seed"] == 5 and json.loads(capsys.readouterr().out)["seed"] == 5
    named = [f for f in report["faces"] if f["status"] != "skipped"]
    assert len(named) == 1 and named[0]["lora"] == lora_dir.name
    assert set(named[0]) == {"index", "box", "lora", "status", "reason", "similarity"}
    assert "city background, street" in report["prompt"]
    if named[0]["status"] == "failed":  # no face on the tiny model's drawing: the try-on is kept
        np.testing.assert_array_equal(result[kept], photo[kept])


def test_given_mask_is_used_and_written_back(lora_dir, photo_path, tmp_path):
    photo = read_image(photo_path)
    h, w = photo.shape[:2]
    given = np.zeros((h, w), np.uint8)
    given[h // 2:, w // 4:3 * w // 4] = 255
    write_image(tmp_path / "mask.png", given)
    out = tmp_path / "out"
    assert main(["tryon", str(photo_path), "--lora", str(lora_dir), "--mask",
                 str(tmp_path / "mask.png"), "--no-face-pass", "--seed", "2", "--out", str(out),
                 *FAST]) == 0
    np.testing.assert_array_equal(read_image(out / "mask.png")[:, :, 0], given)
    kept = cv2.erode(given, np.ones((15, 15), np.uint8)) > 0
    np.testing.assert_array_equal(read_image(out / "result.png")[kept], photo[kept])
    assert json.loads((out / "report.json").read_text())["faces"] == []


def test_wrong_size_mask_is_an_error(lora_dir, photo_path, tmp_path, capsys):
    write_image(tmp_path / "mask.png", np.full((16, 16), 255, np.uint8))
    assert main(["tryon", str(photo_path), "--lora", str(lora_dir), "--mask",
                 str(tmp_path / "mask.png"), "--out", str(tmp_path / "out"), *FAST]) == 1
    assert "does not match the image" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
