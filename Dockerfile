# syntax=docker/dockerfile:1
# FaceChain Serve, GPU image: CUDA runtime + cuDNN, Python 3.11, torch (CUDA build), the project
# with the `serve` and `gpu` extras. The KubeRay RayService (configs/kuberay/rayservice.yaml) runs
# it on every node (KubeRay replaces CMD with its own `ray start`); alone on one GPU box:
#
#   docker build -t facechain-serve:0.1.0 .
#   docker run --gpus all -p 8000:8000 -p 8080:8080 -p 8265:8265 \
#     -v facechain-jobs:/var/lib/facechain/jobs -v facechain-artifacts:/data/facechain/artifacts \
#     facechain-serve:0.1.0
#
# Versions: Ray Serve 2.60 and the pins come from pyproject.toml; torch is installed first from
# PyTorch's CUDA index so that pip keeps that build (2.13.0+cuXXX satisfies `torch>=2.4`) instead
# of resolving one from PyPI. Match TORCH_INDEX to the CUDA of the base image.
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu22.04
FROM ${CUDA_IMAGE}

ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX=https://download.pytorch.org/whl/cu128

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    FACECHAIN_CONFIG_DIR=/app/configs \
    FACECHAIN_CACHE=/var/cache/facechain \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    GLOG_minloglevel=2 \
    RAY_AUTH_MODE=disabled \
    RAY_USAGE_STATS_ENABLED=0

# Python 3.11 from deadsnakes (Ubuntu 22.04 ships 3.10); espeak-ng for the TTS fallback; libgl1 and
# libglib2.0-0 for MediaPipe; curl for the health check; tini reaps Ray's child processes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl gpg-agent software-properties-common \
 && add-apt-repository -y ppa:deadsnakes/ppa \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      python3.11 python3.11-venv libgomp1 libgl1 libglib2.0-0 espeak-ng tini \
 && apt-get purge -y software-properties-common gpg-agent \
 && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

RUN python3.11 -m venv "$VIRTUAL_ENV" \
 && pip install --upgrade pip setuptools wheel \
 && pip install "torch==${TORCH_VERSION}" --index-url "${TORCH_INDEX}"

WORKDIR /app

# Dependencies in their own layer: install the project once with empty packages (cached until
# pyproject.toml or requirements-nodeps.txt change), then remove it and keep its dependencies.
# onnxruntime (a core dependency) and onnxruntime-gpu (gpu extra) install the same `onnxruntime`
# module, so both are removed and only the GPU build is reinstalled (its files whole again).
# requirements-nodeps.txt: packages whose declared dependencies conflict (GUI opencv, jax,
# torchvision), installed with --no-deps; their real dependencies are in pyproject.toml.
COPY pyproject.toml README.md requirements-nodeps.txt ./
RUN mkdir -p facechain deployments serve servekit \
 && touch facechain/__init__.py deployments/__init__.py serve/__init__.py servekit/__init__.py \
 && pip install ".[serve,gpu]" \
 && ORT_VERSION="$(pip show onnxruntime-gpu | sed -n 's/^Version: //p')" \
 && pip uninstall -y onnxruntime onnxruntime-gpu \
 && pip install --no-deps "onnxruntime-gpu==${ORT_VERSION}" \
 && pip install --no-deps -r requirements-nodeps.txt \
 && pip uninstall -y facechain-serve \
 && rm -rf facechain deployments serve servekit build ./*.egg-info

COPY . .
RUN pip install --no-deps . \
 && python -c "import facechain, serve, servekit, deployments, ray.serve, torch, onnxruntime, mediapipe; print('ok', torch.__version__, onnxruntime.get_device())" \
 && useradd --create-home --uid 1000 facechain \
 && mkdir -p /var/lib/facechain/jobs /data/facechain/artifacts "$FACECHAIN_CACHE" \
 && chown -R facechain:facechain /app /var/lib/facechain /data/facechain "$FACECHAIN_CACHE"

USER facechain
VOLUME ["/var/lib/facechain/jobs", "/data/facechain/artifacts"]

# 8000: HTTP API (Serve proxy); 8080: Ray metrics export (Prometheus). The Ray dashboard (8265)
# listens on the container's loopback only: it runs arbitrary jobs and has no auth here
# (RAY_AUTH_MODE=disabled keeps the one-box `serve run` simple); reach it with
# `docker exec` or an SSH / kubectl port-forward, never a published port.
# The API needs keys (configs/serve/gpu-cluster.yaml `api_keys`): mount a key file (YAML of
# tenant: key or sha256:<hex>, serve/auth.py): `-v $PWD/keys.yaml:/etc/facechain/api-keys/keys.yaml:ro`.
EXPOSE 8000 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1

ENTRYPOINT ["/usr/bin/tini", "--"]
# One box: a Ray head with the metrics port and the `facechain_state` resource that
# configs/serve/gpu-cluster.yaml pins the Ingress with, then the application.
CMD ["sh", "-c", "ray start --head --metrics-export-port=8080 --dashboard-host=127.0.0.1 --resources='{\"facechain_state\": 8}' && exec serve run configs/serve/gpu-cluster.yaml"]
