from django.core.management.base import BaseCommand

from columns.models import Column
from discovery.search import search_backend
from mentions.models import Mention


class Command(BaseCommand):
    help = (
        "Recompute the stored search documents of every column and mention. Saves keep them "
        "current; run this after loading data that bypasses saves (loaddata, bulk_create)."
    )

    def handle(self, *args, **options):
        search = search_backend()
        if not search.full_text:
            self.stdout.write("This database has no full-text search; nothing to do.")
            return
        for model in (Column, Mention):
            search.update_documents(model.objects.all())
        self.stdout.write(
            f"Updated {Column.objects.count()} columns and {Mention.objects.count()} mentions."
        )
