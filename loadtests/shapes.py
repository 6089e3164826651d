"""Pure pieces of the load shapes and scenarios, shared by the locustfile (imported as
``shapes``: Locust puts the locustfile's folder on sys.path) and ``facechain loadtest``."""

from __future__ import annotations

import re


def parse_steps(text: str) -> list[tuple[int, float]]:
    """``"1:40,6:100"`` -> ``[(1, 40.0), (6, 100.0)]`` (users, seconds per stage)."""
    stages = []
    for part in str(text).split(","):
        users, _, seconds = part.strip().partition(":")
        try:
            stage = (int(users), float(seconds))
        except ValueError:
            raise ValueError(f"step stage {part.strip()!r}: users:seconds, e.g. 4:60") from None
        if stage[0] < 0 or stage[1] <= 0:
            raise ValueError(f"step stage {part.strip()!r}: users >= 0, seconds > 0")
        stages.append(stage)
    return stages


def users_at(stages: list[tuple[int, float]], elapsed: float) -> int | None:
    """The user count of the stage at ``elapsed`` seconds; None once every stage is over."""
    for users, seconds in stages:
        if elapsed < seconds:
            return users
        elapsed -= seconds
    return None


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    """P(k) for k = 1..n under Zipf(s), normalised: P(k) proportional to 1 / k^s."""
    raw = [1.0 / (k**s) for k in range(1, n + 1)]
    total = sum(raw)
    return [w / total for w in raw]


_DURATION = re.compile(r"(\d+(?:\.\d+)?)([hms]?)")


def parse_duration(text: str) -> float:
    """``"90"``, ``"90s"``, ``"3m"``, ``"1h30m"``, ``"2m30s"`` -> seconds (> 0)."""
    text = str(text).strip().lower()
    pos, total = 0, 0.0
    for match in _DURATION.finditer(text):
        if match.start() != pos:
            break
        total += float(match.group(1)) * {"h": 3600, "m": 60, "s": 1, "": 1}[match.group(2)]
        pos = match.end()
    if pos != len(text) or not text or total <= 0:
        raise ValueError(f"duration {text!r}: e.g. 90, 90s, 3m, 1h30m")
    return total
