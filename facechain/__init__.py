"""FaceChain library."""
