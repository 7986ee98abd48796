"""How fast `import_wxr` imports a generated 5,000-post WordPress export, on PostgreSQL.

    .venv/bin/python bench/import_speed.py [--posts 5000] [--keep FILE]
    .venv/bin/python bench/import_speed.py --wxr /tmp/wpbench/corpus-5000.wxr [--runs 3] \
        [--checkout DIR ...]

With --wxr, an existing export (the one WordPress was loaded with) is imported by the whole
command, `manage.py import_wxr FILE` in a process of its own (Django's start-up and the ANALYZE
included), into a fresh database, then again ("Nothing changed"); with several --checkout
folders (each with its .venv), they take turns, round after round, so that a busy machine
weighs on each alike. Medians and minimums are printed with the load average.

The database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/columnist_bench_import) is dropped and created afresh.
The export is written to a temporary file: posts of realistic size (an intro note with press
mentions, the title again, a standfirst, stamps, a byline, eight body paragraphs, bio lines),
tags and outlet categories, so every extraction rule has work to do. Timed, in-process:
the first import, the same file again (nothing changes), and a first import with --no-extract.
Results go to BENCHMARKS.md by hand.
"""

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from io import StringIO
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/columnist_bench_import"
)

WORDS = [
    "the", "government", "policy", "region", "security", "trade", "energy", "agreement",
    "border", "minister", "investment", "loans", "strategy", "alliance", "summit", "election",
    "economy", "pressure", "influence", "diplomats", "analysts", "markets", "pipeline", "reform",
    "sanctions", "neighbours", "capital", "decade", "partners", "railway", "debt", "currency",
    "military", "talks", "leaders", "promise", "risk", "growth",
]  # fmt: skip
OUTLETS = [
    "The Daily Example", "Foreign Policy", "The Diplomat", "South China Morning Post",
    "Nikkei Asia", "The Example Review", "Le Monde", "Der Spiegel",
]  # fmt: skip
MEDIA = ["the BBC", "Sky News", "Reuters", "Al Jazeera", "France 24", "CNN", "Bloomberg"]
PEOPLE = ["Jane Roe", "John Doe", "Maria Garcia Lopez", "Wei Zhang", "Anna van der Berg"]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def post(rng, number):
    title = f"{sentence(rng, 6)[:-1]} {number}"
    outlet = rng.choice(OUTLETS)
    authors = rng.sample(PEOPLE, rng.choice([1, 1, 2]))
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    year = rng.randint(2012, 2024)
    paragraphs = [
        f"My latest column in {outlet}, on {rng.choice(WORDS)} and {rng.choice(WORDS)}. "
        f"Also spoke to {rng.choice(MEDIA)} and {rng.choice(MEDIA)} about the "
        f"{rng.choice(WORDS)}, and separately to Le Monde about {rng.choice(WORDS)} prices.",
        title,
        sentence(rng, 18),
        f"PUBLISHED : {day} March {year}, 7:{rng.randint(10, 59)}pm | "
        f"UPDATED : {day} March {year}, 9:05pm",
        f"By {' and '.join(authors)}",
        *(" ".join(sentence(rng) for _ in range(5)) for _ in range(8)),
        f"This article appeared in the {outlet} print edition as: {sentence(rng, 5)[:-1]}",
        " ".join(f"{name} is a senior fellow at the Example Institute." for name in authors),
    ]
    content = "\n\n".join(paragraphs)
    date = f"{year}-{month:02d}-{day:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    tags = rng.sample(range(200), 3)
    category = f"c{OUTLETS.index(outlet)}"
    terms = f'<category domain="category" nicename="{category}"><![CDATA[{outlet}]]></category>'
    terms += "".join(
        f'<category domain="post_tag" nicename="tag-{t}"><![CDATA[Tag {t}]]></category>'
        for t in tags
    )
    return f"""<item><title>{title}</title><link>https://old.example.org/?p={number}</link>
<dc:creator><![CDATA[jroe]]></dc:creator><guid isPermaLink="false">https://old.example.org/?p={number}</guid>
<description></description><content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{number}</wp:post_id>
<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>post-{number}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>{terms}</item>
"""


def write_export(path, posts):
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title>'
            "<link>https://old.example.org</link><wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_blog_url>https://old.example.org</wp:base_blog_url>"
            "<wp:author><wp:author_login>jroe</wp:author_login>"
            "<wp:author_display_name>Jane Roe</wp:author_display_name></wp:author>\n"
        )
        for number in range(1, posts + 1):
            out.write(post(rng, number))
        out.write("</channel></rss>\n")


