"""`RULES`, the relation rules in the order they run in, and `UNNAMED_RULES`. Each rule is pure: it reads one parsed
sentence (a `Clause`) and yields `Found` relations between article-local entity keys; it never edits the Doc or
touches RDF. The rules live by relation family: `titles.py`, `factbox.py` and `posts.py` (titles, affiliations,
advisers), `delegations.py`, `attendance.py` and `presence.py` (who was at an event, who met whom),
`locations.py` (where an event was), `memberships.py`, `sources.py` (`reportedBy`) and `demands.py`; the order
of `RULES` is the order of the facts.

NDT labels used by the rules: SUBJ subject, DOBJ object, APP apposition, ATR attribute, DET determiner/genitive,
PUTFYLL complement of a preposition, INFV non-finite verb under an auxiliary, FLAT multi-word name, KOORD
conjunct, ADV adverbial. Rule names are versioned; a change of behaviour bumps the version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.extract.attendance import attendance, meetings
from kg.extract.clause import Clause, Found
from kg.extract.delegations import delegations
from kg.extract.demands import demands, obligations
from kg.extract.factbox import fact_boxes, labelled_titles
from kg.extract.locations import locations
from kg.extract.memberships import memberships
from kg.extract.posts import acting_for, held_posts, predicative_titles, role_changes, titles_as_subject
from kg.extract.presence import presence
from kg.extract.sources import reports
from kg.extract.titles import job_titles

# The rules that state something of a clause that names no one (a demand's wording: `Kravet er at ...`).
UNNAMED_RULES: tuple[Callable[[Clause], Iterator[Found]], ...] = (demands, obligations)
RULES: tuple[Callable[[Clause], Iterator[Found]], ...] = (
    job_titles, fact_boxes, labelled_titles, predicative_titles, titles_as_subject, role_changes, held_posts,
    acting_for, delegations, attendance, presence, locations, meetings, memberships, reports, demands, obligations,
)
