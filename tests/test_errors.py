import pickle

import pytest

from facechain.errors import (
    FaceChainError,
    ImageDecodeError,
    ModelSourceError,
    NotFoundError,
    NoUsablePhotosError,
)
from facechain.types import Rejection, RejectionReason


@pytest.mark.parametrize("exc", [
    FaceChainError("x", param="p"),
    ImageDecodeError("bad bytes", param="photos"),
    NotFoundError("no such style", param="style"),
    ModelSourceError("face_detection", "missing file"),
    NoUsablePhotosError([Rejection("a.jpg", RejectionReason.NO_FACE, "none")]),
])
def test_errors_survive_pickling(exc):
    """Errors cross Ray hops by pickle; type, message, param and extra state must survive."""
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert back.message == exc.message and back.param == exc.param and str(back) == str(exc)
    assert back.__dict__ == exc.__dict__
