"""`{% load cards %}`: what a column's card shows besides its title (templates/includes)."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

register = template.Library()

# A card's summary when the column has no standfirst: this many words of its excerpt.
EXCERPT_WORDS = 30


@register.filter
def card_summary(column):
    """The standfirst, else the start of the excerpt as plain text (no markup, no intro)."""
    if column.dek:
        return column.dek
    text = " ".join(html.unescape(strip_tags(column.excerpt_html)).split())
    return Truncator(text).words(EXCERPT_WORDS)


@register.simple_tag
def other_authors(column, owner, page_author=None):
    """The byline's authors that the page does not already imply (the owner; the author whose
    page it is), and whether it named any of those: a card reads "with Li Wei" for a co-author
    of the owner, "by Li Wei" for a column the owner did not write, nothing for theirs alone."""
    implied = {getattr(person, "pk", None) for person in (owner, page_author)} - {None}
    authors = [byline.author for byline in column.ordered_bylines]
    others = [author for author in authors if author.pk not in implied]
    return {"authors": others, "with": len(others) < len(authors)}
