"""Model components: one file per model role, each loading once and computing in ``__call__``.

Every component is built by the registry (``ModelRegistry.build(role)``) from a backend factory
registered with ``@register_backend(role, name)``; constructors load weights, calls never download
or open sessions. Interfaces (images are uint8 RGB (H, W, 3), see ``facechain.types``):

- rotation        ``RotationCorrector(image) -> Rotation(angle, image, faces)``
- face_detection  ``FaceDetector(image) -> list[Face]`` (largest first, 5 landmarks)
- landmarks       ``LandmarkPredictor(image, face) -> (68, 2) float array``
- human_parsing   ``HeadParser(image) -> Parsing(head, face, hair, person)`` uint8 masks
- skin_retouching ``SkinRetoucher(image, strength) -> image`` (strength 0 -> unchanged)
- face_attributes ``AttributeEstimator(image, face) -> Attributes``
- tagging         ``Tagger(image, face, parsing) -> list[str]``
- face_quality    ``FaceQualityScorer(image, face) -> QualityScore``
- face_recognition ``FaceEmbedder(image, face) -> (D,) float32`` (dlib 128, RTS 512; compare
                  with ``face_recognition.similarity``, which knows each backend's distance)
- face_fusion     ``FaceFuser(target, target_face, template, template_face, strength) -> image``

``face_alignment`` holds the geometry shared by several stages (no model).
"""
