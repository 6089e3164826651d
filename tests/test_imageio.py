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


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims ``width`` x ``height`` with no pixel data: what a bomb looks like
    before it is decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_pillow_bomb_guard_stays_on_process_wide():
    import facechain.imageio as imageio

    assert isinstance(Image.MAX_IMAGE_PIXELS, int) and 0 < Image.MAX_IMAGE_PIXELS <= imageio.DEFAULT_MAX_PIXELS
    bomb = _png_header_only(30_000, 30_000)  # 900 MP: above twice Pillow's limit
    with pytest.raises(Image.DecompressionBombError):  # any Image.open in the process, not only ours
        Image.open(io.BytesIO(bomb))
    # decode_image reports it as too large, whatever max_pixels the caller asked for
    with pytest.raises(ImageTooLargeError):
        decode_image(bomb, max_pixels=10**12)
    with pytest.raises(ImageTooLargeError):
        decode_image(_png_header_only(8000, 6000))  # 48 MP: above the default limit


@pytest.mark.parametrize("fmt", ["TIFF", "BMP", "GIF", "ICO"])
def test_formats_outside_the_api_are_refused_before_their_decoder_runs(monkeypatch, fmt):
    """Only the JPEG, PNG and WebP plugins may parse an upload: other formats' parsers (a large
    attack surface, e.g. libtiff) never see the bytes."""
    from PIL import BmpImagePlugin, GifImagePlugin, IcoImagePlugin, TiffImagePlugin

    plugin = {"TIFF": TiffImagePlugin.TiffImageFile, "BMP": BmpImagePlugin.BmpImageFile,
              "GIF": GifImagePlugin.GifImageFile, "ICO": IcoImagePlugin.IcoImageFile}[fmt]
    data = _encode(Image.new("RGB", (16, 16), (10, 20, 30)), fmt)
    opened = []
    real_open = plugin._open

    def spy(self):
        opened.append(fmt)
        return real_open(self)

    monkeypatch.setattr(plugin, "_open", spy)
    with pytest.raises(ImageDecodeError, match="JPEG, PNG"):
        decode_image(data)
    assert opened == []


def test_api_formats_listed_once():
    import facechain.imageio as imageio

    assert imageio.SUPPORTED_FORMATS == ("JPEG", "PNG", "WEBP")
    # folders are collected by files of exactly those formats: each suffix is one, each has one
    formats = {suffix: Image.registered_extensions().get(suffix) for suffix in imageio.IMAGE_SUFFIXES}
    assert set(formats.values()) == set(imageio.SUPPORTED_FORMATS), formats


def test_mpo_from_cameras_decodes_through_the_jpeg_plugin():
    img = Image.new("RGB", (16, 16), (200, 0, 0))
    data = _encode(img, "MPO", save_all=True, append_images=[img])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    assert decode_image(data).shape == (16, 16, 3)
