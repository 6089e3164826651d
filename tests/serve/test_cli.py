"""``facechain serve``: starts a local Ray with a config's app, stops cleanly on SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import FACES

pytestmark = pytest.mark.slow
httpx = pytest.importorskip("httpx")
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_runs_the_config_and_stops_cleanly(tmp_path, sig):
    port = _free_port()
    config = tmp_path / "echo.yaml"
    config.write_text(yaml.safe_dump({
        "http_options": {"host": "127.0.0.1", "port": 8000},
        "applications": [{"name": "echo", "route_prefix": "/",
                          "import_path": "tests.serve.echo_app:build"}]}))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAY_AUTH_MODE": "disabled"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "serve.cli", "serve", "--config", str(config), "--port", str(port),
         "--metrics-port", str(_free_port()), "--num-cpus", "2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).json() == {"ok": True}:
                    break
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(1)
        else:
            raise AssertionError("the app never answered")
        proc.send_signal(sig)
        assert proc.wait(timeout=120) == 0
        out = proc.stdout.read()
        assert "FaceChain Serve is up" in out and "shutting down" in out
        with pytest.raises(httpx.HTTPError):  # the HTTP proxy went down with it
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_api_keys_flag_becomes_the_app_arg_and_the_start_up_line_says_how_to_auth(tmp_path):
    from serve.cli import auth_summary, build_parser, load_config, serve_overrides

    keys = tmp_path / "keys.yaml"
    keys.write_text("alice: sha256:" + "0" * 64 + "\n")
    args = build_parser().parse_args(["serve", "--api-keys", str(keys), "--set", "max_photos=4"])
    overrides = serve_overrides(args)
    assert overrides == {"api_keys": str(keys.resolve()), "max_photos": 4}
    config = load_config(ROOT / "configs/serve/local.yaml", overrides=overrides)
    assert config["applications"][0]["args"]["api_keys"] == str(keys.resolve())
    assert str(keys.resolve()) in auth_summary({str(keys.resolve())})
    assert "loopback clients only" in auth_summary({None})
    with pytest.raises(SystemExit, match="no such file"):
        serve_overrides(build_parser().parse_args(["serve", "--api-keys", str(tmp_path / "x")]))


# --- gender / age-group overrides on `facechain preprocess` and `facechain train` ---------------

def test_preprocess_overrides_what_the_classifiers_decide(tmp_path, capsys):
    from serve.cli import main

    photo = FACES / "obama.jpg"
    out = tmp_path / "set"
    assert main(["preprocess", str(photo), "--out", str(out), "--gender", "female",
                 "--age-group", "child"]) == 0
    assert json.loads(capsys.readouterr().out)["trigger"] == "a girl"
    report = json.loads((out / "report.json").read_text())
    assert report["trigger"] == "a girl" and report["gender"] == "female"
    (accepted,) = report["accepted"]
    assert accepted["caption"].startswith("a girl, children, ")
    assert accepted["gender"] == "male"  # the classifier's own answer is still reported
    texts = [json.loads(line)["text"] for line in (out / "train" / "metadata.jsonl").read_text()
             .splitlines()]
    assert texts == [accepted["caption"]]


def test_train_hands_the_overrides_to_the_training(tmp_path, monkeypatch, capsys):
    import facechain.cli
    import facechain.pipelines.train
    from facechain.components.tagging import AgeGroup
    from facechain.errors import NoUsablePhotosError
    from facechain.types import Gender
    from serve.cli import main

    seen = {}

    def fake_train(photos, base, output_dir, params, components, **kwargs):
        seen["params"] = params
        raise NoUsablePhotosError([])

    monkeypatch.setattr(facechain.pipelines.train, "train", fake_train)
    monkeypatch.setattr(facechain.cli, "_base_model", lambda args: None)
    photo = FACES / "obama.jpg"
    args = ["train", str(photo), "--out", str(tmp_path / "lora"), "--steps", "1"]
    assert main([*args, "--gender", "female", "--age-group", "mature"]) == 2
    assert (seen["params"].gender, seen["params"].age_group) == (Gender.FEMALE, AgeGroup.MATURE)
    assert main(args) == 2
    assert seen["params"].gender is None and seen["params"].age_group is None


@pytest.mark.parametrize("flag,value", [("--gender", "other"), ("--age-group", "teen")])
@pytest.mark.parametrize("command", ["preprocess", "train"])
def test_override_flags_take_only_their_choices(command, flag, value, tmp_path, capsys):
    from serve.cli import main

    with pytest.raises(SystemExit) as err:
        main([command, "x.jpg", "--out", str(tmp_path), flag, value])
    assert err.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_override_flag_is_repeatable_and_a_bad_override_stops_before_ray_starts(tmp_path):
    from serve.cli import build_parser, cmd_serve, load_config

    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("applications:\n- name: facechain\n  args: {device: cpu}\n")
    bad.write_text("applications:\n- name: facechain\n  deployments: [{name: Difusion}]\n")
    args = build_parser().parse_args([
        "serve", "--config", str(ROOT / "configs/serve/gpu-cluster.yaml"),
        "--override", str(good), "--override", str(ROOT / "configs/serve/overrides/cpu-two-node.yaml")])
    assert args.override == [str(good), str(ROOT / "configs/serve/overrides/cpu-two-node.yaml")]
    config = load_config(args.config, override_files=args.override)
    assert config["applications"][0]["args"]["device"] == "cpu"
    args = build_parser().parse_args(["serve", "--config", args.config, "--override", str(bad)])
    with pytest.raises(SystemExit, match=r"--override: .*bad\.yaml: .*no deployment named 'Difusion'"):
        cmd_serve(args)
    args = build_parser().parse_args(["serve", "--override", str(tmp_path / "missing.yaml")])
    with pytest.raises(SystemExit, match="cannot read .*missing.yaml"):
        cmd_serve(args)
