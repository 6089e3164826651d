"""``facechain talk`` (issue 9, CLI): ``PORTRAIT --text "..." --out DIR`` and ``--audio FILE``
write video.mp4 and report.json with frames, fps, seconds, the probe and the lip-sync figures
measured on the written file (in-process, ``facechain.cli.main``)."""

from __future__ import annotations

import json

import pytest

from facechain.cli import main
from facechain.imageio import decode_image, write_image
from facechain.media.audio import cut, decode_audio, to_wav_bytes
from facechain.media.video import probe
from tests.conftest import FACES, FIXTURES, shrink

SPEECH = FIXTURES / "speech"


@pytest.fixture(scope="module")
def portrait_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli_talk_photo") / "biden.png"
    write_image(path, shrink(decode_image((FACES / "biden.jpg").read_bytes()), 800))
    return path


def check_outputs(out, capsys) -> dict:
    """video.mp4 plays and matches report.json; the lip-sync figures are there."""
    report = json.loads((out / "report.json").read_text())
    info = probe(out / "video.mp4")
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")
    assert report["fps"] == 25.0 and report["frames"] == info.video_frames > 0
    assert report["seconds"] == pytest.approx(report["frames"] / 25.0, abs=1e-3)
    assert report["video"]["faststart"] and report["video"]["width"] == 256
    sync = report["lip_sync"]["sync"]
    assert -15 <= sync["best_lag"] <= 15 and -1.0 <= sync["r_best"] <= 1.0
    assert len(sync["r"]) == 31 and "confidence" in sync
    assert report["lip_sync"]["frames"] == report["frames"]
    assert report["lip_sync"]["face_found_rate"] == 1.0
    assert report["lip_sync"]["identity"]["max"] is not None
    summary = json.loads(capsys.readouterr().out)
    assert summary["frames"] == report["frames"] and summary["r_best"] == round(sync["r_best"], 3)
    return report


def test_talk_from_text(portrait_path, tmp_path, capsys):
    """``--text``: Piper TTS (phoneme timings, so the bilabial figure is reported too)."""
    out = tmp_path / "text"
    assert main(["talk", str(portrait_path), "--text", "Papa bought a bigger boat.",
                 "--out", str(out)]) == 0
    report = check_outputs(out, capsys)
    assert report["source"] == "tts" and report["phonemes"] > 10
    assert report["lip_sync"]["bilabial"]["count"] >= 3


def test_talk_from_an_audio_file(portrait_path, tmp_path, capsys):
    """``--audio FILE``: an upload (the espeak recording, cut to 3 s to keep the test short)."""
    audio = decode_audio((SPEECH / "espeak_upload.wav").read_bytes(), sample_rate=22050)
    wav = tmp_path / "speech.wav"
    wav.write_bytes(to_wav_bytes(cut(audio, 3.0)))
    out = tmp_path / "audio"
    assert main(["talk", str(portrait_path), "--audio", str(wav), "--out", str(out)]) == 0
    report = check_outputs(out, capsys)
    assert report["source"] == "upload" and report["frames"] == 75
    assert "bilabial" not in report["lip_sync"]  # no timings for an upload


def test_talk_needs_exactly_one_of_audio_and_text(portrait_path, tmp_path, capsys):
    wav = SPEECH / "espeak_upload.wav"
    assert main(["talk", str(portrait_path), "--audio", str(wav), "--text", "hi",
                 "--out", str(tmp_path / "both")]) == 1
    assert main(["talk", str(portrait_path), "--out", str(tmp_path / "none")]) == 1
    assert not (tmp_path / "both" / "video.mp4").exists()
    assert "--audio" in capsys.readouterr().err
