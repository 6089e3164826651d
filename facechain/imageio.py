"""Decoding and encoding of user images.

Every upload goes through :func:`decode_image`: only the formats the API accepts (JPEG, PNG,
WebP) are parsed at all, EXIF orientation applied, any mode (greyscale, palette, RGBA, CMYK,
16-bit) normalised to 8-bit RGB, and a pixel limit checked *before* the pixels are decoded, so a
decompression bomb costs nothing.

Importing this module sets Pillow's own decompression-bomb guard for the whole process to
:data:`DEFAULT_MAX_PIXELS` (it is never disabled): every ``Image.open`` refuses twice it, so
``max_pixels`` of :func:`decode_image` is effectively capped at twice the default. Pillow's
warnings about the bytes it parses are filtered out once, at import: the bomb warning between the
two limits (:func:`decode_image` checks its own limit right after the header) and its
``UserWarning`` about damaged metadata in uploads (corrupt EXIF, truncated reads), which would
otherwise print for every new message. Not per call: a ``warnings.catch_warnings`` would race,
as decodes run in worker threads at once and the warning filters are process state.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from facechain.errors import ImageDecodeError, ImageTooLargeError

DEFAULT_MAX_PIXELS = 40_000_000  # ~ 8000 x 5000; phones top out around 50 MP
# The Pillow plugins that may parse an upload (the JPEG one also opens MPO, the multi-picture
# JPEG many cameras write).
SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP")
_FORMAT_NAMES = "JPEG, PNG or WebP"
# The file suffixes of those formats: folders of images are collected by them (CLI photos, style
# training sets), so a file there is never one decode_image refuses for its format.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})

Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")


def decode_image(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Decode image bytes to an upright uint8 RGB array (H, W, 3).

    Raises :class:`ImageDecodeError` for empty, truncated or unsupported data and
    :class:`ImageTooLargeError` above ``max_pixels``.
    """
    if not data:
        raise ImageDecodeError("empty file (0 bytes)", param="photos")
    try:
        img = Image.open(io.BytesIO(data), formats=SUPPORTED_FORMATS)
        width, height = img.size
        if width * height > max_pixels:
            raise ImageTooLargeError(
                f"image is {width}x{height} = {width * height} pixels, above the limit of "
                f"{max_pixels}", param="photos")
        img.load()  # raises on truncated data (LOAD_TRUNCATED_IMAGES stays False)
        img = ImageOps.exif_transpose(img)
        return _to_rgb8(img)
    except (ImageDecodeError, ImageTooLargeError):
        raise
    except Image.DecompressionBombError as exc:
        raise ImageTooLargeError(f"image is above Pillow's pixel limit: {exc}", param="photos") from exc
    except UnidentifiedImageError as exc:
        raise ImageDecodeError(f"not a supported image ({_FORMAT_NAMES}) or a damaged one",
                               param="photos") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageDecodeError(f"cannot decode image: {exc}", param="photos") from exc


def _to_rgb8(img: Image.Image) -> np.ndarray:
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        hi = float(arr.max()) if arr.size else 1.0
        scale = 255.0 / (65535.0 if hi > 255 else max(hi, 1.0))
        arr = np.clip(arr * scale, 0, 255).astype(np.uint8)
        return np.repeat(arr[:, :, None], 3, axis=2)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    if img.mode == "CMYK":
        img = img.convert("RGB")
    return np.ascontiguousarray(np.asarray(img.convert("RGB"), dtype=np.uint8))


def encode_png(image: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_as_uint8(image)).save(buf, format="PNG")
    return buf.getvalue()


def encode_jpeg(image: np.ndarray, quality: int = 95) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(_as_uint8(image)).convert("RGB").save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def read_image(path) -> np.ndarray:
    with open(path, "rb") as fh:
        return decode_image(fh.read())


def write_image(path, image: np.ndarray) -> None:
    Image.fromarray(_as_uint8(image)).save(path)


def _as_uint8(image: np.ndarray) -> np.ndarray:
    if image.dtype != np.uint8:
        raise TypeError(f"expected a uint8 image, got {image.dtype}")
    return image
