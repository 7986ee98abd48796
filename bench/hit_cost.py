"""
What a page-cache hit costs the server: requests/s under wrk, and the CPU the server's
processes (granian's workers, Redis) spend per request, read from /proc.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_cold \
        .venv/bin/python bench/hit_cost.py --trees ../before,. --rounds 3 --seconds 8

Each tree (a checkout of this project) in turn serves the pages as `make prod` does
(config/serve.py: granian, one worker per core, PostgreSQL pooled, Redis at BENCH_REDIS_URL,
page cache on); each page is asked three times (stored, then read back), then wrk (16
connections) asks it for --seconds. Trees take turns round after round, so the machine's
load drifts over all alike. CPU per request counts the worker processes and Redis, not wrk:
it is what the server pays for a hit, whatever else the machine is doing, where requests/s
also depends on what wrk and the rest of the machine leave it.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold_pages import run_tree, serve
from load import wrk

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trees", default=".", help="comma-separated checkouts to compare")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--pages", default="home,tag sco,column,feed,search china")
    args = parser.parse_args()
    trees = [str(Path(tree).resolve()) for tree in args.trees.split(",")]
    paths = run_tree(trees[-1], "paths")
    paths["search china"] = "/search/?q=china"
    names = [name for name in args.pages.split(",") if name]
    port = int(os.environ.get("BENCH_PORT", "8104"))
    machine = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine}", flush=True)
    rps = {tree: {name: [] for name in names} for tree in trees}
    cost = {tree: {name: [] for name in names} for tree in trees}
    for round_ in range(args.rounds):
        for tree in trees:
            server = serve(tree, port, page_cache_seconds=600)
            try:
                pids = server_pids(server)
                for name in names:
                    url = f"http://127.0.0.1:{port}{paths[name]}"
                    for _ in range(3):
                        urllib.request.urlopen(url, timeout=30).read()
                    before = cpu_seconds(pids)
                    result = wrk(url, args.seconds, 16)
                    spent = cpu_seconds(pids) - before
                    assert not result["errors"], (tree, name, result)
                    rps[tree][name].append(result["rps"])
                    cost[tree][name].append(spent / (result["rps"] * args.seconds) * 1e6)
            finally:
                server.terminate()
                server.wait(timeout=30)
            print(f"# round {round_ + 1}, {tree}: done", flush=True)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"# {load}")
    header = " | ".join(f"{tree}: req/s median / best, µs CPU a request" for tree in trees)
    print(f"| page | {header} | req/s ratio |")
    print("|---|" + "---|" * len(trees) + "---|")
    for name in names:
        medians = [statistics.median(rps[tree][name]) for tree in trees]
        cells = [
            f"{statistics.median(rps[t][name]):.0f} / {max(rps[t][name]):.0f}, "
            f"{statistics.median(cost[t][name]):.0f}"
            for t in trees
        ]
        print(f"| {name} | {' | '.join(cells)} | {medians[-1] / medians[0]:.2f} |")


if __name__ == "__main__":
    main()
