"""``make demo``: the main job on the sample photos, written as a gallery a person can open.

Runs the preprocessing chain on the bundled photos (three of one person) plus a few copies made
to show the chain's handling of real-world input (a photo rotated 90 degrees, a two-person
collage, a heavily blurred copy, a truncated file), then writes ``OUT/index.html`` with the
inputs, the crops, masks and final training images, tags, trigger word and the rejection list.
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

from facechain.imageio import encode_jpeg, read_image
from facechain.pipelines.dataset import write_training_set
from facechain.pipelines.preprocess import preprocess
from facechain.pipelines.runtime import LocalComponents
from facechain.types import Photo

logger = logging.getLogger(__name__)
SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "faces"


def demo_photos(folder: Path = SAMPLES) -> list[Photo]:
    """The sample person's photos plus crafted bad/awkward inputs."""
    person = [folder / n for n in ("obama.jpg", "obama2.jpg", "obama3.jpg")]
    photos = [Photo(p.name, p.read_bytes()) for p in person]
    first = read_image(person[0])
    other = read_image(folder / "biden.jpg")
    photos.append(Photo("obama_rotated_90.jpg", encode_jpeg(np.ascontiguousarray(np.rot90(first)))))
    h = min(first.shape[0], other.shape[0])
    collage = np.concatenate([_resize_h(first, h), _resize_h(other, h)], axis=1)
    photos.append(Photo("two_people.jpg", encode_jpeg(collage)))
    blurred = Image.fromarray(first).filter(ImageFilter.GaussianBlur(8))
    buf = io.BytesIO()
    blurred.save(buf, format="JPEG")
    photos.append(Photo("obama_blurred.jpg", buf.getvalue()))
    photos.append(Photo("truncated.jpg", person[1].read_bytes()[:3000]))
    return photos


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
        imgs = "".join(f'<img src="{a[k]}" title="{k}">' for k in ("crop", "mask", "image"))
        rows.append(f"<tr><td>{html.escape(a['source'])}</td><td>{imgs}</td>"
                    f"<td>{html.escape(a['caption'])}</td><td>{a['quality']:.3f}</td>"
                    f"<td>{a['gender']} / {a['age']:.0f}</td><td>{a['rotation']}&deg; / {a['roll_degrees']:.1f}&deg;</td></tr>")
    rejected = "".join(f"<tr><td>{html.escape(r['source'])}</td><td><code>{r['reason']}</code></td>"
                       f"<td>{html.escape(r['message'])}</td></tr>" for r in report["rejected"])
    page = f"""<!doctype html><meta charset="utf-8"><title>FaceChain demo</title>
<style>body{{font-family:sans-serif;margin:2em}} img{{width:160px;margin:2px}} figure{{display:inline-block;margin:4px}}
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/demo"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    photos = demo_photos()
    started = time.perf_counter()
    output = preprocess(photos, LocalComponents())
    report = write_training_set(output, args.out)
    page = write_gallery(args.out, photos, report)
    print(json.dumps({"gallery": str(page), "seconds": round(time.perf_counter() - started, 1),
                      "accepted": [a["source"] for a in report["accepted"]],
                      "rejected": {r["source"]: r["reason"] for r in report["rejected"]},
                      "trigger": report["trigger"]}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
