"""Render and structure posts in worker processes while the main process writes them.

Rendering a post as WordPress would and running the extraction rules take about half of an
import's time, and both are pure functions of the post's text. `prefetch()` hands them to one
worker process per core, a window of items ahead of the item being written, and yields the
items in their order with a future of their result. A file of fewer items than the window
is imported without starting any process.

The rules see the outlets known when a post was handed out, so an outlet first created by the
extraction of one post is recognised by name in the posts a window later, as outlets already
in the database always are.

If the workers cannot start or die (say the program was started in a way a spawned process
cannot repeat), `result()` returns None and the main process renders the post itself.
"""

import itertools
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from core.html import clean_html

from .content import render_wordpress
from .hashes import CONTENT, digest, fingerprint
from .rules import extract

# Items read ahead of the one being written: a batch of writes (load.FLUSH_EVERY), so that the
# workers keep rendering while the database writes a batch and makes its search documents.
WINDOW = 500
# Posts per task: fewer, larger messages to the workers. Each task submitted cost the main
# process 1.5-3 ms blocked in a pipe write (the pool's wake-up of its thread): 1.6 s for 500
# tasks of 10 posts, 0.2 s for 100 of 50 (cProfile of the 5,000-post corpus, load 4.3).
BATCH = 50


def render_and_extract(title, raw, known_outlets, run_extract, digest_data=None):
    """(rendered HTML, Extraction or None, sanitised original text when a rule fired, the
    post's digest or None, fingerprints of the texts that become the column's).

    With the extraction, the rendered HTML is not sent back ("" instead): the Extraction's
    intro and body replace it, and the 30 MB of a 5,000-post import cost the main process
    their unpickling for nothing. What becomes the column's text (the rendered HTML, or the
    Extraction's intro and body) comes back sanitised by `clean_html()`, as
    `Column.derive_fields()` would have it: a second of the main process's time on 30 MB.

    The hashing of the long texts is done here too, off the main process: the post's digest
    when `digest_data` is given (what `hashes.digest()` reads, but for the content, which is
    `raw`), and the fingerprints merge.py keeps of the column's body ("body") and intro
    ("intro"), as `hashes.fingerprint()` makes them.
    """
    post_digest = None
    if digest_data is not None:
        digest_data = list(digest_data)
        digest_data[CONTENT] = raw
        post_digest = digest(digest_data)
    rendered = render_wordpress(raw)
    if not run_extract:
        body = clean_html(rendered)
        return body, None, "", post_digest, {"body": fingerprint(body)}
    found = extract(title, rendered, known_outlets)
    found.intro_html, found.body_html = clean_html(found.intro_html), clean_html(found.body_html)
    prints = {"intro": fingerprint(found.intro_html), "body": fingerprint(found.body_html)}
    return "", found, clean_html(rendered) if found.fired else "", post_digest, prints


def _render_batch(jobs):
    return [render_and_extract(*job) for job in jobs]


class _Batch:
    def __init__(self):
        self.jobs = []
        self.future = None


def result(ticket):
    """What the worker made of a post, or None when no worker did (or the workers broke)."""
    if ticket is None:
        return None
    batch, index = ticket
    try:
        return batch.future.result()[index] if batch.future else None
    except BrokenProcessPool:
        return None


def prefetch(entries, job, window=None):
    """Yield (entry, ticket for `result()`); `job(entry)` gives the post's arguments or None."""
    window = window or WINDOW
    iterator = iter(entries)
    head = list(itertools.islice(iterator, window))
    if len(head) < window:
        for entry in head:
            yield entry, None
        return
    # "spawn": the workers import only these pure modules, not a copy of our database state.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 2, mp_context=context)
    pending, batch, broken = deque(), _Batch(), False

    def submit(batch):
        nonlocal broken
        if batch.jobs and not broken:
            try:
                batch.future = pool.submit(_render_batch, batch.jobs)
            except BrokenProcessPool:
                broken = True  # the main process does the work itself from here

    try:
        for entry in itertools.chain(head, iterator):
            arguments = job(entry)
            ticket = None
            if arguments:
                batch.jobs.append(arguments)
                ticket = (batch, len(batch.jobs) - 1)
                if len(batch.jobs) == BATCH:
                    submit(batch)
                    batch = _Batch()
            pending.append((entry, ticket))
            if len(pending) > window:
                yield pending.popleft()
        submit(batch)
        while pending:
            yield pending.popleft()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
