"""The model registry: which backend and which weights serve each model role.

A profile (``configs/models/<profile>.yaml``) maps every role to a backend and a source::

    roles:
      face_detection:
        backend: dlib_hog
        source: builtin            # or a local path, hf:<org>/<repo>[@rev], modelscope:<id>
        options: {upsample: 1}

Backends register themselves with :func:`register_backend` in the component module of their
role; :meth:`ModelRegistry.build` imports that module only when the role is built, and resolves
the source to a local path. Building a role is its install step: a hub source is downloaded then
(safetensors and configs only, :data:`HUB_IGNORE`), pinned to the commit the hub resolved, and
read from the cache afterwards; nothing is fetched at import time or inside a request.
"""

from __future__ import annotations

import fnmatch
import importlib
import importlib.util
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facechain.config import config_dir
from facechain.errors import ConfigError, ModelSourceError

logger = logging.getLogger(__name__)

# role -> module that defines its backends (a role whose module is missing, e.g. in a trimmed
# install, is a ModelSourceError naming the role when it is built)
ROLE_MODULES: dict[str, str] = {
    "rotation": "facechain.components.rotation",
    "face_detection": "facechain.components.face_detection",
    "landmarks": "facechain.components.face_detection",
    "human_parsing": "facechain.components.human_parsing",
    "garment_segmentation": "facechain.components.garment_mask",
    "skin_retouching": "facechain.components.skin_retouching",
    "face_attributes": "facechain.components.face_attributes",
    "tagging": "facechain.components.tagging",
    "face_quality": "facechain.components.face_quality",
    "face_recognition": "facechain.components.face_recognition",
    "face_fusion": "facechain.components.face_fusion",
    "face_restoration": "facechain.components.face_restoration",
    "conditions": "facechain.components.conditions",
    "base_model": "facechain.diffusion.base_model",
    "controlnet_openpose": "facechain.diffusion.base_model",
    "controlnet_canny": "facechain.diffusion.base_model",
    "controlnet_depth": "facechain.diffusion.base_model",
    "tts": "facechain.components.tts",
    "talking_head": "facechain.components.talking_head",
}

_BACKENDS: dict[tuple[str, str], Callable[..., Any]] = {}
# (role, backend) -> files (relative paths) a non-builtin source folder must hold for the backend
# to load; read by ``facechain models check`` and by :func:`build_modelscope_pipeline`.
_WEIGHTS: dict[tuple[str, str], tuple[str, ...]] = {}


def register_backend(role: str, backend: str, *, weights: tuple[str, ...] = ()):
    """Class/function decorator: ``factory(source: ResolvedSource, **options)`` builds the role.

    ``weights``: the files a source folder must hold (e.g. ``("configuration.json",
    "pytorch_model.pt")`` for a ModelScope model), so a partial snapshot is reported by name
    before anything tries to load it."""

    def wrap(factory):
        _BACKENDS[(role, backend)] = factory
        _WEIGHTS[(role, backend)] = tuple(weights)
        return factory

    return wrap


def backend_weights(role: str, backend: str) -> tuple[str, ...]:
    """The files a source folder must hold for ``backend`` of ``role`` (empty: not declared)."""
    _import_role_module(role)
    return _WEIGHTS.get((role, backend), ())


def missing_files(folder: Path, names: tuple[str, ...] | list[str]) -> list[str]:
    """The ``names`` (relative paths; ``a|b`` means either will do) with no file under
    ``folder``."""
    return [name for name in names
            if not any((folder / alt).is_file() for alt in name.split("|"))]


class RoleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: str = Field(description="backend name registered for the role")
    source: str = Field("builtin", description="builtin, a local path, hf:<id>[@rev] or modelscope:<id>")
    options: dict[str, Any] = Field(default_factory=dict, description="constructor options")
    files: list[str] | None = Field(None, description="glob patterns to fetch from a hub repo "
                                    "(default: everything but pickle / fp16 / non-EMA copies)")
    description: str | None = Field(None, description="what this entry is, for people")

    @field_validator("source")
    @classmethod
    def _source_kind(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("source must not be empty")
        return value


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str | None = None
    roles: dict[str, RoleSpec]

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: dict[str, RoleSpec]) -> dict[str, RoleSpec]:
        unknown = sorted(set(roles) - set(ROLE_MODULES))
        if unknown:
            raise ValueError(f"unknown roles {unknown}; known: {sorted(ROLE_MODULES)}")
        return roles


