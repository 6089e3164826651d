"""The serving packages are layered: serve -> deployments -> servekit -> facechain.

The contracts live in ``.importlinter``; this runs them so ``pytest`` alone catches a deployment
that imports the ingress package (or servekit importing either serving package).
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = ("library-is-standalone", "serving-layers", "deployments-never-import-serve")


def test_importlinter_declares_the_serving_layers():
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    layers = config["importlinter:contract:serving-layers"]
    assert layers["type"] == "layers"
    assert layers["layers"].split() == ["serve", "deployments", "servekit"]
    never = config["importlinter:contract:deployments-never-import-serve"]
    assert never["source_modules"].split() == ["deployments"]
    assert never["forbidden_modules"].split() == ["serve"]


def test_import_contracts_are_kept():
    pytest.importorskip("importlinter.cli")
    # a child process: import-linter changes logging settings of the process it runs in
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filename={str(ROOT / '.importlinter')!r}, no_cache=True, "
            f"limit_to_contracts={CONTRACTS!r}, no_logo=True))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
