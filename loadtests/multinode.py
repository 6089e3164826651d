"""The cluster config on a real two-node Ray cluster on one host, and the loss of its worker node.

Starts a head and a worker node as two ``ray start`` processes (each its own ``--temp-dir``,
ports, ``--num-cpus``, logical ``--num-gpus``; the head alone has the custom resource
``facechain_state``), deploys ``configs/serve/gpu-cluster.yaml`` with the override
``configs/serve/overrides/cpu-two-node.yaml`` (CPU device, small replica counts; job store and
artifacts in a temp dir, a free HTTP port), trains one tiny LoRA through HTTP, then reports:

- placement: per deployment, its running replicas per node (GCS actor table), the Serve
  controller and proxies, the Ingress (pinned to the head by ``facechain_state``), the job runner
  (in the Ingress replica: ``job_runner: ingress``) and the processes that hold the SQLite job
  store open, each with its node;
- requests served per node: Serve's own per-replica counter
  ``serve_deployment_request_counter``, scraped from each node's metrics port (every node exports
  only its own processes' metrics), during a closed-loop ``POST /v1/generate`` load;
- the worker stopped under that load (its raylet and every process under it SIGTERMed, as
  ``ray stop`` does on a host, SIGKILL after a grace period; ``--signal kill`` for a crash):
  statuses before / spanning / after the stop, the seconds until a generate sent after it
  succeeds, until the GCS marks the node dead and until every deployment runs its replicas again
  (now all on the head), and what was lost: the worker's replicas per deployment and the
  requests in flight.

``--short`` is the test suite's form (tests/serve/test_multinode.py). Both nodes are always torn
down on exit (this process is their subreaper; nothing else on the host is touched: no global
``ray stop``). One JSON object on stdout; Ray's output goes to stderr. Nothing is asserted here.

    .venv/bin/python loadtests/multinode.py [--short] [--signal term|kill]
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import ctypes
import json
import logging
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `loadtests` when run as a script

from facechain.client import Client  # noqa: E402
from loadtests.chaos import (  # noqa: E402
    REJECTED,
    ClosedLoop,
    _actors,
    pct,
    post_generate,
    start_training,
    statuses,
    wait_http,
    wait_job,
)
from serve.cli import deploy, load_config  # noqa: E402
from serve.harness import free_port  # noqa: E402
from servekit.status import serve_status  # noqa: E402

logger = logging.getLogger("facechain.multinode")

APP = "facechain"
CONFIG = ROOT / "configs" / "serve" / "gpu-cluster.yaml"
OVERRIDE = ROOT / "configs" / "serve" / "overrides" / "cpu-two-node.yaml"
STATE_RESOURCE = "facechain_state"
# Deployments that are not models: the HTTP front (and job runner) and Serve's own actors.
NOT_MODELS = ("Ingress", "JobRunner")
REQUEST_COUNTER = "ray_serve_deployment_request_counter_total"
HTTP_COUNTER = "ray_serve_num_http_requests_total"

NODES = {
    # logical CPUs / GPUs of each `ray start` (see the override's header)
    "head": {"num_cpus": 3, "num_gpus": 3, "resources": {STATE_RESOURCE: 8}},
    "worker": {"num_cpus": 2, "num_gpus": 2, "resources": {}},
}
PROFILES = {
    # clients per LoRA; the short form does not wait for the lost replicas to be replaced
    "short": {"clients": 1, "before_stop_s": 6.0, "ready_wait_s": 90.0, "after_recovery_s": 3.0,
              "recovery_wait_s": 90.0, "grace_s": 10.0, "train_steps": 2,
              "wait_replaced": False},
    "full": {"clients": 2, "before_stop_s": 20.0, "ready_wait_s": 120.0, "after_recovery_s": 15.0,
             "recovery_wait_s": 180.0, "grace_s": 10.0, "train_steps": 3,
             "wait_replaced": True},
}
# Two users' LoRAs: Serve routes a multiplexed LoRA to the Diffusion replica that holds it, so one
# LoRA alone would keep one of the two replicas idle.
USERS = 2
GENERATE = {"num_images": 1, "top_k": 1, "steps": 3, "width": 64, "height": 64, "seed": 7}


def become_subreaper() -> None:
    """Orphaned descendants (the daemons ``ray start`` leaves behind) are re-parented to this
    process rather than to init, so teardown finds every process of both nodes."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _ray_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "RAY_AUTH_MODE": "disabled", "RAY_metrics_report_interval_ms": "1000",
            "RAY_USAGE_STATS_ENABLED": "0", "FACECHAIN_ROOT": str(ROOT),
            "PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


