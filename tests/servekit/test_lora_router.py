"""The Diffusion deployment's request router, on stand-ins of Serve's replicas (no cluster)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from servekit.loras import LoraAffinityRouter, place_lora, spill_lora


def _replica(name: str, held=()):
    return SimpleNamespace(replica_id=name, multiplexed_model_ids=set(held))


def _pending(model_id: str):
    return SimpleNamespace(metadata=SimpleNamespace(multiplexed_model_id=model_id))


def _router(slots: int) -> LoraAffinityRouter:
    router = LoraAffinityRouter.__new__(LoraAffinityRouter)  # Serve's constructor needs a cluster
    router.initialize_state(slots=slots)
    return router


def _route(router, replicas, model_id: str) -> list[list[str]]:
    ranks = asyncio.run(router.choose_replicas(replicas, _pending(model_id)))
    return [[r.replica_id for r in rank] for rank in ranks]


def _send(router, replicas, model_id: str) -> str:
    """Route like Serve: the first replica of the first rank takes it."""
    chosen = _route(router, replicas, model_id)[0][0]
    router.on_request_routed(_pending(model_id), chosen, None)
    return chosen


def test_a_held_lora_goes_to_its_replica_first_and_the_others_are_the_fallback():
    router = _router(2)
    replicas = [_replica("r1"), _replica("r2", held={"x"})]
    assert _route(router, replicas, "x") == [["r2"], ["r1"]]  # from the replica's report
    assert _send(router, replicas, "y") == "r1"  # free slot, fewest LoRAs
    assert _route(router, replicas, "y") == [["r1"], ["r2"]]  # from its own record, at once


def test_a_new_lora_evicts_the_oldest_lru_entry_over_all_replicas():
    router = _router(2)
    replicas = [_replica("r1"), _replica("r2")]
    assert [_send(router, replicas, m) for m in "abcd"] == ["r1", "r2", "r1", "r2"]
    _send(router, replicas, "a")  # r1 now: c (older), a; r2: b (oldest), d
    assert _send(router, replicas, "e") == "r2"  # b is the oldest entry anywhere
    assert list(router._recency["r2"]) == ["d", "e"]
    assert _route(router, replicas, "b") == [["r1"], ["r2"]]  # c is now the oldest


def test_a_replica_that_went_away_is_forgotten():
    router = _router(2)
    _send(router, [_replica("r1"), _replica("r2")], "a")
    assert _route(router, [_replica("r3")], "a") == [["r3"]]
    assert "r1" not in router._recency


def test_place_lora_with_no_replicas_places_nowhere():
    assert place_lora("a", [], {}, {}, 8) == []


class _QueueLens:
    """Serve's queue-length cache, as the router reads it: replica -> requests in flight."""

    def __init__(self, **lens: int):
        self.lens = lens

    def get(self, replica_id):
        return self.lens.get(replica_id)


def _loaded_router(slots: int, cached: dict, probed: dict | None = None) -> LoraAffinityRouter:
    """A router whose queue-length cache says ``cached`` and whose probe of the replicas answers
    ``probed`` (None: the probe must not be called); ``router.probes`` counts the probes."""
    router = _router(slots)
    router._replica_queue_len_cache = _QueueLens(**cached)  # what the property reads
    router.probes = 0

    async def probe(replicas, backoff_index):
        assert probed is not None, "probed although the cache shows an idle placement"
        router.probes += 1
        return [(r, probed.get(r.replica_id)) for r in replicas]

    router._probe_queue_lens = probe
    return router


def test_a_busy_holder_spills_to_an_idle_replica_and_an_idle_holder_does_not():
    replicas = [_replica("r1", held={"x"}), _replica("r2", held={"y"}), _replica("r3")]
    busy = _loaded_router(8, {"r1": 1}, {"r1": 1, "r2": 0, "r3": 2})
    assert _route(busy, replicas, "x") == [["r2"], ["r1"], ["r3"]]  # r3 is busy too
    assert busy.probes == 1
    idle_holder = _loaded_router(8, {"r1": 0, "r2": 0})  # no probe
    assert _route(idle_holder, replicas, "x") == [["r1"], ["r2", "r3"]]
    unknown = _loaded_router(8, {})  # nothing known: nothing is busy, the placement stands
    assert _route(unknown, replicas, "x") == [["r1"], ["r2", "r3"]]


def test_a_completion_the_cache_has_not_counted_yet_does_not_spill():
    """The cache still counts the caller's last request (its completion callback has not run);
    the replica itself says it is idle: the request stays with its LoRA."""
    replicas = [_replica("r1", held={"x"}), _replica("r2")]
    router = _loaded_router(8, {"r1": 1}, {"r1": 0, "r2": 0})
    assert _route(router, replicas, "x") == [["r1"], ["r2"]] and router.probes == 1


def test_the_spill_picks_among_idle_replicas_as_the_pooled_lru_does():
    probed = {"r1": 1, "r3": 0, "r2": 0}
    router = _loaded_router(1, {"r1": 1}, probed)
    replicas = [_replica("r1"), _replica("r2"), _replica("r3")]
    for model_id, replica in (("a", "r1"), ("b", "r2")):
        router.on_request_routed(_pending(model_id), replica, None)
    # r3 has a free slot; r2's only slot holds b
    assert _route(router, replicas, "a") == [["r3"], ["r1"], ["r2"]]
    probed.update(r3=1)
    assert _route(router, replicas, "a") == [["r2"], ["r1"], ["r3"]]
    probed.update(r2=3, r3=None)  # busy or no answer: nobody idle, the holder, then the rest
    assert _route(router, replicas, "a") == [["r1"], ["r2", "r3"]]


def test_spill_lora_without_a_placement_spills_nowhere():
    assert spill_lora("a", [], ["r1"], lambda r: 5, {}, {}, 8) == []
