"""
What a column's history says: the fields a save changed, and where the column went
("draft → scheduled for 5 March 2026, 09:00 (UTC)"); and two revisions compared as readers see
the text, paragraph by paragraph, rather than as raw HTML.
"""

import difflib
import json
from html import escape, unescape

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from core.html_tokens import TAG, TEXT, tokens

# Fields of the form that are not the column's (the optimistic lock).
NOT_LOGGED = {"opened_at"}
# Fields compared as rendered text.
HTML_FIELDS = {"intro", "body"}
BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure", "figcaption", "div",
    "br", "hr", "tr", "ul", "ol", "table", "pre",
}  # fmt: skip
BREAK = "\n"


def state(status, posted_at, now=None):
    """ "draft", "public", or "scheduled for <when> (<zone>)"."""
    if status != "published":
        return "draft"
    if posted_at and posted_at > (now or timezone.now()):
        when = date_format(timezone.localtime(posted_at), "j F Y, H:i")
        return f"scheduled for {when} ({settings.TIME_ZONE})"
    return "public"


def describe(message, form, add):
    """The admin's change message for a column save, as text: fields changed, then status."""
    column = form.instance
    for part in message:
        changed = part.get("changed")
        if changed and "name" not in changed:  # the column's own fields, not an inline's
            labels = {form.fields[n].label or n: n for n in form.changed_data if n in form.fields}
            changed["fields"] = [f for f in changed["fields"] if labels.get(f) not in NOT_LOGGED]
    message = [p for p in message if not ("changed" in p and not p["changed"].get("fields"))]
    text = LogEntry(change_message=json.dumps(message)).get_change_message() if message else ""
    after = state(column.status, column.posted_at)
    if add:
        return f"{text} Created as {'a draft' if after == 'draft' else after}.".strip()
    before = state(form.initial.get("status"), form.initial.get("posted_at"))
    if before != after:
        text = f"{text} Status: {before} → {after}.".strip()
    return text or "Saved with no changes."


def paragraphs_of(html):
    """The words of an HTML fragment as a reader sees them, BREAK between blocks."""
    words, text = [], []

    def flush(*then):
        words.extend("".join(text).split())
        text.clear()
        words.extend(then)
        if words and words[-1] == BREAK and (len(words) == 1 or words[-2] == BREAK):
            words.pop()

    for token in tokens(html or ""):
        if token.kind == TEXT:
            text.append(unescape(token.text))
        elif token.kind == TAG and token.name == "img":
            alt = token.attributes().get("alt", "").strip()
            flush("[Image:", *(alt.split() or ["no", "description"]), "]")
        elif token.kind == TAG and token.name in BLOCKS:
            flush(BREAK)
    flush()
    while words and words[-1] == BREAK:
        words.pop()
    return words


def rendered_diff(old_html, new_html):
    """Paragraphs of text with removed words in <del> and added ones in <ins>."""
    old, new = paragraphs_of(old_html), paragraphs_of(new_html)
    paragraphs = [[]]

    def emit(words, tag=None):
        runs = " ".join(words).split(BREAK)
        for i, run in enumerate(runs):
            if i:
                paragraphs.append([])
            run = run.strip()
            if run:
                paragraphs[-1].append(f"<{tag}>{escape(run)}</{tag}>" if tag else escape(run))

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            emit(old[a1:a2])
            continue
        if a2 > a1:
            emit(old[a1:a2], "del")
        if b2 > b1:
            emit(new[b1:b2], "ins")
    html = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs if p)
    if old == new:
        html += "<p><em>The text reads the same: only its formatting or links changed.</em></p>"
    return mark_safe(html)  # every piece of text is escaped above
