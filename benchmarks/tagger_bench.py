"""The DeepDanbooru tagger (``tagging: deepdanbooru``) at full width on this machine's CPU.

No weights can be downloaded here, so the network gets seeded random weights in the released
layout (160,956,544 parameters, 9176 tags), written once as ``model-resnet_custom_v3.pt`` (a state
dict with a ``tags`` list, as released) and as its ``.safetensors`` conversion, then built
through the backend as a profile would build it. The numbers are the cost of the network, which
does not depend on the weights' values.

JSON keys: ``params``, ``threads`` (torch intra-op threads), ``load_pt_s`` /
``load_safetensors_s`` (build_deepdanbooru: read + strict load), ``tag_ms_median`` /
``tag_ms_min`` (one 512x512 tag call: resize-and-fill, forward, threshold, identity removal,
over ``--repeats`` calls after one warm-up), ``file_mb``.

    PYTHONPATH=. .venv/bin/python benchmarks/tagger_bench.py [--repeats 5] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

from facechain.components.tagging import (
    DEEPDANBOORU_FILE,
    DEEPDANBOORU_SAFETENSORS,
    DEEPDANBOORU_TAGS,
    build_deepdanbooru,
    deepdanbooru_module,
)
from facechain.registry import ResolvedSource


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    model = deepdanbooru_module()
    state = model.state_dict()
    tags = [f"tag_{i}" for i in range(DEEPDANBOORU_TAGS)]
    params = sum(v.numel() for v in state.values())
    result: dict[str, float | int] = {"params": params, "threads": torch.get_num_threads()}
    with tempfile.TemporaryDirectory() as tmp:
        pt_dir, st_dir = Path(tmp, "pt"), Path(tmp, "st")
        pt_dir.mkdir()
        st_dir.mkdir()
        torch.save({**state, "tags": tags}, pt_dir / DEEPDANBOORU_FILE)
        from safetensors.torch import save_file

        save_file(dict(state), str(st_dir / DEEPDANBOORU_SAFETENSORS),
                  metadata={"tags": json.dumps(tags)})
        del model, state
        result["file_mb"] = round((pt_dir / DEEPDANBOORU_FILE).stat().st_size / 2**20, 1)
        for key, folder in (("load_pt_s", pt_dir), ("load_safetensors_s", st_dir)):
            started = time.perf_counter()
            tagger = build_deepdanbooru(ResolvedSource("tagging", "local", str(folder), folder))
            result[key] = round(time.perf_counter() - started, 3)
        image = np.random.default_rng(0).integers(0, 256, (512, 512, 3), dtype=np.uint8)
        tagger(image)  # warm-up
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            tagger(image)
            times.append((time.perf_counter() - started) * 1000)
    result["tag_ms_median"] = round(statistics.median(times), 1)
    result["tag_ms_min"] = round(min(times), 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
