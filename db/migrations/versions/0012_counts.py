"""Maintained counts: the workspace's totals kept as its rows change, never recounted.

The facts left, the statistics and the learning threshold used to count every article or every
fact (3 ms after each decision at 100,000 articles, 30 ms at a million, seconds for the
statistics). `counts` holds them by name, kept by triggers in the very transaction that changes
the rows, whichever code path writes them (a decision, an undo, a revert, an import, an
extraction, a deleted article put back):

- `f|<kind>|<status>|<extractor>`: facts of that kind, status and extractor;
- `a`: articles; `a|open`: articles with a fact pending; `a|done`: articles with facts, none
  pending.

A count is the sum of `n` over its rows (db/counts.py reads them). On SQLite, which has one
writer at a time, each name has one row, updated in place by row triggers. On PostgreSQL many
reviewers decide at once: a single row per name would make them wait on each other and, two
decisions moving facts between the same two statuses in opposite directions, deadlock. There
each statement's triggers append its net change as new rows (statement triggers with
transition tables: one row per name a statement changed, not per fact), which never conflict;
reading sums them, and now and then folds them back into one row per name (db/counts.py).

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The name of a fact's count, as SQL over a row alias (`new`, `old`, a transition table).
_FACT = "'f|' || {r}.kind || '|' || {r}.status || '|' || coalesce({r}.extractor, '')"
_OPEN = "(CASE WHEN {r}.n_pending > 0 THEN 1 ELSE 0 END)"
_DONE = "(CASE WHEN {r}.n_facts > 0 AND {r}.n_pending = 0 THEN 1 ELSE 0 END)"

_SQLITE_TRIGGERS = ("counts_facts_ai", "counts_facts_ad", "counts_facts_au",
                    "counts_articles_ai", "counts_articles_ad", "counts_articles_au")
_PG_TRIGGERS = {"counts_facts_ai": "facts", "counts_facts_ad": "facts", "counts_facts_au": "facts",
                "counts_articles_ai": "articles", "counts_articles_ad": "articles",
                "counts_articles_au": "articles"}


def _add(name_sql: str, delta_sql: str) -> str:
    """SQLite: add `delta_sql` to the count named `name_sql` (a statement of a trigger body)."""
    return (f"INSERT INTO counts (name, n) SELECT {name_sql}, {delta_sql} WHERE true "
            f"ON CONFLICT (name) DO UPDATE SET n = n + excluded.n;")


def _sqlite() -> None:
    # One row per name: the unique index lets a trigger add to it in one statement.
    op.execute("DROP INDEX ix_counts_name")
    op.execute("CREATE UNIQUE INDEX ix_counts_name ON counts (name)")
    new, old = (lambda s: s.format(r="new")), (lambda s: s.format(r="old"))
    op.execute(f"CREATE TRIGGER counts_facts_ai AFTER INSERT ON facts BEGIN {_add(new(_FACT), '1')} END")
    op.execute(f"CREATE TRIGGER counts_facts_ad AFTER DELETE ON facts BEGIN {_add(old(_FACT), '-1')} END")
    op.execute("CREATE TRIGGER counts_facts_au AFTER UPDATE OF kind, status, extractor ON facts "
               "WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status "
               "OR old.extractor IS NOT new.extractor BEGIN "
               f"{_add(old(_FACT), '-1')} {_add(new(_FACT), '1')} END")
    op.execute("CREATE TRIGGER counts_articles_ai AFTER INSERT ON articles BEGIN "
               f"{_add(chr(39) + 'a' + chr(39), '1')} "
               f"{_add(chr(39) + 'a|open' + chr(39), new(_OPEN))} "
               f"{_add(chr(39) + 'a|done' + chr(39), new(_DONE))} END")
    op.execute("CREATE TRIGGER counts_articles_ad AFTER DELETE ON articles BEGIN "
               f"{_add(chr(39) + 'a' + chr(39), '-1')} "
               f"{_add(chr(39) + 'a|open' + chr(39), '-' + old(_OPEN))} "
               f"{_add(chr(39) + 'a|done' + chr(39), '-' + old(_DONE))} END")
    op.execute("CREATE TRIGGER counts_articles_au AFTER UPDATE OF n_facts, n_pending ON articles "
               f"WHEN {old(_OPEN)} <> {new(_OPEN)} OR {old(_DONE)} <> {new(_DONE)} BEGIN "
               f"{_add(chr(39) + 'a|open' + chr(39), new(_OPEN) + ' - ' + old(_OPEN))} "
               f"{_add(chr(39) + 'a|done' + chr(39), new(_DONE) + ' - ' + old(_DONE))} END")


def _postgresql() -> None:
    nr, orows = (lambda s: s.format(r="nr")), (lambda s: s.format(r="orw"))
    # The net change of each name a statement made, as new rows (never an update: no waits).
    op.execute(f"""
