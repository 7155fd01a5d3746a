"""A deterministic synthetic corpus of policy-reporting text, made from templates.

    .venv/bin/python bench/corpus.py --mb 5 --out bench/corpus.txt

The same --seed and --mb give the same bytes. The corpus is generated, not committed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

AGENCIES = ["The Pentagon", "The State Department", "USAID", "The Defense Department",
            "The Justice Department", "Congress", "The Homeland Security Department",
            "The Obama administration", "The World Bank"]
COUNTRIES = ["Mexico", "Colombia", "Guatemala", "Honduras", "El Salvador", "Peru",
             "Afghanistan", "Pakistan", "Haiti", "Ecuador"]
PURPOSES = ["counternarcotics programs", "border security", "police training",
            "judicial reform", "helicopters and surveillance aircraft", "humanitarian aid",
            "economic development", "counterterrorism"]
QUALIFIERS = ["", "", "", "about ", "nearly ", "more than ", "at least ", "less than ",
              "up to ", "roughly "]
SOURCES = ["according to the Government Accountability Office",
           "according to estimates by the Congressional Research Service",
           "officials said", "a GAO report found", "the department said"]
TEMPLATES = [
    "{agency} provided {q}{amount} for {purpose} in {country} in {year}, {source}.",
    "{agency} requested {amount} in its fiscal {year} budget for {purpose} in {country}.",
    "Funding for {purpose} in {country} rose from {amount} in {year} to {q}{amount2} in "
    "{year2}, {source}.",
    "One plan under consideration would use {amount} from the {year} budget to improve "
    "{purpose} in {country}, {source}.",
    "Congress appropriated between {amount} and {amount2} for {purpose} in FY{year}.",
    "{country} received an estimated {amount} in U.S. assistance in {year}.",
    "Officials in {country} said {q}{amount} had gone to {purpose} since {year}.",
]
FILLER = [
    "U.S. military officers have trained hundreds of officers in the past two years.",
    "Some 34 million people live along the 2,000-mile border, officials said.",
    "Seizures rose 10 percent in {year}, and prices are 3.5 times higher than in 1990.",
    "\"The changes are, I believe, historic,\" Gen. Victor Renuart said.",
    "Critics say millions of dollars have gone to programs nobody has measured.",
    "The Merida Initiative, announced in {year}, was meant to run for three years.",
]


def amount(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.55:
        return f"${rng.randint(1, 999)}.{rng.randint(0, 9)} million"
    if style < 0.75:
        return f"${rng.randint(1, 9)}.{rng.randint(1, 9)} billion"
    if style < 0.85:
        return f"${rng.randint(100, 999)},{rng.randint(0, 999):03d}"
    if style < 0.95:
        return f"${rng.randint(1, 99)}M"
    return f"{rng.choice(['fifty', 'twenty', 'ninety'])} million dollars"


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(FILLER).format(year=rng.randint(2000, 2024))
    year = rng.randint(2000, 2022)
    return rng.choice(TEMPLATES).format(
        agency=rng.choice(AGENCIES), country=rng.choice(COUNTRIES),
        purpose=rng.choice(PURPOSES), q=rng.choice(QUALIFIERS), amount=amount(rng),
        amount2=amount(rng), year=year, year2=year + rng.randint(1, 3),
        source=rng.choice(SOURCES))


def make_corpus(megabytes: float = 5.0, seed: int = 2010) -> str:
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def write_sources(data_dir: Path, n: int, kb: float = 1.0, seed: int = 1000,
                  publisher: str = "Bench Wire") -> None:
    """Add ``n`` synthetic documents of about ``kb`` KB each to ``data_dir`` in one batch
    (the bundled seed stays), as ``etl add --manifest`` would; another ``publisher``
    gives other ids."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from etl.library import NewSource, add_sources, validate_meta

    paragraphs = make_corpus(n * kb / 1000, seed=seed).split("\n\n")
    per_doc = max(1, len(paragraphs) // n)
    items = []
    for i in range(n):
        text = "\n\n".join(paragraphs[i * per_doc:(i + 1) * per_doc]) or paragraphs[0]
        day = 1 + i % 28
        meta = validate_meta({"title": f"Synthetic report {i}", "publisher": publisher,
                              "date_published": f"2012-01-{day:02d}",
                              "date_added": "2026-11-29", "rights": "Generated"})
        items.append(NewSource(text + "\n", meta))
    add_sources(data_dir, items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--out", default="bench/corpus.txt")
    args = parser.parse_args()
    text = make_corpus(args.mb, args.seed)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(text.encode('utf-8')) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
