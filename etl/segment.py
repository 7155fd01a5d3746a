"""Sentence segmentation with character offsets into the original text.

Rules, in order:
- Paragraphs are split on blank lines and on single line breaks (news copy puts one
  paragraph on a line), except where a line was only wrapped (reports, statutes and PDF
  text break lines inside sentences): a line that ends without punctuation is joined to
  the next when the next starts in lower case, or when the line ends in a comma, a
  hyphen or a word that cannot end a sentence ("for", "the", "another") and the next
  starts with a word, a figure or a currency sign; in a hard-wrapped block (most lines
  long and ending mid-sentence) every long line runs on into the next.
- Boilerplate lines (page continuation markers, copyright notices) are not sentences.
- Inside a paragraph a sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotes or
  brackets) followed by white space and a token that can start a sentence, unless the word
  before the full stop is a title ("Gen.", "Sen."), an initial, or an abbreviation such as
  "U.S." followed by a word that does not usually open a sentence.
- A full stop between digits ("$12.2 million") is never a boundary.
- No sentence is longer than ``MAX_SENTENCE_CHARS``: a longer run without a boundary is cut
  at the last clause break (";", ",") or space before the limit. Every figure row carries
  its sentence, so this bound keeps the tables linear in the size of the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from etl import fastre as rx

# Titles and abbreviations that are practically never the end of a sentence.
_TITLES = {
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "adm", "capt",
    "maj", "prof", "st", "rev", "hon", "pres", "sec", "cmdr", "cpl", "pvt", "amb", "supt",
    "no", "nos", "vol", "fig", "art", "ch", "p", "pp", "vs", "v", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
    "approx", "est", "dept", "mt", "ft", "ave", "blvd",
    # legal citations: "H.R. 2367", "S. Rept. 111-44", "Pub. L. 112-55", "22 U.S.C. 2151"
    "h.r", "h.res", "s.res", "h.j.res", "s.j.res", "h.con.res", "s.con.res", "h.rept",
    "s.rept", "rept", "res", "pub", "p.l", "u.s.c", "secs", "stat", "cong", "sess",
    # rupees before an amount: "Rs. 1,50,000"
    "rs",
    # "H.E. Prak Sokhonn, Deputy Prime Minister": His or Her Excellency
    "h.e",
}
# Abbreviations that may end a sentence: split only before a typical sentence opener.
_SOFT_ABBREVIATIONS = {"u.s", "u.n", "u.k", "e.u", "inc", "corp", "co", "ltd", "jr", "sr", "d.c"}
_OPENERS = {
    "the", "a", "an", "in", "it", "its", "he", "she", "they", "we", "i", "but", "and", "this",
    "that", "these", "those", "there", "officials", "on", "at", "as", "for", "when", "while",
    "after", "before", "since", "if", "his", "her", "their", "our", "some", "many", "most",
    "one", "two", "last", "next", "meanwhile", "however", "still", "yet", "so", "mexico",
    "critics", "according",
    # function words and sentence adverbs, which no name after "U.S." begins with ("...
    # trafficking $40 billion worth of illegal drugs annually to the U.S. Beyond support
    # for Mexico, the U.S. has also committed"; not "Under", as in "U.S. Under Secretary")
    "beyond", "despite", "during", "with", "without", "by", "from", "although", "though",
    "because", "also", "instead", "now", "then", "today", "yesterday", "thus", "moreover",
    "furthermore", "additionally", "similarly", "likewise", "indeed", "nevertheless",
    "nonetheless", "separately", "currently", "recently", "overall", "besides", "unlike",
    "among", "until", "once", "where", "what", "how", "why", "who", "such", "each", "both",
    "no", "other", "another", "several", "few", "only", "even", "you", "your", "my",
}

_BOILERPLATE = rx.compile(
    r"""^\s*(?:
        continued\b.*                              # CONTINUED 1 >
      | (?:©|\(c\)|copyright\b).*                  # copyright lines
      | (?:page\s+\d+(?:\s+of\s+\d+)?)\s*[<>]*     # Page 2 of 3
      | advertisement
      | (?:story\s+)?continues\s+below.*
      | [<>\s\d|]+                                 # pager fragments: 1 2 3 >
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

MAX_SENTENCE_CHARS = 1000
_SOFT_CUT = rx.compile(r"[;,]\s|\s")

# (and a footnote's number right after the stop: "... for the Global Fund).2 The President
# requested", "... attention to the epidemic.1,2 First proposed", as reports and fact sheets
# print them; not after a digit: "2.1 The")
_BOUNDARY = rx.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)"
                       r"|(?<=[a-z)\]”’\"'])[.!?]+[\"'”’)\]]*\d{1,2}(?:,\d{1,2})*(?=\s+[A-Z])")
