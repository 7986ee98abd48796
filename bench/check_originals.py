"""
check_originals over many columns against a local server that plays their outlet.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_bench_originals \\
        .venv/bin/python bench/check_originals.py --columns 5000

It empties the database's columns (the name must contain "bench"), makes N public columns
whose originals live on a local threaded HTTP server (85% online, 5% 404, 5% moved, 5% soft
404), runs one full check_originals pass with no delay between requests (the delay is
politeness towards real outlets, not work), and prints the time, the requests per second,
the outcomes, the peak memory of the process, and that a second pass costs the outlet only
304s for the pages it already knows.
"""

import argparse
import http.server
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from columns.models import Column  # noqa: E402
from originals.models import Check, Original  # noqa: E402
from originals.run import check_originals  # noqa: E402


class Outlet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        n = int(self.path.rsplit("/", 1)[-1] or 0) if self.path[-1].isdigit() else -1
        if self.path == "/robots.txt":
            return self.reply(404, b"")
        if n % 20 == 1:
            return self.reply(404, b"<h1>Not found</h1>")
        if n % 20 == 2 and not self.path.startswith("/new/"):
            return self.reply(301, b"", Location=f"/new/{n}")
        if self.headers.get("If-None-Match") == f'"{n}"':
            return self.reply(304, b"")
        title = "Subscribe now" if n % 20 == 3 else f"Column number {n} about the region"
        body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
        return self.reply(200, body.encode(), ETag=f'"{n}"')

    def reply(self, status, body, **headers):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def make_columns(count, base):
    if "bench" not in connection.settings_dict["NAME"]:
        sys.exit("Refusing: the database name must contain 'bench'.")
    Check.objects.all().delete()
    Original.objects.all().delete()
    Column.objects.all().delete()
    now = timezone.now()
    columns = []
    for n in range(count):
        column = Column(
            title=f"Column number {n} about the region",
            slug=f"column-{n}",
            status=Column.Status.PUBLISHED,
            posted_at=now,
            original_url=f"{base}/article/{n}",
        )
        column.derive_fields()
        columns.append(column)
    Column.objects.bulk_create(columns, batch_size=1000)


def one_pass(label):
    started = time.perf_counter()
    summary = check_originals(host_delay=0)
    seconds = time.perf_counter() - started
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(summary.outcomes.items()))
    rate = summary.checked / seconds
    print(f"{label}: {summary.checked} checked in {seconds:.1f} s ({rate:.0f}/s): {outcomes}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--columns", type=int, default=5000)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Outlet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.ALLOW_LOOPBACK_FETCH = True
    make_columns(args.columns, f"http://127.0.0.1:{server.server_address[1]}")
    one_pass("first pass")
    one_pass("second pass")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process): {peak:.0f} MB")
    server.shutdown()


if __name__ == "__main__":
    main()
