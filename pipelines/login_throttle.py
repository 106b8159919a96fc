"""Failed-login counters with a growing lock-out, shared by every worker (Redis or the database).

Each failure counts against the user name and the client address. Up to `free_failures` in a
window cost nothing; each later one locks that key for twice as long as the one before (up to
`max_delay_s`). A locked key is refused without checking the password, so a guesser gets about
one try per delay. Nothing lives in process memory: several workers and hosts share the counts.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from pipelines.db import writing
from pipelines.schema import LoginThrottle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ThrottlePolicy:
    free_failures: int
    first_delay_s: float
    max_delay_s: float
    window_s: float  # a key's count starts again this long after its last failure

    def delay_after(self, failures: int) -> float:
        """Seconds a key stays locked after its `failures`-th failure (0 while still free)."""
        excess = failures - self.free_failures
        if excess <= 0:
            return 0.0
        return min(self.max_delay_s, self.first_delay_s * 2 ** (excess - 1))


# A user name: 5 free tries, then 30 s, 60 s, ... up to 15 minutes.
USER_POLICY = ThrottlePolicy(free_failures=5, first_delay_s=30, max_delay_s=900, window_s=3600)
# An address may be a whole office behind one NAT: more free tries, shorter locks.
ADDRESS_POLICY = ThrottlePolicy(free_failures=20, first_delay_s=10, max_delay_s=300, window_s=3600)


@dataclass(frozen=True)
class ThrottleKey:
    kind: str  # 'user' | 'ip'
    value: str

    @property
    def digest(self) -> str:
        # Hashed: the store then never holds what people typed as a name (often a password).
        return hashlib.sha256(f"{self.kind}:{self.value}".encode()).hexdigest()

    @property
    def policy(self) -> ThrottlePolicy:
        return USER_POLICY if self.kind == "user" else ADDRESS_POLICY


def login_keys(name: str, address: str | None) -> list[ThrottleKey]:
    keys = [ThrottleKey("user", name)]
    if address:
        keys.append(ThrottleKey("ip", address))
    return keys


class LoginThrottleStore(Protocol):
    def blocked_for(self, keys: list[ThrottleKey]) -> float:
        """Seconds until every key may try again (0: free now)."""

    def record_failure(self, keys: list[ThrottleKey]) -> None: ...

    def failures(self, key: ThrottleKey) -> int: ...

    def reset(self, key: ThrottleKey) -> None: ...


def _utc(moment: datetime) -> datetime:
    # SQLite hands timezone-aware columns back naive; they were stored in UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class DatabaseThrottle:
    """Counters in the `login_throttle` table; row locks keep concurrent workers' counts exact."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def blocked_for(self, keys: list[ThrottleKey]) -> float:
        now = datetime.now(UTC)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(LoginThrottle.locked_until).where(LoginThrottle.key.in_([k.digest for k in keys]))
            ).scalars()
            waits = [(_utc(until) - now).total_seconds() for until in rows if until is not None]
        return max([0.0, *waits])

    def record_failure(self, keys: list[ThrottleKey]) -> None:
        now = datetime.now(UTC)
        with writing(self.engine) as conn:
            for key in keys:
                self._count(conn, key, now)
            # Forget keys nobody has tried for a while, so the table stays small.
            oldest = now - timedelta(seconds=max(USER_POLICY.window_s, ADDRESS_POLICY.window_s))
            conn.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < oldest))

    def _count(self, conn, key: ThrottleKey, now: datetime) -> None:
        insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert
        conn.execute(
            insert(LoginThrottle)
            .values(key=key.digest, failures=0, last_failure_at=now)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        row = conn.execute(
            select(LoginThrottle.failures, LoginThrottle.last_failure_at)
            .where(LoginThrottle.key == key.digest)
            .with_for_update()
        ).one()
        stale = (now - _utc(row.last_failure_at)).total_seconds() > key.policy.window_s
        failures = 1 if stale else row.failures + 1
        delay = key.policy.delay_after(failures)
        conn.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key == key.digest)
            .values(
                failures=failures,
                last_failure_at=now,
                locked_until=now + timedelta(seconds=delay) if delay else None,
            )
        )

    def failures(self, key: ThrottleKey) -> int:
        with self.engine.connect() as conn:
            count = conn.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == key.digest))
        return count or 0

    def reset(self, key: ThrottleKey) -> None:
        with writing(self.engine) as conn:
            conn.execute(delete(LoginThrottle).where(LoginThrottle.key == key.digest))


class RedisThrottle:
    """Counters in Redis: INCR is atomic, and expiring keys clean themselves up."""

    PREFIX = "roadmap:login"

    def __init__(self, client):
        self.client = client

    def _names(self, key: ThrottleKey) -> tuple[str, str]:
        return f"{self.PREFIX}:fail:{key.digest}", f"{self.PREFIX}:lock:{key.digest}"

    def blocked_for(self, keys: list[ThrottleKey]) -> float:
        ttls = [self.client.pttl(self._names(k)[1]) for k in keys]
        return max([0.0, *(ms / 1000 for ms in ttls if ms > 0)])

    def record_failure(self, keys: list[ThrottleKey]) -> None:
        for key in keys:
            fail, lock = self._names(key)
            pipe = self.client.pipeline()
            pipe.incr(fail)
            pipe.expire(fail, int(key.policy.window_s))
            failures, _ = pipe.execute()
            delay = key.policy.delay_after(int(failures))
            if delay:
                self.client.set(lock, "1", px=int(delay * 1000))

    def failures(self, key: ThrottleKey) -> int:
        return int(self.client.get(self._names(key)[0]) or 0)

    def reset(self, key: ThrottleKey) -> None:
        self.client.delete(*self._names(key))


class FallbackThrottle:
    """Redis first; while Redis does not answer, the database, so logins neither fail nor go unthrottled."""

    def __init__(self, primary: RedisThrottle, fallback: DatabaseThrottle):
        self.primary, self.fallback = primary, fallback

    def _call(self, method: str, *args):
        import redis

        try:
            return getattr(self.primary, method)(*args)
        except redis.RedisError as exc:
            log.warning("login throttle: Redis unavailable (%s); counting in the database", exc)
            return getattr(self.fallback, method)(*args)

    def blocked_for(self, keys: list[ThrottleKey]) -> float:
        return self._call("blocked_for", keys)

    def record_failure(self, keys: list[ThrottleKey]) -> None:
        self._call("record_failure", keys)

    def failures(self, key: ThrottleKey) -> int:
        return self._call("failures", key)

    def reset(self, key: ThrottleKey) -> None:
        self._call("reset", key)


def make_throttle(engine: Engine, redis_url: str | None) -> LoginThrottleStore:
    """Redis when a URL is set (several hosts share it), else the database."""
    if redis_url:
        import redis

        client = redis.Redis.from_url(redis_url, socket_connect_timeout=0.5, socket_timeout=0.5)
        return FallbackThrottle(RedisThrottle(client), DatabaseThrottle(engine))
    return DatabaseThrottle(engine)
