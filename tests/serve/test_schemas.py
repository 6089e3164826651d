"""The HTTP schemas are the library's parameter models (names, defaults, ranges, descriptions)
plus HTTP-only fields, and the OpenAPI page documents every field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from facechain.pipelines.generate import GenerateParams
from facechain.pipelines.inpaint import InpaintParams
from facechain.pipelines.train import TrainParams
from facechain.pipelines.tryon import TryonParams
from facechain.types import DropReason, RejectionReason
from serve.schemas import GenerateRequest, InpaintOptions, TrainOptions, TryonOptions

HTTP_ONLY = {GenerateRequest: {"lora_id", "pose", "include_candidates"}, TrainOptions: set(),
             InpaintOptions: {"faces"}, TryonOptions: {"lora_id"}}
LIBRARY = {GenerateRequest: GenerateParams, TrainOptions: TrainParams,
           InpaintOptions: InpaintParams, TryonOptions: TryonParams}


@pytest.mark.parametrize("request_model", [GenerateRequest, TrainOptions, InpaintOptions,
                                           TryonOptions])
def test_request_fields_are_the_library_fields(request_model):
    library = LIBRARY[request_model]
    assert set(request_model.model_fields) - set(library.model_fields) == HTTP_ONLY[request_model]
    for name, field in library.model_fields.items():
        mine = request_model.model_fields.get(name)
        assert mine is not None, f"{name} of {library.__name__} is not in the API"
        assert (mine.annotation, mine.default, mine.metadata, mine.description) == (
            field.annotation, field.default, field.metadata, field.description), name
    assert request_model.model_config["extra"] == "forbid"


def test_library_ranges_are_the_api_ranges():
    cap = GenerateParams.model_fields["num_images"].metadata
    top = next(m.le for m in cap if hasattr(m, "le"))
    assert GenerateRequest(lora_id="a", num_images=top, top_k=top).num_images == top
    with pytest.raises(ValidationError):
        GenerateRequest(lora_id="a", num_images=top + 1)
    TrainOptions(rank=128, steps=5000)  # the library's caps
    for removed in ({"cfg": 7.0}, {"size": 512}):
        with pytest.raises(ValidationError, match="extra_forbidden|Extra inputs"):
            GenerateRequest(lora_id="a", **removed)


def test_requests_turn_into_exactly_the_library_parameters():
    body = GenerateRequest(lora_id="alice", style="", guidance_scale=4.5, width=64, height=128,
                           num_images=3, include_candidates=True, pose="aGk=")
    params = body.to_params()
    assert type(params) is GenerateParams
    assert params == GenerateParams(style=None, guidance_scale=4.5, width=64, height=128, num_images=3)
    options = TrainOptions(steps=5, rank=8, gender="male", age_group="mature")
    assert type(options.to_params()) is TrainParams
    assert options.to_params() == TrainParams(steps=5, rank=8, gender="male", age_group="mature")
    inpaint = InpaintOptions(faces=[{"index": 1, "lora_id": "bob"}], steps=3, crop_size=64)
    assert type(inpaint.to_params()) is InpaintParams
    assert inpaint.to_params() == InpaintParams(steps=3, crop_size=64)
    tryon = TryonOptions(lora_id="alice", background="beach", size=64)
    assert type(tryon.to_params()) is TryonParams
    assert tryon.to_params() == TryonParams(background="beach", size=64)


@pytest.fixture(scope="module")
def openapi() -> dict:
    pytest.importorskip("ray.serve")
    from serve.ingress import app

    return app.openapi()


def _properties(schema: dict, where: str):
    for name, prop in (schema.get("properties") or {}).items():
        yield f"{where}.{name}", prop


def test_every_field_of_every_schema_has_a_description(openapi):
    missing = [where for name, schema in openapi["components"]["schemas"].items()
               for where, prop in _properties(schema, name) if not prop.get("description")]
    assert not missing, f"fields without a description: {missing}"
    params = [f"{method.upper()} {path} {p['name']}" for path, methods in openapi["paths"].items()
              for method, op in methods.items() for p in op.get("parameters", [])
              if not p.get("description")]
    assert not params, f"parameters without a description: {params}"


def test_openapi_documents_the_request_models_and_library_enums(openapi):
    schemas = openapi["components"]["schemas"]
    assert set(LIBRARY[GenerateRequest].model_fields) < set(schemas["GenerateRequest"]["properties"])
    assert set(schemas["TrainOptions"]["properties"]) == set(TrainParams.model_fields)
    options = schemas["Body_create_lora_v1_loras_post"]["properties"]["options"]
    assert "#/components/schemas/TrainOptions" in str(options)
    assert schemas["RejectionReason"]["enum"] == [r.value for r in RejectionReason]
    assert schemas["DropReason"]["enum"] == [r.value for r in DropReason]
    faces = schemas["Body_faces_v1_faces_post"]["properties"]
    assert {"gender", "age_group"} <= set(faces)
