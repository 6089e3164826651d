"""Paths and environment settings shared by the library.

``FACECHAIN_CONFIG_DIR`` points at the ``configs/`` folder (default: the one beside the package,
i.e. the repository checkout); ``FACECHAIN_CACHE`` at the folder where built-in models are built
once (default ``~/.cache/facechain``).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    env = os.environ.get("FACECHAIN_CONFIG_DIR")
    return Path(env) if env else PACKAGE_DIR.parent / "configs"


def cache_dir() -> Path:
    env = os.environ.get("FACECHAIN_CACHE")
    path = Path(env) if env else Path.home() / ".cache" / "facechain"
    path.mkdir(parents=True, exist_ok=True)
    return path