_NEXT_TOKEN = rx.compile(r"\s+([\"'“‘(\[]*)(\S+)")
_WORD_BEFORE = rx.compile(r"([A-Za-z][A-Za-z.]*)$")
_ENUMERATOR = rx.compile(r"[ \t]*(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})")


@dataclass(frozen=True)
class Span:
    """A sentence: its text and its ``[start, end)`` offsets in the document text."""

    start: int
    end: int
    text: str
    paragraph: int
    kind: str  # "body" ends with sentence punctuation; "heading" does not (title, byline)
    # the rest of an overlong sentence cut at MAX_SENTENCE_CHARS (a statute's paragraph)
    continues: bool = False


def is_boilerplate(line: str) -> bool:
    """True for lines that are page furniture, not article text."""
    return bool(_BOILERPLATE.match(line))


def _is_boundary(text: str, stop_start: int, stop_end: int) -> bool:
    """Decide whether the punctuation at ``text[stop_start:stop_end]`` ends a sentence."""
    nxt = _NEXT_TOKEN.match(text, stop_end)
    if nxt is None:
        return True
    opener_quote, token = nxt.group(1), nxt.group(2)
    first = token[0]
    if not (first.isupper() or first.isdigit() or opener_quote or first in "$€£"):
        return False
    if text[stop_start] != ".":
        return True
    # a proviso the OCR ended with a full stop: "Provided further. That not less than $8,000,000"
    if token.startswith("That") and _PROVISO_END.search(text, max(0, stop_start - 30), stop_start):
        return False
    # inside brackets that close soon after: "(App. 3 million AUD)"
    opened = text.rfind("(", max(0, stop_start - 80), stop_start)
    if opened > text.rfind(")", max(0, stop_start - 80), stop_start) and \
            ")" in text[stop_end : stop_end + 60].split(". ")[0]:
        return False
    # a numbered item's marker: "1. Up to the maximum amount of JPY 2,451,000,000"
    line_start = text.rfind("\n", 0, stop_start) + 1
    if _ENUMERATOR.fullmatch(text, line_start, stop_start):
        return False
    before = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if word in _TITLES:
        return False
    if word in _MONTH_ABBREVIATIONS and _DAY.match(token):
        return False  # "PUBLIC LAW 100-202—DEC. 22, 1987" (and Wikisource's "MMMM. DD, 1987")
    if len(word) == 1 and before.group(1).isupper():  # an initial: "John F. Kennedy"
        return False
    if word in _SOFT_ABBREVIATIONS:
        # (not a word in scare quotes: "After Nearly $100 Million in U.S. “Aid”")
        return token.strip("\"'“‘(,").lower() in _OPENERS or bool(
            opener_quote and not _QUOTED_WORD.fullmatch(token))
    return True


_QUOTED_WORD = rx.compile(r"[A-Za-z-]+[”\"’']")
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec", "mmmm"}
_DAY = rx.compile(r"(?:\d{1,2}|DD),")
_PROVISO_END = rx.compile(r"\bProvided(?:,?\s+(?:further|however))?$")


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end()):
            pieces.append((cursor, m.end()))
            cursor = m.end()
    pieces.append((cursor, end))
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        continued = False
        while b - a > MAX_SENTENCE_CHARS:
            cut = _cut_at(text, a, a + MAX_SENTENCE_CHARS)
            out.append((a, cut, continued))
            a, continued = cut, True
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            out.append((a, b, continued))
    return out


