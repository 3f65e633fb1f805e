"""The second audit's workspace cases (scenarios_workspace.py), one test each."""
import pytest

from . import scenarios_workspace as audit


@pytest.mark.parametrize("check", audit.CHECKS, ids=lambda c: c.__name__)
def test_audit_case(check, tmp_path):
    try:
        check(tmp_path)
    except audit.NotMountable as exc:
        pytest.skip(f"needs a tmpfs mount (run as root): {exc}")