class Node:
    """One ``ray start`` of the cluster: its temp dir and ports."""

    def __init__(self, name: str, tmp: Path, spec: dict):
        self.name, self.spec = name, spec
        self.temp_dir = tmp / name
        self.ports = {k: free_port() for k in (
            "node-manager-port", "object-manager-port", "metrics-export-port",
            "dashboard-agent-listen-port", "dashboard-agent-grpc-port", "runtime-env-agent-port")}
        self.node_id: str | None = None

    @property
    def metrics_port(self) -> int:
        return self.ports["metrics-export-port"]

    def start_args(self) -> list[str]:
        args = ["--node-ip-address", "127.0.0.1", "--node-name", self.name,
                "--temp-dir", str(self.temp_dir), "--num-cpus", str(self.spec["num_cpus"]),
                "--num-gpus", str(self.spec["num_gpus"]), "--object-store-memory", str(300 << 20),
                "--disable-usage-stats"]
        if self.spec["resources"]:
            args += ["--resources", json.dumps(self.spec["resources"])]
        for flag, port in self.ports.items():
            args += [f"--{flag}", str(port)]
        return args

    def processes(self) -> list[psutil.Process]:
        """This node's raylet, every process under it (workers, agents) and the node's other
        daemons (their command line names its temp dir)."""
        mine = str(self.temp_dir)
        port = f"--node_manager_port={self.ports['node-manager-port']}"
        found: dict[int, psutil.Process] = {}
        for proc in psutil.process_iter(["cmdline"]):
            cmd = " ".join(proc.info["cmdline"] or [])
            if mine in cmd or port in cmd:
                found[proc.pid] = proc
                try:
                    found.update({c.pid: c for c in proc.children(recursive=True)})
                except psutil.NoSuchProcess:
                    pass
        found.pop(os.getpid(), None)
        return list(found.values())


