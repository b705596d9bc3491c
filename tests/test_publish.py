"""`python -m etl publish`: the warehouse's views as PostgreSQL tables, on a real server (test_publish_server.py)."""

from __future__ import annotations

import csv
import random
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from etl.cli import QUERIES_DIR, main
from etl.exports import queries
from etl.warehouse.refresh import refresh

from .conftest import FIXTURES, ROOT, query
from .test_publish_server import postgres  # noqa: F401  (the session's server)

V1 = ["builds", "documents", "figures", "metric_series", "program_figures", "program_summary", "sources",
      "target_vs_actual", "uncatalogued", "yoy"]  # fmt: skip
V2 = ["builds", "compare", "compare_candidates", "compare_conflicts", "figures", "program_totals", "series", "series_years",
      "yoy"]  # fmt: skip
PG_TYPES = {"VARCHAR": "text", "INTEGER": "integer", "BIGINT": "bigint", "DOUBLE": "double precision",
            "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "timestamp without time zone"}  # fmt: skip
QUESTIONS = queries.names(QUERIES_DIR)


@pytest.fixture(scope="session")
def published(postgres, warehouse):  # noqa: F811
    """The shipped warehouse, published once for the tests that only read it."""
    assert main(["publish", "--db", str(warehouse), "--to", postgres.url(), "--force"]) == 0
    return postgres


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory):
    """A second, smaller warehouse (the seed report alone): a build different from the shipped one."""
    folder = tmp_path_factory.mktemp("seed")
    (folder / "reports").mkdir()
    (folder / "reports" / "acftu-2020.txt").write_bytes((FIXTURES / "reports" / "acftu-2020.txt").read_bytes())
    db = folder / "seed.duckdb"
    refresh(folder / "reports", db, progress=False)
    return db


def publish(db, url, *more: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "publish", "--db", str(db), "--to", url, *more],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_a_publish_writes_each_view_as_a_table_with_the_same_rows(published, warehouse):
    tables = published.rows(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema like 'zhibiao%' order by 1, 2"
    )
    assert tables == [("zhibiao_meta", "published")] + [("zhibiao_v1", t) for t in V1] + [("zhibiao_v2", t) for t in V2]
    for version, names in (("v1", V1), ("v2", V2)):
        for name in names:
            mine = query(warehouse, f"select * from {version}.{name}")
            theirs = published.rows(f"select * from zhibiao_{version}.{name}")
            assert sorted(theirs, key=repr) == sorted(mine, key=repr), f"{version}.{name}"


def test_the_columns_have_the_contracts_types_and_meanings(published):
    with (FIXTURES / "v1_contract.csv").open(encoding="utf-8", newline="") as fh:
        contract = sorted((r["view"], r["column"], PG_TYPES[r["type"]]) for r in csv.DictReader(fh))
    columns = published.rows(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'zhibiao_v1' order by 1, 2"
    )
    assert sorted(columns) == contract
    assert published.rows(
        "select col_description('zhibiao_v1.figures'::regclass, 4), obj_description('zhibiao_v1.yoy'::regclass)"
    ) == [
        (
            "the number in base units: 亿 = 1e8, 万 = 1e4, Chinese numerals converted; `300多名` is 300",
            "How did each metric change from the year before? Like with like only: same publisher, unit and basis, "
            "outcomes with outcomes, targets with targets.",
        )
    ]
    # v2.figures repeats v1.figures' columns: it takes their meanings.
    assert published.rows(
        "select col_description('zhibiao_v2.figures'::regclass, 3), col_description('zhibiao_v2.series'::regclass, 1)"
    ) == [("the figure as written, e.g. `24.92亿元`, `300多名`, `百家`", "the metric_id, or `auto:…`")]


