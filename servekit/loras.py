"""The forms of a face LoRA id in the served graph, in one place.

A face LoRA is named by one id (``lora_id``, from ``POST /v1/loras``). Between the ingress and
``set_adapters`` it takes these forms, and only these helpers (with
:class:`facechain.diffusion.engine.AdapterRef` for the adapter names) turn one into another:

- the tenant's public id (what clients see and send) and the storage id the server derives
  from it and the caller's tenant: :func:`tenant_lora_id` (``<tenant>_<lora_id>``,
  :func:`servekit.storage.scoped_id`) and back, :func:`public_lora_id`. Everything below the
  ingress (trainer, Diffusion, adapter names) sees only the storage id;
- its folder in the artifact store: :func:`lora_dir` (``<artifacts>/loras/<storage id>``);
- Serve's multiplexed model id of a diffusion request: :func:`multiplexed_model_id`, the
  storage id of its face LoRA, so the routing key is derived on the server from (tenant, LoRA),
  never taken from the client, and two tenants' LoRAs never share an adapter;
- the adapter a Diffusion replica loads for a multiplexed model id: :func:`face_adapter`
  (``AdapterRef.face``: name ``face-<id>``, pipeline adapter ``face_<id>``);
- the request the replica runs: :func:`bind_face_adapter` puts that very adapter into it, so
  the engine activates exactly what the multiplexer loaded (never a second copy under another
  path).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from facechain.diffusion.engine import AdapterRef, DiffusionRequest, face_lora_id
from facechain.errors import NotFoundError
from servekit.storage import ArtifactStore, scoped_id, split_scoped_id, validate_id

__all__ = ["LORAS", "bind_face_adapter", "face_adapter", "lora_dir", "multiplexed_model_id",
           "public_lora_id", "tenant_lora_id"]

LORAS = "loras"
"""The artifact kind of trained LoRAs."""


def tenant_lora_id(tenant: str, lora_id: str, param: str = "lora_id") -> str:
    """The storage id of tenant ``tenant``'s LoRA ``lora_id`` (a malformed id is 400, one that
    cannot exist 404 ``param``)."""
    scoped = scoped_id(tenant, validate_id(lora_id, param))
    if scoped is None:
        raise NotFoundError(f"LoRA '{lora_id}' not found", param=param)
    return scoped


def public_lora_id(storage_id: str) -> str:
    """The id a client sees for a storage id (the id itself if it is not tenant-scoped)."""
    split = split_scoped_id(storage_id)
    return split[1] if split else storage_id


def lora_dir(artifacts: ArtifactStore, lora_id: str) -> Path:
    """The folder of LoRA ``lora_id``; :class:`NotFoundError` if there is none."""
    return artifacts.path(LORAS, lora_id)


def multiplexed_model_id(request: DiffusionRequest) -> str | None:
    """Serve's routing key of a diffusion request: its face LoRA id (None: no face LoRA)."""
    return face_lora_id(request.adapters)


def face_adapter(artifacts: ArtifactStore, model_id: str) -> AdapterRef:
    """The face adapter a replica loads for multiplexed model id ``model_id``."""
    return AdapterRef.face(model_id, lora_dir(artifacts, model_id))


def bind_face_adapter(request: DiffusionRequest, held: AdapterRef) -> DiffusionRequest:
    """``request`` with its face adapter replaced by ``held`` (same LoRA id, the replica's own
    path; the request's weight is kept).

    A request routed under another LoRA id than its own face adapter's is a bug of the served
    graph (the routing key is derived from the request, :func:`multiplexed_model_id`), never the
    caller's: RuntimeError, which the ingress answers as a 500, not a library 4xx."""
    lora_id = held.face_lora_id
    if multiplexed_model_id(request) != lora_id:
        raise RuntimeError(f"request for face LoRA {multiplexed_model_id(request)!r} routed as "
                           f"{lora_id!r}")
    adapters = tuple(dataclasses.replace(held, weight=r.weight) if r.face_lora_id == lora_id else r
                     for r in request.adapters)
    return dataclasses.replace(request, adapters=adapters)
