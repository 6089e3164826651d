"""Train the tiny model's built-in style LoRA (``builtin:tiny-style-ink``) into the cache.

    .venv/bin/python scripts/train_tiny_style.py [--steps 40] [--force]
"""

import argparse
import json
import logging

from facechain.diffusion.builtin_styles import train_tiny_style_ink
from facechain.diffusion.styles import builtin_style_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--force", action="store_true", help="retrain even if present")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    path = builtin_style_path("tiny-style-ink")
    if args.force or not path.is_file():
        train_tiny_style_ink(path, steps=args.steps)
    print(json.dumps({"style_lora": str(path)}))


if __name__ == "__main__":
    main()
