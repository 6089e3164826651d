"""``facechain`` command line: the library's stages as subcommands.

    facechain preprocess PHOTO... --out DIR     (exit 0: at least one photo accepted, 2: none)
    facechain train PHOTO... --out DIR [--base-model ID] [--steps N] [--seed S]
        preprocess and train: [--gender male|female] [--age-group child|young|mature] override
        what the classifiers decide (the trigger word and the captions)
    facechain generate --lora DIR [--style SLUG] [--num-images K] [--seed S] --out DIR
    facechain train-style IMAGE... --trigger WORD --out DIR
    facechain inpaint TEMPLATE --lora DIR [--lora DIR ...] [--faces 0,1] [--seed S] --out DIR
        (the i-th --lora redraws the i-th index of --faces, default 0, 1, ...; result.png at the
        template's size, report.json: faces, seed; exit 0: a face was redrawn, 2: none)
    facechain tryon GARMENT_PHOTO --lora DIR [--mask PNG] [--background TEXT] [--seed S] --out DIR
        (result.png and mask.png at the photo's size, report.json: faces, seed)
    facechain talk PORTRAIT (--audio FILE | --text "..." [--voice V]) --out DIR
        [--pose-style 0..45] [--expression-scale 0.5..2] [--no-still] [--preprocess crop|resize|full]
        [--size 256|512] [--enhance] [--seed S]
        (video.mp4: H.264 + AAC, 25 fps; report.json: frames, fps, seconds, the video's probe and
        the lip-sync figures measured on the written file; --no-measure skips those)
    facechain voices                                  (the TTS voices)
    facechain styles [--base-model ID]
    facechain styles pull SLUG... [--base-model ID]   (install hub style LoRAs before serving)
    facechain models check [--models PROFILE] [--json]
        (each role's backend, source and whether its weights are in the local cache; never
        downloads; exit 0: all present, 1: some missing)
    facechain build {onnx,trt} --out DIR [--base-model ID] [--controlnet SRC] [--network N ...]
        (one .onnx / .plan per network under DIR + manifest.json; trt needs the 'tensorrt' package)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from facechain.errors import FaceChainError, NoUsablePhotosError

logger = logging.getLogger("facechain")

EXIT_NO_USABLE = 2


def _photo_paths(items: list[str]) -> list[Path]:
    from facechain.imageio import IMAGE_SUFFIXES  # the formats decode_image accepts

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
    params = PreprocessParams(retouch_strength=args.retouch, size=args.size, gender=args.gender,
                              age_group=args.age_group)
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


def _base_model(args: argparse.Namespace):
    from facechain.diffusion.base_model import load_base_model
    from facechain.registry import ModelRegistry

    if args.base_model:
        return load_base_model(args.base_model)
    return ModelRegistry.load(args.models).build("base_model")


def _progress(p) -> None:
    print(f"step {p.step}/{p.total_steps} loss {p.loss:.4f} eta {p.eta_seconds:.0f}s",
          file=sys.stderr, flush=True)


def cmd_train(args: argparse.Namespace) -> int:
    from facechain.pipelines.runtime import LocalComponents
    from facechain.pipelines.train import TrainParams, train
    from facechain.registry import ModelRegistry

    photos = _read_photos(args.photos)
    params = TrainParams(steps=args.steps, seed=args.seed, rank=args.rank,
                         resolution=args.resolution, gender=args.gender, age_group=args.age_group)
    components = LocalComponents(ModelRegistry.load(args.models))
    try:
        out = train(photos, _base_model(args), args.out, params, components,
                    progress=_progress if args.verbose else None)
    except NoUsablePhotosError as exc:
        print("no usable photos:", file=sys.stderr)
        for r in exc.rejections:
            print(f"  {r.source}: {r.reason.value}: {r.message}", file=sys.stderr)
        return EXIT_NO_USABLE
    meta = out.artifact.metadata
    print(json.dumps({"lora": str(out.artifact.path), "trigger": meta.trigger,
                      "common_tags": meta.common_tags, "steps": meta.steps,
                      "base_model": meta.base_model_id,
                      "rejected": [r.to_dict() for r in out.preprocess.rejected]}, indent=2))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from facechain.imageio import write_image
    from facechain.pipelines.generate import GenerateParams, generate
    from facechain.pipelines.runtime import LocalComponents
    from facechain.registry import ModelRegistry

    params = GenerateParams(style=args.style, prompt=args.prompt, num_images=args.num_images,
                            top_k=min(args.top_k, args.num_images), steps=args.steps,
                            guidance_scale=args.cfg, seed=args.seed,
                            width=args.size, height=args.size)
    pose = None
    if args.pose:
        from facechain.imageio import read_image

        pose = read_image(args.pose)
    components = LocalComponents(ModelRegistry.load(args.models))
    out = generate(args.lora, params, components, pose=pose)
    args.out.mkdir(parents=True, exist_ok=True)
    portraits = []
    for rank, p in enumerate(out.portraits):
        name = f"portrait_{rank:02d}_seed{p.seed}.png"
        write_image(args.out / name, p.image)
        portraits.append({"file": name, "similarity": round(p.similarity, 4), "seed": p.seed})
    for i, img in enumerate(out.candidates):
        write_image(args.out / f"candidate_seed{out.seed + i}.png", img)
    report = {"prompt": out.prompt, "negative_prompt": out.negative_prompt, "seed": out.seed,
              "portraits": portraits, "dropped": [d.to_dict() for d in out.dropped]}
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({"out": str(args.out), "portraits": len(portraits),
                      "dropped": len(out.dropped), "seed": out.seed}, indent=2))
    return 0


def cmd_train_style(args: argparse.Namespace) -> int:
    from facechain.diffusion.lora_training import LoraTrainingConfig, TrainingExample, train_lora
    from facechain.imageio import read_image

    paths = _photo_paths(args.images)
    if not paths:
        raise FaceChainError("no images given", param="images")
    caption = ", ".join(p for p in (args.trigger, args.caption) if p)
    examples = [TrainingExample(image=read_image(p), caption=caption) for p in paths]
    config = LoraTrainingConfig(max_steps=args.steps, seed=args.seed, rank=args.rank,
                                alpha=args.rank, resolution=args.resolution,
                                random_flip=True)
    artifact = train_lora(examples, _base_model(args), config, args.out,
                          metadata={"kind": "style", "trigger": args.trigger},
                          progress=_progress if args.verbose else None)
    print(json.dumps({"lora": str(artifact.weights_file), "trigger": args.trigger,
                      "steps": artifact.metadata.steps}, indent=2))
    return 0


def _style_registry(args: argparse.Namespace):
    """The styles of ``--base-model``, else of the profile's base model (listing and pulling
    agree on which styles a slug names)."""
    from facechain.diffusion.styles import StyleRegistry
    from facechain.pipelines.generate import style_family
    from facechain.registry import ModelRegistry

    base = args.base_model or ModelRegistry.load(args.models).spec("base_model").source
    return StyleRegistry.load(style_family(base))


def cmd_styles(args: argparse.Namespace) -> int:
    registry = _style_registry(args)
    for style in registry.list():
        kind = "prompt-only" if style.is_prompt_only else f"lora {style.lora}"
        print(f"{style.slug:28s} {style.name:30s} {kind}")
    return 0


def cmd_styles_pull(args: argparse.Namespace) -> int:
    """Install the LoRAs of the named styles (the one step that downloads style weights)."""
    registry = _style_registry(args)
    pulled = {slug: registry.pull(slug) for slug in args.slugs}
    print(json.dumps({"base_model": registry.base_model,
                      "styles": {slug: str(path) if path else None for slug, path in pulled.items()}},
                     indent=2))
    return 0


def _face_indices(text: str | None, count: int) -> list[int]:
    """``--faces 0,2`` as indices (default 0 .. count - 1), one per ``--lora``."""
    if text is None:
        return list(range(count))
    try:
        indices = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise FaceChainError(f"--faces must be comma-separated face indices, got {text!r}",
                             param="faces") from None
    if len(indices) != count:
        raise FaceChainError(f"--faces names {len(indices)} face(s) for {count} --lora",
                             param="faces")
    return indices


def cmd_inpaint(args: argparse.Namespace) -> int:
    """Template inpainting: the template's faces named by --faces redrawn as the --lora persons;
    writes result.png (the template's size) and report.json (one entry per detected face)."""
    from pydantic import ValidationError

    from facechain.errors import AllItemsFailedError
    from facechain.imageio import read_image, write_image
    from facechain.pipelines.inpaint import FaceAssignment, InpaintParams, inpaint
    from facechain.pipelines.runtime import LocalComponents
    from facechain.registry import ModelRegistry

    indices = _face_indices(args.faces, len(args.lora))
    try:
        params = InpaintParams(style=args.style, prompt=args.prompt, steps=args.steps,
                               guidance_scale=args.cfg, strength=args.strength, seed=args.seed,
                               crop_size=args.crop_size)
    except ValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    template = read_image(args.template)
    assignments = [FaceAssignment(index=i, lora=lora) for i, lora in zip(indices, args.lora)]
    components = LocalComponents(ModelRegistry.load(args.models))
    try:
        out = inpaint(template, assignments, params, components)
        image, faces, seed, code = out.image, out.faces, out.seed, 0
    except AllItemsFailedError as exc:  # every named face failed: the report still says why
        print(f"error: {exc.message}", file=sys.stderr)
        image, faces, seed = template, getattr(exc, "faces", []), getattr(exc, "seed", args.seed)
        code = EXIT_NO_USABLE
    args.out.mkdir(parents=True, exist_ok=True)
    write_image(args.out / "result.png", image)
    report = {"faces": [f.to_dict() for f in faces], "seed": seed}
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({"out": str(args.out), "seed": seed,
                      "faces": [f.status.value for f in faces]}, indent=2))
    return code


