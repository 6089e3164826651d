"""The inpainting / try-on mask recipe (pure functions) on synthetic masks with known geometry."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from facechain.components.inpaint_masks import (
    FaceCrop,
    blend,
    dilate_by_area,
    eye_line,
    eye_split_mask,
    garment_paste_alpha,
    kernel_side,
    merge_window_mask,
    soft_person_mask,
    square_face_crop,
    tryon_body_mask,
    tryon_inpaint_mask,
)
from facechain.errors import InvalidInputError


def square(shape, x0, y0, x1, y1) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    mask[y0:y1, x0:x1] = 255
    return mask


def bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def test_kernel_sides_follow_the_sheet_worked_example():
    """A 512^2 crop with a face of ~23 000 px: kernels ~9 (0.06), 15 (0.1), 7 (0.05), 3 (0.02)."""
    face = np.zeros((512, 512), np.uint8)
    cv2.ellipse(face, (256, 256), (75, 98), 0, 0, 360, 255, -1)
    assert 22_500 < np.count_nonzero(face) < 23_500
    assert [kernel_side(face, k) for k in (0.06, 0.1, 0.05, 0.02)] == [9, 15, 7, 3]


def test_dilate_by_area_grows_by_the_kernel_side():
    mask = square((300, 300), 100, 100, 200, 200)  # area 10 000, sqrt 100
    grown = dilate_by_area(mask, 0.1)  # side 10: 5 px on one side, 4 on the other
    x0, y0, x1, y1 = bbox(grown)
    assert (x1 - x0, y1 - y0) == (109, 109)
    assert np.count_nonzero(grown & ~mask) > 0 and not (mask & ~grown).any()
    assert np.array_equal(dilate_by_area(mask, 0.01), mask)  # side 1: identity
    assert not dilate_by_area(np.zeros((50, 50), np.uint8), 0.1).any()
    assert set(np.unique(grown)) == {0, 255}


def test_eye_split_mask_rows_above_the_eye_line_barely_grow():
    face = square((400, 400), 150, 100, 250, 260)  # 100 x 160 face, eyes at row 160
    eye_y = 160.0
    out = eye_split_mask(face, eye_y)  # 0.06 then 0.1
    first = dilate_by_area(face, 0.06)
    second = dilate_by_area(first, 0.1)
    assert np.array_equal(out[:160], first[:160])
    assert np.array_equal(out[160:], second[160:])
    # The lower half is wider than the upper half by about the second kernel.
    upper_w = np.count_nonzero(out[150])
    lower_w = np.count_nonzero(out[200])
    assert lower_w - upper_w >= kernel_side(first, 0.1) - 1
    # With a warp mask the big dilation only spreads where the template or the new face is.
    warp = square((400, 400), 150, 100, 290, 260)  # the warped face reaches further right
    limited = eye_split_mask(face, eye_y, warp_mask=warp)
    assert np.array_equal(limited[160:], np.minimum(second, np.maximum(first, warp))[160:])
    assert not limited[200, :140].any(), "no growth to the left, where neither face is"
    assert limited[200, 257] == 255 and not first[200, 257], "growth toward the new face"
    # The Canny exclusion: raw face above the eyes, 0.05 dilation below.
    canny_mask = eye_split_mask(face, eye_y, k=0.05, k_first=0)
    assert np.array_equal(canny_mask[:160], face[:160])
    assert np.array_equal(canny_mask[160:], dilate_by_area(face, 0.05)[160:])
    # A fractional eye line: rows with index >= eye_y are "at or below".
    half_row = eye_split_mask(face, 159.5)
    assert np.array_equal(half_row[160], second[160]) and np.array_equal(half_row[159], first[159])


def test_eye_split_mask_without_a_face_is_empty_not_a_crash():
    """Upstream reads an undefined variable here; we return an empty mask."""
    empty = np.zeros((64, 64), np.uint8)
    assert not eye_split_mask(empty, 30.0).any()
    assert not eye_split_mask(empty, 30.0, warp_mask=square((64, 64), 10, 10, 40, 40)).any()
    with pytest.raises(InvalidInputError):
        eye_split_mask(square((64, 64), 10, 10, 40, 40), 30.0, warp_mask=np.zeros((32, 32)))


def test_eye_line_is_the_mean_of_the_eye_centres():
    points = np.zeros((68, 2), np.float32)
    points[36:42, 1] = 100.0
    points[42:48, 1] = 110.0
    assert eye_line(points) == pytest.approx(105.0)
    with pytest.raises(InvalidInputError):
        eye_line(np.zeros((5, 2)))


def test_soft_person_mask_is_zero_outside_and_one_inside():
    person = square((200, 200), 50, 50, 150, 150)
    alpha = soft_person_mask(person)
    assert alpha.dtype == np.float32
    assert (alpha[person == 0] == 0).all()
    assert alpha[100, 100] == pytest.approx(1.0, abs=1e-3)
    assert 0.3 < alpha[50, 100] < 0.7, "soft just inside the border"


@pytest.mark.parametrize("box", [(300, 200, 400, 330), (5, 10, 90, 120), (520, 350, 598, 398)])
def test_square_face_crop_geometry_and_transform(box):
    rng = np.random.default_rng(0)
    image = rng.integers(0, 255, (400, 600, 3), dtype=np.uint8)
    crop = square_face_crop(image, box)
    assert isinstance(crop, FaceCrop) and crop.image.shape == (512, 512, 3)
    bw, bh = box[2] - box[0], box[3] - box[1]
    side = 2 * crop.half
    assert abs(side - max(bw, bh) / 0.45) <= 2, "side ~2.22x the longer face side"
    # The face centre maps to the crop centre; points round-trip.
    centre = np.array([[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]])
    assert np.abs(crop.to_crop(centre) - 256).max() <= crop.scale + 1e-6
    pts = np.array([[box[0], box[1]], [box[2], box[3]]], np.float32)
    assert np.allclose(crop.to_image(crop.to_crop(pts)), pts, atol=1e-3)
    # The matrix is the same map (warpAffine of the image reproduces the crop inside the image).
    warped = cv2.warpAffine(image, crop.matrix, (512, 512), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    assert np.allclose(crop.inverse_matrix @ np.array([256.0, 256.0, 1.0]),
                       crop.to_image(np.array([[256.0, 256.0]]))[0], atol=1e-3)
    inner = cv2.erode((warped.max(axis=2) > 0).astype(np.uint8), np.ones((9, 9))) > 0
    assert np.abs(warped[inner].astype(int) - crop.image[inner].astype(int)).mean() < 40
    # Outside the image the crop is zero-padded.
    x0, y0, x1, y1 = crop.window
    if x0 < 0:
        assert (crop.image[:, : int(-x0 * crop.scale) - 1] == 0).all()
    if y1 > 400:
        assert (crop.image[512 - int((y1 - 400) * crop.scale) + 1:] == 0).all()


def test_square_face_crop_blacks_out_other_faces():
    image = np.full((300, 600, 3), 200, np.uint8)
    crop = square_face_crop(image, (100, 100, 180, 180), other_boxes=[(250, 100, 330, 180)])
    other = crop.to_crop(np.array([[260.0, 110.0], [320.0, 170.0]]))
    (ax, ay), (bx, by) = other.astype(int)
    assert (crop.image[ay:by, ax:min(bx, 511)] == 0).all()
    assert (image == 200).all(), "the input is not modified"


def test_merge_window_mask_is_exactly_zero_outside_the_window():
    shape = (400, 600)
    image = np.zeros(shape + (3,), np.uint8)
    box, other = (250, 150, 350, 260), (420, 150, 500, 240)
    crop = square_face_crop(image, box, other_boxes=[other])
    alpha = merge_window_mask(crop, box, other_boxes=[other])
    assert alpha.shape == shape and alpha.dtype == np.float32
    x0, y0, x1, y1 = crop.visible()
    outside = np.ones(shape, bool)
    outside[y0:y1, x0:x1] = False
    assert (alpha[outside] == 0).all()
    assert (alpha[150:260, 250:350] == 1).all(), "the face box is fully pasted"
    assert (alpha[150:240, 420:500] == 0).all(), "other faces are never pasted"
    # A feather from the window edge inward: 0 at the edge, 1 a little inside.
    row = alpha[(y0 + y1) // 2, x0:(x0 + x1) // 2]
    assert row[0] == 0 and row[-1] == 1
    assert np.all(np.diff(row) >= -1e-6), "monotonic ramp"
    ksize = int(10 * crop.half / 256)
    assert 0 < np.count_nonzero((row > 0) & (row < 1)) <= 4 * ksize + 2


def test_merge_window_at_the_image_edge_stays_opaque_to_the_edge():
    image = np.zeros((300, 300, 3), np.uint8)
    box = (0, 100, 80, 190)  # the window runs past the left edge
    crop = square_face_crop(image, box)
    assert crop.window[0] < 0
    alpha = merge_window_mask(crop, box)
    assert alpha[145, 0] == 1.0 and alpha[145, 1] == 1.0


def test_paste_back_changes_only_the_window():
    rng = np.random.default_rng(1)
    template = rng.integers(0, 255, (360, 480, 3), dtype=np.uint8)
    box = (200, 120, 280, 220)
    crop = square_face_crop(template, box)
    processed = np.full((512, 512, 3), 255, np.uint8)
    alpha = merge_window_mask(crop, box)
    out = crop.paste(template, processed, alpha)
    assert out.shape == template.shape
    assert np.array_equal(out[alpha == 0], template[alpha == 0])
    assert (out[alpha == 1] == 255).all()
    # Pasting the unmodified crop back is (nearly) the identity inside the window.
    same = crop.paste(template, crop.image, alpha)
    inside = alpha > 0
    assert np.abs(same[inside].astype(int) - template[inside].astype(int)).mean() < 40


def test_tryon_masks():
    garment = np.zeros((300, 200), np.uint8)
    cv2.rectangle(garment, (40, 100), (160, 290), 255, -1)
    inpaint = tryon_inpaint_mask(garment)
    eroded = cv2.erode(garment, np.ones((15, 15), np.uint8))
    assert np.array_equal(inpaint, 255 - eroded)
    assert (inpaint[garment == 0] == 255).all(), "everything but the garment is repainted"
    alpha = garment_paste_alpha(garment)
    assert (alpha[inpaint == 0] == 1.0).all(), "alpha is 1 wherever the inpainting kept pixels"
    assert (alpha[garment == 0] == 0.0).all()
    photo = np.full((300, 200, 3), 10, np.uint8)
    generated = np.full((300, 200, 3), 240, np.uint8)
    out = blend(photo, generated, alpha)
    assert np.array_equal(out[inpaint == 0], photo[inpaint == 0])
    assert np.array_equal(out[garment == 0], generated[garment == 0])
    with pytest.raises(InvalidInputError):
        blend(photo, generated, alpha[:-1])


def test_bad_inputs_are_typed_errors():
    with pytest.raises(InvalidInputError):
        square_face_crop(np.zeros((50, 50, 3), np.uint8), (10, 10, 5, 40))
    with pytest.raises(InvalidInputError):
        square_face_crop(np.zeros((50, 50, 3), np.float32), (10, 10, 20, 20))
    with pytest.raises(InvalidInputError):
        dilate_by_area(np.zeros((0, 0), np.uint8), 0.1)


def test_tryon_body_mask():
    person = square((100, 100), 20, 0, 80, 100)
    head = square((100, 100), 35, 0, 65, 30)
    neck = square((100, 100), 42, 30, 58, 38)
    garment = square((100, 100), 20, 40, 80, 100)
    body = tryon_body_mask(person, head, neck, garment)
    assert not body[:32, 33:67].any() and not body[30:38, 40:60].any(), "head, neck + 2 px"
    assert (body[garment > 0] == 255).all()
    assert body[10, 25] == 255 and body[10, 10] == 0, "the rest of the person, not outside it"
    with pytest.raises(InvalidInputError):
        tryon_body_mask(person, head[:-1], neck, garment)


def synthetic_68(cx: float, cy: float, scale: float, angle: float = 0.0) -> np.ndarray:
    """A face-like 68-point layout (an ellipse of points) moved by a similarity."""
    rng = np.random.default_rng(3)
    base = rng.uniform(-1, 1, (68, 2))
    base[36:42] = (-0.4, -0.3) + rng.normal(0, 0.03, (6, 2))
    base[42:48] = (0.4, -0.3) + rng.normal(0, 0.03, (6, 2))
    base[30], base[48], base[54] = (0, 0.1), (-0.3, 0.5), (0.3, 0.5)
    c, s = np.cos(angle), np.sin(angle)
    rot = np.array([[c, -s], [s, c]])
    return (base @ rot.T * scale + (cx, cy)).astype(np.float32)


def test_warp_face_maps_the_draft_landmarks_onto_the_template():
    from facechain.components.inpaint_masks import five_points, warp_face

    draft68 = synthetic_68(100, 110, 40)
    template68 = synthetic_68(220, 180, 60, angle=0.3)
    draft = np.full((240, 240, 3), 50, np.uint8)
    draft_face = np.zeros((240, 240), np.uint8)
    cv2.fillPoly(draft_face, [cv2.convexHull(np.round(draft68).astype(np.int32))], 255)
    draft[draft_face > 0] = 200
    template = np.full((360, 420, 3), 10, np.uint8)
    out = warp_face(template, draft, draft_face, draft68, template68)
    assert out.image.shape == template.shape and out.mask.shape == template.shape[:2]
    assert np.abs(out.landmarks68 - template68).max() < 0.5, "an exact similarity is recovered"
    assert np.abs(five_points(out.landmarks68) - five_points(template68)).max() < 0.5
    assert np.array_equal(out.image[out.mask == 0], template[out.mask == 0])
    assert (out.image[out.mask > 0] == 200).mean() > 0.95
    area_ratio = np.count_nonzero(out.mask) / np.count_nonzero(draft_face)
    assert abs(area_ratio - 1.5 ** 2) < 0.2, "scaled by 60 / 40"


def test_add_vae_error_restores_the_background_only():
    from facechain.components.inpaint_masks import add_vae_error

    rng = np.random.default_rng(2)
    original = rng.integers(20, 235, (100, 100, 3), dtype=np.uint8)
    reconstruction = np.clip(original.astype(int) + rng.integers(-15, 15, original.shape), 0,
                             255).astype(np.uint8)
    person = square((100, 100), 30, 30, 70, 100)
    alpha = soft_person_mask(person)
    output = reconstruction.copy()
    output[person > 0] = 128  # the pass redrew the person
    out = add_vae_error(output, original, reconstruction, alpha)
    assert np.array_equal(out[person == 0], original[person == 0]), "background comes back exact"
    deep = cv2.erode(person, np.ones((31, 31), np.uint8), borderType=cv2.BORDER_CONSTANT,
                     borderValue=0) > 0
    assert (out[deep] == 128).all(), "inside the person nothing is added"
    with pytest.raises(InvalidInputError):
        add_vae_error(output, original, reconstruction, alpha[:-1])


def test_latent_redraw_alpha_covers_the_mask_on_the_latent_grid():
    from facechain.components.inpaint_masks import latent_redraw_alpha

    mask = square((128, 128), 50, 50, 70, 70)
    alpha = latent_redraw_alpha(mask)
    assert alpha.shape == mask.shape and alpha.dtype == np.float32
    assert (alpha[mask > 0] == 1.0).all(), "every redrawn pixel is fully inside"
    assert (alpha[48:72, 48:72] == 1.0).all() and 0 < alpha[60, 44] < 1
    # the grid cells 6..8 hold mask pixels -> pixels 48..71 are 1, ramping to 0 by 40 and 79
    assert (alpha[:, :24] == 0).all() and (alpha[:, 96:] == 0).all()
    assert (alpha[:24] == 0).all() and (alpha[96:] == 0).all()
    assert not latent_redraw_alpha(np.zeros((64, 64), np.uint8)).any()


def test_add_vae_error_removes_the_decoder_spread_outside_the_redrawn_cells():
    """The decoder spread a redrawn face into the untouched latents (output - reconstruction
    outside the redraw): with the redraw alpha the background comes back exact; inside the redrawn
    cells the redraw is kept even outside the person (a face mask spilling past it)."""
    from facechain.components.inpaint_masks import add_vae_error, latent_redraw_alpha

    rng = np.random.default_rng(3)
    original = rng.integers(40, 215, (128, 128, 3), dtype=np.uint8)
    reconstruction = np.clip(original.astype(int) + rng.integers(-12, 12, original.shape), 0,
                             255).astype(np.uint8)
    person = square((128, 128), 32, 40, 96, 128)
    redraw = square((128, 128), 40, 16, 88, 64)  # the face mask reaches above the person
    output = np.clip(reconstruction.astype(int) + 20, 0, 255).astype(np.uint8)  # spread everywhere
    output[redraw > 0] = 200
    person_alpha = soft_person_mask(person)
    upstream = add_vae_error(output, original, reconstruction, person_alpha)
    out = add_vae_error(output, original, reconstruction, person_alpha, latent_redraw_alpha(redraw))
    far = (person == 0) & (latent_redraw_alpha(redraw) == 0)
    assert np.array_equal(out[far], original[far])
    assert np.abs(upstream[far].astype(int) - original[far]).mean() > 15, "upstream keeps the spread"
    spill = (redraw > 0) & (person == 0)
    spill = cv2.erode(spill.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    assert spill.any() and np.array_equal(out[spill], upstream[spill]), "the redraw is kept there"
    with pytest.raises(InvalidInputError):
        add_vae_error(output, original, reconstruction, person_alpha, latent_redraw_alpha(redraw)[:-1])
