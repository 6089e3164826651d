"""The OpenAPI document is the contract for every client (facechain.client, generated ones):
complete and unambiguous.

FastAPI names the schema of a multipart body ``Body_<route>_<path>_<method>`` and gives it no
description; :func:`describe_openapi` copies the request body's description (given in the route
decorator with :func:`body_doc`) onto that schema, so every schema of the document is described.
Everything else is declared where it belongs: models' docstrings and field descriptions, each
route's ``response_description``, and the error responses of ``serve.errors.ERROR_RESPONSES``.
tests/serve/test_openapi.py checks the whole document and generates a client from it with
openapi-python-client, failing on any warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI

REF = "#/components/schemas/"


def body_doc(description: str) -> dict[str, Any]:
    """``openapi_extra`` of a route decorator: the description of its request body."""
    return {"requestBody": {"description": description}}


def _describe_bodies(document: dict[str, Any]) -> dict[str, Any]:
    schemas = document.get("components", {}).get("schemas", {})
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            body = operation.get("requestBody") or {}
            description = body.get("description")
            for media in (body.get("content") or {}).values():
                ref = (media.get("schema") or {}).get("$ref", "")
                schema = schemas.get(ref.removeprefix(REF)) if ref.startswith(REF) else None
                if description and schema is not None and not schema.get("description"):
                    schema["description"] = description[0].upper() + description[1:] + "."
    return document


def describe_openapi(app: FastAPI) -> None:
    """Have ``app.openapi()`` (and ``/openapi.json``) describe the multipart body schemas."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _describe_bodies(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
