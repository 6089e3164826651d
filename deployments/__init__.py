"""Ray Serve deployments, one per model role."""