CREATE FUNCTION counts_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO counts (name, n) SELECT {nr(_FACT)}, count(*) FROM nr GROUP BY 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO counts (name, n) SELECT {orows(_FACT)}, -count(*) FROM orw GROUP BY 1;
  ELSE
    INSERT INTO counts (name, n)
      SELECT name, sum(d) FROM (SELECT {nr(_FACT)} AS name, 1 AS d FROM nr
                                UNION ALL SELECT {orows(_FACT)}, -1 FROM orw) x
      GROUP BY name HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END $$""")
    op.execute(f"""
CREATE FUNCTION counts_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO counts (name, n)
      SELECT name, sum(d) FROM (SELECT 'a' AS name, 1 AS d FROM nr
                                UNION ALL SELECT 'a|open', {nr(_OPEN)} FROM nr
                                UNION ALL SELECT 'a|done', {nr(_DONE)} FROM nr) x
      GROUP BY name HAVING sum(d) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO counts (name, n)
      SELECT name, -sum(d) FROM (SELECT 'a' AS name, 1 AS d FROM orw
                                 UNION ALL SELECT 'a|open', {orows(_OPEN)} FROM orw
                                 UNION ALL SELECT 'a|done', {orows(_DONE)} FROM orw) x
      GROUP BY name HAVING sum(d) <> 0;
  ELSE
    INSERT INTO counts (name, n)
      SELECT name, sum(d) FROM (SELECT 'a|open' AS name, {nr(_OPEN)} AS d FROM nr
                                UNION ALL SELECT 'a|done', {nr(_DONE)} FROM nr
                                UNION ALL SELECT 'a|open', -{orows(_OPEN)} FROM orw
                                UNION ALL SELECT 'a|done', -{orows(_DONE)} FROM orw) x
      GROUP BY name HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END $$""")
    for trig, table in _PG_TRIGGERS.items():
        event = {"ai": "INSERT", "ad": "DELETE", "au": "UPDATE"}[trig[-2:]]
        ref = {"INSERT": "NEW TABLE AS nr", "DELETE": "OLD TABLE AS orw",
               "UPDATE": "OLD TABLE AS orw NEW TABLE AS nr"}[event]
        op.execute(f"CREATE TRIGGER {trig} AFTER {event} ON {table} REFERENCING {ref} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION counts_{table}()")


def upgrade() -> None:
    op.create_table(
        "counts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("n", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_counts_name", "counts", ["name"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite()
    else:
        _postgresql()
    # What there is now; from here on the triggers keep it.
    f = _FACT.format(r="facts")
    op.execute(f"INSERT INTO counts (name, n) SELECT {f}, count(*) FROM facts GROUP BY {f}")
    op.execute("INSERT INTO counts (name, n) SELECT 'a', count(*) FROM articles")
    op.execute(f"INSERT INTO counts (name, n) SELECT 'a|open', coalesce(sum({_OPEN.format(r='articles')}), 0) "
               "FROM articles")
    op.execute(f"INSERT INTO counts (name, n) SELECT 'a|done', coalesce(sum({_DONE.format(r='articles')}), 0) "
               "FROM articles")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trig in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
    else:
        for trig, table in _PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {trig} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS counts_facts()")
        op.execute("DROP FUNCTION IF EXISTS counts_articles()")
    op.drop_table("counts")
