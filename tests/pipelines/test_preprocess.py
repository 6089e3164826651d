"""The preprocessing chain end to end on the real photos and crafted bad inputs."""

import asyncio
import io
import json

import cv2
import numpy as np
import pytest
from PIL import Image, ImageFilter
from pydantic import ValidationError

from facechain.cli import main as cli_main
from facechain.components.face_recognition import distance
from facechain.errors import AllItemsFailedError, ComponentError, InvalidInputError, NoUsablePhotosError
from facechain.errors import CancelledError as FaceChainCancelledError
from facechain.imageio import encode_jpeg
from facechain.pipelines.dataset import read_training_set, write_training_set
from facechain.pipelines.preprocess import PreprocessParams, preprocess
from facechain.types import Gender, Photo, RejectionReason

from ..conftest import FACES, OTHER_PERSON, SAME_PERSON
from .fakes import FakePreprocessComponents, grey_photo


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


# --- one bad photo never sinks the set (component doubles, no models) ---------------------------

SMALL = PreprocessParams(size=128, retouch_strength=0.0)


class Wrapped(Exception):
    """What a runtime wrapper (Ray's RayTaskError) looks like: the original as ``.cause``."""

    def __init__(self, cause: BaseException):
        super().__init__(f"Traceback (most recent call last):\n  ...\n{cause!r}")
        self.cause = cause


@pytest.mark.parametrize("method,stage", [
    ("upright", "rotation+detection"), ("quality", "quality"), ("parse", "parsing"),
    ("attributes", "attributes+tags"), ("tag", "attributes+tags")])
@pytest.mark.parametrize("exc,type_name", [
    (RuntimeError("native code blew up"), "RuntimeError"),
    (cv2.error("OpenCV(4.10) error: (-215:Assertion failed)"), "error"),
    (ValueError("attribute model returned NaN"), "ValueError"),
    (InvalidInputError("face box outside the image", param="face"), "InvalidInputError"),
    (Wrapped(RuntimeError("in the replica")), "RuntimeError"),
])
def test_a_component_failing_on_one_photo_rejects_that_photo_only(method, stage, exc, type_name):
    components = FakePreprocessComponents(fail={method: (120, exc)})
    out = preprocess([grey_photo(60), grey_photo(120), grey_photo(180)], components, SMALL)
    assert [s.source for s in out.samples] == ["grey60.png", "grey180.png"]
    (rejection,) = out.rejected
    assert rejection.source == "grey120.png"
    assert rejection.reason is RejectionReason.ANALYSIS_FAILED
    assert rejection.reason.value == "analysis_failed"
    assert rejection.message.startswith(f"{stage} failed: {type_name}")
    assert "Traceback" not in rejection.message  # the wrapper's text stays in the log
    assert out.template.source == "grey180.png"


def test_unexpected_component_errors_are_logged_with_their_traceback(caplog):
    components = FakePreprocessComponents(fail={"parse": (120, RuntimeError("boom"))})
    with caplog.at_level("WARNING", logger="facechain.pipelines.failures"):
        preprocess([grey_photo(60), grey_photo(120)], components, SMALL)
    (record,) = [r for r in caplog.records if "grey120.png" in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "RuntimeError" in record.getMessage()


@pytest.mark.parametrize("exc", [asyncio.CancelledError(), FaceChainCancelledError("stop")])
def test_cancellation_is_never_a_rejection(exc):
    components = FakePreprocessComponents(fail={"parse": (120, exc)})
    with pytest.raises(type(exc)):
        preprocess([grey_photo(60), grey_photo(120)], components, SMALL)


def test_a_failed_template_embedding_rejects_that_photo_and_takes_the_next_best():
    components = FakePreprocessComponents(fail={"embed": (180, RuntimeError("dlib"))})
    out = preprocess([grey_photo(60), grey_photo(120), grey_photo(180)], components, SMALL)
    assert out.template.source == "grey120.png"  # 180 has the best quality but no embedding
    assert [s.source for s in out.samples] == ["grey60.png", "grey120.png"]
    (rejection,) = out.rejected
    assert (rejection.source, rejection.reason) == ("grey180.png", RejectionReason.EMBEDDING_FAILED)
    assert rejection.message.startswith("embed failed: RuntimeError")


@pytest.mark.parametrize("method", ["parse", "embed"])
def test_every_photo_failing_in_a_component_is_not_the_callers_fault(method):
    down = Wrapped(ConnectionError("deployment unreachable"))
    components = FakePreprocessComponents(fail={method: (None, down)})
    with pytest.raises(AllItemsFailedError) as err:
        preprocess([grey_photo(60), grey_photo(120)], components, SMALL)
    assert not isinstance(err.value, NoUsablePhotosError | InvalidInputError)  # never a 4xx
    assert isinstance(err.value, ComponentError) and err.value.__cause__ is down
    assert sorted(f.source for f in err.value.failures) == ["grey120.png", "grey60.png"]
    assert all(f.reason.is_failure for f in err.value.failures)


def test_nothing_usable_with_a_verdict_still_lists_every_reason():
    components = FakePreprocessComponents(fail={"parse": (120, RuntimeError("boom"))})
    with pytest.raises(NoUsablePhotosError) as err:
        preprocess([Photo("empty.jpg", b""), grey_photo(120)], components, SMALL)
    assert {r.source: r.reason for r in err.value.rejections} == {
        "empty.jpg": RejectionReason.UNDECODABLE, "grey120.png": RejectionReason.ANALYSIS_FAILED}


# --- the caller overrides the classifiers' gender and age ---------------------------------------

ELDERLY_WOMAN_AS_MAN = dict(male_probability=0.98, age=70.0, tags=("solo", "1boy", "smile"))


def test_classifiers_decide_without_an_override():
    out = preprocess([grey_photo(60)], FakePreprocessComponents(**ELDERLY_WOMAN_AS_MAN), SMALL)
    assert out.trigger == "a mature man" and out.trigger_tags == ()
    assert out.samples[0].caption.startswith("a mature man, solo, 1boy")


def test_gender_override_changes_trigger_captions_and_gender_tags():
    params = PreprocessParams(size=128, retouch_strength=0.0, gender="female")
    assert params.gender is Gender.FEMALE
    out = preprocess([grey_photo(60), grey_photo(120)],
                     FakePreprocessComponents(**ELDERLY_WOMAN_AS_MAN), params)
    assert out.trigger == "a mature woman" and out.gender is Gender.FEMALE
    for s in out.samples:
        assert s.caption.startswith("a mature woman, solo, smile")
        assert "1boy" not in s.caption and "1boy" not in s.tags
        assert s.attributes.male_probability == 0.98  # the measurement itself is kept


def test_age_group_override_gives_the_child_row_with_its_children_tag():
    params = PreprocessParams(size=128, retouch_strength=0.0, gender="female", age_group="child")
    out = preprocess([grey_photo(60)], FakePreprocessComponents(**ELDERLY_WOMAN_AS_MAN), params)
    assert out.trigger == "a girl" and out.trigger_tags == ("children",)
    assert out.samples[0].caption.startswith("a girl, children, solo, smile")
    assert out.age == 70.0  # the measured mean age stays what it was


@pytest.mark.parametrize("field,value", [("gender", "other"), ("age_group", "teen")])
def test_override_values_are_enums(field, value):
    with pytest.raises(ValidationError):
        PreprocessParams(**{field: value})
