"""Find the metadata analysts bury in the prose of their blog posts.

A column copied from an outlet's page onto the analyst's blog usually reads: a note from her
("My column in the Daily Example, on ..."), the column's title again, a standfirst, date stamps,
a byline, the text, then who the authors are and where the piece ran in print. `extract()` turns
that into fields. Each rule below is one function reading plain text (a line: a paragraph, or a
part of one between <br>s); `extract()` decides where each rule looks, and removes every line or
sentence a rule used, so nothing shows twice. Everything else is left as it came.

Where things are: text.py and names.py read plain text, sentences and names; lines.py is the
line model (blocks and lines, read with `core.html_tokens`, written back); one module per family
of rules: intro.py (title line, standfirst, intro outlet), stamps.py, bylines.py (byline, bios),
notes.py (print note, exclusivity), press.py with triggers.py (the grammar of mentions),
possible.py (possible mentions); runner.py has `extract()`, which runs them in this order:

title_line    A <p> or <h1>-<h6> line equal to the post title, ignoring case, spacing,
              punctuation and curly quotes. Lines before it are the intro note; the line goes.
              Without a title line there is no intro and no standfirst.
stamps        A line made only of stamps: "PUBLISHED : Tuesday, 3 March, 2020, 7:05pm",
              "UPDATED : 4 Mar 2020 10:30", "Published: 3 March 2020, 19:05", several on a line
              split by "|". Dates are naive, as written; a date without a time is midnight.
byline        A whole body line "By A, B and C for The Outlet" or "A and B write for The Outlet".
              A name is 2-4 capitalised words, with particles ("van", "de") allowed between.
print_note    A sentence "This article appeared in the <Outlet> print edition as <headline>".
exclusive     A sentence containing "written exclusively for <Outlet>".
bios          Closing body lines starting "<Name> is/are <role>" or "<Name> teaches/leads/
              heads ...", several in one sentence ("A is X and B is Y", "A is X; B teaches Y"),
              or "The authors are A, a ..., and B, a ...". Titles may be in capitals ("Director
              of ... (ECFA)"); a social handle after a name ("(@jroe)") is dropped. The name must
              be a byline author, or look like a person's name with a role noun (fellow,
              director, professor...) in the predicate; so "China is a major investor in the
              region." is no bio. A bio joins its author; new names are appended.
standfirst    The line right after the title line, or after an image file name ("IMG_4471",
              "arctic-route_AP2291833") or a caption ("Photo: AFP") the old theme left there
              (those lines go too), if no rule above used it and it is a paragraph of at most
              300 characters and one or two sentences.
intro_outlet  Intro phrasing naming the outlet: "my column in X", "a piece for X", "my latest
              for X", "an op-ed in X", "wrote for X", "something for X", also when X is
              described first ("a newsletter called the X", "a new outlet, the Tbilisi-based
              X"), "a piece out in X", "This ran in X", "X ran my piece"; "the Lowy
              Institute's Interpreter" gives the publication. The note stays.
mentions      The grammar of media contacts in the intro (press.py): a trigger whose subject is
              the analyst, then segments of outlets and a topic. Each sentence used is removed.
                  spoke/talked/chatted to, was interviewed by,
                  offered thoughts to, conversations with          interview
                  was quoted by/in                                 quoted
                  appeared on, was on, did a live hit on           broadcast
                  joined/was on the X podcast                      podcast
                  was on a panel at/hosted by                      panel
                  was cited/featured in, contributed to            other
              "Beyond this, spoke to A about X, B about Y, and separately to C about Z" gives
              three mentions; "the minister spoke to", "The BBC reported" give none. A topic
              that is only a pronoun ("about it") is the post's title, flagged (`from_title`).
possible      Sentences of the intro left after that which still have a trigger or name a known
              outlet ("Spoke to local radio about the floods."), with a guess at outlets, topic
              and kind, for the editor to turn into mentions or dismiss (possible.py).

The outlet comes from the byline, else the print note, else the exclusivity note, else the
intro phrasing. Outlets the caller knows (`known_outlets`) are recognised anywhere, whatever
their case and with or without "the"; unknown ones must be a run of capitalised words.
"""

from .bylines import parse_bios, parse_byline
from .intro import is_standfirst, is_title_line, parse_intro_outlet
from .names import is_person_name
from .notes import parse_exclusivity, parse_print_note
from .possible import possible_mention
from .press import MENTION_KINDS, PressMention, parse_mentions
from .runner import Extraction, extract
from .stamps import parse_stamps

__all__ = [
    "MENTION_KINDS",
    "Extraction",
    "PressMention",
    "extract",
    "is_person_name",
    "is_standfirst",
    "is_title_line",
    "parse_bios",
    "parse_byline",
    "parse_exclusivity",
    "parse_intro_outlet",
    "parse_mentions",
    "parse_print_note",
    "parse_stamps",
    "possible_mention",
]
