"""
Django's `{% url %}` tag and `date` filter, remembered per process: a builtin of every template
(settings.TEMPLATES), so that templates keep their usual syntax.

- `{% url %}`: the same reverse() of the same names and arguments answers the same address,
  and each one walks the URL patterns (15 µs; a month's archive links its 31 days). Remembered
  for string and integer arguments, under everything else reverse() reads: the current app,
  the URL configuration (the resolver itself, so that one reloaded starts afresh), the script
  prefix and the language.
- `date`: a day (a `datetime.date`, never a time, whose zone matters) formatted the same way in
  the same language reads the same (13 µs each; two on every card). Formats named by a
  setting (`DATE_FORMAT`) are not remembered: settings can change under tests.
"""

import datetime

from django import template
from django.template import defaultfilters, defaulttags
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()

# What was found, by key; emptied should either ever grow past this many.
LIMIT = 8192
_addresses = {}
_days = {}


def _simple(value):
    return isinstance(value, str | int) and not isinstance(value, bool)


class RememberedURLNode(defaulttags.URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = _reverse(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


def _reverse(view_name, args, kwargs, current_app):
    if not (_simple(view_name) and all(map(_simple, [*args, *kwargs.values()]))):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    urlconf = get_urlconf()
    key = (
        view_name,
        tuple(args),
        tuple(sorted(kwargs.items())),
        current_app,
        get_resolver(urlconf),
        get_script_prefix(),
        get_language(),
    )
    url = _addresses.get(key)
    if url is None:
        url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        if len(_addresses) >= LIMIT:
            _addresses.clear()
        _addresses[key] = url
    return url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    node.__class__ = RememberedURLNode
    return node


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    if type(value) is not datetime.date or not arg or arg in formats.FORMAT_SETTINGS:
        return defaultfilters.date(value, arg)
    key = (value, arg, get_language())
    text = _days.get(key)
    if text is None:
        text = defaultfilters.date(value, arg)
        if len(_days) >= LIMIT:
            _days.clear()
        _days[key] = text
    return text
