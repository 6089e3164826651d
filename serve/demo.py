"""``make demo``: the demo through the HTTP API of the local served graph.

Starts an embedded local Ray with the app of ``configs/serve/local.yaml``, then, as a client
would: ``POST /v1/faces`` (the preprocessing report), ``POST /v1/loras`` and polls the job,
``POST /v1/generate`` per style, a second LoRA (``biden.jpg``) and ``POST /v1/inpaint`` of the
two-person photo with both, ``POST /v1/tryon``, ``POST /v1/talk`` (a TTS sentence spoken by the
demo's portrait; polls the job, ``GET /v1/outputs/{id}`` the mp4), and writes the gallery of
``facechain.demo`` to ``OUT/index.html``.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import logging
import time
from pathlib import Path

import httpx
import numpy as np
from PIL import Image

from facechain.config import demo_photos_dir
from facechain.demo import (
    INPAINT_OPTIONS,
    INPAINT_TEMPLATE_HEIGHT,
    TALK_OPTIONS,
    TALK_TEXT,
    TINY_NOTE,
    TRYON_GARMENT,
    TRYON_OPTIONS,
    demo_photos,
    demo_summary,
    fusion_section,
    generation_section,
    inpaint_section,
    talk_portrait,
    talk_section,
    talk_summary,
    tryon_section,
    two_person_collage,
    write_gallery,
)
from facechain.diffusion.lora_io import read_lora
from facechain.imageio import read_image
from facechain.pipelines.runtime import LocalComponents
from serve.auth import LOCAL_TENANT
from serve.harness import local_graph
from servekit.loras import lora_dir
from servekit.storage import ArtifactStore, scoped_id

logger = logging.getLogger("facechain.demo")


def _png(b64: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB"))


def _png_bytes(image: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG")
    return buf.getvalue()


def train_lora(client: httpx.Client, files: list) -> str:
    """``POST /v1/loras`` with ``files`` and poll the job until it ends; the LoRA id."""
    r = client.post("/v1/loras", files=files)
    r.raise_for_status()
    accepted = r.json()
    print(f"training job {accepted['job_id']} ...", flush=True)
    while True:
        job = client.get(accepted["status_url"]).json()
        p = job["progress"]
        print(f"  {job['state']:9s} {p.get('stage') or '':16s} step {p['step']}/{p['total_steps']}",
              flush=True)
        if job["state"] in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(2)
    if job["state"] != "succeeded":
        raise SystemExit(f"training failed: {job['error']}")
    return accepted["lora_id"]


def talk_job(client: httpx.Client, portrait: bytes, *, text: str | None = None,
             audio: bytes | None = None, voice: str | None = None, options: dict | None = None,
             quiet: bool = False, poll_s: float = 0.5) -> dict:
    """``POST /v1/talk`` (``portrait`` image bytes, ``text`` [+ ``voice``] or ``audio`` bytes,
    ``options``), poll the job until it ends, ``GET`` its video. Returns ``accepted`` (the 202
    body), ``job`` (the finished job: ``result.report``), ``video`` (the mp4 bytes, checked to be
    ``video/mp4``) and ``download_s``; a failed job raises SystemExit with its error."""
    files: dict = {"portrait": ("portrait.jpg", portrait, "image/jpeg")}
    data: dict = {"options": json.dumps(options or {})}
    if audio is not None:
        files["audio"] = ("speech.wav", audio, "audio/wav")
    if text is not None:
        data["text"] = text
    if voice is not None:
        data["voice"] = voice
    r = client.post("/v1/talk", files=files, data=data)
    if r.status_code != 202:
        raise SystemExit(f"POST /v1/talk answered {r.status_code}: {r.text[:500]}")
    accepted = r.json()
    if not quiet:
        print(f"talk job {accepted['job_id']} ...", flush=True)
    last = None
    while True:
        job = client.get(accepted["status_url"]).json()
        p = job["progress"]
        line = f"  {job['state']:9s} {p.get('stage') or '':8s} frame {p.get('frame')}/{p.get('frames')}"
        if not quiet and line != last:
            print(line, flush=True)
            last = line
        if job["state"] in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(poll_s)
    if job["state"] != "succeeded":
        raise SystemExit(f"talk job {job['state']}: {job['error']}")
    t0 = time.perf_counter()
    video = client.get(accepted["video_url"])
    download_s = time.perf_counter() - t0
    if video.status_code != 200 or video.headers.get("content-type") != "video/mp4":
        raise SystemExit(f"GET {accepted['video_url']} answered {video.status_code} "
                         f"{video.headers.get('content-type')}: {video.text[:300]}")
    return {"accepted": accepted, "job": job, "video": video.content, "download_s": download_s}


def run_demo(client: httpx.Client, out: Path, artifacts: Path, styles: list[str]) -> dict:
    photos = demo_photos()
    files = [("photos", (p.source, p.data, "image/jpeg")) for p in photos]

    # 1. Preprocessing report (training images included)
    r = client.post("/v1/faces", files=files, params={"include_images": "true"})
    r.raise_for_status()
    report = r.json()
    (out / "train").mkdir(parents=True, exist_ok=True)
    for i, entry in enumerate(report["accepted"]):
        name = f"train/{i:04d}.png"
        Image.fromarray(_png(entry.pop("image"))).save(out / name)
        entry["image"] = name
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")

    # 2. Train the face LoRA as a job
    lora_id = train_lora(client, files)

    # 3. Generate per style
    sections = [TINY_NOTE, "<h2>Generated (through POST /v1/generate)</h2>"]
    portraits = []  # (image, similarity) of every kept portrait: the talk's portrait
    for style in styles:
        r = client.post("/v1/generate", json={"lora_id": lora_id, "style": style, "num_images": 4,
                                              "top_k": 2, "seed": 1, "include_candidates": True})
        r.raise_for_status()
        g = r.json()
        portraits += [(_png(p["image"]), p["similarity"]) for p in g["portraits"]]
        sections.append(generation_section(out, style, {
            "prompt": g["prompt"], "seed": g["seed"],
            "candidates": [_png(c) for c in g["candidates"]],
            "portraits": [(_png(p["image"]), p["similarity"], p["seed"]) for p in g["portraits"]],
            "dropped": g["dropped"]}))

    # 4. Fusion on a real photo, with the LoRA's template face (library call; the demo's server
    #    stores the loopback tenant's LoRAs under tenant-scoped ids)
    artifact = read_lora(lora_dir(ArtifactStore(artifacts), scoped_id(LOCAL_TENANT, lora_id)))
    Image.fromarray(artifact.load_template_face()).save(out / "template.png")
    sections.append(fusion_section(out, LocalComponents(), artifact.load_template_face(),
                                   np.asarray(artifact.metadata.template_embedding, np.float32)))

    # 5. Template inpainting: a second LoRA (biden.jpg), the two-person photo, one LoRA per face
    biden = demo_photos_dir() / "biden.jpg"
    biden_id = train_lora(client, [("photos", (biden.name, biden.read_bytes(), "image/jpeg"))])
    template = two_person_collage(height=INPAINT_TEMPLATE_HEIGHT)
    options = {**INPAINT_OPTIONS, "faces": [{"index": 0, "lora_id": lora_id},
                                            {"index": 1, "lora_id": biden_id}]}
    r = client.post("/v1/inpaint", files={"template": ("template.png", _png_bytes(template), "image/png")},
                    data={"options": json.dumps(options)})
    r.raise_for_status()
    inpainted = r.json()
    sections.append(inpaint_section(out, template, _png(inpainted["image"]), inpainted["faces"],
                                    {lora_id: "the demo's LoRA (3 photos)",
                                     biden_id: "trained from biden.jpg"}))

    # 6. Virtual try-on: the demo's LoRA in the garment photo's clothes, the mask computed
    photo = read_image(demo_photos_dir() / TRYON_GARMENT)
    r = client.post("/v1/tryon", files={"photo": (TRYON_GARMENT, _png_bytes(photo), "image/png")},
                    data={"options": json.dumps({**TRYON_OPTIONS, "lora_id": lora_id})})
    r.raise_for_status()
    worn = r.json()
    mask = np.asarray(Image.open(io.BytesIO(base64.b64decode(worn["mask"]))).convert("L"))
    sections.append(tryon_section(out, photo, mask, _png(worn["image"]), worn["faces"], lora_id))

    # 7. Talking head: a TTS sentence spoken by the demo's portrait, as a job
    t0 = time.perf_counter()
    image, note = talk_portrait(portraits, report["template"]["source"])
    done = talk_job(client, _png_bytes(image), text=TALK_TEXT, options=TALK_OPTIONS)
    (out / "talk").mkdir(parents=True, exist_ok=True)
    video = out / "talk" / "video.mp4"
    video.write_bytes(done["video"])
    talk_report = done["job"]["result"]["report"]
    sections.append(talk_section(out, video, talk_report, image, note,
                                 "<code>POST /v1/talk</code>, a job, the video from "
                                 f"<code>GET {done['accepted']['video_url']}</code>"))
    talk = talk_summary(talk_report)
    talk["talk"]["demo_seconds"] = round(time.perf_counter() - t0, 1)

    page = write_gallery(out, photos, report, sections)
    return {"gallery": str(page), "lora_id": lora_id, "trigger": report["trigger"],
            "accepted": [a["source"] for a in report["accepted"]],
            "rejected": {x["source"]: x["reason"] for x in report["rejected"]},
            **demo_summary(inpainted["faces"], worn["faces"]), **talk}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--config", default="configs/serve/local.yaml")
    parser.add_argument("--styles", nargs="+", default=["headshot", "ink"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print("starting the local Ray Serve graph (a minute or two on a laptop) ...", flush=True)
    with local_graph(args.config, out / "served") as graph:
        print(f"graph up in {time.perf_counter() - started:.0f}s on port {graph.port}", flush=True)
        with httpx.Client(base_url=graph.base_url, timeout=600) as client:
            result = run_demo(client, out, graph.artifacts, args.styles)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
