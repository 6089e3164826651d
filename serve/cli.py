"""``facechain`` with the ``serve`` subcommand: the library CLI plus the served graph.

    facechain serve [--config configs/serve/local.yaml] [--override FILE ...] [--port 8000]
                    [--api-keys FILE] [--set key=value ...]

starts an embedded local Ray, deploys the config's application(s) and blocks until Ctrl-C or
SIGTERM, then shuts Serve and Ray down cleanly.

    facechain loadtest [--host URL] [--scenario journey|generate|zipf] [--shape step|constant|open]
                       [--users N] [--spawn-rate R] [--duration 60s] [--out DIR] [--compare A B]

runs Locust headless against a running server and writes a report folder (loadtests/README.md);
it needs the repository's ``loadtests/`` folder (not part of the wheel). The library's own subcommands are unchanged (this
module only adds one; the library never imports the serving layer).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from facechain.cli import build_parser as library_parser
from facechain.config import config_dir

logger = logging.getLogger("facechain.serve")

DEFAULT_METRICS_PORT = 8080
WORKER_NICENESS = 0  # of every Ray worker the embedded local Ray starts (Ray's default: 15)


class OverrideError(ValueError):
    """An override file that does not fit the config it is applied to."""


# Lists whose items are matched by their ``name`` (Serve's ServeDeploySchema).
NAMED_LISTS = {"applications": "application", "deployments": "deployment"}


def merge_override(base: Any, override: Any, *, where: str = "") -> Any:
    """``override`` deep-merged onto ``base`` (neither is modified): mappings merge key by key
    (a ``null`` value deletes the key, as in a JSON merge patch), the lists ``applications`` and
    ``deployments`` merge item by item matched by ``name`` (a name the base lacks is an error),
    any other value (scalars, other lists) replaces the base's."""
    if not isinstance(override, Mapping) or not isinstance(base, Mapping):
        return override
    merged = dict(base)
    for key, value in override.items():
        at = f"{where}.{key}" if where else str(key)
        if value is None:
            merged.pop(key, None)
        elif key in NAMED_LISTS and isinstance(value, list):
            merged[key] = _merge_named(merged.get(key) or [], value, NAMED_LISTS[key], at)
        else:
            merged[key] = merge_override(merged.get(key), value, where=at)
    return merged


def _merge_named(base: list, override: list, kind: str, where: str) -> list:
    items = {item.get("name"): i for i, item in enumerate(base) if isinstance(item, Mapping)}
    merged = list(base)
    for item in override:
        name = item.get("name") if isinstance(item, Mapping) else None
        if name is None:
            raise OverrideError(f"{where}: every item needs a 'name' (the {kind} it overrides)")
        if name not in items:
            known = ", ".join(sorted(str(n) for n in items if n is not None)) or "none"
            raise OverrideError(f"{where}: no {kind} named {name!r} in the config "
                                f"(known: {known})")
        merged[items[name]] = merge_override(base[items[name]], item, where=f"{where}[{name}]")
    return merged


def load_config(path: str | Path, *, port: int | None = None,
                overrides: dict[str, Any] | None = None,
                override_files: Iterable[str | Path] = ()) -> dict:
    """A Serve config file as a dict: the ``override_files`` deep-merged onto it in order
    (:func:`merge_override`), then the app args ``overrides`` and the HTTP ``port`` set."""
    config = yaml.safe_load(Path(path).read_text())
    for file in override_files:
        try:
            override = yaml.safe_load(Path(file).read_text()) or {}
        except yaml.YAMLError as exc:
            raise OverrideError(f"{file}: not YAML: {exc}") from None
        if not isinstance(override, Mapping):
            raise OverrideError(f"{file}: an override is a mapping, like the config itself")
        try:
            config = merge_override(config, override)
        except OverrideError as exc:
            raise OverrideError(f"{file}: {exc}") from None
    if port is not None:
        config.setdefault("http_options", {})["port"] = port
    for application in config.get("applications", []):
        application.setdefault("args", {}).update(overrides or {})
    return config


def start_local_ray(*, num_cpus: int | None = None, metrics_port: int = DEFAULT_METRICS_PORT,
                    log_to_driver: bool = True) -> None:
    """Embedded local Ray: token auth off (Ray 2.60 defaults to it, which breaks the serve CLI),
    metrics exported every second on a fixed port, workers started at niceness 0 instead of
    Ray's default 15 (``worker_niceness``: else Serve's proxy, controller and the Ingress run
    as low as every model replica, and the models' own niceness, deployments/process.py, is a
    no-op). ``log_to_driver=False`` keeps the replicas' logs in Ray's session folder only (demo,
    tests)."""
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_metrics_report_interval_ms", "1000")
    import ray

    ray.init(address="local", num_cpus=num_cpus or max(4, os.cpu_count() or 1),
             include_dashboard=False, _metrics_export_port=metrics_port,
             log_to_driver=log_to_driver, _system_config={"worker_niceness": WORKER_NICENESS},
             runtime_env={"env_vars": {"FACECHAIN_ROOT": os.environ.get(
                 "FACECHAIN_ROOT", str(Path(__file__).resolve().parent.parent))}})