@dataclass(frozen=True)
class ResolvedSource:
    """A role's source after resolution. ``path`` is None for ``builtin``; ``revision`` is the
    commit a hub source was pinned to (its snapshot folder name), None for other kinds."""

    role: str
    kind: str  # builtin | local | hf | modelscope
    spec: str
    path: Path | None
    revision: str | None = None

    @property
    def is_builtin(self) -> bool:
        return self.kind == "builtin"


def parse_source(source: str) -> tuple[str, str]:
    if source == "builtin" or source.startswith("builtin:"):
        return "builtin", source.partition(":")[2]
    for prefix in ("hf:", "modelscope:", "local:"):
        if source.startswith(prefix):
            return prefix[:-1], source[len(prefix):]
    return "local", source


# Never fetched from a hub: pickle formats (never loaded), duplicate fp16 / non-EMA weights. A
# file a profile names explicitly in ``files`` (e.g. DeepDanbooru's ``model-resnet_custom_v3.pt``)
# is fetched whatever its format: its backend reads it without unpickling code
# (``torch.load(weights_only=True)``).
HUB_IGNORE = ["*.ckpt", "*.bin", "*.pt", "*.pth", "*.pkl", "*.msgpack", "*.h5", "*.onnx",
              "*.onnx_data", "*.fp16.*", "*non_ema*", "*non-ema*"]


def hub_ignore(files: list[str] | None) -> list[str]:
    """:data:`HUB_IGNORE` less the patterns that would exclude a file ``files`` names exactly
    (a glob in ``files`` never lifts an exclusion)."""
    named = [f for f in files or [] if not any(c in f for c in "*?[")]
    return [p for p in HUB_IGNORE if not any(fnmatch.fnmatch(Path(f).name, p) for f in named)]


def resolve_source(role: str, source: str, *, base_dir: Path | None = None,
                   files: list[str] | None = None) -> ResolvedSource:
    """Turn a source string into a local path; hub sources are downloaded here (only here)."""
    kind, ref = parse_source(source)
    if kind == "builtin":
        return ResolvedSource(role, kind, ref, None)
    if kind == "local":
        path = Path(os.path.expanduser(ref))
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.exists():
            raise ModelSourceError(role, f"local source not found: {path}")
        return ResolvedSource(role, kind, ref, path)
    if kind == "hf":
        repo, _, revision = ref.partition("@")
        try:
            from huggingface_hub import snapshot_download

            path = Path(snapshot_download(repo_id=repo, revision=revision or None,
                                          allow_patterns=files,
                                          ignore_patterns=hub_ignore(files)))
        except Exception as exc:  # network, auth, offline mode, missing repo
            raise ModelSourceError(role, f"cannot fetch Hugging Face repo {repo!r}: {exc}") from exc
        # the hub cache lays snapshots out as <repo folder>/snapshots/<commit sha>
        logger.info("%s: hf:%s pinned to commit %s", role, ref, path.name)
        return ResolvedSource(role, kind, ref, path, revision=path.name)
    # modelscope
    try:
        from modelscope.hub.snapshot_download import snapshot_download as ms_download
    except ImportError as exc:
        raise ModelSourceError(
            role, f"source {source!r} needs the 'hub' extra (pip install 'facechain-serve[hub]')") from exc
    model_id, _, revision = ref.partition("@")
    # With ``files`` (style LoRAs, configs) the snapshot is filtered as a Hugging Face one is; the
    # paper's ModelScope models are fetched whole: their pipelines need their own weight formats.
    filters = {"allow_patterns": files, "ignore_patterns": hub_ignore(files)} if files else {}
    try:
        path = ms_download(model_id, revision=revision or None, **filters)
    except Exception as exc:
        raise ModelSourceError(role, f"cannot fetch ModelScope model {ref!r}: {exc}") from exc
    return ResolvedSource(role, kind, ref, Path(path))


