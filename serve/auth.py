"""API keys, tenants, rate limits and the request-body cap of the ingress.

The key file (``facechain serve --api-keys FILE``, app arg ``api_keys``) is YAML, one entry per
tenant::

    alice: sk-alice-2f9c...                 # the key itself
    bob: sha256:9f86d081884c7d65...         # or its SHA-256 (hex): the file then holds no secret
    ops:                                    # the long form: several keys (rotation), rights,
      keys: [sha256:..., sk-ops-new...]     #   per-tenant quota overrides
      admin: true                           # may add global styles (POST /v1/styles shared=true)
      quotas: {loras: 500, jobs: 8, requests_per_minute: 1200}

Tenant names are 1-24 characters of a-z, 0-9 and inner '-' (they prefix storage ids,
:func:`servekit.storage.scoped_id`). Keys are compared in constant time: the SHA-256 of the
presented key against every stored digest with :func:`hmac.compare_digest` (as vLLM's auth
middleware does), so neither a key's prefix nor which tenant matched shows in the timing.

Without a key file, auth is off **for loopback clients only** (tenant ``local``, admin): the
local profile needs no setup and no secret in its logs, and a server bound to a public address
by mistake still answers every remote client 401 (and so does a request relayed by a reverse
proxy on the host: one with Forwarded / X-Forwarded-For). The cluster configs always set
``api_keys``.

:class:`ApiGuard` is a pure ASGI middleware, so it answers before FastAPI reads (spools) a
multipart body: 401 (no key, bad key), 429 (the tenant's requests per minute, a token bucket
per tenant *in this ingress replica*: N replicas admit up to N x the rate), 413 (the whole body
over the cap, by Content-Length or by counting streamed bytes). Routes read the caller with
``Depends(caller)`` and admin-only ones add ``Depends(require_admin)`` (403).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from facechain.errors import ConfigError
from serve.errors import (
    ForbiddenError,
    RateLimitedError,
    RequestTooLargeError,
    UnauthorizedError,
    error_response,
)
from servekit.storage import TENANT

logger = logging.getLogger(__name__)

__all__ = ["LOCAL_TENANT", "PUBLIC_PATHS", "SCOPE_KEY", "ApiGuard", "KeyRing", "Principal", "Quotas",
           "RateLimiter", "caller", "hash_key", "require_admin"]

LOCAL_TENANT = "local"
"""The one tenant of a server without a key file (loopback clients only)."""
PUBLIC_PATHS = frozenset({"/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/redoc",
                          "/openapi.json"})
"""Answered without a key: probes, and the API description (no data in it)."""
UI_PREFIX = "/ui"
"""The web UI's files (``serve/ui.py``): answered without a key too; the page sends the key."""
SCOPE_KEY = "facechain.principal"
_HASH_PREFIX = "sha256:"


class Quotas(BaseModel):
    """Per-tenant limits (app arg ``quotas``: the defaults; a key-file entry may override)."""

    model_config = ConfigDict(extra="forbid")

    loras: int = Field(100, ge=0, description="LoRAs stored, trainings in flight included")
    jobs: int = Field(4, ge=0, description="jobs queued or running at once")
    requests_per_minute: int = Field(600, ge=0, description="requests per minute per ingress "
                                     "replica (0: unlimited)")


@dataclass(frozen=True)
class Principal:
    """Who is calling: the tenant, its rights and its quotas."""

    tenant: str
    admin: bool = False
    quotas: Quotas = field(default_factory=Quotas)


def hash_key(key: str) -> str:
    """The stored form of a key: ``sha256:<hex>`` (``facechain serve --hash-key``)."""
    return _HASH_PREFIX + hashlib.sha256(key.encode()).hexdigest()


def _digest(stored: str, where: str) -> bytes:
    if stored.startswith(_HASH_PREFIX):
        hexdigest = stored[len(_HASH_PREFIX):].strip().lower()
        if len(hexdigest) != 64:
            raise ConfigError(f"{where}: a sha256 key needs 64 hex digits", param="api_keys")
        try:
            return bytes.fromhex(hexdigest)
        except ValueError:
            raise ConfigError(f"{where}: a sha256 key needs 64 hex digits",
                              param="api_keys") from None
    if len(stored) < 16:
        raise ConfigError(f"{where}: keys need at least 16 characters", param="api_keys")
    return hashlib.sha256(stored.encode()).digest()


