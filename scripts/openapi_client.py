"""Generate a Python client from the app's OpenAPI document with openapi-python-client.

    .venv/bin/python scripts/openapi_client.py --out out/openapi-client

The generator lives in its own small virtualenv (it pins httpx and typer below the versions of
the project's environment), made once under ``$FACECHAIN_TOOLS_DIR`` (default
``~/.cache/facechain/tools``) and reused: creating it is the only step that needs PyPI. The
document is the app's own (``serve.ingress.app.openapi()``, no server running), and the
generator runs with ``--fail-on-warning`` and the settings of ``openapi-python-client.yaml``.
Prints one JSON object: where the client went, the generator's exit code and its output.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOL = "openapi-python-client==0.29.1"
CONFIG = Path(__file__).with_name("openapi-python-client.yaml")


def tools_dir() -> Path:
    return Path(os.environ.get("FACECHAIN_TOOLS_DIR") or Path.home() / ".cache" / "facechain" / "tools")


def tool_venv() -> Path:
    """The generator's virtualenv (created and installed on first use, under a file lock so
    concurrent callers build it once); returns its ``bin`` folder."""
    root = tools_dir()
    root.mkdir(parents=True, exist_ok=True)
    venv = root / TOOL.replace("==", "-")
    stamp = venv / ".installed"
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not stamp.is_file():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                            "--disable-pip-version-check", TOOL], check=True)
            stamp.touch()
    return venv / "bin"


def openapi_document() -> dict[str, Any]:
    """The app's OpenAPI document (imports the ingress: Ray Serve must be installed)."""
    sys.path.insert(0, str(ROOT))
    from serve.ingress import app

    return app.openapi()


def generate(document: dict[str, Any], out: Path) -> subprocess.CompletedProcess:
    """Run the generator on ``document`` into ``out`` (replaced); ``out/../openapi.json`` holds
    the document it read."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / "openapi.json"
    path.write_text(json.dumps(document, indent=1))
    return subprocess.run(
        [str(tool_venv() / "openapi-python-client"), "generate", "--path", str(path),
         "--output-path", str(out), "--meta", "none", "--config", str(CONFIG), "--overwrite",
         "--fail-on-warning"], capture_output=True, text=True, timeout=600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "openapi-client" / "facechain_serve_client")
    args = parser.parse_args(argv)
    proc = generate(openapi_document(), args.out.resolve())
    print(json.dumps({"out": str(args.out), "returncode": proc.returncode,
                      "output": (proc.stdout + proc.stderr).strip()}, indent=2))
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