def recreate_database():
    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(call_command, *args):
    """Wall-clock seconds, CPU seconds of this process and of its workers, what was printed.

    On a shared machine the wall clock depends on the neighbours; the CPU time of the
    importer (PostgreSQL's own work excluded) much less. The workers (prefetch.py) are
    counted once they have exited, which they have when the command returns.
    """
    out = StringIO()
    started, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
    call_command("import_wxr", *args, stdout=out)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall, cpu, children_cpu() - workers, out.getvalue().strip().splitlines()


def report(label, posts, wall, cpu, workers):
    load = os.getloadavg()[0]
    print(
        f"{label}: {wall:.2f} s wall ({posts / wall:.0f} posts/s), {cpu:.2f} s CPU in the main "
        f"process ({posts / cpu:.0f} posts/s) and {workers:.2f} s in the workers; "
        f"load average {load:.1f}"
    )


class BackendCpu(threading.Thread):
    """CPU seconds of the PostgreSQL backends serving the benchmark's database (the server
    is on this machine): their /proc entries are read four times a second while it runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.seen, self.stopping = {}, threading.Event()

    def run(self):
        name = DATABASE_URL.rsplit("/", 1)[1]
        with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            while not self.stopping.wait(0.25):
                for (pid,) in db.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s",
                                         [name]).fetchall():  # fmt: skip
                    try:
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    self.seen[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.stopping.set()
        self.join()
        return sum(self.seen.values())


def whole_command(checkout, path):
    """Wall-clock seconds, CPU seconds of the command and its workers and of PostgreSQL's
    backends, and what `manage.py import_wxr` printed."""
    env = dict(os.environ, DATABASE_URL=DATABASE_URL)
    command = [str(Path(checkout) / ".venv/bin/python"), "manage.py", "import_wxr", path]
    backends = BackendCpu()
    backends.start()
    before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"{checkout}: {done.stderr[-2000:]}")
    return wall, children_cpu() - before, backends.stop(), done.stdout.strip().splitlines()


def compare(path, checkouts, runs):
    results = {(checkout, run): [] for checkout in checkouts for run in ("first", "again")}
    for round_number in range(1, runs + 1):
        for checkout in checkouts:
            recreate_database()
            env = dict(os.environ, DATABASE_URL=DATABASE_URL)
            migrate = [str(Path(checkout) / ".venv/bin/python"), "manage.py", "migrate", "-v0"]
            subprocess.run(migrate, cwd=checkout, env=env, check=True)
            for run in ("first", "again"):
                wall, cpu, database, lines = whole_command(checkout, path)
                load = os.getloadavg()[0]
                results[(checkout, run)].append((wall, cpu, database, load))
                said = next((line for line in lines if line.startswith("Imported")), "")
                print(f"round {round_number} {checkout} {run}: {wall:.2f} s wall, CPU {cpu:.2f} s "
                      f"(command and workers) + {database:.2f} s (PostgreSQL), load {load:.1f}; "
                      f"{said}")  # fmt: skip
    print()
    for (checkout, run), values in results.items():
        walls, cpus, databases, loads = zip(*values, strict=True)
        print(f"{checkout} {run}: wall median {statistics.median(walls):.2f} s, min "
              f"{min(walls):.2f} s; CPU median {statistics.median(cpus):.2f} + "
              f"{statistics.median(databases):.2f} s; load average "
              f"{min(loads):.1f}-{max(loads):.1f} ({len(values)} runs)")  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--keep", help="also keep the generated export at this path")
    parser.add_argument("--wxr", help="time the whole command on this export instead")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--checkout", action="append", help="a checkout to time (default: this)")
    options = parser.parse_args()
    if options.wxr:
        compare(os.path.abspath(options.wxr), options.checkout or [str(ROOT)], options.runs)
        return
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    with tempfile.TemporaryDirectory() as folder:
        path = options.keep or os.path.join(folder, "bench.xml")
        write_export(path, options.posts)
        size = os.path.getsize(path) / 1e6
        print(f"{options.posts} posts, {size:.1f} MB; {platform.processor() or platform.machine()},"
              f" {os.cpu_count()} cores, Python {platform.python_version()}")  # fmt: skip

        import django

        recreate_database()
        django.setup()
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", verbosity=0)
        for label, args in [
            ("first import", [path]),
            ("same file again", [path]),
        ]:
            wall, cpu, workers, lines = timed(call_command, *args)
            report(label, options.posts, wall, cpu, workers)
            print("   " + "\n   ".join(line for line in lines if "%" not in line))
        connections.close_all()
        recreate_database()
        call_command("migrate", verbosity=0)
        wall, cpu, workers, lines = timed(call_command, path, "--no-extract")
        report("first import, --no-extract", options.posts, wall, cpu, workers)


if __name__ == "__main__":
    main()
