"""
A column as a bibliographic record: CSL-JSON, the common input of citation styles, BibTeX and
RIS (citeproc-js, Zotero, Pandoc and citeproc-py all read it).

The record cites the piece where it was published: the outlet is the container and the
outlet's address is the URL, as a reference list should. A column first published here, or
whose original is gone (check_originals), cites this site's copy.
"""

from django.conf import settings

# How an outlet's kind reads to citation managers: a newspaper article or a magazine article.
NEWSPAPER_KINDS = {"newspaper", "news_agency", "broadcaster", "website"}
CSL_TYPES = {True: "article-newspaper", False: "article-magazine"}
# Lower-case words that belong to the family name ("Ursula von der Leyen", "Ahmed al Sharaa").
PARTICLES = {"al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le",
             "ten", "ter", "van", "von", "y"}  # fmt: skip


def person_name(full_name):
    """CSL's name parts for "Given Family" (particles kept with the family name); one word, or
    a name in a script without spaces, stays whole as a literal."""
    words = full_name.split()
    if len(words) < 2:
        return {"literal": full_name.strip()}
    family_at = len(words) - 1
    while family_at > 1 and words[family_at - 1].casefold() in PARTICLES:
        family_at -= 1
    given, family = words[:family_at], words[family_at:]
    particle = []
    while len(family) > 1 and family[0].casefold() in PARTICLES:
        particle.append(family.pop(0))
    name = {"family": " ".join(family), "given": " ".join(given)}
    if particle:
        name["non-dropping-particle"] = " ".join(particle)
    return name


def is_newspaper(column):
    return column.outlet is None or column.outlet.kind in NEWSPAPER_KINDS


def csl_item(column, page_url):
    """The column as one CSL-JSON item; `page_url` is its absolute address on this site."""
    # The column's day as its page, its address and the archives give it: the outlet's own
    # calendar day (a 07:05 Hong Kong stamp is cited that day, not the day before in UTC).
    published = column.day
    item = {
        "id": f"column-{column.pk}",
        "type": CSL_TYPES[is_newspaper(column)] if column.outlet else "post-weblog",
        "title": column.title,
        "author": [person_name(byline.author.name) for byline in column.ordered_bylines],
        "container-title": column.outlet.name if column.outlet else settings.SITE_NAME,
        "issued": {"date-parts": [[published.year, published.month, published.day]]},
        "URL": column.live_original_url or page_url,
        "language": settings.LANGUAGE_CODE,
    }
    if column.dek:
        item["abstract"] = column.dek
    return item


def citation_key(item):
    """A BibTeX key people can type: first author's family name, year, first title word."""
    first = item["author"][0] if item["author"] else {}
    name = first.get("family") or first.get("literal") or "anon"
    word = next((w for w in item["title"].split() if len(w) > 3), "column")
    year = item["issued"]["date-parts"][0][0]
    key = "".join(ch for ch in f"{name}{year}{word}" if ch.isalnum())
    return f"{key.lower()}-{item['id'].rsplit('-', 1)[-1]}"
