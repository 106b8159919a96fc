"""Failed-login counters and lock-outs, in the database (both backends) and in Redis."""

from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import redis
from sqlalchemy import update

from pipelines.db import writing
from pipelines.login_throttle import (
    USER_POLICY,
    DatabaseThrottle,
    RedisThrottle,
    ThrottleKey,
    login_keys,
    make_throttle,
)
from pipelines.schema import LoginThrottle

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_delay_doubles_after_the_free_failures_up_to_the_cap():
    # 5 free; then 30 s, 60 s, 120 s, ...; 30 * 2**6 = 1920 s is capped at 900 s
    delays = [USER_POLICY.delay_after(n) for n in (1, 5, 6, 7, 8, 12)]
    assert delays == [0, 0, 30, 60, 120, 900]


@pytest.fixture
def redis_throttle():
    client = redis.Redis.from_url(REDIS_URL)
    throttle = RedisThrottle(client)
    yield throttle
    client.close()


@pytest.fixture(params=["database", "redis"])
def throttle(request, engine):
    if request.param == "database":
        return DatabaseThrottle(engine)
    return request.getfixturevalue("redis_throttle")


def _fresh_name() -> str:
    return f"user-{uuid.uuid4().hex[:8]}"  # Redis is shared between runs: no fixed names


def test_five_failures_are_free_and_the_sixth_locks_the_name(throttle):
    keys = login_keys(_fresh_name(), None)
    for _ in range(5):
        throttle.record_failure(keys)
    assert throttle.failures(keys[0]) == 5
    assert throttle.blocked_for(keys) == 0
    throttle.record_failure(keys)
    assert 25 < throttle.blocked_for(keys) <= 30
    throttle.reset(keys[0])
    assert throttle.failures(keys[0]) == 0 and throttle.blocked_for(keys) == 0


def test_a_locked_address_blocks_every_name_tried_from_it(throttle):
    address = f"10.0.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    for _ in range(21):  # the address has 20 free failures, spread over many names
        throttle.record_failure(login_keys(_fresh_name(), address))
    assert throttle.blocked_for(login_keys(_fresh_name(), address)) > 5
    assert throttle.blocked_for(login_keys(_fresh_name(), "10.255.255.1")) == 0


def test_failures_older_than_the_window_are_forgotten(engine):
    throttle = DatabaseThrottle(engine)
    key = ThrottleKey("user", "ann")
    for _ in range(4):
        throttle.record_failure([key])
    two_hours_ago = datetime.now(UTC) - timedelta(hours=2)
    with writing(engine) as conn:
        conn.execute(update(LoginThrottle).values(last_failure_at=two_hours_ago))
    throttle.record_failure([key])
    # the four old ones are past the 1-hour window: this one counts as the first again
    assert throttle.failures(key) == 1


def test_concurrent_failures_from_several_workers_are_all_counted(throttle):
    # 4 workers x 5 failures at once = 20, none lost to a race
    keys = login_keys(_fresh_name(), None)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: [throttle.record_failure(keys) for _ in range(5)], range(4)))
    assert throttle.failures(keys[0]) == 20


def test_the_store_keeps_no_readable_names(engine):
    DatabaseThrottle(engine).record_failure(login_keys("my secret password", "192.0.2.1"))
    with engine.connect() as conn:
        stored = [row.key for row in conn.execute(LoginThrottle.__table__.select())]
    assert len(stored) == 2 and all(len(k) == 64 and "secret" not in k for k in stored)


def test_redis_is_used_when_a_url_is_set(engine):
    store = make_throttle(engine, REDIS_URL)
    assert isinstance(store.primary, RedisThrottle)
    assert isinstance(make_throttle(engine, None), DatabaseThrottle)


def test_failures_are_counted_in_the_database_while_redis_does_not_answer(engine):
    # Port 1 on the loopback refuses connections: as if Redis were down.
    store = make_throttle(engine, "redis://127.0.0.1:1/0")
    keys = login_keys(_fresh_name(), "192.0.2.7")
    for _ in range(6):
        store.record_failure(keys)
    assert store.failures(keys[0]) == 6
    assert DatabaseThrottle(engine).failures(keys[0]) == 6
    assert store.blocked_for(keys) > 0  # the sixth failure locks the name, as with Redis up
