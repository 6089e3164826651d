"""ArtifactStore: atomic puts, id validation (no path escapes), delete/list, crash debris."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facechain.errors import InvalidInputError, NotFoundError
from servekit.storage import KINDS, ArtifactStore, new_id, validate_id


@pytest.fixture
def store(tmp_path: Path) -> ArtifactStore:
    return ArtifactStore(tmp_path / "artifacts")


@pytest.fixture
def lora_src(tmp_path: Path) -> Path:
    src = tmp_path / "trained"
    (src / "unet").mkdir(parents=True)
    (src / "unet" / "adapter_model.safetensors").write_bytes(os.urandom(4096))
    (src / "meta.json").write_text('{"rank": 4}')
    return src


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_layout_and_new_ids(store: ArtifactStore):
    assert {p.name for p in store.root.iterdir()} == set(KINDS) | {".tmp"}
    ids = {new_id() for _ in range(100)}
    assert len(ids) == 100 and all(len(i) == 32 and validate_id(i) == i for i in ids)


def test_put_dir_copies_atomically(store: ArtifactStore, lora_src: Path):
    lora_id = new_id()
    assert not store.exists("loras", lora_id)
    final = store.put_dir("loras", lora_id, lora_src)
    assert final == store.path("loras", lora_id) == store.root / "loras" / lora_id
    assert _tree(final) == _tree(lora_src)
    assert store.exists("loras", lora_id) and store.list("loras") == [lora_id]
    assert list((store.root / ".tmp").iterdir()) == []  # no temp left behind
    shutil.rmtree(lora_src)  # a copy, not a move or link
    assert (final / "meta.json").read_text() == '{"rank": 4}'


def test_put_dir_existing(store: ArtifactStore, lora_src: Path, tmp_path: Path):
    store.put_dir("loras", "person-a", lora_src)
    with pytest.raises(FileExistsError):
        store.put_dir("loras", "person-a", lora_src)
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "meta.json").write_text('{"rank": 8}')
    final = store.put_dir("loras", "person-a", newer, overwrite=True)
    assert _tree(final) == {"meta.json": b'{"rank": 8}'}
    assert list((store.root / ".tmp").iterdir()) == []
    with pytest.raises(NotFoundError):
        store.put_dir("loras", "x", tmp_path / "missing")


def test_failed_copy_leaves_nothing_visible(store: ArtifactStore, lora_src: Path, monkeypatch):
    def broken_copy(src, dst, **kw):
        Path(dst).mkdir()
        (Path(dst) / "half").write_bytes(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr("servekit.storage.shutil.copytree", broken_copy)
    with pytest.raises(OSError, match="disk full"):
        store.put_dir("loras", "abc", lora_src)
    assert not store.exists("loras", "abc") and store.list("loras") == []
    assert list((store.root / ".tmp").iterdir()) == []


@pytest.mark.parametrize("bad", ["../etc", "..", ".", "", "a/b", "a\\b", "/abs", "UPPER",
                                 "abc\n", "-lead", "trail-", "a.b", "x" * 65, "é", "a b"])
def test_ids_that_could_escape_are_rejected(store: ArtifactStore, lora_src: Path, bad: str):
    for call in (lambda: store.put_dir("loras", bad, lora_src), lambda: store.path("loras", bad),
                 lambda: store.exists("loras", bad), lambda: store.delete("loras", bad),
                 lambda: store.put_bytes("outputs", bad, "a.png", b"x")):
        with pytest.raises(InvalidInputError) as info:
            call()
        assert info.value.param == "id"
    # Nothing was written anywhere: not beside the root, not inside it.
    assert sorted(p.name for p in store.root.parent.iterdir()) == ["artifacts", "trained"]
    assert all(store.list(kind) == [] for kind in KINDS)


@pytest.mark.parametrize("bad", ["../x.png", ".hidden", "a/b.png", "", "x" * 129, "a\x00b"])
def test_file_names_are_validated(store: ArtifactStore, bad: str):
    with pytest.raises(InvalidInputError) as info:
        store.put_bytes("outputs", "job1", bad, b"x")
    assert info.value.param == "name"


def test_unknown_kind(store: ArtifactStore):
    with pytest.raises(ValueError, match="unknown artifact kind"):
        store.list("../loras")


def test_put_bytes_and_read(store: ArtifactStore):
    out_id = new_id()
    p0 = store.put_bytes("outputs", out_id, "0.png", b"\x89PNG first")
    store.put_bytes("outputs", out_id, "1.png", b"\x89PNG second")
    assert p0 == store.root / "outputs" / out_id / "0.png"
    assert store.read_bytes("outputs", out_id, "1.png") == b"\x89PNG second"
    store.put_bytes("outputs", out_id, "0.png", b"replaced")
    assert store.file_path("outputs", out_id, "0.png").read_bytes() == b"replaced"
    assert sorted(p.name for p in store.path("outputs", out_id).iterdir()) == ["0.png", "1.png"]
    with pytest.raises(NotFoundError):
        store.read_bytes("outputs", out_id, "2.png")
    with pytest.raises(NotFoundError):
        store.read_bytes("outputs", new_id(), "0.png")
    assert list((store.root / ".tmp").iterdir()) == []


def test_delete_and_list(store: ArtifactStore, lora_src: Path):
    ids = sorted(new_id() for _ in range(3))
    for i in ids:
        store.put_dir("loras", i, lora_src)
    store.put_bytes("uploads", ids[0], "photo.jpg", b"jpeg")
    (store.root / "loras" / "stray.txt").write_text("not an artifact")
    assert store.list("loras") == ids and store.list("uploads") == [ids[0]]
    assert store.list("styles") == []
    store.delete("loras", ids[1])
    assert store.list("loras") == [ids[0], ids[2]] and not store.exists("loras", ids[1])
    assert store.exists("uploads", ids[0])  # kinds are separate namespaces
    with pytest.raises(NotFoundError) as info:
        store.delete("loras", ids[1])
    assert info.value.param == "id"
    with pytest.raises(NotFoundError):
        store.path("loras", ids[1])
    assert list((store.root / ".tmp").iterdir()) == []


def test_debris_of_dead_writers_cleaned_at_start(tmp_path: Path, lora_src: Path):
    root = tmp_path / "artifacts"
    first = ArtifactStore(root)
    # A writer process that dies mid-put: its temp folder stays in .tmp, nothing under loras/.
    code = ("import os, sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; "
            "from servekit.storage import ArtifactStore; s = ArtifactStore(sys.argv[1]); "
            "t = s._temp_path('loras-abc'); t.mkdir(); (t / 'half').write_bytes(b'x'); "
            "os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(root), str(Path.cwd())], check=True,
                   timeout=60)
    live = first._temp_path("loras-live")  # this process is still writing: must survive
    live.mkdir()
    old_foreign = root / ".tmp" / "otherhost-1-abc-loras-x"
    old_foreign.mkdir()
    os.utime(old_foreign, (time.time() - 7200, time.time() - 7200))
    fresh_foreign = root / ".tmp" / "otherhost-2-abc-loras-y"
    fresh_foreign.mkdir()
    assert len(list((root / ".tmp").iterdir())) == 4

    second = ArtifactStore(root)  # a restart (or a second process opening the store)
    assert sorted(p.name for p in (root / ".tmp").iterdir()) == sorted(
        [live.name, fresh_foreign.name])
    assert second.list("loras") == []
    second.put_dir("loras", "abc", lora_src)
    assert second.list("loras") == ["abc"]
