#!/usr/bin/env python3
"""Writes botocore-limiter.json: what botocore's adaptive retry mode computes for fixed
sequences of events, read from botocore's own classes (botocore/retries/throttling.py
CubicCalculator, adaptive.py RateClocker and ClientRateLimiter, bucket.py TokenBucket)
driven by a fake clock. The Swift ports (Sources/FeedbackRunner/Traffic) are tested
against this table (Tests/FeedbackRunnerTests/AdaptiveRateLimiterTests.swift).

Usage: python3 Tests/Fixtures/adaptive/botocore_limiter.py   (rewrites the table beside it)

The limiter sequences avoid the two places where the Swift limiter departs from botocore
on purpose (a throttling answer before the meter's first half-second bucket closes, and a
second one within the same half-second bucket): there both must agree exactly.
"""

import json
import os

import botocore
from botocore.exceptions import CapacityNotAvailableError
from botocore.retries import adaptive, bucket, throttling


class FakeClock:
    def __init__(self, now=0.0):
        self.now = now

    def current_time(self):
        return self.now

    def sleep(self, amount):
        self.now += amount


class Detector:
    """botocore's ThrottlingErrorDetector, reduced to a flag the sequence gives."""

    def is_throttling_error(self, **kwargs):
        return kwargs["throttled"]


def cubic_cases():
    cases = []
    for start, steps in [
        (0.0, [("success", 0.5), ("success", 1.0), ("error", 1.0, 10.0), ("success", 1.5), ("success", 2.0),
               ("success", 3.0), ("success", 4.0), ("error", 4.5, 12.0), ("success", 6.0), ("success", 9.0)]),
        (10.0, [("error", 10.25, 250.0), ("success", 10.5), ("success", 13.0), ("success", 20.0),
                ("error", 20.0, 0.5), ("success", 21.0)]),
    ]:
        cubic = throttling.CubicCalculator(starting_max_rate=0, start_time=start)
        rows = []
        for step in steps:
            if step[0] == "success":
                rows.append({"event": "success", "time": step[1], "rate": cubic.success_received(step[1])})
            else:
                rows.append({"event": "throttled", "time": step[1], "measured": step[2],
                             "rate": cubic.error_received(step[2], step[1])})
        cases.append({"start": start, "steps": rows})
    return cases


def meter_cases():
    cases = []
    for times in [
        [0.1, 0.2, 0.3, 0.6, 0.7, 0.9, 1.2, 1.25, 1.3, 1.35, 2.6, 2.7, 5.0],
        [i * 0.05 for i in range(1, 60)],
    ]:
        clock = FakeClock(0.0)
        clocker = adaptive.RateClocker(clock)
        rows = []
        for time in times:
            clock.now = time
            rows.append({"time": time, "rate": clocker.record()})
        cases.append({"steps": rows})
    return cases


def bucket_cases():
    clock = FakeClock(0.0)
    token_bucket = bucket.TokenBucket(max_rate=1, clock=clock)
    rows = []
    for step in [("take", 0.0), ("take", 0.5), ("take", 1.0), ("rate", 1.0, 4.0), ("take", 1.1), ("take", 1.3),
                 ("take", 1.55), ("take", 3.0), ("take", 3.0), ("take", 3.0), ("take", 3.0), ("take", 3.0),
                 ("rate", 3.1, 0.2), ("take", 3.2), ("take", 4.0), ("take", 5.2), ("rate", 5.3, 2.5), ("take", 6.0)]:
        clock.now = step[1]
        if step[0] == "rate":
            token_bucket.max_rate = step[2]
            rows.append({"event": "rate", "time": step[1], "value": step[2], "fillRate": token_bucket.max_rate,
                         "capacity": token_bucket.max_capacity, "tokens": token_bucket.available_capacity})
        else:
            try:
                taken = token_bucket.acquire(block=False)
            except CapacityNotAvailableError:
                taken = False
            rows.append({"event": "take", "time": step[1], "taken": taken, "fillRate": token_bucket.max_rate,
                         "capacity": token_bucket.max_capacity, "tokens": token_bucket.available_capacity})
    return [{"steps": rows}]


def limiter_cases():
    cases = []
    for answers in [
        # A steady run, throttled twice in different half-second buckets, after the first bucket closed.
        [(0.1 * i, False) for i in range(1, 8)] + [(0.8, True)] + [(0.8 + 0.1 * i, False) for i in range(1, 10)]
        + [(1.75, True)] + [(1.75 + 0.2 * i, False) for i in range(1, 15)],
        # Throttled in four buckets in a row, then recovering.
        [(0.05 * i, False) for i in range(1, 20)] + [(1.0, True), (1.6, True), (2.1, True), (2.7, True)]
        + [(2.7 + 0.3 * i, False) for i in range(1, 20)],
    ]:
        clock = FakeClock(0.0)
        limiter = adaptive.ClientRateLimiter(
            rate_adjustor=throttling.CubicCalculator(starting_max_rate=0, start_time=clock.current_time()),
            rate_clocker=adaptive.RateClocker(clock),
            token_bucket=bucket.TokenBucket(max_rate=1, clock=clock),
            throttling_detector=Detector(),
            clock=clock,
        )
        rows = []
        for time, throttled in answers:
            clock.now = time
            limiter.on_receiving_response(throttled=throttled)
            rows.append({"time": time, "throttled": throttled, "enabled": limiter._enabled,
                         "rate": limiter._token_bucket.max_rate})
        cases.append({"steps": rows})
    return cases


def main():
    table = {
        "botocore": botocore.__version__,
        "generator": "Tests/Fixtures/adaptive/botocore_limiter.py",
        "cubic": cubic_cases(),
        "meter": meter_cases(),
        "bucket": bucket_cases(),
        "limiter": limiter_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "botocore-limiter.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(table, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
