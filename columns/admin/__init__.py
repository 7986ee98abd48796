"""
The editor's side of columns: the column form with its publishing buttons, revisions (compare
and restore), add-from-URL with its fetcher and page reader, and the authors' admin.
"""

from .authors import AuthorAdmin
from .columns import ColumnAdmin

__all__ = ["AuthorAdmin", "ColumnAdmin"]
