"""The view in the URL: one pydantic model parses and validates every query parameter.

Widgets hold their state with ``bind="query-params"``; this model reads the same
parameters first, so that a value a link gets wrong is named in a short notice (and the
widget falls back to its default) instead of being dropped in silence. Unknown keys are
ignored. Notices never repeat the rejected value: URL text is not shown on the page.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from etl.schema import TABLES

CHART_TYPES = ("dots", "bars")
BASES = ("nominal", "constant")
MAX_VALUE_CHARS = 300
_VERSION = re.compile(r"^[0-9a-f]{6,12}$")
_FIGURE = re.compile(r"^fig-[0-9a-f]{10}$")
_CLAIM = re.compile(r"^clm-[0-9a-f]{10}$")
_MULTI_TEXT = {"f_funder", "f_recipient", "f_status", "verdict", "s_funder", "s_recipient",
               "s_purpose", "s_status"}  # several values each
VERDICTS = ("consistent", "inconsistent", "not checkable from the sources")

# Page -> the parameters that belong to it (others are dropped when building its link).
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "": ("s_funder", "s_recipient", "s_purpose", "s_status", "view", "src", "chart", "basis",
         "base", "notes", "only"),
    "sources": ("doc", "figure", "claim"),
    "claims": ("verdict", "page"),
    "compare": ("cmp_funder", "cmp_recipient", "cmp_status", "page"),
    "data": ("table", "f_funder", "f_recipient", "f_status", "f_year", "page"),
}
DEFAULTS: dict[str, object] = {"notes": True, "chart": "dots", "table": "figures", "page": 1,
                               "basis": "nominal"}


@dataclass(frozen=True)
class Allowed:
    """The values the current data make valid."""

    views: Sequence[str] = ()
    docs: Sequence[str] = ()
    figures: Container[str] = ()  # asked one id at a time (dashboard.query.Ids)
    funders: Sequence[str] = ()
    recipients: Sequence[str] = ()
    statuses: Sequence[str] = ()
    years: tuple[int, int] | None = None
    cpi_years: Sequence[int] = ()
    claims: Container[str] = ()
    purposes: Sequence[str] = ()
    sources: Sequence[str] = ()


class UrlState(BaseModel):
    """Every piece of view state a link can carry."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    view: str | None = None
    src: str | None = None
    s_funder: list[str] = []
    s_recipient: list[str] = []
    s_purpose: list[str] = []
    s_status: list[str] = []
    notes: bool = True
    only: Literal["chart"] | None = None  # the chart alone, for an iframe
    chart: Literal["dots", "bars"] = "dots"
    basis: Literal["nominal", "constant"] = "nominal"
    base: int | None = None
    claim: str | None = None
    verdict: list[str] = []
    doc: str | None = None
    figure: str | None = None
    table: str = "figures"
    f_funder: list[str] = []
    f_recipient: list[str] = []
    f_status: list[str] = []
    f_year: list[int] = []
    page: int = Field(default=1, ge=1)  # the Data page's page of rows, the Claims page's
    v: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _one_value(cls, value: object, info: ValidationInfo) -> object:
        """URL values arrive as lists of strings; single-valued fields take the last."""
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and len(v) > MAX_VALUE_CHARS for v in values):
            raise ValueError("too long")
        if info.field_name in _MULTI_TEXT and all(isinstance(v, str) for v in values):
            return [v for part in values for v in part.split(",") if v]
        if info.field_name in _MULTI_TEXT or info.field_name == "f_year":
            return values
        value = values[-1] if values else None
        if info.field_name == "notes" and isinstance(value, str):
            # exactly what a bound toggle accepts: true or false, in any case
            if value.lower() not in {"true", "false"}:
                raise ValueError("must be true or false")
            return value.lower() == "true"
        return value

    @field_validator("view", "doc", "figure", "claim", "f_funder", "f_recipient", "f_status",
                     "verdict", "base", "src", "s_funder", "s_recipient", "s_purpose",
                     "s_status")
    @classmethod
    def _known(cls, value: object, info: ValidationInfo) -> object:
        allowed: Allowed | None = (info.context or {}).get("allowed")
        if value is None or allowed is None:
            return value
        options = {"view": allowed.views, "doc": allowed.docs, "figure": allowed.figures,
                   "claim": allowed.claims, "f_funder": allowed.funders,
                   "f_recipient": allowed.recipients, "f_status": allowed.statuses,
                   "verdict": VERDICTS, "base": allowed.cpi_years,
                   "src": ("All sources", *allowed.sources), "s_funder": allowed.funders,
                   "s_recipient": allowed.recipients, "s_purpose": allowed.purposes,
                   "s_status": allowed.statuses}[info.field_name]
        values = value if isinstance(value, list) else [value]
        if info.field_name == "figure" and not all(_FIGURE.match(str(v)) for v in values):
            raise ValueError("not a figure id")
        if info.field_name == "claim" and not all(_CLAIM.match(str(v)) for v in values):
            raise ValueError("not a claim id")
        if any(v not in options for v in values):
            raise ValueError("not in the current data")
        return value

    @field_validator("f_year")
    @classmethod
    def _years(cls, value: list[int], info: ValidationInfo) -> list[int]:
        if not value:
            return value
        if len(value) != 2 or value[0] > value[1]:
            raise ValueError("must be two years, first <= second")
        allowed: Allowed | None = (info.context or {}).get("allowed")
        if allowed and allowed.years:
            lo, hi = allowed.years
            if value[0] < lo or value[1] > hi:
                raise ValueError("outside the years in the data")
        return value

    @field_validator("table")
    @classmethod
    def _table(cls, value: str) -> str:
        if value not in TABLES:  # every published table, from the one schema
            raise ValueError("not a table")
        return value

    @field_validator("v")
    @classmethod
    def _version(cls, value: str | None) -> str | None:
        if value is not None and not _VERSION.match(value):
            raise ValueError("not a data version")
        return value


