"""The paper's ModelScope backends: each parser against outputs in the exact upstream shape, and
the typed errors of building one without ModelScope or with a partial snapshot.

Formats (modelscope/modelscope unless said otherwise):
- DamoFD ``face_detection``: ``ScrfdDetect.postprocess`` (models/cv/face_detection/scrfd/
  scrfd_detect.py) and outputs/outputs.py: scores [N], boxes [N][x1, y1, x2, y2] in input pixels,
  keypoints [N][x1, y1, ..., x5, y5]; plain Python lists.
- M2FP ``image_segmentation``: ``ImageHumanParsingPipeline.postprocess`` (pipelines/cv/
  image_human_parsing_pipeline.py): masks [N] float64 (H, W) of 0/1, labels [N] class names,
  scores [N] floats.
- ABPN ``skin-retouching-torch``: FaceChain writes ``result["output_img"]`` with cv2.imwrite
  (facechain/data_process/preprocessing.py in modelscope/facechain): uint8 (H, W, 3) BGR; None
  without a face.
- FairFace ``face_attribute_recognition``: pipelines/cv/face_attribute_recognition_pipeline.py
  and outputs.py: scores [[p_male, p_female], [9 age probabilities]], labels [["Male",
  "Female"], ["0-2", ..., "70+"]]; scores None without a face.
- FQA ``face_quality_assessment``: pipelines/cv/face_quality_assessment_pipeline.py: scores
  [mean], boxes [[x1, y1, x2, y2]]; None without a face.
- Face fusion ``image_face_fusion``: models/cv/image_face_fusion/image_face_fusion.py
  ``inference``: uint8 (H, W, 3) BGR, or the template unchanged (RGB) without a face.
- RTS ``face_recognition``: pipelines/cv/face_recognition_ood_pipeline.py: img_embedding float32
  (1, 512) L2-normalised, scores [[quality]]; both None without a face.
- rot_bgr: FaceChain's ``get_rot`` (facechain/train_text_to_image_lora.py in modelscope/facechain):
  one output of 4 logits, argmax k = turn 90k degrees clockwise.
"""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from facechain.components import (
    face_attributes,
    face_detection,
    face_fusion,
    face_quality,
    face_recognition,
    human_parsing,
    rotation,
    skin_retouching,
)
from facechain.components.face_attributes import parse_fairface_output
from facechain.components.face_detection import parse_damofd_output
from facechain.components.face_fusion import parse_fusion_output
from facechain.components.face_quality import parse_fqa_output
from facechain.components.face_recognition import (
    RTSEmbedder,
    distance,
    parse_rts_output,
    similarity,
)
from facechain.components.human_parsing import parse_m2fp_output
from facechain.components.rotation import parse_classifier_output, parse_rot_bgr_output, rot_bgr_input
from facechain.components.skin_retouching import parse_abpn_output
from facechain.errors import FusionError, InvalidInputError, LowQualityFaceError, ModelSourceError
from facechain.registry import ResolvedSource
from facechain.types import Face


def _face(box=(40.0, 40.0, 100.0, 110.0)) -> Face:
    x0, y0, x1, y1 = box
    points = np.array([[55, 60], [85, 60], [70, 75], [58, 92], [82, 92]], np.float32)
    return Face(box=box, score=1.0, landmarks=points)


# --- parsers ---------------------------------------------------------------------------------

def test_damofd_boxes_scores_in_upstream_order():
    out = {"scores": [0.93, 0.31], "boxes": [[10.5, 20.0, 110.0, 140.0], [200.0, 5.0, 230.0, 40.0]],
           "keypoints": [[40.0, 60.0, 80.0, 60.0, 60.0, 80.0, 45.0, 110.0, 75.0, 110.0],
                         [210.0, 15.0, 220.0, 15.0, 215.0, 22.0, 211.0, 30.0, 219.0, 30.0]]}
    assert parse_damofd_output(out, 0.5) == [((10.5, 20.0, 110.0, 140.0), 0.93)]
    assert len(parse_damofd_output(out, 0.0)) == 2
    assert parse_damofd_output({"scores": [], "boxes": [], "keypoints": []}) == []
    with pytest.raises(ModelSourceError):
        parse_damofd_output({"scores": [0.9], "boxes": [[1.0, 2.0, 3.0]]})
    with pytest.raises(ModelSourceError):
        parse_damofd_output({"scores": [0.9, 0.8], "boxes": [[1.0, 2.0, 3.0, 4.0]]})
    with pytest.raises(ModelSourceError, match="x1, y1, x2, y2"):  # (x, y, w, h) would fail here
        parse_damofd_output({"scores": [0.9], "boxes": [[50.0, 50.0, 20.0, 20.0]]})


