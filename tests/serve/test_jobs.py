"""JobStore: lifecycle, illegal transitions, races between threads and processes, recovery,
leases (claim, renew, lapse, takeover), fencing and re-queue with attempts."""

from __future__ import annotations

import multiprocessing as mp
import pickle
import threading
from pathlib import Path

import pytest

from facechain.errors import InvalidInputError, NotFoundError
from serve.jobs import (
    TERMINAL_STATES,
    Job,
    JobState,
    JobStateError,
    JobStore,
    LeaseLostError,
)


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> JobStore:
    with JobStore(tmp_path / "jobs.db", clock=clock) as s:
        yield s


def test_lifecycle_succeeds_with_progress_and_result(store: JobStore, clock: FakeClock):
    job = store.create("train_lora", {"photos": 3, "steps": 10})
    assert job.state == JobState.QUEUED and len(job.id) == 32
    assert job.params == {"photos": 3, "steps": 10}
    assert job.progress.fraction == 0.0 and job.started_at is None

    clock.now += 5
    job = store.mark_running(job.id, runner="actor-1")
    assert job.state == JobState.RUNNING and job.runner == "actor-1"
    assert job.started_at == job.heartbeat_at

    clock.now += 10  # 10 s for 4 of 10 steps -> 15 s left
    job = store.update_progress(job.id, 4, 10, loss=0.25, stage="train")
    assert job.progress.step == 4 and job.progress.total_steps == 10
    assert job.progress.fraction == pytest.approx(0.4)
    assert job.progress.eta_seconds == pytest.approx(15.0)
    assert job.progress.loss == 0.25 and job.progress.stage == "train"
    assert job.heartbeat_at.timestamp() == clock.now
    # total_steps and stage carry over when omitted.
    job = store.update_progress(job.id, 5, eta_seconds=3.0)
    assert job.progress.total_steps == 10 and job.progress.stage == "train"
    assert job.progress.eta_seconds == 3.0

    clock.now += 1
    job = store.succeed(job.id, {"lora_id": "abc"})
    assert job.state == JobState.SUCCEEDED and job.terminal
    assert job.result == {"lora_id": "abc"} and job.error is None
    assert job.progress.fraction == 1.0 and job.progress.step == 10
    assert job.finished_at.timestamp() == clock.now
    # The model round-trips through JSON (what the API returns).
    assert Job.model_validate_json(job.model_dump_json()) == job


def test_fail_records_error(store: JobStore):
    job = store.create("talk")
    store.mark_running(job.id)
    job = store.fail(job.id, "NoUsablePhotosError", "no usable photos")
    assert job.state == JobState.FAILED
    assert job.error.type == "NoUsablePhotosError" and job.error.message == "no usable photos"
    # A queued job can fail too (e.g. it could not be scheduled).
    queued = store.create("talk")
    assert store.fail(queued.id, "x", "y").state == JobState.FAILED


@pytest.mark.parametrize("finish", ["succeed", "fail", "cancel"])
def test_terminal_states_are_final(store: JobStore, finish: str):
    job = store.create("train_lora")
    store.mark_running(job.id)
    if finish == "succeed":
        store.succeed(job.id, {})
    elif finish == "fail":
        store.fail(job.id, "E", "m")
    else:
        store.request_cancel(job.id)
        store.mark_cancelled(job.id)
    state = store.get(job.id).state
    assert state in TERMINAL_STATES
    for action in (lambda: store.mark_running(job.id), lambda: store.succeed(job.id, {}),
                   lambda: store.fail(job.id, "E", "m"), lambda: store.mark_cancelled(job.id),
                   lambda: store.update_progress(job.id, 1, 2), lambda: store.heartbeat(job.id)):
        with pytest.raises(JobStateError) as info:
            action()
        assert info.value.state == state and info.value.job_id == job.id
    assert store.get(job.id).state == state  # nothing changed


def test_illegal_transitions_from_queued(store: JobStore):
    job = store.create("train_lora")
    with pytest.raises(JobStateError, match="is queued: cannot mark it succeeded"):
        store.succeed(job.id, {})
    with pytest.raises(JobStateError):
        store.update_progress(job.id, 1, 10)
    with pytest.raises(JobStateError):
        store.heartbeat(job.id)
    store.mark_running(job.id)
    with pytest.raises(JobStateError, match="is running: cannot start it"):
        store.mark_running(job.id)


