"""Talking head: CPU seconds per second of video, per stage, with and without the x2
enhancement, and the lip-sync figures of every output (the benchmark doubles as the quality
report).

Library side: :func:`facechain.pipelines.talk.talk` with ``LocalComponents()``, one torch thread
and one x264 thread (as the ``TalkingHead`` replica runs), on ``--portrait`` (a bundled photo),
for each configuration of ``--configs`` (``crop256``, ``crop512``, ``full``: preprocess / size)
with enhance off, and with enhance on for the configurations of ``--enhance`` (default crop256
only: the Real-ESRGAN ncnn x2 costs ~0.3 s per 256 px frame on 2 cores, and a full photo x2 is a
4x larger frame to encode), each spoken twice:

- ``tts``: ``--text`` through the ``tts`` role (Piper, with exact phoneme timings);
- ``upload``: the first ``--seconds`` (default 6.5, which holds its 0.4 s pause) of
  ``tests/fixtures/speech/espeak_upload.wav`` (an espeak stand-in for a recording, no phoneme
  timings) as wav bytes, decoded by the shipped ffmpeg.

CPU is measured honestly rather than read off the pipeline's ``timings`` (wall seconds): the
stages run one after another (the pipeline awaits each), so a ledger charges the process's CPU
time (``time.process_time``: every thread of this process, ONNX/ncnn/MediaPipe worker threads
included) between stage boundaries to the stage in progress, plus the CPU of the child processes
(``getrusage(RUSAGE_CHILDREN)``: the ffmpeg encoder, muxer and probe, and the upload's ffmpeg
decoder) that ended inside it. The boundaries are marked by thin wrappers around the components
(``synthesize``, ``check_portrait``, each frame of ``animate``, ``enhance``); the pipeline itself
is the library's, unchanged. Stages: ``speech`` (TTS, or the upload's decode and resampling),
``portrait`` (the face check and mesh), ``driving`` (signals), ``render``, ``enhance`` and
``encode`` (frame conversion and pipe writes here, plus all of x264/AAC/mux/probe, which run in
ffmpeg children streaming beside the render). Each is reported as CPU seconds, CPU seconds per
second of video and wall seconds (the pipeline's ``timings``); the whole run as wall, process
CPU and children CPU. The animator caches the last prepared portrait: the cache is cleared
before every run so each pays its portrait check. One warm-up run first (models loaded: Piper,
the MediaPipe mesh, Real-ESRGAN), not counted.

Quality: :func:`facechain.talk.lipsync.lip_sync_report` on the decoded mp4
(:func:`facechain.media.video.read_frames`) against the driving speech: ``best_lag`` (frames, >
0 = mouth late), ``r_best``, ``silence_p90`` (aperture inside silences > 300 ms; None when the
clip has none, as one TTS sentence has none), ``bilabial_rate`` (TTS only: share of /p b m/ closed), ``identity_max`` (dlib
distance to the portrait), blinks per minute, and the probe (codec, pix_fmt, duration).

``--served``: the same speech through ``POST /v1/talk`` of the local Ray Serve graph
(``configs/serve/local.yaml``, free ports, job store and artifacts in a temp dir) for the
crop256 configurations: wall seconds from the POST to the job's end, then the download, and a
probe of the downloaded video (it must play: h264 / yuv420p / aac); one warm-up job first.

Prints one JSON object on stdout (logs go to stderr); nothing is asserted (the numbers depend
on the machine and its load).

    .venv/bin/python benchmarks/talk_bench.py [--configs crop256 crop512 full]
        [--enhance crop256] [--seconds 6.5] [--text "..."] [--portrait biden.jpg] [--served]
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import platform
import resource
import shutil
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `serve`, `servekit` when run as a script

from facechain.client import Client  # noqa: E402
from serve.harness import json_stdout, local_graph  # noqa: E402

logger = logging.getLogger("facechain.bench.talk")

SEED = 7
CONFIGS = {"crop256": {"preprocess": "crop", "size": 256},
           "crop512": {"preprocess": "crop", "size": 512},
           "full": {"preprocess": "full", "size": 256}}
STAGES = ("speech", "portrait", "driving", "render", "enhance", "encode")
UPLOAD = ROOT / "tests" / "fixtures" / "speech" / "espeak_upload.wav"
DEFAULT_TEXT = "Bob met Pam by the beach. Maybe we will play ball before it gets dark."


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class CpuLedger:
    """Charges process CPU and ended-children CPU to the stage in progress (stages run one at a
    time; :meth:`switch` marks a boundary, from any thread)."""

    def __init__(self):
        self.own = {s: 0.0 for s in STAGES}
        self.children = {s: 0.0 for s in STAGES}
        self.stage: str | None = None
        self._lock = threading.Lock()
        self._own0, self._kids0 = time.process_time(), _children_cpu()

    def switch(self, stage: str | None) -> None:
        with self._lock:
            own, kids = time.process_time(), _children_cpu()
            if self.stage is not None:
                self.own[self.stage] += own - self._own0
                self.children[self.stage] += kids - self._kids0
            self._own0, self._kids0, self.stage = own, kids, stage


class _MeteredHead:
    """The ``talking_head`` animator with stage boundaries at the check and at each frame."""

    def __init__(self, head: Any, ledger: CpuLedger):
        self.head, self.ledger = head, ledger

    def check_portrait(self, portrait, params):
        self.ledger.switch("portrait")
        try:
            return self.head.check_portrait(portrait, params)
        finally:
            self.ledger.switch("driving")

    def animate(self, *args, **kwargs) -> Iterator:
        frames = self.head.animate(*args, **kwargs)  # prepares (cached by the check): driving
        ledger = self.ledger

        def metered():
            while True:
                ledger.switch("render")
                try:
                    frame = next(frames)
                except StopIteration:
                    return
                finally:
                    ledger.switch("encode")
                yield frame

        return metered()


class MeteredComponents:
    """``LocalComponents`` seen by the talk pipeline, marking stage boundaries for a ledger."""

    def __init__(self, inner: Any, ledger: CpuLedger):
        self.inner, self.ledger = inner, ledger

    def component(self, role: str) -> Any:
        part = self.inner.component(role)
        return _MeteredHead(part, self.ledger) if role == "talking_head" else part

    async def synthesize(self, text, voice=None, seed=None):
        return await self.inner.synthesize(text, voice, seed)  # the ledger is on "speech"

    async def enhance(self, frames, boxes=None):
        self.ledger.switch("enhance")
        try:
            return await self.inner.enhance(frames, boxes)
        finally:
            self.ledger.switch("encode")


def upload_bytes(seconds: float) -> bytes:
    """The first ``seconds`` of the espeak upload fixture, as wav bytes."""
    with wave.open(str(UPLOAD)) as w:
        params = w.getparams()
        data = w.readframes(min(w.getnframes(), int(round(seconds * w.getframerate()))))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setparams(params)
        out.writeframes(data)
    return buf.getvalue()


def _r(v: float | None, nd: int = 3) -> float | None:
    return None if v is None else round(float(v), nd)


def quality(path: Path, audio, portrait) -> dict:
    """The lip-sync figures of a rendered mp4 (decoded back from the file)."""
    from facechain.media.video import read_frames
    from facechain.talk.lipsync import lip_sync_report

    frames = list(read_frames(path))
    rep = lip_sync_report(frames, audio, source_image=portrait)
    bilabial = rep.get("bilabial") or {}
    ident = rep.get("identity") or {}
    return {"best_lag": rep["sync"]["best_lag"], "r_best": _r(rep["sync"]["r_best"]),
            "r0": _r(rep["sync"]["r0"]), "confidence": _r(rep["sync"]["confidence"]),
            "silence_frames": rep["silence"]["frames"], "silence_p90": _r(rep["silence"]["p90"], 4),
            "bilabial_rate": _r(bilabial.get("rate")), "bilabial_count": bilabial.get("count"),
            "identity_max": _r(ident.get("max")), "identity_mean": _r(ident.get("mean")),
            "identity_checked": ident.get("checked"), "face_found_rate": _r(rep["face_found_rate"]),
            "aperture_p50": _r(rep["aperture"]["p50"], 4), "aperture_p95": _r(rep["aperture"]["p95"], 4),
            "blinks_per_minute": _r(rep["blinks_per_minute"], 1)}


def library_run(components, portrait, speech, params, out_path: Path) -> tuple[dict, Any]:
    """One metered render; the per-stage CPU and wall figures and the pipeline's output."""
    from facechain.pipelines.talk import talk

    head = components.component("talking_head")
    if hasattr(head, "_cache"):
        head._cache = None  # every run pays its portrait check (see the module docstring)
    ledger = CpuLedger()
    wall0, own0, kids0 = time.perf_counter(), time.process_time(), _children_cpu()
    ledger.switch("speech")
    out = talk(portrait, speech, params, out_path, MeteredComponents(components, ledger),
               encoder_threads=1)
    ledger.switch(None)
    wall, own, kids = (time.perf_counter() - wall0, time.process_time() - own0,
                       _children_cpu() - kids0)
    seconds = out.seconds
    stages = {}
    for s in STAGES:
        cpu = ledger.own[s] + ledger.children[s]
        stages[s] = {"cpu_s": round(cpu, 3), "cpu_per_video_s": round(cpu / seconds, 3),
                     "children_cpu_s": round(ledger.children[s], 3),
                     "wall_s": round(out.timings.get(s, 0.0), 3)}
    total = own + kids
    info = out.info
    entry = {"frames": out.frames, "video_seconds": round(seconds, 3),
             "frame_size": [info.width, info.height], "source": out.source,
             "phonemes": len(out.audio.phonemes) if out.audio.phonemes else 0,
             "stages": stages,
             "total": {"wall_s": round(wall, 3), "process_cpu_s": round(own, 3),
                       "children_cpu_s": round(kids, 3), "cpu_s": round(total, 3),
                       "cpu_per_video_s": round(total / seconds, 3),
                       "wall_per_video_s": round(wall / seconds, 3)},
             "video": {"codec": info.video_codec, "pix_fmt": info.pix_fmt,
                       "audio": info.audio_codec, "duration": info.duration,
                       "bytes": info.size_bytes, "faststart": info.faststart}}
    return entry, out


