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
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from facechain.client import Client, Job
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


def _png(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _png_bytes(image: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG")
    return buf.getvalue()


def _printer(line: Callable[[Job], str]) -> Callable[[Job], None]:
    """An ``on_progress`` callback printing ``line(job)`` when it changes."""
    last = None

    def show(job: Job) -> None:
        nonlocal last
        text = line(job)
        if text != last:
            print(text, flush=True)
            last = text
    return show


def train_lora(client: Client, photos: list) -> str:
    """Train a LoRA on ``photos`` (a job; its progress printed); the LoRA id."""
    accepted = client.create_lora(photos)
    print(f"training job {accepted.job_id} ...", flush=True)
    job = client.wait(accepted.job_id, on_progress=_printer(lambda job: (
        f"  {job.state:9s} {job.progress.stage or '':16s} "
        f"step {job.progress.step}/{job.progress.total_steps}")))
    if job.state != "succeeded":
        raise SystemExit(f"training failed: {job.error}")
    return accepted.lora_id


def talk_job(client: Client, portrait: bytes, *, text: str | None = None,
             audio: bytes | None = None, voice: str | None = None, options: dict | None = None,
             quiet: bool = False, poll_s: float = 0.5) -> dict:
    """``POST /v1/talk`` (``portrait`` image bytes, ``text`` [+ ``voice``] or ``audio`` bytes,
    ``options``), wait for the job, download its video. Returns ``accepted`` (the 202 body),
    ``job`` (the finished job: ``result.report``), ``video`` (the mp4 bytes) and
    ``download_s``; a failed job raises SystemExit with its error."""
    accepted = client.talk(("portrait.jpg", portrait),
                           audio=None if audio is None else ("speech.wav", audio), text=text,
                           voice=voice, options=options or {})
    if not quiet:
        print(f"talk job {accepted.job_id} ...", flush=True)
    progress = None if quiet else _printer(lambda job: (
        f"  {job.state:9s} {job.progress.stage or '':8s} "
        f"frame {job.progress.frame}/{job.progress.frames}"))
    job = client.wait(accepted.job_id, on_progress=progress, poll_s=poll_s)
    if job.state != "succeeded":
        raise SystemExit(f"talk job {job.state}: {job.error}")
    t0 = time.perf_counter()
    video = client.download_output(accepted.output_id)
    download_s = time.perf_counter() - t0
    return {"accepted": accepted.model_dump(), "job": job.model_dump(mode="json"),
            "video": video, "download_s": download_s}


def run_demo(client: Client, out: Path, artifacts: Path, styles: list[str]) -> dict:
    photos = demo_photos()
    uploads = [(p.source, p.data) for p in photos]

    # 1. Preprocessing report (training images included)
    faces = client.preprocess(uploads, include_images=True)
    report = faces.model_dump(mode="json")
    (out / "train").mkdir(parents=True, exist_ok=True)
    for i, (entry, accepted) in enumerate(zip(report["accepted"], faces.accepted)):
        name = f"train/{i:04d}.png"
        Image.fromarray(_png(accepted.png)).save(out / name)
        entry["image"] = name
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")

    # 2. Train the face LoRA as a job
    lora_id = train_lora(client, uploads)

    # 3. Generate per style
    sections = [TINY_NOTE, "<h2>Generated (through POST /v1/generate)</h2>"]
    portraits = []  # (image, similarity) of every kept portrait: the talk's portrait
    for style in styles:
        g = client.generate(lora_id, style=style, num_images=4, top_k=2, seed=1,
                            include_candidates=True)
        portraits += [(_png(p.png), p.similarity) for p in g.portraits]
        sections.append(generation_section(out, style, {
            "prompt": g.prompt, "seed": g.seed,
            "candidates": [_png(base64.b64decode(c)) for c in g.candidates or []],
            "portraits": [(_png(p.png), p.similarity, p.seed) for p in g.portraits],
            "dropped": [d.model_dump(mode="json") for d in g.dropped]}))

    # 4. Fusion on a real photo, with the LoRA's template face (library call; the demo's server
    #    stores the loopback tenant's LoRAs under tenant-scoped ids)
    artifact = read_lora(lora_dir(ArtifactStore(artifacts), scoped_id(LOCAL_TENANT, lora_id)))
    Image.fromarray(artifact.load_template_face()).save(out / "template.png")
    sections.append(fusion_section(out, LocalComponents(), artifact.load_template_face(),
                                   np.asarray(artifact.metadata.template_embedding, np.float32)))

    # 5. Template inpainting: a second LoRA (biden.jpg), the two-person photo, one LoRA per face
    biden = demo_photos_dir() / "biden.jpg"
    biden_id = train_lora(client, [biden])
    template = two_person_collage(height=INPAINT_TEMPLATE_HEIGHT)
    inpainted = client.inpaint(("template.png", _png_bytes(template)),
                               {0: lora_id, 1: biden_id}, **INPAINT_OPTIONS)
    inpaint_faces = [f.model_dump(mode="json") for f in inpainted.faces]
    sections.append(inpaint_section(out, template, _png(inpainted.png), inpaint_faces,
                                    {lora_id: "the demo's LoRA (3 photos)",
                                     biden_id: "trained from biden.jpg"}))

    # 6. Virtual try-on: the demo's LoRA in the garment photo's clothes, the mask computed
    photo = read_image(demo_photos_dir() / TRYON_GARMENT)
    worn = client.tryon((TRYON_GARMENT, _png_bytes(photo)), lora_id, **TRYON_OPTIONS)
    mask = np.asarray(Image.open(io.BytesIO(worn.mask_png)).convert("L"))
    worn_faces = [f.model_dump(mode="json") for f in worn.faces]
    sections.append(tryon_section(out, photo, mask, _png(worn.png), worn_faces, lora_id))

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
            **demo_summary(inpaint_faces, worn_faces), **talk}


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
        with Client(graph.base_url, timeout=600) as client:
            result = run_demo(client, out, graph.artifacts, args.styles)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