@dataclass
class Parsed:
    state: UrlState
    rejected: list[str] = field(default_factory=list)  # parameter names

    def notices(self) -> list[str]:
        return [f"The link's value for “{name}” is not valid here; showing the default "
                "instead." for name in self.rejected]


def parse(params: Mapping[str, Sequence[str]], allowed: Allowed | None = None) -> Parsed:
    """Validate ``params``; a field that fails falls back to its default and is named."""
    known = set(UrlState.model_fields)
    data = {k: list(v) for k, v in params.items() if k in known}
    rejected: list[str] = []
    context = {"allowed": allowed}
    for _ in range(len(data) + 1):
        try:
            state = UrlState.model_validate(data, context=context)
            return Parsed(state, sorted(rejected))
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            if not bad:
                break
            rejected += sorted(bad - set(rejected))
            for name in bad:
                data.pop(name, None)
    return Parsed(UrlState(), sorted(set(rejected) | set(data)))


def share_params(page: str, values: Mapping[str, object], version: str) -> dict[str, object]:
    """The query parameters of a page's link: non-default values plus the data version."""
    out: dict[str, object] = {}
    for key in PAGE_PARAMS.get(page, ()):
        value = values.get(key)
        if value is None or value == [] or value == DEFAULTS.get(key):
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        if isinstance(value, tuple):
            value = list(value)
        out[key] = value
    out["v"] = version
    return out


def share_url(base: str, page: str, values: Mapping[str, object], version: str) -> str:
    """Absolute link to ``page`` with its state: ``base`` is the app's root URL. A link to
    a figure on Sources ends in ``#<figure id>``, the anchor the page sets beside the
    figure, so that the browser scrolls to it."""
    params = share_params(page, values, version)
    query = urlencode(params, doseq=True)
    figure = params.get("figure")
    anchor = f"#{figure}" if page == "sources" and isinstance(figure, str) \
        and _FIGURE.match(figure) else ""
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "") + anchor

