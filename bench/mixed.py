"""
The mixed workload of issue 16: a crawler, readers and an editor on one running site at once.

    # Columnist under `make prod` (page cache on, PostgreSQL, the corpus imported), run with
    # the same DATABASE_URL (and the rest of make prod's environment) as the server:
    .venv/bin/python bench/mixed.py --site columnist --base http://127.0.0.1:8000
    # stock WordPress (../shared/peers/wordpress/), loaded with the same WXR:
    .venv/bin/python bench/mixed.py --site wordpress --base http://127.0.0.1:8081

For --duration seconds (300 by default), in windows of --window seconds (30):
- a crawler (wrk, --crawler-connections, 4) walks every column page once: the sitemap's
  for Columnist, the WXR's <link>s for WordPress, or --urls FILE; newest first;
- readers (wrk, --reader-connections, 16) read home (20%), tag pages (20%, Zipf over the
  tags by how many columns carry them) and column pages (60%, Zipf over the columns, the
  newest most read), a sample drawn once from --seed;
- an editor saves one of the ten newest columns every --save-every seconds (30), the first
  after one interval, so that the first window has no save: for Columnist a real admin save
  over HTTP (a superuser made with manage.py logs in, GETs the change form and POSTs it back
  with the title changed), for WordPress wp_update_post() through PHP (wp-load.php, booted
  as the peer harness does).
Each window runs a fresh wrk per class; wrk's Lua script (bench/wrk/paths.lua) counts cache
hits (X-Page-Cache, or X-Varnish-Cache through Varnish) and writes the latency distribution
as quantiles, merged here per class and over the run. It prints the conditions, one table for
the run and one per window, and writes the raw wrk JSON, wrk's text output and the saves to
--out (bench/results/mixed-<site>-<stamp>/). Loopback only; it stops every wrk it started.
"""

import argparse
import bisect
import collections
import http.cookiejar
import importlib.metadata
import json
import math
import os
import platform
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "wrk" / "paths.lua"
WXR = "/tmp/wpbench/corpus-5000.wxr"
WP_BOOT = ROOT.parent / "shared" / "peers" / "wordpress" / "wp-boot.php"
EDITOR = "benchmix-editor"
CLASSES = ("crawler", "readers")
running = set()  # wrk processes, stopped on exit
wrk_cpu = [0.0]  # seconds of CPU the wrk processes took, to tell when the generator is the limit


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", choices=["columnist", "wordpress"], default="columnist")
    parser.add_argument("--base", help="the site (http://127.0.0.1:8000, WordPress's :8081)")
    parser.add_argument("--duration", type=int, default=300, help="seconds (300)")
    parser.add_argument("--window", type=int, default=30, help="seconds per window (30)")
    parser.add_argument("--save-every", type=int, default=30, help="seconds between saves")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of readers, unmeasured")
    parser.add_argument("--crawler-connections", type=int, default=4)
    parser.add_argument(
        "--crawler-pause", type=int, default=0,
        help="ms each crawler connection waits before each page (0: none, as fast as answered)",
    )  # fmt: skip
    parser.add_argument("--reader-connections", type=int, default=16)
    parser.add_argument("--urls", help="file of the column paths to crawl, one per line")
    parser.add_argument("--wxr", default=WXR, help="the corpus (tags; WordPress's links)")
    parser.add_argument("--wp-boot", default=str(WP_BOOT), help="the harness's wp-boot.php")
    parser.add_argument("--admin-path", default=os.environ.get("DJANGO_ADMIN_PATH", "admin"))
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", help="directory for the raw data")
    args = parser.parse_args()
    default = "http://127.0.0.1:8000" if args.site == "columnist" else "http://127.0.0.1:8081"
    args.base = (args.base or default).rstrip("/")
    host = urllib.parse.urlsplit(args.base).hostname or ""
    if not (host.startswith("127.") or host in ("localhost", "::1")):
        parser.error(f"loopback only, not {host!r}")
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    args.out = Path(args.out or ROOT / "bench" / "results" / f"mixed-{args.site}-{stamp}")
    return args


