"""The production server (config/serve.py, what `make prod` runs) serves the site for real."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from config import serve
from tests.test_security import PRODUCTION, ROOT, run


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_takes_its_worker_count_and_address_from_the_environment():
    script = (
        "from config.serve import command; import os; a = command(os.environ); "
        "print(a[a.index('--workers') + 1], a[a.index('--host') + 1], a[a.index('--port') + 1],"
        " a[-1])"
    )
    result = run(["-c", script], WEB_CONCURRENCY="7", PORT="9000")
    assert result.stdout.split() == ["7", "127.0.0.1", "9000", "config.wsgi:application"]
    bound = run(["-c", script], BIND="0.0.0.0:8080").stdout.split()
    assert bound[1:3] == ["0.0.0.0", "8080"]


def test_the_server_answers_health_checks_with_the_security_headers(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GRANIAN_"))},
        **PRODUCTION,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "0",
        # /healthz asks the database for SELECT 1 only: an empty SQLite file will do.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "REDIS_URL": "",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "config.serve"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status, headers = None, None
        deadline = time.monotonic() + 30
        while status is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status, headers = r.status, r.headers
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, log.read_text()
                time.sleep(0.2)
        assert status == 200, log.read_text()
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "script-src 'self'" in headers["Content-Security-Policy"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_web_processes_bound_each_sql_statement():
    """The server sets DATABASE_STATEMENT_TIMEOUT; management commands run without it."""
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith("postgres"):
        pytest.skip("statement_timeout is PostgreSQL's")
    script = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    )
    # Any database of that server will do (the test database is not DATABASE_URL's).
    server = database.rsplit("/", 1)[0] + "/postgres"
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": server}
    bounded = run(["-c", script], DATABASE_STATEMENT_TIMEOUT=serve.STATEMENT_TIMEOUT_MS, **env)
    assert bounded.stdout.strip() == "30s", bounded.stderr
    assert run(["-c", script], **env).stdout.strip() == "0"
