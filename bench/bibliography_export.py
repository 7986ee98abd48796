"""
Memory and time of the streamed bibliography exports over a whole corpus.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_bench_50k \\
        .venv/bin/python bench/bibliography_export.py

For each format (BibTeX, RIS, CSL-JSON) it requests /publications.<format> through Django's
test client, reads the streamed body chunk by chunk without keeping it, and reports the
records written, the bytes, the seconds and the peak of Python's allocations (tracemalloc)
while streaming. Bounded memory means the peak stays flat whatever the corpus size.
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.test import Client  # noqa: E402

from columns.models import Column  # noqa: E402

MARKERS = {"bib": b"@article{", "ris": b"\nER  -", "json": b'\n{"id":'}


def measure(fmt):
    client = Client()
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/publications.{fmt}", secure=True)  # DEBUG off redirects to https
    records = size = 0
    tail = b""
    for chunk in response.streaming_content:
        data = tail + chunk  # a marker may straddle two chunks
        records += data.count(MARKERS[fmt]) - tail.count(MARKERS[fmt])
        tail = data[-16:]
        size += len(chunk)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return records, size, seconds, peak


def main():
    public = Column.objects.published().count()
    print(f"public columns: {public}")
    print("| format | records | MB | seconds | peak MB (tracemalloc) |")
    print("|---|---:|---:|---:|---:|")
    for fmt in ["bib", "ris", "json"]:
        records, size, seconds, peak = measure(fmt)
        print(f"| {fmt} | {records} | {size / 1e6:.1f} | {seconds:.1f} | {peak / 1e6:.1f} |")


if __name__ == "__main__":
    main()