class KeyRing:
    """API keys -> principals, from the key file. Holds digests only."""

    def __init__(self, entries: list[tuple[bytes, Principal]]):
        self._entries = entries

    @classmethod
    def load(cls, path: str | Path, defaults: Quotas | None = None) -> KeyRing:
        """Read a key file (format: the module docstring); ConfigError for anything invalid."""
        try:
            data = yaml.safe_load(Path(path).read_text())
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read the API key file {path}: {exc}",
                              param="api_keys") from exc
        return cls.from_mapping(data, defaults, where=str(path))

    @classmethod
    def from_mapping(cls, data: Any, defaults: Quotas | None = None, *,
                     where: str = "api_keys") -> KeyRing:
        if not isinstance(data, dict) or not data:
            raise ConfigError(f"{where}: expected a mapping of tenant: key", param="api_keys")
        defaults = defaults or Quotas()
        entries: list[tuple[bytes, Principal]] = []
        seen: set[bytes] = set()
        for tenant, value in data.items():
            if not isinstance(tenant, str) or not TENANT.fullmatch(tenant):
                raise ConfigError(f"{where}: invalid tenant name {tenant!r} (1-24 of a-z, 0-9, "
                                  "inner '-')", param="api_keys")
            if isinstance(value, str):
                value = {"keys": [value]}
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {tenant}: expected a key or a mapping",
                                  param="api_keys")
            unknown = set(value) - {"key", "keys", "admin", "quotas"}
            if unknown:
                raise ConfigError(f"{where}: {tenant}: unknown fields {sorted(unknown)}",
                                  param="api_keys")
            keys = list(value.get("keys") or []) + ([value["key"]] if "key" in value else [])
            if not keys or not all(isinstance(k, str) for k in keys):
                raise ConfigError(f"{where}: {tenant}: no key", param="api_keys")
            try:
                quotas = defaults.model_copy(update=Quotas.model_validate(
                    {**defaults.model_dump(), **(value.get("quotas") or {})}).model_dump())
            except ValueError as exc:
                raise ConfigError(f"{where}: {tenant}: quotas: {exc}", param="api_keys") from exc
            principal = Principal(tenant, admin=bool(value.get("admin", False)), quotas=quotas)
            for key in keys:
                digest = _digest(key, f"{where}: {tenant}")
                if digest in seen:
                    raise ConfigError(f"{where}: {tenant}: a key is listed twice",
                                      param="api_keys")
                seen.add(digest)
                entries.append((digest, principal))
        return cls(entries)

    @property
    def tenants(self) -> list[str]:
        return sorted({p.tenant for _, p in self._entries})

    def authenticate(self, key: str) -> Principal | None:
        """The principal holding ``key``, or None. Every stored digest is compared, in constant
        time each, whatever matches."""
        presented = hashlib.sha256(key.encode()).digest()
        found = None
        for digest, principal in self._entries:
            if hmac.compare_digest(presented, digest):
                found = principal
        return found