class TwoNodeCluster:
    """A head and a worker ``ray start``-ed on this host under one temp dir."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.gcs_port = free_port()
        self.client_port = free_port()
        self.head = Node("head", tmp, NODES["head"])
        self.worker = Node("worker", tmp, NODES["worker"])
        self.address = f"127.0.0.1:{self.gcs_port}"

    def _ray_start(self, args: list[str]) -> None:
        ray_bin = Path(sys.executable).with_name("ray")
        cmd = [str(ray_bin) if ray_bin.exists() else "ray", "start", *args]
        proc = subprocess.run(cmd, env=_ray_env(), stdout=sys.stderr, stderr=sys.stderr,
                              timeout=180)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")

    def start(self) -> None:
        self._ray_start(["--head", "--port", str(self.gcs_port), "--include-dashboard", "false",
                         "--ray-client-server-port", str(self.client_port),
                         *self.head.start_args()])
        self._ray_start(["--address", self.address, *self.worker.start_args()])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            names = {n: i for n, i in self._alive_nodes().items()}
            if {"head", "worker"} <= set(names):
                self.head.node_id, self.worker.node_id = names["head"], names["worker"]
                return
            time.sleep(0.5)
        raise TimeoutError("the worker node never joined")

    def _alive_nodes(self) -> dict[str, str]:
        import ray

        if not ray.is_initialized():
            ray.init(address=self.address, log_to_driver=False,
                     _node_ip_address="127.0.0.1")
        return {n["NodeName"]: n["NodeID"] for n in ray.nodes() if n["Alive"]}

    def node_name(self, node_id: str) -> str:
        return {self.head.node_id: "head", self.worker.node_id: "worker"}.get(node_id, node_id)

    def stop_worker(self, sig: signal.Signals, grace_s: float) -> dict:
        """``ray stop`` for the worker node only: ``sig`` to its processes, SIGKILL to those
        left after ``grace_s``."""
        procs = self.worker.processes()
        names = sorted({_proc_name(p) for p in procs})
        for p in procs:
            _signal(p, sig)
        _, alive = psutil.wait_procs(procs, timeout=grace_s)
        for p in alive:
            _signal(p, signal.SIGKILL)
        return {"signal": sig.name, "processes": len(procs), "killed_after_grace": len(alive),
                "process_kinds": names}

    def teardown(self) -> None:
        """Both nodes down: every descendant of this process and every process naming the
        cluster's temp dir; SIGTERM, then SIGKILL."""
        procs = {p.pid: p for node in (self.head, self.worker) for p in node.processes()}
        try:
            procs.update({c.pid: c for c in psutil.Process().children(recursive=True)})
        except psutil.NoSuchProcess:
            pass
        for p in procs.values():
            _signal(p, signal.SIGTERM)
        _, alive = psutil.wait_procs(list(procs.values()), timeout=10)
        for p in alive:
            _signal(p, signal.SIGKILL)
        psutil.wait_procs(alive, timeout=5)


def _signal(proc: psutil.Process, sig: signal.Signals) -> None:
    try:
        proc.send_signal(sig)
    except psutil.NoSuchProcess:
        pass


def _proc_name(proc: psutil.Process) -> str:
    try:
        cmd = proc.cmdline()
    except psutil.Error:
        return "?"
    head = cmd[0] if cmd else proc.name()
    if head.startswith("ray::"):
        return head.split(":", 4)[-1] if head.startswith("ray::ServeReplica") else head
    script = next((Path(c).name for c in cmd[1:3] if c.endswith(".py")), None)
    return script or Path(head).name


# -- placement and per-node figures --------------------------------------------------------------


def serve_actors(cluster: TwoNodeCluster, state: str = "ALIVE") -> list[dict]:
    """Serve's actors in ``state``: kind (deployment name, ``ServeController``, ``ProxyActor``),
    node, actor id, PID."""
    out = []
    for a in _actors(state):
        cls = str(a["ActorClassName"])
        if cls.startswith(f"ServeReplica:{APP}:"):
            kind = cls.rsplit(":", 1)[-1]
        elif cls in ("ServeController", "ProxyActor"):
            kind = cls
        else:
            continue
        node = (a.get("Address") or {}).get("NodeID")
        out.append({"kind": kind, "node": cluster.node_name(node), "actor_id": a["ActorID"],
                    "pid": int(a.get("Pid") or 0), "death": str(a.get("DeathCause") or "")})
    return out


def placement(actors: list[dict]) -> dict[str, dict[str, int]]:
    """kind -> node -> live actors."""
    out: dict[str, dict[str, int]] = {}
    for a in actors:
        per_node = out.setdefault(a["kind"], {})
        per_node[a["node"]] = per_node.get(a["node"], 0) + 1
    return dict(sorted(out.items()))


def job_store_holders(path: Path, actors: list[dict]) -> list[dict]:
    """Processes that hold the SQLite job store open (or its WAL), with their Serve actor."""
    by_pid = {a["pid"]: a for a in actors}
    out = []
    for proc in psutil.process_iter():
        try:
            files = [f.path for f in proc.open_files()]
        except psutil.Error:
            continue
        if any(f.startswith(str(path)) for f in files):
            actor = by_pid.get(proc.pid, {})
            out.append({"pid": proc.pid, "actor": actor.get("kind", _proc_name(proc)),
                        "node": actor.get("node")})
    return out


