"""Template inpainting and virtual try-on on the tiny profile: VAE compensation, seconds per
request, library vs the served graph.

Template: the two-person collage of the bundled photos (:func:`facechain.demo.two_person_collage`:
Obama left = face 0, Biden right = face 1) at ``--template-height``. Two face LoRAs are trained
in-process first (A: the three Obama photos, B: Biden, ``--train-steps`` steps each). Then, in
one run:

1. **VAE compensation**: the same two-face inpaint (face 0 -> A, face 1 -> B, same seed, same
   template) with ``vae_compensation`` on and off. Background error = mean |out - template| over
   the pixels outside the person mask (``parse(template).person``) inside the crop windows of
   the redrawn faces (outside them the output is the template exactly, which would only dilute
   the mean; the whole-image mean is reported too). Ratio = error off / error on.
2. **Library**: seconds per inpaint with 1 face (A on face 0) and 2 faces (A, B), and per try-on
   (LoRA A on ``--garment`` with its computed garment mask, face pass on), in-process with
   ``LocalComponents()`` and one torch thread (as each replica runs).
3. **Served** (skipped by ``--no-served``): the same requests through ``POST /v1/inpaint`` and
   ``POST /v1/tryon`` of the local Ray Serve graph (``configs/serve/local.yaml``, free ports,
   job store and artifacts in a temp dir, the LoRA folders copied into its artifact store), one
   warm-up call each, then interleaved with the library request by request so background load
   hits both alike. Ratio = served median / library median. ``identical`` says whether the served
   image equals the library's for the same seed (the parity the design promises).

Prints one JSON object on stdout (Ray's log lines go to stderr); nothing is asserted (the numbers
depend on the machine and its load). The tiny model draws noise, not faces: the timings measure
the code paths (detection, landmarks, parsing, conditions, three diffusion passes per face,
fusion, merge), not a real SD 1.5's arithmetic.

    .venv/bin/python benchmarks/inpaint_bench.py [--crop 128] [--steps 4] [--repeats 3]
        [--template-height 512] [--tryon-size 128] [--train-steps 2] [--no-served]
"""

from __future__ import annotations

import argparse
import base64
import functools
import io
import json
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import httpx  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `servekit` when run as a script

from serve.harness import json_stdout, local_graph  # noqa: E402

logger = logging.getLogger("facechain.bench.inpaint")

SEED = 7


def summarize(seconds: list[float]) -> dict:
    """n, median, p90 and min in seconds."""
    if not seconds:
        return {"n": 0}
    a = np.asarray(seconds, dtype=float)
    return {"n": len(seconds), "median_s": round(float(np.median(a)), 3),
            "p90_s": round(float(np.percentile(a, 90)), 3), "min_s": round(float(a.min()), 3)}


