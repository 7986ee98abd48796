"""
The load benchmark: wrk on loopback against the server as `make prod` runs it (config/serve.py).

    .venv/bin/python bench/load.py                      # both corpora, cold and warm
    .venv/bin/python bench/load.py --databases columnist_bench_1k --duration 3

For each corpus database (made by bench/make_corpus.py) it
1. renders every benchmarked page in-process with the page cache off, counting its SQL
   queries and bytes and timing the best of 10 renders (a page that does not exist in this
   build is reported, not benchmarked);
2. writes a static file of each page's size into STATIC_ROOT, served by whitenoise;
3. starts one server per corpus with the page cache off (cold) and runs wrk (16
   connections) on each page, corpus after corpus, then again with the cache on (warm),
   adding each page's static twin; the warm/static ratio comes from alternating 1 s runs.
It prints requests/s, p50/p99 latency and errors per page, the ratios warm/static and
cold-at-the-largest/cold-at-the-smallest corpus, and writes bench/results/load.json.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from load_report import report

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"
# A common word of the corpus's bodies (bench/make_corpus.py's WORDS), not a stop word.
SEARCH_WORD = "policy"

BASE_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "LOG_LEVEL": "ERROR",
}


def env_for(database, **extra):
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    return {
        **os.environ,
        **BASE_ENV,
        "DATABASE_URL": f"{pg}/{database}",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
        "CACHE_KEY_PREFIX": f"bench-{database}",
        **extra,
    }


# --- Step 1, run in a subprocess with the corpus's environment: the pages and their cost ---


def inspect_pages():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import TruncMonth
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from columns.models import Column
    from outlets.models import Outlet

    published = Column.objects.published()
    tag = (
        published.values("tags__slug")
        .exclude(tags__slug=None)
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["tags__slug"]
    )
    middle = published.order_by("-date")[published.count() // 2]
    # The busiest month, so that the archive page is a full page of columns in every corpus:
    # the middle column's month holds 5 columns at 1,000 and 190 at 50,000, and a page of 5
    # cards against one of 10 compared the pages' content, not the archive's size.
    busiest = (
        published.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("-n", "-month")
        .first()["month"]
    )
    year, month = busiest.year, busiest.month
    tag_url = reverse("tags:detail", kwargs={"slug": tag})
    outlet = Outlet.objects.annotate(n=Count("columns")).order_by("-n").first()
    pages = {
        "home": "/",
        "home page 50": "/?page=50",
        "tag (most used)": tag_url,
        "tag page 20": f"{tag_url}?page=20",
        "month archive": reverse("columns:month", kwargs={"year": year, "month": f"{month:02d}"}),
        "column": middle.get_absolute_url(),
        "feed": reverse("columns:feed"),
        "sitemap index": reverse("discovery:sitemap"),
        "sitemap columns": reverse("discovery:sitemap_section", kwargs={"section": "columns"}),
        "search": reverse("discovery:search") + f"?q={SEARCH_WORD}",
        "API list": reverse("discovery:api_columns"),
        "outlet": outlet.get_absolute_url(),
        "in the media": reverse("mentions:list"),
    }
    client = Client()
    rows = []
    for name, path in pages.items():
        client.get(path)  # the first request of a process warms lazy lookups
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Read now: the next request resets the connection's query log.
        count = len(queries)
        slowest = max((float(q["time"]) * 1000 for q in queries), default=0)
        # The best of 10 renders in-process: the page's own cost, with little machine noise.
        times = []
        for _ in range(10 if response.status_code == 200 else 0):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "name": name,
                "path": path,
                "status": response.status_code,
                "bytes": len(response.content),
                "queries": count,
                "render_ms": min(times, default=None),
                "slowest_sql_ms": slowest,
            }
        )
    print(json.dumps(rows))


# --- Steps 2 and 3: servers and wrk ---


def start_server(env, port):
    """The server as `make prod` runs it; its log goes to bench/results/server-PORT.log."""
    RESULTS.mkdir(exist_ok=True)
    log = (RESULTS / f"server-{port}.log").open("a")
    server = subprocess.Popen(
        [PYTHON, "-m", "config.serve"],
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        start_new_session=True,  # its own process group, to kill it whole in bench/faults.py
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not answer /healthz within 60 s")


def stop_server(server):
    server.terminate()
    server.wait(timeout=30)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, duration, connections):
    """requests/s, p50 and p99 in ms, and errors (socket errors plus non-2xx/3xx)."""
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def paired_ratio(url, twin, connections, rounds=5):
    """url's requests/s over twin's, from alternating 1 s runs (the median of the pairs), so
    that the machine's load, which drifts over seconds, weighs on both alike."""
    ratios = sorted(
        wrk(url, 1, connections)["rps"] / max(wrk(twin, 1, connections)["rps"], 1)
        for _ in range(rounds)
    )
    return ratios[rounds // 2]


def static_twins(rows):
    """A file of each page's size in STATIC_ROOT/bench/, for whitenoise to serve."""
    folder = ROOT / "staticfiles" / "bench"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for row in rows:
        if row["status"] == 200:
            (folder / f"{row['bytes']}.html").write_bytes(b"x" * row["bytes"])
            row["static"] = f"/static/bench/{row['bytes']}.html"


def prepare_database(database):
    """Inspect the pages of one corpus and write their static twins; returns the rows."""
    env = env_for(database)
    inspected = subprocess.run(
        [PYTHON, __file__, "inspect"],
        env={**env, "PAGE_CACHE_SECONDS": "0", "DATABASE_POOL": "0"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if inspected.returncode:
        raise SystemExit(inspected.stderr)
    return json.loads(inspected.stdout.strip().splitlines()[-1])


def run(databases, args):
    """Cold then warm; in each, one server per corpus, and each page measured on every
    corpus back to back, so that slow drifts in the machine's load hit them alike."""
    # Before inspecting: with DEBUG off, pages need collectstatic's manifest to render.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env_for(databases[0]),
        cwd=ROOT,
        check=True,
    )
    results = {database: prepare_database(database) for database in databases}
    static_twins([row for rows in results.values() for row in rows])
    for mode, seconds in (("cold", "0"), ("warm", "600")):
        if mode not in args.modes:
            continue
        print(f"\n== {mode} ==", flush=True)
        ports = {database: args.port + i for i, database in enumerate(databases)}
        servers = [
            start_server({**env_for(database), "PAGE_CACHE_SECONDS": seconds}, port)
            for database, port in ports.items()
        ]
        try:
            for index in range(len(results[databases[0]])):
                for database in databases:
                    row = results[database][index]
                    if row["status"] != 200 or (args.pages and row["name"] not in args.pages):
                        continue
                    base = f"http://127.0.0.1:{ports[database]}"
                    for _ in range(3):  # fill the cache (warm) and the workers' lazy state
                        urllib.request.urlopen(base + row["path"], timeout=30).read()
                    row[mode] = wrk(base + row["path"], args.duration, args.connections)
                    if mode == "cold" and row["name"] == "search":
                        # A reader's wait when the server is not saturated: one connection.
                        row["cold_alone"] = wrk(base + row["path"], args.duration, 1)
                    if mode == "warm":
                        static = wrk(base + row["static"], args.duration, args.connections)
                        row["static_result"] = static
                        row["static_ratio"] = paired_ratio(
                            base + row["path"], base + row["static"], args.connections
                        )
                    print(f"  {database:22} {row['name']:16} {row[mode]}", flush=True)
        finally:
            for server in servers:
                stop_server(server)
    return results


def main():
    if sys.argv[1:2] == ["inspect"]:
        return inspect_pages()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--databases", default="columnist_bench_1k,columnist_bench_50k", help="comma-separated"
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--modes", default="cold,warm")
    parser.add_argument("--pages", default="", help="comma-separated page names (default all)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    machine = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"load before the run: {machine}")
    args.pages = [name for name in args.pages.split(",") if name]
    results = run(args.databases.split(","), args)
    after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    header = (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores\n"
        f"load before: {machine}\nload after:  {after}\n"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(results, indent=1))
    (RESULTS / "load.md").write_text(header + report(results))


if __name__ == "__main__":
    main()