# --- What to read ---


def get(url, opener=None, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, url, error.read().decode(errors="replace")


def path_of(url, query=False):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if query and parts.query else "")


def sitemap_paths(base):
    """Every column page the sitemap lists (Columnist)."""
    _, _, index = get(base + "/sitemap.xml")
    paths = []
    for sitemap in re.findall(r"<loc>([^<]*sitemap-columns[^<]*)</loc>", index):
        sitemap = sitemap.replace("&amp;", "&")
        _, _, page = get(base + path_of(sitemap, query=True))
        paths += [path_of(loc) for loc in re.findall(r"<loc>([^<]*)</loc>", page)]
    return paths


def wxr_corpus(wxr):
    """The WXR's post links (WordPress's column pages) and how many posts carry each tag."""
    links, tags = [], collections.Counter()
    text = Path(wxr).read_text()
    for item in re.findall(r"<item>(.*?)</item>", text, re.S):
        link = re.search(r"<link>([^<]*)</link>", item)
        if link:
            links.append(path_of(link.group(1)))
        tags.update(re.findall(r'<category domain="post_tag" nicename="([^"]*)"', item))
    return links, tags


def zipf_sample(items, count, rng, s=1.0):
    weights = [1 / (rank**s) for rank in range(1, len(items) + 1)]
    return rng.choices(items, weights=weights, k=count)


