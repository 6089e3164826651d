"""Decoding and encoding of user images.

Every upload goes through :func:`decode_image`: EXIF orientation applied, any mode (greyscale,
palette, RGBA, CMYK, 16-bit) normalised to 8-bit RGB, and a pixel limit checked *before* the
pixels are decoded, so a decompression bomb costs nothing.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from facechain.errors import ImageDecodeError, ImageTooLargeError

DEFAULT_MAX_PIXELS = 40_000_000  # ~ 8000 x 5000; phones top out around 50 MP
SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "MPO")

# Pillow's own bomb guard warns at MAX_IMAGE_PIXELS and raises at twice that; we check explicitly.
Image.MAX_IMAGE_PIXELS = None


def decode_image(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Decode image bytes to an upright uint8 RGB array (H, W, 3).

    Raises :class:`ImageDecodeError` for empty, truncated or unsupported data and
    :class:`ImageTooLargeError` above ``max_pixels``.
    """
    if not data:
        raise ImageDecodeError("empty file (0 bytes)", param="photos")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img = Image.open(io.BytesIO(data))
            if img.format not in SUPPORTED_FORMATS:
                raise ImageDecodeError(
                    f"unsupported image format {img.format!r}; use JPEG, PNG or WebP",
                    param="photos")
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
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
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