def scrape(port: int) -> list[tuple[str, dict, float]]:
    from prometheus_client.parser import text_string_to_metric_families

    try:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    except httpx.HTTPError:
        return []
    return [(s.name, s.labels, s.value) for fam in text_string_to_metric_families(text)
            for s in fam.samples]


def served_by_node(cluster: TwoNodeCluster) -> dict[str, dict]:
    """Per node, from its own metrics port: requests handled by each deployment's replicas there
    (Serve's per-replica request counter) and HTTP requests its proxy received."""
    out = {}
    for node in (cluster.head, cluster.worker):
        per_dep: dict[str, float] = {}
        replicas: set[str] = set()
        http = 0.0
        for name, labels, value in scrape(node.metrics_port):
            if name == REQUEST_COUNTER and labels.get("application") == APP:
                dep = labels.get("deployment", "?")
                per_dep[dep] = per_dep.get(dep, 0) + value
                replicas.add(labels.get("replica", "?"))
            elif name == HTTP_COUNTER:
                http += value
        out[node.name] = {"requests": {k: int(v) for k, v in sorted(per_dep.items())},
                          "model_requests": int(sum(v for k, v in per_dep.items()
                                                    if k not in NOT_MODELS)),
                          "replicas_counting": len(replicas), "proxy_http_requests": int(http)}
    return out


def cluster_memory_gb(cluster: TwoNodeCluster) -> float:
    """Proportional set size of every process of both nodes (shared pages counted once)."""
    total = 0
    procs = {p.pid: p for node in (cluster.head, cluster.worker) for p in node.processes()}
    for p in procs.values():
        try:
            total += p.memory_full_info().pss
        except psutil.Error:
            pass
    return round(total / 2**30, 2)


def deployment_states() -> dict[str, dict]:
    app = serve_status().applications.get(APP)
    if app is None:
        return {}
    return {name: {"status": str(d.status.value if hasattr(d.status, "value") else d.status),
                   "replicas": {str(getattr(k, "value", k)): int(v)
                                for k, v in (d.replica_states or {}).items()}}
            for name, d in app.deployments.items()}


def app_status() -> str:
    app = serve_status().applications.get(APP)
    return str(getattr(app.status, "value", app.status)) if app else "MISSING"


# -- the drill -----------------------------------------------------------------------------------


def _death_cause(text: str) -> str:
    """The error message of a GCS death cause (protobuf text), on one line."""
    found = re.search(r'error_message: "((?:[^"\\]|\\.)*)"', text)
    message = codecs.decode(found.group(1), "unicode_escape") if found else text
    return " ".join(message.replace("\\'", "'").split())[:300]


def _diff(after: dict, before: dict) -> dict:
    """Per node: the requests per deployment counted between two :func:`served_by_node`."""
    out = {}
    for node, now in after.items():
        then = before.get(node, {}).get("requests", {})
        requests = {k: v - then.get(k, 0) for k, v in now["requests"].items() if v > then.get(k, 0)}
        out[node] = {"requests": requests, "model_requests": sum(
            v for k, v in requests.items() if k not in NOT_MODELS)}
    return out


def _samples_of(load: ClosedLoop) -> list:
    with load._lock:
        return list(load.samples)