def test_m2fp_largest_mask_per_label_above_threshold():
    h, w = 40, 30
    face_small, face_big = np.zeros((h, w)), np.zeros((h, w))
    face_small[5:10, 5:10] = 1.0
    face_big[10:30, 5:25] = 1.0
    hair = np.zeros((h, w))
    hair[0:10, :] = 1.0
    out = {"masks": [face_small, face_big, hair, np.ones((h, w)), np.ones((h, w))],
           "labels": ["Face", "Face", "Hair", "Human", "UpperClothes"],
           "scores": [0.95, 0.9, 0.7, 0.99, 0.99]}
    best = parse_m2fp_output(out, (h, w), 0.8)
    assert set(best) == {"Face", "Human"}  # Hair below the threshold, clothes not wanted
    assert best["Face"].dtype == np.uint8 and best["Face"].max() == 255
    assert (best["Face"] > 0).sum() == 400
    half = parse_m2fp_output({"masks": [face_big[::2, ::2]], "labels": ["Face"], "scores": [0.9]},
                             (h, w))
    assert half["Face"].shape == (h, w)
    with pytest.raises(ModelSourceError):
        parse_m2fp_output({"masks": [face_big], "labels": [], "scores": [0.9]}, (h, w))


def test_abpn_output_is_bgr():
    bgr = np.zeros((8, 6, 3), np.uint8)
    bgr[..., 0] = 200  # blue in BGR
    rgb = parse_abpn_output({"output_img": bgr}, (8, 6))
    assert rgb[0, 0].tolist() == [0, 0, 200]
    assert parse_abpn_output({"output_img": bgr}, (16, 12)).shape == (16, 12, 3)
    assert parse_abpn_output(None, (8, 6)) is None
    assert parse_abpn_output({"output_img": None}, (8, 6)) is None
    with pytest.raises(ModelSourceError):
        parse_abpn_output({"output_img": np.zeros((8, 6), np.uint8)}, (8, 6))


def test_fairface_gender_and_expected_age():
    out = {"scores": [[0.8, 0.2], [0, 0, 0, 0.5, 0.5, 0, 0, 0, 0]],
           "labels": [["Male", "Female"], ["0-2", "3-9", "10-19", "20-29", "30-39", "40-49",
                                           "50-59", "60-69", "70+"]]}
    attrs = parse_fairface_output(out)
    assert attrs.male_probability == pytest.approx(0.8)
    assert attrs.age == pytest.approx(29.5)
    assert parse_fairface_output({"scores": None, "labels": None}) is None
    with pytest.raises(ModelSourceError):
        parse_fairface_output({"scores": [[0.8, 0.2], [1.0]], "labels": out["labels"]})


def test_fqa_score():
    assert parse_fqa_output({"scores": [0.87], "boxes": [[1.0, 2.0, 50.0, 60.0]]}) == \
        pytest.approx(0.87)
    assert parse_fqa_output({"scores": [1.3], "boxes": [[0, 0, 1, 1]]}) == 1.0
    assert parse_fqa_output({"scores": None, "boxes": None}) is None
    with pytest.raises(ModelSourceError):
        parse_fqa_output({"scores": [[0.1, 0.2]], "boxes": None})


def test_fusion_output_bgr_and_no_face():
    target = np.zeros((10, 10, 3), np.uint8)
    target[..., 0] = 50
    fused_bgr = np.zeros((10, 10, 3), np.uint8)
    fused_bgr[..., 2] = 120  # red in BGR
    assert parse_fusion_output({"output_img": fused_bgr}, target)[0, 0].tolist() == [120, 0, 0]
    with pytest.raises(FusionError):  # upstream returns its (RGB) input when it finds no face
        parse_fusion_output({"output_img": target.copy()}, target)
    with pytest.raises(ModelSourceError):
        parse_fusion_output({"output_img": None}, target)


