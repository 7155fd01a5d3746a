"""Several sources, one series and year: keep every figure, compare them by the intervals
their words allow, and say which one is shown and why.

The rule (also published, word for word, in every reconciled row's ``rule`` column):

1. **Shown**: the figure of the most authoritative stage (``STAGE_ORDER``), then from the
   latest-published source, then the first in its text.
2. **Compared**: every figure of the same kind of stage as the shown one (``STAGE_KIND``:
   a reported figure and an estimate measure the same thing; a request and a proposal are
   plans; an appropriation is a law). Figures of other kinds are kept and listed, not
   compared: a request is not wrong because less was appropriated.
3. **Each figure is an interval** (``etl.checks.term_interval``): an exact amount is a
   point, "more than $34 million" is [34 million, ∞), "about" is ±10%, a range its ends.
4. **Consistent** when the compared intervals share a common part (the reconciled low and
   high are that part); a **conflict** when they do not. Fiscal-year and calendar-year
   figures of the same number are compared, and the row says that they mix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from etl.checks import INF, Interval, Term, term_interval

STAGE_ORDER = ("disbursed", "obligated", "appropriated", "passed_chamber", "authorized",
               "reported", "estimated", "requested", "proposed")
STAGE_KIND = {"disbursed": "disbursement", "obligated": "obligation",
              "appropriated": "appropriation", "passed_chamber": "bill",
              "authorized": "authorization", "reported": "amount", "estimated": "amount",
              "requested": "plan", "proposed": "plan"}
ONE_FIGURE, CONSISTENT, CONFLICT = "one figure", "consistent", "conflict"
RULE = ("Shown: the most authoritative stage (disbursed, obligated, appropriated, passed one "
        "chamber, authorized, reported, estimated, requested, proposed), then the "
        "latest-published source, then the first in its text. Compared: "
        "the figures of the same kind of stage (reported and estimated alike; requested and "
        "proposed alike), each as the interval its words allow (exact: a point; more than: "
        "the amount and above; less than: up to it; about: within 10%; a range: its ends). "
        "Consistent when the intervals share a common part, which is the reconciled range; "
        "a conflict when they do not.")
MIXED_YEARS = "mixes fiscal-year and calendar-year figures of the same number"


@dataclass(frozen=True)
class Candidate:
    """One figure for a series and year, as the reconciliation needs it."""

    figure_id: str
    document_id: str
    published: str  # ISO date of its source
    start: int
    amount: float
    amount_high: float | None
    qualifier: str
    status: str
    year_type: str | None

    @cached_property
    def interval(self) -> Interval:
        """What its words allow (computed once: a reconciliation compares it several
        times)."""
        return term_interval(Term(self.amount, self.amount_high, self.qualifier, None))


@dataclass(frozen=True)
class Reconciled:
    shown: Candidate
    roles: dict[str, str]  # figure id -> shown | agrees | conflicts | other stage
    agreement: str  # one figure | consistent | conflict
    low: float | None  # the common part of the compared intervals
    high: float | None  # None: no upper end
    n_sources: int
    n_compared: int
    year_type_warning: str | None
    because: str


def _authority(c: Candidate) -> tuple:
    rank = STAGE_ORDER.index(c.status) if c.status in STAGE_ORDER else len(STAGE_ORDER)
    return (rank, _desc(c.published), c.document_id, c.start, c.figure_id)


def _desc(iso: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in iso.split("-")) if iso else (0,)


def reconcile(candidates: Sequence[Candidate]) -> Reconciled:
    """Reconcile the figures that give one series and year (at least one)."""
    ordered = sorted(candidates, key=_authority)
    shown = ordered[0]
    kind = STAGE_KIND.get(shown.status, shown.status)
    compared = [c for c in ordered if STAGE_KIND.get(c.status, c.status) == kind]
    low = max(c.interval.low for c in compared)
    high = min(c.interval.high for c in compared)
    meets = low <= high
    roles: dict[str, str] = {}
    for c in ordered:
        if c is shown:
            roles[c.figure_id] = "shown"
        elif STAGE_KIND.get(c.status, c.status) != kind:
            roles[c.figure_id] = "other stage"
        else:
            roles[c.figure_id] = ("agrees" if c.interval.meets(shown.interval)
                                  else "conflicts")
    agreement = ONE_FIGURE if len(compared) == 1 else CONSISTENT if meets else CONFLICT
    year_types = {c.year_type for c in compared if c.year_type}
    others = len(ordered) - 1
    because = f"{shown.status}, the most authoritative stage given"
    if len([c for c in ordered if c.status == shown.status]) > 1:
        because += ", from the latest-published source"
    if others:
        because += f" ({others} other figure{'s' if others > 1 else ''} kept)"
    return Reconciled(
        shown=shown, roles=roles, agreement=agreement,
        low=low if meets else None, high=(None if high == INF else high) if meets else None,
        n_sources=len({c.document_id for c in ordered}), n_compared=len(compared),
        year_type_warning=MIXED_YEARS if len(year_types) > 1 else None, because=because)


NEW = "new"


def against_corpus(figure: Candidate, corpus: Sequence[Candidate]) -> tuple[str, list[str]]:
    """How a new figure compares with what the corpus already holds for its series and year
    (``corpus``: those figures): "new", "consistent with N sources" or "conflicts with N
    sources", with the ids of the documents it conflicts with (or agrees with)."""
    kind = STAGE_KIND.get(figure.status, figure.status)
    same = [c for c in corpus if STAGE_KIND.get(c.status, c.status) == kind]
    if not same:
        return NEW, []
    clash = sorted({c.document_id for c in same if not c.interval.meets(figure.interval)})
    if clash:
        return f"conflicts with {len(clash)} source{'s' if len(clash) > 1 else ''}", clash
    agree = sorted({c.document_id for c in same})
    return f"consistent with {len(agree)} source{'s' if len(agree) > 1 else ''}", agree


def check_figures(figures: Sequence[dict], published: object) -> list[tuple[str, list[str]]]:
    """``against_corpus`` for each figure of a new text (rows with series_id, year, amount,
    amount_high, qualifier, status, year_type, start), against the published
    series_figures table (a DataFrame; None when nothing is published yet)."""
    out = []
    for f in figures:
        if f.get("year") is None or published is None:
            out.append((NEW if f.get("year") is not None else "no single year: not compared",
                        []))
            continue
        rows = published[(published["series_id"] == f["series_id"])  # type: ignore[index]
                         & (published["year"] == f["year"])]  # type: ignore[index]
        corpus = [Candidate(r.figure_id, r.document_id, str(r.date_published), 0, r.value,
                            None if r.value_high != r.value_high else r.value_high,
                            r.qualifier, r.status, r.year_type) for r in rows.itertuples()]
        new = Candidate("new", "new", "", int(f.get("start") or 0), f["amount"],
                        f.get("amount_high"), f["qualifier"], f["status"], f.get("year_type"))
        out.append(against_corpus(new, corpus))
    return out
