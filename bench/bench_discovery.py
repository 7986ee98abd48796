"""
Benchmark search, the API, feeds and the sitemap on a throwaway database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist \
        .venv/bin/python bench/bench_discovery.py [N]

Creates the test database `test_<name>` (never touches the real one), fills it with N columns
(default 5000) and N/2 mentions, builds their search documents, then times each page with
Django's test client (median of 15 requests, after 2 warm-ups) and prints how PostgreSQL plans
the search query. Rerun it after changing any of these pages and write the numbers in the README.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

# Topic words, each in a few percent of the columns, among filler words like real prose.
WORDS = ["china", "sea", "trade", "sanctions", "ports", "security", "alliance", "mekong", "dams",
         "fishing", "summit", "election", "intelligence", "russia", "india", "japan", "taiwan",
         "strait", "navy", "economy", "energy", "water", "climate", "border"]  # fmt: skip
FILLER = [f"{a}{b}{c}" for a in "bcdfgklmnprst" for b in "aeiou" for c in ["n", "r", "st", "l"]]


def fill(n):
    from taggit.models import Tag

    from columns.models import Author, Byline, Column, TaggedColumn
    from discovery.search import update_search_vector
    from mentions.models import Mention
    from outlets.models import Outlet

    rng = random.Random(4)
    outlets = [Outlet.objects.create(name=f"Outlet {i}", slug=f"outlet-{i}") for i in range(20)]
    authors = [Author.objects.create(name=f"Author {i}", slug=f"author-{i}") for i in range(10)]
    tags = [Tag.objects.create(name=w.title(), slug=w) for w in WORDS]
    now = timezone.now()

    def text(k):
        return " ".join(rng.choice(WORDS if rng.random() < 0.01 else FILLER) for _ in range(k))

    columns = []
    for i in range(n):
        column = Column(
            title=f"{text(5)} {rng.choice(WORDS)}",
            slug=f"c-{i}",
            dek=text(15),
            body=f"<p>{text(600)}</p>",
            status="published",
            posted_at=now - timezone.timedelta(hours=7 * i),
            outlet=rng.choice(outlets),
        )
        column.date = column.posted_at
        column.day = column.date.date()
        column.excerpt_html = f"<p>{text(40)}</p>"
        columns.append(column)
    Column.objects.bulk_create(columns, batch_size=500)
    columns = list(Column.objects.all())
    Byline.objects.bulk_create(
        Byline(column=c, author=rng.choice(authors), position=0) for c in columns
    )
    TaggedColumn.objects.bulk_create(
        TaggedColumn(content_object=c, tag=t) for c in columns for t in rng.sample(tags, 3)
    )
    Mention.objects.bulk_create(
        Mention(outlet=rng.choice(outlets), topic=text(6), public_note=text(20),
                date=(now - timezone.timedelta(days=i)).date())
        for i in range(n // 2)
    )  # fmt: skip
    update_search_vector(Column.objects.all())
    update_search_vector(Mention.objects.all())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(client, url, runs=15):
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL (set DATABASE_URL): SQLite has no full-text search.")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        fill(n)
        print(f"{n} columns, {n // 2} mentions, filled in {time.perf_counter() - start:.1f} s")
        client = Client()
        for url in ["/search/?q=sanctions", '/search/?q="china sea"', "/search/?q=mekong+dams",
                    "/search/?q=sanctions&outlet=outlet-3", "/search/?q=sanctions&page=3",
                    "/search/?q=sanctions+or+china", "/api/columns/?q=sanctions",
                    "/api/columns/?tag=china", "/api/tags/", "/feed/",
                    "/sitemap-columns.xml"]:  # fmt: skip
            print(f"{timed(client, url):8.1f} ms  {url}")
        from django.conf import settings

        from columns.models import Column
        from discovery.search import most_recent, search_backend

        # The search page's query: a word in a third of the columns is read along the date
        # index until the limit; a rare one through the GIN index.
        for word in ("sanctions", "zanzibar"):
            matches = search_backend().matching(Column, word)
            query = most_recent(matches, settings.SEARCH_MATCH_LIMIT + 1)
            plan = query.explain()
            print(
                f"plan for {word!r} uses the GIN index: {'column_search_vector' in plan}, "
                f"the date index: {'column_status_date' in plan}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