def test_rot_bgr_input_and_output():
    image = np.zeros((50, 80, 3), np.uint8)
    image[..., 2] = 255  # blue in RGB: the last BGR channel is 0 after the swap
    x = rot_bgr_input(image)
    assert x.shape == (1, 3, 224, 224) and x.dtype == np.float32
    assert x[0, 0, 0, 0] == pytest.approx((255 - 103.53) * 0.01742919)  # B first
    assert x[0, 2, 0, 0] == pytest.approx((0 - 123.675) * 0.01712475)
    assert [parse_rot_bgr_output([np.eye(4, dtype=np.float32)[k][None]]) for k in range(4)] == \
        [0, 90, 180, 270]
    with pytest.raises(ModelSourceError):
        parse_rot_bgr_output([np.zeros((1, 3))])
    assert parse_classifier_output({"scores": [0.1, 0.9], "labels": ["0", "270"]}) == 270
    assert parse_classifier_output({"scores": [0.9], "labels": ["up"]}, {"up": 0}) == 0


def _rts(vec, quality):
    return {"img_embedding": np.asarray(vec, np.float32)[None], "scores": [[quality]]}


def test_rts_output_and_embedder():
    rng = np.random.default_rng(0)
    vec = rng.normal(size=512).astype(np.float32)
    vec /= np.linalg.norm(vec)
    parsed = parse_rts_output(_rts(vec, 0.77))
    assert parsed.embedding.shape == (512,) and parsed.quality == pytest.approx(0.77)
    assert parse_rts_output({"img_embedding": None, "scores": None}) is None
    with pytest.raises(ModelSourceError):
        parse_rts_output({"img_embedding": np.zeros((1, 128), np.float32), "scores": [[0.5]]})
    with pytest.raises(ModelSourceError):
        parse_rts_output({"img_embedding": vec[None], "scores": None})

    seen = []

    def pipeline(pil_image):
        seen.append(pil_image.size)
        return _rts(vec, 0.3)

    image = np.zeros((200, 200, 3), np.uint8)
    embedder = RTSEmbedder(pipeline)
    assert np.allclose(embedder(image, _face()), vec)
    assert seen[0] != (200, 200)  # the box's region, not the whole image
    with pytest.raises(LowQualityFaceError, match="0.300"):
        RTSEmbedder(pipeline, min_quality=0.5)(image, _face())
    with pytest.raises(LowQualityFaceError):
        RTSEmbedder(lambda _: {"img_embedding": None, "scores": None})(image, _face())


def test_distances_are_per_backend():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=512), rng.normal(size=512)
    cos = float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
    assert similarity(a, b) == pytest.approx((1 + cos) / 2)  # RTS: cosine, FaceChain's order
    assert distance(a, b) == pytest.approx(1 - cos)
    assert similarity(a, 3 * a) == pytest.approx(1.0)  # scale-free
    d, e = np.zeros(128), np.full(128, 0.054)  # dlib: L2 0.61 -> the logistic curve, ~0.2
    assert distance(d, e) == pytest.approx(0.054 * np.sqrt(128))
    assert similarity(d, e) < 0.25
    with pytest.raises(InvalidInputError, match="differ"):
        similarity(a, d)
    with pytest.raises(InvalidInputError, match="no face_recognition backend"):
        similarity(np.ones(64), np.ones(64))


# --- building without ModelScope or with a partial snapshot --------------------------------------

