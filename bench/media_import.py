"""Bringing media home: 5,000 posts with an image each, served by a local web server.

    .venv/bin/python bench/media_import.py [--posts 5000] [--workers 4]

The database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/columnist_bench_media) is dropped and created afresh; files
go to a temporary MEDIA_ROOT. A server in another process (so that neither its CPU nor its
memory counts here) answers each /wp-content/uploads/<n>.png with a distinct 640x360 PNG.
Timed: `import_wxr --media` of the export, then the same again, which must fetch nothing (the
server counts the requests). Peak memory is this process's maximum resident set. This bench
turns ALLOW_LOOPBACK_FETCH on for itself: the server is on 127.0.0.1. Results go to
BENCHMARKS.md by hand.
"""

import argparse
import http.server
import io
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/columnist_bench_media"
)


def serve(port, hits, ready):
    import PIL.Image

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            with hits.get_lock():
                hits.value += 1
            number = int(self.path.rsplit("/", 1)[1].split(".")[0])
            colour = (number % 256, number // 256 % 256, 128)
            buffer = io.BytesIO()
            PIL.Image.new("RGB", (640, 360), colour).save(buffer, format="PNG")
            body = buffer.getvalue()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    ready.set()
    server.serve_forever()


def write_export(path, posts, base):
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title>'
            f"<link>{base}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_blog_url>{base}</wp:base_blog_url>"
            "<wp:author><wp:author_login>jroe</wp:author_login>"
            "<wp:author_display_name>Jane Roe</wp:author_display_name></wp:author>\n"
        )
        for n in range(1, posts + 1):
            content = (
                f'<img src="{base}/wp-content/uploads/{n}.png" alt="Picture {n}">\n\n'
                f"Post number {n}, with a picture of its own."
            )
            day = f"20{10 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d} 10:00:00"
            out.write(
                f"<item><title>Post {n}</title><link>{base}/?p={n}</link>"
                f"<dc:creator>jroe</dc:creator><guid>{base}/?p={n}</guid>"
                f"<content:encoded><![CDATA[{content}]]></content:encoded>"
                f"<wp:post_id>{n}</wp:post_id><wp:post_date>{day}</wp:post_date>"
                f"<wp:post_date_gmt>{day}</wp:post_date_gmt><wp:post_name>post-{n}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
            )
        out.write("</channel></rss>\n")


def recreate_database():
    name = DATABASE_URL.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8131)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ["MEDIA_FETCH_WORKERS"] = str(options.workers)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    hits, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(options.port, hits, ready), daemon=True)
    server.start()
    ready.wait(10)
    base = f"http://127.0.0.1:{options.port}"
    try:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["MEDIA_ROOT"] = os.path.join(folder, "media")
            path = os.path.join(folder, "bench.xml")
            write_export(path, options.posts, base)
            print(
                f"{options.posts} posts with an image each; {platform.machine()}, "
                f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                f"{options.workers} download threads; load average {os.getloadavg()[0]:.1f}"
            )
            import django

            recreate_database()
            django.setup()
            from django.conf import settings
            from django.core.management import call_command

            settings.ALLOW_LOOPBACK_FETCH = True  # the bench's own server, on 127.0.0.1
            call_command("migrate", verbosity=0)
            before = peak_mb()
            for label in ("import_wxr --media", "the same again"):
                out, err = StringIO(), StringIO()
                hits.value = 0
                started, cpu = time.perf_counter(), time.process_time()
                call_command("import_wxr", path, "--media", stdout=out, stderr=err)
                wall, cpu = time.perf_counter() - started, time.process_time() - cpu
                files = sum(len(f) for _, _, f in os.walk(os.environ["MEDIA_ROOT"]))
                print(
                    f"{label}: {wall:.1f} s ({options.posts / wall:.0f} posts/s), {cpu:.1f} s CPU "
                    "in this process (the server's excluded), "
                    f"{hits.value} files fetched, {files} files in storage, peak memory "
                    f"{peak_mb():.0f} MB (before the imports: {before:.0f} MB); "
                    f"load average {os.getloadavg()[0]:.1f}"
                )
                lines = out.getvalue().strip().splitlines()
                print("   " + "\n   ".join(line for line in lines if "Media" in line))
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