class ModelRegistry:
    """A loaded, validated profile. Cheap to create; builds components on request."""

    def __init__(self, profile: Profile, *, base_dir: Path | None = None):
        self.profile = profile
        self.base_dir = base_dir

    @classmethod
    def load(cls, profile: str | os.PathLike | None = None) -> ModelRegistry:
        """Load ``configs/models/<profile>.yaml`` (default ``FACECHAIN_MODELS`` or ``default``),
        or a YAML file path."""
        profile = profile or os.environ.get("FACECHAIN_MODELS", "default")
        path = Path(profile)
        if path.suffix not in (".yaml", ".yml"):
            path = config_dir() / "models" / f"{profile}.yaml"
        if not path.exists():
            raise ConfigError(f"model profile not found: {path}", param="models")
        try:
            data = yaml.safe_load(path.read_text()) or {}
            data.setdefault("name", path.stem)
            return cls(Profile.model_validate(data), base_dir=path.parent)
        except (yaml.YAMLError, ValidationError) as exc:
            raise ConfigError(f"invalid model profile {path}: {exc}", param="models") from exc

    def spec(self, role: str) -> RoleSpec:
        try:
            return self.profile.roles[role]
        except KeyError:
            raise ModelSourceError(role, f"not configured in profile '{self.profile.name}'") from None

    def check(self, role: str) -> RoleCheck:
        """Whether ``role``'s weights are present locally; never downloads, never loads them."""
        spec = self.spec(role)
        kind, ref = parse_source(spec.source)
        try:
            expected = list(backend_weights(role, spec.backend))
        except ModelSourceError as exc:
            return RoleCheck(role, spec.backend, spec.source, kind, False, None, note=exc.message)
        if (role, spec.backend) not in _BACKENDS:
            return RoleCheck(role, spec.backend, spec.source, kind, False, None,
                             note=f"unknown backend {spec.backend!r}")
        named = {alt for name in expected for alt in name.split("|")}
        expected += [f for f in spec.files or [] if not any(c in f for c in "*?[")
                     and f not in named]  # exact file names the profile fetches
        if kind == "builtin":
            return RoleCheck(role, spec.backend, spec.source, kind, True, None,
                             note="built in")
        if kind == "local":
            path = Path(os.path.expanduser(ref))
            if not path.is_absolute() and self.base_dir is not None:
                path = self.base_dir / path
            if not path.exists():
                return RoleCheck(role, spec.backend, spec.source, kind, False, path,
                                 note="path not found")
            missing = tuple(missing_files(path, expected)) if path.is_dir() else ()
            return RoleCheck(role, spec.backend, spec.source, kind, not missing, path, missing)
        name, _, revision = ref.partition("@")
        if kind == "hf":
            path = _hf_cached(name, revision)
            if path is None:
                return RoleCheck(role, spec.backend, spec.source, kind, False, None,
                                 note="not in the Hugging Face cache")
        else:
            path = next((p for p in modelscope_cache_folders(name) if p.is_dir()), None)
            if path is None:
                return RoleCheck(role, spec.backend, spec.source, kind, False,
                                 modelscope_cache_folders(name)[0],
                                 note="not in the ModelScope cache")
        missing = tuple(missing_files(path, expected))
        note = "" if expected else "backend declares no weight files; folder found"
        if kind == "modelscope" and revision:  # the cache keeps one folder per model id
            note = "; ".join(filter(None, [note, f"revision {revision} not checked"]))
        return RoleCheck(role, spec.backend, spec.source, kind, not missing, path, missing, note)

    def check_all(self) -> list[RoleCheck]:
        """:meth:`check` for every role of the profile, in profile order."""
        return [self.check(role) for role in self.profile.roles]

    def build(self, role: str, **overrides: Any) -> Any:
        """Build the component for ``role``: its backend's factory with resolved source + options."""
        spec = self.spec(role)
        _import_role_module(role)
        factory = _BACKENDS.get((role, spec.backend))
        if factory is None:
            known = sorted(b for r, b in _BACKENDS if r == role)
            raise ModelSourceError(role, f"unknown backend {spec.backend!r}; known: {known}")
        source = resolve_source(role, spec.source, base_dir=self.base_dir, files=spec.files)
        options = {**spec.options, **overrides}
        logger.info("building %s: backend=%s source=%s", role, spec.backend, spec.source)
        return factory(source, **options)


