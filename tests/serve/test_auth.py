"""API keys and tenants (serve/auth.py): the key file, constant-time checks, 401/403, the
loopback default, /metrics, the per-tenant rate limit and the whole-request body cap."""

from __future__ import annotations

import hashlib

import pytest

from facechain.errors import ConfigError

serve_api = pytest.importorskip("ray.serve")

from serve import auth as auth_module  # noqa: E402
from serve import ingress as ingress_module  # noqa: E402
from serve.auth import KeyRing, Quotas, RateLimiter, hash_key  # noqa: E402

from .ingress_fakes import KEYS, RecordingHandle, bearer, served_ingress, write_key_file  # noqa: E402
from .ingress_fakes import jpeg_bytes as _jpeg  # noqa: E402


@pytest.fixture
def keyed(monkeypatch, tmp_path):
    """(TestClient, Ingress) with the key file of ingress_fakes.KEYS, from a remote address."""
    keys = write_key_file(tmp_path / "keys.yaml")
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, client=("203.0.113.9", 4000),
                        api_keys=keys) as served:
        yield served


def _error(r, status, error_type):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["type"] == error_type, body
    return body["error"]


# -- the key file -------------------------------------------------------------------------------


def test_key_file_takes_plain_keys_hashes_and_the_long_form(tmp_path):
    ring = KeyRing.load(write_key_file(tmp_path / "keys.yaml", quotas={"jobs": 9}))
    assert ring.tenants == ["alice", "bob", "ops"]
    alice, bob, ops = (ring.authenticate(KEYS[t]) for t in ("alice", "bob", "ops"))
    assert alice.tenant == "alice" and not alice.admin and alice.quotas.jobs == 9
    assert bob.tenant == "bob" and bob.quotas == Quotas()  # stored as sha256: only
    assert ops.tenant == "ops" and ops.admin
    assert ring.authenticate("sk-nobody-0123456789") is None
    assert ring.authenticate(hash_key(KEYS["alice"])) is None  # the hash is not a key
    assert hash_key("x") == "sha256:" + hashlib.sha256(b"x").hexdigest()


def test_several_keys_per_tenant_for_rotation():
    ring = KeyRing.from_mapping({"carol": {"keys": ["old-key-0123456789", hash_key("new-key-0123456789")]}})
    assert ring.authenticate("old-key-0123456789").tenant == "carol"
    assert ring.authenticate("new-key-0123456789").tenant == "carol"


@pytest.mark.parametrize("data", [
    None, [], {"Alice": "k" * 20}, {"a_b": "k" * 20}, {"x" * 25: "k" * 20},  # tenant names
    {"alice": "short"}, {"alice": "sha256:abc"}, {"alice": "sha256:" + "z" * 64},  # keys
    {"alice": {"keys": []}}, {"alice": {"key": "k" * 20, "role": "admin"}},
    {"alice": {"key": "k" * 20, "quotas": {"jobs": -1}}},
    {"alice": "k" * 20, "bob": "k" * 20},  # one key, two tenants
])
def test_a_bad_key_file_is_a_config_error(data):
    with pytest.raises(ConfigError):
        KeyRing.from_mapping(data)


def test_keys_are_compared_in_constant_time_over_their_sha256(monkeypatch):
    ring = KeyRing.from_mapping({"a": "key-a-0123456789ab", "b": "key-b-0123456789ab",
                                 "c": hash_key("key-c-0123456789ab")})
    compared = []

    def spy(x, y):
        compared.append((x, y))
        return x == y

    monkeypatch.setattr(auth_module.hmac, "compare_digest", spy)
    assert ring.authenticate("key-a-0123456789ab").tenant == "a"
    # every stored digest compared (no early exit on the first match), 32-byte digests each
    assert len(compared) == 3
    assert all(len(x) == len(y) == 32 for x, y in compared)
    assert {x for x, _ in compared} == {hashlib.sha256(b"key-a-0123456789ab").digest()}


# -- 401 / 403 ------------------------------------------------------------------------------------


def test_every_route_but_the_probes_needs_a_key(keyed):
    client, _ = keyed
    for method, path in [("GET", "/v1/loras"), ("GET", "/v1/styles"), ("POST", "/v1/generate"),
                         ("GET", "/v1/jobs/abc"), ("GET", "/v1/jobs/abc/events"),
                         ("GET", "/v1/outputs/abc"), ("DELETE", "/v1/loras/abc"),
                         ("POST", "/v1/faces"), ("GET", "/metrics"), ("GET", "/v1/voices"),
                         ("GET", "/no/such/route")]:
        r = client.request(method, path)
        error = _error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"] == "Bearer", path
        assert "Bearer" in error["message"]
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/openapi.json").status_code == 200  # the API description holds no data


def test_a_bad_key_or_scheme_is_401(keyed):
    client, _ = keyed
    r = client.get("/v1/loras", headers={"Authorization": "Bearer sk-wrong-0123456789abcdef"})
    _error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    for header in (f"Basic {KEYS['alice']}", "Bearer ", KEYS["alice"]):
        _error(client.get("/v1/loras", headers={"Authorization": header}), 401, "unauthorized")
    assert client.get("/v1/loras", headers=bearer("alice")).json() == {"loras": []}
    assert client.get("/v1/loras", headers=bearer("bob")).status_code == 200  # a hashed key


def test_an_unauthenticated_upload_is_refused_before_the_body_is_read(keyed, monkeypatch):
    client, instance = keyed
    read = []
    monkeypatch.setattr(ingress_module.Ingress.func_or_class.__bases__[0], "_read_photos",
                        lambda self, photos: read.append(photos))
    r = client.post("/v1/loras", files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))])
    _error(r, 401, "unauthorized")
    assert read == [] and instance.artifacts.list("uploads") == []


