"""The second audit's workspace cases (scenarios_workspace.py), one test each."""
import pytest

from . import scenarios_workspace as audit


# The cases that take seconds (thousands of articles, children killed): started first.
SLOW = {"killed_export_leaves_nothing", "first_opens_after_an_update_at_once",
        "unextracted_articles_are_offered", "restore_killed_never_loses_the_workspace"}
assert SLOW <= {c.__name__ for c in audit.CHECKS}


@pytest.mark.parametrize("check", [
    pytest.param(c, id=c.__name__, marks=[pytest.mark.slow] if c.__name__ in SLOW else [])
    for c in audit.CHECKS])
def test_audit_case(check, tmp_path):
    try:
        check(tmp_path)
    except audit.NotMountable as exc:
        pytest.skip(f"needs a tmpfs mount (run as root): {exc}")
