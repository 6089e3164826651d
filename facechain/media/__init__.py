"""Audio and video files: speech decoding, framing and checks (:mod:`.audio`), H.264/AAC mp4
writing, probing and reading back (:mod:`.video`). Everything goes through the ffmpeg binary
shipped in the imageio-ffmpeg wheel (no system ffmpeg or ffprobe is assumed)."""
