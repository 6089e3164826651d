"""Tags measured from the real photos; identity filtering, trigger words and captions."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.tagging import (
    GENDER_TAGS,
    Trigger,
    build_classical,
    caption,
    common_tags,
    filter_identity_tags,
    hair_color_name,
    trigger_word,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Attributes, Gender, Parsing


@pytest.fixture(scope="module")
def tagger(registry):
    return registry.build("tagging")


@pytest.fixture(scope="module")
def tags(images, faces, tagger):
    return {name: tagger(images[name], faces[name]) for name in images}


@pytest.fixture(scope="module")
def parsings(registry, images):
    parser = registry.build("human_parsing")
    return {name: parser(images[name]) for name in ("obama2.jpg", "biden.jpg")}


# --- trigger word: the paper's Table 1 ---------------------------------------------------------

@pytest.mark.parametrize(("male", "ages", "word", "extra"), [
    (0.9, [8, 12, 15], "a boy", ("children",)),
    (0.1, [8, 12, 15], "a girl", ("children",)),
    (0.8, [25, 30, 35], "a handsome man", ()),
    (0.2, [25, 30, 35], "a beautiful woman", ()),
    (0.95, [45, 55, 60], "a mature man", ()),
    (0.05, [45, 55, 60], "a mature woman", ()),
    (0.9, [19.9], "a boy", ("children",)),  # band edges: < 20 child, 20-40 adult, > 40 mature
    (0.9, [20.0], "a handsome man", ()),
    (0.9, [40.0], "a handsome man", ()),
    (0.9, [40.5], "a mature man", ()),
])
def test_trigger_word_rows(male, ages, word, extra):
    trigger = trigger_word([Attributes(male_probability=male, age=a) for a in ages])
    assert trigger.word == word and trigger.extra_tags == extra
    assert trigger.age == pytest.approx(np.mean(ages))
    assert trigger.gender is (Gender.MALE if male >= 0.5 else Gender.FEMALE)


def test_trigger_sums_over_photos():
    # one photo reads young and female; the mean over the set decides
    attrs = [Attributes(0.9, 50), Attributes(0.3, 18), Attributes(0.8, 60)]
    trigger = trigger_word(attrs)
    assert trigger.word == "a mature man" and trigger.age == pytest.approx(128 / 3)
    mixed = [Attributes(0.9, 30), Attributes(0.2, 30), Attributes(0.3, 30)]  # mean male 0.47
    assert trigger_word(mixed).word == "a beautiful woman"
    with pytest.raises(InvalidInputError):
        trigger_word([])


# --- identity tags, captions, common tags --------------------------------------------------------

def test_identity_tags_are_removed():
    identity = ["blue eyes", "brown eyes", "thick eyebrows", "long eyelashes", "lips",
                "pink lips", "pointy ears", "teeth", "nose", "face", "mouth", "head", "dark skin",
                "dark-skinned male", "round face", "face shape", "mole under eye", "freckles",
                "asian", "3d"]
    kept = ["solo", "1boy", "smile", "open mouth", "closed mouth", "black hair", "short hair",
            "looking at viewer", "head tilt", "eyewear", "glasses", "upper body",
            "white background", "facial hair"]
    assert filter_identity_tags(identity + kept) == kept
    assert filter_identity_tags(["Blue_Eyes", "smile"]) == ["smile"]


def test_caption_format():
    trigger = Trigger("a mature man", Gender.MALE, 52.0)
    assert caption(trigger, ["solo", "1boy", "smile", "black hair"]) == \
        "a mature man, solo, 1boy, smile, black hair"
    # a per-photo gender tag that contradicts the set's trigger is dropped, duplicates too
    assert caption(trigger, ["1girl", "smile", "smile", " "]) == "a mature man, smile"
    child = Trigger("a girl", Gender.FEMALE, 9.0, ("children",))
    assert caption(child, ["solo", "1boy", "1girl"]) == "a girl, children, solo, 1girl"
    assert GENDER_TAGS[Gender.FEMALE] == "1girl"


def test_common_tags():
    lists = [["solo", "smile", "black hair"], ["solo", "black hair"], ["solo", "open mouth"],
             ["solo", "smile", "smile"]]
    assert common_tags(lists) == ["solo"]  # smile and black hair: 2 of 4, not more than half
    assert common_tags(lists, min_fraction=0.4) == ["solo", "smile", "black hair"]
    assert common_tags([]) == []


# --- tags measured on the photos -------------------------------------------------------------------

def test_smile_on_the_smiling_photo_only(tags):
    assert {"solo", "smile", "open mouth", "looking at viewer"} <= set(tags["obama.jpg"])
    # obama2 is speaking (mouth open, not smiling) and turned away; biden is neutral
    assert "smile" not in tags["obama2.jpg"] and "open mouth" in tags["obama2.jpg"]
    assert "looking to the side" in tags["obama2.jpg"]
    assert "smile" not in tags["biden.jpg"] and "closed mouth" in tags["biden.jpg"]
    assert "head tilt" in tags["biden.jpg"] and "head tilt" not in tags["obama.jpg"]


def test_framing(tags, images, faces, tagger):
    assert "upper body" in tags["obama.jpg"] and "upper body" in tags["obama2.jpg"]
    assert "cowboy shot" in tags["obama3.jpg"] and "cowboy shot" in tags["biden.jpg"]
    # cut to a head-and-shoulders portrait
    face = faces["obama.jpg"]
    portrait = np.ascontiguousarray(images["obama.jpg"][: int(face.box[3] + face.height)])
    assert "portrait" in tagger(portrait, face)


def test_tags_are_identity_free_and_danbooru_style(tags):
    for name, found in tags.items():
        assert found == filter_identity_tags(found), name
        assert len(found) == len(set(found)) and all(t == t.lower() for t in found)
        assert not {"monochrome", "dim lighting", "white background"} & set(found), name


def test_gender_tag_from_attributes(images, faces, tagger):
    found = tagger(images["biden.jpg"], faces["biden.jpg"], attributes=Attributes(0.97, 70))
    assert found[:2] == ["solo", "1boy"]
    several = tagger(images["biden.jpg"], faces["biden.jpg"], attributes=Attributes(0.97, 70),
                     faces=2)
    assert "solo" not in several and "1boy" not in several


def test_monochrome_and_dim_lighting(images, faces, tagger):
    image, face = images["obama2.jpg"], faces["obama2.jpg"]
    grey = np.repeat(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2)
    assert {"monochrome", "greyscale"} <= set(tagger(grey, face))
    dark = (image * 0.3).astype(np.uint8)
    assert "dim lighting" in tagger(dark, face)


def test_white_background_without_parsing(images, faces, tagger, parsings):
    # paint the background white with the person mask, then tag without the mask
    image, face = images["biden.jpg"], faces["biden.jpg"]
    white = np.where(parsings["biden.jpg"].person[:, :, None] > 127, image, 255).astype(np.uint8)
    assert {"white background", "simple background"} <= set(tagger(white, face))


def test_hair_from_parsing(images, faces, tagger, parsings):
    obama = tagger(images["obama2.jpg"], faces["obama2.jpg"], parsings["obama2.jpg"])
    biden = tagger(images["biden.jpg"], faces["biden.jpg"], parsings["biden.jpg"])
    assert {"black hair", "short hair"} <= set(obama)
    assert {"white hair", "short hair"} <= set(biden)


def test_long_hair_from_the_mask_extent(images, faces, tagger):
    # a hand-drawn hair mask: top of the head, then down past the shoulders on both sides
    image, face = images["obama2.jpg"], faces["obama2.jpg"]
    x0, y0, x1, y1 = (int(v) for v in face.box)
    w = x1 - x0
    hair = np.zeros(image.shape[:2], np.uint8)
    hair[y0 - w // 2: y0, x0: x1] = 255
    hair[y0: y1 + w, x0 - w // 4: x0] = 255
    hair[y0: y1 + w, x1: x1 + w // 4] = 255
    person = np.full(image.shape[:2], 255, np.uint8)
    parsing = Parsing(head=hair, face=np.zeros_like(hair), hair=hair, person=person)
    assert "long hair" in tagger(image, face, parsing)


def test_hair_color_names():
    assert hair_color_name([20, 18, 16]) == "black hair"
    assert hair_color_name([95, 82, 75]) == "black hair"  # black hair in warm light
    assert hair_color_name([110, 72, 45]) == "brown hair"
    assert hair_color_name([150, 95, 60]) == "brown hair"  # chestnut
    assert hair_color_name([165, 120, 85]) == "brown hair"  # light brown
    assert hair_color_name([225, 195, 130]) == "blonde hair"
    assert hair_color_name([200, 160, 100]) == "blonde hair"  # honey blonde
    assert hair_color_name([140, 138, 135]) == "grey hair"
    assert hair_color_name([215, 210, 205]) == "white hair"


def test_rejects_mismatched_parsing(images, faces, tagger):
    small = np.zeros((10, 10), np.uint8)
    with pytest.raises(InvalidInputError):
        tagger(images["obama.jpg"], faces["obama.jpg"], Parsing(small, small, small, small))


def test_missing_predictor_file(tmp_path):
    with pytest.raises(ModelSourceError, match="not found"):
        build_classical(ResolvedSource("tagging", "local", str(tmp_path), tmp_path))
