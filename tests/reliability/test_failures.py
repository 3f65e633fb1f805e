"""Failure on purpose (see scenarios.py): what must hold, each tried here."""
import os

import pytest

from . import scenarios

KILLS = int(os.environ.get("FACT_REVIEW_KILLS", "100"))
# The kills in parts that pytest-xdist runs side by side, each on a workspace of its own with
# kill moments of its own: KILLS in all, every run.
PARTS = [KILLS // 4 + (i < KILLS % 4) for i in range(4)]
assert sum(PARTS) == KILLS


def check(outcome):
    assert outcome.ok, "\n".join(outcome.notes)


@pytest.mark.slow
@pytest.mark.parametrize("part", range(len(PARTS)), ids=lambda i: f"{sum(PARTS[:i]) + 1}-{sum(PARTS[:i + 1])}")
def test_killed_mid_work(tmp_path, part):
    out = scenarios.kills(tmp_path, times=PARTS[part], seed=7 + part)
    check(out)
    assert out.tried == PARTS[part]


def test_write_failures_are_reported_and_retryable(tmp_path):
    check(scenarios.io_failures(tmp_path))


def test_second_instance(tmp_path):
    check(scenarios.second_instance(tmp_path))


def test_broken_workspaces(tmp_path):
    out = scenarios.broken_workspaces(tmp_path)
    check(out)
    assert out.tried == len(scenarios.BREAKAGES)


def test_backups(tmp_path):
    check(scenarios.backups(tmp_path))


def test_bad_inputs(tmp_path):
    out = scenarios.bad_inputs(tmp_path)
    check(out)
    assert out.tried >= 31
