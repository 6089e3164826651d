"""``facechain inpaint``: result.png at the template's size, report.json, exit codes (in-process)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from facechain.cli import main
from facechain.imageio import decode_image, read_image, write_image
from facechain.pipelines.train import TrainParams, train
from facechain.types import Photo
from tests.conftest import FACES, shrink

pytestmark = pytest.mark.slow
FAST = ["--steps", "3", "--crop-size", "64"]
KEYS = {"index", "box", "lora", "status", "reason", "similarity"}


def _lora(local_components, tiny_base, out, seed):
    train([Photo("obama.jpg", (FACES / "obama.jpg").read_bytes())], tiny_base, out,
          TrainParams(steps=2, resolution=64, seed=seed), local_components)
    return out


@pytest.fixture(scope="module")
def loras(local_components, tiny_base, tmp_path_factory):
    return [_lora(local_components, tiny_base, tmp_path_factory.mktemp(f"cli_inpaint_{n}"), seed)
            for n, seed in (("a", 1), ("b", 2))]


@pytest.fixture(scope="module")
def template_path(tmp_path_factory):
    """obama | biden side by side (two faces, left to right)."""
    left = shrink(decode_image((FACES / "obama.jpg").read_bytes()), 320)
    right = shrink(decode_image((FACES / "biden.jpg").read_bytes()), 320)
    h = min(left.shape[0], right.shape[0])
    path = tmp_path_factory.mktemp("cli_inpaint_template") / "two.png"
    write_image(path, np.ascontiguousarray(np.concatenate([left[:h], right[:h]], axis=1)))
    return path


def _box(image, box):
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    return image[y0:y1, x0:x1]


def test_inpaint_two_loras_writes_result_and_report(loras, template_path, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["inpaint", str(template_path), "--lora", str(loras[0]), "--lora", str(loras[1]),
            "--seed", "5", "--out", str(out), *FAST]
    assert main(args) == 0
    template, result = read_image(template_path), read_image(out / "result.png")
    assert result.shape == template.shape
    report = json.loads((out / "report.json").read_text())
    assert report["seed"] == 5 and json.loads(capsys.readouterr().out)["faces"] == ["done", "done"]
    assert [f["lora"] for f in report["faces"]] == [loras[0].name, loras[1].name]
    assert [f["index"] for f in report["faces"]] == [0, 1]
    assert all(set(f) == KEYS and f["status"] == "done" for f in report["faces"])
    assert report["faces"][0]["box"][0] < report["faces"][1]["box"][0]  # left to right


def test_inpaint_faces_option_maps_loras_to_indices(loras, template_path, tmp_path):
    out = tmp_path / "out"
    assert main(["inpaint", str(template_path), "--lora", str(loras[1]), "--faces", "1",
                 "--seed", "2", "--out", str(out), *FAST]) == 0
    template, result = read_image(template_path), read_image(out / "result.png")
    faces = json.loads((out / "report.json").read_text())["faces"]
    assert [(f["status"], f["lora"]) for f in faces] == [("skipped", None), ("done", loras[1].name)]
    np.testing.assert_array_equal(_box(result, faces[0]["box"]), _box(template, faces[0]["box"]))


def test_inpaint_bad_arguments_exit_1(loras, template_path, tmp_path, capsys):
    base = ["inpaint", str(template_path), "--lora", str(loras[0]), "--out", str(tmp_path), *FAST]
    assert main([*base, "--faces", "0,1"]) == 1  # two indices for one --lora
    assert main([*base, "--faces", "7"]) == 1    # no such face
    assert "face index 7 does not exist" in capsys.readouterr().err
    assert main([*base, "--faces", "x"]) == 1
    assert not (tmp_path / "report.json").exists()


def test_inpaint_exits_2_when_no_face_was_redrawn(loras, template_path, tmp_path, monkeypatch):
    from facechain.pipelines.runtime import LocalComponents

    async def broken(self, request):
        raise RuntimeError("no diffusion today")

    monkeypatch.setattr(LocalComponents, "diffuse", broken)
    out = tmp_path / "out"
    assert main(["inpaint", str(template_path), "--lora", str(loras[0]), "--seed", "3",
                 "--out", str(out), *FAST]) == 2
    report = json.loads((out / "report.json").read_text())
    assert report["seed"] == 3
    assert [f["status"] for f in report["faces"]] == ["failed", "skipped"]
    assert "RuntimeError: no diffusion today" in report["faces"][0]["reason"]
    np.testing.assert_array_equal(read_image(out / "result.png"), read_image(template_path))
