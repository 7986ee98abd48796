"""
Fault runs under load, on a throwaway PostgreSQL and Redis of their own.

    .venv/bin/python bench/faults.py

The machine's PostgreSQL and Redis are shared by others, so this starts its own: a
PostgreSQL cluster in /tmp (port 5436) and a redis-server (port 6396), loads a 1,000-column
corpus, and runs two app processes (the server as `make prod` runs it, ports 8201 and 8202)
sharing them. Then, each under wrk's 16 connections plus a prober that requests a page every 50 ms:
1. PostgreSQL restarts (page cache off, so every page needs the database);
2. Redis stops (page cache on) and comes back;
3. one of the two app processes is killed (SIGKILL) while both are loaded;
4. an editor saves a column every half second through the ORM while readers read; each save
   must show through the other app process within a second.
It prints what it observed; BENCHMARKS.md keeps a copy. Everything it started is stopped.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import PYTHON, ROOT, env_for, start_server, stop_server, wrk

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_DIR = Path("/tmp/columnist-faults-pg")
PG_PORT = int(os.environ.get("FAULT_PG_PORT", "5436"))
REDIS_PORT = int(os.environ.get("FAULT_REDIS_PORT", "6396"))
APP_PORTS = (8201, 8202)
LOAD_SECONDS = 12


def as_postgres(*command):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
    )


def postgres(action):
    as_postgres(
        PG_BIN / "pg_ctl", "-D", PG_DIR, "-l", PG_DIR / "log", "-w", "-m", "fast",
        "-o", f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1", action,
    )  # fmt: skip


def start_databases():
    shutil.rmtree(PG_DIR, ignore_errors=True)
    PG_DIR.mkdir()
    shutil.chown(PG_DIR, "postgres", "postgres")
    as_postgres(PG_BIN / "initdb", "-D", PG_DIR, "-A", "trust", "-U", "postgres")
    postgres("start")
    as_postgres(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", PG_PORT, "columnist_bench_faults")
    start_redis()


def start_redis():
    subprocess.run(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "yes", "--dir", "/tmp",
         "--pidfile", f"/tmp/columnist-faults-redis-{REDIS_PORT}.pid",
         "--logfile", f"/tmp/columnist-faults-redis-{REDIS_PORT}.log"],
        check=True,
    )  # fmt: skip
    for _ in range(50):
        if redis_cli("ping").stdout.strip() == "PONG":
            return
        time.sleep(0.1)


def redis_cli(*args):
    return subprocess.run(
        ["redis-cli", "-p", str(REDIS_PORT), *args], capture_output=True, text=True
    )


def stop_databases():
    redis_cli("shutdown", "nosave")
    with contextlib.suppress(subprocess.CalledProcessError):
        postgres("stop")
    shutil.rmtree(PG_DIR, ignore_errors=True)


def get(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


class Prober(threading.Thread):
    """Requests a URL every 50 ms and records (time, status)."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.samples, self.running = url, [], True

    def run(self):
        start = time.monotonic()
        while self.running:
            self.samples.append((time.monotonic() - start, get(self.url)[0]))
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.join()
        failures = [t for t, status in self.samples if status != 200]
        if not failures:
            return f"prober: {len(self.samples)} requests, all 200"
        return (
            f"prober: {len(self.samples)} requests, {len(failures)} failed, "
            f"from t={failures[0]:.1f}s to t={failures[-1]:.1f}s; "
            f"last status {self.samples[-1][1]}"
        )


def under_load(url, fault, at=3.0, seconds=LOAD_SECONDS):
    """Run wrk and a prober on `url`, call `fault()` after `at` seconds; report both."""
    results = {}
    load = threading.Thread(target=lambda: results.update(wrk(url, seconds, 16)))
    prober = Prober(url)
    load.start()
    prober.start()
    time.sleep(at)
    started = time.monotonic()
    note = fault()
    fault_seconds = time.monotonic() - started
    load.join()
    report = prober.stop()
    print(f"  fault took {fault_seconds:.1f} s{'; ' + note if note else ''}")
    print(f"  wrk: {results['rps']:.0f} req/s, {results['errors']} errors")
    print(f"  {report}")
    return results


def main():
    for port in (PG_PORT, REDIS_PORT, *APP_PORTS):
        if (
            get(f"http://127.0.0.1:{port}/")[0]
            or subprocess.run(
                ["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{port}"], capture_output=True
            ).returncode
            == 0
        ):
            raise SystemExit(f"port {port} is in use; set FAULT_PG_PORT / FAULT_REDIS_PORT")
    env = {
        **env_for("columnist_bench_faults"),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/columnist_bench_faults",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "WEB_CONCURRENCY": "2",
    }
    servers = []
    start_databases()
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [PYTHON, "bench/make_corpus.py", "--columns", "1000", "--mentions", "500"],
            env=env, cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        a, b = (f"http://127.0.0.1:{port}" for port in APP_PORTS)

        print("\n1. PostgreSQL restarts under load (page cache off)")
        cold = start_server({**env, "PAGE_CACHE_SECONDS": "0"}, APP_PORTS[0])
        servers.append(cold)
        under_load(f"{a}/", lambda: postgres("restart"))
        print(
            f"  after: /healthz {get(a + '/healthz')[0]}, / {get(a + '/')[0]} (app not restarted)"
        )
        stop_server(cold)
        servers.remove(cold)

        servers += [start_server({**env, "PAGE_CACHE_SECONDS": "600"}, p) for p in APP_PORTS]
        print("\n2. Redis stops under load (page cache on), then comes back")
        under_load(f"{a}/", lambda: redis_cli("shutdown", "nosave") and None, seconds=8)
        print(f"  while down: /healthz {get(a + '/healthz')[0]}, / {get(a + '/')[0]}")
        start_redis()
        time.sleep(5.5)  # the app retries the cache after 5 s
        get(a + "/")
        status, _ = get(a + "/")
        hit = urllib.request.urlopen(a + "/").headers.get("X-Page-Cache")
        print(
            f"  after restart: / {status}, X-Page-Cache: {hit}, /healthz {get(a + '/healthz')[0]}"
        )

        print("\n3. One of two app processes is killed while both are loaded")
        other = {}
        load_b = threading.Thread(target=lambda: other.update(wrk(f"{b}/", LOAD_SECONDS, 16)))
        load_b.start()
        victim = servers[0]

        def kill_a():
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
            return f"app on :{APP_PORTS[0]} killed (SIGKILL to its process group)"

        under_load(f"{a}/", kill_a)
        servers.remove(victim)
        load_b.join()
        print(
            f"  the other app (:{APP_PORTS[1]}): {other['rps']:.0f} req/s, {other['errors']} errors"
        )

        print("\n4. An editor saves while 16 connections read; the other process must follow")
        servers.append(start_server({**env, "PAGE_CACHE_SECONDS": "600"}, APP_PORTS[0]))
        editor = subprocess.Popen(
            [PYTHON, "bench/editor_saves.py", b, "20"],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        results = wrk(f"{a}/", LOAD_SECONDS, 16)
        print(
            f"  readers on :{APP_PORTS[0]}: {results['rps']:.0f} req/s, {results['errors']} errors"
        )
        print("  " + editor.communicate()[0].strip().replace("\n", "\n  "))
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
        stop_databases()


if __name__ == "__main__":
    main()
