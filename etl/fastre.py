"""Regular expressions that run in ASCII mode on ASCII text, with the same matches.

Python's engine runs a pattern compiled with ``re.ASCII`` about twice as fast as the same
pattern in Unicode mode where it ignores case or tests ``\\w``, ``\\b`` and ``\\s`` (a table
lookup for each letter, not Unicode's tables): the extractor's cues, names and years take
18% less time on the synthetic corpus (bench/RESULTS.md). On a string of ASCII characters
only, the two modes find the same matches but in two cases, both handled here:

- Unicode's ``\\s`` also matches U+001C..U+001F (file, group, record and unit separators):
  the ASCII twin reads ``\\s`` as ``[\\s\\x1c-\\x1f]`` and ``\\S`` as ``[^\\s\\x1c-\\x1f]``;
- a non-ASCII character of the pattern can fold to an ASCII letter when case is ignored
  (the Kelvin sign to k, the long s to s, dotted and dotless I to i): such a pattern gets
  no twin, nor one with a non-ASCII range in a character class, nor verbose-mode inline
  flags or named characters, which this module does not read.

``compile`` returns a ``Pattern`` that takes the twin when the string is ASCII
(``str.isascii`` looks at a flag the string carries, so the test costs nothing) and the
Unicode pattern otherwise. Every pattern made here is kept in ``COMPILED``, so that a test
can check each twin against its Unicode pattern on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

COMPILED: list[Pattern] = []

_C0_SPACES = r"\x1c-\x1f"
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
# non-ASCII characters the engine equates with an ASCII letter when it ignores case,
# besides those whose lower or upper case is ASCII (the Kelvin sign, dotted capital I)
_FOLDS_TO_ASCII = {"\u0131", "\u017f"}


def _folds_to_ascii(char: str) -> bool:
    return char in _FOLDS_TO_ASCII or any(c.isascii() for c in char.lower() + char.upper())


def ascii_twin(source: str, flags: int = 0) -> str | None:
    """The pattern's source for ASCII mode, with the same matches on ASCII strings, or None
    where this module cannot tell that it would have them."""
    if "(?x" in source or "\\N{" in source or flags & re.ASCII:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or re.search(r"\(\?[a-zL]*i", source) is not None
    verbose = bool(flags & re.VERBOSE)
    out: list[str] = []
    in_class = False
    class_start = False  # right after "[" or "[^": a "]" there is a literal
    previous: str | None = None  # the last literal character in the class, for ranges
    range_from: str | None = None  # the start of a range whose end comes next
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        literal: str | None = None
        dash = False  # a "-" that may make a range
        if char == "\\" and i + 1 < n:
            escaped = source[i + 1]
            if escaped in "sS":
                if in_class:
                    if escaped == "S":
                        return None
                    out.append("\\s" + _C0_SPACES)
                else:
                    out.append("[\\s" + _C0_SPACES + "]" if escaped == "s"
                               else "[^\\s" + _C0_SPACES + "]")
                i += 2
                class_start = False
                previous = None
                continue
            width = _HEX_ESCAPES.get(escaped, 0)
            token = source[i:i + 2 + width]
            if width:
                literal = chr(int(token[2:], 16))
            elif not escaped.isalnum():
                literal = escaped
            out.append(token)
            i += len(token)
        elif verbose and not in_class and char == "#":
            end = source.find("\n", i)
            end = n if end < 0 else end
            out.append(source[i:end])
            i = end
            continue
        else:
            out.append(char)
            i += 1
            if in_class:
                if char == "]" and not class_start:
                    in_class = False
                    previous = None
                    continue
                if char == "^" and class_start and source[i - 2] == "[":
                    continue  # "[^": still the start of the class
                dash = char == "-"
                literal = char
            elif char == "[":
                in_class = True
                class_start = True
                previous = None
                continue
            else:
                literal = char
        class_start = False
        if literal is None:
            previous = range_from = None
            continue
        if ignore_case and not literal.isascii() and _folds_to_ascii(literal):
            return None
        if in_class:
            # a range with a non-ASCII end ("[À-ÿ]") may hold a letter that folds to ASCII
            if range_from is not None:
                if ignore_case and not (range_from.isascii() and literal.isascii()):
                    return None
                range_from = previous = None
                continue
            # (a "-" first in the class or right before its end is the character itself)
            if dash and previous is not None and i < n and source[i] != "]":
                range_from, previous = previous, None
                continue
            previous = literal
    if in_class:
        return None
    return "".join(out)


class Pattern:
    """A compiled pattern and its ASCII twin; the methods of ``re.Pattern`` that the
    extractor uses, each taking the twin on an ASCII string."""

    __slots__ = (
        "_finditer",
        "_match",
        "_search",
        "_ufinditer",
        "_umatch",
        "_usearch",
        "ascii",
        "flags",
        "groupindex",
        "groups",
        "pattern",
        "twin",
        "unicode",
    )

    def __init__(self, source: str, flags: int = 0) -> None:
        self.unicode = re.compile(source, flags)
        twin = ascii_twin(source, flags)
        self.twin = re.compile(twin, flags | re.ASCII) if twin is not None else self.unicode
        self.pattern = source
        self.flags = self.unicode.flags
        self.groups = self.unicode.groups
        self.groupindex = self.unicode.groupindex
        self._usearch, self._umatch = self.unicode.search, self.unicode.match
        self._ufinditer = self.unicode.finditer
        self.use(self.twin)

    def use(self, pattern: re.Pattern[str]) -> None:
        """Take ``pattern`` (the twin or the Unicode pattern) for ASCII strings."""
        self.ascii = pattern
        self._search, self._match = pattern.search, pattern.match
        self._finditer = pattern.finditer

    def _for(self, string: str) -> re.Pattern[str]:
        return self.ascii if string.isascii() else self.unicode

    def search(self, string: str, *bounds: int) -> re.Match[str] | None:
        return (self._search if string.isascii() else self._usearch)(string, *bounds)

    def match(self, string: str, *bounds: int) -> re.Match[str] | None:
        return (self._match if string.isascii() else self._umatch)(string, *bounds)

    def finditer(self, string: str, *bounds: int) -> Iterator[re.Match[str]]:
        return (self._finditer if string.isascii() else self._ufinditer)(string, *bounds)

    def fullmatch(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self._for(string).fullmatch(string, *bounds)

    def findall(self, string: str, *bounds: int) -> list[Any]:
        return self._for(string).findall(string, *bounds)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._for(string).split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str,
            count: int = 0) -> str:
        return self._for(string).sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str,
             count: int = 0) -> tuple[str, int]:
        return self._for(string).subn(repl, string, count)

    def __repr__(self) -> str:
        return f"fastre.compile({self.pattern!r}, {self.flags!r})"


def compile(source: str, flags: int = 0) -> Pattern:
    """``re.compile`` with an ASCII twin for ASCII strings (see the module's note)."""
    pattern = Pattern(source, flags)
    COMPILED.append(pattern)
    return pattern


def use_twins(enabled: bool) -> None:
    """Let every pattern made here take its ASCII twin on ASCII strings (the default), or
    not: the Unicode patterns alone, to check the twins' matches and time them."""
    for pattern in COMPILED:
        pattern.use(pattern.twin if enabled else pattern.unicode)
