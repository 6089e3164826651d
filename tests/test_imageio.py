import io

import numpy as np
import pytest
from PIL import Image

from facechain.errors import ImageDecodeError, ImageTooLargeError
from facechain.imageio import decode_image, encode_png

from .conftest import photo_bytes


def _encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def test_jpeg_decodes_to_rgb_uint8():
    arr = decode_image(photo_bytes("obama.jpg"))
    assert arr.dtype == np.uint8 and arr.ndim == 3 and arr.shape[2] == 3


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_roundtrip(fmt):
    src = (np.arange(32 * 48 * 3) % 251).astype(np.uint8).reshape(32, 48, 3)
    out = decode_image(_encode(Image.fromarray(src), fmt, **({"lossless": True} if fmt == "WEBP" else {})))
    assert out.shape == (32, 48, 3)
    np.testing.assert_array_equal(out, src)


def test_exif_orientation_applied():
    src = np.zeros((20, 40, 3), np.uint8)
    src[:, :20] = 255  # left half white
    img = Image.fromarray(src)
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90 CW on display
    out = decode_image(_encode(img, "JPEG", exif=exif.tobytes(), quality=100))
    assert out.shape == (40, 20, 3)
    assert out[:10].mean() > 200 and out[-10:].mean() < 50  # white half now on top


def test_modes_normalised():
    grey = Image.fromarray(np.full((8, 8), 100, np.uint8))
    assert decode_image(_encode(grey, "PNG")).shape == (8, 8, 3)
    rgba = Image.fromarray(np.zeros((8, 8, 4), np.uint8))  # fully transparent -> white
    assert (decode_image(_encode(rgba, "PNG")) == 255).all()
    cmyk = Image.new("CMYK", (8, 8), (0, 0, 0, 0))
    assert decode_image(_encode(cmyk, "JPEG")).mean() > 240
    deep = Image.fromarray(np.full((8, 8), 65535, np.uint16))
    assert (decode_image(_encode(deep, "PNG")) == 255).all()


@pytest.mark.parametrize("data", [b"", b"not an image at all", photo_bytes("obama.jpg")[:2000]])
def test_bad_bytes_raise_typed_error(data):
    with pytest.raises(ImageDecodeError):
        decode_image(data)


def test_pixel_limit_checked_before_decoding():
    big = _encode(Image.new("RGB", (3000, 3000)), "PNG")
    with pytest.raises(ImageTooLargeError):
        decode_image(big, max_pixels=1_000_000)


def test_encode_png_roundtrip():
    src = np.random.default_rng(0).integers(0, 255, (16, 16, 3), dtype=np.uint8)
    np.testing.assert_array_equal(decode_image(encode_png(src)), src)
