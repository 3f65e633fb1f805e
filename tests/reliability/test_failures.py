"""Failure on purpose (see scenarios.py): what must hold, each tried here."""
import os


from . import scenarios

KILLS = int(os.environ.get("FACT_REVIEW_KILLS", "100"))


def check(outcome):
    assert outcome.ok, "\n".join(outcome.notes)


def test_killed_mid_work(tmp_path):
    out = scenarios.kills(tmp_path, times=KILLS)
    check(out)
    assert out.tried == KILLS


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
