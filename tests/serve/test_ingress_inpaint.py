"""``POST /v1/inpaint`` and ``POST /v1/tryon`` in-process: the real FastAPI app and ``Ingress``
class over fake handles (as tests/serve/test_ingress.py), the library's ``ainpaint`` / ``atryon``
replaced by fakes where a test checks what the ingress does around them; plus the two new hops
(``ServedComponents.landmarks`` / ``segment_garment``) and the deployments behind them on a real
photo.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from facechain.errors import IncompatibleModelError, InvalidInputError, NoPersonError
from facechain.types import FaceReport, FaceStatus

from ..conftest import FACES, photo_bytes
from ..deployments.test_diffusion import _loras, replica  # noqa: F401 - the Diffusion replica fixture

serve_api = pytest.importorskip("ray.serve")
TestClient = pytest.importorskip("fastapi.testclient").TestClient

from facechain.pipelines.inpaint import FaceAssignment, InpaintOutput, InpaintParams  # noqa: E402
from facechain.pipelines.tryon import TryonOutput, TryonParams  # noqa: E402
from serve import ingress as ingress_module  # noqa: E402
from servekit.adapters import ServedComponents  # noqa: E402
from servekit.loras import LORAS  # noqa: E402

from .ingress_fakes import jpeg_bytes, served_ingress  # noqa: E402
from .ingress_fakes import on_loop as _on_loop  # noqa: E402


class FakeHandle:
    """Records its calls; answers ``answer(method, *args)``."""

    def __init__(self, answer=lambda method, *args, **kwargs: None):
        self.calls, self.answer, self.routed = [], answer, []

    def options(self, **options):
        self.routed.append(options)
        return self

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            self.calls.append((method, args, kwargs))
            return self.answer(method, *args, **kwargs)

        return SimpleNamespace(remote=remote)


@pytest.fixture
def served(monkeypatch, tmp_path):
    """(TestClient, Ingress instance) with fake handles and LoRAs ``alice`` and ``bob``."""
    with served_ingress(monkeypatch, tmp_path, FakeHandle) as (client, instance):
        for lora_id in ("alice", "bob"):  # of tenant local (the loopback client's)
            (instance.artifacts.root / LORAS / f"local_{lora_id}").mkdir(parents=True)
        monkeypatch.setattr(ingress_module, "read_lora", lambda path: SimpleNamespace(
            path=path, metadata=SimpleNamespace(kind="face", base_model_id="builtin:tiny-sd15")))
        yield client, instance


def _png(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image).save(out, format="PNG")
    return out.getvalue()


def _jpeg(size=(64, 48), color=(90, 140, 200)) -> bytes:
    return jpeg_bytes(size, color)


def _decoded(b64: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))))




def _inpaint(client, options, template=None, **data):
    files = {"template": ("t.jpg", template if template is not None else _jpeg(), "image/jpeg")}
    form = {"options": options if isinstance(options, str) else json.dumps(options), **data}
    return client.post("/v1/inpaint", files=files, data=form)


def _tryon(client, options, photo=None, mask=None, **data):
    files = {"photo": ("p.jpg", photo if photo is not None else _jpeg(), "image/jpeg")}
    if mask is not None:
        files["mask"] = ("m.png", mask, "image/png")
    form = {"options": options if isinstance(options, str) else json.dumps(options), **data}
    return client.post("/v1/tryon", files=files, data=form)


TWO_FACES = {"faces": [{"index": 0, "lora_id": "alice"}, {"index": 1, "lora_id": "bob"}]}


def _reports(n=2, named=(0, 1)):
    return [FaceReport(index=i, box=(10.0 * i, 5.0, 10.0 * i + 8, 13.0),
                       lora=["alice", "bob", None][i] if i in named else None,
                       status=FaceStatus.DONE if i in named else FaceStatus.SKIPPED,
                       reason=None if i in named else "not named", similarity=0.5 if i in named
                       else None) for i in range(n)]


@pytest.fixture
def fake_library(monkeypatch):
    """Fake ``ainpaint`` / ``atryon`` recording their arguments; ``raises`` makes them fail."""
    seen: dict = {"raises": None}

    async def fake_inpaint(template, assignments, params, components, *, styles=None):
        seen.update(inpaint=dict(template=template, assignments=assignments, params=params,
                                 components=components, styles=styles, on_loop=_on_loop()))
        if seen["raises"] is not None:
            raise seen["raises"]
        image = np.full(template.shape, 77, np.uint8)
        return InpaintOutput(image=image, faces=_reports(3), seed=5)

    async def fake_tryon(photo, lora, params, components, *, mask=None, lora_id=None, styles=None):
        seen.update(tryon=dict(photo=photo, lora=lora, params=params, mask=mask, lora_id=lora_id,
                               styles=styles))
        if seen["raises"] is not None:
            raise seen["raises"]
        garment = np.zeros(photo.shape[:2], np.uint8)
        garment[10:20] = 255
        return TryonOutput(image=np.full(photo.shape, 33, np.uint8), mask=garment,
                           faces=_reports(1, named=(0,)), seed=9)

    monkeypatch.setattr(ingress_module, "ainpaint", fake_inpaint)
    monkeypatch.setattr(ingress_module, "atryon", fake_tryon)
    return seen


# -- response shape and what reaches the library --------------------------------------------------


def test_inpaint_answers_the_image_and_the_face_reports(served, fake_library):
    client, instance = served
    options = {**TWO_FACES, "steps": 3, "crop_size": 64, "seed": 5, "style": ""}
    r = _inpaint(client, options, template=_jpeg((64, 48)))
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"image", "faces", "seed"} and body["seed"] == 5
    image = _decoded(body["image"])
    assert image.shape == (48, 64, 3) and (image == 77).all()
    assert body["faces"] == [f.to_dict() for f in _reports(3)]
    assert [f["status"] for f in body["faces"]] == ["done", "done", "skipped"]
    call = fake_library["inpaint"]
    assert call["template"].shape == (48, 64, 3)
    assert [(a.index, a.lora_id) for a in call["assignments"]] == [(0, "local_alice"),
                                                                    (1, "local_bob")]
    assert all(isinstance(a, FaceAssignment) for a in call["assignments"])
    assert call["assignments"][1].lora.path.name == "local_bob"  # the LoRA read from the store
    assert type(call["params"]) is InpaintParams
    assert call["params"] == InpaintParams(steps=3, crop_size=64, seed=5)
    assert call["components"] is instance.components and call["styles"] is None


def test_tryon_answers_image_mask_and_faces(served, fake_library):
    client, _ = served
    r = _tryon(client, {"lora_id": "alice", "steps": 2, "size": 64, "background": "beach"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"image", "mask", "faces", "seed"} and body["seed"] == 9
    assert _decoded(body["image"]).shape == (48, 64, 3)
    mask = _decoded(body["mask"])
    assert mask.shape == (48, 64) and set(np.unique(mask)) == {0, 255}  # single channel, 0/255
    assert body["faces"][0]["status"] == "done" and body["faces"][0]["lora"] == "alice"
    call = fake_library["tryon"]
    assert call["mask"] is None and call["lora_id"] == "local_alice" and call["lora"].path.name == "local_alice"
    assert type(call["params"]) is TryonParams
    assert call["params"] == TryonParams(steps=2, size=64, background="beach")


def test_tryon_passes_the_uploaded_mask_as_a_single_channel_mask(served, fake_library):
    client, _ = served
    mask = np.zeros((48, 64, 3), np.uint8)
    mask[20:30, 10:50] = 255
    r = _tryon(client, {"lora_id": "alice"}, mask=_png(mask))
    assert r.status_code == 200, r.text
    given = fake_library["tryon"]["mask"]
    assert given.shape == (48, 64) and given.dtype == np.uint8
    assert (given == mask[..., 0]).all()


def test_a_style_is_looked_up_before_any_work(served, fake_library):
    client, _ = served
    r = _inpaint(client, {**TWO_FACES, "style": "no-such-style"})
    assert r.status_code == 404 and r.json()["error"]["type"] == "not_found"
    assert "inpaint" not in fake_library
    r = _inpaint(client, {**TWO_FACES, "style": "headshot"})
    assert r.status_code == 200, r.text
    assert fake_library["inpaint"]["styles"].get("headshot").slug == "headshot"
    r = _tryon(client, {"lora_id": "alice", "style": "no-such-style"})
    assert r.status_code == 404 and "tryon" not in fake_library


# -- options validation: 422 ----------------------------------------------------------------------


@pytest.mark.parametrize("options,param", [
    ({"faces": []}, "body.options.faces"),
    ({}, "body.options.faces"),
    ({"faces": [{"index": -1, "lora_id": "alice"}]}, "body.options.faces.0.index"),
    ({"faces": [{"index": 0, "lora_id": "Not An Id"}]}, "body.options.faces.0.lora_id"),
    ({"faces": [{"index": 0, "lora_id": "alice", "weight": 1}]}, "body.options.faces.0.weight"),
    ({"faces": [{"index": 0, "lora_id": "alice"}, {"index": 0, "lora_id": "bob"}]},
     "body.options"),
    ({**TWO_FACES, "strength": 1.5}, "body.options.strength"),
    ({**TWO_FACES, "refine_strength": -0.1}, "body.options.refine_strength"),
    ({**TWO_FACES, "crop_size": 100}, "body.options.crop_size"),
    ({**TWO_FACES, "bogus": True}, "body.options.bogus"),
    ("{not json", "body.options"),
])
def test_inpaint_options_are_validated(served, fake_library, options, param):
    client, _ = served
    r = _inpaint(client, options)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["type"] == "validation_error" and error["param"] == param, error
    assert "inpaint" not in fake_library


@pytest.mark.parametrize("options,param", [
    ({}, "body.options.lora_id"),
    ({"lora_id": "alice", "strength": 1.01}, "body.options.strength"),
    ({"lora_id": "alice", "face_strength": 2}, "body.options.face_strength"),
    ({"lora_id": "alice", "steps": 0}, "body.options.steps"),
    ({"lora_id": "alice", "faces": []}, "body.options.faces"),
])
def test_tryon_options_are_validated(served, fake_library, options, param):
    client, _ = served
    r = _tryon(client, options)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["param"] == param
    assert "tryon" not in fake_library


def test_missing_options_and_unknown_form_fields_are_422(served, fake_library):
    client, _ = served
    r = client.post("/v1/inpaint", files={"template": ("t.jpg", _jpeg(), "image/jpeg")})
    assert r.status_code == 422 and r.json()["error"]["param"] == "body.options"
    r = _inpaint(client, TWO_FACES, optoins="{}")
    assert r.status_code == 422 and r.json()["error"]["param"] == "body.optoins"
    assert r.json()["error"]["details"][0]["type"] == "extra_forbidden"
    r = _tryon(client, {"lora_id": "alice"}, garment="x")
    assert r.status_code == 422 and r.json()["error"]["param"] == "body.garment"
    r = client.post("/v1/tryon", data={"options": json.dumps({"lora_id": "alice"})})
    assert r.status_code == 422 and r.json()["error"]["param"] == "body.photo"
    assert "inpaint" not in fake_library and "tryon" not in fake_library


# -- typed 4xx ------------------------------------------------------------------------------------


def _ray_wrapped(cause: BaseException) -> BaseException:
    """What a deployment handle raises for a library error inside a replica."""
    from ray.exceptions import RayTaskError

    return RayTaskError("segment", "Traceback ...", cause, proctitle="w", pid=1,
                        ip="127.0.0.1").as_instanceof_cause()


@pytest.mark.parametrize("raised,status,error_type,param", [
    (InvalidInputError("no face in the template", param="template"), 400, "invalid_input",
     "template"),
    (InvalidInputError("face index 3 does not exist: 2 faces detected", param="faces"), 400,
     "invalid_input", "faces"),
    (IncompatibleModelError("LoRA bob was trained on another base model", param="lora"), 409,
     "incompatible_model", "lora"),
    (_ray_wrapped(IncompatibleModelError("trained on another base", param="lora")), 409,
     "incompatible_model", "lora"),
])
def test_inpaint_library_errors_are_typed_4xx(served, fake_library, raised, status, error_type,
                                              param):
    client, _ = served
    fake_library["raises"] = raised
    r = _inpaint(client, TWO_FACES)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert (error["type"], error["param"]) == (error_type, param)
    assert client.get("/healthz").status_code == 200


def test_an_unknown_lora_is_404_before_any_work(served, fake_library):
    client, _ = served
    r = _inpaint(client, {"faces": [{"index": 0, "lora_id": "alice"},
                                    {"index": 1, "lora_id": "nobody"}]})
    assert r.status_code == 404, r.text
    error = r.json()["error"]
    assert error["type"] == "not_found" and error["param"] == "faces" and "nobody" in error["message"]
    r = _tryon(client, {"lora_id": "nobody"})
    assert r.status_code == 404 and r.json()["error"]["param"] == "lora_id"
    assert "inpaint" not in fake_library and "tryon" not in fake_library


def test_loras_are_loaded_on_their_replicas_first_and_a_foreign_one_is_409(served, fake_library):
    client, instance = served
    diffusion = instance.diffusion
    assert _inpaint(client, {"faces": [{"index": 0, "lora_id": "alice"},
                                       {"index": 2, "lora_id": "bob"}]}).status_code == 200
    # one load per LoRA, each routed by its own id (the replica that will run its passes)
    assert diffusion.routed == [{"multiplexed_model_id": "local_alice"},
                               {"multiplexed_model_id": "local_bob"}]
    assert [m for m, _, _ in diffusion.calls] == ["load_adapter", "load_adapter"]

    def foreign(method, *args, **kwargs):
        raise _ray_wrapped(IncompatibleModelError("bob was trained on another base", param="lora"))

    diffusion.answer = foreign
    fake_library.clear()
    fake_library["raises"] = None
    r = _inpaint(client, TWO_FACES)
    assert r.status_code == 409 and r.json()["error"]["type"] == "incompatible_model"
    r = _tryon(client, {"lora_id": "alice"})
    assert r.status_code == 409
    assert "inpaint" not in fake_library and "tryon" not in fake_library  # before any work


def test_a_garment_photo_without_a_person_is_400_no_person(served, fake_library):
    client, _ = served
    # raised inside the GarmentSegmentation replica: it arrives through the handle
    fake_library["raises"] = _ray_wrapped(NoPersonError("no person found", param="image"))
    r = _tryon(client, {"lora_id": "alice"})
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert (error["type"], error["param"]) == ("no_person", "photo")
    fake_library["raises"] = IncompatibleModelError("another base", param="lora")
    assert _tryon(client, {"lora_id": "alice"}).status_code == 409


@pytest.mark.parametrize("mask,error_type", [
    (np.zeros((48, 32), np.uint8), "invalid_input"),        # wrong size
    (np.zeros((64, 48, 3), np.uint8), "invalid_input"),     # transposed
    (None, "image_decode_error"),                           # not an image
])
def test_a_bad_mask_is_400_mask_before_any_work(served, fake_library, mask, error_type):
    client, _ = served
    data = b"not a png" if mask is None else _png(mask)
    r = _tryon(client, {"lora_id": "alice"}, mask=data)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert (error["type"], error["param"]) == (error_type, "mask")
    assert "tryon" not in fake_library


def test_bad_uploads_name_their_field(served, fake_library):
    client, instance = served
    r = _inpaint(client, TWO_FACES, template=b"not an image")
    assert r.status_code == 400 and r.json()["error"]["param"] == "template"
    assert r.json()["error"]["type"] == "image_decode_error"
    r = _tryon(client, {"lora_id": "alice"}, photo=b"")
    assert r.status_code == 400 and r.json()["error"]["param"] == "photo"
    big = b"\0" * (instance.max_upload_bytes + 1)
    r = _inpaint(client, TWO_FACES, template=big)
    assert r.status_code == 413 and r.json()["error"]["param"] == "template"
    r = _tryon(client, {"lora_id": "alice"}, mask=big)
    assert r.status_code == 413 and r.json()["error"]["param"] == "mask"
    instance.max_pixels = 32 * 32
    r = _inpaint(client, TWO_FACES)
    assert r.status_code == 413 and r.json()["error"]["param"] == "template"
    assert "inpaint" not in fake_library and "tryon" not in fake_library


# -- the event loop only awaits -------------------------------------------------------------------


def test_inpaint_and_tryon_decode_read_and_encode_off_the_event_loop(served, fake_library,
                                                                     monkeypatch):
    client, _ = served
    calls: dict[str, list[bool]] = {}

    def spy(name):
        fn = getattr(ingress_module, name)

        def wrapper(*args, **kwargs):
            calls.setdefault(name, []).append(_on_loop())
            return fn(*args, **kwargs)

        monkeypatch.setattr(ingress_module, name, wrapper)

    for name in ("decode_image", "check_mask", "read_lora", "encode_png"):
        spy(name)
    assert _inpaint(client, TWO_FACES).status_code == 200
    mask = np.zeros((48, 64), np.uint8)
    mask[5:9] = 255
    assert _tryon(client, {"lora_id": "alice"}, mask=_png(mask)).status_code == 200
    assert len(calls["decode_image"]) == 3 and len(calls["read_lora"]) == 3
    assert len(calls["encode_png"]) == 3 and len(calls["check_mask"]) == 1  # image, image, mask
    assert not any(v for vs in calls.values() for v in vs), calls


def test_requests_are_counted_per_route(served, fake_library, monkeypatch):
    client, _ = served
    counted = []
    monkeypatch.setattr(ingress_module, "record_http_request",
                        lambda route, method, status: counted.append((route, method, status)))
    _inpaint(client, TWO_FACES)
    _tryon(client, {"lora_id": "nobody"})
    assert counted == [("/v1/inpaint", "POST", 200), ("/v1/tryon", "POST", 404)]


def test_openapi_documents_the_routes_and_their_options(served):
    client, _ = served
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"/v1/inpaint", "/v1/tryon"} <= set(spec["paths"])
    assert set(InpaintParams.model_fields) | {"faces"} == set(schemas["InpaintOptions"]["properties"])
    assert set(TryonParams.model_fields) | {"lora_id"} == set(schemas["TryonOptions"]["properties"])
    assert schemas["FaceStatus"]["enum"] == [s.value for s in FaceStatus]
    tryon_body = schemas["Body_tryon_v1_tryon_post"]["properties"]
    assert {"photo", "mask", "options"} == set(tryon_body)
    assert set(schemas["TryonResponse"]["properties"]) == {"image", "mask", "faces", "seed"}


# -- the hops and the deployments behind them ----------------------------------------------------


def test_served_components_hop_to_detection_and_garment_segmentation():
    detection = FakeHandle(lambda method, image, faces: [np.zeros((68, 2))] * len(faces))
    garment = FakeHandle(lambda method, image: "parsing")
    components = ServedComponents(detection=detection, garment_segmentation=garment)
    image = np.zeros((8, 8, 3), np.uint8)
    faces = (f for f in ["a", "b"])  # any iterable: one hop with a list of all faces
    points = asyncio.run(components.landmarks(image, faces))
    assert len(points) == 2
    assert [(m, len(a)) for m, a, _ in detection.calls] == [("landmarks", 2)]
    assert detection.calls[0][1][1] == ["a", "b"]
    assert asyncio.run(components.segment_garment(image)) == "parsing"
    assert [m for m, _, _ in garment.calls] == ["segment"]


def test_the_deployments_serve_landmarks_and_the_garment_parsing():
    from deployments.components import FaceDetection, GarmentSegmentation
    from facechain.imageio import read_image
    from facechain.types import GarmentParsing

    photo = read_image(FACES / "obama.jpg")
    detection = FaceDetection.func_or_class()
    faces = asyncio.run(detection.detect(photo))
    (points,) = asyncio.run(detection.landmarks(photo, faces))
    x0, y0, x1, y1 = faces[0].box
    assert points.shape == (68, 2)
    mx, my = 0.3 * (x1 - x0), 0.3 * (y1 - y0)  # the jaw line reaches below dlib's box
    assert (x0 - mx <= points[:, 0]).all() and (points[:, 0] <= x1 + mx).all()
    assert (y0 - my <= points[:, 1]).all() and (points[:, 1] <= y1 + my).all()
    asyncio.run(detection.check_health())

    garment = GarmentSegmentation.func_or_class()
    parsing = asyncio.run(garment.segment(photo))
    assert isinstance(parsing, GarmentParsing) and parsing.garment.shape == photo.shape[:2]
    assert parsing.garment.any()
    asyncio.run(garment.check_health())  # the blank probe has no person: still healthy
    with pytest.raises(NoPersonError):
        asyncio.run(garment.segment(np.full((128, 128, 3), 200, np.uint8)))
    assert photo_bytes("obama.jpg")  # the fixture photo the live tests use too


def test_diffusion_load_adapter_loads_the_routed_lora_once(replica, monkeypatch):  # noqa: F811
    """``Diffusion.load_adapter`` (what the ingress calls per LoRA first) loads the LoRA named by
    the call's multiplexed id into the multiplexer and the engine; a second call is a hit."""
    from ray.serve.context import _RequestContext, _serve_request_context

    from deployments import diffusion as diffusion_module
    from facechain.diffusion.engine import face_adapter_name
    from facechain.errors import NotFoundError

    instance = replica
    (lora_id,) = _loras(Path(instance.artifacts.root), 1)
    events = []
    monkeypatch.setattr(diffusion_module, "record_lora_event", events.append)

    async def load(model_id):
        _serve_request_context.set(_RequestContext(multiplexed_model_id=model_id))
        return await instance.load_adapter()

    assert asyncio.run(load(lora_id)) == lora_id
    assert list(instance._multiplexed()) == [lora_id]
    assert instance.engine.held_adapters() == [face_adapter_name(lora_id)]
    assert asyncio.run(load(lora_id)) == lora_id and instance.engine.stats.adapter_loads == 1
    assert [e.value for e in events if e.value in ("hit", "miss")] == ["miss", "hit"]
    assert asyncio.run(load("")) is None
    with pytest.raises(NotFoundError):
        asyncio.run(load("nobody"))
