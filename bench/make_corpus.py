"""
A benchmark corpus: N columns with realistic distributions, written fast with bulk_create.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_bench_50k \\
        .venv/bin/python bench/make_corpus.py --columns 50000

It first empties every content table of that database (so it refuses a database whose name
does not contain "bench", unless --force). Shape: 15 outlets with aliases, the owner plus
300 co-authors (0-2 per column), 200 tags in a Zipf-like distribution (0-5 per column),
20 years of dates, 3% drafts, 1% scheduled, ~600-word bodies, 5,000 mentions.
"""

import argparse
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

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from taggit.models import Tag  # noqa: E402

from columns.models import Author, Byline, Column, TaggedColumn  # noqa: E402
from discovery.search import update_search_vector  # noqa: E402
from mentions.models import Mention, TaggedMention  # noqa: E402
from outlets.models import Outlet, OutletAlias  # noqa: E402
from pagecache.versions import bump_content_version  # noqa: E402


def words(text):
    return text.split()


OUTLETS = [
    ("South China Morning Post", "SCMP", "Asia/Hong_Kong"),
    ("The Guardian", "", "Europe/London"),
    ("Le Monde", "", "Europe/Paris"),
    ("The Diplomat", "", "America/New_York"),
    ("Foreign Policy", "FP", "America/New_York"),
    ("Nikkei Asia", "", "Asia/Tokyo"),
    ("Reuters", "", ""),
    ("BBC World Service", "BBC", "Europe/London"),
    ("The Straits Times", "", "Asia/Singapore"),
    ("Lowy Interpreter", "", "Australia/Sydney"),
    ("War on the Rocks", "", "America/New_York"),
    ("Asia Times", "", "Asia/Hong_Kong"),
    ("Deutsche Welle", "DW", "Europe/Berlin"),
    ("The Conversation", "", ""),
    ("Agence France-Presse", "AFP", "Europe/Paris"),
]
PLACES = words(
    "China Taiwan Japan Korea India Pakistan Russia Ukraine France Germany Britain Iran "
    "Israel Turkey Egypt Brazil Mexico Canada Australia Indonesia Vietnam Philippines "
    "Singapore Malaysia Thailand Myanmar Afghanistan Syria Iraq Saudi-Arabia Nigeria Kenya "
    "Ethiopia Sudan Poland Hungary Serbia Georgia Armenia Kazakhstan"
)
THEMES = words(
    "security intelligence terrorism elections trade energy climate migration diplomacy "
    "defence cyber espionage sanctions nuclear maritime media technology"
)
WORDS = words(
    "the of and to in a is that for on with as by at from this policy government state "
    "security power region analysts officials strategy military economic political public "
    "influence pressure alliance border talks leaders minister agency report crisis risk "
    "network operations threat response reform debate rights law court vote party future "
    "history question signal interests balance tension rivalry cooperation summit deal"
)


def tag_names():
    names = PLACES + THEMES
    names += [f"{p} {t}" for p in PLACES[:20] for t in THEMES[:8]]
    return names[:200]


