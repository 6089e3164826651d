"""The DeepDanbooru tagger (role ``tagging``, backend ``deepdanbooru``) in plain torch.

Layout: AUTOMATIC1111/TorchDeepDanbooru as FaceChain vendors it
(facechain/data_process/deepbooru.py in modelscope/facechain): ``n_Conv_0`` .. ``n_Conv_178``,
the last without bias, 9176 tags, NHWC input in [0, 1] at 512x512. The full-width network is
checked on the meta device (no memory); the tag path runs on a width-scaled copy with the same
parameter names, saved the way the released ``model-resnet_custom_v3.pt`` is (a state dict with a
``tags`` list), so nothing is downloaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from facechain.components.tagging import (
    DEEPDANBOORU_FILE,
    build_deepdanbooru,
    deepdanbooru_module,
    is_facechain_identity_tag,
    parse_deepdanbooru_output,
    resize_and_fill,
)
from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource

WIDTH = 1 / 16
# "on" tags get a strongly positive logit, "off" ones a strongly negative one (see _weights)
ON = ["1girl", "blue_eyes", "rating:safe", "smile", "solo", "character_(series)",
      "looking_at_viewer", "black-framed_eyewear", "long_body"]
OFF = ["short_hair", "hat", "red_lips"]
TAGS = ON + OFF


def _weights(width: float = WIDTH) -> dict[str, torch.Tensor]:
    """Seeded random weights in the upstream layout whose tag logits are far from the threshold:
    the last block's bias keeps the pooled features positive and the tag head is +-1 per tag."""
    torch.manual_seed(0)
    model = deepdanbooru_module(n_tags=len(TAGS), width=width)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    state["n_Conv_177.bias"] = torch.ones_like(state["n_Conv_177.bias"])
    head = torch.full_like(state["n_Conv_178.weight"], -1.0)
    head[: len(ON)] = 1.0
    state["n_Conv_178.weight"] = head
    return state


def _source(path: Path) -> ResolvedSource:
    return ResolvedSource("tagging", "local", str(path), path)


def test_full_network_has_the_released_layout():
    with torch.device("meta"):
        model = deepdanbooru_module()
    state = model.state_dict()
    convs = {k.split(".")[0] for k in state}
    assert convs == {f"n_Conv_{i}" for i in range(179)}
    assert "n_Conv_178.bias" not in state and len(state) == 179 * 2 - 1
    assert tuple(state["n_Conv_0.weight"].shape) == (64, 3, 7, 7)
    assert tuple(state["n_Conv_100.weight"].shape) == (1024, 1024, 1, 1)  # 4th stage projection
    assert tuple(state["n_Conv_178.weight"].shape) == (9176, 4096, 1, 1)
    assert sum(v.numel() for v in state.values()) == 160_956_544


@pytest.fixture(scope="module")
def weights_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ddb")
    torch.save({**_weights(), "tags": TAGS}, folder / DEEPDANBOORU_FILE)
    return folder


def test_tag_path_threshold_rating_escape_and_identity_removal(weights_file):
    tagger = build_deepdanbooru(_source(weights_file))
    image = np.random.default_rng(0).integers(0, 256, (300, 200, 3), dtype=np.uint8)
    probs = tagger.probabilities(image)
    assert probs.shape == (len(TAGS),)
    assert (probs[: len(ON)] > 0.99).all() and (probs[len(ON):] < 0.01).all()
    # rating:* skipped, alphabetical, parentheses escaped, underscores kept; FaceChain's identity
    # removal drops 1girl, blue_eyes and long_body, keeps eyewear
    assert tagger(image) == ["black-framed_eyewear", "character_\\(series\\)",
                             "looking_at_viewer", "smile", "solo"]
    spaced = build_deepdanbooru(_source(weights_file), use_spaces=True)
    assert "looking at viewer" in spaced(image)