def stop_worker_under_load(cluster: TwoNodeCluster, base_url: str, bodies: list[dict], p: dict,
                           sig: signal.Signals) -> dict:
    """Closed-loop generates (``p["clients"]`` per LoRA), the worker stopped under them."""
    before_actors = serve_actors(cluster)
    worker_replicas = [a for a in before_actors if a["node"] == "worker"
                       and a["kind"] not in ("ServeController", "ProxyActor")]
    counted_before = served_by_node(cluster)
    with contextlib.ExitStack() as stack:
        loads = [stack.enter_context(ClosedLoop(base_url, body, p["clients"])) for body in bodies]

        def samples() -> list:
            return [x for load in loads for x in _samples_of(load)]

        # at least before_stop_s, and until every load has had an answer (a slow machine's first
        # generates, loading their LoRA, can outlast the fixed wait; then "served before the
        # stop" would be empty), at most ready_wait_s
        started = time.monotonic()
        while time.monotonic() - started < p["ready_wait_s"]:
            waited = time.monotonic() - started >= p["before_stop_s"]
            answered = all(any(x.status == 200 for x in _samples_of(load)) for load in loads)
            if waited and answered:
                break
            time.sleep(0.25)
        time.sleep(1.5)  # a metrics report (1 s) past the load's start
        counted_at_stop = served_by_node(cluster)
        t_stop = time.monotonic()
        load_s = t_stop - started
        in_flight = 0
        for load in loads:
            with load._lock:
                in_flight += len(load.in_flight)
        stopped = cluster.stop_worker(sig, p["grace_s"])
        logger.info("stopped the worker node: %s (%d requests in flight)", stopped, in_flight)
        node_dead_at = recovered_at = running_at = None
        deadline = t_stop + p["recovery_wait_s"]
        while time.monotonic() < deadline:
            now = time.monotonic()
            if node_dead_at is None and "worker" not in cluster._alive_nodes():
                node_dead_at = now
            if recovered_at is None:
                ok = [x.ended for x in samples() if x.started > t_stop and x.status == 200]
                recovered_at = min(ok) if ok else None
            if running_at is None and node_dead_at is not None and p["wait_replaced"] and \
                    app_status() == "RUNNING" and _replaced(worker_replicas, serve_actors(cluster)):
                running_at = now
            if recovered_at is not None and (running_at is not None or not p["wait_replaced"]):
                break
            time.sleep(0.5)
        time.sleep(p["after_recovery_s"])  # steady load on the head alone
    every = samples()
    before = [x for x in every if x.ended <= t_stop]
    spanning = [x for x in every if x.started <= t_stop < x.ended]
    after = [x for x in every if x.started > t_stop]
    unexpected = [x for x in every if x.status >= 500 and x.status != 503]
    after_actors = serve_actors(cluster)
    dead = {a["actor_id"]: a for a in serve_actors(cluster, "DEAD")}
    lost = [dead.get(a["actor_id"], a) for a in worker_replicas]

    def since(t: float | None) -> float | None:
        return round(t - t_stop, 2) if t is not None else None

    return {
        "loras": len(bodies), "clients_per_lora": p["clients"], "stop": stopped,
        "requests": len(every), "load_before_stop_s": round(load_s, 1),
        "statuses_before_stop": statuses(before),
        "in_flight_at_stop": in_flight, "in_flight_outcome": statuses(spanning),
        "statuses_after_stop": statuses(after),
        "latency_ms": {name: {"p50": pct(ms, 50), "p99": pct(ms, 99), "max": pct(ms, 100)}
                       for name, ms in (("before_stop", [x.ms for x in before if x.status == 200]),
                                        ("after_stop", [x.ms for x in after if x.status == 200]))},
        "connection_errors": sum(x.status == 0 for x in every if x.ended > t_stop),
        "unexpected_5xx": statuses(unexpected),
        "rejected_after_stop": sum(x.status in REJECTED for x in after),
        "served_under_load": _diff(counted_at_stop, counted_before),
        "served_before_stop": counted_at_stop,
        "node_dead_after_s": since(node_dead_at),
        "recovery_s": since(recovered_at), "recovered": recovered_at is not None,
        "replicas_replaced_after_s": since(running_at),
        "lost": {"replicas": placement([{**a, "node": "worker"} for a in lost]),
                 "replica_death_causes": sorted({_death_cause(a["death"])
                                                 for a in lost if a.get("death")}),
                 "in_flight_requests": in_flight,
                 "in_flight_failed": sum(x.status != 200 for x in spanning),
                 "failed_after_stop": sum(x.status != 200 for x in after)},
        "placement_after": placement(after_actors),
        "deployments_after": deployment_states(), "app_status_after": app_status(),
    }


