"""The preprocessing chain end to end on the real photos and crafted bad inputs."""

import io
import json

import cv2
import numpy as np
import pytest
from PIL import Image, ImageFilter

from facechain.cli import main as cli_main
from facechain.components.face_recognition import distance
from facechain.errors import InvalidInputError, NoUsablePhotosError
from facechain.imageio import encode_jpeg
from facechain.pipelines.dataset import read_training_set, write_training_set
from facechain.pipelines.preprocess import PreprocessParams, preprocess
from facechain.types import Photo, RejectionReason

from ..conftest import FACES, OTHER_PERSON, SAME_PERSON


def _jpeg(img: np.ndarray) -> bytes:
    return encode_jpeg(img, quality=92)


@pytest.fixture(scope="module")
def crafted(images):
    obama, biden = images["obama.jpg"], images[OTHER_PERSON]
    h = min(obama.shape[0], biden.shape[0])

    def fit(img):
        return np.asarray(Image.fromarray(img).resize((round(img.shape[1] * h / img.shape[0]), h)))

    collage = np.concatenate([fit(obama), fit(biden)], axis=1)
    canvas = np.full((1200, 1200, 3), 200, np.uint8)
    small = np.asarray(Image.fromarray(obama).resize((obama.shape[1] // 8, obama.shape[0] // 8)))
    canvas[500:500 + small.shape[0], 500:500 + small.shape[1]] = small
    blurred = np.asarray(Image.fromarray(obama).filter(ImageFilter.GaussianBlur(6)))
    landscape = np.zeros((400, 600, 3), np.uint8)
    landscape[:200] = (120, 170, 230)
    landscape[200:] = (60, 120, 40)
    return {
        "rot90.jpg": _jpeg(np.ascontiguousarray(np.rot90(images["obama2.jpg"], 1))),
        "rot180.jpg": _jpeg(np.ascontiguousarray(np.rot90(images["obama3.jpg"], 2))),
        "rot270.jpg": _jpeg(np.ascontiguousarray(np.rot90(obama, 3))),
        "no_face.jpg": _jpeg(landscape),
        "collage.jpg": _jpeg(collage),
        "tiny_face.jpg": _jpeg(canvas),
        "blurred.jpg": _jpeg(blurred),
        "truncated.jpg": (FACES / "obama2.jpg").read_bytes()[:4000],
        "empty.jpg": b"",
    }


@pytest.fixture(scope="module")
def result(local_components, crafted):
    photos = [Photo(n, (FACES / n).read_bytes()) for n in SAME_PERSON]
    photos += [Photo(n, data) for n, data in crafted.items()]
    return preprocess(photos, local_components)


def test_same_person_photos_accepted(result):
    accepted = {s.source for s in result.samples}
    assert set(SAME_PERSON) <= accepted
    for s in result.samples:
        assert s.image.shape == (512, 512, 3) and s.image.dtype == np.uint8
        assert s.mask.shape == (512, 512) and s.mask[256, 256] == 255


@pytest.mark.parametrize("name,reason", [
    ("no_face.jpg", RejectionReason.NO_FACE),
    ("collage.jpg", RejectionReason.MULTIPLE_FACES),
    ("tiny_face.jpg", RejectionReason.FACE_TOO_SMALL),
    ("blurred.jpg", RejectionReason.TOO_BLURRY),
    ("truncated.jpg", RejectionReason.UNDECODABLE),
    ("empty.jpg", RejectionReason.UNDECODABLE),
])
def test_bad_photos_rejected_with_reason(result, name, reason):
    rejected = {r.source: r for r in result.rejected}
    assert name in rejected, f"{name} was accepted"
    assert rejected[name].reason == reason, rejected[name]
    assert rejected[name].message


# np.rot90 turns counter-clockwise; Rotation.angle is the clockwise turn that undoes it
@pytest.mark.parametrize("name,angle", [("rot90.jpg", 90), ("rot180.jpg", 180), ("rot270.jpg", 270)])
def test_rotated_photos_come_out_upright_and_aligned(result, detector, name, angle):
    sample = next(s for s in result.samples if s.source == name)
    assert sample.rotation == angle
    faces = detector(sample.crop)
    assert len(faces) == 1
    lm = faces[0].landmarks
    eyes_y, mouth_y = lm[:2, 1].mean(), lm[3:, 1].mean()
    assert eyes_y < mouth_y - 20  # upright: eyes above the mouth
    assert lm[0, 0] < lm[1, 0]
    assert abs(lm[0, 1] - lm[1, 1]) < 8  # eyes level after the least-squares roll
    assert abs(lm[:, 0].mean() - 256) < 0.05 * 512  # centred horizontally


def test_trigger_and_captions(result):
    assert result.trigger == "a mature man"  # mean age of the set is > 40, all male
    for s in result.samples:
        assert s.caption.startswith("a mature man, ")
        assert "white background" in s.caption
        for banned in ("eyes", "lips", "ears", "nose", "teeth"):
            assert banned not in s.caption


def test_white_background_outside_head(result):
    for s in result.samples:
        outside = s.mask == 0
        assert (s.image[outside] >= 250).mean() > 0.95


def test_template_is_best_quality_and_embeds_the_person(result, images, detector, embedder):
    best = max(result.samples, key=lambda s: s.quality)
    assert result.template.source == best.source
    biden = images[OTHER_PERSON]
    d_other = distance(result.template.embedding, embedder(biden, detector(biden)[0]))
    same = [distance(result.template.embedding, embedder(images[n], detector(images[n])[0]))
            for n in SAME_PERSON]
    assert max(same) < d_other


def test_nothing_usable_raises_with_every_reason(local_components, crafted):
    photos = [Photo(n, crafted[n]) for n in ("no_face.jpg", "empty.jpg")]
    with pytest.raises(NoUsablePhotosError) as err:
        preprocess(photos, local_components)
    assert {r.source: r.reason for r in err.value.rejections} == {
        "no_face.jpg": RejectionReason.NO_FACE, "empty.jpg": RejectionReason.UNDECODABLE}


def test_too_many_photos_is_a_typed_error(local_components):
    with pytest.raises(InvalidInputError):
        preprocess([Photo(f"{i}.jpg", b"") for i in range(3)], local_components,
                   PreprocessParams(max_photos=2))


def test_retouch_zero_keeps_crop_pixels_inside_head(local_components):
    photos = [Photo("obama.jpg", (FACES / "obama.jpg").read_bytes())]
    out = preprocess(photos, local_components, PreprocessParams(retouch_strength=0.0))
    s = out.samples[0]
    core = cv2.erode(s.mask, np.ones((31, 31), np.uint8)) == 255  # beyond the feather kernel
    assert core.sum() > 10000
    assert np.array_equal(s.image[core], s.crop[core])


def test_training_set_roundtrip(result, tmp_path):
    report = write_training_set(result, tmp_path)
    examples, back = read_training_set(tmp_path)
    assert len(examples) == len(result.samples) == len(report["accepted"])
    assert back["trigger"] == result.trigger
    lines = (tmp_path / "train" / "metadata.jsonl").read_text().splitlines()
    assert all(set(json.loads(x)) == {"file_name", "text"} for x in lines)
    for a in report["accepted"]:
        for key in ("image", "crop", "mask"):
            assert (tmp_path / a[key]).is_file()
        Image.open(io.BytesIO((tmp_path / a["image"]).read_bytes())).verify()


def test_cli_exit_codes(tmp_path, crafted, capsys):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(crafted["truncated.jpg"])
    assert cli_main(["preprocess", str(FACES / "obama.jpg"), str(bad), "--out", str(tmp_path / "o")]) == 0
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    assert [a["source"] for a in report["accepted"]] == ["obama.jpg"]
    assert report["rejected"] == [{"source": "bad.jpg", "reason": "undecodable",
                                   "message": report["rejected"][0]["message"]}]
    assert cli_main(["preprocess", str(bad), "--out", str(tmp_path / "o2")]) == 2
    assert "undecodable" in capsys.readouterr().err
