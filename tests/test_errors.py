import pickle

import pytest

from facechain.errors import (
    AllItemsFailedError,
    ComponentError,
    FaceChainError,
    FusionError,
    ImageDecodeError,
    ModelSourceError,
    NotFoundError,
    NoUsablePhotosError,
)
from facechain.types import DroppedCandidate, DropReason, Rejection, RejectionReason


@pytest.mark.parametrize("exc", [
    FaceChainError("x", param="p"),
    ImageDecodeError("bad bytes", param="photos"),
    NotFoundError("no such style", param="style"),
    ModelSourceError("face_detection", "missing file"),
    NoUsablePhotosError([Rejection("a.jpg", RejectionReason.NO_FACE, "none")]),
    FusionError("the template face does not cover the target face", param="template_face"),
    AllItemsFailedError("photo", [Rejection("a.jpg", RejectionReason.ANALYSIS_FAILED, "x")]),
    AllItemsFailedError("candidate", [DroppedCandidate(3, DropReason.FUSION_FAILED, "y")]),
])
def test_errors_survive_pickling(exc):
    """Errors cross Ray hops by pickle; type, message, param and extra state must survive."""
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert back.message == exc.message and back.param == exc.param and str(back) == str(exc)
    assert back.__dict__ == exc.__dict__


def test_component_failures_are_not_input_errors():
    """A component failing on an item is the server's side: never an InvalidInputError (4xx)."""
    from facechain.errors import InvalidInputError

    for exc in (FusionError("x"), AllItemsFailedError("candidate", [])):
        assert isinstance(exc, ComponentError) and not isinstance(exc, InvalidInputError)
    failed = AllItemsFailedError("candidate", [DroppedCandidate(3, DropReason.FUSION_FAILED, "y")])
    assert failed.message == "every candidate failed in a model component: seed 3: fusion_failed (y)"
    assert failed.failures[0].reason is DropReason.FUSION_FAILED
    assert RejectionReason.ANALYSIS_FAILED.is_failure and not RejectionReason.NO_FACE.is_failure