@dataclass(frozen=True)
class RoleCheck:
    """What ``facechain models check`` reports for one role. ``present``: the weights are all in
    the local cache or folder (always True for ``builtin``); ``path`` where they were looked for;
    ``missing`` the expected files not there (empty when the backend declares none)."""

    role: str
    backend: str
    source: str
    kind: str
    present: bool
    path: Path | None
    missing: tuple[str, ...] = ()
    note: str = ""


def modelscope_cache_folders(model_id: str) -> list[Path]:
    """Where ModelScope keeps a snapshot of ``model_id``: under ``$MODELSCOPE_CACHE`` (default
    ``~/.cache/modelscope/hub``), in ``models/<org>/<name>`` (ModelScope >= 1.20) or
    ``<org>/<name>`` (older); dots in the name are stored as ``___``."""
    root = Path(os.path.expanduser(os.environ.get(
        "MODELSCOPE_CACHE", os.path.join("~", ".cache", "modelscope", "hub"))))
    org, _, name = model_id.partition("/")
    names = [name] if "." not in name else [name.replace(".", "___"), name]
    return [base / org / n for base in (root / "models", root) for n in names]


def _hf_cached(repo: str, revision: str | None) -> Path | None:
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id=repo, revision=revision or None,
                                      local_files_only=True))
    except Exception:  # not cached (LocalEntryNotFoundError), no huggingface_hub
        return None


def _import_role_module(role: str) -> None:
    """Import the module that registers ``role``'s backends; a role whose module does not exist
    yet is a :class:`ModelSourceError` naming it (an import error inside the module propagates)."""
    module = ROLE_MODULES[role]
    if importlib.util.find_spec(module) is None:
        raise ModelSourceError(role, f"not implemented in this version (no module {module}); "
                                     "remove the role from the profile")
    importlib.import_module(module)


def backends(role: str) -> list[str]:
    _import_role_module(role)
    return sorted(b for r, b in _BACKENDS if r == role)


def build_modelscope_pipeline(source: ResolvedSource, task: str, model_id: str, *, what: str,
                              weights: tuple[str, ...] = ("configuration.json",),
                              **kwargs: Any) -> Any:
    """A ModelScope pipeline serving the paper's model for ``source.role``.

    ``task`` is a ``modelscope.utils.constant.Tasks`` attribute name or a task string; ``what``
    names the model in errors; ``weights`` are the files the snapshot must hold (checked before
    the pipeline is built, so a partial snapshot is named, not a traceback deep inside it).
    Every failure (builtin source, a partial snapshot, no ``hub`` extra, a bad folder) is a
    :class:`ModelSourceError` naming the role and the model id.
    """
    if source.path is None:
        raise ModelSourceError(source.role, f"{what} has no built-in weights; set source: "
                                            f"modelscope:{model_id} (or a local snapshot folder)")
    try:
        from modelscope.pipelines import pipeline
        from modelscope.utils.constant import Tasks
    except ImportError as exc:
        raise ModelSourceError(source.role, f"{what} ({model_id}) needs the 'hub' extra "
                                            "(pip install 'facechain-serve[hub]'): "
                                            f"{exc}") from exc
    folder = source.path if source.path.is_dir() else source.path.parent
    missing = missing_files(folder, weights)
    if missing:
        raise ModelSourceError(source.role, f"{what}: the weights of {model_id} are incomplete "
                                            f"in {folder}: missing {', '.join(missing)}")
    try:
        return pipeline(task=getattr(Tasks, task, task), model=str(source.path), **kwargs)
    except Exception as exc:  # ModelScope raises many kinds on bad folders / missing deps
        raise ModelSourceError(source.role, f"cannot build {what} ({model_id}) from "
                                            f"{source.path}: {exc}") from exc


def require_builtin(source: ResolvedSource, backend: str, why: str) -> None:
    """For backends whose model ships inside a package (or that have none): any other source is
    a configuration error, not something to silently ignore."""
    if not source.is_builtin:
        raise ModelSourceError(source.role, f"backend {backend!r} {why}; its source must be "
                                            f"'builtin', got {source.spec!r}")
