"""EXPLAIN ANALYZE the home page, a tag page and a month archive with 50,000 columns.

Run against a PostgreSQL database of your own (it is migrated and filled; existing columns stay):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_bench \\
        .venv/bin/python bench/explain_listings.py

It prints each page's main queries with their plans and timings, so a missing index shows up as
a "Seq Scan" on columns_column. Results from a run are in bench/README.md.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from taggit.models import Tag  # noqa: E402

from columns.models import Column, TaggedColumn  # noqa: E402
from outlets.models import Outlet  # noqa: E402

TOTAL = 50_000


def fill():
    call_command("migrate", verbosity=0)
    have = Column.objects.count()
    if have >= TOTAL:
        return
    rng = random.Random(1)
    outlets = [
        Outlet.objects.get_or_create(slug=f"bench-{n}", name=f"Bench {n}")[0] for n in range(20)
    ]
    tags = [
        Tag.objects.get_or_create(slug=f"bench-tag-{n}", name=f"Bench tag {n}")[0]
        for n in range(200)
    ]
    start = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    columns = []
    for n in range(have, TOTAL):
        when = start + datetime.timedelta(hours=5 * n)
        columns.append(
            Column(
                title=f"Bench column {n}",
                slug=f"bench-{n}",
                body="<p>Body.</p>",
                excerpt_html="<p>Body.</p>",
                outlet=rng.choice(outlets),
                status=Column.Status.PUBLISHED if n % 10 else Column.Status.DRAFT,
                posted_at=when,
                date=when,
                day=when.date(),
            )
        )
    made = Column.objects.bulk_create(columns, batch_size=2000)
    TaggedColumn.objects.bulk_create(
        [
            TaggedColumn(content_object=column, tag=tag)
            for column in made
            for tag in rng.sample(tags, 3)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def explain(label, queryset):
    started = time.perf_counter()
    plan = queryset.explain(analyze=True)
    print(f"== {label} ({(time.perf_counter() - started) * 1000:.1f} ms incl. planning)")
    print(plan, "\n")


def main():
    fill()
    public = Column.objects.published()
    tag = Tag.objects.get(slug="bench-tag-7")
    explain("home: page 1", public.order_by("-date", "-pk")[:10])
    explain("tag page: page 1", public.filter(tags=tag).order_by("-date", "-pk")[:10])
    explain(
        "month archive: page 1",
        public.filter(
            day__gte=datetime.date(2010, 6, 1), day__lt=datetime.date(2010, 7, 1)
        ).order_by("-date", "-pk")[:10],
    )
    # Whole pages, as a reader gets them (best of five, after one warm-up).
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for url in ["/", "/?page=4000", "/tag/bench-tag-7/", "/2010/06/", "/2010/", "/tags/",
                "/outlets/", "/archive/", "/outlet/bench-3/"]:  # fmt: skip
        client.get(url)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            status = client.get(url).status_code
            times.append((time.perf_counter() - started) * 1000)
        print(f"{url:22} {status}  {min(times):7.1f} ms")


if __name__ == "__main__":
    main()