def test_missing_job_and_bad_params(store: JobStore):
    with pytest.raises(NotFoundError) as info:
        store.get("nope")
    assert info.value.param == "job_id"
    for action in (lambda: store.mark_running("nope"), lambda: store.request_cancel("nope"),
                   lambda: store.is_cancel_requested("nope")):
        with pytest.raises(NotFoundError):
            action()
    with pytest.raises(InvalidInputError):
        store.create("x", {"data": b"bytes are not JSON"})
    job = store.create("x", job_id="fixed")
    with pytest.raises(InvalidInputError, match="already exists"):
        store.create("x", job_id=job.id)


def test_cancel_queued_is_immediate(store: JobStore):
    job = store.create("train_lora")
    job = store.request_cancel(job.id)
    assert job.state == JobState.CANCELLED and job.error.type == "cancelled"
    assert job.finished_at is not None and store.is_cancel_requested(job.id)
    # Cancelling again is a no-op; a runner that picked the job up loses the race cleanly.
    assert store.request_cancel(job.id).state == JobState.CANCELLED
    with pytest.raises(JobStateError):
        store.mark_running(job.id)


def test_cancel_running_goes_through_the_runner(store: JobStore):
    job = store.create("train_lora")
    store.mark_running(job.id)
    assert not store.is_cancel_requested(job.id)
    job = store.request_cancel(job.id)
    assert job.state == JobState.RUNNING and job.cancel_requested
    assert store.is_cancel_requested(job.id)
    # The runner sees the request in its progress update, then stops.
    assert store.update_progress(job.id, 3, 10).cancel_requested
    job = store.mark_cancelled(job.id)
    assert job.state == JobState.CANCELLED and job.finished_at is not None


def test_cancel_finished_job_is_refused(store: JobStore):
    job = store.create("train_lora")
    store.mark_running(job.id)
    store.succeed(job.id, {"lora_id": "a"})
    with pytest.raises(JobStateError, match="succeeded: cannot cancel"):
        store.request_cancel(job.id)


def test_list_filters_next_queued_and_counts(store: JobStore, clock: FakeClock):
    ids = []
    for i, kind in enumerate(["train_lora", "talk", "train_lora", "train_lora"]):
        clock.now += 1
        ids.append(store.create(kind, {"i": i}).id)
    store.mark_running(ids[0])
    store.succeed(ids[0], {})

    assert [j.id for j in store.list()] == ids[::-1]  # newest first
    assert [j.id for j in store.list(kind="train_lora", state="queued")] == [ids[3], ids[2]]
    assert [j.id for j in store.list(state=[JobState.SUCCEEDED, "queued"], limit=2)] == \
        [ids[3], ids[2]]
    assert store.list(kind="nothing") == []
    assert store.next_queued("train_lora").id == ids[2]  # oldest queued
    assert store.next_queued("talk").id == ids[1]
    assert store.next_queued().id == ids[1]
    assert store.next_queued("none") is None

    counts = store.count_by_state()
    assert counts == {JobState.QUEUED: 3, JobState.RUNNING: 0, JobState.SUCCEEDED: 1,
                      JobState.FAILED: 0, JobState.CANCELLED: 0}
    assert counts["queued"] == 3  # StrEnum keys work as metric labels

    claimed = store.claim_next("train_lora", runner="r")
    assert claimed.id == ids[2] and claimed.state == JobState.RUNNING
    assert store.claim_next("talk").id == ids[1]
    assert store.claim_next("talk") is None


def test_persistence_across_instances(tmp_path: Path):
    path = tmp_path / "sub" / "jobs.db"
    with JobStore(path) as first:
        done = first.create("train_lora", {"a": 1})
        first.mark_running(done.id)
        first.update_progress(done.id, 2, 4, loss=0.5)
        first.succeed(done.id, {"lora_id": "l1"})
        queued = first.create("train_lora")
    with JobStore(path) as second:
        again = second.get(done.id)
        assert again.state == JobState.SUCCEEDED and again.result == {"lora_id": "l1"}
        assert again.params == {"a": 1} and again.progress.loss == 0.5
        assert second.get(queued.id).state == JobState.QUEUED
        assert second._read("PRAGMA journal_mode")[0][0] == "wal"


