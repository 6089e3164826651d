"""A Hugging Face hub on 127.0.0.1: enough of the hub's HTTP API for ``snapshot_download``.

Repos are local folders (plus extra in-memory files, e.g. a decoy pickle) published under one
commit each. Served routes, as ``huggingface_hub`` calls them:

- ``GET /api/models/{repo}/revision/{rev}``: model info with ``sha`` (the commit) and ``siblings``;
- ``GET /api/models/{repo}/tree/{rev}[/{path}]``: the recursive file listing;
- ``HEAD`` / ``GET /{repo}/resolve/{rev}/{file}``: the file, with ``X-Repo-Commit``, ``ETag`` and
  ``Content-Length``.

``rev`` is ``main`` or the commit; anything else is 404 ``RevisionNotFound``, an unknown repo is
404 ``RepoNotFound``. Every request is logged in :attr:`LoopbackHub.requests` as
``(method, path)``. :func:`point_hub_client_at` sets ``HF_ENDPOINT``/``HF_HUB_CACHE`` and the
``huggingface_hub.constants`` read from them at import time.
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LoopbackHub:
    def __init__(self):
        self.repos: dict[str, tuple[str, dict[str, bytes]]] = {}  # repo -> (commit, {path: bytes})
        self.requests: list[tuple[str, str]] = []
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ content
    def publish(self, repo_id: str, folder: Path | None = None, extra: dict[str, bytes] | None = None) -> str:
        """Publish ``folder``'s files (+ ``extra``) as the one commit of ``repo_id``; returns it."""
        files: dict[str, bytes] = {}
        if folder is not None:
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    files[path.relative_to(folder).as_posix()] = path.read_bytes()
        files.update(extra or {})
        digest = hashlib.sha1(repo_id.encode())
        for name in sorted(files):
            digest.update(name.encode() + b"\0" + _blob_id(files[name]).encode())
        commit = digest.hexdigest()
        self.repos[repo_id] = (commit, files)
        return commit

    def file_gets(self) -> list[str]:
        """Paths of the file downloads (GET .../resolve/...) served so far."""
        return [path for method, path in self.requests if method == "GET" and "/resolve/" in path]

    # ------------------------------------------------------------------ server
    @property
    def endpoint(self) -> str:
        assert self._server is not None, "hub not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> LoopbackHub:
        hub = self

        class Handler(_Handler):
            pass

        Handler.hub = hub
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


def _blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    hub: LoopbackHub
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self._route(head=True)

    def do_GET(self) -> None:
        self._route(head=False)

    # routing
    def _route(self, head: bool) -> None:
        path = urlsplit(self.path).path
        self.hub.requests.append((self.command, path))
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if parts[:2] == ["api", "models"] and len(parts) >= 6 and parts[4] in ("revision", "tree"):
            repo_id, kind, rev, rest = "/".join(parts[2:4]), parts[4], parts[5], "/".join(parts[6:])
            commit, files = self._repo(repo_id, rev) or (None, None)
            if commit is None:
                return
            if kind == "revision":
                body = {"id": repo_id, "modelId": repo_id, "sha": commit, "private": False,
                        "siblings": [{"rfilename": name} for name in sorted(files)]}
            else:
                body = _tree(files, rest)
            self._send(200, json.dumps(body).encode(), head, {"Content-Type": "application/json"})
            return
        if len(parts) >= 5 and parts[2] == "resolve":
            repo_id, rev, name = "/".join(parts[:2]), parts[3], "/".join(parts[4:])
            commit, files = self._repo(repo_id, rev) or (None, None)
            if commit is None:
                return
            if name not in files:
                self._error(404, "EntryNotFound", head, {"X-Repo-Commit": commit})
                return
            data = files[name]
            self._send(200, data, head, {"X-Repo-Commit": commit, "ETag": f'"{_blob_id(data)}"',
                                         "Content-Type": "application/octet-stream"})
            return
        self._error(404, "RepoNotFound", head)

    def _repo(self, repo_id: str, rev: str):
        if repo_id not in self.hub.repos:
            self._error(404, "RepoNotFound", head=self.command == "HEAD")
            return None
        commit, files = self.hub.repos[repo_id]
        if rev not in ("main", commit):
            self._error(404, "RevisionNotFound", head=self.command == "HEAD")
            return None
        return commit, files

    def _error(self, status: int, code: str, head: bool, headers: dict[str, str] | None = None) -> None:
        body = json.dumps({"error": code}).encode()
        self._send(status, body, head, {"X-Error-Code": code, "Content-Type": "application/json",
                                        **(headers or {})})

    def _send(self, status: int, body: bytes, head: bool, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _tree(files: dict[str, bytes], prefix: str) -> list[dict]:
    prefix = prefix.strip("/")
    entries, folders = [], set()
    for name in sorted(files):
        if prefix and not name.startswith(prefix + "/"):
            continue
        parent = name.rpartition("/")[0]
        while parent and parent != prefix:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
        entries.append({"type": "file", "oid": _blob_id(files[name]), "size": len(files[name]), "path": name})
    entries += [{"type": "directory", "oid": hashlib.sha1(f.encode()).hexdigest(), "size": 0, "path": f}
                for f in sorted(folders)]
    return entries


def point_hub_client_at(monkeypatch, hub: LoopbackHub, cache: Path) -> None:
    """Send ``huggingface_hub`` to ``hub`` with its cache at ``cache``, online (the test suite
    runs with ``HF_HUB_OFFLINE=1``). The module constants are patched too: huggingface_hub reads
    these variables once, at import."""
    from huggingface_hub import constants

    monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "ENDPOINT", hub.endpoint)
    monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE",
                        hub.endpoint + "/{repo_id}/resolve/{revision}/{filename}")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", True)