def test_metrics_need_an_admin_key_unless_public(keyed, monkeypatch, tmp_path):
    client, _ = keyed

    async def scrape():
        return "ray_facechain_x 1\n"

    monkeypatch.setattr(ingress_module, "scrape_node_metrics", scrape)
    _error(client.get("/metrics"), 401, "unauthorized")
    _error(client.get("/metrics", headers=bearer("alice")), 403, "forbidden")
    assert client.get("/metrics", headers=bearer("ops")).text == "ray_facechain_x 1\n"
    keys = write_key_file(tmp_path / "k2.yaml")
    with served_ingress(monkeypatch, tmp_path / "p", RecordingHandle, client=("203.0.113.9", 1),
                        api_keys=keys, metrics_public=True) as (public, _):
        assert public.get("/metrics").text == "ray_facechain_x 1\n"
        _error(public.get("/v1/loras"), 401, "unauthorized")  # only /metrics is opened


def test_a_shared_style_needs_an_admin_key(keyed):
    client, _ = keyed
    data = {"slug": "dusk-shared", "name": "Dusk", "prompt": "{trigger}, dusk", "shared": "true"}
    _error(client.post("/v1/styles", data=data, headers=bearer("alice")), 403, "forbidden")
    r = client.post("/v1/styles", data=data, headers=bearer("ops"))
    assert r.status_code == 201, r.text
    for tenant in ("alice", "bob"):  # shared: every tenant sees it
        slugs = {s["slug"] for s in client.get("/v1/styles", headers=bearer(tenant)).json()}
        assert "dusk-shared" in slugs


# -- the loopback default -----------------------------------------------------------------------


@pytest.mark.parametrize("address,status", [
    ("127.0.0.1", 200), ("::1", 200), ("127.0.0.5", 200),
    ("10.0.0.7", 401), ("203.0.113.9", 401), ("testclient", 401)])
def test_without_keys_only_loopback_clients_are_served(monkeypatch, tmp_path, address, status):
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, client=(address, 1)) as (client, _):
        r = client.get("/v1/loras")
        assert r.status_code == status, r.text
        if status == 401:
            assert "--api-keys" in r.json()["error"]["message"]
        assert client.get("/healthz").status_code == 200


def test_a_request_relayed_by_a_local_proxy_is_not_loopback(monkeypatch, tmp_path):
    with served_ingress(monkeypatch, tmp_path, RecordingHandle) as (client, _):
        assert client.get("/v1/loras").status_code == 200
        for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
            r = client.get("/v1/loras", headers={header: "198.51.100.4"})
            assert r.status_code == 401, header


# -- requests per minute ------------------------------------------------------------------------


def test_the_rate_limit_is_a_token_bucket_per_tenant():
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.take("a", 3) for _ in range(3)] == [0.0, 0.0, 0.0]  # a burst of 3
    assert limiter.take("a", 3) == pytest.approx(20.0)  # one token per 20 s
    assert limiter.take("b", 3) == 0.0  # another tenant's own bucket
    now[0] = 20.0
    assert limiter.take("a", 3) == 0.0 and limiter.take("a", 3) > 0
    assert all(limiter.take("c", 0) == 0.0 for _ in range(100))  # 0: unlimited


def test_over_the_rate_is_429_with_retry_after(monkeypatch, tmp_path):
    keys = write_key_file(tmp_path / "keys.yaml", quotas={"requests_per_minute": 2})
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, client=("203.0.113.9", 1),
                        api_keys=keys) as (client, _):
        assert [client.get("/v1/loras", headers=bearer("alice")).status_code
                for _ in range(2)] == [200, 200]
        r = client.get("/v1/loras", headers=bearer("alice"))
        error = _error(r, 429, "rate_limited")
        assert int(r.headers["retry-after"]) >= 1 and "requests per minute" in error["message"]
        assert client.get("/v1/loras", headers=bearer("bob")).status_code == 200
        assert client.get("/healthz").status_code == 200  # probes are never limited


# -- the whole-request body cap -------------------------------------------------------------------


@pytest.fixture
def capped(monkeypatch, tmp_path):
    with served_ingress(monkeypatch, tmp_path, RecordingHandle, max_request_mb=0.05) as served:
        yield served  # 52 KB


def test_a_body_over_the_cap_is_413_by_content_length(capped):
    client, instance = capped
    big = b"x" * 60_000
    r = client.post("/v1/loras", files=[("photos", ("a.jpg", big, "image/jpeg"))])
    error = _error(r, 413, "request_too_large")
    assert "MB" in error["message"]
    assert instance.artifacts.list("uploads") == [] and not any(instance.store.count_by_state().values())
    small = client.post("/v1/loras", files=[("photos", ("a.jpg", _jpeg(), "image/jpeg"))])
    assert small.status_code == 202, small.text


def test_a_streamed_body_over_the_cap_is_cut_off_and_413(capped):
    client, instance = capped

    def chunks():  # no Content-Length: chunked transfer
        for _ in range(20):
            yield b"y" * 8192

    r = client.post("/v1/generate", content=chunks(), headers={"Content-Type": "application/json"})
    _error(r, 413, "request_too_large")
    r = client.post("/v1/faces", content=chunks(),
                    headers={"Content-Type": "multipart/form-data; boundary=xyz"})
    _error(r, 413, "request_too_large")


def test_the_openapi_document_lists_the_auth_errors(keyed):
    client, _ = keyed
    doc = client.get("/openapi.json").json()
    responses = doc["paths"]["/v1/loras"]["get"]["responses"]
    assert {"401", "403", "429"} <= set(responses)
    post = doc["paths"]["/v1/loras"]["post"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in post["parameters"])
