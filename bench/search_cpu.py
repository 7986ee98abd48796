"""
CPU time per search page, in process: this process's (Python) and its PostgreSQL backends'
(/proc/<pid>/stat), over N renders after three warm-ups. Unlike requests/s and wall times,
it hardly moves with the load other work puts on a shared machine (BENCHMARKS.md, "Search
speed, session 5").

    DJANGO_DEBUG=0 DJANGO_SECRET_KEY=x DJANGO_SSL_REDIRECT=0 PAGE_CACHE_SECONDS=0 \
    DJANGO_ALLOWED_HOSTS=testserver DATABASE_URL=... REDIS_URL=... \
    .venv/bin/python bench/search_cpu.py "/search/?q=china" "/search/?q=labour"

COUNT_CACHE_SECONDS=0 recomputes the matches on every render. The backends are this
database's client connections: run it where no one else uses the database.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def backends_cpu(pids):
    """Seconds of CPU the backends `pids` have used (user and system)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICK


RENDERS = int(os.environ.get("N", "40"))


def main(urls, renders=RENDERS):
    client = Client()
    for url in urls:
        for _ in range(3):
            response = client.get(url)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND backend_type = 'client backend'"
            )
            pids = [pid for (pid,) in cursor.fetchall()]
        python, postgres, wall = time.process_time(), backends_cpu(pids), time.perf_counter()
        for _ in range(renders):
            client.get(url)
        python = (time.process_time() - python) / renders * 1000
        postgres = (backends_cpu(pids) - postgres) / renders * 1000
        wall = (time.perf_counter() - wall) / renders * 1000
        print(
            f"{url:40s} {response.status_code} python {python:5.1f} ms + postgres "
            f"{postgres:5.1f} ms = {python + postgres:5.1f} ms CPU a page (wall {wall:5.1f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
