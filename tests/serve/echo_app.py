"""A one-deployment app for testing the ``facechain serve`` process lifecycle quickly."""

from ray import serve


@serve.deployment
class Echo:
    async def __call__(self, request) -> dict:
        return {"ok": True}


def build(args: dict | None = None):
    return Echo.bind()
