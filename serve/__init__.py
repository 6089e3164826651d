"""Serving layer: FastAPI ingress over the Ray Serve graph."""
