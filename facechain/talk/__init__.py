"""The talking head's parts (the classical ``mesh_warp`` backend and its measurements).

- :mod:`facechain.talk.params`: :class:`TalkParams`, the knobs SadTalker / FaceChain expose;
- :mod:`facechain.talk.driving`: audio (phoneme timings or energy envelope and spectral cues)
  -> mouth signals; :func:`driving_signals` assembles :class:`facechain.types.DrivingSignals`;
- :mod:`facechain.talk.motion`: seeded blinks and head motion;
- :mod:`facechain.talk.mesh_warp`: MediaPipe face mesh, piecewise-affine dense warp, inner-mouth
  fill, crop / full / resize framing;
- :mod:`facechain.talk.lipsync`: lip sync and the other output checks measured without SyncNet.
"""
