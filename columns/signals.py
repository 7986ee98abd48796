"""
Signals of our own. Bulk writes (the WordPress importer's bulk_create) send no post_save, so
the importer announces what it wrote once, and whatever derives data from content (the
search documents, the page cache) listens here as well as to the model signals.
"""

from django.dispatch import Signal

# Sent with sender=<model class> and pks=<list of primary keys> after rows were bulk-written.
bulk_saved = Signal()
