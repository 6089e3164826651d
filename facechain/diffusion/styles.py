"""The style registry (DESIGN.md §1 stage 10): style LoRAs and prompt-only styles per base model.

A style is one YAML file, ``configs/styles/<base_model>/<slug>.yaml``; the file name is the slug::

    name: Polaroid
    description: instant-photo look with flash and film grain
    lora: modelscope:YorickHe/polaroid_lora@v1.0.0   # or null for a prompt-only style
    lora_weight_name: InstantPhotoX3.safetensors     # the file inside a hub repo / local folder
    style_weight: 0.35                               # adapter weight of the style LoRA
    face_weight: 0.95                                # adapter weight of the person's face LoRA
    prompt: "{trigger}, close-up, polaroid, instant photo"
    negative_prompt: "nsfw, (worst quality:2), ..."

``lora`` is a model-registry source string (:func:`facechain.registry.parse_source`):
``builtin:<name>``, a local path (relative to the YAML's folder), ``hf:<org>/<repo>[@rev]`` or
``modelscope:<id>[@rev]``. A hub LoRA is installed explicitly, never inside a request:
``facechain styles pull SLUG`` (:func:`pull_style`) downloads it into the hub cache (safetensors
only) and records the file under ``FACECHAIN_CACHE/styles/pulled/<base_model>/<slug>.json``;
:func:`resolve_lora` only reads that record and raises :class:`ModelSourceError` (telling the user
to run ``facechain styles pull``) for a hub style not pulled, or pulled from another source.

Prompts: ``{trigger}`` marks where the person's trigger words go (e.g. ``a handsome man``, from
the tagging stage). A prompt without the placeholder gets the trigger prepended
(``"<trigger>, <prompt>"``). No other ``{...}`` placeholder is allowed, so prompt weights such as
``(portrait:1.5)`` stay literal.

Plug-and-play folders (``FACECHAIN_STYLE_DIRS``, ``os.pathsep``-separated, or ``dirs=``) hold
``<slug>.yaml`` + ``<slug>.safetensors`` pairs, flat or under a ``<base_model>/`` subfolder; no
code change is needed to add one. In such a folder:

- a YAML without a ``lora`` key uses the ``<slug>.safetensors`` beside it when there is one
  (``lora: null`` keeps it prompt-only);
- a flat YAML without ``base_model`` applies to whichever base model is loaded (the person who
  dropped it vouches for it); one naming another base model is skipped;
- a ``.safetensors`` with no YAML becomes a prompt-less default style named after the file
  (slug = the sanitised file stem, prompt = just the trigger, default weights), as WebUI lists
  any LoRA dropped in its folder.
- an invalid entry or a slug already taken is skipped with a warning (listed in ``skipped``), so one
  bad drop-in does not take the service down; shipped ``configs/styles`` entries raise
  :class:`ConfigError` instead (they are ours to fix).

LoRA files are read as safetensors only (never pickle). :func:`lora_format` tells diffusers,
kohya/WebUI and raw PEFT key layouts apart. The diffusion engine loads diffusers and kohya files by
path (so diffusers reads the alpha in the header / the ``.alpha`` tensors) and raw PEFT files
through :func:`lora_state_dict`.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from facechain.config import cache_dir, config_dir
from facechain.errors import (
    ConfigError,
    FaceChainError,
    InvalidInputError,
    ModelSourceError,
    NotFoundError,
)
from facechain.registry import parse_source, resolve_source

logger = logging.getLogger(__name__)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
TRIGGER = "{trigger}"

ENV_STYLE_DIRS = "FACECHAIN_STYLE_DIRS"
# Script that trains the builtin style LoRAs of the tiny model (written by the diffusion helper).
# FaceChain's negative prompt (facechain/constants.py of the paper's repository).
DEFAULT_NEGATIVE_PROMPT = (
    "nsfw, paintings, sketches, (worst quality:2), (low quality:2), lowres, normal quality, "
    "((monochrome)), ((grayscale)), logo, word, character"
)
MAX_LORA_BYTES = 1 << 30  # uploads above 1 GiB are refused (SD 1.5 style LoRAs are <= ~300 MB)
_HEADER_LIMIT = 100 << 20  # safetensors' own limit on the JSON header
_DTYPE_BYTES = {
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "I16": 2, "U16": 2, "F16": 2,
    "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8,
}

LoraFormat = Literal["diffusers", "kohya", "peft"]


def _check_slug(value: str, what: str = "slug") -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(f"{what} {value!r} is not a safe identifier ({SLUG_PATTERN})")
    return value


class Style(BaseModel):
    """One style. ``slug`` and ``base_model`` come from the file location when loaded from disk."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(description="stable id, the YAML file name without extension",
                      pattern=SLUG_PATTERN)
    name: str = Field(min_length=1, max_length=100, description="display name")
    description: str = Field("", max_length=2000, description="what the style looks like, for people")
    base_model: str = Field(pattern=SLUG_PATTERN,
                            description="base model family the LoRA was trained for: the folder "
                                        "name under configs/styles (sd15, tiny-sd15, ...)")
    lora: str | None = Field(None, description="style LoRA source: builtin:<name>, a local path "
                                               "relative to the YAML, hf:<repo>[@rev] or "
                                               "modelscope:<id>[@rev]; null for a prompt-only style")
    lora_weight_name: str | None = Field(None, description="the .safetensors file inside the "
                                                           "source folder or hub repo")
    style_weight: float = Field(0.8, ge=0.0, le=2.0, description="adapter weight of the style LoRA")
    face_weight: float = Field(0.9, ge=0.0, le=2.0,
                               description="adapter weight of the person's face LoRA with this style")
    prompt: str = Field(TRIGGER, max_length=2000,
                        description="style prompt; '{trigger}' marks where the person's trigger "
                                    "words go, else they are prepended")
    negative_prompt: str = Field(DEFAULT_NEGATIVE_PROMPT, max_length=2000,
                                 description="negative prompt used with this style")
    preview: str | None = Field(None, description="preview image path, relative to the YAML")
    tags: list[str] = Field(default_factory=list, description="free-form labels (e.g. female, photo)")

    _base_dir: Path | None = PrivateAttr(None)

    @field_validator("lora")
    @classmethod
    def _lora_source(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        kind, ref = parse_source(value)
        if not ref:
            raise ValueError(f"lora source {value!r} names nothing")
        if kind == "local" and Path(ref).suffix not in ("", ".safetensors"):
            raise ValueError(f"lora file {ref!r} must be .safetensors (pickle formats are not loaded)")
        return value

    @field_validator("lora_weight_name")
    @classmethod
    def _weight_name(cls, value: str | None) -> str | None:
        if value is None:
            return None
        path = Path(value)
        if path.is_absolute() or ".." in path.parts:
            raise ValueError(f"lora_weight_name {value!r} must be a relative path inside the source")
        if path.suffix != ".safetensors":
            raise ValueError(f"lora_weight_name {value!r} must be .safetensors "
                             "(pickle formats are not loaded)")
        return value

    @field_validator("prompt")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        others = [p for p in _PLACEHOLDER_RE.findall(value) if p != TRIGGER]
        if others:
            raise ValueError(f"unknown placeholders {others}; only {TRIGGER} is allowed")
        if value.count(TRIGGER) > 1:
            raise ValueError(f"{TRIGGER} may appear once")
        return value

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            _check_slug(tag, "tag")
        return value

    @property
    def is_prompt_only(self) -> bool:
        return self.lora is None

    @property
    def base_dir(self) -> Path | None:
        """Folder that relative ``lora`` and ``preview`` paths are resolved against."""
        return self._base_dir

    def render_prompt(self, trigger: str) -> str:
        """The positive prompt for a person whose trigger words are ``trigger``."""
        trigger = trigger.strip()
        if TRIGGER in self.prompt:
            text = self.prompt.replace(TRIGGER, trigger)
        else:
            text = f"{trigger}, {self.prompt}" if trigger else self.prompt
        # tidy the commas left by an empty trigger or an empty prompt
        parts = [p.strip() for p in text.split(",")]
        return ", ".join(p for p in parts if p)

    def preview_path(self) -> Path | None:
        if self.preview is None:
            return None
        path = Path(self.preview)
        return path if path.is_absolute() or self._base_dir is None else self._base_dir / path


# --------------------------------------------------------------------------- LoRA files


def check_safetensors_bytes(data: bytes) -> dict[str, Any]:
    """Validate a safetensors blob by parsing its header only (no code runs, nothing is unpickled).

    Returns the tensor table ``{name: {dtype, shape, data_offsets}}``; raises InvalidInputError on
    anything that is not a complete, consistent safetensors file.
    """
    def bad(reason: str) -> InvalidInputError:
        return InvalidInputError(f"not a valid .safetensors file: {reason}", param="weights")

    if len(data) < 8:
        raise bad("shorter than its 8-byte header length")
    n = int.from_bytes(data[:8], "little")
    if n < 2 or n > _HEADER_LIMIT or 8 + n > len(data):
        raise bad(f"header length {n} does not fit the {len(data)}-byte file")
    try:
        header = json.loads(data[8:8 + n])
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(f"header is not JSON ({exc})") from None
    if not isinstance(header, dict):
        raise bad("header is not a JSON object")
    meta = header.pop("__metadata__", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise bad("__metadata__ must map strings to strings")
    if not header:
        raise bad("no tensors")
    body = len(data) - 8 - n
    spans = []
    for name, info in header.items():
        try:
            dtype, shape, (begin, end) = info["dtype"], info["shape"], info["data_offsets"]
        except (TypeError, KeyError, ValueError):
            raise bad(f"tensor {name!r} lacks dtype/shape/data_offsets") from None
        if dtype not in _DTYPE_BYTES:
            raise bad(f"tensor {name!r} has unknown dtype {dtype!r}")
        if not (isinstance(shape, list) and all(isinstance(s, int) and s >= 0 for s in shape)):
            raise bad(f"tensor {name!r} has a bad shape {shape!r}")
        if not (isinstance(begin, int) and isinstance(end, int) and 0 <= begin <= end <= body):
            raise bad(f"tensor {name!r} data lies outside the file")
        if end - begin != math.prod(shape) * _DTYPE_BYTES[dtype]:
            raise bad(f"tensor {name!r} size does not match its shape")
        spans.append((begin, end))
    spans.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        raise bad("tensor data overlaps")
    return header


def _safetensors_keys(path: Path) -> list[str]:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            return list(f.keys())
    except Exception as exc:  # safetensors raises its own error types for bad headers
        raise InvalidInputError(f"cannot read LoRA file {path.name}: {exc}", param="lora") from exc


_KOHYA_PREFIXES = ("lora_unet_", "lora_te_", "lora_te1_", "lora_te2_")
_KOHYA_SUFFIXES = (".lora_down.weight", ".lora_up.weight", ".alpha", ".dora_scale")
_DIFFUSERS_PREFIXES = ("unet.", "text_encoder.", "text_encoder_2.")


def _format_of_keys(keys: list[str]) -> LoraFormat | None:
    if not keys:
        return None
    if all(k.startswith(_KOHYA_PREFIXES) and k.endswith(_KOHYA_SUFFIXES) for k in keys):
        return "kohya"
    if all(k.startswith(_DIFFUSERS_PREFIXES) and "lora" in k for k in keys):
        return "diffusers"
    if all(".lora_A." in k or ".lora_B." in k or k.endswith(".lora_magnitude_vector") for k in keys):
        return "peft"
    return None


def lora_format(path: str | os.PathLike) -> LoraFormat:
    """Key layout of a LoRA ``.safetensors`` file, read from its header only.

    - ``kohya``: kohya-ss / A1111 WebUI (``lora_unet_<module>.lora_down.weight``, ``.alpha``);
    - ``diffusers``: ``unet.<module>...`` / ``text_encoder.<module>...`` (``save_lora_weights``);
    - ``peft``: bare PEFT adapter keys (``[base_model.model.]<module>.lora_A.weight``), UNet.

    Raises InvalidInputError naming the first keys for anything else (LyCORIS LoHa/LoKr, full
    checkpoints, embeddings).
    """
    path = Path(path)
    if path.suffix != ".safetensors":
        raise InvalidInputError(f"LoRA file {path.name} is not .safetensors "
                                "(pickle formats are not loaded)", param="lora")
    keys = _safetensors_keys(path)
    fmt = _format_of_keys(keys)
    if fmt is None:
        hint = ""
        if any(".hada_" in k or ".lokr_" in k for k in keys):
            hint = " (LyCORIS LoHa/LoKr is not supported)"
        raise InvalidInputError(
            f"unknown LoRA format in {path.name}{hint}: expected diffusers, kohya/WebUI or PEFT "
            f"keys, found e.g. {sorted(keys)[:3]}", param="lora")
    return fmt


def lora_state_dict(path: str | os.PathLike) -> dict[str, Any]:
    """Tensors of a LoRA file in a layout ``pipeline.load_lora_weights(sd, adapter_name=...)``
    accepts: diffusers and kohya keys as stored (diffusers converts kohya itself), bare PEFT keys
    prefixed with ``unet.``. Tensors only: the safetensors header (a diffusers file's peft
    ``LoraConfig``, hence its alpha) is not in the dict, so load diffusers files by path
    (``load_lora_weights(folder, weight_name=...)``), as the diffusion engine does."""
    from safetensors.torch import load_file

    fmt = lora_format(path)
    state = load_file(str(path))
    if fmt == "peft":
        state = {"unet." + k.removeprefix("base_model.model."): v for k, v in state.items()}
    return state


def builtin_style_path(name: str) -> Path:
    """Where the builtin style LoRA ``builtin:<name>`` lives (trained on first use, or by scripts/train_tiny_style.py)."""
    _check_slug(name, "builtin style name")
    return cache_dir() / "styles" / f"{name}.safetensors"


HUB_KINDS = ("hf", "modelscope")


def pulled_record_path(style: Style) -> Path:
    """Where :func:`pull_style` records the installed LoRA file of a hub style."""
    return cache_dir() / "styles" / "pulled" / style.base_model / f"{style.slug}.json"


def pull_style(style: Style) -> Path | None:
    """Install the style's LoRA so requests can use it: the explicit step that fetches.

    A hub LoRA (``hf:`` / ``modelscope:``) is downloaded (``lora_weight_name`` or the repo's
    ``.safetensors`` only; pickle files are never fetched), checked to be a LoRA, pinned to the
    commit the hub resolved, and recorded (:func:`pulled_record_path`). A builtin LoRA is built if
    needed; a local one is checked. Returns the local ``.safetensors`` (None for prompt-only).
    """
    if style.lora is None:
        return None
    role = f"style/{style.slug}"
    if parse_source(style.lora)[0] not in HUB_KINDS:
        return resolve_lora(style)
    patterns = [style.lora_weight_name] if style.lora_weight_name else ["*.safetensors"]
    source = resolve_source(role, style.lora, base_dir=style.base_dir, files=patterns)
    assert source.path is not None
    path = _lora_file(role, style, source.path)
    record = {"source": style.lora, "lora_weight_name": style.lora_weight_name, "path": str(path),
              "revision": source.revision}
    target = pulled_record_path(style)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{style.slug}-", suffix=".json", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(record, fh, indent=2)
    os.replace(tmp, target)
    logger.info("style %s pulled: %s (revision %s)", style.slug, path, source.revision)
    return path


def _pulled_lora(role: str, style: Style) -> Path:
    """The file :func:`pull_style` recorded for this exact source, or a ModelSourceError."""
    hint = f"run `facechain styles pull {style.slug}` to install it"
    try:
        record = json.loads(pulled_record_path(style).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelSourceError(role, f"style LoRA {style.lora} is not installed; {hint}") from None
    except (OSError, ValueError) as exc:
        raise ModelSourceError(role, f"unreadable install record ({exc}); {hint}") from None
    if not isinstance(record, dict) or not isinstance(record.get("path"), str):
        raise ModelSourceError(role, f"malformed install record {pulled_record_path(style)}; {hint}")
    if record.get("source") != style.lora or record.get("lora_weight_name") != style.lora_weight_name:
        raise ModelSourceError(role, f"installed from {record.get('source')}, the style now names "
                                     f"{style.lora}; {hint}")
    path = Path(record["path"])
    if not path.is_file():
        raise ModelSourceError(role, f"installed LoRA file {path} is gone; {hint}")
    return path


def _lora_file(role: str, style: Style, path: Path) -> Path:
    """The LoRA file at ``path`` (a folder: its ``lora_weight_name`` or only ``.safetensors``),
    checked to be a LoRA in a known format."""
    if path.is_dir():
        if style.lora_weight_name:
            path = path / style.lora_weight_name
        else:
            files = sorted(path.glob("*.safetensors"))
            if len(files) != 1:
                raise ModelSourceError(role, f"{path} holds {len(files)} .safetensors files; "
                                             "set lora_weight_name")
            path = files[0]
    if not path.is_file():
        raise ModelSourceError(role, f"LoRA file not found: {path}")
    lora_format(path)  # clear error now rather than deep inside diffusers
    return path


def resolve_lora(style: Style) -> Path | None:
    """Local path of the style's LoRA ``.safetensors`` (None for prompt-only styles).

    Never fetches: a hub LoRA must have been installed with :func:`pull_style`. Raises
    ModelSourceError when the file is not there (or not pulled), InvalidInputError when it is not
    a LoRA in a known format.
    """
    if style.lora is None:
        return None
    role = f"style/{style.slug}"
    kind, ref = parse_source(style.lora)
    if kind == "builtin":
        from facechain.diffusion.builtin_styles import BUILTIN_STYLES, ensure_builtin_style

        if ref not in BUILTIN_STYLES:
            raise ModelSourceError(role, f"unknown builtin style LoRA {ref!r}; known: "
                                         f"{sorted(BUILTIN_STYLES)}")
        path = ensure_builtin_style(ref, builtin_style_path(ref))  # trained once, then cached
    elif kind in HUB_KINDS:
        path = _pulled_lora(role, style)
    else:
        path = resolve_source(role, style.lora, base_dir=style.base_dir).path
        assert path is not None
    return _lora_file(role, style, path)


# --------------------------------------------------------------------------- registry


def _slug_from_stem(stem: str) -> str | None:
    slug = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")[:64]
    return slug if _SLUG_RE.match(slug) else None


def _read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TypeError("a style file must be a YAML mapping")
    return data


def _style_dirs_from_env() -> list[Path]:
    raw = os.environ.get(ENV_STYLE_DIRS, "")
    return [Path(os.path.expanduser(p)) for p in raw.split(os.pathsep) if p.strip()]


class StyleRegistry:
    """The styles available for one base model: shipped entries plus plug-in folders."""

    def __init__(self, base_model: str, styles: dict[str, Style], *,
                 plugin_dirs: list[Path] | None = None, skipped: dict[str, str] | None = None):
        self.base_model = base_model
        self._styles = dict(styles)
        self.plugin_dirs = list(plugin_dirs or [])
        self.skipped = dict(skipped or {})  # path -> reason, for plug-in entries not loaded

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, base_model: str, dirs: list[Path] | None = None) -> StyleRegistry:
        """Read ``configs/styles/<base_model>/*.yaml`` and the plug-in folders (``dirs``, default
        ``FACECHAIN_STYLE_DIRS``)."""
        try:
            _check_slug(base_model, "base model")
        except ValueError as exc:
            raise ConfigError(str(exc), param="base_model") from None
        plugin_dirs = [Path(d) for d in dirs] if dirs is not None else _style_dirs_from_env()
        reg = cls(base_model, {}, plugin_dirs=plugin_dirs)

        shipped = config_dir() / "styles" / base_model
        if not shipped.is_dir():
            logger.warning("no shipped styles for base model %r (%s)", base_model, shipped)
        else:
            for path in sorted(shipped.glob("*.yaml")):
                try:
                    reg._put(reg._style_from_yaml(path, strict_base=True), path)
                except (ValueError, TypeError, yaml.YAMLError, ValidationError, InvalidInputError) as exc:
                    raise ConfigError(f"invalid style {path}: {exc}", param="styles") from exc

        for folder in plugin_dirs:
            if not folder.is_dir():
                logger.warning("style folder %s does not exist; skipped", folder)
                continue
            for sub in (folder, folder / base_model):
                if sub.is_dir():
                    reg._scan_plugin_folder(sub, nested=sub != folder)
        logger.info("styles for %s: %d loaded, %d skipped", base_model, len(reg), len(reg.skipped))
        return reg

    def _style_from_yaml(self, path: Path, *, strict_base: bool) -> Style | None:
        data = _read_yaml(path)
        slug = data.setdefault("slug", path.stem)
        if slug != path.stem:
            raise ValueError(f"slug {slug!r} differs from the file name {path.stem!r}")
        _check_slug(path.stem)
        if strict_base:
            base = data.setdefault("base_model", self.base_model)
            if base != self.base_model:
                raise ValueError(f"base_model {base!r} differs from its folder {self.base_model!r}")
        elif data.get("base_model", self.base_model) != self.base_model:
            return None  # a plug-in style for another base model
        data.setdefault("base_model", self.base_model)
        if "lora" not in data and path.with_suffix(".safetensors").is_file():
            data["lora"] = path.with_suffix(".safetensors").name
        style = Style.model_validate(data)
        style._base_dir = path.parent
        return style

    def _scan_plugin_folder(self, folder: Path, *, nested: bool) -> None:
        # dot files are skipped: add() writes its temporary files as .upload-*
        yamls = {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.name.startswith(".")}
        for path in yamls.values():
            try:
                style = self._style_from_yaml(path, strict_base=nested)
                if style is not None:
                    self._check_local_lora(style)
                    self._put(style, path)
            except (ValueError, TypeError, OSError, yaml.YAMLError, ValidationError,
                    FaceChainError) as exc:
                self._skip(path, getattr(exc, "message", None) or str(exc))
        for path in sorted(folder.glob("*.safetensors")):
            if path.stem in yamls or path.name.startswith("."):
                continue
            slug = _slug_from_stem(path.stem)
            if slug is None:
                self._skip(path, "file name gives no safe slug")
                continue
            try:
                style = Style(slug=slug, name=path.stem[:100], base_model=self.base_model,
                              lora=path.name, tags=["plugin"],
                              description=f"LoRA file {path.name} dropped without a YAML; "
                                          "prompt-less default style")
                style._base_dir = folder
                self._check_local_lora(style)
                self._put(style, path)
            except (ValidationError, FaceChainError) as exc:
                self._skip(path, getattr(exc, "message", None) or str(exc))

    @staticmethod
    def _check_local_lora(style: Style) -> None:
        """Plug-in entries with a local LoRA file are checked on load (header only, cheap), so a
        dropped checkpoint or LyCORIS file is skipped instead of failing at generation time."""
        if style.lora is not None and parse_source(style.lora)[0] == "local":
            resolve_lora(style)

    def _put(self, style: Style, path: Path) -> None:
        if style.slug in self._styles:
            raise InvalidInputError(f"style {style.slug!r} from {path} is already defined",
                                    param="slug")
        self._styles[style.slug] = style

    def _skip(self, path: Path, reason: str) -> None:
        logger.warning("style %s skipped: %s", path, reason)
        self.skipped[str(path)] = reason

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self._styles)

    def __contains__(self, slug: object) -> bool:
        return slug in self._styles

    def list(self) -> list[Style]:
        return [self._styles[k] for k in sorted(self._styles)]

    def slugs(self) -> list[str]:
        return sorted(self._styles)

    def get(self, slug: str) -> Style:
        try:
            return self._styles[slug]
        except KeyError:
            raise NotFoundError(f"unknown style {slug!r} for base model {self.base_model!r}; "
                                f"known: {self.slugs()}", param="style") from None

    def resolve_lora(self, style: Style | str) -> Path | None:
        return resolve_lora(self.get(style) if isinstance(style, str) else style)

    def pull(self, style: Style | str) -> Path | None:
        """Install a style's LoRA (:func:`pull_style`); the only method that may fetch."""
        return pull_style(self.get(style) if isinstance(style, str) else style)

    # ------------------------------------------------------------------ adding
    def add(self, style: Style | dict[str, Any], weights: bytes | None = None, dir: Path | None = None) -> Style:
        """Save a new style as ``<dir>/<slug>.yaml`` (+ ``<slug>.safetensors`` when ``weights``)
        and register it. ``dir`` defaults to the first plug-in folder.

        The weights are checked by parsing the safetensors header and reading the key layout
        (nothing is executed); the files appear atomically and never overwrite an existing style.
        Raises InvalidInputError for a bad slug, bad weights or a duplicate.
        """
        # validated again even when given a Style: model_construct() skips validation, and the
        # slug becomes a file name
        data = style.model_dump() if isinstance(style, Style) else style
        try:
            style = Style.model_validate(data)
        except (ValidationError, TypeError) as exc:
            raise InvalidInputError(f"invalid style: {exc}", param="style") from None
        if style.base_model != self.base_model:
            raise InvalidInputError(f"style is for base model {style.base_model!r}, this registry "
                                    f"serves {self.base_model!r}", param="base_model")
        if style.slug in self._styles:
            raise InvalidInputError(f"style {style.slug!r} already exists", param="slug")
        folder = Path(dir) if dir is not None else (self.plugin_dirs[0] if self.plugin_dirs else None)
        if folder is None:
            raise ConfigError(f"no folder to save styles in; set {ENV_STYLE_DIRS}", param="styles")
        folder.mkdir(parents=True, exist_ok=True)
        yaml_path = folder / f"{style.slug}.yaml"
        lora_path = folder / f"{style.slug}.safetensors"
        if yaml_path.exists() or (weights is not None and lora_path.exists()):
            raise InvalidInputError(f"style {style.slug!r} already exists in {folder}", param="slug")

        data = style.model_dump(exclude={"slug"}, exclude_none=True)
        data["lora"] = style.lora  # an explicit null: never paired with a same-named file later
        if weights is not None:
            if len(weights) > MAX_LORA_BYTES:
                raise InvalidInputError(f"LoRA file is {len(weights)} bytes; the limit is "
                                        f"{MAX_LORA_BYTES}", param="weights")
            check_safetensors_bytes(weights)
            data["lora"] = lora_path.name
            data.pop("lora_weight_name", None)

        created: list[Path] = []
        temps: list[Path] = []
        try:
            if weights is not None:
                tmp_lora = self._temp_file(folder, ".safetensors", weights)
                temps.append(tmp_lora)
                lora_format(tmp_lora)  # rejects files that are safetensors but not a LoRA
                os.link(tmp_lora, lora_path)  # fails rather than overwrite
                created.append(lora_path)
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
            tmp_yaml = self._temp_file(folder, ".yaml", text.encode("utf-8"))
            temps.append(tmp_yaml)
            os.link(tmp_yaml, yaml_path)
            created.append(yaml_path)
        except FileExistsError:
            for path in created:
                path.unlink(missing_ok=True)
            raise InvalidInputError(f"style {style.slug!r} already exists in {folder}",
                                    param="slug") from None
        except BaseException:
            for path in created:
                path.unlink(missing_ok=True)
            raise
        finally:
            for path in temps:
                path.unlink(missing_ok=True)

        saved = self._style_from_yaml(yaml_path, strict_base=False)
        assert saved is not None
        self._styles[saved.slug] = saved
        logger.info("style %s added in %s", saved.slug, folder)
        return saved

    @staticmethod
    def _temp_file(folder: Path, suffix: str, data: bytes) -> Path:
        fd, name = tempfile.mkstemp(prefix=".upload-", suffix=suffix, dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return Path(name)