# -- served ---------------------------------------------------------------------------------------

def served_run(client, portrait_bytes: bytes, speech: dict, options: dict, tmp: Path) -> dict:
    """One job through POST /v1/talk: seconds to the job's end, download, probe."""
    from facechain.media.video import probe
    from serve.demo import talk_job

    t0 = time.perf_counter()
    done = talk_job(client, portrait_bytes, options=options, quiet=True, **speech)
    job_s = time.perf_counter() - t0
    path = tmp / f"{done['job']['id']}.mp4"
    path.write_bytes(done["video"])
    info = probe(path)
    report = done["job"]["result"]["report"]
    seconds = report["seconds"]
    return {"job_s": round(job_s - done["download_s"], 3), "download_s": round(done["download_s"], 3),
            "video_seconds": seconds, "job_wall_per_video_s": round((job_s - done["download_s"])
                                                                   / seconds, 3),
            "replica_timings": report["timings"],
            "plays": info.video_codec == "h264" and info.pix_fmt == "yuv420p"
            and info.audio_codec == "aac",
            "video": {"codec": info.video_codec, "pix_fmt": info.pix_fmt,
                      "audio": info.audio_codec, "duration": info.duration,
                      "bytes": info.size_bytes}}


# -- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--enhance", nargs="*", default=["crop256"], choices=list(CONFIGS),
                        help="configurations also run with enhance on (none: no enhancement)")
    parser.add_argument("--seconds", type=float, default=6.5,
                        help="seconds of the upload fixture spoken (9.8 s in all; its first "
                        "silence > 300 ms is at 5.45-5.85 s)")
    parser.add_argument("--text", default=DEFAULT_TEXT, help="the TTS sentence")
    parser.add_argument("--voice", default=None, help="TTS voice (default: the Piper voice)")
    parser.add_argument("--portrait", default="biden.jpg",
                        help="portrait photo (a bundled photo's name or a path)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--no-quality", action="store_true", help="skip the lip-sync figures")
    parser.add_argument("--served", action="store_true",
                        help="also through POST /v1/talk of the local Ray Serve graph (crop256)")
    parser.add_argument("--config", default=str(ROOT / "configs" / "serve" / "local.yaml"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per job poll otherwise
    os.environ.setdefault("FACECHAIN_ROOT", str(ROOT))

    import torch

    from facechain.config import demo_photos_dir
    from facechain.imageio import read_image
    from facechain.pipelines.runtime import LocalComponents
    from facechain.pipelines.talk import Speech
    from facechain.talk.params import TalkParams

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    portrait_path = Path(args.portrait)
    if not portrait_path.is_file():
        portrait_path = demo_photos_dir() / args.portrait
    portrait = read_image(portrait_path)
    upload = upload_bytes(args.seconds)
    speeches = {"tts": Speech(text=args.text, voice=args.voice), "upload": Speech(audio=upload)}
    runs = [(name, False) for name in args.configs]
    runs += [(name, True) for name in args.configs if name in (args.enhance or [])]
    result: dict = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "torch_threads": args.threads,
                    "encoder_threads": 1},
        "params": {"portrait": f"{portrait_path.name} {portrait.shape[1]}x{portrait.shape[0]}",
                   "text": args.text, "voice": args.voice, "upload": f"{UPLOAD.name}, first "
                   f"{args.seconds:g} s", "seed": SEED, "configs": {n: CONFIGS[n] for n in args.configs},
                   "enhance": [n for n, on in runs if on], "served": args.served},
    }
    tmp = Path(tempfile.mkdtemp(prefix="facechain-talk-bench-"))
    with ExitStack() as stack:  # unwinds in reverse: client, graph, tmp, stdout
        stack.enter_context(json_stdout())  # Ray / MediaPipe print on fd 1
        stack.callback(shutil.rmtree, tmp, ignore_errors=True)
        components = LocalComponents()
        logger.info("warm-up (loading Piper, the face mesh, Real-ESRGAN) ...")
        t0 = time.perf_counter()
        library_run(components, portrait, Speech(text="Hello there."),
                    TalkParams(enhance=True, seed=SEED), tmp / "warmup.mp4")
        result["warmup_s"] = round(time.perf_counter() - t0, 1)
        library: dict = {}
        for name, enhance in runs:
            params = TalkParams(**CONFIGS[name], enhance=enhance, seed=SEED)
            for kind, speech in speeches.items():
                key = f"{name}{'+enhance' if enhance else ''}/{kind}"
                logger.info("%s ...", key)
                path = tmp / (key.replace("/", "_").replace("+", "_") + ".mp4")
                entry, out = library_run(components, portrait, speech, params, path)
                if not args.no_quality:
                    t0 = time.perf_counter()
                    entry["lip_sync"] = quality(path, out.audio, portrait)
                    entry["lip_sync"]["measure_s"] = round(time.perf_counter() - t0, 1)
                library[key] = entry
                logger.info("%s: %s", key, json.dumps(entry))
                path.unlink(missing_ok=True)
        result["library"] = library
        result["cpu_per_video_s"] = {  # the headline table: stage -> CPU s per s of video
            key: {**{s: e["stages"][s]["cpu_per_video_s"] for s in STAGES},
                  "total": e["total"]["cpu_per_video_s"]} for key, e in library.items()}
        if args.served:
            logger.info("deploying %s ...", args.config)
            graph = stack.enter_context(local_graph(args.config, tmp))
            result["deploy_s"] = graph.deploy_s
            client = stack.enter_context(Client(graph.base_url, timeout=600))
            portrait_bytes = portrait_path.read_bytes()
            forms = {"tts": {"text": args.text, "voice": args.voice}, "upload": {"audio": upload}}
            served_run(client, portrait_bytes, {"text": "Hello there."}, {"seed": SEED}, tmp)
            served = {}
            for name, enhance in runs:
                if name != "crop256":
                    continue
                options = {**CONFIGS[name], "enhance": enhance, "seed": SEED}
                for kind, speech in forms.items():
                    key = f"{name}{'+enhance' if enhance else ''}/{kind}"
                    logger.info("served %s ...", key)
                    served[key] = served_run(client, portrait_bytes, speech, options, tmp)
                    lib = library.get(key)
                    if lib is not None:
                        served[key]["library_wall_s"] = lib["total"]["wall_s"]
            result["served"] = served
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
