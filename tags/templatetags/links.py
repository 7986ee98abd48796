"""`{% load links %}`: tag addresses in templates, without a URL lookup per link."""

from django import template

from tags.links import tag_url as tag_address

register = template.Library()


@register.filter
def tag_url(slug):
    """{{ tag.slug|tag_url }}: a tag's page, without a URL lookup per link (tags.links)."""
    return tag_address(slug)
