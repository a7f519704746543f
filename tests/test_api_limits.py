"""The limiters on their own: sliding-window rate limit and the parse-slot cap."""

from __future__ import annotations

import pytest

from service.api.limits import ParseSlots, RateLimiter
from service.errors import Busy, RateLimited
from tests.conftest import run_async


def test_rate_limiter_counts_a_sliding_minute_per_client() -> None:
    now = [1000.0]
    limiter = RateLimiter(clock=lambda: now[0])
    limiter.check("a", 2)
    limiter.check("a", 2)
    limiter.check("b", 2)
    with pytest.raises(RateLimited) as caught:
        limiter.check("a", 2)
    assert caught.value.retry_after == 60
    now[0] += 30
    with pytest.raises(RateLimited) as caught:
        limiter.check("a", 2)
    assert caught.value.retry_after == 30
    now[0] += 30.5
    limiter.check("a", 2)


def test_parse_slots_refuse_past_the_limit_and_free_on_error() -> None:
    slots = ParseSlots()

    async def scenario() -> None:
        async with slots.hold(1):
            with pytest.raises(Busy):
                async with slots.hold(1):
                    pass
        with pytest.raises(ValueError):
            async with slots.hold(1):
                raise ValueError("boom")
        assert slots.in_use == 0

    run_async(scenario())
