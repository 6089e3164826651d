"""Preprocessing throughput on the sample photos; prints JSON.

Measures (1) the whole chain in photos/second, sequential (concurrency 1) and concurrent,
(2) each stage alone in calls/second on the same inputs, components built once beforehand.

    .venv/bin/python benchmarks/preprocess_bench.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import time
from pathlib import Path

import torch

from facechain.components.face_alignment import align_and_crop
from facechain.imageio import decode_image
from facechain.pipelines.preprocess import PreprocessParams, StageTimer, apreprocess
from facechain.pipelines.runtime import LocalComponents
from facechain.types import Photo

FACES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "faces"


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 3) if seconds > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    photos = [Photo(p.name, p.read_bytes()) for p in sorted(FACES.glob("obama*.jpg"))]
    components = LocalComponents()

    # warm-up: builds every component once (model loading is not part of throughput)
    asyncio.run(apreprocess(photos[:1], components))

    chain = {}
    for concurrency in (1, 4):
        params = PreprocessParams(concurrency=concurrency)
        timer = StageTimer()
        started = time.perf_counter()
        for _ in range(args.repeats):
            asyncio.run(apreprocess(photos, components, params, timer=timer))
        elapsed = time.perf_counter() - started
        chain[f"concurrency_{concurrency}"] = {
            "photos_per_s": rate(len(photos) * args.repeats, elapsed),
            "stage_seconds_per_photo": {k: round(v / (len(photos) * args.repeats), 4)
                                        for k, v in sorted(timer.seconds.items())},
        }

    # each stage alone, on decoded / aligned inputs
    decoded = [decode_image(p.data) for p in photos]
    ups = [components.component("rotation")(im) for im in decoded]
    crops = [align_and_crop(u.image, u.faces[0], 512, 0.4) for u in ups]
    stages = {
        "decode": lambda i: decode_image(photos[i].data),
        "rotation_vote+detect": lambda i: components.component("rotation")(decoded[i]),
        "detect": lambda i: components.component("face_detection")(ups[i].image),
        "align_crop": lambda i: align_and_crop(ups[i].image, ups[i].faces[0], 512, 0.4),
        "human_parsing": lambda i: components.component("human_parsing")(crops[i].image),
        "skin_retouching": lambda i: components.component("skin_retouching")(crops[i].image, 0.3),
        "face_attributes": lambda i: components.component("face_attributes")(crops[i].image, crops[i].face),
        "tagging": lambda i: components.component("tagging")(crops[i].image, crops[i].face, None),
        "face_quality": lambda i: components.component("face_quality")(crops[i].image, crops[i].face),
        "face_recognition": lambda i: components.component("face_recognition")(crops[i].image, crops[i].face),
    }
    per_stage = {}
    for name, fn in stages.items():
        fn(0)
        started = time.perf_counter()
        for _ in range(args.repeats):
            for i in range(len(photos)):
                fn(i)
        per_stage[name] = {"calls_per_s": rate(len(photos) * args.repeats, time.perf_counter() - started)}

    print(json.dumps({
        "benchmark": "preprocess",
        "photos": [p.source for p in photos],
        "photo_sizes": [list(d.shape[:2]) for d in decoded],
        "repeats": args.repeats,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "torch_threads": torch.get_num_threads()},
        "chain": chain,
        "stages": per_stage,
    }, indent=2))


if __name__ == "__main__":
    main()
