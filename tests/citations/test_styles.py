"""The references citeproc-py formats, against the strings each style's manual would give."""

from django.core.cache import cache

from citations import styles
from citations.records import csl_item
from citations.styles import format_references

EXPECTED = {
    "apa": "Pantucci, R., &amp; von der Leyen, U. (2024, March 5). Why the SCO matters. "
    "<i>The Diplomat</i>. https://thediplomat.com/2024/03/sco/",
    "chicago": "Pantucci, Raffaello, and Ursula von der Leyen. 2024. “Why the SCO Matters.” "
    "<i>The Diplomat</i>, March 5. https://thediplomat.com/2024/03/sco/.",
    "harvard": "Pantucci, R. and von der Leyen, U. (2024) ‘Why the SCO matters’, "
    "<i>The Diplomat</i>, 5 March. Available at: https://thediplomat.com/2024/03/sco/.",
}


def test_references_in_apa_chicago_and_harvard(column):
    references = format_references(csl_item(column, "https://site.example/"))
    for style, expected in EXPECTED.items():
        assert references[style] == expected, style


def test_text_is_escaped_before_the_style_prints_it(column):
    column.title = '<script>alert(1)</script> & "quotes"'
    column.outlet.name = "<b>Outlet</b>"
    references = format_references(csl_item(column, "https://site.example/"))
    for html in references.values():
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html


def test_references_are_kept_and_a_changed_record_gets_a_new_one(column, settings):
    cache.clear()
    item = csl_item(column, "https://site.example/")
    first = format_references(item)
    assert format_references(item) == first
    column.title = "A new headline"
    assert "A new headline" in format_references(csl_item(column, "https://site.example/"))["apa"]


def test_the_remembered_lookups_change_no_reference(column, monkeypatch):
    """citeproc-py's lookups on the styles' trees are remembered (styles.REMEMBERED): the
    references must be those citeproc-py's own lookups make, for every style."""
    column.title = "Why the SCO matters: a second look"
    column.print_headline = "The SCO, again"
    item = csl_item(column, "https://site.example/")
    remembered = {key: styles._render(item, style) for key, style in styles.STYLES.items()}
    for owner, name in styles.REMEMBERED:
        monkeypatch.setattr(owner, name, getattr(owner, name).__wrapped__)
    for key, style in styles.STYLES.items():
        assert styles._render(item, style) == remembered[key], key
