"""``facechain`` command line: the library's stages as subcommands.

    facechain preprocess PHOTO... --out DIR     (exit 0: at least one photo accepted, 2: none)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from facechain.errors import FaceChainError, NoUsablePhotosError

logger = logging.getLogger("facechain")

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}
EXIT_NO_USABLE = 2


def _photo_paths(items: list[str]) -> list[Path]:
    paths: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            paths.extend(sorted(q for q in p.iterdir() if q.suffix.lower() in IMAGE_SUFFIXES))
        else:
            paths.append(p)
    return paths


def _read_photos(items: list[str]):
    from facechain.types import Photo

    photos = []
    for p in _photo_paths(items):
        if not p.is_file():
            raise FaceChainError(f"no such file: {p}", param="photos")
        photos.append(Photo(source=p.name, data=p.read_bytes()))
    return photos


def cmd_preprocess(args: argparse.Namespace) -> int:
    from facechain.pipelines.dataset import write_training_set
    from facechain.pipelines.preprocess import PreprocessParams, preprocess
    from facechain.pipelines.runtime import LocalComponents
    from facechain.registry import ModelRegistry

    photos = _read_photos(args.photos)
    params = PreprocessParams(retouch_strength=args.retouch, size=args.size)
    components = LocalComponents(ModelRegistry.load(args.models))
    try:
        output = preprocess(photos, components, params)
    except NoUsablePhotosError as exc:
        print("no usable photos:", file=sys.stderr)
        for r in exc.rejections:
            print(f"  {r.source}: {r.reason.value}: {r.message}", file=sys.stderr)
        return EXIT_NO_USABLE
    report = write_training_set(output, args.out)
    print(json.dumps({"out": str(args.out), "accepted": len(report["accepted"]),
                      "rejected": report["rejected"], "trigger": report["trigger"],
                      "template": report["template"]["source"]}, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facechain", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    parser.add_argument("--models", default=None,
                        help="model profile name or YAML path (default: $FACECHAIN_MODELS or 'default')")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("preprocess", help="photos -> tagged 512x512 training set + report.json")
    p.add_argument("photos", nargs="+", help="image files or folders of images")
    p.add_argument("--out", required=True, type=Path, help="output folder")
    p.add_argument("--retouch", type=float, default=0.3, help="skin retouching strength 0..1")
    p.add_argument("--size", type=int, default=512, help="crop side in pixels")
    p.set_defaults(func=cmd_preprocess)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except FaceChainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
