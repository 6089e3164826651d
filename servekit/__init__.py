"""What the deployments and the ingress share, below both of them.

``servekit`` holds the pieces that ``deployments/`` (the Ray Serve deployments) and ``serve/``
(the application builder and HTTP ingress) both need: component runtimes over deployment
handles (:mod:`servekit.adapters`), the forms of a face LoRA id (:mod:`servekit.loras`),
application metrics (:mod:`servekit.metrics`) and artifact storage (:mod:`servekit.storage`).
Layers (checked by import-linter, ``.importlinter``): ``serve`` -> ``deployments`` ->
``servekit`` -> ``facechain``; ``servekit`` imports neither serving package and ``deployments``
never imports ``serve``.
"""
