"""Paths and environment settings shared by the library.

``configs/`` (model profiles, styles, single-file configs, serve configs) and the demo photos
are package data: in the repository ``facechain/configs`` is a link to the top-level
``configs/`` folder, and an installed wheel carries a copy, so both are found through
``importlib.resources`` whatever the working directory. ``FACECHAIN_CONFIG_DIR`` overrides the
configs folder; ``FACECHAIN_CACHE`` points at the folder where built-in models and pulled styles
are kept (default ``~/.cache/facechain``).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def package_path(*parts: str) -> Path:
    """A file or folder shipped inside the ``facechain`` package, as a filesystem path (the
    package is installed as files: diffusers and the style registry read folders)."""
    return Path(os.fspath(files("facechain").joinpath(*parts)))


def config_dir() -> Path:
    """``FACECHAIN_CONFIG_DIR``, else the ``configs`` folder shipped in the package (else, for a
    checkout whose ``facechain/configs`` link was not materialised, the one beside the package)."""
    env = os.environ.get("FACECHAIN_CONFIG_DIR")
    if env:
        return Path(env)
    shipped = package_path("configs")
    return shipped if shipped.is_dir() else PACKAGE_DIR.parent / "configs"


def demo_photos_dir() -> Path:
    """The bundled sample photos (three of one person, one of another; licences in SOURCES.md)."""
    return package_path("assets", "faces")


def cache_dir() -> Path:
    env = os.environ.get("FACECHAIN_CACHE")
    path = Path(env) if env else Path.home() / ".cache" / "facechain"
    path.mkdir(parents=True, exist_ok=True)
    return path