def test_views_with_a_grain_get_a_primary_key_and_the_filtered_columns_an_index(published):
    keys = published.rows(
        "select conrelid::regclass::text, pg_get_constraintdef(oid) from pg_constraint "
        "where contype = 'p' and connamespace = 'zhibiao_v1'::regnamespace order by 1"
    )
    assert keys == [
        ("zhibiao_v1.documents", "PRIMARY KEY (doc_id)"),
        ("zhibiao_v1.figures", "PRIMARY KEY (figure_id)"),
        ("zhibiao_v1.metric_series", "PRIMARY KEY (metric_id, publisher, year, is_target)"),
        ("zhibiao_v1.program_figures", "PRIMARY KEY (figure_id, year)"),
        ("zhibiao_v1.program_summary", "PRIMARY KEY (program_id, publisher, year, is_target)"),
        ("zhibiao_v1.sources", "PRIMARY KEY (doc_id)"),
        ("zhibiao_v1.target_vs_actual", "PRIMARY KEY (metric_id, publisher, year)"),
        ("zhibiao_v1.uncatalogued", "PRIMARY KEY (label)"),
        ("zhibiao_v1.yoy", "PRIMARY KEY (metric_id, publisher, year, is_target)"),
    ]
    indexed = published.rows(
        "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0] "
        "where i.indrelid = 'zhibiao_v2.series_years'::regclass and not i.indisprimary order by 1"
    )
    assert indexed == [("doc_id",), ("publisher",), ("series_id",), ("year",)]


def test_the_build_is_recorded_and_a_read_only_role_may_read_only(published):
    assert published.rows("select n_documents, n_figures, schemas, n_rows > 10000 from zhibiao_meta.published") == [
        (18, 1953, "zhibiao_v1, zhibiao_v2", True)
    ]
    assert published.rows(
        "select has_table_privilege('zhibiao_reader', 'zhibiao_v1.figures', 'select'), "
        "has_table_privilege('zhibiao_reader', 'zhibiao_v1.figures', 'insert'), "
        "has_table_privilege('zhibiao_reader', 'zhibiao_meta.published', 'select')"
    ) == [(True, False, True)]