def _replaced(lost: list[dict], live: list[dict]) -> bool:
    """Every deployment that lost replicas runs as many again, none of them on the worker."""
    need: dict[str, int] = {}
    for a in lost:
        need[a["kind"]] = need.get(a["kind"], 0) + 1
    have = placement(live)
    return all(have.get(k, {}).get("head", 0) >= n for k, n in need.items()) and \
        not any("worker" in nodes for nodes in have.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="the test suite's form")
    parser.add_argument("--signal", choices=("term", "kill"), default="term",
                        help="term: stop the worker as `ray stop` does; kill: crash it")
    args = parser.parse_args(argv)
    p = PROFILES["short" if args.short else "full"]
    sig = signal.SIGTERM if args.signal == "term" else signal.SIGKILL
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for key, value in _ray_env().items():
        if key.startswith("RAY_") or key == "FACECHAIN_ROOT":
            os.environ[key] = value

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="fcmn-", dir="/tmp"))  # short: Ray's socket paths
    job_store = tmp / "state" / "jobs.sqlite3"
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    config = load_config(CONFIG, port=port, override_files=[OVERRIDE], overrides={
        "job_store": str(job_store), "artifacts": str(tmp / "artifacts")})
    result: dict = {"mode": "short" if args.short else "full", "profile": p,
                    "config": str(CONFIG.relative_to(ROOT)),
                    "override": str(OVERRIDE.relative_to(ROOT)),
                    "machine": {"cpus": os.cpu_count(), "platform": platform.platform()}}
    sys.stdout.flush()
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # Ray's lines go to stderr: stdout holds exactly the JSON
    become_subreaper()
    cluster = TwoNodeCluster(tmp)
    try:
        t0 = time.perf_counter()
        cluster.start()
        result["cluster_start_s"] = round(time.perf_counter() - t0, 1)
        result["nodes"] = {n.name: {"node_id": n.node_id, **n.spec, "temp_dir": str(n.temp_dir),
                                    "metrics_port": n.metrics_port}
                           for n in (cluster.head, cluster.worker)}
        t0 = time.perf_counter()
        deploy(config)
        wait_http(base_url)
        result["deploy_s"] = round(time.perf_counter() - t0, 1)
        with Client(base_url, timeout=60) as client:
            t0 = time.perf_counter()
            accepted = [start_training(client, steps=p["train_steps"], seed=1 + i)
                        for i in range(USERS)]
            for a in accepted:
                job = wait_job(client, a["job_id"], 900)
                if job.get("state") != "succeeded":
                    raise RuntimeError(f"training failed: {job}")
            result["train_s"] = round(time.perf_counter() - t0, 1)
            bodies = [{"lora_id": a["lora_id"], **GENERATE} for a in accepted]
            # one generate per LoRA, one after the other: the second LoRA is loaded while the
            # first is held, so the router gives it the replica with fewer adapters
            result["warm_generate"] = [post_generate(client, b).status for b in bodies]
        actors = serve_actors(cluster)
        ingress = [a["node"] for a in actors if a["kind"] == "Ingress"]
        result["placement"] = placement(actors)
        result["model_replicas_by_node"] = {n: sum(
            per.get(n, 0) for kind, per in result["placement"].items()
            if kind not in (*NOT_MODELS, "ServeController", "ProxyActor")) for n in ("head", "worker")}
        result["ingress_nodes"] = ingress
        result["job_runner"] = {"mode": config["applications"][0]["args"].get(
            "job_runner", "ingress"), "nodes": ingress}
        result["job_store"] = {"path": str(job_store),
                               "opened_by": job_store_holders(job_store, actors)}
        result["cluster_memory_gb"] = cluster_memory_gb(cluster)
        result["drill"] = stop_worker_under_load(cluster, base_url, bodies, p, sig)
    except Exception as exc:
        logger.exception("multinode run failed")
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        import ray

        ray.shutdown()
        cluster.teardown()
        shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
        os.close(real_stdout)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
