"""Process priority of the model replicas (called by ``setup_model_process`` in each model
deployment's constructor). Free of heavy imports.

Linux keeps a niceness per *thread*: ``os.nice`` in a Serve replica's constructor (which runs on
Serve's user-code thread) lowers that thread and the threads it starts, while the worker's main
thread, its Ray core threads and the threads they start later keep theirs. So
:func:`lower_priority` renices every thread of the process, and threads started afterwards
inherit the niceness of whichever thread starts them.
"""

from __future__ import annotations

import os
from pathlib import Path

MODEL_NICENESS_ENV = "FACECHAIN_MODEL_NICENESS"
"""Environment variable: the niceness (0-19) model replicas give their process (the configs set
it in the application's runtime_env). The Ingress, Serve's proxy and controller do not call
:func:`lower_priority`, so on a CPU-bound machine they are scheduled first: answering a
rejection or a poll never waits behind a denoising step or a replica's start."""

MODEL_SCHED_ENV = "FACECHAIN_MODEL_SCHED"
"""Environment variable: ``idle`` puts the model replicas' threads in Linux's ``SCHED_IDLE``
class as well (any other value, or none: the normal class). A task of the normal class that wakes
up then takes the CPU from a model thread at once, where niceness alone lets the model thread
finish its minimum slice first (a few ms per wakeup, and a rejection crosses several processes).
The models still get every CPU cycle nothing else wants."""

TASKS = Path("/proc/self/task")


def thread_niceness(pid: int) -> dict[int, int]:
    """Niceness of each thread of process ``pid`` (Linux), by thread id."""
    found = {}
    for entry in Path(f"/proc/{pid}/task").iterdir():
        try:
            found[int(entry.name)] = os.getpriority(os.PRIO_PROCESS, int(entry.name))
        except (ProcessLookupError, ValueError):  # the thread ended meanwhile
            continue
    return found


def lower_priority() -> int:
    """Raise the niceness of every thread of this process to :data:`MODEL_NICENESS_ENV` (never
    lowers one, never stacks: a second call or a restarted replica in the same process changes
    nothing) and, with :data:`MODEL_SCHED_ENV` ``idle``, move them to ``SCHED_IDLE``. Returns
    the calling thread's niceness now in effect."""
    wanted = min(19, max(0, int(os.environ.get(MODEL_NICENESS_ENV, "0") or 0)))
    idle = os.environ.get(MODEL_SCHED_ENV, "").strip().lower() == "idle" and hasattr(os, "SCHED_IDLE")
    if TASKS.is_dir():
        for tid, niceness in thread_niceness(os.getpid()).items():
            try:
                if niceness < wanted:
                    os.setpriority(os.PRIO_PROCESS, tid, wanted)
                if idle:
                    os.sched_setscheduler(tid, os.SCHED_IDLE, os.sched_param(0))
            except ProcessLookupError:
                continue
            except PermissionError:  # a sandbox that forbids it: the niceness still holds
                idle = False
    elif os.nice(0) < wanted:  # other systems: the calling thread (and those it starts)
        os.nice(wanted - os.nice(0))
    return os.nice(0)
