from django.core.management.base import BaseCommand

from columns.models import Column
from discovery.search import is_full_text, update_search_vector
from mentions.models import Mention


class Command(BaseCommand):
    help = (
        "Recompute the stored search documents of every column and mention. Saves keep them "
        "current; run this after loading data that bypasses saves (loaddata, bulk_create)."
    )

    def handle(self, *args, **options):
        if not is_full_text():
            self.stdout.write("This database has no full-text search; nothing to do.")
            return
        for model in (Column, Mention):
            update_search_vector(model.objects.all())
        self.stdout.write(
            f"Updated {Column.objects.count()} columns and {Mention.objects.count()} mentions."
        )