def deploy(config: dict, *, wait_s: float | None = 900) -> None:
    """Start Serve with the config's HTTP options and deploy its applications (as ``serve run``);
    wait up to ``wait_s`` for them to run (14 replicas loading models take a while on 2 cores)."""
    from ray.serve._private import api as serve_api
    from ray.serve.config import gRPCOptions
    from ray.serve.schema import ApplicationStatus, ServeDeploySchema

    from servekit.status import serve_status

    schema = ServeDeploySchema.model_validate(config)
    client = serve_api.serve_start(http_options=schema.http_options.model_dump(),
                                   proxy_location=schema.proxy_location,
                                   grpc_options=gRPCOptions(**schema.grpc_options.model_dump()))
    client.deploy_apps(schema, _blocking=False)
    if wait_s is None:
        return
    names = [a.name for a in schema.applications]
    deadline = time.monotonic() + wait_s
    while True:
        apps = serve_status().applications
        states = {n: apps[n].status if n in apps else None for n in names}
        if all(s == ApplicationStatus.RUNNING for s in states.values()):
            return
        failed = [n for n, s in states.items() if s == ApplicationStatus.DEPLOY_FAILED]
        if failed:
            raise RuntimeError(f"deploying {failed} failed: {apps[failed[0]].message}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"applications not running after {wait_s:.0f}s: {states}")
        time.sleep(1.0)


def auth_summary(key_files: set) -> str:
    """The start-up line that says how clients authenticate."""
    files = sorted(str(f) for f in key_files if f)
    if not files:
        return ("auth: no API keys: loopback clients only (tenant 'local'); "
                "use --api-keys FILE to serve others")
    return f"auth: API keys from {', '.join(files)} (send 'Authorization: Bearer <key>')"


def serve_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The app args that the command line sets (``--set``, ``--models``, ``--api-keys``)."""
    overrides = {}
    for item in args.set or []:
        key, _, value = item.partition("=")
        overrides[key] = yaml.safe_load(value)
    if args.models:
        overrides["models"] = args.models
    if args.api_keys:
        path = Path(args.api_keys).expanduser().resolve()
        if not path.is_file():
            raise SystemExit(f"--api-keys: no such file: {path}")
        overrides["api_keys"] = str(path)
    return overrides


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, port=args.port, overrides=serve_overrides(args),
                             override_files=args.override or [])
    except OverrideError as exc:
        raise SystemExit(f"--override: {exc}") from None
    except OSError as exc:
        raise SystemExit(f"cannot read {exc.filename}: {exc.strerror}") from None
    key_files = {a.get("args", {}).get("api_keys") for a in config.get("applications", [])}
    start_local_ray(num_cpus=args.num_cpus, metrics_port=args.metrics_port)
    import ray
    from ray import serve

    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        deploy(config)
        port = config.get("http_options", {}).get("port", 8000)
        print(f"FaceChain Serve is up: http://127.0.0.1:{port}/docs  "
              f"(metrics: :{args.metrics_port}/metrics). Ctrl-C stops it.", flush=True)
        print(auth_summary(key_files), flush=True)
        stop.wait()
    finally:
        print("shutting down ...", flush=True)
        serve.shutdown()
        ray.shutdown()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = library_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    p = sub.add_parser("serve", help="run the served graph on an embedded local Ray")
    p.add_argument("--config", default=str(config_dir() / "serve" / "local.yaml"),
                   help="Serve config file (configs/serve/*.yaml)")
    p.add_argument("--override", action="append", metavar="FILE",
                   help="YAML deep-merged onto the config, in order (applications and "
                        "deployments matched by name; e.g. configs/serve/overrides/*.yaml)")
    p.add_argument("--port", type=int, default=None, help="HTTP port (default: the config's)")
    p.add_argument("--num-cpus", type=int, default=None, help="logical CPUs for the local Ray")
    p.add_argument("--metrics-port", type=int, default=DEFAULT_METRICS_PORT)
    p.add_argument("--api-keys", default=None, metavar="FILE",
                   help="API key file, YAML of tenant: key (or sha256:<hex>); without it only "
                        "loopback clients are served, as tenant 'local'")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="override an application arg (e.g. --set job_store=/tmp/jobs.db)")
    p.set_defaults(func=cmd_serve)
    add_loadtest_parser(sub)
    return parser


def _loadtest_steps(text: str) -> list[tuple[int, float]]:
    try:
        return _loadtests_module("shapes").parse_steps(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _loadtest_duration(text: str) -> float:
    try:
        return _loadtests_module("shapes").parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(kind):
    def check(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text}: must be > 0")
        return value
    return check


def _json_object(text: str) -> dict:
    import json

    try:
        value = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise argparse.ArgumentTypeError("a JSON object, e.g. '{\"steps\": 5}'")
    return value


def add_loadtest_parser(sub) -> argparse.ArgumentParser:
    """The ``loadtest`` subcommand's arguments (its code lives in loadtests/loadtest.py)."""
    p = sub.add_parser("loadtest", help="Locust load test of a running server, with a report folder")
    p.add_argument("--host", default="http://127.0.0.1:8000", help="the running server's base URL")
    p.add_argument("--scenario", choices=("journey", "generate", "zipf"), default="journey",
                   help="journey: faces, train, poll, generate, inpaint, talk; generate: the hot "
                        "path on a pre-trained LoRA; zipf: generate over several LoRAs, Zipf(1.1)")
    p.add_argument("--shape", choices=("constant", "step", "open"), default="constant",
                   help="constant: --users for --duration; step: --steps (default: 1, --users, 1 "
                        "user over 20/40/40%% of --duration); open: --rate requests/s, open loop")
    p.add_argument("--users", type=_positive(int), default=4, help="users (peak users for step)")
    p.add_argument("--spawn-rate", type=_positive(float), default=1.0, help="users started per second")
    p.add_argument("--duration", type=_loadtest_duration, default=60.0, help="e.g. 90, 20s, 3m")
    p.add_argument("--steps", type=_loadtest_steps, default=None, metavar="U:S,...",
                   help="step stages users:seconds, e.g. 1:40,6:100,1:100 (overrides --duration)")
    p.add_argument("--rate", type=_positive(float), default=2.0,
                   help="open shape: requests started per second, whatever the answers")
    p.add_argument("--think-s", type=float, default=0.0,
                   help="generate/zipf: pause between a user's requests (0: closed loop)")
    p.add_argument("--loras", type=_positive(int), default=4, help="zipf: LoRAs to train and mix")
    p.add_argument("--zipf-s", type=_positive(float), default=1.1, help="zipf: the exponent")
    p.add_argument("--lora-ids", type=lambda t: [x for x in t.split(",") if x], default=None,
                   metavar="ID,...", help="generate/zipf: existing LoRA ids instead of training")
    p.add_argument("--lora-options", type=_json_object, default=None, metavar="JSON",
                   help="training options of the LoRAs trained for the run (default {\"steps\": 5})")
    p.add_argument("--keep-loras", action="store_true", help="keep the LoRAs trained for the run")
    p.add_argument("--api-key", default=os.environ.get("FACECHAIN_API_KEY"),
                   help="Bearer key (default $FACECHAIN_API_KEY; loopback needs none; replica "
                        "samples from /metrics need an admin key)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="report folder (default out/loadtest; with --compare: where compare.html goes)")
    p.add_argument("--window", type=_positive(float), default=10.0,
                   help="seconds per window of the stability rule")
    p.add_argument("--ready-timeout", type=float, default=60.0, help="seconds to wait for /readyz")
    p.add_argument("--loglevel", default="WARNING", help="Locust's log level")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"), default=None,
                   help="only write compare.html: two report folders side by side")
    p.set_defaults(func=cmd_loadtest)
    return p


def _loadtests_module(name: str):
    """``loadtests.<name>`` from the repository (FACECHAIN_ROOT or this checkout)."""
    import importlib

    root = Path(os.environ.get("FACECHAIN_ROOT") or Path(__file__).resolve().parent.parent)
    if not (root / "loadtests" / "locustfile.py").is_file():
        raise SystemExit(f"facechain loadtest needs the repository's loadtests/ folder (not in {root})")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"loadtests.{name}")


def cmd_loadtest(args: argparse.Namespace) -> int:
    if args.compare is None and args.out is None:
        args.out = "out/loadtest"
    if args.shape == "open" and args.scenario == "journey":
        raise SystemExit("--shape open drives the generate or zipf scenario, not journey")
    return _loadtests_module("loadtest").run(args)


def main(argv: list[str] | None = None) -> int:
    from facechain.cli import run

    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
