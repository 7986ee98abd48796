"""
The editor's side of columns: the column form with its publishing buttons, revisions
(django-reversion's VersionAdmin, with compare and restore), add-from-URL with its fetcher and
page reader, and the authors' admin. Every ModelAdmin here is a core.admin.ModelAdmin.
"""

from .authors import AuthorAdmin
from .columns import ColumnAdmin

__all__ = ["AuthorAdmin", "ColumnAdmin"]