def _png_bytes(image: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG")
    return buf.getvalue()


def _from_b64(data: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB"))


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


# -- setup ----------------------------------------------------------------------------------------

def train_loras(components, folder: Path, steps: int) -> dict[str, Path]:
    """Face LoRA A (the three Obama photos) and B (Biden), trained in-process."""
    from facechain.config import demo_photos_dir
    from facechain.pipelines.train import TrainParams, train
    from facechain.types import Photo

    photos = demo_photos_dir()
    base = components.registry.build("base_model")
    sets = {"A": ["obama.jpg", "obama2.jpg", "obama3.jpg"], "B": ["biden.jpg"]}
    out = {}
    for name, files in sets.items():
        trained = train([Photo(f, (photos / f).read_bytes()) for f in files], base,
                        folder / f"lora_{name}", TrainParams(steps=steps, seed=1), components)
        out[name] = trained.artifact.path
    return out


# -- 1. VAE compensation --------------------------------------------------------------------------

def background_error(out: np.ndarray, template: np.ndarray, outside: np.ndarray) -> float:
    """Mean |out - template| (per channel, 0-255) over the pixels where ``outside`` is true."""
    diff = np.abs(out.astype(np.int16) - template.astype(np.int16)).mean(axis=2)
    return round(float(diff[outside].mean()), 3) if outside.any() else float("nan")


def vae_compensation(components, template: np.ndarray, assignments, params) -> dict:
    """The same inpaint with and without ``vae_compensation``; background errors and ratio."""
    import asyncio

    from facechain.components.inpaint_masks import square_face_crop
    from facechain.pipelines.inpaint import inpaint

    person = asyncio.run(components.parse(template)).person > 0
    outputs = {}
    for on in (True, False):
        p = params.model_copy(update={"vae_compensation": on})
        outputs[on] = inpaint(template, assignments, p, components)
    windows = np.zeros(template.shape[:2], bool)
    for face in outputs[True].faces:
        if face.lora is not None and face.box is not None:
            x0, y0, x1, y1 = square_face_crop(template, face.box, size=params.crop_size).visible()
            windows[y0:y1, x0:x1] = True
    result = {"faces_redrawn": sum(f.status == "done" for f in outputs[True].faces),
              "pixels_outside_person_in_windows": int((windows & ~person).sum())}
    for on, key in ((True, "with"), (False, "without")):
        result[f"{key}_compensation"] = {
            "in_windows": background_error(outputs[on].image, template, windows & ~person),
            "whole_image": background_error(outputs[on].image, template, ~person)}
    w, wo = result["with_compensation"], result["without_compensation"]
    result["ratio_without_over_with"] = {
        k: (round(wo[k] / w[k], 2) if w[k] > 0 else None) for k in ("in_windows", "whole_image")}
    result["single_pass"] = single_pass(components, template, outputs[True].faces[0].box, params)
    return result


def single_pass(components, template: np.ndarray, box, params) -> dict:
    """One stage-2-like pass on its own, to read the pipeline's number: the face-0 crop
    inpainted (its parsing face mask dilated 0.1, strength ``params.strength``, UniPC, no
    adapters) and its zero-mask pass (``decode(encode(crop))``). Errors outside the crop's
    person mask and the inpaint mask: ``vae_round_trip`` = |recon - crop| (the VAE's loss),
    ``without`` = |out - crop|, ``upstream_add_back`` = FaceChain's out + (crop - recon) outside
    the person (what is left is |out - recon|: the decoder's spread of the redrawn latents,
    none for a local decoder), ``with`` = :func:`add_vae_error` with the redraw alpha (the
    spread removed outside the redrawn latent cells)."""
    import asyncio

    from facechain.components.inpaint_masks import (
        add_vae_error,
        dilate_by_area,
        latent_redraw_alpha,
        soft_person_mask,
        square_face_crop,
    )
    from facechain.diffusion.engine import DiffusionRequest
    from facechain.pipelines.inpaint import VAE_PASS_STRENGTH, steps_for

    size = params.crop_size
    crop = square_face_crop(template, box, size=size).image
    parsing = asyncio.run(components.parse(crop))
    mask = dilate_by_area(parsing.face, 0.1)
    outside = (parsing.person == 0) & (mask == 0)

    def run(m: np.ndarray, strength: float) -> np.ndarray:
        [img] = asyncio.run(components.diffuse(DiffusionRequest(
            prompt="a person", negative_prompt="", adapters=(), num_images=1,
            steps=steps_for(params.steps, strength), guidance_scale=params.guidance_scale,
            width=size, height=size, seed=SEED, init_image=crop, mask_image=m, strength=strength,
            scheduler=params.scheduler)))
        return img

    out, recon = run(mask, params.strength), run(np.zeros_like(mask), VAE_PASS_STRENGTH)
    alpha = soft_person_mask(parsing.person)
    errors = {"vae_round_trip": background_error(recon, crop, outside),
              "without": background_error(out, crop, outside),
              "upstream_add_back": background_error(add_vae_error(out, crop, recon, alpha), crop,
                                                    outside),
              "with": background_error(add_vae_error(out, crop, recon, alpha,
                                                     latent_redraw_alpha(mask)), crop, outside)}
    errors["ratio_without_over_with"] = (round(errors["without"] / errors["with"], 2)
                                         if errors["with"] > 0 else None)
    errors["ratio_without_over_upstream"] = (
        round(errors["without"] / errors["upstream_add_back"], 2)
        if errors["upstream_add_back"] > 0 else None)
    errors["pixels"] = int(outside.sum())
    return errors


# -- 2. + 3. library and served -------------------------------------------------------------------

class Cases:
    """The three requests (1-face inpaint, 2-face inpaint, try-on), run by the library and,
    given a client, by HTTP with the same parameters and seed."""

    def __init__(self, components, template, garment, loras: dict[str, Path], args):
        from facechain.pipelines.inpaint import FaceAssignment, InpaintParams
        from facechain.pipelines.tryon import TryonParams

        self.components, self.template, self.garment, self.loras = components, template, garment, loras
        self.inpaint_params = InpaintParams(steps=args.steps, crop_size=args.crop, seed=SEED)
        self.tryon_params = TryonParams(steps=args.steps, seed=SEED, size=args.tryon_size,
                                        face_crop_size=args.crop, background="beach")
        self.faces = {
            "inpaint_1_face": [FaceAssignment(0, loras["A"], lora_id="A")],
            "inpaint_2_faces": [FaceAssignment(0, loras["A"], lora_id="A"),
                                FaceAssignment(1, loras["B"], lora_id="B")]}
        self.served_ids: dict[str, str] = {}

    def library(self, case: str) -> np.ndarray:
        from facechain.pipelines.inpaint import inpaint
        from facechain.pipelines.tryon import tryon

        if case == "tryon":
            return tryon(self.garment, self.loras["A"], self.tryon_params, self.components,
                         lora_id="A").image
        return inpaint(self.template, self.faces[case], self.inpaint_params, self.components).image

    def served(self, client, case: str) -> np.ndarray:
        if case == "tryon":
            options = {**self.tryon_params.model_dump(exclude_none=True),
                       "lora_id": self.served_ids["A"]}
            files = {"photo": ("garment.png", _png_bytes(self.garment), "image/png")}
            route = "/v1/tryon"
        else:
            options = {**self.inpaint_params.model_dump(exclude_none=True),
                       "faces": [{"index": a.index, "lora_id": self.served_ids[a.lora_id]}
                                 for a in self.faces[case]]}
            files = {"template": ("template.png", _png_bytes(self.template), "image/png")}
            route = "/v1/inpaint"
        r = client.post(route, files=files, data={"options": json.dumps(options)})
        if r.status_code != 200:
            raise RuntimeError(f"POST {route} answered {r.status_code}: {r.text[:300]}")
        return _from_b64(r.json()["image"])


def measure(cases: Cases, names: list[str], repeats: int, client=None) -> dict:
    """Per case: one warm-up each side, then ``repeats`` rounds, library and served interleaved."""
    result = {}
    for case in names:
        lib_s, http_s = [], []
        library = functools.partial(cases.library, case)
        served = functools.partial(cases.served, client, case)
        first_lib, lib_img = timed(library)
        entry: dict = {"first_call_s": {"library": round(first_lib, 3)}}
        if client is not None:
            first_http, http_img = timed(served)
            entry["first_call_s"]["served"] = round(first_http, 3)
            entry["identical"] = bool(np.array_equal(lib_img, http_img))
            entry["max_abs_diff"] = int(np.abs(lib_img.astype(np.int16) - http_img.astype(np.int16)).max())
        for _ in range(repeats):
            lib_s.append(timed(library)[0])
            if client is not None:
                http_s.append(timed(served)[0])
        entry["library"] = summarize(lib_s)
        if client is not None:
            entry["served"] = summarize(http_s)
            entry["served_over_library"] = round(entry["served"]["median_s"]
                                                 / entry["library"]["median_s"], 3)
            entry["served_minus_library_s"] = round(entry["served"]["median_s"]
                                                    - entry["library"]["median_s"], 3)
        result[case] = entry
        logger.info("%s: %s", case, entry)
    return result


def place_loras(artifacts: Path, loras: dict[str, Path]) -> dict[str, str]:
    """Copy the in-process LoRAs into the served graph's artifact store; their API ids."""
    from serve.auth import LOCAL_TENANT
    from servekit.loras import LORAS
    from servekit.storage import ArtifactStore, new_id, scoped_id

    store = ArtifactStore(artifacts)
    ids = {}
    for name, folder in loras.items():
        ids[name] = new_id()  # the API's id; stored under the loopback tenant's scoped id
        store.put_dir(LORAS, scoped_id(LOCAL_TENANT, ids[name]), folder)
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crop", type=int, default=128,
                        help="face crop size of inpaint and of try-on's face pass (multiple of 8)")
    parser.add_argument("--steps", type=int, default=4, help="denoising steps per pass")
    parser.add_argument("--repeats", type=int, default=3, help="timed calls per case and side")
    parser.add_argument("--template-height", type=int, default=512,
                        help="height of the two-person collage template")
    parser.add_argument("--tryon-size", type=int, default=128, help="try-on working width")
    parser.add_argument("--garment", default="astronaut.png",
                        help="garment photo (a bundled photo's name or a path)")
    parser.add_argument("--train-steps", type=int, default=2, help="LoRA training steps")
    parser.add_argument("--threads", type=int, default=1, help="torch threads of the library side")
    parser.add_argument("--no-served", action="store_true", help="library only: no Ray Serve graph")
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    import torch

    from facechain.config import demo_photos_dir
    from facechain.demo import two_person_collage
    from facechain.imageio import read_image
    from facechain.pipelines.runtime import LocalComponents

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="facechain-inpaint-bench-"))
    garment_path = Path(args.garment)
    if not garment_path.is_file():
        garment_path = demo_photos_dir() / args.garment
    template = two_person_collage(height=args.template_height)
    garment = read_image(garment_path)
    result: dict = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "torch_threads": args.threads},
        "params": {"crop": args.crop, "steps": args.steps, "repeats": args.repeats,
                   "template": f"two_person_collage {template.shape[1]}x{template.shape[0]}",
                   "garment": f"{garment_path.name} {garment.shape[1]}x{garment.shape[0]}",
                   "tryon_size": args.tryon_size, "train_steps": args.train_steps, "seed": SEED,
                   "served": not args.no_served, "config": str(args.config)},
    }
    client = None
    with ExitStack() as stack:  # unwinds in reverse: client, graph, tmp, stdout
        stack.enter_context(json_stdout())  # Ray's log monitor prints on the driver's fd 1
        stack.callback(shutil.rmtree, tmp, ignore_errors=True)
        components = LocalComponents()
        logger.info("training two LoRAs in-process ...")
        t0, loras = timed(lambda: train_loras(components, tmp, args.train_steps))
        result["training_s"] = round(t0, 1)
        cases = Cases(components, template, garment, loras, args)
        logger.info("VAE compensation ...")
        result["vae_compensation"] = vae_compensation(components, template,
                                                      cases.faces["inpaint_2_faces"],
                                                      cases.inpaint_params)
        if not args.no_served:
            logger.info("deploying %s ...", args.config)
            graph = stack.enter_context(local_graph(args.config, tmp))
            result["deploy_s"] = graph.deploy_s
            cases.served_ids = place_loras(graph.artifacts, loras)
            client = stack.enter_context(httpx.Client(base_url=graph.base_url, timeout=600))
        logger.info("timing ...")
        result["seconds_per_request"] = measure(
            cases, ["inpaint_1_face", "inpaint_2_faces", "tryon"], args.repeats, client)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
