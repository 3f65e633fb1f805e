"""Pytest fixtures for running tests on PostgreSQL as well as SQLite (`pytest_plugins =
["tests.pg.plugin"]` in a test module).

`pg_cluster`: one throwaway server per test process (each xdist worker has its own), started
on first use and stopped at the end. `pg_url`: a fresh database on it for one test, dropped
after. `workspace_at`: parametrized over both engines, where a test's workspace lives (a file
path for SQLite, a URL for PostgreSQL); without PostgreSQL (not installed, and it cannot be)
its tests are skipped with the reason.
"""
from __future__ import annotations

import importlib.util
import warnings

import pytest

from .server import Cluster, Unavailable, install

ENGINES = ["sqlite", "postgresql"]


def _unavailable(reason: str):
    warnings.warn(reason)  # in the run's summary, where a skip's reason is not by default
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster():
    if importlib.util.find_spec("psycopg") is None:
        _unavailable('the PostgreSQL tests need psycopg: pip install -e ".[postgres]"')
    try:
        cluster = Cluster(install()).start()
    except Unavailable as exc:
        _unavailable(f"no PostgreSQL server for the tests: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    name = pg_cluster.create_db()
    yield pg_cluster.url(name)
    pg_cluster.drop_db(name)


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    return request.param


@pytest.fixture
def workspace_at(request, engine_name, tmp_path) -> str:
    """Where this test's workspace lives, as `--db` takes it: a file, or a server's URL."""
    if engine_name == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine_ws(workspace_at):
    """A new, empty workspace on this test's engine (reviewer `lan`), closed after."""
    from app.workspace import Workspace
    from db.engine import location

    ws = Workspace.open(location(workspace_at), reviewer="lan", create=True)
    yield ws
    ws.close()
