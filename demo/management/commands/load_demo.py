import datetime
import zoneinfo

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from columns.models import Author, Byline, Column
from demo import data as demo_data
from mentions.models import Mention
from outlets.models import Outlet, OutletAlias


def aware(value, zone):
    if value is None:
        return None
    return datetime.datetime.fromisoformat(value).replace(tzinfo=zone)


class Command(BaseCommand):
    help = "Load the demo site (outlets, authors, columns, mentions). Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        outlets = {}
        for data in demo_data.OUTLETS:
            fields = {k: v for k, v in data.items() if k not in {"slug", "aliases"}}
            outlet, _ = Outlet.objects.update_or_create(slug=data["slug"], defaults=fields)
            for alias in data.get("aliases", []):
                OutletAlias.objects.get_or_create(outlet=outlet, name=alias)
            outlets[outlet.name] = outlet

        authors = {}
        for data in demo_data.AUTHORS:
            fields = {k: v for k, v in data.items() if k != "slug"}
            author, _ = Author.objects.update_or_create(slug=data["slug"], defaults=fields)
            authors[author.name] = author

        columns = {}
        for data in demo_data.COLUMNS:
            outlet = outlets.get(data["outlet"]) if data["outlet"] else None
            zone = (outlet and outlet.zone) or zoneinfo.ZoneInfo("UTC")
            posted = aware(data["posted"], datetime.UTC)
            if data.get("scheduled"):
                posted = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
            column, _ = Column.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "title": data["title"],
                    "dek": data["dek"],
                    "intro": data["intro"],
                    "body": data["body"],
                    "excerpt": data.get("excerpt", ""),
                    "outlet": outlet,
                    "original_url": data.get("original_url", ""),
                    "outlet_published_at": aware(data.get("published"), zone),
                    "outlet_updated_at": aware(data.get("updated"), zone),
                    "print_headline": data.get("print_headline", ""),
                    "exclusive": data.get("exclusive", False),
                    "status": data["status"],
                    "posted_at": posted,
                },
            )
            column.bylines.all().delete()
            for position, (name, bio) in enumerate(data["authors"]):
                Byline.objects.create(
                    column=column, author=authors[name], position=position, bio=bio
                )
            column.tags.set(data["tags"])
            columns[column.title] = column

        for data in demo_data.MENTIONS:
            mention, _ = Mention.objects.update_or_create(
                outlet=outlets[data["outlet"]],
                topic=data["topic"],
                date=datetime.date.fromisoformat(data["date"]),
                defaults={
                    "kind": data["kind"],
                    "url": data.get("url", ""),
                    "note": data.get("note", ""),
                    "column": columns.get(data["column"]) if data.get("column") else None,
                },
            )
            mention.tags.set(data.get("tags", []))

        self.stdout.write(
            f"Demo site ready: {len(outlets)} outlets, {len(authors)} authors, "
            f"{len(columns)} columns, {len(demo_data.MENTIONS)} mentions."
        )
