"""Face fusion (poisson backend) on the real photos: obama's face fused onto biden."""

from __future__ import annotations

import importlib.util

import cv2
import numpy as np
import pytest

from facechain.components.face_fusion import (
    FaceFuser,
    build_modelscope_fusion,
    build_poisson,
    piecewise_affine_map,
    similarity_transform,
)
from facechain.components.face_recognition import distance
from facechain.errors import ComponentError, FusionError, InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Face
from tests.conftest import shrink


def shifted(face: Face, dx: float, dy: float, scale: float = 1.0) -> Face:
    x0, y0, x1, y1 = face.box
    return Face(box=((x0 - dx) * scale, (y0 - dy) * scale, (x1 - dx) * scale, (y1 - dy) * scale),
                landmarks=(face.landmarks - (dx, dy)) * scale, score=face.score)


@pytest.fixture(scope="module")
def fuser(registry):
    return registry.build("face_fusion")


@pytest.fixture(scope="module")
def pair(images, detector, embedder):
    """obama (template) and biden (target) at 640 px, their faces and embeddings."""
    obama, biden = shrink(images["obama.jpg"]), shrink(images["biden.jpg"])
    (obama_face,), (biden_face,) = detector(obama), detector(biden)
    return {"obama": obama, "biden": biden, "obama_face": obama_face, "biden_face": biden_face,
            "obama_emb": embedder(obama, obama_face), "biden_emb": embedder(biden, biden_face)}


@pytest.fixture(scope="module")
def fused(fuser, pair):
    """biden with obama fused in, by strength."""
    return {s: fuser(pair["biden"], pair["biden_face"], pair["obama"], pair["obama_face"], s)
            for s in (0.5, 1.0)}


def test_registry_builds_poisson(fuser):
    assert isinstance(fuser, FaceFuser)
    assert fuser.backend == "poisson"


def test_strength_zero_is_bit_identical(fuser, pair):
    out = fuser(pair["biden"], pair["biden_face"], pair["obama"], pair["obama_face"], 0.0)
    assert out is not pair["biden"]
    assert out.dtype == np.uint8 and np.array_equal(out, pair["biden"])


def test_output_shape_dtype_and_face_changed(fused, pair):
    x0, y0, x1, y1 = (int(v) for v in pair["biden_face"].box)
    change = {}
    for strength, out in fused.items():
        assert out.shape == pair["biden"].shape and out.dtype == np.uint8
        diff = np.abs(out.astype(int) - pair["biden"].astype(int))
        change[strength] = diff[y0:y1, x0:x1].mean()
    # the face really changed, twice as much at full strength (measured ~3.2 and ~6.4 grey levels)
    assert change[1.0] > 1.6 * change[0.5] > 2.0


def test_outside_the_face_is_untouched(fused, pair):
    # Everything more than one face width away from the face box stays bit-identical.
    out, biden = fused[1.0], pair["biden"]
    x0, y0, x1, y1 = pair["biden_face"].box
    size = x1 - x0
    keep = np.ones(biden.shape[:2], bool)
    keep[max(0, int(y0 - size)):int(y1 + size), max(0, int(x0 - size)):int(x1 + size)] = False
    assert keep.sum() > 0.5 * keep.size
    assert np.array_equal(out[keep], biden[keep])


def test_identity_moves_towards_the_template(fused, pair, detector, embedder):
    base_to_obama = distance(pair["biden_emb"], pair["obama_emb"])
    dist = {}
    for strength, out in fused.items():
        faces = detector(out)
        assert len(faces) == 1  # still exactly one face, where biden's was
        assert abs(faces[0].center[0] - pair["biden_face"].center[0]) < 0.2 * faces[0].width
        emb = embedder(out, faces[0])
        dist[strength] = (distance(emb, pair["obama_emb"]), distance(emb, pair["biden_emb"]))
    # towards obama, away from biden; more at strength 1 than at 0.5
    assert dist[1.0][0] < dist[0.5][0] < base_to_obama
    assert dist[1.0][1] > dist[0.5][1] > 0.1
    # at strength 1 dlib's own threshold (0.6) calls the fused face obama (measured ~0.44 vs 0.85)
    assert dist[1.0][0] < 0.6


def test_face_at_the_image_border(fuser, pair):
    # Cut biden's face at the left edge (a third of it outside) and at the top edge.
    biden, face = pair["biden"], pair["biden_face"]
    dx = int(face.box[0] + 0.3 * face.width)
    left = np.ascontiguousarray(biden[:, dx:])
    out = fuser(left, shifted(face, dx, 0), pair["obama"], pair["obama_face"], 1.0)
    assert out.shape == left.shape and not np.array_equal(out, left)
    dy = int(face.box[1] + 0.4 * face.height)
    top = np.ascontiguousarray(biden[dy:])
    out = fuser(top, shifted(face, 0, dy), pair["obama"], pair["obama_face"], 1.0)
    assert out.shape == top.shape and not np.array_equal(out, top)


