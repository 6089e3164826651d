"""The OpenAPI document is complete and unambiguous: unique schema names, every schema, body
and response described, every error answer modelled; a standard generator (openapi-python-client)
makes a client of it without a single warning."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

from serve.errors import ERROR_RESPONSES

ROOT = Path(__file__).resolve().parents[2]
ERROR_REF = "#/components/schemas/ErrorBody"


@pytest.fixture(scope="module")
def document() -> dict:
    pytest.importorskip("ray.serve")
    from serve.ingress import app

    return app.openapi()


def _operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_schema_names_are_unique_and_every_schema_is_described(document):
    schemas = document["components"]["schemas"]
    # FastAPI keys two models of one name by module ("serve__errors__RejectedPhoto"); a generator
    # names classes by title: both must be the one plain name
    assert not [name for name in schemas if "__" in name]
    assert {name: s.get("title") for name, s in schemas.items()} == {n: n for n in schemas}
    assert not [name for name, s in schemas.items() if not s.get("description")]


def test_every_body_and_response_is_modelled_and_described(document):
    for name, operation in _operations(document):
        assert operation.get("description"), name
        body = operation.get("requestBody")
        if body is not None:
            assert body.get("description"), name
            assert all("$ref" in media["schema"] for media in body["content"].values()), name
        responses = operation["responses"]
        for status, response in responses.items():
            assert response.get("description") and response["description"] != "Successful Response", (name, status)
            if status.startswith("2") and status != "204":
                assert response.get("content"), (name, status)
        for status in ERROR_RESPONSES:  # every error answer: the one error model
            if name == "GET /readyz" and status == 503:
                continue  # not ready: the readiness body, documented as such
            assert ERROR_REF in json.dumps(responses[str(status)]), (name, status)


@pytest.mark.slow
def test_openapi_python_client_generates_a_whole_client_without_warnings(document, tmp_path):
    spec = importlib.util.spec_from_file_location("openapi_client", ROOT / "scripts" / "openapi_client.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "facechain_serve_client"
    proc = tool.generate(document, out)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "warning" not in output.lower(), output
    modules = sorted(p.stem for p in out.glob("api/*/*.py") if p.stem != "__init__")
    assert len(modules) == len(list(_operations(document))), modules
    # the generated client parses a preprocessing report and an error into their models
    check = """
import httpx, json, sys
from facechain_serve_client import Client
from facechain_serve_client.api.faces import faces_v1_faces_post as faces
report, error = json.loads(sys.argv[1]), json.loads(sys.argv[2])
client = Client(base_url="http://api.test")
ok = faces._parse_response(client=client, response=httpx.Response(200, json=report))
bad = faces._parse_response(client=client, response=httpx.Response(422, json=error))
print(type(ok).__name__, ok.rejected[0].reason.value, type(bad).__name__, bad.error.type_)
"""
    report = {"accepted": [], "rejected": [{"source": "a.jpg", "reason": "no_face", "message": "x"}],
              "trigger": "a girl", "gender": "female", "age": 9.0, "template": {}}
    error = {"error": {"type": "no_usable_photos", "message": "none", "param": "photos"}}
    ran = subprocess.run([str(tool.tool_venv() / "python"), "-c", check, json.dumps(report),
                          json.dumps(error)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert ran.stdout.split() == ["FacesResponse", "no_face", "ErrorBody", "no_usable_photos"], ran.stderr
