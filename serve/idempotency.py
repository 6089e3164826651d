"""``Idempotency-Key`` of ``POST /v1/loras`` and ``POST /v1/talk``: a retry returns the first job.

A small SQLite table of its own, next to the job store (``<job store>.idempotency.sqlite3``):
``(tenant, key) -> route, job id, the 202 body``. A request first *reserves* its key (an
``INSERT`` on the primary key, atomic across replicas on one host); it then does its work and
*completes* the reservation with its 202 body, or *releases* it when it fails (a 4xx: the client
may retry the same key with a fixed request). A retry finds the completed row and gets the same
body; one that arrives while the first still runs gets 409 ``idempotency_conflict``, as does a
key reused on the other route. Keys are kept ``ttl_s`` (24 h by default). The table is
separate from the job store (owned by ``serve/jobs.py``) on purpose; it could become a column of
the jobs table.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from serve.errors import IdempotencyConflictError

__all__ = ["IdempotencyStore", "MAX_KEY_LENGTH"]

MAX_KEY_LENGTH = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS idempotency (
    tenant     TEXT NOT NULL,
    key        TEXT NOT NULL,
    route      TEXT NOT NULL,
    body       TEXT,
    created_at REAL NOT NULL,
    PRIMARY KEY (tenant, key)
);
"""


class IdempotencyStore:
    def __init__(self, path: str | Path, *, ttl_s: float = 24 * 3600.0,
                 pending_s: float = 600.0):
        """``pending_s``: a reservation never completed (its replica died mid-request) is
        dropped after this long."""
        self.path = Path(path)
        self.pending_s = pending_s
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.ttl_s = ttl_s
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(_SCHEMA)

    def reserve(self, tenant: str, key: str, route: str) -> dict[str, Any] | None:
        """Reserve ``key`` for a new request (None), or return the first request's body.
        :class:`IdempotencyConflictError` while the first still runs or for another route."""
        if not key or len(key) > MAX_KEY_LENGTH:
            raise IdempotencyConflictError(
                f"Idempotency-Key must have 1-{MAX_KEY_LENGTH} characters",
                param="idempotency-key")
        now = time.time()
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM idempotency WHERE created_at < ? OR (body IS NULL AND "
                             "created_at < ?)", (now - self.ttl_s, now - self.pending_s))
                row = conn.execute("SELECT route, body FROM idempotency WHERE tenant = ? AND "
                                   "key = ?", (tenant, key)).fetchone()
                if row is None:
                    conn.execute("INSERT INTO idempotency (tenant, key, route, body, created_at) "
                                 "VALUES (?, ?, ?, NULL, ?)", (tenant, key, route, now))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        if row is None:
            return None
        first_route, body = row
        if first_route != route:
            raise IdempotencyConflictError(
                f"this Idempotency-Key was used for {first_route}", param="idempotency-key")
        if body is None:
            raise IdempotencyConflictError(
                "a request with this Idempotency-Key is still being processed; retry later",
                param="idempotency-key")
        return json.loads(body)

    def complete(self, tenant: str, key: str, body: dict[str, Any]) -> None:
        """Store the first request's answer for its retries."""
        with self._lock:
            self._conn.execute("UPDATE idempotency SET body = ? WHERE tenant = ? AND key = ?",
                               (json.dumps(body), tenant, key))

    def release(self, tenant: str, key: str) -> None:
        """The first request failed: forget the reservation (the key may be used again)."""
        with self._lock:
            self._conn.execute("DELETE FROM idempotency WHERE tenant = ? AND key = ? AND "
                               "body IS NULL", (tenant, key))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
