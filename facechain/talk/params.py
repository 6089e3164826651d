"""Talking-head knobs, as SadTalker and FaceChain's tab expose them (ranges from its UI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FPS = 25  # SadTalker's hard-coded frame rate


class TalkParams(BaseModel):
    """Validated talk options. Same inputs and ``seed`` give identical frames."""

    model_config = ConfigDict(extra="forbid")

    pose_style: int = Field(0, ge=0, le=45, description="head-motion preset 0..45 (SadTalker's "
                            "PoseVAE class); ignored in still mode")
    expression_scale: float = Field(1.0, ge=0.5, le=2.0, description="gain of the mouth "
                                    "opening and expression (SadTalker's exp_scale)")
    still: bool = Field(True, description="no head motion (blinks stay, as in SadTalker's code)")
    blink: bool = Field(True, description="seeded blinks at conversational rates")
    preprocess: Literal["crop", "resize", "full"] = Field(
        "crop", description="crop: the aligned face crop at `size`; resize: the whole photo "
        "squashed to `size` x `size`; full: animate in place on the whole photo")
    size: Literal[256, 512] = Field(256, description="face render resolution")
    enhance: bool = Field(False, description="x2 enhancement of the face region "
                          "(the face_restoration role)")
    seed: int = Field(0, ge=0, le=2**31 - 1, description="seed of blinks and head motion")