@pytest.mark.parametrize("requeue", [False, True])
def test_recover_after_restart(tmp_path: Path, requeue: bool):
    path = tmp_path / "jobs.db"
    with JobStore(path) as before:
        running = before.create("train_lora")
        before.mark_running(running.id, runner="dead")
        before.update_progress(running.id, 5, 10)
        cancelling = before.create("train_lora")
        before.mark_running(cancelling.id)
        before.request_cancel(cancelling.id)
        queued = before.create("train_lora")
        done = before.create("train_lora")
        before.mark_running(done.id)
        before.succeed(done.id, {"lora_id": "x"})

    with JobStore(path) as after:  # the app restarted
        touched = after.recover(requeue=requeue)
        assert sorted(touched) == sorted([running.id, cancelling.id])
        job = after.get(running.id)
        if requeue:
            assert job.state == JobState.QUEUED and job.runner is None
            assert job.started_at is None and job.progress.step == 0
            assert after.mark_running(job.id).state == JobState.RUNNING  # runnable again
        else:
            assert job.state == JobState.FAILED and job.error.type == "interrupted"
            assert "restarted" in job.error.message
        assert after.get(cancelling.id).state == JobState.CANCELLED
        assert after.get(queued.id).state == JobState.QUEUED
        assert after.get(done.id).state == JobState.SUCCEEDED
        if not requeue:
            assert after.count_by_state()[JobState.RUNNING] == 0
        assert after.recover(requeue=requeue) == ([] if not requeue else [running.id])


def test_reap_stale_requeues_lapsed_leases(store: JobStore, clock: FakeClock):
    alive, dead, cancelling = (store.create("train_lora") for _ in range(3))
    for job in (alive, dead, cancelling):
        store.mark_running(job.id, runner="r1", lease_s=60)
    store.request_cancel(cancelling.id)
    clock.now += 50
    store.heartbeat(alive.id, store.get(alive.id).lease, lease_s=60)
    clock.now += 20  # alive: renewed 20 s ago for 60 s; the others' leases lapsed 10 s ago
    assert store.reap_stale() == {dead.id: JobState.QUEUED, cancelling.id: JobState.CANCELLED}
    assert store.get(alive.id).state == JobState.RUNNING
    requeued = store.get(dead.id)
    assert requeued.state == JobState.QUEUED and requeued.runner is None
    assert requeued.attempt == 1 and requeued.lease_expires_at is None and requeued.error is None
    # The dead runner, if it wakes up, is told its job is gone.
    with pytest.raises(JobStateError):
        store.update_progress(dead.id, 1, 10)
    assert store.reap_stale() == {}


def test_legacy_rows_without_a_lease_are_reaped_by_heartbeat_age(tmp_path: Path,
                                                                   clock: FakeClock):
    """A store written before leases: the columns are added, and a running row without a lease
    expiry is stale once its heartbeat is older than ``timeout_s``."""
    import sqlite3

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("""CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL,
        state TEXT NOT NULL, progress TEXT NOT NULL, params TEXT NOT NULL, result TEXT,
        error TEXT, created_at REAL NOT NULL, started_at REAL, finished_at REAL,
        updated_at REAL NOT NULL, heartbeat_at REAL, cancel_requested INTEGER NOT NULL DEFAULT 0,
        runner TEXT);""")
    now = clock.now
    conn.execute("INSERT INTO jobs VALUES ('old', 'train_lora', 'running', '{}', '{}', NULL, NULL,"
                 " ?, ?, NULL, ?, ?, 0, 'gone')", (now - 100, now - 100, now - 100, now - 100))
    conn.commit()
    conn.close()
    with JobStore(path, clock=clock) as store:
        job = store.get("old")
        assert job.attempt == 0 and job.lease_expires_at is None
        assert store.reap_stale(200) == {}
        assert store.reap_stale(60) == {"old": JobState.QUEUED}
        assert store.claim_next(runner="r2").attempt == 1


def test_lease_claim_renew_lapse_and_takeover(store: JobStore, clock: FakeClock):
    job = store.create("train_lora")
    first = store.claim_next("train_lora", runner="r1", lease_s=30)
    assert first.id == job.id and first.attempt == 1 and first.runner == "r1"
    assert first.lease_expires_at.timestamp() == clock.now + 30
    lease1 = first.lease
    clock.now += 20
    renewed = store.heartbeat(job.id, lease1, lease_s=30)
    assert renewed.lease_expires_at.timestamp() == clock.now + 30
    clock.now += 25
    store.update_progress(job.id, 3, 10, lease=lease1, lease_s=30)  # progress renews it too
    clock.now += 29
    assert store.reap_stale() == {}  # renewed 29 s ago for 30 s: still r1's
    clock.now += 2
    assert store.reap_stale() == {job.id: JobState.QUEUED}
    second = store.claim_next(runner="r2", lease_s=30)  # another runner takes over
    assert second.attempt == 2 and second.runner == "r2"
    assert second.started_at == first.started_at  # the job's first start, for max duration
    assert second.progress.step == 3  # progress kept; the trainer resumes from its checkpoint


