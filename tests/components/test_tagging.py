"""Tags measured from the real photos; identity filtering, trigger words and captions.

The accessory detectors (glasses, sunglasses, headwear) and grey/white hair are tested on
accessories drawn onto the real photos at test time from their 68 landmarks and parsing masks
(no new image files). Their thresholds were calibrated on the Obama photos with one style per
accessory (black plastic frames, dark grey-green lenses, black/red/white caps); every other test
here uses photos or styles that no threshold was set on, and each test docstring says which.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.face_alignment import align_and_crop
from facechain.components.tagging import (
    GENDER_TAGS,
    Trigger,
    build_classical,
    caption,
    caption_tags,
    common_tags,
    filter_identity_tags,
    hair_color_name,
    headwear_color_name,
    trigger_word,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.imageio import decode_image
from facechain.registry import ResolvedSource
from facechain.types import Attributes, Face, Gender, Parsing

from ..conftest import FACES


@pytest.fixture(scope="module")
def tagger(registry):
    return registry.build("tagging")


@pytest.fixture(scope="module")
def tags(images, faces, tagger):
    return {name: tagger(images[name], faces[name]) for name in images}


@pytest.fixture(scope="module")
def parser(registry):
    return registry.build("human_parsing")


@pytest.fixture(scope="module")
def parsings(parser, images):
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


def test_caption_tags_drop_identity_and_the_other_gender():
    """What a sample keeps (and so what the prompts' common tags can hold): no identity tag, no
    gender tag the trigger contradicts."""
    woman = Trigger("a mature woman", Gender.FEMALE, 70.0)
    tags = ["solo", "1boy", "blue eyes", "smile", "1girl"]
    assert caption_tags(woman, tags) == ["solo", "smile", "1girl"]
    assert caption_tags(Trigger("a mature man", Gender.MALE, 70.0), tags) == ["solo", "1boy", "smile"]


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
    # the headwear tags read the head mask too: a wrong one alone is the caller's error as well
    full = np.zeros(images["obama.jpg"].shape[:2], np.uint8)
    with pytest.raises(InvalidInputError, match="parsing.head"):
        tagger(images["obama.jpg"], faces["obama.jpg"], Parsing(head=small, face=full, hair=full,
                                                                person=full))


def test_missing_predictor_file(tmp_path):
    with pytest.raises(ModelSourceError, match="not found"):
        build_classical(ResolvedSource("tagging", "local", str(tmp_path), tmp_path))


# --- accessories drawn on the real photos -----------------------------------------------------------

ASTRONAUT = FACES / "astronaut.png"  # a PNG: the images fixture (*.jpg) leaves it out
CALIBRATION = ("obama.jpg", "obama2.jpg", "obama3.jpg")  # the accessory thresholds were set here
HELD_OUT = ("biden.jpg", "astronaut.png")
PHOTOS = CALIBRATION + HELD_OUT


class Crop:
    """A photo as preprocessing hands it to the tagger: the aligned 512 x 512 crop, its face and
    parsing, and its 68 landmarks (where accessories are drawn)."""

    def __init__(self, image: np.ndarray, face: Face, parsing: Parsing, points: np.ndarray):
        self.image, self.face, self.parsing, self.points = image, face, parsing, points


@pytest.fixture(scope="module")
def crops(images, faces, detector, tagger, parser):
    photos = {**images, "astronaut.png": decode_image(ASTRONAUT.read_bytes())}
    out = {}
    for name in PHOTOS:
        face = faces[name] if name in faces else detector(photos[name])[0]
        aligned = align_and_crop(photos[name], face, 512, 0.4)
        out[name] = Crop(aligned.image, aligned.face, parser(aligned.image),
                         tagger.landmarks(aligned.image, aligned.face))
    return out


def _eye_frame(points: np.ndarray):
    left, right = points[36:42].mean(axis=0), points[42:48].mean(axis=0)
    distance = float(np.hypot(*(right - left)))
    across = (right - left) / distance
    return left, right, distance, across, np.array([-across[1], across[0]])


def draw_glasses(image: np.ndarray, points: np.ndarray, *, shape: str, color, thickness: float,
                 width: float = 0.9, height: float = 0.62, lens=None, lens_alpha: float = 0.0):
    """Eyeglasses drawn from the 68 landmarks: two lenses (``rect``: rounded rectangles,
    ``round``, ``oval``: deeper below the eye), a bridge between their inner tops and temple arms
    towards the ears (landmarks 0 and 16); sizes in eye distances. Anti-aliased (drawn at 4x);
    ``lens`` tints the lenses (sunglasses)."""
    left, right, distance, across, down = _eye_frame(points)
    ss, h, w = 4, image.shape[0], image.shape[1]
    rims, fill = np.zeros((h * ss, w * ss), np.uint8), np.zeros((h * ss, w * ss), np.uint8)
    line = max(1, round(thickness * distance)) * ss
    a, b = width * distance / 2, height * distance / 2
    angle = np.linspace(0, 2 * np.pi, 120, endpoint=False)
    c, s = np.cos(angle), np.sin(angle)
    if shape == "round":
        xs, ys = c * a * 0.9, s * a * 0.83
    elif shape == "oval":
        xs, ys = c * a, s * b * np.where(s > 0, 1.25, 0.85)
    else:
        xs, ys = np.sign(c) * np.abs(c) ** 0.5 * a, np.sign(s) * np.abs(s) ** 0.5 * b
    outlines = []
    for centre in (left, right):
        centre = centre + down * 0.08 * distance
        rim = centre + xs[:, None] * across + ys[:, None] * down
        outlines.append(rim)
        poly = np.round(rim * ss).astype(np.int32)
        cv2.polylines(rims, [poly], True, 255, line, cv2.LINE_AA)
        cv2.fillPoly(fill, [poly], 255)
    inner_left = outlines[0][np.argmax(outlines[0] @ across - 0.3 * (outlines[0] @ down))]
    inner_right = outlines[1][np.argmin(outlines[1] @ across + 0.3 * (outlines[1] @ down))]
    bridge = np.array([inner_left, (inner_left + inner_right) / 2 - down * 0.05 * distance,
                       inner_right])
    cv2.polylines(rims, [np.round(bridge * ss).astype(np.int32)], False, 255, line, cv2.LINE_AA)
    for rim, ear, side in ((outlines[0], points[0], -1), (outlines[1], points[16], 1)):
        start = rim[np.argmax(side * (rim @ across) - 0.5 * (rim @ down))]
        end = ear - down * 0.25 * distance
        cv2.line(rims, tuple(int(v) for v in np.round(start * ss)),
                 tuple(int(v) for v in np.round(end * ss)), 255, max(ss, int(line * 0.8)),
                 cv2.LINE_AA)
    out = image.astype(np.float32)
    if lens is not None:
        alpha = cv2.resize(fill, (w, h), interpolation=cv2.INTER_AREA)[:, :, None] / 255.0
        out = out * (1 - lens_alpha * alpha) + np.float32(lens) * lens_alpha * alpha
    alpha = cv2.resize(rims, (w, h), interpolation=cv2.INTER_AREA)[:, :, None] / 255.0
    out = out * (1 - alpha) + np.float32(color) * alpha
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def draw_hat(image: np.ndarray, points: np.ndarray, hair: np.ndarray, *, kind: str, color,
             edge: float = 0.2, seed: int = 0):
    """A hat drawn over the head in the face's frame (up = chin to brows, H = brow-to-chin):
    a dome from ``edge`` H above the brows to just over the top of the hair mask, plus a brim
    bulging down (``cap``), a ribbed cuff band (``beanie``) or a wide flat brim (``wide``);
    lit from above, fabric noise, a soft shadow on the forehead under its edge."""
    rng = np.random.default_rng(seed)
    chin, brow = points[8], (points[19] + points[24]) / 2.0
    height = float(np.hypot(*(brow - chin)))
    up = (brow - chin) / height
    across = np.array([-up[1], up[0]])
    half = float(np.hypot(*(points[16] - points[0]))) / 2
    ys, xs = np.nonzero(hair > 127)
    s_hair, t_hair = (xs - brow[0]) * across[0] + (ys - brow[1]) * across[1], \
        (xs - brow[0]) * up[0] + (ys - brow[1]) * up[1]
    top = float(np.percentile(t_hair[np.abs(s_hair) < 0.8 * half], 99)) + 0.08 * height
    base = edge * height
    ss, h, w = 4, image.shape[0], image.shape[1]

    def poly(s, t):
        return np.round((brow + np.outer(s, across) + np.outer(t, up)) * ss).astype(np.int32)

    mask, shade = np.zeros((h * ss, w * ss), np.uint8), np.zeros((h * ss, w * ss), np.uint8)
    dome = half * (1.0 if kind == "wide" else 1.12)
    arc = np.linspace(0, np.pi, 80)
    cv2.fillPoly(mask, [poly(np.cos(arc) * dome, base + np.sin(arc) * (top - base))], 255)
    if kind == "cap":
        u = np.linspace(-1, 1, 60)
        brim = np.concatenate([poly(u * dome * 0.95, base - 0.16 * height * np.sqrt(1 - u ** 2)),
                               poly(u[::-1] * dome * 0.95, np.full(60, base + 0.03 * height))])
        cv2.fillPoly(mask, [brim], 255)
        cv2.fillPoly(shade, [brim], 255)
    elif kind == "beanie":
        cuff = np.concatenate([poly(np.array([-dome, dome]), np.full(2, base)),
                               poly(np.array([dome, -dome]), np.full(2, base + 0.22 * height))])
        cv2.fillPoly(shade, [cuff], 120)
    else:
        ring = np.linspace(0, 2 * np.pi, 100)
        brim = poly(np.cos(ring) * half * 1.75, base + np.sin(ring) * 0.12 * height)
        cv2.fillPoly(mask, [brim], 255)
        cv2.fillPoly(shade, [brim], 160)
    mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    shade = cv2.resize(shade, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (xx - brow[0]) * up[0] + (yy - brow[1]) * up[1]
    s = (xx - brow[0]) * across[0] + (yy - brow[1]) * across[1]
    light = 0.85 + 0.25 * np.clip((t - base) / (top - base), 0, 1) - 0.2 * shade
    if kind == "beanie":
        light *= 1 + 0.06 * np.sin(s / max(0.025 * height, 1) * np.pi)
    fabric = np.float32(color) * light[:, :, None] + rng.normal(0, 4, (h, w, 1))
    shadow = np.clip(1 - np.abs(t - base + 0.06 * height) / (0.08 * height), 0, 1) \
        * (np.abs(s) < dome) * (1 - mask)
    out = image.astype(np.float32) * (1 - 0.35 * shadow)[:, :, None]
    out = out * (1 - mask[:, :, None]) + fabric * mask[:, :, None]
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def recolour_hair(crop: Crop, lightness: float) -> np.ndarray:
    """Grey or white hair: the hair (head-mask pixels from the brows up and beside the face that
    are unlike the cheeks: Lab distance with lightness / 40 and chroma / 8 above 1.5) loses its
    colour and is lifted to ``lightness`` (Lab L, 0-255), its shading kept."""
    image, points = crop.image, crop.points
    lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB).astype(np.float32)
    skin = np.median(lab[int(points[29][1]):int(points[33][1]) + 1,
                         int(points[36][0]):int(points[45][0]) + 1].reshape(-1, 3), axis=0)
    unlike = np.sqrt((((lab - skin) / np.float32([40, 8, 8])) ** 2).sum(axis=2)) > 1.5
    yy, xx = np.mgrid[0:image.shape[0], 0:image.shape[1]]
    brow_y = min(points[19][1], points[24][1])
    face = (xx > points[0][0]) & (xx < points[16][0]) & (yy > brow_y - 0.05 * (points[8][1] - brow_y))
    hair = ((crop.parsing.head > 127) | (crop.parsing.hair > 127)) & unlike & ~face
    soft = cv2.GaussianBlur(hair.astype(np.float32), (0, 0), 1.5)[:, :, None]
    grey = lab.copy()
    grey[:, :, 0] = np.clip(lightness + (lab[:, :, 0] - lab[:, :, 0][hair].mean()) * 0.8, 0, 255)
    grey[:, :, 1:] = 128 + (lab[:, :, 1:] - 128) * 0.1
    grey = cv2.cvtColor(grey.astype(np.uint8), cv2.COLOR_LAB2RGB).astype(np.float32)
    return np.clip(image * (1 - soft) + grey * soft + 0.5, 0, 255).astype(np.uint8)


# frame styles; sizes in eye distances (centre to centre)
CALIBRATION_FRAMES = dict(shape="rect", color=(25, 25, 25), thickness=0.06)
CALIBRATION_LENSES = dict(shape="oval", color=(190, 190, 195), thickness=0.025, lens=(30, 35, 30),
                          lens_alpha=0.85)
TEST_FRAMES = {
    "thin gold round": dict(shape="round", color=(200, 165, 80), thickness=0.025),
    "thin silver": dict(shape="rect", color=(185, 185, 190), thickness=0.02, height=0.5),
    "thin black round": dict(shape="round", color=(40, 40, 40), thickness=0.02),
    "thick brown": dict(shape="rect", color=(90, 50, 30), thickness=0.11, height=0.55),
    "red round": dict(shape="round", color=(170, 30, 40), thickness=0.07),
    "blue oval": dict(shape="oval", color=(40, 70, 160), thickness=0.05),
}
TEST_LENSES = {
    "brown lenses": dict(shape="rect", color=(60, 40, 30), thickness=0.05, lens=(55, 35, 25),
                         lens_alpha=0.85),
    "grey-green lenses": CALIBRATION_LENSES,  # the calibration lenses, on other people
}


def _tag(tagger, crop: Crop, image: np.ndarray, face: Face | None = None,
         parsing: Parsing | None = None) -> list[str]:
    return tagger(image, face or crop.face, parsing)


def _variants(image: np.ndarray, face: Face):
    """The photo re-encoded as JPEG (quality 80), downscaled to 0.45x and rolled by 9 degrees."""
    ok, data = cv2.imencode(".jpg", image[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, 80])
    yield "jpeg", np.ascontiguousarray(cv2.imdecode(data, cv2.IMREAD_COLOR)[:, :, ::-1]), face
    small = cv2.resize(image, None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    yield "0.45x", small, Face(tuple(v * 0.45 for v in face.box), face.landmarks * 0.45, face.score)
    h, w = image.shape[:2]
    rolled = cv2.warpAffine(image, cv2.getRotationMatrix2D((w / 2, h / 2), 9, 1.0), (w, h),
                            borderMode=cv2.BORDER_REPLICATE)
    yield "roll", rolled, face


@pytest.mark.parametrize("name", CALIBRATION)
def test_glasses_calibration_set(name, crops, tagger):
    """Calibration set of GLASSES_BRIDGE and SUNGLASSES_DARK: the Obama photos with black plastic
    frames and with dark grey-green lenses (and bare). Kept as a record; the held-out tests below
    use other photos and other frames."""
    crop = crops[name]
    assert "glasses" not in _tag(tagger, crop, crop.image)
    framed = _tag(tagger, crop, draw_glasses(crop.image, crop.points, **CALIBRATION_FRAMES))
    assert "glasses" in framed and "sunglasses" not in framed
    dark = _tag(tagger, crop, draw_glasses(crop.image, crop.points, **CALIBRATION_LENSES))
    assert {"glasses", "sunglasses"} <= set(dark)


@pytest.mark.parametrize("style", sorted(TEST_FRAMES))
@pytest.mark.parametrize("name", PHOTOS)
def test_glasses_held_out_frames(name, style, crops, tagger):
    """Held out: frame styles no threshold saw (thin metal, thick, coloured), on every photo
    (Biden and the astronaut were never used for calibration). Clear lenses: no sunglasses."""
    crop = crops[name]
    found = _tag(tagger, crop, draw_glasses(crop.image, crop.points, **TEST_FRAMES[style]))
    assert "glasses" in found and "sunglasses" not in found


@pytest.mark.parametrize(("name", "lenses"), [
    *((name, lenses) for name in HELD_OUT for lenses in sorted(TEST_LENSES)),
    ("obama2.jpg", "brown lenses"),
])
def test_sunglasses_held_out(name, lenses, crops, tagger):
    """Held out: dark brown lenses in brown frames (a tint and frame no threshold saw) on Biden,
    the astronaut and obama2; the calibration lenses on Biden and the astronaut."""
    crop = crops[name]
    found = _tag(tagger, crop, draw_glasses(crop.image, crop.points, **TEST_LENSES[lenses]))
    assert {"glasses", "sunglasses"} <= set(found)


@pytest.mark.parametrize("style", ["thick brown", "red round", "thin black round", "blue oval"])
@pytest.mark.parametrize("name", HELD_OUT)
def test_glasses_survive_jpeg_downscale_and_roll(name, style, crops, tagger):
    """Held out (Biden, the astronaut): frames still found after JPEG re-encoding, a 0.45x
    downscale (eye distance ~36 px) and a 9-degree head roll."""
    crop = crops[name]
    framed = draw_glasses(crop.image, crop.points, **TEST_FRAMES[style])
    for label, image, face in _variants(framed, crop.face):
        assert "glasses" in tagger(image, face), label


def test_no_eyewear_on_bare_photos(crops, images, faces, tagger):
    """Negatives: every bare photo (Biden and the astronaut held out; the Obama photos were the
    calibration negatives) as a crop, re-encoded, downscaled, rolled, dimmed to 30%, and the
    full-resolution originals."""
    for name, crop in crops.items():
        cases = [("crop", crop.image, crop.face), *_variants(crop.image, crop.face),
                 ("dim", (crop.image * 0.3).astype(np.uint8), crop.face)]
        if name in images:
            cases.append(("full", images[name], faces[name]))
        for label, image, face in cases:
            found = tagger(image, face)
            assert "glasses" not in found and "sunglasses" not in found, (name, label)


CALIBRATION_HATS = {  # on the Obama photos; a black cap on obama2's black hair is not found
    "black cap": dict(kind="cap", color=(25, 25, 28), edge=0.2),
    "red cap": dict(kind="cap", color=(170, 30, 40), edge=0.25),
    "white cap": dict(kind="cap", color=(235, 235, 235), edge=0.2),
}
TEST_HATS = {  # hat, the headwear colour tag it must get
    "navy beanie": (dict(kind="beanie", color=(40, 60, 120), edge=0.12), "blue headwear"),
    "green cap": (dict(kind="cap", color=(40, 110, 60), edge=0.22), "green headwear"),
    "purple beanie": (dict(kind="beanie", color=(110, 40, 130), edge=0.15), "purple headwear"),
    "yellow sun hat": (dict(kind="wide", color=(230, 200, 40), edge=0.25), "yellow headwear"),
}
HAT_HAIR_COLOURS = {  # hair colour tags that would be the hat's own colour read as hair
    "black headwear": "black hair", "white headwear": "white hair", "grey headwear": "grey hair",
    "yellow headwear": "blonde hair", "brown headwear": "brown hair",
}
GREY, WHITE = 150, 225  # Lab lightness of recoloured hair


def _hat_tags(tagger, parser, crop: Crop, image: np.ndarray) -> list[str]:
    """Tags of an edited crop, parsed again as preprocessing would."""
    return tagger(image, crop.face, parser(image))


def _hair_colours(tags: list[str]) -> set[str]:
    return {t for t in tags if t.endswith(" hair") and not t.startswith(("short", "medium", "long"))}


@pytest.mark.parametrize("name", CALIBRATION)
def test_headwear_calibration_set(name, crops, tagger, parser):
    """Calibration set of HAT_DARKER / HAT_LIGHTER: the Obama photos with black, red and white
    caps, bare, and with hair recoloured grey and white (kept as a record)."""
    crop = crops[name]
    for hat, style in CALIBRATION_HATS.items():
        if (name, hat) == ("obama2.jpg", "black cap"):
            continue  # black on black hair: nothing to measure (a known miss)
        found = _hat_tags(tagger, parser, crop, draw_hat(crop.image, crop.points, crop.parsing.hair,
                                                         **style))
        assert {"hat", hat.replace("cap", "headwear")} <= set(found), hat
    for lightness in (None, GREY, WHITE):
        image = crop.image if lightness is None else recolour_hair(crop, lightness)
        assert "hat" not in _hat_tags(tagger, parser, crop, image), lightness


@pytest.mark.parametrize("hat", sorted(TEST_HATS))
@pytest.mark.parametrize("name", PHOTOS)
def test_headwear_held_out(name, hat, crops, tagger, parser):
    """Held out: beanies, a green cap and a wide-brimmed sun hat (kinds and colours no threshold
    saw) on every photo. The hair colour is never the hat's colour read as hair."""
    crop = crops[name]
    style, colour_tag = TEST_HATS[hat]
    found = _hat_tags(tagger, parser, crop, draw_hat(crop.image, crop.points, crop.parsing.hair,
                                                     **style))
    assert {"hat", colour_tag} <= set(found)
    assert HAT_HAIR_COLOURS.get(colour_tag) not in found


@pytest.mark.parametrize(("name", "hat"), [
    *(("biden.jpg", hat) for hat in sorted(CALIBRATION_HATS)),
    ("astronaut.png", "red cap"), ("astronaut.png", "white cap"),
])
def test_calibration_hats_on_held_out_photos(name, hat, crops, tagger, parser):
    """Held out: the calibration caps on Biden and the astronaut (not the black cap on the
    astronaut's dark brown hair, a known miss; see test_black_cap_over_light_hair)."""
    crop = crops[name]
    found = _hat_tags(tagger, parser, crop, draw_hat(crop.image, crop.points, crop.parsing.hair,
                                                     **CALIBRATION_HATS[hat]))
    assert {"hat", hat.replace("cap", "headwear")} <= set(found)


def test_black_cap_over_light_hair(crops, tagger, parser):
    """The reported bug, held out: a black cap on white or grey hair is a hat, and its black is not
    read as the hair colour. Biden's own white hair; the astronaut and obama2 with recoloured
    hair (obama2 bare was a calibration negative, never with a cap over grey or white hair)."""
    cases = [("biden.jpg", None, {"white hair", "grey hair"}),
             ("astronaut.png", WHITE, {"white hair"}), ("astronaut.png", GREY, {"grey hair"}),
             ("obama2.jpg", WHITE, {"white hair"}), ("obama2.jpg", GREY, {"grey hair"})]
    for name, lightness, hair in cases:
        crop = crops[name]
        image = crop.image if lightness is None else recolour_hair(crop, lightness)
        found = _hat_tags(tagger, parser, crop, draw_hat(image, crop.points, crop.parsing.hair,
                                                         **CALIBRATION_HATS["black cap"]))
        assert {"hat", "black headwear"} <= set(found), (name, lightness)
        assert "black hair" not in found and _hair_colours(found) & hair, (name, lightness, found)


@pytest.mark.parametrize("name", HELD_OUT)
def test_no_headwear_on_bare_or_grey_heads(name, crops, tagger, parser):
    """Held-out negatives: Biden and the astronaut bare and with their hair recoloured grey and
    white (a light crown is not a white hat, a grey one is not a cap)."""
    crop = crops[name]
    assert "hat" not in tagger(crop.image, crop.face, crop.parsing)
    for lightness in (GREY, WHITE):
        assert "hat" not in _hat_tags(tagger, parser, crop, recolour_hair(crop, lightness))


@pytest.mark.parametrize("name", PHOTOS)
def test_grey_and_white_hair(name, crops, tagger, parser):
    """Hair recoloured grey and white on every photo (the hair-colour thresholds predate these
    images and were not tuned on them); Biden's own white hair is in test_hair_from_parsing."""
    crop = crops[name]
    for lightness, colour in ((GREY, "grey hair"), (WHITE, "white hair")):
        found = _hat_tags(tagger, parser, crop, recolour_hair(crop, lightness))
        assert _hair_colours(found) == {colour}, (lightness, found)


def test_headwear_color_names():
    def lab(rgb):
        return cv2.cvtColor(np.uint8([[rgb]]), cv2.COLOR_RGB2LAB)[0, 0].astype(np.float64)

    expected = {(25, 25, 28): "black", (235, 235, 235): "white", (128, 128, 128): "grey",
                (170, 30, 40): "red", (110, 20, 30): "red", (230, 120, 30): "orange",
                (230, 200, 40): "yellow", (100, 60, 30): "brown", (200, 180, 140): "brown",
                (40, 130, 60): "green", (40, 60, 120): "blue", (30, 90, 200): "blue",
                (20, 120, 120): "blue", (110, 40, 130): "purple", (240, 150, 180): "pink"}
    for rgb, name in expected.items():
        assert headwear_color_name(lab(rgb)) == f"{name} headwear", rgb


def test_accessory_tags_stay_in_captions():
    """Accessories are not identity: they stay in the captions, so prompts can control them."""
    tags = ["glasses", "sunglasses", "hat", "black headwear", "white hair"]
    assert filter_identity_tags(tags) == tags
    assert common_tags([["solo", "glasses"], ["solo", "glasses", "hat"], ["solo"]]) == \
        ["solo", "glasses"]
