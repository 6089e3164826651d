"""On-disk form of a preprocessed training set.

``write_training_set(output, DIR)`` writes::

    DIR/report.json           accepted / rejected / trigger / template (paths relative to DIR)
    DIR/train/NNNN_<name>.png the final training images (retouched, white background)
    DIR/train/metadata.jsonl  {"file_name", "text"} per image: the ImageFolder layout that
                              diffusers' text-to-image LoRA training reads
    DIR/crops/, DIR/masks/    the aligned crops and head masks
    DIR/template.png          the template face crop; DIR/template_embedding.json its embedding
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from facechain.imageio import read_image, write_image
from facechain.types import PreprocessOutput


def _slug(source: str) -> str:
    stem = Path(source).stem or "photo"
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem)[:40]


def preprocess_report(output: PreprocessOutput, files: list[dict] | None = None) -> dict:
    """The JSON report (``files``: per-sample relative paths when written to disk)."""
    accepted = []
    for i, s in enumerate(output.samples):
        entry = {
            "source": s.source,
            "caption": s.caption,
            "tags": s.tags,
            "quality": round(s.quality, 4),
            "quality_terms": {k: round(float(v), 4) for k, v in s.quality_terms.items()},
            "rotation": s.rotation,
            "roll_degrees": round(s.roll_degrees, 2),
            "gender": s.attributes.gender.value,
            "male_probability": round(s.attributes.male_probability, 4),
            "age": round(s.attributes.age, 1),
            "face_box": [round(float(v), 1) for v in s.face.box],
        }
        if files:
            entry.update(files[i])
        accepted.append(entry)
    return {
        "accepted": accepted,
        "rejected": [r.to_dict() for r in output.rejected],
        "trigger": output.trigger,
        "gender": output.gender.value,
        "age": round(output.age, 1),
        "template": {"source": output.template.source, "quality": round(output.template.quality, 4),
                     **({"image": "template.png"} if files else {})},
    }


def write_training_set(output: PreprocessOutput, out_dir: str | Path) -> dict:
    out = Path(out_dir)
    for sub in ("train", "crops", "masks"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    files, lines = [], []
    for i, s in enumerate(output.samples):
        name = f"{i:04d}_{_slug(s.source)}.png"
        write_image(out / "train" / name, s.image)
        write_image(out / "crops" / name, s.crop)
        write_image(out / "masks" / name, s.mask)
        files.append({"image": f"train/{name}", "crop": f"crops/{name}", "mask": f"masks/{name}"})
        lines.append(json.dumps({"file_name": name, "text": s.caption}))
    (out / "train" / "metadata.jsonl").write_text("\n".join(lines) + "\n")
    write_image(out / "template.png", output.template.image)
    (out / "template_embedding.json").write_text(
        json.dumps([float(x) for x in output.template.embedding]))
    report = preprocess_report(output, files)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def read_training_set(path: str | Path) -> tuple[list[tuple[np.ndarray, str]], dict]:
    """Read back a written set: ([(image, caption)], report)."""
    root = Path(path)
    report = json.loads((root / "report.json").read_text())
    examples = []
    for line in (root / "train" / "metadata.jsonl").read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append((read_image(root / "train" / row["file_name"]), row["text"]))
    return examples, report