def _cut_at(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong sentence: after the last clause break, else the last space,
    in the second half of ``[start, limit)``; else at the limit."""
    window = text[start + (limit - start) // 2 : limit]
    best = None
    for m in _SOFT_CUT.finditer(window):
        if best is None or m.group()[0] in ";," or best[1] not in ";,":
            best = (m.end(), m.group()[0])
    if best is None:
        return limit
    cut = start + (limit - start) // 2 + best[0]
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return cut if cut > start else limit


# Words after which a line cannot have ended its sentence: the line was wrapped.
_CONTINUING = frozenset({
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into",
    "over", "under", "than", "as", "and", "or", "nor", "but", "that", "which", "who", "whose",
    "whom", "its", "their", "his", "her", "our", "your", "this", "these", "those", "another",
    "each", "every", "any", "all", "some", "no", "not", "per", "about", "including", "between",
    "through", "during", "after", "before", "while", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "shall", "should", "may", "might", "can",
    "could", "do", "does", "did", "also", "nearly", "almost", "approximately", "roughly",
    "only", "more", "less", "least", "most", "such", "both", "either", "neither",
})
_LINE_END = rx.compile(r"(\S+)\s*$")


def _continues(line: str, nxt: str) -> bool:
    """True when ``line`` was wrapped and its sentence goes on in ``nxt``."""
    end = line.rstrip()
    start = nxt.lstrip()
    if not end or not start or end[-1] in ".!?:;\"”’)]":
        return False
    if start[0].islower():
        return True
    last = _LINE_END.search(end)
    word = last.group(1) if last else ""
    opens = start[0].isalnum() or start[0] in "$€£(\"“"
    if len(end) >= _WRAP_WIDTH and end[-1].islower() and (start[0].isdigit() or start[0] in "$€£"):
        return True  # "... to carry out sections\n469l to": a long line wrapped at a number
    return opens and (end[-1] in ",-–—" or word in _CONTINUING)


_WRAP_WIDTH = 45  # a line at least this long that ends mid-sentence was wrapped
_TERMINAL = ".!?:;\"”’)]"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: a line, or wrapped lines joined. A block of lines
    (between blank lines) is hard-wrapped when at least half its lines are long and end
    mid-sentence; there every long line runs on into the next."""
    blocks: list[list[re.Match[str]]] = [[]]
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if not body.strip() or is_boilerplate(body):
            blocks.append([])
            continue
        if blocks[-1] and "\n\n" in text[blocks[-1][-1].end():line.start() + 1]:
            blocks.append([])
        blocks[-1].append(line)
    out: list[tuple[int, int]] = []
    for lines in blocks:
        if not lines:
            continue
        long_open = [len(m.group().rstrip()) >= _WRAP_WIDTH
                     and m.group().rstrip()[-1] not in _TERMINAL for m in lines]
        wrapped = len(lines) >= 3 and 2 * sum(long_open) >= len(lines)
        out.append((lines[0].start(), lines[0].end()))
        for previous, line in itertools.pairwise(lines):
            body = previous.group().rstrip()
            if _continues(body, line.group()) or (
                    wrapped and len(body) >= _WRAP_WIDTH and not _LIST_START.match(line.group())):
                out[-1] = (out[-1][0], line.end())
            else:
                out.append((line.start(), line.end()))
    return out


_LIST_START = rx.compile(r"^\s*(?:[-•*–]|\(?\d+[.)]|\([a-z]\))\s?")


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; offsets index into ``text`` itself."""
    spans: list[Span] = []
    paragraph = -1
    for start, end in _paragraphs(text):
        paragraph += 1
        pieces = _split_paragraph(text, start, end)
        for n, (a, b, continued) in enumerate(pieces):
            chunk = text[a:b]
            # a heading is a paragraph of its own without a full stop; a list's
            # introduction ("would fund the following:") and a piece cut from an overlong
            # sentence are body text
            body = re.search(r"[.!?:][\"'”’)\]]*$", chunk) or n < len(pieces) - 1 or continued
            spans.append(Span(a, b, chunk, paragraph, "body" if body else "heading", continued))
    return spans