PAPER_BACKENDS = [
    (face_detection._modelscope_damofd, "face_detection",
     "damo/cv_ddsar_face-detection_iclr23-damofd", {}, "pytorch_model.pt"),
    (human_parsing._build_modelscope_m2fp, "human_parsing",
     "damo/cv_resnet101_image-multiple-human-parsing", {}, "pytorch_model.pt"),
    (skin_retouching._build_modelscope_abpn, "skin_retouching",
     "damo/cv_unet_skin_retouching_torch", {"trust_remote_code": True}, "configuration.json"),
    (face_attributes.build_modelscope_fairface, "face_attributes",
     "damo/cv_resnet34_face-attribute-recognition_fairface", {}, "pytorch_model.pt"),
    (face_quality.build_modelscope_fqa, "face_quality",
     "damo/cv_manual_face-quality-assessment_fqa", {}, "model.onnx"),
    (face_fusion.build_modelscope_fusion, "face_fusion",
     "damo/cv_unet-image-face-fusion_damo", {}, "faceRecog/CurricularFace_Backbone.pth"),
    (face_recognition.build_rts, "face_recognition",
     "damo/cv_ir_face-recognition-ood_rts", {}, "pytorch_model.pt"),
]


@pytest.mark.parametrize("factory, role, model_id, options, missing", PAPER_BACKENDS,
                         ids=[b[1] for b in PAPER_BACKENDS])
def test_without_modelscope_names_role_model_and_extra(factory, role, model_id, options, missing,
                                                      tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "modelscope", None)
    monkeypatch.setitem(sys.modules, "modelscope.pipelines", None)
    with pytest.raises(ModelSourceError) as info:
        factory(ResolvedSource(role, "local", str(tmp_path), tmp_path), **options)
    assert info.value.role == role
    assert model_id in info.value.message and "'hub' extra" in info.value.message


@pytest.fixture
def fake_modelscope(monkeypatch):
    """A stand-in ``modelscope`` whose pipeline() records its calls: the checks before it run."""
    calls = []
    pipelines = types.ModuleType("modelscope.pipelines")
    pipelines.pipeline = lambda **kw: calls.append(kw) or (lambda *a: None)
    constant = types.ModuleType("modelscope.utils.constant")
    constant.Tasks = types.SimpleNamespace()
    for name, module in {"modelscope": types.ModuleType("modelscope"),
                         "modelscope.pipelines": pipelines,
                         "modelscope.utils": types.ModuleType("modelscope.utils"),
                         "modelscope.utils.constant": constant}.items():
        monkeypatch.setitem(sys.modules, name, module)
    return calls


@pytest.mark.parametrize("factory, role, model_id, options, missing", PAPER_BACKENDS,
                         ids=[b[1] for b in PAPER_BACKENDS])
def test_partial_snapshot_names_the_missing_file(factory, role, model_id, options, missing,
                                                 tmp_path, fake_modelscope):
    if missing != "configuration.json":
        (tmp_path / "configuration.json").write_text("{}")
    with pytest.raises(ModelSourceError) as info:
        factory(ResolvedSource(role, "local", str(tmp_path), tmp_path), **options)
    assert info.value.role == role and model_id in info.value.message
    assert "incomplete" in info.value.message and missing in info.value.message
    assert fake_modelscope == []  # never reached the pipeline


def test_complete_snapshot_builds_the_pipeline(tmp_path, fake_modelscope):
    for name in ("configuration.json", "pytorch_model.pt"):
        (tmp_path / name).write_text("x")
    embedder = face_recognition.build_rts(ResolvedSource("face_recognition", "local",
                                                         str(tmp_path), tmp_path))
    assert isinstance(embedder, RTSEmbedder)
    assert fake_modelscope == [{"task": "face_recognition", "model": str(tmp_path)}]


def test_abpn_needs_trust_remote_code(tmp_path, fake_modelscope):
    with pytest.raises(ModelSourceError, match="trust_remote_code"):
        skin_retouching._build_modelscope_abpn(ResolvedSource("skin_retouching", "local",
                                                              str(tmp_path), tmp_path))


def test_rot_bgr_needs_its_onnx_file(tmp_path):
    with pytest.raises(ModelSourceError, match="rot_bgr.onnx"):
        rotation._rot_bgr(ResolvedSource("rotation", "local", str(tmp_path), tmp_path))
    with pytest.raises(ModelSourceError, match="Cherrytest/rot_bgr"):
        rotation._rot_bgr(ResolvedSource("rotation", "builtin", "", None))
