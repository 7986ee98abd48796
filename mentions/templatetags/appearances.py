"""`{% load appearances %}`: `{% for mention in mentions|appearances %}` reads mentions logged
together for several outlets as one line (mentions/appearances.py)."""

from django import template

from mentions.appearances import appearances as group

register = template.Library()


@register.filter
def appearances(mentions):
    return group(mentions)
