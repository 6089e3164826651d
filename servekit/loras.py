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
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from pathlib import Path

from facechain.diffusion.engine import AdapterRef, DiffusionRequest, face_lora_id
from facechain.errors import NotFoundError
from servekit.routing import ReplicaCountingRouter
from servekit.storage import ArtifactStore, scoped_id, split_scoped_id, validate_id

__all__ = ["LORAS", "LoraAffinityRouter", "bind_face_adapter", "face_adapter", "lora_dir", "multiplexed_model_id",
           "place_lora", "public_lora_id", "tenant_lora_id"]

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


def place_lora(model_id: str, replicas: Sequence[Hashable], recency: Mapping[Hashable, Mapping],
               reported: Mapping[Hashable, Collection[str]], slots: int) -> list[Hashable]:
    """Where a request for face LoRA ``model_id`` goes first: the replicas holding it (this
    router's record of what it sent where, ``recency``: replica -> LoRA id -> last use, oldest
    first; or what the replica reports, ``reported``), else one replica: one with a free slot
    (fewest LoRAs), else the one whose least recently used LoRA was used longest ago, which is
    the LoRA a single LRU over all the replicas' slots would evict. So the replicas' slots
    behave as one pooled LRU (:class:`LoraAffinityRouter`)."""
    holders = [r for r in replicas
               if model_id in recency.get(r, {}) or model_id in reported.get(r, ())]
    if holders or not replicas:
        return holders

    def key(r: Hashable) -> tuple:
        used = recency.get(r, {})
        count = max(len(used), len(reported.get(r, ())))
        if count < slots:
            return (0, count, 0.0)
        return (1, 0, next(iter(used.values()), 0.0))

    return [min(replicas, key=key)]


def spill_lora(model_id: str, placed: Sequence[Hashable], replicas: Sequence[Hashable],
               in_flight: Callable[[Hashable], int | None], recency: Mapping[Hashable, Mapping],
               reported: Mapping[Hashable, Collection[str]], slots: int) -> list[Hashable]:
    """Where a request for ``model_id`` goes instead of ``placed`` (:func:`place_lora`'s answer):
    nowhere (``[]``) unless every one of ``placed`` is known busy (``in_flight`` > 0); then the
    replica :func:`place_lora` picks among those known idle (0 in flight; None: unknown, not
    idle), if there is one."""
    if not placed or not all((in_flight(r) or 0) > 0 for r in placed):
        return []
    idle = [r for r in replicas if r not in placed and in_flight(r) == 0]
    return place_lora(model_id, idle, recency, reported, slots) if idle else []


class LoraAffinityRouter(ReplicaCountingRouter):
    """Serve request router of the Diffusion deployment: face-LoRA requests by
    :func:`place_lora` (the replica holding the LoRA; a LoRA no replica holds to the replica
    whose LRU LoRA is the oldest), the others as Serve's power of two choices; it counts the
    running replicas (:class:`servekit.routing.ReplicaCountingRouter`).

    Serve's own multiplexed routing sends a LoRA no replica reports to one with the fewest
    LoRAs, else at random, and knows what a replica holds only from its reports (pushed every
    0.1 s, after the load started). This router also records what it sent where at once
    (``on_request_routed``), with the time of each LoRA's last use, per replica, bounded to
    ``slots`` (``request_router_kwargs``: the multiplexer's ``max_num_models_per_replica``).
    Each caller (ingress replica, benchmark driver) has its own router and record; a record
    that is stale only costs a miss. The first rank is tried first; the rest are the fallback
    when it is full (``max_ongoing_requests``).

    Load beats affinity when the LoRA's replicas are all busy and another one is idle: the
    request then goes to the idle replica (:func:`spill_lora`), which loads the LoRA (a cold
    load, ~70-100 ms on the tiny model, benchmarks/affinity_bench.py) instead of waiting a whole
    generation behind the busy one; from then on both hold it. Serve's queue-length cache of this
    router (its sends and their completions) says when the placed replicas may all be busy; only
    then are the replicas asked (Serve's own queue-length probe, one round trip each, at once),
    because the cache counts a completion only once its callback ran: a caller sending its next
    request right after a result would otherwise see its replica busy. One request after the
    other (the affinity benchmark) the placement above thus stands."""

    def initialize_state(self, slots: int = 8, **kwargs) -> None:
        self._slots = int(slots)
        self._recency: dict = {}  # replica id -> OrderedDict(LoRA id -> last routed, oldest first)

    async def choose_replicas(self, candidate_replicas, pending_request=None):
        model_id = pending_request.metadata.multiplexed_model_id if pending_request else ""
        if not model_id or not candidate_replicas:
            return await super().choose_replicas(candidate_replicas, pending_request)
        by_id = {r.replica_id: r for r in candidate_replicas}
        live = set(by_id)
        for gone in [r for r in self._recency if r not in live]:
            del self._recency[gone]
        reported = {i: r.multiplexed_model_ids for i, r in by_id.items()}
        first = place_lora(model_id, list(by_id), self._recency, reported, self._slots)
        spill: list = []
        if first and all((self._in_flight(i) or 0) > 0 for i in first):
            answers = await self._probe_queue_lens(list(candidate_replicas), 0)
            probed = {r.replica_id: n for r, n in answers}
            spill = spill_lora(model_id, first, list(by_id), probed.get, self._recency, reported,
                               self._slots)
        ranks = [spill, first, [i for i in by_id if i not in first and i not in spill]]
        return [[by_id[i] for i in rank] for rank in ranks if rank]

    def _in_flight(self, replica_id) -> int | None:
        """Requests in flight at a replica as Serve's queue-length cache of this router knows
        them; None: nothing known (no cache, or its entry timed out)."""
        cache = getattr(self, "replica_queue_len_cache", None)
        return None if cache is None else cache.get(replica_id)

    def on_request_routed(self, pending_request, replica_id, result) -> None:
        model_id = pending_request.metadata.multiplexed_model_id
        if not model_id:
            return
        used = self._recency.setdefault(replica_id, OrderedDict())
        used.pop(model_id, None)
        used[model_id] = time.monotonic()
        while len(used) > self._slots:
            used.popitem(last=False)