def cmd_tryon(args: argparse.Namespace) -> int:
    """Virtual try-on: the LoRA's person wearing the photo's garment; writes result.png, mask.png
    (the garment mask used, white = kept; edit it and pass it back with --mask) and report.json."""
    from facechain.imageio import read_image, write_image
    from facechain.pipelines.runtime import LocalComponents
    from facechain.pipelines.tryon import TryonParams, tryon
    from facechain.registry import ModelRegistry

    params = TryonParams(background=args.background, prompt=args.prompt, style=args.style,
                         steps=args.steps, guidance_scale=args.cfg, seed=args.seed,
                         size=args.size, face_pass=not args.no_face_pass)
    photo = read_image(args.photo)
    mask = read_image(args.mask) if args.mask else None
    components = LocalComponents(ModelRegistry.load(args.models))
    out = tryon(photo, args.lora, params, components, mask=mask)
    args.out.mkdir(parents=True, exist_ok=True)
    write_image(args.out / "result.png", out.image)
    write_image(args.out / "mask.png", out.mask)
    report = {"faces": [f.to_dict() for f in out.faces], "seed": out.seed, "prompt": out.prompt,
              "negative_prompt": out.negative_prompt}
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({"out": str(args.out), "seed": out.seed,
                      "faces": [f.status.value for f in out.faces]}, indent=2))
    return 0