def test_tiny_faces(fuser, pair):
    biden, face = pair["biden"], pair["biden_face"]
    for side, fusable in ((30, True), (12, False)):
        scale = side / face.width
        small = cv2.resize(biden, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        small_face = shifted(face, 0, 0, scale)
        if fusable:
            out = fuser(small, small_face, pair["obama"], pair["obama_face"], 1.0)
            assert out.shape == small.shape and not np.array_equal(out, small)
        else:  # a generated face too small to fuse is the fusion's failure, not the caller's
            with pytest.raises(FusionError, match="too small") as err:
                fuser(small, small_face, pair["obama"], pair["obama_face"], 1.0)
            assert not isinstance(err.value, InvalidInputError)


def test_a_template_that_does_not_cover_the_face_is_a_fusion_error(fuser, pair):
    # The template photo cut 2 px into its face box: nothing of its face is left to fuse in.
    obama, face = pair["obama"], pair["obama_face"]
    sliver = np.ascontiguousarray(obama[:, :int(face.box[0]) + 2])
    with pytest.raises(FusionError, match="does not cover") as err:
        fuser(pair["biden"], pair["biden_face"], sliver, face, 1.0)
    assert isinstance(err.value, ComponentError) and not isinstance(err.value, InvalidInputError)
    assert err.value.param == "template_face"


def test_invalid_inputs(fuser, pair):
    biden, obama = pair["biden"], pair["obama"]
    bface, oface = pair["biden_face"], pair["obama_face"]
    no_landmarks = Face(box=oface.box, landmarks=np.empty((0, 2)), score=oface.score)
    with pytest.raises(InvalidInputError) as err:
        fuser(biden, bface, obama, no_landmarks, 1.0)
    assert err.value.param == "template_face"
    outside = Face(box=(5000, 5000, 5100, 5100), landmarks=oface.landmarks, score=1.0)
    with pytest.raises(InvalidInputError, match="outside"):
        fuser(biden, bface, obama, outside, 1.0)
    with pytest.raises(InvalidInputError):
        fuser(biden, bface, obama, None, 1.0)
    with pytest.raises(InvalidInputError, match="strength"):
        fuser(biden, bface, obama, oface, 1.5)
    with pytest.raises(InvalidInputError):
        fuser(biden.astype(np.float32), bface, obama, oface, 1.0)


def test_similarity_transform_recovers_a_known_transform():
    rng = np.random.default_rng(0)
    src = rng.uniform(0, 100, (20, 2))
    angle, scale, shift = 0.3, 1.7, np.array([12.0, -5.0])
    rot = scale * np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = similarity_transform(src, src @ rot.T + shift)
    assert np.allclose(matrix[:, :2], rot, atol=1e-9) and np.allclose(matrix[:, 2], shift)


def test_piecewise_affine_map_moves_points():
    src = np.array([[30.0, 30.0], [70.0, 30.0], [50.0, 70.0], [50.0, 45.0]])
    dst = src + [[0, 0], [0, 0], [0, 0], [4, 6]]
    map_x, map_y = piecewise_affine_map(src, dst, (100, 120))
    assert map_x.shape == (100, 120)
    # the moved point reads the source point; the frame stays put
    assert map_x[51, 54] == pytest.approx(50.0, abs=1e-3)
    assert map_y[51, 54] == pytest.approx(45.0, abs=1e-3)
    assert map_x[0, 0] == pytest.approx(0.0, abs=1e-3) and map_y[99, 119] == pytest.approx(99.0)


def test_factories():
    builtin = ResolvedSource("face_fusion", "builtin", "", None)
    with pytest.raises(ModelSourceError, match="bad options"):
        build_poisson(builtin, nonsense=1)
    with pytest.raises(InvalidInputError, match="geometry"):
        build_poisson(builtin, geometry=2.0)
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        build_modelscope_fusion(builtin)


def test_modelscope_backend_needs_modelscope(tmp_path):
    # Offline only the error path can run: without the hub extra the factory says what to install.
    if importlib.util.find_spec("modelscope") is not None:
        pytest.skip("modelscope is installed; this checks the error without it")
    local = ResolvedSource("face_fusion", "local", str(tmp_path), tmp_path)
    with pytest.raises(ModelSourceError, match="hub"):
        build_modelscope_fusion(local)