def reader_paths(columns, tags, rng, count=100_000):
    """Home 20%, tags 20% (Zipf by use), columns 60% (Zipf, newest first), shuffled."""
    tag_pages = [f"/tag/{slug}/" for slug, _ in tags.most_common()]
    paths = ["/"] * (count // 5)
    paths += zipf_sample(tag_pages, count // 5, rng)
    paths += zipf_sample(columns, count - len(paths), rng)
    rng.shuffle(paths)
    return paths


# --- The editor ---


class ColumnistEditor:
    """A superuser saving columns through the admin, over HTTP, as a browser would."""

    def __init__(self, args):
        self.base, self.admin = args.base, f"/{args.admin_path.strip('/')}/"
        password = secrets.token_urlsafe(16)
        script = (
            "import json; from django.contrib.auth import get_user_model; "
            "from columns.models import Column; User = get_user_model(); "
            f"u, _ = User.objects.get_or_create(username={EDITOR!r}); "
            "u.is_staff = u.is_superuser = True; u.is_active = True; "
            f"u.set_password({password!r}); u.save(); "
            "print(json.dumps(list(Column.objects.published().order_by('-date', '-id')"
            ".values_list('pk', flat=True)[:10])))"
        )
        done = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        self.columns = json.loads(done.stdout.strip().splitlines()[-1])
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        login = self.base + self.admin + "login/"
        _, _, page = get(login, self.opener)
        token = lxml.html.fromstring(page).xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
        fields = {"username": EDITOR, "password": password, "csrfmiddlewaretoken": token,
                  "next": self.admin}  # fmt: skip
        status, where, _ = get(login, self.opener, urllib.parse.urlencode(fields).encode(),
                               {"Referer": login})  # fmt: skip
        if path_of(where) != self.admin:
            sys.exit(f"the editor could not log in (HTTP {status}, at {where})")

    def save(self, n):
        """GET the change form, change the title, POST it back with the plain Save button."""
        pk = self.columns[n % len(self.columns)]
        url = f"{self.base}{self.admin}columns/column/{pk}/change/"
        _, _, page = get(url, self.opener)
        form = lxml.html.fromstring(page).xpath("//form[@id='column_form']")[0]
        values = [(k, v) for k, v in form.form_values() if not k.startswith("_")]
        values = [
            (k, re.sub(r"( \(edit \d+\))?$", f" (edit {n})", v, count=1) if k == "title" else v)
            for k, v in values
        ]
        values.append(("_save", "Save"))
        started = time.monotonic()
        status, where, body = get(url, self.opener, urllib.parse.urlencode(values).encode(),
                                  {"Referer": url})  # fmt: skip
        took = time.monotonic() - started
        ok = path_of(where) != path_of(url)  # a saved form redirects to the list
        errors = "//*[contains(@class, 'errorlist') or contains(@class, 'errornote')]//text()"
        error = "" if ok else " ".join(lxml.html.fromstring(body).xpath(errors))[:300]
        return {"column": pk, "status": status, "ok": ok, "seconds": took, "error": error}


class WordPressEditor:
    """wp_update_post() through WordPress's own PHP, booted as the peer harness boots it."""

    def __init__(self, args):
        self.boot = args.wp_boot
        ids = self.php(
            "echo json_encode(get_posts(['numberposts' => 10, 'orderby' => 'date', "
            "'order' => 'DESC', 'fields' => 'ids']));"
        )
        self.columns = json.loads(ids.strip().splitlines()[-1])
        if not self.columns:
            sys.exit("WordPress has no posts: load the corpus first (peers/wordpress/load.sh)")

    def php(self, code):
        done = subprocess.run(["php", "-r", f"require {self.boot!r}; {code}"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        return done.stdout

    def save(self, n):
        pk = self.columns[n % len(self.columns)]
        code = (
            f"$p = get_post({pk}); $t = preg_replace('/( \\(edit \\d+\\))?$/', ' (edit {n})', "
            f"$p->post_title, 1); $r = wp_update_post(['ID' => {pk}, 'post_title' => $t], true); "
            "echo is_wp_error($r) ? 'ERROR ' . $r->get_error_message() : 'OK';"
        )
        started = time.monotonic()
        try:
            output = self.php(code).strip()
        except subprocess.CalledProcessError as error:
            output = f"ERROR {error.stderr[-300:]}"
        took = time.monotonic() - started
        ok = output.endswith("OK")
        return {"column": pk, "status": 0, "ok": ok, "seconds": took, "error": "" if ok else output}


def edit(editor, args, started, stop, saves):
    n = 0
    while True:
        due = started + args.save_every * (n + 1)
        if stop.wait(max(0, due - time.monotonic())):
            return
        save = editor.save(n)
        save["at"] = round(time.monotonic() - started, 2)
        saves.append(save)
        n += 1


# --- Load ---


def wrk(args, paths_file, connections, seconds, mode, start, out):
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(LUA), args.base, "--", str(paths_file), str(out), mode, str(start),
        str(args.crawler_pause if mode == "once" else 0),
    ]  # fmt: skip
    text = open(out.with_suffix(".txt"), "w")  # noqa: SIM115 (closed when the run ends)
    process = subprocess.Popen(command, stdout=text, stderr=subprocess.STDOUT)
    process.text = text
    running.add(process)
    return process


def finish(process):
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wrk_cpu[0] += usage.ru_utime + usage.ru_stime
    process.text.close()
    running.discard(process)


def cpu_busy():
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return sum(fields[:3]) + sum(fields[5:8]), sum(fields[:8])


def run(args, crawl, read, editor):
    out = args.out
    rng = random.Random(args.seed)
    if args.warmup:
        finish(wrk(args, read, args.reader_connections, args.warmup, "cycle", 0,
                   out / "warmup.json"))  # fmt: skip
    saves, stop = [], threading.Event()
    started = time.monotonic()
    thread = threading.Thread(target=edit, args=(editor, args, started, stop, saves), daemon=True)
    thread.start()
    windows, crawled, crawl_done = [], 0, False
    cpu_before, wrk_before = cpu_busy(), wrk_cpu[0]
    try:
        for w in range(math.ceil(args.duration / args.window)):
            seconds = min(args.window, args.duration - w * args.window)
            begin = time.monotonic() - started
            processes = {}
            if not crawl_done:
                processes["crawler"] = wrk(
                    args, crawl, args.crawler_connections, seconds, "once", crawled,
                    out / f"crawler-{w:02}.json",
                )  # fmt: skip
            processes["readers"] = wrk(
                args, read, args.reader_connections, seconds, "cycle", rng.randrange(100_000),
                out / f"readers-{w:02}.json",
            )  # fmt: skip
            for process in processes.values():
                finish(process)
            window = {"window": w, "from": begin, "to": time.monotonic() - started}
            for name in processes:
                data = json.loads((out / f"{name}-{w:02}.json").read_text())
                window[name] = data
                if name == "crawler":
                    crawled, crawl_done = data["walked_to"], bool(data["finished"])
            windows.append(window)
    finally:
        stop.set()
        thread.join()
    cpu_after, wall = cpu_busy(), time.monotonic() - started
    busy = (cpu_after[0] - cpu_before[0]) / max(1, cpu_after[1] - cpu_before[1])
    return windows, saves, {"wall": wall, "machine_busy": busy, "wrk_cpu": wrk_cpu[0] - wrk_before,
                            "crawled": crawled, "crawl_done": crawl_done}  # fmt: skip


# --- Report ---


def merge(parts):
    """Requests, errors, hits and percentiles of several wrk runs taken together."""
    total = {"requests": 0, "errors": 0, "hits": 0, "misses": 0, "seconds": 0.0}
    samples = []  # (latency, weight): each quantile step stands for its share of requests
    for part in parts:
        total["requests"] += part["requests"]
        total["errors"] += sum(part["errors"].values())
        total["hits"] += part["hits"]
        total["misses"] += part["misses"]
        total["seconds"] += part["duration_us"] / 1e6
        previous = 0
        for q, us in part["quantiles"]:
            samples.append((us, (q - previous) / 100 * part["requests"]))
            previous = q
    samples.sort()
    cumulative = list(_accumulate(weight for _, weight in samples))
    for p in (50, 99):
        if cumulative:
            index = bisect.bisect_left(cumulative, cumulative[-1] * p / 100)
            total[f"p{p}"] = samples[min(index, len(samples) - 1)][0] / 1000
        else:
            total[f"p{p}"] = None
    return total


def _accumulate(values):
    running_total = 0
    for value in values:
        running_total += value
        yield running_total


def cells(stats, site, errors=True, seconds=None):
    """req/s (over wrk's own run times, unless told), p50, p99, (errors,) cache hits."""
    seconds = seconds or stats["seconds"]
    looked = stats["hits"] + stats["misses"]
    hits = f"{100 * stats['hits'] / looked:.1f}%" if looked and site == "columnist" else "n/a"
    milliseconds = [f"{stats[p]:.1f}" if stats[p] is not None else "-" for p in ("p50", "p99")]
    rate = f"{stats['requests'] / seconds:,.1f}" if seconds else "-"
    return [rate, *milliseconds] + ([str(stats["errors"])] if errors else []) + [hits]


def table_row(values):
    return "| " + " | ".join(values) + " |"


def report(args, windows, saves, run_info):
    lines = [
        f"## Mixed workload: {args.site} at {args.base}, {args.duration} s",
        "",
        "| class | requests | req/s | p50 ms | p99 ms | errors | cache hits |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    everything = []
    for name in CLASSES:
        parts = [w[name] for w in windows if name in w]
        everything += parts
        # The crawler's rate is over the windows it ran in: it stops once it has walked all.
        stats = merge(parts)
        lines.append(table_row([name, f"{stats['requests']:,}", *cells(stats, args.site)]))
    whole_run = merge([w["readers"] for w in windows])["seconds"]  # readers run throughout
    stats = merge(everything)
    lines.append(
        table_row(["all", f"{stats['requests']:,}", *cells(stats, args.site, seconds=whole_run)])
    )
    ok = [s for s in saves if s["ok"]]
    save_ms = sorted(s["seconds"] * 1000 for s in saves)
    walked = "all" if run_info["crawl_done"] else f"{run_info['crawled']:,}"
    lines += [
        "",
        f"Crawler: {walked} of {args.crawl_total:,} column pages walked. Editor: {len(ok)} of "
        f"{len(saves)} saves succeeded"
        + (f", median {save_ms[len(save_ms) // 2]:.0f} ms per POST." if saves else "."),
        f"Generator (wrk) CPU: {run_info['wrk_cpu']:.1f} s over {run_info['wall']:.0f} s "
        f"({100 * run_info['wrk_cpu'] / run_info['wall']:.0f}% of one core); machine busy "
        f"{100 * run_info['machine_busy']:.0f}% of its {os.cpu_count()} cores.",
        "",
        "| window | saves | readers req/s | p50 ms | p99 ms | errors | hits "
        "| crawler req/s | p50 ms | p99 ms | hits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for w in windows:
        row = [f"{w['from']:.0f}-{w['to']:.0f} s"]
        row.append(str(sum(w["from"] <= s["at"] < w["to"] for s in saves)))
        row += cells(merge([w["readers"]]), args.site)
        if "crawler" in w:
            row += cells(merge([w["crawler"]]), args.site, errors=False)
        else:
            row += ["-"] * 4
        lines.append(table_row(row))
    for s in saves:
        if not s["ok"]:
            lines.append(f"\nA save failed at {s['at']} s (column {s['column']}): {s['error']}")
    return "\n".join(lines)


def conditions(args):
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
    wrk_version = " ".join(wrk_version.split()[:2])
    # GET: the page cache says hit or miss only on GETs (a HEAD is answered, never stored).
    request = urllib.request.Request(args.base + "/")
    with urllib.request.urlopen(request, timeout=60) as response:
        server = response.headers.get("Server", "?")
        cache = response.headers.get("X-Page-Cache") or response.headers.get("X-Varnish-Cache")
    if args.site == "columnist":
        server += f", page cache {'on' if cache else 'OFF (no X-Page-Cache header)'}"
        server += ", Django " + importlib.metadata.version("django")
        server += ", granian " + importlib.metadata.version("granian")
    else:
        _, _, home = get(args.base + "/")
        server += ", " + " ".join(re.findall(r'name="generator" content="([^"]*)"', home)[:1])
    return "\n".join([
        f"Date: {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; load average {load}; "
        f"{os.cpu_count()} cores; {platform.platform()}",
        f"Server: {server}; Python {platform.python_version()}; {wrk_version.strip()}",
        f"Site: {args.site} at {args.base}; crawler {args.crawler_connections} connections"
        f"{f' pausing {args.crawler_pause} ms before each page' if args.crawler_pause else ''}, "
        f"readers {args.reader_connections}; windows of {args.window} s; a save every "
        f"{args.save_every} s; warm-up {args.warmup} s; seed {args.seed}",
    ])  # fmt: skip


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed")
    args.out.mkdir(parents=True, exist_ok=True)

    def stop_all(*_):
        for process in list(running):
            process.terminate()
        sys.exit(1)

    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGINT, stop_all)
    wxr_links, tags = wxr_corpus(args.wxr)
    if args.urls:
        columns = Path(args.urls).read_text().split()
    elif args.site == "columnist":
        columns = sitemap_paths(args.base)
    else:
        columns = wxr_links
    columns.sort(reverse=True)  # /yyyy/mm/...: newest first
    args.crawl_total = len(columns)
    (args.out / "crawl.txt").write_text("\n".join(columns) + "\n")
    read = reader_paths(columns, tags, random.Random(args.seed))
    (args.out / "readers.txt").write_text("\n".join(read) + "\n")
    editor = ColumnistEditor(args) if args.site == "columnist" else WordPressEditor(args)
    head = conditions(args)
    print(head, flush=True)
    try:
        windows, saves, run_info = run(
            args, args.out / "crawl.txt", args.out / "readers.txt", editor
        )
    finally:
        for process in list(running):
            process.terminate()
    (args.out / "saves.json").write_text(json.dumps(saves, indent=1))
    text = report(args, windows, saves, run_info)
    (args.out / "report.md").write_text(head + "\n\n" + text + "\n")
    print()
    print(text)
    print(f"\nRaw data: {args.out}")


if __name__ == "__main__":
    main()
