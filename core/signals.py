"""
Signals of our own, so that apps lower down need not import the ones that react.

Bulk writes (the WordPress importer's bulk_create) send no post_save, so the importer
announces what it wrote once, and whatever derives data from content (the search documents,
the page cache) listens here as well as to the model signals. A page that moves says so,
and the redirects app remembers its old address.
"""

from django.dispatch import Signal

# Sent with sender=<model class> and pks=<list of primary keys> after rows were bulk-written.
bulk_saved = Signal()

# Sent with sender=<model class>, old_path and new_path when a public page changes address
# (a column's slug or date, a renamed tag, a merged outlet); the redirects app keeps the old
# address answering with a 301.
page_moved = Signal()

# Sent by the press form with sender=Mention, column=<Column> and sentence=<str> when mentions
# were logged from one of a column's possible press mentions: the column stops listing it.
press_sentence_logged = Signal()
