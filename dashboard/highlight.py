"""Article text as escaped markdown, with extracted figures highlighted.

Every character of the article goes through :func:`escape_markdown`; only the highlight
directives around figures are ours. So `<script>`, `[links](…)`, `$…$` and `&entities;` in
an article show as the characters they are.
"""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import escape_markdown
from etl.segment import is_boilerplate


def paragraphs_with_marks(text: str, figures: pd.DataFrame, selected: str | None,
                          claim: tuple[int, int] | None = None) -> list[str]:
    """One markdown block per non-empty line of ``text``; figures wrapped in highlights,
    the selected one in blue, a claim's words (when they overlap no figure) in green."""
    spans = sorted((int(r.start), int(r.end), r.figure_id) for r in figures.itertuples())
    if claim is not None and not any(a < claim[1] and claim[0] < b for a, b, _ in spans):
        spans = sorted([*spans, (claim[0], claim[1], "claim")])
    blocks: list[str] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        pieces: list[str] = []
        cursor = start
        for a, b, fid in spans:
            if a < start or b > end:
                continue
            pieces.append(escape_markdown(text[cursor:a]))
            colour = "blue" if fid == selected else "green" if fid == "claim" else "orange"
            pieces.append(f":{colour}-background[**{escape_markdown(text[a:b])}**]")
            cursor = b
        pieces.append(escape_markdown(text[cursor:end]))
        block = "".join(pieces)
        if is_boilerplate(line):
            block = f":gray[{block}]"
        blocks.append(block)
    return blocks
