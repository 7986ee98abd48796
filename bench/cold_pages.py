"""
Cold pages in-process: what an uncached page costs in Python, with the page cache off.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_cold \
        .venv/bin/python bench/cold_pages.py --trees /work/main,. --rounds 3
    .venv/bin/python bench/cold_pages.py --profile home        # cProfile of 200 renders
    .venv/bin/python bench/cold_pages.py --dump /tmp/after     # every page's bytes, to diff
    .venv/bin/python bench/cold_pages.py --dump /tmp/after --columns 500   # and 500 columns'
    .venv/bin/python bench/cold_pages.py --trees /work/main,. --wrk 5   # wrk, `make prod`'s server
    .venv/bin/python bench/cold_pages.py --trees /work/main,. --wrk 5 --hits   # cache hits

The page "crawl" is `--renders` column pages, each asked once (a crawler's walk: nothing it
renders was rendered just before), its queries not counted.

Each tree (a checkout of this project, e.g. the code before a change and after it) renders
every page in its own process through Django's test client, as production runs it (DEBUG
off, pooled connections, Redis at BENCH_REDIS_URL, list counts cached) but with
PAGE_CACHE_SECONDS=0: the page's own cost. The trees take turns, round after round, so that
the machine's load drifts over both alike; each round renders each page `--renders` times
after one render to warm lazy state, and the report gives, per page and tree, the queries and
the median and minimum of each round's median and minimum, and the lowest of the rounds'
median CPU time of the process a render (time.process_time(): the worker's own work,
without the database's, and less disturbed by other processes than the time it takes).

With `--wrk SECONDS`, each tree in turn serves the pages as `make prod` does (granian, one
worker per core, BENCH_PORT, page cache off) and wrk (16 connections) measures each page;
the report gives the median and best requests/s of the rounds, and the CPU the server's
processes (granian's workers and Redis, read from /proc) spent a request. With `--hits` as
well, the page cache is on: each page is stored, then read back, so wrk measures what a
cache hit costs.
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "home": "/",
    "home p2": "/?page=2",
    "tag sco": "/tag/sco/",
    "tag sco p5": "/tag/sco/?page=5",
    "month 2015-07": "/2015/07/",
    "column": None,  # the middle public column, found in the database
    "feed": "/feed/",
    "feed rss": "/feed/rss/",
    "feed json": "/feed/json/",
    "tag feed": "/tag/sco/feed/",
}

# Dumped as well (--dump), not measured: the other kinds of page, a search and a 404.
DUMPED_TOO = {
    "archive": "/archive/",
    "year 2015": "/2015/",
    "tags": "/tags/",
    "outlets": "/outlets/",
    "in the media": "/in-the-media/",
    "about": "/about/",
    "search": "/search/?q=china",
    "not found": "/no/such/page/",
}


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "LOG_LEVEL": "ERROR",
        "PAGE_CACHE_SECONDS": "0",
        # One persistent connection (the pool hides queries from CaptureQueriesContext).
        "DATABASE_POOL": "0",
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    }


def setup():
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()


def pages():
    from columns.models import Column

    published = Column.objects.published().order_by("-date", "-pk")
    middle = published[published.count() // 2]
    return {name: path or middle.get_absolute_url() for name, path in PAGES.items()}


def measure(renders, only):
    """Run inside a tree: print {page: {queries, median, min}} as JSON."""
    setup()
    from django.db import connection
    from django.test import Client

    client = Client()
    results = {}
    for name, path in pages().items():
        if only and name not in only:
            continue
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        # Counted by a wrapper: Django empties the query log at each request's start.
        queries = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(path)
        times, cpu = [], []
        for _ in range(renders):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        results[name] = {
            "queries": len(queries),
            "median": statistics.median(times),
            "min": min(times),
            "cpu": statistics.median(cpu),
        }
    if not only or "crawl" in only:
        results["crawl"] = crawl(client, renders)
    print(json.dumps(results))


def crawl(client, count):
    """`count` column pages, each asked once, spread over the archive and starting at another
    column each time: a crawler's walk, where nothing a page renders was rendered just before
    (with FRAGMENT_CACHE_SECONDS=0, every render a first render). Each tree runs in a process
    of its own, so each walk starts with nothing remembered."""
    from columns.models import Column

    published = list(Column.objects.published().order_by("date", "pk"))
    step = max(1, len(published) // count)
    times, cpu = [], []
    for column in published[::step][:count]:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(column.get_absolute_url())
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    median = statistics.median(times)
    return {"queries": 0, "median": median, "min": min(times), "cpu": statistics.median(cpu)}


def profile(name, renders):
    setup()
    from django.test import Client

    client = Client()
    path = pages()[name]
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def dump(directory, columns=0):
    """Every page's status and bytes, one file each, to compare two trees' output; with
    `columns`, that many column pages more, spread over the archive."""
    setup()
    from django.test import Client

    from columns.models import Column

    client = Client()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = {**pages(), **DUMPED_TOO}
    if columns:
        published = list(Column.objects.published().order_by("date", "pk"))
        step = max(1, len(published) // columns)
        for column in published[::step][:columns]:
            paths[f"column {column.pk}"] = column.get_absolute_url()
    for name, path in paths.items():
        for round_ in ("first", "again"):  # the second render may come from fragments
            response = client.get(path)
            body = f"{response.status_code} {path}\n".encode() + response.content
            (out / f"{name.replace(' ', '_')}.{round_}").write_bytes(body)


def run_tree(tree, *args):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cold_pages.py"), *args],
        cwd=tree,
        env=environment(),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(trees, rounds, renders, only):
    machine = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine}", flush=True)
    collected = {tree: [] for tree in trees}
    for round_ in range(rounds):
        for tree in trees:
            args = ["measure", str(renders), ",".join(only)]
            collected[tree].append(run_tree(tree, *args))
            print(f"# round {round_ + 1}, {tree}: done", flush=True)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {load}")
    header = " | ".join(f"{tree}: queries, median / min ms, CPU ms" for tree in trees)
    print(f"| page | {header} | median ratio | CPU ratio |")
    print("|---|" + "---|" * len(trees) + "---|---|")
    for name in collected[trees[0]][0]:
        cells, medians, cpus = [], [], []
        for tree in trees:
            rows = [result[name] for result in collected[tree]]
            median = statistics.median(row["median"] for row in rows)
            low = min(row["min"] for row in rows)
            cpu = min(row["cpu"] for row in rows)
            medians.append(median)
            cpus.append(cpu)
            cells.append(f"{rows[0]['queries']}, {median:.1f} / {low:.1f}, {cpu:.2f}")
        ratio = medians[-1] / medians[0] if medians[0] else 0
        cpu_ratio = cpus[-1] / cpus[0] if cpus[0] else 0
        print(f"| {name} | {' | '.join(cells)} | {ratio:.2f} | {cpu_ratio:.2f} |")


def serve(tree, port, page_cache_seconds=0):
    """`make prod`'s server (config/serve.py) from `tree`, page cache off (or on for
    `page_cache_seconds`), once it answers."""
    env = {**environment(), "PORT": str(port), "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    env["PAGE_CACHE_SECONDS"] = str(page_cache_seconds)
    env.pop("DATABASE_POOL")  # pooled, as in production
    env.pop("DATABASE_CONN_MAX_AGE")
    server = subprocess.Popen(
        [sys.executable, "-m", "config.serve"],
        cwd=tree,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"{tree} did not answer on port {port}")


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """The CPU time (user and system) the processes `pids` have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def server_pids(server):
    """The server's processes (granian and its workers: one session) and Redis's."""
    out = subprocess.run(["ps", "-eo", "pid,sid,comm"], capture_output=True, text=True).stdout
    pids = []
    for line in out.splitlines()[1:]:
        pid, sid, comm = line.split(None, 2)
        if int(sid) == server.pid or comm.startswith("redis-server"):
            pids.append(int(pid))
    return pids


