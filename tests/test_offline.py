"""The default profile's whole library demo runs with the network blocked.

Everything a request needs is resolved when a model or style is installed: here, from a cold
cache, with sockets blocked except loopback, the built-in models are built, a hub style LoRA is
installed from a loopback hub (``facechain styles pull``), and then the demo (preprocess -> train
-> generate with the builtin LoRA style and the pulled hub style -> inpaint, try-on, talk ->
gallery) runs with no socket allowed at all, loopback included.
"""

from __future__ import annotations

import json

import pytest

from tests.hubserver import LoopbackHub, point_hub_client_at
from tests.netguard import block_network


@pytest.mark.slow  # cold cache: builds the tiny model and trains the builtin ink LoRA (~1-2 min)
def test_default_demo_runs_with_sockets_blocked(tmp_path, monkeypatch, capsys):
    from facechain.cli import main as cli
    from facechain.demo import main as demo
    from facechain.diffusion.builtin_styles import ensure_builtin_style
    from facechain.diffusion.styles import builtin_style_path

    monkeypatch.setenv("FACECHAIN_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.delenv("FACECHAIN_MODELS", raising=False)
    refused = block_network(monkeypatch)  # loopback only, from here on

    # 1. Install: a hub style whose LoRA (the builtin ink LoRA, beside a pickle copy) is pulled
    ink = ensure_builtin_style("tiny-style-ink", builtin_style_path("tiny-style-ink"))
    plugins = tmp_path / "styles"
    plugins.mkdir()
    (plugins / "hub-ink.yaml").write_text(
        "name: Ink from the hub\nlora: hf:facechain-test/ink-lora@main\nlora_weight_name: ink.safetensors\n"
        "style_weight: 0.8\nprompt: 'ink wash painting of {trigger}, black ink, white paper'\n")
    monkeypatch.setenv("FACECHAIN_STYLE_DIRS", str(plugins))
    with LoopbackHub() as hub:
        point_hub_client_at(monkeypatch, hub, tmp_path / "hf-cache")
        hub.publish("facechain-test/ink-lora", extra={"ink.safetensors": ink.read_bytes(),
                                                      "ink.bin": b"\x80\x04pickle decoy"})
        assert cli(["styles", "pull", "hub-ink"]) == 0
        assert [p.rsplit("/", 1)[1] for p in hub.file_gets()] == ["ink.safetensors"]
    capsys.readouterr()

    # 2. Serve: the demo with no socket at all
    no_socket = block_network(monkeypatch, allow_loopback=False)
    out = tmp_path / "demo"
    assert demo(["--out", str(out), "--steps", "2", "--styles", "ink", "hub-ink"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["accepted"] and report["trigger"]
    assert (out / "index.html").is_file()
    for style in ("ink", "hub-ink"):
        assert len(list((out / "generated" / style).glob("candidate_*.png"))) == 4, style
    # The talk section: a TTS sentence as an mp4 in the gallery that plays (probed)
    from facechain.media.video import probe

    assert '<video controls' in (out / "index.html").read_text()
    info = probe(out / "talk" / "video.mp4")
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    assert info.video_frames == report["talk"]["frames"] > 0
    assert no_socket == [] and refused == []