class RateLimiter:
    """A token bucket per tenant: ``requests_per_minute`` tokens, refilled continuously (so a
    burst of a minute's worth is allowed, then one per 60/rpm seconds). Per process: each
    ingress replica keeps its own buckets."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # tenant -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, tenant: str, per_minute: int) -> float:
        """Take one token: 0.0 if allowed, else the seconds until one is available."""
        if per_minute <= 0:
            return 0.0
        rate = per_minute / 60.0
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(tenant, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[tenant] = (tokens - 1.0, now)
                return 0.0
            self._buckets[tenant] = (tokens, now)
            return (1.0 - tokens) / rate


_PROXY_HEADERS = (b"forwarded", b"x-forwarded-for", b"x-real-ip")


def _loopback(scope: dict) -> bool:
    """A client on this host, not relayed: a request a local reverse proxy forwarded (it names
    the real client in a Forwarded / X-Forwarded-For / X-Real-IP header) is not loopback."""
    client = scope.get("client")
    if not client or any(k in _PROXY_HEADERS for k, _ in scope.get("headers", [])):
        return False
    try:
        return ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False


class ApiGuard:
    """Auth, rate limit and body cap of one ingress (read by the middleware per request).

    ``keys`` None: auth off for loopback clients (tenant ``local``, admin); remote clients 401.
    ``metrics_public``: ``/metrics`` without a key (a Prometheus scraper inside the cluster).
    """

    def __init__(self, keys: KeyRing | None, *, quotas: Quotas | None = None,
                 metrics_public: bool = False, max_request_bytes: int | None = None,
                 limiter: RateLimiter | None = None):
        self.keys = keys
        self.quotas = quotas or Quotas()
        self.local = Principal(LOCAL_TENANT, admin=True, quotas=self.quotas)
        self.public = PUBLIC_PATHS | ({"/metrics"} if metrics_public else set())
        self.max_request_bytes = max_request_bytes
        self.limiter = limiter or RateLimiter()

    def principal(self, scope: dict) -> Principal:
        """The caller of an HTTP scope; :class:`UnauthorizedError` if there is none."""
        if self.keys is None:
            if _loopback(scope):
                return self.local
            raise UnauthorizedError("this server has no API keys and serves loopback clients "
                                    "only; start it with --api-keys FILE")
        header = next((v for k, v in scope.get("headers", []) if k == b"authorization"), None)
        if header is None:
            raise UnauthorizedError()
        scheme, _, key = header.decode("latin-1").strip().partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise UnauthorizedError("expected 'Authorization: Bearer <key>'")
        principal = self.keys.authenticate(key.strip())
        if principal is None:
            raise UnauthorizedError("invalid API key", invalid_token=True)
        return principal

    def admit(self, scope: dict) -> Principal | None:
        """Authenticate and rate-limit one request (None: a public path)."""
        path = scope.get("path", "")
        if path in self.public or path == UI_PREFIX or path.startswith(UI_PREFIX + "/"):
            return None
        principal = self.principal(scope)
        wait = self.limiter.take(principal.tenant, principal.quotas.requests_per_minute)
        if wait > 0:
            raise RateLimitedError(
                f"tenant '{principal.tenant}' is over {principal.quotas.requests_per_minute} "
                "requests per minute", retry_after_s=wait)
        return principal


class _BodyTooLarge(Exception):
    pass


class ApiGuardMiddleware:
    """ASGI middleware: runs the :class:`ApiGuard` that ``guard()`` returns (the serving
    replica's) before the app sees the request; the body cap by Content-Length at once, and by
    counting the bytes as the app reads them (a chunked or lying upload is cut off at the cap
    and answered 413, whatever the app made of the cut)."""

    def __init__(self, app: Any, guard: Callable[[], ApiGuard | None]):
        self.app = app
        self.guard = guard

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            guard = self.guard()
        except Exception:  # noqa: BLE001 - no replica context: nothing to serve with
            guard = None
        if guard is None:  # no Ingress configured this app: serve nothing
            await self._answer(UnauthorizedError("the server is not configured"), scope,
                               receive, send)
            return
        try:
            principal = guard.admit(scope)
        except (UnauthorizedError, RateLimitedError) as exc:
            await self._answer(exc, scope, receive, send)
            return
        scope[SCOPE_KEY] = principal
        cap = guard.max_request_bytes
        if cap is None:
            await self.app(scope, receive, send)
            return
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None and length.isdigit() and int(length) > cap:
            await self._answer(self._too_large(cap), scope, receive, send)
            return
        await self._capped(scope, receive, send, cap)

    async def _capped(self, scope: dict, receive: Callable, send: Callable, cap: int) -> None:
        state = {"read": 0, "over": False, "started": False}

        async def counting_receive() -> dict:
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > cap:
                    state["over"] = True
                    raise _BodyTooLarge()
            return message

        async def guarded_send(message: dict) -> None:
            if state["over"] and not state["started"]:
                return  # the app's answer to a cut-off body is replaced by the 413
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await self._answer(self._too_large(cap), scope, receive, send)

    @staticmethod
    def _too_large(cap: int) -> RequestTooLargeError:
        return RequestTooLargeError(f"the request body exceeds {cap / (1024 * 1024):g} MB")

    @staticmethod
    async def _answer(exc: Exception, scope: dict, receive: Callable, send: Callable) -> None:
        response = error_response(exc)
        if scope.get("method") == "HEAD":
            response.body = b""
        await response(scope, receive, send)


def caller(request: Request) -> Principal:
    """FastAPI dependency: the authenticated caller (set by :class:`ApiGuardMiddleware`)."""
    principal = request.scope.get(SCOPE_KEY)
    if principal is None:  # a public path's route asking for a caller: a wiring bug
        raise UnauthorizedError()
    return principal


def require_admin(principal: Principal) -> Principal:
    """The caller, if it holds an admin key; else :class:`ForbiddenError` (403). Routes call it
    where the right depends on the request (``POST /v1/styles`` with ``shared=true``)."""
    if not principal.admin:
        raise ForbiddenError(f"tenant '{principal.tenant}' has no admin right for this",
                             param="authorization")
    return principal