@pytest.mark.parametrize("same_owner", [False, True])
def test_fencing_the_loser_of_a_takeover_never_writes(store: JobStore, clock: FakeClock,
                                                       same_owner: bool):
    """A runner whose lease lapsed and was taken over (even by a restarted runner with the same
    name: the attempt differs) is refused every write; the winner's state is untouched."""
    job = store.create("train_lora")
    old = store.claim_next(runner="r1", lease_s=10).lease
    clock.now += 11
    store.reap_stale()
    new = store.claim_next(runner="r1" if same_owner else "r2", lease_s=10).lease
    store.update_progress(job.id, 5, 10, lease=new)
    writes = [lambda: store.heartbeat(job.id, old),
              lambda: store.update_progress(job.id, 9, 10, lease=old),
              lambda: store.succeed(job.id, {"lora_id": "old"}, lease=old),
              lambda: store.fail(job.id, "E", "m", lease=old),
              lambda: store.mark_cancelled(job.id, lease=old),
              lambda: store.requeue(old, "stopping")]
    for write in writes:
        with pytest.raises(LeaseLostError) as info:
            write()
        assert isinstance(info.value, JobStateError) and "no longer under this lease" in str(
            info.value)
    current = store.get(job.id)
    assert current.state == JobState.RUNNING and current.attempt == new.attempt
    assert current.progress.step == 5 and current.result is None and current.error is None
    assert store.succeed(job.id, {"lora_id": "new"}, lease=new).result == {"lora_id": "new"}
    with pytest.raises(LeaseLostError):  # a finished job has no lease left either
        store.heartbeat(job.id, new)
    assert pickle.loads(pickle.dumps(info.value)).job_id == job.id  # crosses Ray hops


def test_requeue_counts_attempts_then_fails_clearly(store: JobStore):
    store.create("train_lora")
    for attempt in (1, 2):
        lease = store.claim_next(runner="r").lease
        assert lease.attempt == attempt
        assert store.requeue(lease, "the trainer replica died", max_attempts=3).state == \
            JobState.QUEUED
    lease = store.claim_next(runner="r").lease
    failed = store.requeue(lease, "the trainer replica died", max_attempts=3)
    assert failed.state == JobState.FAILED and failed.attempt == 3
    assert failed.error.type == "interrupted"
    assert failed.error.message == ("interrupted 3 time(s), giving up; last: the trainer replica "
                                    "died")
    # a lapsed lease at max attempts fails the same way; a pending cancel wins over both
    lapsed = store.create("train_lora")
    store.mark_running(lapsed.id, runner="r", lease_s=-1)
    assert store.reap_stale(max_attempts=1) == {lapsed.id: JobState.FAILED}
    assert "lapsed" in store.get(lapsed.id).error.message
    cancelling = store.create("train_lora")
    lease = store.mark_running(cancelling.id, runner="r").lease
    store.request_cancel(cancelling.id)
    assert store.requeue(lease, "stopping").state == JobState.CANCELLED


def test_two_threads_race_for_each_job(tmp_path: Path):
    path = tmp_path / "jobs.db"
    ids = [JobStore(path).create("train_lora").id for _ in range(40)]
    wins: dict[str, list[str]] = {"a": [], "b": []}
    barrier = threading.Barrier(2)

    def runner(name: str) -> None:
        store = JobStore(path)  # each thread: its own store, as two actors would have
        barrier.wait()
        for job_id in ids:
            try:
                store.mark_running(job_id, runner=name)
                wins[name].append(job_id)
            except JobStateError:
                pass

    threads = [threading.Thread(target=runner, args=(n,)) for n in wins]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(wins["a"] + wins["b"]) == sorted(ids)  # each job taken exactly once
    store = JobStore(path)
    assert all(store.get(i).runner == ("a" if i in wins["a"] else "b") for i in ids)


def _claim_all(path: str, ids: list[str], name: str, barrier, out) -> None:
    store = JobStore(path)
    barrier.wait()
    won = []
    for job_id in ids:
        try:
            store.mark_running(job_id, runner=name)
            won.append(job_id)
        except JobStateError:
            pass
    while (job := store.claim_next("other", runner=name)) is not None:
        won.append(job.id)
    out.put((name, won))


def test_two_processes_race_for_each_job(tmp_path: Path):
    path = tmp_path / "jobs.db"
    store = JobStore(path)  # opened before the fork: children must not reuse its connection
    ids = [store.create("train_lora").id for _ in range(60)]
    others = [store.create("other").id for _ in range(30)]
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_claim_all, args=(str(path), ids, name, barrier, out))
             for name in ("p1", "p2")]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    all_won = results["p1"] + results["p2"]
    assert sorted(all_won) == sorted(ids + others)  # nothing taken twice, nothing lost
    assert store.count_by_state()[JobState.RUNNING] == len(ids) + len(others)
    for name, won in results.items():
        assert all(store.get(i).runner == name for i in won)
