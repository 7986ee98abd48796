"""
The production server, as `make prod` and the benchmarks start it: granian serving
config.wsgi, configured from the environment (see README: Production).

    python -m config.serve

It replaces itself with granian (exec), so a supervisor's signals reach granian directly.
"""

import os
import shutil
import sys
from pathlib import Path


def command(environ=os.environ):
    """granian's argument list for this environment."""
    # One worker per core: more only made the workers take turns (on 2 cores, 5 workers
    # served uncached pages at 70-145 requests/s, 2 workers at 130-170; cached ones alike).
    workers = environ.get("WEB_CONCURRENCY") or str(os.cpu_count() or 1)
    host, _, port = environ.get("BIND", "").rpartition(":")
    granian = Path(sys.executable).with_name("granian")
    argv = [
        str(granian) if granian.exists() else shutil.which("granian") or "granian",
        "--interface", "wsgi",
        "--host", host or "127.0.0.1",
        "--port", port or environ.get("PORT", "8000"),
        # Processes, not threads, carry the load: each request holds its worker's Python for
        # its whole life, while granian's Rust side reads and writes the sockets.
        "--workers", workers,
        "--blocking-threads", "1",
        # A worker that dies is replaced; the others keep serving meanwhile.
        "--respawn-failed-workers",
        "--workers-kill-timeout", "20",
        "--no-ws",
        "--log-level", environ.get("LOG_LEVEL", "warning").lower(),
    ]  # fmt: skip
    if environ.get("ACCESS_LOG"):
        argv.append("--access-log")
    return [*argv, "config.wsgi:application"]


# Web requests' SQL statements end after this long (see DATABASE_STATEMENT_TIMEOUT in
# config/settings.py): granian, unlike gunicorn, never times a request out itself.
STATEMENT_TIMEOUT_MS = "30000"

if __name__ == "__main__":
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", STATEMENT_TIMEOUT_MS)
    argv = command()
    os.execv(argv[0], argv)
