"""The request mix and the simulated caches of benchmarks/affinity_bench.py (no Ray)."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.affinity_bench import (
    placed_hits,
    pooled_lru_hit_rate,
    pooled_lru_hits,
    random_routing_hit_rate,
    random_routing_hits,
    with_diffusion_replicas,
    zipf_sequence,
)

ROOT = Path(__file__).resolve().parents[2]


def test_zipf_sequence_is_seeded_bounded_and_ranked():
    seq = zipf_sequence(50, 20000, 1.1, seed=3)
    assert seq == zipf_sequence(50, 20000, 1.1, seed=3)
    assert seq != zipf_sequence(50, 20000, 1.1, seed=4)
    assert len(seq) == 20000 and min(seq) >= 0 and max(seq) <= 49
    counts = Counter(seq)
    # user k is drawn with p ~ 1/(k+1)^1.1: user 0 about 2.1x user 1, 13x user 10
    assert counts[0] > counts[1] > counts[10] > counts[49] > 0
    assert 1.8 < counts[0] / counts[1] < 2.5
    assert zipf_sequence(1, 5) == [0, 0, 0, 0, 0]
    with pytest.raises(ValueError):
        zipf_sequence(0, 5)


def test_pooled_lru_by_hand():
    # slots 2: 1 miss, 2 miss, 1 hit, 3 miss (evicts 2), 2 miss (evicts 1), 1 miss (evicts 3)
    assert pooled_lru_hits([1, 2, 1, 3, 2, 1], 2) == [False, False, True, False, False, False]
    assert pooled_lru_hit_rate([1, 2, 1, 3, 2, 1], 2) == pytest.approx(1 / 6)
    assert pooled_lru_hit_rate([1, 2, 1, 3, 2, 1], 2, warmup=2) == pytest.approx(1 / 4)
    assert pooled_lru_hits([1, 2, 3, 1, 2, 3], 3) == [False] * 3 + [True] * 3
    assert pooled_lru_hit_rate([], 4) == 0.0


def test_random_routing_by_hand():
    # one slot per replica; replica of each request given
    hits = random_routing_hits([1, 1, 1, 2, 2], 2, 1, choices=[0, 1, 0, 1, 1])
    assert hits == [False, False, True, False, True]
    # one replica is the pooled LRU, whatever the draw
    seq = zipf_sequence(20, 500, seed=1)
    assert random_routing_hits(seq, 1, 4, seed=9) == pooled_lru_hits(seq, 4)
    assert random_routing_hit_rate(seq, 2, 4, warmup=50, seed=2) == random_routing_hit_rate(
        seq, 2, 4, warmup=50, seed=2)


def test_the_issues_mix_splits_pooled_and_random_routing():
    """50 users, Zipf(1.1): a pooled LRU of 16 beats two LRUs of 8 under random routing."""
    seq = zipf_sequence(50, 4000, seed=0)
    pooled = pooled_lru_hit_rate(seq, 16, warmup=200)
    randomly = random_routing_hit_rate(seq, 2, 8, warmup=200, seed=0)
    assert 0.6 < pooled < 0.8 and 0.4 < randomly < 0.6 and randomly < pooled


def test_the_override_sets_two_diffusion_replicas_on_a_copy():
    from serve.cli import load_config

    config = load_config(ROOT / "configs" / "serve" / "local.yaml")
    before = copy.deepcopy(config)
    scaled = with_diffusion_replicas(config, 2)
    [diffusion] = [d for d in scaled["applications"][0]["deployments"] if d["name"] == "Diffusion"]
    assert diffusion["num_replicas"] == 2 and "autoscaling_config" not in diffusion
    assert config == before  # the loaded config is untouched
    with pytest.raises(ValueError):
        with_diffusion_replicas({"applications": [{"deployments": [{"name": "Ingress"}]}]}, 2)


def test_placement_by_oldest_lru_entry_is_the_pooled_lru():
    """Routing each new LoRA to a free slot or to the replica whose LRU entry is the oldest
    keeps the replicas' union equal to one pooled LRU: same hit or miss on every request."""
    for seed in range(3):
        seq = zipf_sequence(50, 1500, seed=seed)
        assert placed_hits(seq, 2, 8) == pooled_lru_hits(seq, 16)
        assert placed_hits(seq, 4, 4) == pooled_lru_hits(seq, 16)