def sentence(rng, words):
    text = " ".join(rng.choices(WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def body(rng):
    paragraphs = []
    for _ in range(rng.randint(4, 12)):
        paragraphs.append(" ".join(sentence(rng, rng.randint(8, 22)) for _ in range(4)))
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def empty_content_tables():
    models = [TaggedMention, Mention, TaggedColumn, Byline, Column, Author, Tag]
    models += [OutletAlias, Outlet]
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        else:
            for model in models:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def make_corpus(n_columns, n_mentions, seed):
    rng = random.Random(seed)
    now = timezone.now()
    started = time.monotonic()

    def stage(name):
        print(f"  {time.monotonic() - started:6.1f} s  {name}", flush=True)

    empty_content_tables()
    outlets = Outlet.objects.bulk_create(
        Outlet(name=name, short_name=short, slug=slugify(name), timezone=zone)
        for name, short, zone in OUTLETS
    )
    OutletAlias.objects.bulk_create(
        OutletAlias(outlet=o, name=f"{o.name} online") for o in outlets if o.name != "Reuters"
    )
    owner = Author.objects.create(name="Jane Roe", slug="jane-roe", is_owner=True, bio="Analyst.")
    coauthors = Author.objects.bulk_create(
        Author(name=f"Co Author {i}", slug=f"co-author-{i}", bio=f"Co Author {i} is a fellow.")
        for i in range(300)
    )
    tags = Tag.objects.bulk_create(Tag(name=n, slug=slugify(n)) for n in tag_names())
    tag_weights = [1 / (rank + 1) for rank in range(len(tags))]  # Zipf, s = 1
    stage("outlets, authors, tags")

    span = datetime.timedelta(days=20 * 365).total_seconds()
    columns = []
    for i in range(n_columns):
        roll = rng.random()
        status = Column.Status.DRAFT if roll < 0.03 else Column.Status.PUBLISHED
        if roll > 0.99:  # scheduled
            posted_at = now + datetime.timedelta(hours=rng.randint(1, 24 * 30))
        else:
            posted_at = now - datetime.timedelta(seconds=rng.random() * span)
        outlet = rng.choice(outlets) if rng.random() < 0.9 else None
        stamp = posted_at - datetime.timedelta(hours=rng.randint(0, 48)) if outlet else None
        title = sentence(rng, rng.randint(4, 10))[:-1]
        column = Column(
            title=title,
            slug=f"{slugify(title)[:180]}-{i}",
            dek=sentence(rng, 18),
            body=body(rng),
            outlet=outlet,
            outlet_published_at=stamp,
            status=status,
            posted_at=posted_at,
        )
        # What save() would derive (date, day in the outlet's zone, cleaned body, excerpt):
        # bulk_create skips save(), so the corpus calls the same method the importer does.
        column.derive_fields()
        columns.append(column)
    stage(f"{n_columns} columns built")
    with transaction.atomic():
        Column.objects.bulk_create(columns, batch_size=2000)
        stage("columns written")
        bylines, tagged = [], []
        for column in columns:
            bylines.append(Byline(column=column, author=owner, position=0))
            extra = rng.choices([0, 1, 2], weights=[60, 30, 10])[0]
            for position, author in enumerate(rng.sample(coauthors, extra), start=1):
                bylines.append(Byline(column=column, author=author, position=position))
            count = rng.choices(range(6), weights=[5, 20, 30, 25, 15, 5])[0]
            for tag in set(rng.choices(tags, weights=tag_weights, k=count)):
                tagged.append(TaggedColumn(content_object=column, tag=tag))
        Byline.objects.bulk_create(bylines, batch_size=5000)
        TaggedColumn.objects.bulk_create(tagged, batch_size=5000)
        stage(f"{len(bylines)} bylines, {len(tagged)} column tags written")

        mentions = [
            Mention(
                outlet=rng.choice(outlets),
                topic=sentence(rng, rng.randint(3, 8))[:-1].lower(),
                date=(now - datetime.timedelta(seconds=rng.random() * span)).date(),
                kind=rng.choice(Mention.Kind.values),
                column=rng.choice(columns) if rng.random() < 0.2 else None,
                status=Mention.Status.PUBLISHED if rng.random() > 0.03 else Mention.Status.DRAFT,
            )
            for _ in range(n_mentions)
        ]
        Mention.objects.bulk_create(mentions, batch_size=5000)
        TaggedMention.objects.bulk_create(
            (
                TaggedMention(content_object=m, tag=tag)
                for m in mentions
                for tag in set(rng.choices(tags, weights=tag_weights, k=rng.randint(0, 2)))
            ),
            batch_size=5000,
        )
        stage(f"{n_mentions} mentions written")
        # The stored search documents, which save() signals keep current: one UPDATE each.
        update_search_vector(Column.objects.all())
        update_search_vector(Mention.objects.all())
        stage("search documents written")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    bump_content_version()  # bulk_create sends no signals
    stage("analyzed; done")
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--columns", type=int, default=50_000)
    parser.add_argument("--mentions", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--force", action="store_true", help="allow a non-bench database")
    args = parser.parse_args()
    name = str(connection.settings_dict["NAME"])
    if "bench" not in name and not args.force:
        sys.exit(f"Refusing to empty {name!r}: its name has no 'bench' (use --force).")
    print(f"Making {args.columns} columns and {args.mentions} mentions in {name}")
    elapsed = make_corpus(args.columns, args.mentions, args.seed)
    print(f"Corpus ready in {elapsed:.1f} s ({args.columns / elapsed:.0f} columns/s)")


if __name__ == "__main__":
    main()
