"""Artifact store: LoRAs, generated outputs, style LoRAs and staged uploads in one directory tree.

Layout: ``<root>/<kind>/<id>/...`` with kind one of :data:`KINDS`. Ids are checked against a
strict pattern (lower-case letters, digits, ``-`` and ``_``; no dots or slashes), so no id can
name a path outside its kind folder. New ids are uuid4 hex (:func:`new_id`).

Writes are atomic: a folder is assembled under ``<root>/.tmp/`` (same filesystem) and moved into
place with ``os.replace``; a deleted folder is first moved out of sight and then removed. A crash
mid-write therefore leaves debris only in ``.tmp``, never a half folder under a kind; the debris
is removed when a store opens (entries of dead processes on this host, and anything older than
``stale_tmp_s``, so a store opening in one process never deletes another process's live write).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import time
import uuid
from pathlib import Path

from facechain.errors import InvalidInputError, NotFoundError

logger = logging.getLogger(__name__)

__all__ = ["KINDS", "TENANT", "ArtifactStore", "new_id", "scoped_id", "split_scoped_id",
           "validate_id"]

KINDS = frozenset({"checkpoints", "loras", "outputs", "styles", "uploads"})
_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_TMP = ".tmp"


def new_id() -> str:
    """A fresh artifact id: uuid4 as 32 lower-case hex digits."""
    return uuid.uuid4().hex


def validate_id(artifact_id: str, param: str = "id") -> str:
    """Return ``artifact_id`` if it matches the id pattern, else raise InvalidInputError."""
    if not isinstance(artifact_id, str) or not _ID.fullmatch(artifact_id):
        raise InvalidInputError(
            f"invalid {param} {artifact_id!r}: expected 1-64 characters of a-z, 0-9, '-' or '_'",
            param=param)
    return artifact_id


# -- tenant-scoped ids ---------------------------------------------------------------------------
# A tenant's artifact is stored as ``<kind>/<tenant>_<id>``: one valid id (so every reader of the
# store, the deployments included, needs no tenant argument), and the first ``_`` splits it, since
# tenant names have none. Callers build storage ids only from (authenticated tenant, public id),
# so one tenant can never name another's artifact.

TENANT = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,22}[a-z0-9])?")
"""Tenant names: 1-24 characters of a-z, 0-9 and inner '-' (no '_': it separates scoped ids)."""


def scoped_id(tenant: str, artifact_id: str) -> str | None:
    """The storage id of tenant ``tenant``'s artifact ``artifact_id``; None when the pair makes
    no valid id (too long), i.e. no such artifact can exist."""
    if not TENANT.fullmatch(tenant):
        raise ValueError(f"invalid tenant name {tenant!r}")
    scoped = f"{tenant}_{validate_id(artifact_id)}"
    return scoped if _ID.fullmatch(scoped) else None


def split_scoped_id(storage_id: str) -> tuple[str, str] | None:
    """``(tenant, id)`` of a storage id made by :func:`scoped_id`; None for any other id."""
    tenant, sep, artifact_id = storage_id.partition("_")
    if not sep or not artifact_id or not TENANT.fullmatch(tenant):
        return None
    return tenant, artifact_id


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


class ArtifactStore:
    """Artifacts under ``root``, by kind and id. Safe to share between processes: every
    visible change is one ``os.replace``."""

    def __init__(self, root: str | Path, *, stale_tmp_s: float = 3600.0):
        self.root = Path(root).resolve()
        for kind in KINDS:
            (self.root / kind).mkdir(parents=True, exist_ok=True)
        self._tmp = self.root / _TMP
        self._tmp.mkdir(exist_ok=True)
        self._host = re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname())[:40] or "host"
        self.clean_temp(stale_tmp_s)

    # -- names -----------------------------------------------------------------------------

    def _kind_dir(self, kind: str) -> Path:
        if kind not in KINDS:
            raise ValueError(f"unknown artifact kind {kind!r}; expected one of {sorted(KINDS)}")
        return self.root / kind

    def _dir(self, kind: str, artifact_id: str) -> Path:
        return self._kind_dir(kind) / validate_id(artifact_id)

    def _temp_path(self, label: str) -> Path:
        # <host>-<pid>-<random>-<label>: lets clean_temp tell live writers from dead ones.
        return self._tmp / f"{self._host}-{os.getpid()}-{uuid.uuid4().hex[:12]}-{label}"

    def clean_temp(self, stale_tmp_s: float = 3600.0) -> int:
        """Remove leftovers of interrupted writes; returns how many entries were removed."""
        removed = 0
        now = time.time()
        for entry in self._tmp.iterdir():
            host, _, rest = entry.name.partition("-")
            pid_text = rest.split("-", 1)[0]
            dead_here = host == self._host and pid_text.isdigit() and not _pid_alive(int(pid_text))
            try:
                old = now - entry.lstat().st_mtime > stale_tmp_s
            except FileNotFoundError:
                continue
            if dead_here or old:
                self._remove(entry)
                removed += 1
        if removed:
            logger.info("removed %d interrupted write(s) from %s", removed, self._tmp)
        return removed

    @staticmethod
    def _remove(path: Path) -> None:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

    # -- reading ---------------------------------------------------------------------------

    def path(self, kind: str, artifact_id: str) -> Path:
        """The folder of an artifact; :class:`NotFoundError` if absent."""
        folder = self._dir(kind, artifact_id)
        if not folder.is_dir():
            raise NotFoundError(f"{kind[:-1]} '{artifact_id}' not found", param="id")
        return folder

    def exists(self, kind: str, artifact_id: str) -> bool:
        return self._dir(kind, artifact_id).is_dir()

    def list(self, kind: str, *, tenant: str | None = None) -> list[str]:
        """Ids of the artifacts of ``kind``, sorted; with ``tenant``: that tenant's, as their
        public ids (the part after ``<tenant>_``)."""
        ids = sorted(p.name for p in self._kind_dir(kind).iterdir()
                     if p.is_dir() and _ID.fullmatch(p.name))
        if tenant is None:
            return ids
        prefix = f"{tenant}_"
        return [i[len(prefix):] for i in ids if i.startswith(prefix) and len(i) > len(prefix)]

    def file_path(self, kind: str, artifact_id: str, name: str) -> Path:
        """One file of an artifact (e.g. an output image); :class:`NotFoundError` if absent."""
        path = self.path(kind, artifact_id) / self._check_name(name)
        if not path.is_file():
            raise NotFoundError(f"{kind[:-1]} '{artifact_id}' has no file '{name}'",
                                param="name")
        return path

    def read_bytes(self, kind: str, artifact_id: str, name: str) -> bytes:
        return self.file_path(kind, artifact_id, name).read_bytes()

    # -- writing ---------------------------------------------------------------------------

    def put_dir(self, kind: str, artifact_id: str, src_dir: str | Path, *,
                overwrite: bool = False) -> Path:
        """Copy ``src_dir`` in as artifact ``kind/artifact_id``, atomically; returns its folder.

        An existing artifact raises FileExistsError unless ``overwrite``; overwriting swaps the
        old folder out and the new one in (readers see the old or the new folder, and for an
        instant none).
        """
        final = self._dir(kind, artifact_id)
        src = Path(src_dir)
        if not src.is_dir():
            raise NotFoundError(f"source folder '{src}' not found", param="src_dir")
        if final.exists() and not overwrite:
            raise FileExistsError(f"{kind}/{artifact_id} already exists")
        tmp = self._temp_path(f"{kind}-{artifact_id}")
        try:
            shutil.copytree(src, tmp, symlinks=False)
            if final.exists():
                old = self._temp_path(f"old-{kind}-{artifact_id}")
                os.replace(final, old)
                os.replace(tmp, final)
                self._remove(old)
            else:
                os.replace(tmp, final)
        except BaseException:
            self._remove(tmp)
            raise
        logger.debug("stored %s/%s", kind, artifact_id)
        return final

    def put_bytes(self, kind: str, artifact_id: str, name: str, data: bytes) -> Path:
        """Write one file of an artifact (creating its folder), atomically; returns its path.
        An existing file of that name is replaced."""
        folder = self._dir(kind, artifact_id)
        target = folder / self._check_name(name)
        folder.mkdir(exist_ok=True)
        tmp = self._temp_path(f"{kind}-{artifact_id}-{name}")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            self._remove(tmp)
            raise
        return target

    def delete(self, kind: str, artifact_id: str) -> None:
        """Remove an artifact; :class:`NotFoundError` if absent. The folder vanishes in one
        step (moved aside, then removed)."""
        folder = self.path(kind, artifact_id)
        aside = self._temp_path(f"del-{kind}-{artifact_id}")
        try:
            os.replace(folder, aside)
        except FileNotFoundError as exc:  # deleted concurrently
            raise NotFoundError(f"{kind[:-1]} '{artifact_id}' not found", param="id") from exc
        self._remove(aside)

    @staticmethod
    def _check_name(name: str) -> str:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise InvalidInputError(
                f"invalid file name {name!r}: expected 1-128 characters of A-Z, a-z, 0-9, "
                "'.', '-' or '_', starting with a letter or digit", param="name")
        return name
