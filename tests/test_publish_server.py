"""A real PostgreSQL server for the publish tests, started in a temporary folder and stopped after.

Debian's `postgresql` package provides the binaries (/usr/lib/postgresql/<version>/bin). initdb refuses
to run as root: as root, the server runs as the package's `postgres` user, in a folder it owns. The
server listens on its own unix socket (superuser `postgres`, trusted: the tests set up roles through it)
and on a free loopback port where every login needs its password (scram-sha-256). Under CI (CI=true) a
missing PostgreSQL fails the tests that need it; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

PUBLISHER = "publisher"
DATABASE = "zhibiao"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's newest, else the ones on PATH."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]), reverse=True):
        if Path(folder, "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def missing(reason: str):
    """Fail under CI, where PostgreSQL must be there (.ci/run installs it); skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; under CI the publish tests need it (.ci/run installs Debian's postgresql)")
    pytest.skip(reason)


class Server:
    """One PostgreSQL cluster in a temporary folder: socket and data there, a loopback port of its own."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="zhibiao-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.password = "Zb-" + secrets.token_hex(12)  # a test greps every output for it
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True, cwd=self.folder)
        if done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> Server:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256",
        )  # fmt: skip
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", options, "start"
        )
        with self.admin() as con:
            con.execute(f"create role {PUBLISHER} login createrole password '{self.password}'")
            con.execute(f"create database {DATABASE} owner {PUBLISHER}")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """The superuser, over the unix socket."""
        return psycopg.connect(host=str(self.folder), port=self.port, user="postgres", dbname=dbname, autocommit=True)

    def url(self, user: str = PUBLISHER, password: str | None = None, database: str = DATABASE) -> str:
        """A URL for a login over the loopback port; the publisher's password unless told otherwise."""
        password = self.password if password is None else password
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def url_without_password(self, user: str = PUBLISHER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{DATABASE}"

    def rows(self, sql: str) -> list[tuple]:
        with self.admin(DATABASE) as con:
            return con.execute(sql).fetchall()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres():
    """A running server for the session, stopped and removed after it."""
    bin_dir = binaries()
    if bin_dir is None:
        missing("PostgreSQL is not installed (no initdb; apt-get install postgresql)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        missing("running as root, and no runuser to start PostgreSQL as the postgres user")
    try:
        server = Server(bin_dir)
    except LookupError as err:  # no postgres user to run it as
        missing(f"PostgreSQL cannot run here: {err}")
    try:
        server.start()
    except (RuntimeError, psycopg.Error) as err:
        server.stop()
        missing(f"PostgreSQL did not start: {err}")
    yield server
    server.stop()


def test_a_missing_postgresql_fails_under_ci_and_is_skipped_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI the publish tests need it"):
        missing("PostgreSQL is not installed")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL is not installed"):
        missing("PostgreSQL is not installed")