def compare_wrk(trees, rounds, seconds, only, page_cache_seconds=0):
    """wrk against each tree's server in turn: requests/s, and the CPU the server's processes
    (granian's workers and Redis, not wrk) spent a request, which is what a page costs the
    server whatever else the machine is doing."""
    from load import wrk

    machine = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine}", flush=True)
    paths = run_tree(trees[-1], "paths")
    names = [name for name in paths if not only or name in only]
    port = int(os.environ.get("BENCH_PORT", "8103"))
    rps = {tree: {name: [] for name in names} for tree in trees}
    cost = {tree: {name: [] for name in names} for tree in trees}
    for round_ in range(rounds):
        for tree in trees:
            server = serve(tree, port, page_cache_seconds)
            try:
                pids = server_pids(server)
                for name in names:
                    url = f"http://127.0.0.1:{port}{paths[name]}"
                    for _ in range(3):
                        urllib.request.urlopen(url, timeout=30).read()
                    before = cpu_seconds(pids)
                    result = wrk(url, seconds, 16)
                    spent = cpu_seconds(pids) - before
                    assert not result["errors"], (tree, name, result)
                    rps[tree][name].append(result["rps"])
                    cost[tree][name].append(spent / (result["rps"] * seconds) * 1e6)
            finally:
                server.terminate()
                server.wait(timeout=30)
            print(f"# round {round_ + 1}, {tree}: done", flush=True)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {load}")
    header = " | ".join(f"{tree}: req/s median / best, µs CPU a request" for tree in trees)
    print(f"| page | {header} | median ratio |")
    print("|---|" + "---|" * len(trees) + "---|")
    for name in names:
        medians = [statistics.median(rps[tree][name]) for tree in trees]
        cells = [
            f"{median:.0f} / {max(rps[tree][name]):.0f}, {statistics.median(cost[tree][name]):.0f}"
            for median, tree in zip(medians, trees, strict=True)
        ]
        print(f"| {name} | {' | '.join(cells)} | {medians[-1] / medians[0]:.2f} |")


def main():
    if sys.argv[1:2] == ["paths"]:
        setup()
        return print(json.dumps(pages()))
    if sys.argv[1:2] == ["measure"]:
        only = [name for name in sys.argv[3].split(",") if name] if len(sys.argv) > 3 else []
        return measure(int(sys.argv[2]), only)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", default=".", help="comma-separated checkouts to compare")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--renders", type=int, default=30, help="renders per page per round")
    parser.add_argument("--pages", default="", help="comma-separated page names (default all)")
    parser.add_argument("--profile", metavar="PAGE", help="cProfile 200 renders of one page")
    parser.add_argument("--dump", metavar="DIR", help="write every page's output into DIR")
    parser.add_argument("--columns", type=int, default=0, help="with --dump: N column pages more")
    parser.add_argument("--wrk", type=int, metavar="SECONDS", help="wrk each page this long")
    parser.add_argument("--hits", action="store_true", help="with --wrk: page cache on")
    args = parser.parse_args()
    if args.profile or args.dump:
        os.environ.update(environment())
        return profile(args.profile, 200) if args.profile else dump(args.dump, args.columns)
    trees = [str(Path(tree).resolve()) for tree in args.trees.split(",")]
    only = [name for name in args.pages.split(",") if name]
    if args.wrk:
        return compare_wrk(trees, args.rounds, args.wrk, only, 600 if args.hits else 0)
    compare(trees, args.rounds, args.renders, only)


if __name__ == "__main__":
    main()