def test_an_analyst_in_the_reader_role_reads_and_cannot_write(published):
    with published.admin() as con:
        con.execute("drop role if exists alice")
        con.execute(f"create role alice login password '{published.password}' in role zhibiao_reader")
    with psycopg.connect(published.url(user="alice"), autocommit=True) as con:
        assert con.execute("select count(*) from zhibiao_v1.documents").fetchone() == (18,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for table documents"):
            con.execute("delete from zhibiao_v1.documents")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for schema zhibiao_v1"):
            con.execute("create table zhibiao_v1.mine (x int)")


def test_a_question_asked_where_nothing_was_published_says_to_publish(published, capsys):
    assert main(["query", "targets_missed", "--db", published.url(), "--schema-prefix", "nothing"]) == 1
    assert capsys.readouterr().err == (
        f"postgresql://publisher:***@127.0.0.1:{published.port}/zhibiao: targets_missed.sql: "
        'relation "nothing_v1.target_vs_actual" does not exist; publish the warehouse there first '
        "(make publish PG=…, schemas nothing_v1 and nothing_v2)\n"
    )


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_ready_question_gives_the_same_rows_on_postgresql(published, warehouse, name):
    path = QUERIES_DIR / f"{name}.sql"
    con = queries.open_warehouse(warehouse)
    try:
        on_duckdb = queries.ask(con, path)
    finally:
        con.close()
    assert queries.ask_server(published.url(), path, "zhibiao") == on_duckdb
    assert on_duckdb[1]


def test_make_query_answers_from_the_server(published):
    done = subprocess.run(
        ["make", "-s", "query", "Q=targets_missed", f"DB={published.url()}", "FORMAT=csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.stdout.splitlines() == [
        "\ufeffpublisher,metric_id,year,target,target_qualifier,actual,target_doc_id,actual_doc_id",
        "海拉尔区人民政府,new_urban_jobs,2015,5700,at_least,5650,hailar-2015,hailar-2016",
    ]
    assert published.password not in done.stdout + done.stderr


# The tests below publish into schemas of their own (churn_v1, churn_v2), alternating two builds.
CHURN = ("--schema-prefix", "churn")


def churn_state(server) -> tuple:
    """What a reader of the churn schemas sees, in one statement: counts that must come from one build."""
    with server.admin("zhibiao") as con:
        return churn_state_on(con)


def builds(warehouse, seed_warehouse) -> dict:
    """The state each warehouse leaves when published whole."""
    return {
        db: (n, figures, n, n, n, 0)
        for db in (warehouse, seed_warehouse)
        for n, figures in query(db, "select (select count(*) from v1.documents), (select count(*) from v2.figures)")
    }


def test_publishing_the_same_build_again_changes_nothing_until_forced(postgres, warehouse):  # noqa: F811
    first = publish(warehouse, postgres.url(), *CHURN)
    assert first.returncode == 0, first.stderr
    oid = postgres.rows("select 'churn_v1.figures'::regclass::oid, count(*) from churn_meta.published")
    again = publish(warehouse, postgres.url(), *CHURN)
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout.endswith("is already published in churn_v1, churn_v2; nothing changed (--force republishes)\n")
    assert postgres.rows("select 'churn_v1.figures'::regclass::oid, count(*) from churn_meta.published") == oid
    forced = publish(warehouse, postgres.url(), *CHURN, "--force")
    assert forced.stdout.startswith(
        f"postgresql://publisher:***@127.0.0.1:{postgres.port}/zhibiao: published the build of "
    )
    assert forced.stdout.endswith(" into churn_v1, churn_v2: 19 tables, 11628 rows; readable by zhibiao_reader\n")
    after = postgres.rows("select 'churn_v1.figures'::regclass::oid, count(*) from churn_meta.published")[0]
    assert after[0] != oid[0][0] and after[1] == oid[0][1] + 1
    for done in (first, again, forced):
        assert postgres.password not in done.stdout + done.stderr


def test_credentials_come_from_pgpassword_or_pgpass_and_are_never_printed(postgres, warehouse, tmp_path):  # noqa: F811
    url = postgres.url_without_password()
    bare = subprocess.run(
        [sys.executable, "-m", "etl", "publish", "--db", str(warehouse), "--to", url, *CHURN, "-v"],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "PGPASSFILE": str(tmp_path / "none")},
    )  # fmt: skip
    assert bare.returncode == 1
    assert bare.stderr.splitlines()[-1].startswith("publish failed: connection failed: ")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres.port}:zhibiao:publisher:{postgres.password}\n")
    pgpass.chmod(0o600)
    for env in ({"PGPASSWORD": postgres.password}, {"PGPASSFILE": str(pgpass)}):
        done = subprocess.run(
            [sys.executable, "-m", "etl", "publish", "--db", str(warehouse), "--to", url, *CHURN, "--force", "-v"],
            cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert postgres.password not in done.stdout + done.stderr
    made = subprocess.run(["make", "publish", f"PG={postgres.url()}", f"DB={warehouse}", "FORCE=1"], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert made.returncode == 0 and "published the build of" in made.stdout
    assert postgres.password not in made.stdout + made.stderr


@pytest.mark.parametrize(
    "how, said",
    [
        ("wrong password", "publish failed: connection failed: "),
        ("closed port", "publish failed: connection failed: "),
        ("no permission", "publish failed: permission denied for database zhibiao; "),
    ],
)
def test_a_publish_that_fails_is_one_line_and_changes_nothing(postgres, warehouse, seed_warehouse, how, said):  # noqa: F811
    assert publish(warehouse, postgres.url(), *CHURN).returncode == 0
    before = churn_state(postgres)
    with postgres.admin() as con:
        con.execute("drop role if exists intruder")
        con.execute(f"create role intruder login password '{postgres.password}'")
    url = {
        "wrong password": postgres.url(password="not-" + postgres.password),
        "closed port": postgres.url().replace(f":{postgres.port}/", ":1/"),
        "no permission": postgres.url(user="intruder"),
    }[how]
    done = publish(seed_warehouse, url, *CHURN, "--force")
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(said), done.stderr
    assert done.stderr.endswith("churn_v1 and churn_v2 are unchanged\n")
    assert postgres.password not in done.stderr and "Traceback" not in done.stderr
    assert churn_state(postgres) == before


LOG_LINES = ("copying ", "swapping", "up to date")


def interrupted(db, url, how: str, delay: float, server) -> subprocess.CompletedProcess:
    """A forced publish stopped `delay` seconds after it starts copying: Ctrl-C, killed, or its connection cut."""
    run = subprocess.Popen(
        [sys.executable, "-m", "etl", "publish", "--db", str(db), "--to", url, *CHURN, "--force", "-v"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    first = run.stderr.readline()  # "copying v1.builds": connected, in the transaction
    time.sleep(delay)
    if how == "cut":
        with server.admin("zhibiao") as con:
            con.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zhibiao publish'"
            )
    else:
        run.send_signal(signal.SIGINT if how == "ctrl-c" else signal.SIGKILL)
    out, err = run.communicate(timeout=60)
    return subprocess.CompletedProcess(run.args, run.returncode, out, first + err)


def test_a_publish_interrupted_at_random_moments_leaves_the_old_tables_or_the_new(postgres, warehouse, seed_warehouse):  # noqa: F811
    whole = builds(warehouse, seed_warehouse)
    assert publish(seed_warehouse, postgres.url(), *CHURN, "--force").returncode == 0
    assert churn_state(postgres) == whole[seed_warehouse]
    pick = random.Random(26)
    outcomes = set()
    for attempt in range(9):
        db = (warehouse, seed_warehouse)[attempt % 2]
        before = churn_state(postgres)
        how = ("ctrl-c", "kill", "cut")[attempt % 3]
        done = interrupted(db, postgres.url(), how, pick.uniform(0, 0.6), postgres)
        after = churn_state(postgres)
        assert after in (before, whole[db]), (how, after)
        outcomes.add(after == whole[db] and before != after)
        said = [line for line in done.stderr.splitlines() if not line.startswith(LOG_LINES)]
        assert "Traceback" not in done.stderr and postgres.password not in done.stderr
        if how == "ctrl-c" and done.returncode == 130:
            assert said == ["interrupted; nothing was changed"]
        elif how == "cut" and done.returncode == 1:
            assert len(said) == 1 and said[0].endswith("churn_v1 and churn_v2 are unchanged"), said
    assert False in outcomes  # some interruptions came before the swap


def test_a_reader_sees_the_old_tables_or_the_new_while_publishes_run(postgres, warehouse, seed_warehouse):  # noqa: F811
    whole = builds(warehouse, seed_warehouse)
    assert publish(warehouse, postgres.url(), *CHURN, "--force").returncode == 0
    seen, errors, stop = [], [], threading.Event()

    def read():
        with psycopg.connect(postgres.url(), autocommit=True) as con:
            while not stop.is_set():
                try:
                    seen.append(churn_state_on(con))
                    with con.transaction():  # two statements of one transaction see one build too
                        first = con.execute("select count(*) from churn_v1.documents").fetchone()[0]
                        time.sleep(0.01)
                        assert con.execute("select n_documents from churn_v1.builds").fetchone()[0] == first
                except Exception as err:  # noqa: BLE001  (every error is a finding)
                    errors.append(repr(err))

    readers = [threading.Thread(target=read)]
    for reader in readers:
        reader.start()
    try:
        for db in (seed_warehouse, warehouse, seed_warehouse):
            done = publish(db, postgres.url(), *CHURN, "--force")
            assert done.returncode == 0, done.stderr
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    assert errors == []
    assert set(seen) == {whole[warehouse], whole[seed_warehouse]}


def churn_state_on(con) -> tuple:
    return con.execute(
        "select (select count(*) from churn_v1.documents), (select count(*) from churn_v2.figures), "
        "(select n_documents from churn_v1.builds), (select max(n_documents) from churn_v2.builds), "
        "(select n_documents from churn_meta.published order by published_at desc limit 1), "
        "(select count(*) from pg_namespace where nspname like 'churn%publishing')"
    ).fetchone()


def test_a_second_publish_into_the_same_schemas_at_once_stops_in_one_line(postgres, warehouse):  # noqa: F811
    assert publish(warehouse, postgres.url(), *CHURN).returncode == 0
    before = churn_state(postgres)
    with postgres.admin("zhibiao") as con:
        con.execute("select pg_advisory_lock(hashtext('churn'))")  # as a running publish holds it
        done = publish(warehouse, postgres.url(), *CHURN, "--force")
    assert done.returncode == 1
    assert done.stderr == "another publish into churn_v1 is running; churn_v1 and churn_v2 are unchanged\n"
    assert churn_state(postgres) == before
