"""The demo on the sample photos, written as a gallery a person can open (``OUT/index.html``).

Inputs are the bundled photos (package data, :func:`facechain.config.demo_photos_dir`: three of
one person, one of another) plus copies made to show the handling of real-world input (a photo
rotated 90 degrees, a two-person collage, a heavily blurred copy, a truncated file). The gallery
shows the inputs, the crops, masks and training images with their captions, the trigger word, the
rejections, the generated candidates and ranked portraits per style, face fusion on a real
photo, template inpainting of a two-person photo with two LoRAs (the demo's and one trained from
``biden.jpg``), virtual try-on (a garment photo, its computed garment mask, the result) and a
talking head (a TTS sentence spoken by the demo's portrait, a playable mp4 with its report).

``python -m facechain.demo`` runs it in-process with the library; ``make demo`` runs the same
through the HTTP API of the local served graph (``serve/demo.py``) and reuses this gallery.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import logging
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from facechain.config import demo_photos_dir
from facechain.imageio import encode_jpeg, read_image
from facechain.pipelines.dataset import write_training_set
from facechain.pipelines.runtime import LocalComponents
from facechain.types import Photo

logger = logging.getLogger(__name__)
def demo_photos(folder: Path | None = None) -> list[Photo]:
    """The sample person's photos plus crafted bad/awkward inputs (``folder``: default the
    bundled photos)."""
    folder = folder or demo_photos_dir()
    person = [folder / n for n in ("obama.jpg", "obama2.jpg", "obama3.jpg")]
    photos = [Photo(p.name, p.read_bytes()) for p in person]
    first = read_image(person[0])
    photos.append(Photo("obama_rotated_90.jpg", encode_jpeg(np.ascontiguousarray(np.rot90(first)))))
    photos.append(Photo("two_people.jpg", encode_jpeg(two_person_collage(folder))))
    blurred = Image.fromarray(first).filter(ImageFilter.GaussianBlur(8))
    buf = io.BytesIO()
    blurred.save(buf, format="JPEG")
    photos.append(Photo("obama_blurred.jpg", buf.getvalue()))
    photos.append(Photo("truncated.jpg", person[1].read_bytes()[:3000]))
    return photos


def two_person_collage(folder: Path | None = None, height: int | None = None) -> np.ndarray:
    """Two people side by side, uint8 RGB: ``obama.jpg`` left (face index 0, left to right),
    ``biden.jpg`` right (index 1), at a common height (``height``; default the smaller of the
    two photos' heights, 1137 px for the bundled ones).

    The demo's multi-face rejection input and the template of its inpaint section, the inpaint
    benchmark's template and the tests' two-person photo are all this one image."""
    folder = folder or demo_photos_dir()
    left, right = read_image(folder / "obama.jpg"), read_image(folder / "biden.jpg")
    h = height or min(left.shape[0], right.shape[0])
    return np.ascontiguousarray(np.concatenate([_resize_h(left, h), _resize_h(right, h)], axis=1))


def _resize_h(img: np.ndarray, h: int) -> np.ndarray:
    w = round(img.shape[1] * h / img.shape[0])
    return np.asarray(Image.fromarray(img).resize((w, h)))


def _thumb(path: Path, src: bytes | np.ndarray, side: int = 256) -> None:
    img = Image.open(io.BytesIO(src)) if isinstance(src, bytes) else Image.fromarray(src)
    img = img.convert("RGB")
    img.thumbnail((side, side))
    img.save(path)


def write_gallery(out: Path, photos: list[Photo], report: dict, sections: list[str] | None = None) -> Path:
    """``OUT/index.html``: inputs, accepted samples (crop / mask / training image) and rejections."""
    (out / "inputs").mkdir(parents=True, exist_ok=True)
    inputs = []
    for i, p in enumerate(photos):
        name = f"inputs/{i:02d}.jpg"
        try:
            _thumb(out / name, p.data)
            inputs.append(f'<figure><img src="{name}"><figcaption>{html.escape(p.source)}</figcaption></figure>')
        except Exception:  # undecodable inputs have no thumbnail
            inputs.append(f"<figure><div class=bad>cannot display</div><figcaption>{html.escape(p.source)}</figcaption></figure>")
    rows = []
    for a in report["accepted"]:
        imgs = "".join(f'<img src="{a[k]}" title="{k}">' for k in ("crop", "mask", "image") if k in a)
        rows.append(f"<tr><td>{html.escape(a['source'])}</td><td>{imgs}</td>"
                    f"<td>{html.escape(a['caption'])}</td><td>{a['quality']:.3f}</td>"
                    f"<td>{a['gender']} / {a['age']:.0f}</td><td>{a['rotation']}&deg; / {a['roll_degrees']:.1f}&deg;</td></tr>")
    rejected = "".join(f"<tr><td>{html.escape(r['source'])}</td><td><code>{r['reason']}</code></td>"
                       f"<td>{html.escape(r['message'])}</td></tr>" for r in report["rejected"])
    page = f"""<!doctype html><meta charset="utf-8"><title>FaceChain demo</title>
<style>body{{font-family:sans-serif;margin:2em}} img{{width:160px;margin:2px}} img.px{{width:128px;image-rendering:pixelated}} figure{{display:inline-block;margin:4px}}
td{{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}} .bad{{width:160px;height:120px;background:#eee}}</style>
<h1>FaceChain demo</h1>
<p>Trigger word: <b>{html.escape(report['trigger'])}</b> &middot; template face: <b>{html.escape(report['template']['source'])}</b>
<img src="template.png" style="width:96px;vertical-align:middle"></p>
{''.join(sections or [])}
<h2>Inputs</h2>{''.join(inputs)}
<h2>Training set ({len(report['accepted'])} accepted)</h2>
<table><tr><th>source</th><th>crop / head mask / training image</th><th>caption</th><th>quality</th><th>gender / age</th><th>rotation / roll</th></tr>{''.join(rows)}</table>
<h2>Rejected ({len(report['rejected'])})</h2>
<table><tr><th>source</th><th>reason</th><th>message</th></tr>{rejected}</table>
"""
    path = out / "index.html"
    path.write_text(page)
    return path


def generation_section(out: Path, style: str, result: dict) -> str:
    """Gallery HTML for one generation: candidates, portraits with scores, dropped reasons.

    ``result``: prompt, seed, candidates [uint8 images], portraits [(image, similarity, seed)],
    dropped [{"seed", "reason", "message"}].
    """
    folder = out / "generated" / style
    folder.mkdir(parents=True, exist_ok=True)
    cands = []
    for i, img in enumerate(result["candidates"]):
        name = f"generated/{style}/candidate_{result['seed'] + i}.png"
        Image.fromarray(img).save(out / name)
        cands.append(f'<figure><img src="{name}" class=px><figcaption>seed {result["seed"] + i}</figcaption></figure>')
    portraits = []
    for rank, (img, sim, seed) in enumerate(result["portraits"]):
        name = f"generated/{style}/portrait_{rank}_{seed}.png"
        Image.fromarray(img).save(out / name)
        portraits.append(f'<figure><img src="{name}"><figcaption>#{rank + 1} seed {seed}: '
                         f"similarity {sim:.3f}</figcaption></figure>")
    dropped = "".join(f"<li>seed {d['seed']}: <code>{d['reason']}</code> {html.escape(d['message'])}</li>"
                      for d in result["dropped"])
    return (f"<h3>Style <code>{html.escape(style)}</code></h3><p>prompt: <i>{html.escape(result['prompt'])}</i></p>"
            f"<p>Candidates:</p>{''.join(cands)}<p>Portraits (ranked by face similarity to the template):</p>"
            f"{''.join(portraits) or '<p>none</p>'}<p>Dropped:</p><ul>{dropped}</ul>")


def fusion_section(out: Path, components: LocalComponents, template_image: np.ndarray,
                   template_embedding: np.ndarray) -> str:
    """Face fusion and ranking on a real photo: the template face fused onto another person's
    photo moves that photo's face embedding towards the template's person."""
    import asyncio

    from facechain.components.face_recognition import similarity

    other = read_image(demo_photos_dir() / "biden.jpg")

    async def run():
        faces = await components.detect(other)
        t_faces = await components.detect(template_image)
        before = await components.embed(other, faces[0])
        fused = await components.fuse(other, faces[0], template_image, t_faces[0], 1.0)
        after = await components.embed(fused, faces[0])
        return fused, similarity(before, template_embedding), similarity(after, template_embedding)

    fused, before, after = asyncio.run(run())
    _thumb(out / "fusion_before.jpg", other, 320)
    _thumb(out / "fusion_after.jpg", fused, 320)
    return ("<h2>Face fusion on a real photo</h2><p>The template face fused into another person's "
            "photo (strength 1.0); similarity to the template person "
            f"before <b>{before:.3f}</b>, after <b>{after:.3f}</b>.</p>"
            '<img src="fusion_before.jpg" style="width:240px"> <img src="fusion_after.jpg" style="width:240px">')


# Inpaint and try-on of the demo: small on purpose (the tiny model, 128 px crops, few steps), so
# ``make demo`` and tests/test_offline.py stay fast. The served demo sends the same options.
INPAINT_TEMPLATE_HEIGHT = 512
INPAINT_OPTIONS = {"steps": 6, "crop_size": 128, "seed": 1}
TRYON_GARMENT = "astronaut.png"
TRYON_OPTIONS = {"steps": 6, "size": 128, "face_crop_size": 128, "seed": 1, "background": "beach"}


def _report_rows(faces: list[dict]) -> str:
    rows = []
    for f in faces:
        box = ", ".join(f"{v:.0f}" for v in f["box"])
        sim = "" if f.get("similarity") is None else f"{f['similarity']:.3f}"
        rows.append(f"<tr><td>{f['index']}</td><td>[{box}]</td><td>{html.escape(str(f['lora']))}</td>"
                    f"<td><code>{f['status']}</code></td><td>{html.escape(f.get('reason') or '')}</td>"
                    f"<td>{sim}</td></tr>")
    return ("<table><tr><th>face</th><th>box</th><th>LoRA</th><th>status</th><th>reason</th>"
            f"<th>similarity</th></tr>{''.join(rows)}</table>")


def inpaint_section(out: Path, template: np.ndarray, result: np.ndarray, faces: list[dict],
                    loras: dict[str, str]) -> str:
    """Gallery HTML for template inpainting: the template, the result, the per-face report.

    ``faces``: ``FaceReport.to_dict()`` per detected face; ``loras``: LoRA id -> what it is
    (e.g. "Obama (3 photos)")."""
    Image.fromarray(template).save(out / "inpaint_template.jpg")
    Image.fromarray(result).save(out / "inpaint_result.png")
    named = "; ".join(f"<code>{html.escape(k)}</code> = {html.escape(v)}" for k, v in loras.items())
    return ("<h2>Template inpainting (two faces, two LoRAs)</h2>"
            "<p>Faces are numbered left to right; each named face is redrawn with its own LoRA "
            f"(crop {INPAINT_OPTIONS['crop_size']} px, {INPAINT_OPTIONS['steps']} steps per pass, "
            f"seed {INPAINT_OPTIONS['seed']}); outside the merge windows the result is the "
            f"template pixel for pixel. LoRAs: {named}.</p>"
            '<figure><img src="inpaint_template.jpg" style="width:360px"><figcaption>template'
            '</figcaption></figure><figure><img src="inpaint_result.png" style="width:360px">'
            f"<figcaption>result</figcaption></figure>{_report_rows(faces)}")


def tryon_section(out: Path, photo: np.ndarray, mask: np.ndarray, result: np.ndarray,
                  faces: list[dict], lora: str) -> str:
    """Gallery HTML for virtual try-on: the garment photo, the garment mask it used (computed:
    white = kept), the result, and the report of its face pass."""
    Image.fromarray(photo).save(out / "tryon_photo.jpg")
    Image.fromarray(mask).save(out / "tryon_mask.png")
    Image.fromarray(result).save(out / "tryon_result.png")
    return ("<h2>Virtual try-on</h2>"
            f"<p>The garment of <code>{TRYON_GARMENT}</code> on the person of LoRA "
            f"<code>{html.escape(lora)}</code>, background <i>{TRYON_OPTIONS['background']}</i> "
            f"(working width {TRYON_OPTIONS['size']} px, {TRYON_OPTIONS['steps']} steps). The "
            "garment mask is computed (a classical algorithm on MediaPipe pose, hands, face mesh "
            "and a skin model calibrated on the face; white = garment kept), and returned so a "
            "user can correct it.</p>"
            '<figure><img src="tryon_photo.jpg" style="width:240px"><figcaption>garment photo'
            '</figcaption></figure><figure><img src="tryon_mask.png" style="width:240px">'
            '<figcaption>garment mask</figcaption></figure><figure><img src="tryon_result.png" '
            f'style="width:240px"><figcaption>result</figcaption></figure>'
            f"<p>Face pass:</p>{_report_rows(faces) if faces else '<p>off</p>'}")


# Talk of the demo: one short TTS sentence at the 256 px crop, no enhancement (a few seconds of
# CPU), so ``make demo`` and tests/test_offline.py stay fast. The served demo sends the same.
TALK_TEXT = "Hello! I am a talking portrait, made by FaceChain from a single photo."
TALK_OPTIONS = {"preprocess": "crop", "size": 256, "enhance": False, "seed": 1}
TALK_FALLBACK_PHOTO = "obama.jpg"


def talk_portrait(portraits: list[tuple[np.ndarray, float]],
                  template_source: str | None) -> tuple[np.ndarray, str]:
    """The talk section's portrait and what it is: the best generated portrait (highest
    similarity) when the ranking kept any (kept portraits have a face), else a real bundled
    photo: the one the LoRA's template face came from (``template_source``) or
    :data:`TALK_FALLBACK_PHOTO`. The tiny model draws noise, and noise has no face to animate."""
    if portraits:
        image, sim = max(portraits, key=lambda p: p[1])
        return image, f"the demo's best generated portrait (similarity {sim:.3f})"
    folder = demo_photos_dir()
    name = template_source if template_source and (folder / template_source).is_file() \
        else TALK_FALLBACK_PHOTO
    return read_image(folder / name), (
        f"<code>{html.escape(name)}</code>, a bundled real photo of the LoRA's person (its "
        "training photo): the generated portraits are noise with no face to animate here")


def talk_section(out: Path, video: Path, report: dict, portrait: np.ndarray, portrait_note: str,
                 via: str) -> str:
    """Gallery HTML for the talking head: the portrait, the mp4 (``video``, inside ``out``) in a
    ``<video controls>`` element (H.264 / yuv420p / AAC plays in browsers; probed here, so an
    unplayable file fails the demo rather than showing a broken player) and the job's report
    figures (``TalkOutput.report()``). ``via``: how it was made (HTML)."""
    from facechain.media.video import probe

    info = probe(video)
    folder = video.parent
    _thumb(folder / "portrait.jpg", portrait, 320)
    (folder / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    rel = video.relative_to(out).as_posix()
    portrait_rel = (folder / "portrait.jpg").relative_to(out).as_posix()
    timings = ", ".join(f"{k} {v:.2f}" for k, v in report.get("timings", {}).items())
    check = report.get("portrait", {})
    rows = [("text", f"<i>{html.escape(TALK_TEXT)}</i>"),
            ("options", f"<code>{html.escape(json.dumps(TALK_OPTIONS))}</code>"),
            ("frames / fps / seconds", f"{report['frames']} / {report['fps']:g} / {report['seconds']:.2f}"),
            ("speech", f"{html.escape(str(report.get('source')))}, "
                       f"{report.get('phonemes', 0)} phoneme timings"),
            ("video", f"{info.video_codec} {info.pix_fmt} {info.width}x{info.height}, "
                      f"{info.audio_codec} {info.audio_sample_rate} Hz, {info.duration} s, "
                      f"{info.size_bytes} bytes, faststart {info.faststart}"),
            ("portrait check", f"face box {check.get('face_box')}, frame size "
                               f"{check.get('frame_size')}"),
            ("stage seconds (wall)", timings)]
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return ("<h2>Talking head</h2>"
            f"<p>A TTS sentence spoken by the portrait ({via}). Portrait: {portrait_note}.</p>"
            f'<figure><img src="{portrait_rel}" style="width:256px"><figcaption>portrait'
            f'</figcaption></figure><figure><video controls preload="metadata" width="256">'
            f'<source src="{rel}" type="video/mp4"></video><figcaption><a href="{rel}">video.mp4</a>'
            f"</figcaption></figure><table>{table}</table>")


def talk_demo(out: Path, components: LocalComponents, portraits: list[tuple[np.ndarray, float]],
              template_source: str | None) -> tuple[str, dict]:
    """The library's talk section (and its summary for the demo's JSON): ``TALK_TEXT`` spoken
    by :func:`talk_portrait` through :func:`facechain.pipelines.talk.talk`."""
    from facechain.pipelines.talk import Speech, talk
    from facechain.talk.params import TalkParams

    started = time.perf_counter()
    image, note = talk_portrait(portraits, template_source)
    (out / "talk").mkdir(parents=True, exist_ok=True)
    result = talk(image, Speech(text=TALK_TEXT), TalkParams(**TALK_OPTIONS),
                  out / "talk" / "video.mp4", components=components)
    report = result.report()
    section = talk_section(out, result.path, report, image, note,
                           "<code>facechain.pipelines.talk</code>, in-process")
    summary = talk_summary(report)
    summary["talk"]["demo_seconds"] = round(time.perf_counter() - started, 1)
    return section, summary


def talk_summary(report: dict) -> dict:
    """The talk part of the demo's JSON."""
    video = report["video"]
    return {"talk": {"video": "talk/video.mp4", "frames": report["frames"],
                     "seconds": report["seconds"], "codec": video["video_codec"],
                     "audio": video["audio_codec"], "timings": report["timings"]}}


TINY_NOTE = ("<p><b>Note:</b> the default profile uses the built-in <code>tiny-sd15</code> model: "
             "SD 1.5's architecture with small random weights. It exercises every code path "
             "(LoRA training, adapters, ControlNet, ranking) but draws noise, not faces, so its "
             "candidates are dropped as <code>no_face</code> by the ranking. Real SD 1.5 is the "
             "<code>sd15</code> model profile.</p>")


def inpaint_and_tryon(out: Path, components: LocalComponents, base, lora: Path,
                      steps: int | None) -> tuple[list[str], dict]:
    """The library's inpaint and try-on sections (and a summary for the demo's JSON): a second LoRA trained from ``biden.jpg``; the
    two-person collage with face 0 (Obama) redrawn by ``lora`` and face 1 (Biden) by the second;
    ``lora``'s person in the astronaut's flight suit."""
    from facechain.pipelines.inpaint import FaceAssignment, InpaintParams, inpaint
    from facechain.pipelines.train import TrainParams, train
    from facechain.pipelines.tryon import TryonParams, tryon

    folder = demo_photos_dir()
    biden = train([Photo("biden.jpg", (folder / "biden.jpg").read_bytes())], base,
                  out / "lora_biden", TrainParams(steps=steps), components).artifact.path
    template = two_person_collage(height=INPAINT_TEMPLATE_HEIGHT)
    result = inpaint(template, [FaceAssignment(0, lora, lora_id="obama"),
                                FaceAssignment(1, biden, lora_id="biden")],
                     InpaintParams(**INPAINT_OPTIONS), components)
    sections = [inpaint_section(out, template, result.image, [f.to_dict() for f in result.faces],
                                {"obama": "the demo's LoRA (3 photos)",
                                 "biden": "trained from biden.jpg"})]
    photo = read_image(folder / TRYON_GARMENT)
    worn = tryon(photo, lora, TryonParams(**TRYON_OPTIONS), components, lora_id="obama")
    sections.append(tryon_section(out, photo, worn.mask, worn.image,
                                  [f.to_dict() for f in worn.faces], "obama"))
    return sections, demo_summary(result.faces, worn.faces)


def demo_summary(inpaint_faces, tryon_faces) -> dict:
    """The inpaint / try-on part of the demo's JSON: each face's status (reports or dicts)."""
    def status(f):
        return f["status"] if isinstance(f, dict) else f.status.value
    return {"inpaint_faces": [status(f) for f in inpaint_faces],
            "tryon_faces": [status(f) for f in tryon_faces]}


def main(argv: list[str] | None = None) -> int:
    """The library demo (no Ray): preprocess -> train -> generate -> gallery."""
    from facechain.pipelines.generate import GenerateParams, generate
    from facechain.pipelines.train import TrainParams, train

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    parser.add_argument("--steps", type=int, default=None, help="LoRA training steps")
    parser.add_argument("--styles", nargs="+", default=["headshot", "ink"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    started = time.perf_counter()
    components = LocalComponents()
    photos = demo_photos()
    base = components.registry.build("base_model")
    trained = train(photos, base, args.out / "lora", TrainParams(steps=args.steps), components)
    report = write_training_set(trained.preprocess, args.out)
    sections = [TINY_NOTE, "<h2>Generated</h2>"]
    portraits = []  # (image, similarity) of every style's kept portraits: the talk's portrait
    for style in args.styles:
        out = generate(trained.artifact, GenerateParams(style=style, num_images=4, top_k=2, seed=1),
                       components)
        portraits += [(p.image, p.similarity) for p in out.portraits]
        sections.append(generation_section(args.out, style, {
            "prompt": out.prompt, "seed": out.seed, "candidates": out.candidates,
            "portraits": [(p.image, p.similarity, p.seed) for p in out.portraits],
            "dropped": [d.to_dict() for d in out.dropped]}))
    sections.append(fusion_section(args.out, components, trained.preprocess.template.image,
                                   trained.preprocess.template.embedding))
    more, summary = inpaint_and_tryon(args.out, components, base, trained.artifact.path, args.steps)
    sections += more
    talk, talk_info = talk_demo(args.out, components, portraits, report["template"]["source"])
    sections.append(talk)
    summary.update(talk_info)
    page = write_gallery(args.out, photos, report, sections)
    print(json.dumps({"gallery": str(page), "seconds": round(time.perf_counter() - started, 1),
                      "lora": str(trained.artifact.path),
                      "accepted": [a["source"] for a in report["accepted"]],
                      "rejected": {r["source"]: r["reason"] for r in report["rejected"]},
                      "trigger": report["trigger"], **summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
