"""
Bibliographies to download: BibTeX, RIS and CSL-JSON, written one record at a time so that an
archive of any size streams in bounded memory.

RIS is written by rispy, the format's well-kept Python library. BibTeX is a few lines of our own:
the writers we know of build the whole library in memory, and the escaping BibTeX needs (braces
and LaTeX's special characters) is small and tested against bibtexparser.
"""

import json
import re

import rispy

from .records import citation_key

RIS_TYPES = {"article-newspaper": "NEWS", "article-magazine": "MGZN", "post-weblog": "BLOG"}
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _one_line(text):
    return " ".join(str(text).split())


def _bibtex_value(text):
    return BIBTEX_SPECIAL.sub(
        lambda m: BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), _one_line(text)
    )


def _bibtex_name(name):
    if "literal" in name:
        return "{" + _bibtex_value(name["literal"]) + "}"
    family = " ".join(p for p in [name.get("non-dropping-particle"), name["family"]] if p)
    return f"{_bibtex_value(family)}, {_bibtex_value(name['given'])}"


def bibtex_entry(item):
    year, month, day = (item["issued"]["date-parts"][0] + [1, 1])[:3]
    fields = [
        ("author", " and ".join(_bibtex_name(n) for n in item["author"])),
        ("title", "{" + _bibtex_value(item["title"]) + "}"),  # keep the headline's capitals
        ("journaltitle", _bibtex_value(item["container-title"])),
        ("date", f"{year:04d}-{month:02d}-{day:02d}"),
        ("year", str(year)),
        ("url", _one_line(item["URL"]).replace("}", "%7D").replace("{", "%7B")),
        ("langid", _bibtex_value(item.get("language", ""))),
        ("abstract", _bibtex_value(item.get("abstract", ""))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{{citation_key(item)},\n{body}\n}}\n\n"


def ris_entry(item):
    year, month, day = (item["issued"]["date-parts"][0] + [1, 1])[:3]
    authors = [
        name.get("literal")
        or ", ".join([" ".join(p for p in [name.get("non-dropping-particle"), name["family"]] if p),
                      name["given"]])
        for name in item["author"]
    ]  # fmt: skip
    entry = {
        "type_of_reference": RIS_TYPES.get(item["type"], "GEN"),
        "title": _one_line(item["title"]),
        "authors": [_one_line(a) for a in authors],
        "journal_name": _one_line(item["container-title"]),
        "date": f"{year:04d}/{month:02d}/{day:02d}/",
        "year": str(year),
        "urls": [_one_line(item["URL"])],
        "language": item.get("language", ""),
        "abstract": _one_line(item.get("abstract", "")),
        "id": item["id"],
    }
    return rispy.dumps([{k: v for k, v in entry.items() if v}])


def csl_json_chunks(items):
    """A JSON array written as it goes: "[", the items joined by commas, "]"."""
    yield "["
    for number, item in enumerate(items):
        yield ("," if number else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


FORMATS = {
    # extension: (media type, writer of one record or of the whole stream)
    "bib": ("application/x-bibtex; charset=utf-8", bibtex_entry),
    "ris": ("application/x-research-info-systems; charset=utf-8", ris_entry),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", None),
}


def export_chunks(fmt, items):
    """The bibliography of `items` (CSL-JSON records) in `fmt`, as an iterator of strings."""
    writer = FORMATS[fmt][1]
    if writer is None:
        return csl_json_chunks(items)
    return (writer(item) for item in items)