def test_tags_the_head_on_white_as_facechain(weights_file, monkeypatch):
    from facechain.types import Parsing

    tagger = build_deepdanbooru(_source(weights_file))
    seen = []
    monkeypatch.setattr(tagger, "probabilities",
                        lambda image: seen.append(image) or np.zeros(len(TAGS)))
    image = np.full((64, 64, 3), 30, np.uint8)
    head = np.zeros((64, 64), np.uint8)
    head[10:40, 20:44] = 255
    empty = np.zeros_like(head)
    assert tagger(image, None, Parsing(head=head, face=head, hair=empty, person=head)) == []
    painted = seen[0]
    assert (painted[head > 0] == 30).all() and (painted[head == 0] == 255).all()
    tagger(image)  # no parsing: the image as given
    assert (seen[1] == 30).all()


def test_safetensors_weights_load_the_same(weights_file, tmp_path):
    from safetensors.torch import save_file

    state = _weights()
    save_file(state, str(tmp_path / "model-resnet_custom_v3.safetensors"),
              metadata={"tags": json.dumps(TAGS)})
    image = np.full((64, 64, 3), 128, np.uint8)
    a = build_deepdanbooru(_source(tmp_path)).probabilities(image)
    b = build_deepdanbooru(_source(weights_file)).probabilities(image)
    np.testing.assert_allclose(a, b, atol=1e-5)


class _Payload:
    """Not a tensor, dict or list: ``torch.load(weights_only=True)`` must refuse to build it."""


def test_weights_errors(tmp_path):
    with pytest.raises(ModelSourceError, match="model-resnet_custom_v3.pt"):
        build_deepdanbooru(_source(tmp_path))  # empty folder
    with pytest.raises(ModelSourceError, match="no built-in weights"):
        build_deepdanbooru(ResolvedSource("tagging", "builtin", "", None))
    torch.save({"n_Conv_0.weight": torch.zeros(1), "tags": _Payload()}, tmp_path / "bad.pt")
    with pytest.raises(ModelSourceError, match="cannot read"):
        build_deepdanbooru(_source(tmp_path / "bad.pt"))
    state = _weights()
    del state["n_Conv_50.weight"]
    torch.save({**state, "tags": TAGS}, tmp_path / "partial.pt")
    with pytest.raises(ModelSourceError, match="layout"):
        build_deepdanbooru(_source(tmp_path / "partial.pt"))
    torch.save({**_weights(), "tags": TAGS[:-1]}, tmp_path / "short.pt")
    with pytest.raises(ModelSourceError, match="tags"):
        build_deepdanbooru(_source(tmp_path / "short.pt"))


def test_parse_output_and_identity_rule():
    probs = np.array([0.5, 0.49, 0.9, 0.7])
    tags = ["b_tag", "a_tag", "rating:general", "a_(b)"]
    assert parse_deepdanbooru_output(probs, tags) == ["a_\\(b\\)", "b_tag"]
    assert parse_deepdanbooru_output(probs, tags, threshold=0.8) == []
    with pytest.raises(ModelSourceError):
        parse_deepdanbooru_output(probs[:3], tags)
    for tag in ("1boy", "old_man", "dark-skinned_male", "brown_eyes", "nose", "ears", "asian",
                "upper_body", "pink_lips"):
        assert is_facechain_identity_tag(tag), tag
    for tag in ("glasses", "eyewear", "smile", "short_hair", "hat", "open_mouth"):
        assert not is_facechain_identity_tag(tag), tag
    from facechain.components.tagging import DeepDanbooruTagger

    with pytest.raises(InvalidInputError):
        DeepDanbooruTagger(deepdanbooru_module(n_tags=1, width=WIDTH), ["x"], threshold=1.5)


def test_resize_and_fill_fills_the_bars_with_the_edge():
    from PIL import Image

    image = np.zeros((100, 200, 3), np.uint8)
    image[0, :] = 255  # top row white: the top bar repeats it
    out = np.asarray(resize_and_fill(Image.fromarray(image), 512, 512))
    assert out.shape == (512, 512, 3)
    assert out[:100].mean() > 200 and out[300:].mean() < 30