def cmd_talk(args: argparse.Namespace) -> int:
    """Talking head: the portrait speaking the audio file or the text; writes video.mp4 and
    report.json (frames, fps, seconds, the probe, and the lip-sync figures re-measured on the
    written video: facechain.talk.lipsync)."""
    from pydantic import ValidationError

    from facechain.imageio import read_image
    from facechain.pipelines.runtime import LocalComponents
    from facechain.pipelines.talk import Speech, talk
    from facechain.registry import ModelRegistry
    from facechain.talk.params import TalkParams

    if (args.audio is None) == (args.text is None):
        print("error: give --audio FILE or --text TEXT", file=sys.stderr)
        return 1
    try:
        params = TalkParams(pose_style=args.pose_style, expression_scale=args.expression_scale,
                            still=not args.no_still, blink=not args.no_blink,
                            preprocess=args.preprocess, size=args.size, enhance=args.enhance,
                            seed=args.seed)
    except ValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    portrait = read_image(args.portrait)
    speech = Speech(audio=Path(args.audio).read_bytes() if args.audio else None, text=args.text,
                    voice=args.voice)
    components = LocalComponents(ModelRegistry.load(args.models))
    args.out.mkdir(parents=True, exist_ok=True)
    out = talk(portrait, speech, params, args.out / "video.mp4", components)
    report = out.report()
    if not args.no_measure:
        from facechain.media.video import read_frames
        from facechain.talk.lipsync import lip_sync_report

        report["lip_sync"] = lip_sync_report(list(read_frames(out.path)), out.audio,
                                             source_image=portrait)
    (args.out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    summary = {"out": str(args.out), "frames": out.frames, "seconds": round(out.seconds, 2)}
    if "lip_sync" in report:
        sync = report["lip_sync"]["sync"]
        summary.update(best_lag=sync["best_lag"], r_best=round(sync["r_best"], 3))
    print(json.dumps(summary, indent=2))
    return 0


def cmd_voices(args: argparse.Namespace) -> int:
    from facechain.registry import ModelRegistry

    tts = ModelRegistry.load(args.models).build("tts")
    print(json.dumps([v.to_dict() for v in tts.voices()], indent=2))
    return 0


def cmd_models_check(args: argparse.Namespace) -> int:
    from facechain.registry import ModelRegistry

    checks = ModelRegistry.load(args.models).check_all()
    if args.json:
        print(json.dumps([{"role": c.role, "backend": c.backend, "source": c.source,
                           "kind": c.kind, "present": c.present,
                           "path": None if c.path is None else str(c.path),
                           "missing": list(c.missing), "note": c.note} for c in checks], indent=2))
    else:
        for c in checks:
            state = "present" if c.present else "MISSING"
            detail = f"missing {', '.join(c.missing)}" if c.missing else c.note
            where = f" at {c.path}" if c.path is not None else ""
            print(f"{c.role:22} {c.backend:20} {state:8} {c.source}{where}"
                  + (f" ({detail})" if detail else ""))
    return 0 if all(c.present for c in checks) else 1


def _add_person_overrides(p: argparse.ArgumentParser) -> None:
    from facechain.types import AgeGroup, Gender  # (not tagging: the parser stays light)

    p.add_argument("--gender", choices=[g.value for g in Gender], default=None,
                   help="the person's gender, over the classifier's (trigger word, gender tags)")
    p.add_argument("--age-group", choices=[a.value for a in AgeGroup], default=None,
                   help="the person's age group, over the age estimate: child ('a boy'/'a girl', "
                        "children), young ('a handsome man'/'a beautiful woman'), mature")


def cmd_build(args: argparse.Namespace) -> int:
    from facechain.diffusion.export import run_build

    manifest = run_build(args.format, args.out, base_model=args.base_model, controlnet=args.controlnet,
                         networks=args.network, device=args.device, dtype=args.dtype, onnx_dir=args.onnx_dir,
                         profiles=args.profile, fp16=not args.no_fp16)
    print(json.dumps({"out": str(args.out), "format": manifest["format"],
                      "networks": {k: v["file"] for k, v in manifest["networks"].items()}}, indent=2))
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
    _add_person_overrides(p)
    p.set_defaults(func=cmd_preprocess)

    p = sub.add_parser("train", help="photos -> face LoRA folder")
    p.add_argument("photos", nargs="+", help="image files or folders of images")
    p.add_argument("--out", required=True, type=Path, help="LoRA output folder")
    p.add_argument("--base-model", default=None,
                   help="base model source (builtin:tiny-sd15, a local folder, hf:<id>, modelscope:<id>); "
                        "default: the profile's base_model")
    p.add_argument("--steps", type=int, default=None, help="training steps (default: by photo count)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rank", type=int, default=4)
    p.add_argument("--resolution", type=int, default=None)
    _add_person_overrides(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("generate", help="face LoRA + style -> ranked portraits")
    p.add_argument("--lora", required=True, type=Path, help="face LoRA folder (from `train`)")
    p.add_argument("--style", default=None, help="style slug (see `facechain styles`)")
    p.add_argument("--prompt", default="", help="extra prompt text")
    p.add_argument("--num-images", type=int, default=10, help="candidates to generate")
    p.add_argument("--top-k", type=int, default=6, help="portraits to keep")
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--cfg", type=float, default=7.0, help="guidance scale")
    p.add_argument("--size", type=int, default=None, help="image side (default: the LoRA's resolution)")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--pose", default=None, help="reference photo whose body pose to follow")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("train-style", help="style images -> style LoRA (offline style training)")
    p.add_argument("images", nargs="+", help="image files or folders")
    p.add_argument("--trigger", required=True, help="the style's trigger word")
    p.add_argument("--caption", default="", help="extra caption text for every image")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--base-model", default=None)
    p.add_argument("--steps", type=int, default=None)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rank", type=int, default=4)
    p.add_argument("--resolution", type=int, default=None)
    p.set_defaults(func=cmd_train_style)

    p = sub.add_parser("inpaint", help="template photo + face LoRAs -> its faces redrawn")
    p.add_argument("template", help="photo with the faces to redraw")
    p.add_argument("--lora", required=True, type=Path, action="append",
                   help="face LoRA folder (from `train`); repeat for more faces")
    p.add_argument("--faces", default=None,
                   help="comma-separated face indices, counted from the left, one per --lora "
                        "(default: 0, 1, ...)")
    p.add_argument("--style", default=None, help="style slug whose LoRA is mixed in (weight 0.05)")
    p.add_argument("--prompt", default="", help="extra prompt text")
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--cfg", type=float, default=7.0, help="guidance scale")
    p.add_argument("--strength", type=float, default=0.65, help="inpainting strength 0..1")
    p.add_argument("--crop-size", type=int, default=512,
                   help="side of the square face crop the passes run at (multiple of 8)")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_inpaint)

    p = sub.add_parser("tryon", help="garment photo + face LoRA -> the person wearing the garment")
    p.add_argument("photo", help="photo of someone wearing the garment")
    p.add_argument("--lora", required=True, type=Path, help="face LoRA folder (from `train`)")
    p.add_argument("--mask", default=None, help="garment mask PNG (white = garment kept), the "
                                                "photo's size; default: computed")
    p.add_argument("--background", default="", help="background: beach, bar, street, woods or "
                                                    "free text")
    p.add_argument("--prompt", default="", help="extra prompt text")
    p.add_argument("--style", default=None, help="style slug whose LoRA is mixed in (weight 0.05)")
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--cfg", type=float, default=7.0, help="guidance scale")
    p.add_argument("--size", type=int, default=None,
                   help="working width (multiple of 8; default: min(768, the photo's width))")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--no-face-pass", action="store_true",
                   help="skip the face pass of template inpainting on the result")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_tryon)

    p = sub.add_parser("talk", help="portrait + speech (audio file or TTS text) -> talking-head video")
    p.add_argument("portrait", help="photo with one face (a generated portrait or any photo)")
    p.add_argument("--audio", default=None, help="speech file: wav, mp3, ogg, webm, m4a ...")
    p.add_argument("--text", default=None, help="text to speak with TTS")
    p.add_argument("--voice", default=None, help="TTS voice id (`facechain voices`)")
    p.add_argument("--pose-style", type=int, default=0, help="head-motion preset 0..45")
    p.add_argument("--expression-scale", type=float, default=1.0, help="mouth gain 0.5..2.0")
    p.add_argument("--no-still", action="store_true", help="add head motion (default: still)")
    p.add_argument("--no-blink", action="store_true", help="no blinks")
    p.add_argument("--preprocess", choices=["crop", "resize", "full"], default="crop")
    p.add_argument("--size", type=int, choices=[256, 512], default=256)
    p.add_argument("--enhance", action="store_true", help="x2 enhancement of the face region")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-measure", action="store_true", help="skip the lip-sync measurement")
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_talk)

    p = sub.add_parser("voices", help="list the TTS voices")
    p.set_defaults(func=cmd_voices)

    p = sub.add_parser("styles", help="list the styles for a base model")
    p.add_argument("--base-model", default=None,
                   help="base model source whose styles to list (default: the profile's base_model)")
    p.set_defaults(func=cmd_styles)
    styles_sub = p.add_subparsers(dest="styles_command")
    pull = styles_sub.add_parser("pull", help="download and record the LoRAs of hub styles, so "
                                              "requests never fetch")
    pull.add_argument("slugs", nargs="+", metavar="SLUG", help="style slug(s) (see `facechain styles`)")
    pull.add_argument("--base-model", default=argparse.SUPPRESS,
                      help="base model source whose styles to pull (default: the profile's base_model)")
    pull.set_defaults(func=cmd_styles_pull)

    p = sub.add_parser("models", help="the model profile's roles")
    models_sub = p.add_subparsers(dest="models_command", required=True)
    check = models_sub.add_parser("check", help="each role's backend, source and whether its "
                                                "weights are in the local cache (no download)")
    check.add_argument("--models", default=argparse.SUPPRESS,
                       help="model profile name or YAML path (as the global --models)")
    check.add_argument("--json", action="store_true", help="print JSON instead of a table")
    check.set_defaults(func=cmd_models_check)
    p = sub.add_parser("build", help="export the base model's networks to ONNX, or build TensorRT engines")
    p.add_argument("format", choices=["onnx", "trt"])
    p.add_argument("--base-model", default="builtin:tiny-sd15", help="base model source")
    p.add_argument("--out", required=True, type=Path, help="build folder")
    p.add_argument("--controlnet", default=None, help="ControlNet source to export beside the base")
    p.add_argument("--network", action="append", default=None,
                   help="a network to build (repeatable; default: all): unet, vae_decoder, vae_encoder, "
                        "text_encoder, controlnet")
    p.add_argument("--device", default=None, help="export device (default: cuda if available)")
    p.add_argument("--dtype", default=None, help="float16 | float32 (default: fp16 on CUDA, fp32 on CPU)")
    p.add_argument("--onnx-dir", type=Path, default=None, help="trt: build from this ONNX build folder")
    p.add_argument("--profile", action="append", default=None, metavar="IMAGESxHxW",
                   help="trt: a served size, e.g. 4x512x512 (repeatable; default 1, 4 and 10 x 512x512)")
    p.add_argument("--no-fp16", action="store_true", help="trt: fp32 engines")
    p.set_defaults(func=cmd_build)
    return parser


def run(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> int:
    """Parse and dispatch (the serving layer reuses this with its extended parser)."""
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except FaceChainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
