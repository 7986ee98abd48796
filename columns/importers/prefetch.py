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

from .content import render_wordpress
from .extract import extract

WINDOW = 100


def render_and_extract(title, raw, known_outlets, run_extract):
    rendered = render_wordpress(raw)
    return rendered, extract(title, rendered, known_outlets) if run_extract else None


def result(future):
    """The worker's (rendered, extraction), or None when there is none or the workers broke."""
    if future is None:
        return None
    try:
        return future.result()
    except BrokenProcessPool:
        return None


def prefetch(entries, job, window=None):
    """Yield (entry, future or None); `job(entry)` gives render_and_extract's arguments or None."""
    window = window or WINDOW
    iterator = iter(entries)
    head = list(itertools.islice(iterator, window))
    if len(head) < window:
        for entry in head:
            yield entry, None
        return
    # "spawn": the workers import only the two pure modules, not a copy of our database state.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 2, mp_context=context)
    pending, pool_broken = deque(), False
    try:
        for entry in itertools.chain(head, iterator):
            arguments = job(entry)
            future = None
            if arguments and not pool_broken:
                try:
                    future = pool.submit(render_and_extract, *arguments)
                except BrokenProcessPool:
                    pool_broken = True  # the main process does the work itself from here
            pending.append((entry, future))
            if len(pending) > window:
                yield pending.popleft()
        while pending:
            yield pending.popleft()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
