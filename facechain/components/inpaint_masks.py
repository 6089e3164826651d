"""Mask recipe of template inpainting and virtual try-on: pure functions (numpy / OpenCV).

No model here: the pipelines get the parsing masks (``human_parsing``: ``face``, ``person``) and
the garment mask (``garment_segmentation``) from their roles and shape them with these helpers.
Masks are uint8 (H, W), 0 / 255, unless a function says it returns a float alpha in [0, 1].

The constants are upstream FaceChain's (``inference_inpaint.py`` / ``inference_tryon.py`` at
v3.0.0; line refs as in ``shared/reference/inpaint-tryon.md``):

- face-relative dilations: a square all-ones kernel, one iteration, side int(sqrt(area) * k)
  with the area of the mask being dilated [inp L107-168]: :func:`dilate_by_area`;
- the stage-2 inpaint mask, split at the eye line [inp L138-153]: :func:`eye_split_mask`;
- the soft person mask of the VAE compensation, blur 21 x 21 times the hard mask [inp L164-166]:
  :func:`soft_person_mask`, and the compensation itself [inp L363-369]: :func:`add_vae_error`,
  which also removes the decoder's spread outside the redrawn latent cells
  (:func:`latent_redraw_alpha`; not upstream, see its docstring);
- the draft face warped onto the template face by a similarity on 5 points (from the 68) and
  pasted inside its face mask, giving the warp mask of the stage-2 recipe [inp L83-104]:
  :func:`warp_face`, :class:`WarpedFace`;
- the square face crop, side 2 * int(max(w, h) / 0.45 / 2), zero-padded, resized to 512
  [inp L708-733]: :func:`square_face_crop`, :class:`FaceCrop`;
- the merge-back window mask (eroded, blurred, face box 1, other faces 0) [inp L750-770]:
  :func:`merge_window_mask`;
- try-on: inpaint mask 1 - erode(garment, 15 x 15), paste-back alpha blur(erode(garment, 5 x 5),
  5 x 5) [try L145-151, L318-331]: :func:`tryon_inpaint_mask`, :func:`garment_paste_alpha`; the
  body mask of its Canny control, person - dilate(head + neck, 5 x 5) + garment [try L154-159]:
  :func:`tryon_body_mask`.

Where upstream fails (no face: an undefined variable or ``None``), these return empty masks.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from facechain.errors import InvalidInputError

# Stage 2 inpaint mask: first and second dilation, fractions of sqrt(face area) [inp L138-153].
STAGE2_FIRST_DILATION = 0.06
STAGE2_SECOND_DILATION = 0.1
# Canny exclusion of stage 2 (eye split, no first dilation) [inp L332-335].
CANNY_EXCLUSION_DILATION = 0.05
# Stage 3 refinement mask (no split) [inp L381].
STAGE3_DILATION = 0.02
# Face-fusion blend mask [inp L636].
FUSION_DILATION = 0.1
# Soft person mask of the VAE compensation [inp L164-166].
PERSON_BLUR = 21
# VAE downscale (SD 1.5: x8); extra latent cells around an inpaint mask counted as redrawn.
LATENT_FACTOR = 8
REDRAW_MARGIN = 0
# Square face crop: the face's longer side is this fraction of the crop side [inp L708-733].
FACE_RATIO = 0.45
CROP_SIZE = 512
# Try-on garment erosions: inpaint mask (15) and paste-back alpha (5, blurred 5) [try L145-151];
# head + neck dilation of the Canny body mask (5) [try L154-159].
TRYON_INPAINT_EROSION = 15
TRYON_PASTE_EROSION = 5
TRYON_PASTE_BLUR = 5
TRYON_BODY_HEAD_DILATION = 5

Box = tuple[float, float, float, float]


def check_mask(mask: np.ndarray, shape: tuple[int, ...] | None = None, param: str = "mask"
               ) -> np.ndarray:
    """``mask`` as a uint8 (H, W) 0/255 array (anything > 0 counts as inside); a 3-channel mask
    is reduced by max. ``shape`` (H, W[, C]) checks the size."""
    mask = np.asarray(mask)
    if mask.ndim == 3:
        mask = mask.max(axis=2)
    if mask.ndim != 2 or mask.size == 0:
        raise InvalidInputError(f"expected an (H, W) mask, got shape {mask.shape}", param=param)
    if shape is not None and mask.shape != tuple(shape[:2]):
        raise InvalidInputError(f"mask {mask.shape} does not match the image {tuple(shape[:2])}",
                                param=param)
    return np.where(mask > 0, 255, 0).astype(np.uint8)


def kernel_side(mask: np.ndarray, k: float) -> int:
    """int(sqrt(area) * k), the area being the pixel count of ``mask`` [inp L107-168]."""
    return int(np.sqrt(float(np.count_nonzero(mask))) * float(k))


def dilate_by_area(mask: np.ndarray, k: float) -> np.ndarray:
    """Dilate with a square all-ones kernel of side ``kernel_side(mask, k)``, one iteration.

    A side below 2 leaves the mask as it is (a 1 x 1 kernel is the identity; upstream would hand
    OpenCV a 0 x 0 kernel). An empty mask stays empty.
    """
    mask = check_mask(mask)
    side = kernel_side(mask, k)
    if side < 2:
        return mask.copy()
    return cv2.dilate(mask, np.ones((side, side), np.uint8), iterations=1)


def eye_line(landmarks68: np.ndarray) -> float:
    """Eye-line height (y, pixels) from 68 face landmarks: the mean y of the two eye centres
    (points 36-41 and 42-47), as upstream's mean y of the detector's two eye keypoints."""
    points = np.asarray(landmarks68, np.float32)
    if points.ndim != 2 or points.shape[0] < 48 or points.shape[1] != 2:
        raise InvalidInputError(f"expected (68, 2) landmarks, got {points.shape}",
                                param="landmarks68")
    return float((points[36:42, 1].mean() + points[42:48, 1].mean()) / 2.0)


def eye_split_mask(face: np.ndarray, eye_y: float, k: float = STAGE2_SECOND_DILATION,
                   k_first: float = STAGE2_FIRST_DILATION, warp_mask: np.ndarray | None = None
                   ) -> np.ndarray:
    """The stage-2 face mask, "2-step dilation" split at the eye line [inp L138-153].

    1. F1 = ``dilate_by_area(face, k_first)`` (``k_first=0``: F1 = face);
    2. F2 = ``dilate_by_area(F1, k)`` (side from F1's area), kept only where F1 or ``warp_mask``
       (the warped draft face) is, so the big dilation spreads only toward the new face;
    3. rows above ``eye_y`` take F1, rows at or below it take F2: forehead and hairline barely
       grow, which keeps the template's hairstyle.

    Stage 2 uses the defaults (0.06 then 0.1, with the warp mask); the Canny exclusion uses
    ``k=0.05, k_first=0`` and no warp mask. The split row is ``ceil(eye_y)``: a row counts as
    "at or below" when its index is >= eye_y. No face gives an empty mask (upstream reads an
    undefined variable there).
    """
    face = check_mask(face)
    if not face.any():
        return np.zeros_like(face)
    first = dilate_by_area(face, k_first) if k_first > 0 else face
    second = dilate_by_area(first, k)
    if warp_mask is not None:
        warp = check_mask(warp_mask, face.shape, param="warp_mask")
        second = np.minimum(second, np.maximum(first, warp))
    split = int(np.clip(np.ceil(float(eye_y)), 0, face.shape[0]))
    out = second.copy()
    out[:split] = first[:split]
    return out


def soft_person_mask(person: np.ndarray, blur: int = PERSON_BLUR) -> np.ndarray:
    """Float32 alpha in [0, 1]: GaussianBlur(person, blur x blur) x person [inp L164-166].

    0 outside the person, ramping up to 1 just inside its border. The VAE compensation adds
    (x - VAE(x)) * (1 - alpha) to a pass's output.
    """
    person = check_mask(person).astype(np.float32) / 255.0
    return cv2.GaussianBlur(person, (int(blur), int(blur)), 0) * person


def latent_redraw_alpha(mask: np.ndarray, factor: int = LATENT_FACTOR,
                        margin: int = REDRAW_MARGIN) -> np.ndarray:
    """Float32 alpha in [0, 1], 1 wherever an inpaint pass may have changed the latents.

    diffusers binarises the mask and resizes it to the latent grid (1/``factor``, nearest);
    outside that grid mask the final latents are the image's own latents. This is a superset
    of it back at pixel resolution: every cell holding any masked pixel, dilated by ``margin``
    cells, 1 there and ramping linearly to 0 over ``factor`` px outside (the decoder carries a
    redrawn cell's content past its edge; the ramp avoids a seam)."""
    mask = check_mask(mask)
    h, w = mask.shape
    gh, gw = max(1, h // factor), max(1, w // factor)
    grid = np.where(cv2.resize(mask, (gw, gh), interpolation=cv2.INTER_AREA) > 0, 255, 0).astype(np.uint8)
    if margin > 0:
        grid = cv2.dilate(grid, np.ones((2 * margin + 1, 2 * margin + 1), np.uint8))
    cells = cv2.resize(grid, (w, h), interpolation=cv2.INTER_NEAREST)
    if not cells.any():
        return np.zeros((h, w), np.float32)
    outside = cv2.distanceTransform(np.where(cells > 0, 0, 255).astype(np.uint8), cv2.DIST_L2, 5)
    return np.clip(1.0 - outside / float(factor), 0.0, 1.0).astype(np.float32)


def add_vae_error(output: np.ndarray, original: np.ndarray, reconstruction: np.ndarray,
                  person_alpha: np.ndarray, redraw_alpha: np.ndarray | None = None) -> np.ndarray:
    """VAE reconstruction-error compensation [inp L363-369], clipped to uint8.

    Upstream: output + (original - reconstruction) * (1 - person_alpha). ``reconstruction`` is
    the zero-mask pass (decode(encode(original)), same posterior sample); ``person_alpha`` is
    :func:`soft_person_mask`. Outside the person this gives back the detail the VAE round trip
    lost, but not what the decoder *spread* from the redrawn latents into the untouched ones
    (output - reconstruction there; a trained SD VAE spreads little, a random one a lot).

    With ``redraw_alpha`` (:func:`latent_redraw_alpha` of the pass's mask) that spread is
    removed as well: where the latents were the image's own, output - reconstruction is only
    the decoder's spread, so outside the person and outside the redrawn cells the result is the
    original; inside the redrawn cells (a face mask that spills past the person) the redraw is
    kept, compensated as upstream does.
    """
    if not (output.shape == original.shape == reconstruction.shape) or \
            person_alpha.shape != output.shape[:2] or \
            (redraw_alpha is not None and redraw_alpha.shape != output.shape[:2]):
        raise InvalidInputError("output, original, reconstruction and alpha sizes differ",
                                param="image")
    out = output.astype(np.float32)
    recon = reconstruction.astype(np.float32)
    correction = original.astype(np.float32) - recon
    weight = 1.0 - person_alpha.astype(np.float32)
    if redraw_alpha is not None:
        keep = 1.0 - redraw_alpha.astype(np.float32)
        if output.ndim == 3:
            keep = keep[:, :, None]
        correction = correction - (out - recon) * keep
    if output.ndim == 3:
        weight = weight[:, :, None]
    return np.clip(np.round(out + correction * weight), 0, 255).astype(np.uint8)


def five_points(landmarks68: np.ndarray) -> np.ndarray:
    """(5, 2) eye centres (36-41, 42-47), nose tip (30), mouth corners (48, 54) from 68 points,
    image-left first as in :class:`facechain.types.Face` (the sheet's offline stand-in for the
    detector's 5 keypoints, §1.5)."""
    points = np.asarray(landmarks68, np.float64)
    if points.shape not in ((68, 2), (70, 2)):
        raise InvalidInputError(f"expected (68, 2) landmarks, got {points.shape}",
                                param="landmarks68")
    return np.stack([points[36:42].mean(axis=0), points[42:48].mean(axis=0), points[30],
                     points[48], points[54]])


@dataclass(frozen=True)
class WarpedFace:
    """The draft face warped onto the template: ``image`` = the template with the warped face
    pasted where ``mask`` (uint8 0/255) is; ``landmarks68`` = the draft's 68 points pushed
    through ``matrix`` (2 x 3, draft -> template pixels): the dots of the OpenPose face control."""

    image: np.ndarray
    mask: np.ndarray
    landmarks68: np.ndarray
    matrix: np.ndarray


def warp_face(template: np.ndarray, draft: np.ndarray, draft_face: np.ndarray,
              draft68: np.ndarray, template68: np.ndarray) -> WarpedFace:
    """Warp the draft's face onto the template's face [inp L83-104, L346-348].

    A least-squares similarity (uniform scale, rotation, translation) maps the draft's 5 points
    onto the template's (both from their 68, :func:`five_points`); the draft and its raw face mask
    ``draft_face`` are warped onto a template-sized canvas (border 0); the composite keeps the
    template where the warped mask is 0. Upstream warps a 1.5x box crop of the draft; warping
    the whole draft through the same mask gives the same pasted pixels.
    """
    from facechain.components.face_fusion import similarity_transform  # the project's Umeyama

    mask = check_mask(draft_face, draft.shape, param="draft_face")
    matrix = similarity_transform(five_points(draft68), five_points(template68))
    h, w = template.shape[:2]
    warped = cv2.warpAffine(draft, matrix, (w, h), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    warped_mask = cv2.warpAffine(mask, matrix, (w, h), flags=cv2.INTER_NEAREST,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    composite = template.copy()
    inside = warped_mask > 0
    composite[inside] = warped[inside]
    points = np.asarray(draft68, np.float64)
    moved = points @ matrix[:, :2].T + matrix[:, 2]
    return WarpedFace(image=composite, mask=warped_mask, landmarks68=moved.astype(np.float32),
                      matrix=matrix)


@dataclass(frozen=True)
class FaceCrop:
    """A square crop around one face, resized to ``size`` x ``size``.

    ``window`` = (x0, y0, x1, y1) in full-image pixels, square (side ``2 * half``), centred on
    the face box; it may reach past the image, where the crop is zero-padded. ``image`` is the
    resized crop. :meth:`to_crop` / :meth:`to_image` map points between the two frames,
    :meth:`paste` puts a processed crop back into the full image.
    """

    image: np.ndarray
    window: tuple[int, int, int, int]
    half: int
    size: int
    image_shape: tuple[int, int]

    @property
    def scale(self) -> float:
        """Crop pixels per full-image pixel."""
        return self.size / float(2 * self.half)

    @property
    def matrix(self) -> np.ndarray:
        """2 x 3 affine map from full-image pixels to crop pixels (``cv2.warpAffine`` form)."""
        s = self.scale
        return np.array([[s, 0.0, -self.window[0] * s], [0.0, s, -self.window[1] * s]],
                        np.float64)

    @property
    def inverse_matrix(self) -> np.ndarray:
        """2 x 3 affine map from crop pixels back to full-image pixels."""
        return cv2.invertAffineTransform(self.matrix)

    def to_crop(self, points: np.ndarray) -> np.ndarray:
        """(N, 2) full-image points -> crop pixels."""
        points = np.asarray(points, np.float64)
        return ((points - np.array(self.window[:2], np.float64)) * self.scale).astype(np.float32)

    def to_image(self, points: np.ndarray) -> np.ndarray:
        """(N, 2) crop pixels -> full-image points."""
        points = np.asarray(points, np.float64)
        return (points / self.scale + np.array(self.window[:2], np.float64)).astype(np.float32)

    def visible(self) -> tuple[int, int, int, int]:
        """The window clipped to the image: (x0, y0, x1, y1)."""
        h, w = self.image_shape
        x0, y0, x1, y1 = self.window
        return max(0, x0), max(0, y0), min(w, x1), min(h, y1)

    def uncrop(self, crop: np.ndarray) -> np.ndarray:
        """A processed crop (any size, square) resized back to the window and cut to the part
        inside the image: the array that covers :meth:`visible`."""
        side = 2 * self.half
        interpolation = cv2.INTER_AREA if crop.shape[0] > side else cv2.INTER_LINEAR
        big = cv2.resize(crop, (side, side), interpolation=interpolation)
        x0, y0, x1, y1 = self.visible()
        wx, wy = self.window[:2]
        return big[y0 - wy:y1 - wy, x0 - wx:x1 - wx]

    def paste(self, target: np.ndarray, crop: np.ndarray, alpha: np.ndarray) -> np.ndarray:
        """``target`` with ``crop`` pasted back through ``alpha`` (float (H, W) in [0, 1] of the
        full image, e.g. :func:`merge_window_mask`): out = crop * alpha + target * (1 - alpha)
        inside the window; pixels where alpha is 0 are the target's, bit for bit."""
        if target.shape[:2] != self.image_shape or alpha.shape != self.image_shape:
            raise InvalidInputError("target and alpha must have the full image's size",
                                    param="image")
        out = target.copy()
        x0, y0, x1, y1 = self.visible()
        patch = self.uncrop(crop).astype(np.float32)
        a = alpha[y0:y1, x0:x1].astype(np.float32)
        if patch.ndim == 3:
            a = a[:, :, None]
        region = target[y0:y1, x0:x1].astype(np.float32)
        blended = np.clip(np.round(patch * a + region * (1.0 - a)), 0, 255).astype(target.dtype)
        keep = alpha[y0:y1, x0:x1] <= 0
        blended[keep] = target[y0:y1, x0:x1][keep]
        out[y0:y1, x0:x1] = blended
        return out


def _check_box(box) -> Box:
    x0, y0, x1, y1 = (float(v) for v in box)
    if not (np.isfinite([x0, y0, x1, y1]).all() and x1 > x0 and y1 > y0):
        raise InvalidInputError(f"invalid face box {tuple(box)}", param="box")
    return x0, y0, x1, y1


def _int_box(box: Box, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    h, w = shape
    x0, y0, x1, y1 = box
    return (int(np.clip(np.floor(x0), 0, w)), int(np.clip(np.floor(y0), 0, h)),
            int(np.clip(np.ceil(x1), 0, w)), int(np.clip(np.ceil(y1), 0, h)))


def square_face_crop(image: np.ndarray, box, *, face_ratio: float = FACE_RATIO,
                     size: int = CROP_SIZE, other_boxes=()) -> FaceCrop:
    """The square crop around face ``box`` = (x0, y0, x1, y1) [inp L708-733].

    half side = int(max(box w, box h) / ``face_ratio`` / 2) (side ~2.22x the face at 0.45),
    centred on the box centre; parts outside the image are zero (black); ``other_boxes`` (the
    other faces) are painted black in the crop, as upstream does so the crop shows one face.
    The crop is resized to ``size`` x ``size`` (area when shrinking, else bilinear).
    """
    image = np.asarray(image)
    if image.ndim not in (2, 3) or image.dtype != np.uint8:
        raise InvalidInputError(f"expected a uint8 image, got {image.dtype} {image.shape}",
                                param="image")
    if not 0.0 < face_ratio <= 1.0 or int(size) < 8:
        raise InvalidInputError("face_ratio must be in (0, 1] and size >= 8", param="face_ratio")
    h, w = image.shape[:2]
    bx0, by0, bx1, by1 = _check_box(box)
    half = max(int(max(bx1 - bx0, by1 - by0) / face_ratio / 2.0), 4)
    cx, cy = int((bx0 + bx1) / 2.0), int((by0 + by1) / 2.0)
    window = (cx - half, cy - half, cx + half, cy + half)
    source = image.copy() if other_boxes else image
    for other in other_boxes:
        ox0, oy0, ox1, oy1 = _int_box(_check_box(other), (h, w))
        source[oy0:oy1, ox0:ox1] = 0
    canvas = np.zeros((2 * half, 2 * half) + image.shape[2:], np.uint8)
    x0, y0 = max(0, window[0]), max(0, window[1])
    x1, y1 = min(w, window[2]), min(h, window[3])
    if x1 > x0 and y1 > y0:
        canvas[y0 - window[1]:y1 - window[1], x0 - window[0]:x1 - window[0]] = source[y0:y1, x0:x1]
    interpolation = cv2.INTER_AREA if 2 * half > size else cv2.INTER_LINEAR
    crop = cv2.resize(canvas, (int(size), int(size)), interpolation=interpolation)
    return FaceCrop(image=crop, window=window, half=half, size=int(size), image_shape=(h, w))


def merge_window_mask(crop: FaceCrop, face_box, other_boxes=()) -> np.ndarray:
    """Float32 (H, W) alpha for pasting a processed face crop back [inp L750-770].

    ksize = int(10 * half / 256); the crop window (clipped to the image) is eroded and then
    Gaussian-blurred with a (2 * int(1.8 * ksize) + 1)^2 kernel (sigma from the kernel size);
    the face box is set to 1; ``other_boxes`` are set to 0.

    Upstream erodes by only ksize px per side (a (2 ksize)^2 kernel) while the blur reaches
    int(1.8 ksize) px, so its alpha leaks past the window onto the black of the pasted canvas.
    Here the erosion margin is the blur radius + 1 (at least upstream's ksize), so alpha is exactly
    0 outside the window: the output equals the input there, pixel for pixel. Image borders do
    not erode (a window cut by the image edge stays opaque up to it).
    """
    h, w = crop.image_shape
    ksize = max(int(10 * crop.half / 256), 1)
    radius = int(1.8 * ksize)
    margin = max(ksize, radius + 1)
    x0, y0, x1, y1 = crop.visible()
    window = np.zeros((h, w), np.uint8)
    window[y0:y1, x0:x1] = 1
    eroded = cv2.erode(window, np.ones((2 * margin + 1, 2 * margin + 1), np.uint8),
                       borderType=cv2.BORDER_CONSTANT, borderValue=1)
    alpha = eroded.astype(np.float32)
    if radius > 0:
        alpha = cv2.GaussianBlur(alpha, (2 * radius + 1, 2 * radius + 1), 0,
                                 borderType=cv2.BORDER_REPLICATE)
    alpha *= window  # exact zero outside (the blur support already ends at the window edge)
    fx0, fy0, fx1, fy1 = _int_box(_check_box(face_box), (h, w))
    alpha[fy0:fy1, fx0:fx1] = 1.0
    for other in other_boxes:
        ox0, oy0, ox1, oy1 = _int_box(_check_box(other), (h, w))
        alpha[oy0:oy1, ox0:ox1] = 0.0
    return np.clip(alpha, 0.0, 1.0)


def tryon_inpaint_mask(garment: np.ndarray, erosion: int = TRYON_INPAINT_EROSION) -> np.ndarray:
    """Try-on inpaint mask, 255 = repaint: 255 - erode(garment, ``erosion`` x ``erosion``)
    [try L145-151, L321]. Everything but the shrunken garment is redrawn."""
    garment = check_mask(garment, param="garment")
    eroded = cv2.erode(garment, np.ones((int(erosion), int(erosion)), np.uint8))
    return (255 - eroded).astype(np.uint8)


def garment_paste_alpha(garment: np.ndarray, erosion: int = TRYON_PASTE_EROSION,
                        blur: int = TRYON_PASTE_BLUR) -> np.ndarray:
    """Float32 alpha for pasting the garment photo's pixels back over the try-on output:
    GaussianBlur(erode(garment, 5 x 5), 5 x 5) [try L145-151, L328-331]. It is exactly 1 inside
    the 15 x 15-eroded garment (the area the inpainting kept)."""
    garment = check_mask(garment, param="garment")
    eroded = cv2.erode(garment, np.ones((int(erosion), int(erosion)), np.uint8))
    soft = cv2.GaussianBlur(eroded, (int(blur), int(blur)), 0)  # uint8: 255 stays 255 exactly
    return soft.astype(np.float32) / 255.0


def tryon_body_mask(person: np.ndarray, head: np.ndarray, neck: np.ndarray, garment: np.ndarray,
                    dilation: int = TRYON_BODY_HEAD_DILATION) -> np.ndarray:
    """Where try-on's Canny control keeps edges: the body without head and neck, plus the
    garment: person - dilate(head + neck, 5 x 5) + garment [try L154-159]. Arguments are the
    masks of :class:`facechain.types.GarmentParsing` (or a request's garment mask)."""
    person = check_mask(person, param="person")
    shape = person.shape
    head = check_mask(head, shape, param="head")
    neck = check_mask(neck, shape, param="neck")
    garment = check_mask(garment, shape, param="garment")
    cut = cv2.dilate(np.maximum(head, neck), np.ones((int(dilation), int(dilation)), np.uint8))
    body = np.where(cut > 0, 0, person).astype(np.uint8)
    return np.maximum(body, garment)


def blend(foreground: np.ndarray, background: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """foreground * alpha + background * (1 - alpha), uint8; exact copies where alpha is 0 or 1
    (try-on paste-back: foreground = the garment photo, background = the generated image)."""
    if foreground.shape != background.shape or alpha.shape != foreground.shape[:2]:
        raise InvalidInputError("foreground, background and alpha sizes differ", param="mask")
    a = alpha.astype(np.float32)
    a3 = a[:, :, None] if foreground.ndim == 3 else a
    out = foreground.astype(np.float32) * a3 + background.astype(np.float32) * (1.0 - a3)
    out = np.clip(np.round(out), 0, 255).astype(np.uint8)
    out[a >= 1.0] = foreground[a >= 1.0]
    out[a <= 0.0] = background[a <= 0.0]
    return out
