"""servekit.loras: the one mapping between a LoRA id and its other forms."""

from __future__ import annotations

import pytest

from facechain.diffusion.engine import AdapterRef, DiffusionRequest, face_adapter_name
from facechain.errors import FaceChainError, NotFoundError
from servekit.loras import LORAS, bind_face_adapter, face_adapter, lora_dir, multiplexed_model_id
from servekit.storage import ArtifactStore


@pytest.fixture
def store(tmp_path) -> ArtifactStore:
    store = ArtifactStore(tmp_path / "artifacts")
    (store.root / LORAS / "alice").mkdir()
    return store


def test_every_form_of_a_lora_id_comes_from_one_id(store):
    assert lora_dir(store, "alice") == store.root / "loras" / "alice"
    with pytest.raises(NotFoundError):
        lora_dir(store, "bob")
    ref = face_adapter(store, "alice")
    assert ref.face_lora_id == "alice" and ref.path == lora_dir(store, "alice")
    assert ref.adapter_name == face_adapter_name("alice")
    style = AdapterRef.style("ink", None, 0.7)
    request = DiffusionRequest(prompt="p", adapters=(AdapterRef.face("alice", None, 0.9), style))
    assert multiplexed_model_id(request) == "alice"
    assert multiplexed_model_id(DiffusionRequest(prompt="p", adapters=(style,))) is None


def test_bind_puts_the_held_adapter_into_the_request(store, tmp_path):
    held = face_adapter(store, "alice")
    style = AdapterRef.style("ink", tmp_path / "ink.safetensors", 0.7)
    request = DiffusionRequest(prompt="p", adapters=(AdapterRef.face("alice", tmp_path / "x", 0.9),
                                                     style))
    bound = bind_face_adapter(request, held)
    assert bound.adapters == (AdapterRef.face("alice", held.path, 0.9), style)  # weight kept

@pytest.mark.parametrize("adapters", [(AdapterRef.face("bob", None),), ()])
def test_a_request_routed_under_another_lora_id_is_a_server_error(store, adapters):
    """The routing key comes from the request itself: a mismatch is the server's bug, so it
    must not be a library error (those map to 4xx); the ingress answers it as a 500."""
    from serve.errors import error_body

    with pytest.raises(RuntimeError) as caught:
        bind_face_adapter(DiffusionRequest(prompt="p", adapters=adapters), face_adapter(store, "alice"))
    assert not isinstance(caught.value, FaceChainError)
    assert error_body(caught.value)[0] == 500
