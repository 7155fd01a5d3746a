"""Who pays, who receives, who is credited: payers told from recipients, addressees and cited
sources by grammar.
"""

from __future__ import annotations

import itertools
import re

from etl import fastre as rx
from etl.extract.common import _distance, _Mention, _names_regex, literal_alternation
from etl.extract.years import _NEXT_ITEM, _baseline_spans
from etl.lexicon import (
    AGENCIES,
    AMBIGUOUS_CURRENCY_WORDS,
    COUNTRIES,
    SOURCES,
)
from etl.money import Money

_AGENCY_RE, _AGENCY_OF = _names_regex(AGENCIES)
_SOURCE_RE, _SOURCE_OF = _names_regex(SOURCES)
_COUNTRY_RE, _COUNTRY_OF = _names_regex(COUNTRIES)
_NOT_AGENCY_AFTER = rx.compile(
    r"\s+(?:Post|Office on|Times|Examiner|Institute)\b"
    # "during United Nations General Assembly week", "the United Nations Sustainable
    # Development Goals": a body's event or goals, which pay nothing
    r"|(?<=Nations)\s+(?:General\s+Assembly|Sustainable\s+Development|Security\s+Council|"
    r"Climate|Charter|[Ss]ummit|Day|Week)\b"
    r"|(?<=military)\s+(?:and\s+\w+\s+)?(?:aid|assistance|financing)\b"
    # "The Request for Application (RFA) notice": a call for grant proposals
    r"|(?<=Request)\s+for\s+(?:Applications?|Proposals?|Information|Comments?|Quotations?|"
    r"Qualifications)\b"
)
# the names of every country but the United States, as the text writes them ("Canadian")
_FOREIGN_NAMES = literal_alternation(n for c, names in COUNTRIES.items()
                                     if c != "United States" for n in names if n[:1].isupper())
# "the Colombian Army", "the Mexican Navy": a country's own forces
_FOREIGN_BEFORE = rx.compile(r"\b(?:" + _FOREIGN_NAMES + r")\s+$")
# "U.S. aid", "U.S. military and economic aid": the U.S. government pays.
_US_AID_RE = rx.compile(
    r"\b(?:U\.S\.|US|American)(?=\s+(?:[a-z-]+\s+(?:and\s+[a-z-]+\s+)?){0,2}"
    # ("After Nearly $100 Million in U.S. “Aid”": in quotes)
    r"[“\"]?(?:[Aa]id|[Aa]ssistance|[Ff]unding|[Ff]unds|[Mm]oney|taxpayers|portion|share|"
    r"contribution)\b)"
)
# Roles by grammar: "$5 million for the Defense Department" names the recipient; "asked
# Congress for", "sent to Congress" name the addressee; neither pays.
# "wasting $1 billion on Trump's wall", "It funds the Department of Commerce at $16.43B"
_RECIPIENT_BEFORE = rx.compile(r"\b(?:for|to|into|at|about|on|funds|funded)\s+"
                               r"(?:both\s+|each\s+of\s+)?(?:the\s+)?$",
                               re.IGNORECASE)
# "the Department of Justice at $32B", "In 2019, EPA received appropriations": funded, not
# funding
_RECIPIENT_AFTER = rx.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:at\s+(?=[$€£]|US\$)|"
                              r"(?:also\s+|will\s+|would\s+)?(?:received|receives|receive|"
                              r"got|gets|secured|obtained)\b|"
                              # "The Ministry of Health and Social Welfare was allocated
                              # N667.577 billion", "was granted", "was awarded"
                              r"(?:was|were|has\s+been|have\s+been|will\s+be)\s+(?:allocated|"
                              r"granted|given|awarded|provided\s+with)\b)")
_ADDRESSEE_BEFORE = rx.compile(
    r"\b(?:ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed)? on|sent(?: to)?|sends?|"
    # "The White House said it wants Congress to immediately allocate $500 million"
    r"wants?|wanted|"
    r"request(?:s|ed)? that|"
    r"submitted to|"
    # "It asks the U.S. Congress to appropriate $550 million", "solicited congress for"
    r"transmitted to|told|solicit(?:s|ed|ing)?|"
    # "Statement ... Before the House Appropriations Subcommittee", "under the jurisdiction of
    # the Subcommittee": whom a witness addresses, whose purview; neither pays
    r"before|(?:jurisdiction|purview)\s+of)\s+(?:the\s+)?(?:U\.S\.\s+|US\s+)?$", re.IGNORECASE)
_JOINT_AFTER = rx.compile(r"\s+and\s+(?:the\s+)?")
# between two payers named jointly: "Department of State (State) and the "
_JOINT_BETWEEN = rx.compile(r"(?:\s*\([^()]{1,40}\))?,?\s+and\s+(?:the\s+)?"
                            r"(?:[A-Z][\w.]*\s+){0,3}")
# "the Departments of State (State), Agriculture, and Defense, and the U.S. Agency for
# International Development (USAID) allocated": departments named as a list pay jointly
_DEPARTMENTS_BEFORE = rx.compile(r"\b[Dd]epartments\s+of\s+[A-Z][^.;$]{0,120}?,?\s+and\s+"
                                 r"(?:the\s+)?$")
# "Of the $58.2 million specifically designated for El Salvador, USAID will direct $41.2
# million": the whole a clause begins with is not the money its subject pays
_OF_THE_WHOLE = rx.compile(r"(?:^|[.;:]\s+|\n)(?:[Oo]f|[Oo]ut\s+of)\s+(?:the|this|that)\s+"
                           r"(?:total\s+(?:of\s+)?)?$")
_AGENT_BEFORE = rx.compile(
    r",?\s*(?:(?:that|which)\s+(?:was|were|has\s+been|had\s+been)\s+)?(?:approved|appropriated|"
    r"provided|funded|granted|given|allocated|pledged|committed|donated|paid|awarded|"
    r"disbursed|obligated|financed)\s+(?:by|in)\s+(?:the\s+)?(?:U\.S\.\s+|US\s+)?"
    # ("approved in the National Defense Authorization Act": the law's name before its kind)
    r"(?:[A-Z][\w-]*\s+){0,4}$")
_FIGURE_NEXT = rx.compile(r"\s+(?:(?:about|nearly|more\s+than|over|some)\s+)?(?:US)?[$€£]")
_REQUESTED_IN = rx.compile(r"\b(?:requested|proposed|sought)\s+(?:in|by)\s+(?:the\s+)?$")
_GOVERNMENT_WORDS = rx.compile(r"government|agencies|taxpayers", re.IGNORECASE)
# "for the Department of State and the U.S. Agency for International Development": both
# receive
_COORDINATED_RECIPIENT = rx.compile(
    r"\b(?:for|to)\s+(?:the\s+)?[A-Z][\w.&'’ ()]{1,80}?\s+and\s+(?:the\s+)?$")
# Bills and laws are the Congress acting: "H.R. 2367 would authorize", "S. 1840".
_BILL_RE = rx.compile(r"\b(?:H\.\s?R\.|S\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|"
                      r"P\.\s?L\.|Pub\.\s?L\.|Public Law)\s?\d[\d-]*|"
                      r"\b[Aa]ppropriations\s+(?:[Bb]ill|Act|[Pp]ackage|[Mm]easure)s?\b|"
                      # "approved in the National Defense Authorization Act (NDAA) for FY2023",
                      # "the congressionally approved FY2023 level"
                      r"\bAuthorization\s+Act\b|\bcongressionally\b|"
                      # (not "£61 million funding package": any payer's package of aid)
                      r"\bspending\s+(?:bill|package|measure)s?\b|\bfunding\s+(?:bill|measure)s?\b|"
                      # "The FY 2020 bill provides $23.493 billion"
                      r"\b[Tt]he\s+(?:FY\s?|fiscal\s+(?:year\s+)?)?\d{2,4}\s+bill\b|"
                      # "this legislation provides nearly $60.78 billion"
                      r"\b(?:[Tt]his|[Tt]he)\s+legislation\b")
# A law by its name, looked for only where the words are (each scan of a sentence costs):
# "The Bipartisan Infrastructure Law provides $98 million" ("last year's bipartisan
# infrastructure law provided $7.5 billion"); "PEPFAR was authorized by the United States
# Leadership Against HIV/AIDS, Tuberculosis and Malaria Act of 2003": the Congress
_LAW_PAYS = rx.compile(r"\b(?:(?:[A-Z][\w-]*\s+){1,4}Law|(?:[a-z][\w-]*\s+){1,3}law)"
                       r"(?=\s+(?:also\s+)?(?:provides|provided|"
                       r"includes|included|contains|contained|invests|invested|"
                       r"appropriates|appropriated|"
                       r"allocates|allocated)\b)"
                       # "the Coronavirus Aid, Relief and Economic Security (CARES) Act, which
                       # provided $345 million"
                       r"|\bAct(?=,?\s+(?:which|that)\s+(?:also\s+)?(?:provides|provided|"
                       r"appropriates|appropriated|allocates|allocated)\b)"
                       # "the Bipartisan Infrastructure Law (BIL)’s $26.5 billion Bridge Formula
                       # Program"
                       r"|\b(?:[A-Z][\w-]*\s+){1,4}(?:Law|Act)(?=(?:\s*\([A-Z]{2,8}\))?[’\x27]s\s+"
                       r"(?:(?:about|nearly|almost|some|more\s+than|over)\s+)?(?:[$€£]|US\$))"
                       # "the $50 million in Recovery Act funding"
                       r"|(?<=illion\sin\s)(?:[A-Z][\w-]*\s+){1,4}(?:Law|Act)(?=\s+(?:funding|funds|"
                       r"money|dollars)\b)")
_ACT_AUTHORIZES = rx.compile(r"(?:(?<=authorized\sby\s)|(?<=appropriated\sby\s))(?:the\s+)?"
                             r"(?:(?:[A-Z][\w.’'/-]*,?|and|of|for|the|to|in|on)\s+){1,16}?Act\b")
# a committee's: "The recommendation for FY 2013 provides $3.3 billion", "This
# recommendation includes base funding of $519.2 billion" (looked for only where the word is)
_RECOMMENDATION = rx.compile(r"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s+(?:(?:Subcommittee|Committee)"
                             r"(?:[\x27’]s)?\s+)?recommendations?\b(?!\s+(?:of|by|from)\b)")
# "Rep. Colin Allred (TX-32) secured $16.8 million for his district": a Member's project
# funding is the Congress's money
_MEMBER_SECURED = rx.compile(
    r"\b(?:Rep\.|Sen\.|Representative|Senator|Congress(?:man|woman|member))\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:\([^()]{1,20}\)\s+)?(?:(?:has|have|also|successfully|"
    r"recently)\s+)*(?=secured\b)")
_ATTRIBUTION_BEFORE = rx.compile(
    r"(?:according\s+to|estimates?\s+(?:by|from)|report(?:ed)?\s+by|data\s+(?:from|by)|"
    # "according to a report released Tuesday by the House Committee on Government Oversight"
    r"report\s+(?:released|issued|published)\s+(?:\w+\s+){0,2}?by|"
    r"statement\s+(?:by|from)|"
    r"analysis\s+(?:by|from)|audit\s+by|figures\s+from|study\s+by|review\s+by)\s+"
    r"(?:(?:a|an|the|new|recent|\w+'s)\s+)*(?:(?:estimates?|reports?|data|analysis|figures|"
    r"audit|study|review)\s+(?:by|from|of)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ATTRIBUTION_AFTER = rx.compile(
    # "Acting Pentagon Press Secretary Todd Breasseale said"
    # ("Department of Education inspector general Kathleen Tighe said")
    r"^(?:'s?)?\s+(?:(?:officials?|spokes(?:man|woman|person)|inspectors?|general|secretary|"
    r"director|administrator|chief|(?-i:[A-Z])[\w.’'-]*)\s+){0,5}"
    r"(?:said|says|estimated|estimates|reported|reports|found|"
    # "fleeing Myanmar following what the UN describes as massive-scale violence"
    r"told|noted|calculated|concluded|wrote|testified|describes|described)\b",
    re.IGNORECASE,
)
_ACCORDING_TO = rx.compile(
    r"\baccording\s+to\s+(?:(?:a|an|the|new|recent)\s+)?(?:(?:estimates?|reports?|data|"
    r"analysis|figures|audit|study)\s+(?:by|from|of)\s+)?(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.'-]*(?:\s+(?:of|for|and|on|the)?\s*[A-Z][\w&.'-]*){0,7})"
)


def _government_of(country: str) -> str:
    the = country.startswith(("United ", "Netherlands", "Philippines", "Dominican", "Czech"))
    return f"Government of {'the ' if the else ''}{country}"


# "The UK has pledged an additional £61 million", "Britain will provide a £21 million
# boost", "Mexico has spent": a country as the subject of a paying verb is its government
_PAYING_VERB = (r"(?:(?:(?:has|have|had|will|would|shall|is|was|also|already|then|now|to|"
                # "He said that the U.S. has actually spent $222 million"
                r"actually|just|only|finally|quietly|reportedly|previously|recently|"
                r"jointly|collectively|together|still)\s+){0,3}"
                r"(?:sent|spent|send|spend|gave|give|gives|given|provided|provide|provides|pledged|"
                r"pledges|extend|extends|extended|"
                r"committed|commits|contribute|contributed|contributes|funded|funds|allocated|"
                # "under which Washington has pumped more than $3 billion into Colombia"
                r"pumped|poured|invested|invests|"
                r"allocates|donated|donates|paid)\b"
                # "the Manitoba government is contributing up to $2.6 million", "New Zealand
                # will be providing an additional $4 million"
                r"|(?:is|are|was|were|will\s+be)\s+(?:also\s+|now\s+)?(?:providing|contributing|"
                r"investing|spending|giving|sending|committing|funding)\b"
                # "The UK has announced £61 million" (not "announced the Merida Initiative"),
                # "The New Zealand government has today announced a further two million dollars"
                r"|(?:(?:has|have|had|also|now|today|will|soon)\s+){0,2}announc(?:ed|es|e)\s+(?:(?:an?|additional|"
                r"extra|further|new|nearly|almost|about|over|more\s+than|up\s+to)\s+)*"
                r"(?=[$€£¥]|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|half)\b))")
# "the U.S. has sent $1 billion", "the United States would provide", "The U.S. has
# announced a new $345 million military aid package": the country as the subject of a
# paying verb is its government paying
# (the verb in any case: a headline's "U.S. Gives Mexico $214 Million")
# ("US officials pledged $100 million": its officials speak for it)
# ("Washington has pumped more than $3 billion": the capital for its government, as the
# subject of a paying verb)
_US_PAYS = rx.compile(r"\b(?:U\.S\.|US|United\s+States|(?<!George )(?<!University of )Washington)"
                      r"(?=\s+(?:officials\s+)?(?i:"
                      + _PAYING_VERB + "))")
_COUNTRY_PAYS = rx.compile(
    r"\b(?P<name>" + _FOREIGN_NAMES
    # "The Canadian government will give $8.3 million"
    + r")(?=\s+(?:(?:federal|national)\s+)?(?:government\s+)?(?:" + _PAYING_VERB + "))")
# "the Manitoba government is contributing": a province's or a state's government, named by
# its place (a country's is its government: _COUNTRY_PAYS)
_PLACE_GOVERNMENT_PAYS = rx.compile(
    r"\b(?!(?:The|Our|Its|This|That|A|An|Every|Each)\b)"
    r"(?P<name>(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)\s+government(?=\s+(?:"
    + _PAYING_VERB + "))")
_COUNTRY_OF_NAME = {n: c for c, names in COUNTRIES.items() for n in names}
# "New Zealand Foreign Minister Nanaia Mahuta made the announcement": a minister speaks
# for the government
_COUNTRY_MINISTER = rx.compile(
    r"\b(?P<name>" + _FOREIGN_NAMES + r")\s+(?:(?:Foreign|Prime|Finance|Aid|Development|"
    r"Deputy\s+Prime|Defen[cs]e|International\s+Development)\s+)Minister\b")
_AID_WORD = rx.compile(r"\s+(?:aid|assistance|grants?|loans?)\b")
_COUNTRY_MONEY = rx.compile(
    r"\b(?P<name>" + _FOREIGN_NAMES + r")(?:"
    # "Australia's humanitarian assistance", "New Zealand's latest humanitarian funding"
    r"[\x27’]s\s+(?:[a-z]+\s+){0,2}(?:assistance|funding|contributions?|support|commitment|aid)"
    # "roughly 2 percent of Mexico’s $10 billion defense budget": its own budget
    r"|[\x27’]s(?=\s+(?:US)?[$€£]\s?[\d.,]+\s*(?:million|billion|trillion)?\s+(?:[a-z]+\s+){0,2}"
    r"budget\b)"
    r"|\s+(?:government\s+)?(?i:resources|funds|money|contributions?|budget\s+resources|"
    # "the Extension of Japanese Grant Aid", "Chinese loans"
    r"grant\s+aid|grants?|loans?|aid))\b")

# Bodies no list names, paying by grammar: "The Levelling Up Fund has awarded £3.5
# million", "Scottish Government support totalling over £2.9 million", "£5 million of
# additional investment from the Football Association". The name is the words themselves.
_CAP = r"[A-Z][\w'’&-]*"
_ORG_HEADS = (r"(?:Government|Department|Ministry|Fund|Foundation|Association|Trust|Council|"
              r"Agency|Bank|Commission|Authority|Lottery|Executive|Endowment)")
_ORG_HEAD = rx.compile(_ORG_HEADS)
# ("The Bill & Melinda Gates Foundation": an ampersand between the names)
_ORG = (rf"(?:{_CAP}\s+(?:&\s+)?){{0,4}}{_ORG_HEADS}"
        rf"(?:\s+(?:for|of)\s+{_CAP}(?:(?:,\s+|\s+and\s+|\s+){_CAP}){{0,5}})?")
_ORG_PAYS = rx.compile(
    # (a name starts with a capital: the engine skips every other place at one test)
    # (a headline's verb capitalized: "The Rockefeller Foundation Pledges US$15 Million")
    rf"\b(?=[A-Z])(?P<name>{_ORG})(?=\s+(?:(?i:{_PAYING_VERB})"
    r"|announces\s+(?:that\s+)?(?:it|they)\s+will\s+(?:commit|provide|give|invest|contribute)\b"
    r"|(?:(?:has|have|had|will|also|now|today)\s+){0,2}(?:awarded|awards|invested|invests|"
    r"granted|grants)\b"
    r"|(?:(?:has|have)\s+)?(?:today\s+)?announced\s+(?:that\s+)?(?:they|it)\s+(?:are|is|"
    r"will\s+be)\s+(?:investing|providing|spending)\b"
    r"|(?:support|funding|investment|grants?|money)\s+(?:totalling|totaling|worth|of)\s))")
_ORG_GIVES = rx.compile(rf"\b(?=[fisgmb])(?:funding|investment|support|grants?|money|"
                        rf"backing)\s+from\s+"
                        rf"(?:the\s+)?(?P<name>{_ORG})")
# "£193,000 in government funding": the government of the story's currency
# (etl/extract/context._home_government), not a state's or a town's
_NOUN_GRANTS_AFTER = rx.compile(r"\s+(?:grants|awards)\b")
_IN_BEFORE = rx.compile(r"\b(?:in|of|for|awarded|awards|announced|announces|received|"
                        r"receives|distributed|through)\s+(?:the\s+)?$")
_GOVERNMENT_MONEY = rx.compile(r"(?=government\s)(?<!state )(?<!local )(?<!city )"
                               r"(?<!county )\bgovernment(?=\s+(?:funding|funds|money|support|"
                               r"grants?)\b)"
                               # "announced a federal investment of approximately $7.9 million"
                               r"|\bfederal(?=\s+(?:investments?|funding|funds|money|support|"
                               r"grants?|contributions?)\b)")


def _org_name(words: str) -> str:
    """The canonical name of a body named by ``words``: a list's name when it has one, the
    bare "Government" as the generic government (the story's currency decides whose)."""
    name = re.sub(r"^(?:The|the)\s+", "", words)
    if name in _AGENCY_OF:
        return _AGENCY_OF[name]
    # "The Australian Government has announced $11 million": that country's government
    country = re.fullmatch(r"(?P<place>.+?)\s+(?:[Ff]ederal\s+)?Government", name)
    if country and country.group("place") in _COUNTRY_OF_NAME \
            and _COUNTRY_OF_NAME[country.group("place")] != "United States":
        return _government_of(_COUNTRY_OF_NAME[country.group("place")])
    return "United States government" if name == "Government" else name


# ("the Agency for International Development's (AID) implementation": a possessive between)
_DEFINED_AFTER = rx.compile(r"(?:[\x27’]s)?\s*\((?P<abbr>[A-Z][A-Za-z.&]{1,11})\)")


_SHORT_DEPARTMENT = rx.compile(r"Department of (?:the )?(Commerce|Interior|Energy|Labor|Education|"
                               r"Agriculture|Transportation)")


# a person's name after a title: "Secretary of State Hillary Rodham Clinton"
_PERSON_AFTER = rx.compile(r"\s+(?:(?:[A-Z][a-z]+|[A-Z]\.)\s+){0,2}(?P<last>[A-Z][a-z]{2,})\b")
_SUBJECT_AFTER = (r"(?=\s+(?:(?:this|last)\s+week\s+|today\s+|on\s+[A-Z]\w+day\s+)?"
                  r"(?:has|had|have|was|is|will|would|did|does|also|planned|intended|"
                  r"obligated|spent|awarded|provided|allocated|allocates|received|decided|"
                  r"adopted|adopts|announced|announces|approved|sets?|gives|gave|pledged|"
                  r"committed)\b|[\x27’]s\b)")
# other bodies' short forms, where the document names the body: the Commission's
# "Commission sets aside EUR 21 million", "the Commissioner announced €32 million"
_SHORT_FORMS = {"European Commission": ("Commission", "Commissioner")}


def _short_forms(name: str) -> tuple[str, ...]:
    """The short forms a document may use for a payer it names: GAO's "Commerce" for the
    Department of Commerce, "the Commission" for the European Commission."""
    department = _SHORT_DEPARTMENT.fullmatch(name)
    return (department.group(1),) if department else _SHORT_FORMS.get(name, ())


def document_aliases(text: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The abbreviations a document defines for the payers it names, as GAO and CRS write
    them: "the Department of State (State)", "the U.S. Agency for International
    Development (USAID)". Within that document the abbreviation names the same payer."""
    found: dict[str, str] = {}
    shorts: set[str] = set()
    named: set[str] = set()
    for m in _AGENCY_RE.finditer(text):
        named.add(_AGENCY_OF[m.group()])
        d = _DEFINED_AFTER.match(text, m.end())
        if d and d.group("abbr") not in _AGENCY_OF:
            found.setdefault(d.group("abbr"), _AGENCY_OF[m.group()])
        # GAO's short forms of a department the document names in full: "the Department of
        # Commerce ... (5) Commerce had obligated $21.1 million"
        for short in _short_forms(_AGENCY_OF[m.group()]):
            if short not in _AGENCY_OF and short not in found:
                found[short] = _AGENCY_OF[m.group()]
                shorts.add(short)
        # "Secretary of State Hillary Clinton ... This week, Secretary Clinton pledged $80
        # million": the person a title names speaks for the title's department after
        if "Secretary" in m.group():
            person = _PERSON_AFTER.match(text, m.end())
            if person and person.group("last") not in _AGENCY_OF:
                found.setdefault("Secretary " + person.group("last"), _AGENCY_OF[m.group()])
                if person.group("last") not in found:
                    found[person.group("last")] = _AGENCY_OF[m.group()]
                    shorts.add(person.group("last"))
    # "Interior this week announced a $45 million investment": the Department's own news
    # names it by its short form alone (not "the Interior Ministry": a subject of a verb)
    if "Interior" not in found and re.search(r"(?<!Ministry of )(?<!Minister of )(?<!the )"
                                             r"\bInterior" + _SUBJECT_AFTER, text):
        found["Interior"] = "Department of the Interior"
        shorts.add("Interior")
    # "The Department's 2001 request for appropriations is $9.2 billion", in the statement of
    # the one department the document names in full: "the Department" is that one
    departments = {name for name in named if name.startswith("Department of")}
    if len(departments) == 1 and "Department" not in found:
        found["Department"] = departments.pop()
        shorts.add("Department")
    if not found:
        return None, {}
    abbreviations = [re.escape(a) for a in found if a not in shorts]
    # a short form only as the subject of a verb ("Commerce had obligated"), not inside a
    # name ("The House Commerce Justice Science Appropriations subcommittee")
    # (not "The Ministry of Interior was granted N362.552 billion": another country's)
    short_forms = [(r"(?<=[Tt]he )" if a == "Department" else
                    r"(?<!President )(?<!Ministry of )(?<!Minister of )(?<!Ministry of the )")
                   + re.escape(a) + _SUBJECT_AFTER for a in shorts]
    return re.compile(r"\b(?:" + "|".join(abbreviations + short_forms) + r")\b"), found


def _mentions(sentence: str, aliases: tuple[re.Pattern[str] | None, dict[str, str]]
              = (None, {})) -> tuple[list[_Mention], list[_Mention], list[_Mention]]:
    """The payers, credited sources and countries a sentence names (``aliases``: the
    abbreviations its document defined, from :func:`document_aliases`)."""
    agencies, sources, countries = [], [], []
    for m in _AGENCY_RE.finditer(sentence):
        if _NOT_AGENCY_AFTER.match(sentence, m.end()):
            continue
        if _FOREIGN_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "the Colombian Army": that country's army, not the U.S. Army
        if sentence.endswith(("non-", "non‑", "Non-"), 0, m.start()):
            continue  # "$7 billion for additional non-Pentagon defense related activities"
        mention = _Mention(m.start(), m.end(), _AGENCY_OF[m.group()], "agency")
        agencies.append(_Mention(m.start(), m.end(), mention.name, "agency",
                                 _is_attribution(sentence, mention)))
    pattern, names = aliases
    if pattern is not None:
        for m in pattern.finditer(sentence):
            if any(a.start <= m.start() < a.end for a in agencies):
                continue
            mention = _Mention(m.start(), m.end(), names[m.group()], "agency")
            agencies.append(_Mention(m.start(), m.end(), mention.name, "agency",
                                     _is_attribution(sentence, mention)))
    for m in _US_AID_RE.finditer(sentence):
        agencies.append(_Mention(m.start(), m.end(), "United States government", "agency"))
    for m in _US_PAYS.finditer(sentence):
        if not any(a.start == m.start() for a in agencies):
            agencies.append(_Mention(m.start(), m.end(), "United States government",
                                     "agency"))
    for m in _COUNTRY_RE.finditer(sentence):
        countries.append(_Mention(m.start(), m.end(), _COUNTRY_OF[m.group()], "country"))
    # (a country's resources, or a country paying, only where a country other than the United
    # States is named: most sentences name none, and these scans cost)
    foreign = any(c.name != "United States" for c in countries)
    for m in _COUNTRY_MONEY.finditer(sentence) if foreign else ():
        # "President Pastrana has pledged $4 billion of Colombian resources" (but "nearly $61
        # billion in Ukraine aid" is aid to Ukraine: a country's own name before "aid" is
        # where it goes, its adjective, "Japanese aid", who gives it)
        if m.group("name") == _COUNTRY_OF_NAME.get(m.group("name")) and _AID_WORD.match(
                sentence, m.end("name")):
            continue
        if not any(a.start <= m.start() < a.end for a in agencies):
            agencies.append(_Mention(m.start(), m.end(),
                                     _government_of(_COUNTRY_OF_NAME[m.group("name")]),
                                     "agency"))
    for m in _COUNTRY_MINISTER.finditer(sentence) if foreign else ():
        if not any(a.start <= m.start() < a.end for a in agencies):
            agencies.append(_Mention(m.start(), m.end(),
                                     _government_of(_COUNTRY_OF_NAME[m.group("name")]),
                                     "agency"))
    for m in _COUNTRY_PAYS.finditer(sentence) if foreign else ():
        if not any(a.start <= m.start() < a.end for a in agencies):
            agencies.append(_Mention(m.start(), m.end(),
                                     _government_of(_COUNTRY_OF_NAME[m.group("name")]),
                                     "agency"))
    for m in _PLACE_GOVERNMENT_PAYS.finditer(sentence) if " government " in sentence else ():
        place = m.group("name")
        if place in _COUNTRY_OF_NAME or any(
                a.start <= m.start() < a.end for a in agencies):
            continue
        agencies.append(_Mention(m.start(), m.end(), _government_of(place), "agency"))
    # (each tried only where its words are: most sentences name no such body)
    for pattern in ((_ORG_PAYS,) if _ORG_HEAD.search(sentence) else ()) + (
            (_ORG_GIVES,) if " from " in sentence else ()):
        for m in pattern.finditer(sentence):
            start = m.start("name") + (4 if sentence.startswith(("The ", "the "),
                                                                 m.start("name")) else 0)
            # (not a bare "the Department", "the Agency": no name, unless the document
            # defined it as one, which its aliases read)
            if sentence[start : m.end("name")] != "Government" and _ORG_HEAD.fullmatch(
                    sentence, start, m.end("name")):
                continue
            # (not a program's name before its grants, a noun: "more than $86 million in
            # Industry-Driven Skills Training Fund grants to 14 states")
            if _NOUN_GRANTS_AFTER.match(sentence, m.end("name")) and _IN_BEFORE.search(
                    sentence, max(0, start - 12), start):
                continue
            if not any(a.start < m.end("name") and start < a.end for a in agencies):
                agencies.append(_Mention(start, m.end("name"), _org_name(m.group("name")),
                                         "agency"))
    for m in _GOVERNMENT_MONEY.finditer(sentence) if "government " in sentence \
            or "federal " in sentence else ():
        if not any(a.start <= m.start() < a.end for a in agencies):
            agencies.append(_Mention(m.start(), m.end(), "United States government", "agency"))
    for m in _MEMBER_SECURED.finditer(sentence):
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    for m in _BILL_RE.finditer(sentence):
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    for m in _LAW_PAYS.finditer(sentence) if "aw" in sentence or "Act" in sentence else ():
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    for m in _ACT_AUTHORIZES.finditer(sentence) if "by" in sentence else ():
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    for m in _RECOMMENDATION.finditer(sentence) if "ecommendation" in sentence else ():
        agencies.append(_Mention(m.start(), m.end(), "U.S. Congress", "agency"))
    agencies.sort(key=lambda a: a.start)
    for m in _SOURCE_RE.finditer(sentence):
        sources.append(_Mention(m.start(), m.end(), _SOURCE_OF[m.group()], "source"))
    return agencies, sources, countries


def _is_attribution(sentence: str, m: _Mention) -> bool:
    before = sentence[max(0, m.start - 80) : m.start]
    return bool(_ATTRIBUTION_BEFORE.search(before) or _ATTRIBUTION_AFTER.match(sentence[m.end :]))




# a numbered item that is a clause of its own ("; (5) Commerce had obligated $21.1 million"):
# a payer named in an item before it is not its payer
_OWN_ITEM = rx.compile(r";\s+(?:and\s+|or\s+)?\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s[^;$]*?\b"
                       r"(?:had|has|have|was|were|is|are|did|does|will|would|planned|intended)\b"
                       r"[^;]*$")


_GOES_TO = rx.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:to|for|into)\s+"
                      r"(?:both\s+|each\s+of\s+|all\s+of\s+)?(?:the\s+)?(?:[^.;$€£()]{0,100}?(?:,\s+|\s+and\s+)(?:the\s+)?)?")
# a name followed by its verb is the subject of a clause of its own, not an item of a list
_ACTS_AFTER = rx.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:has|had|have|was|is|will|would|also|"
                         r"announced|said|says|provided|provides|pledged|committed|gave|gives)\b")


# "INL allocated about $542 million and USAID allocated about $182 million": a payer after
# the figure that opens a clause of its own pays that clause's money
_NEXT_CLAUSE = rx.compile(r"[^$.;,]{0,40}?,?\s+(?:and|but|while|whereas)\s+(?:the\s+)?")
_PAYS_AFTER = rx.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:also\s+)?(?:(?:has|have|had)\s+)?"
                         r"(?:allocated|obligated|disbursed|provided|spent|gave|committed|"
                         r"pledged|awarded|contributed|granted|invested)\b")


def _funder(sentence: str, fig: Money, agencies: list[_Mention],
            sources: list[_Mention]) -> str | None:
    source_spans = [(s.start, s.end) for s in sources]
    candidates = [a for a in agencies
                  if not any(s <= a.start < e for s, e in source_spans)
                  and a.name not in SOURCES and not _not_a_payer(sentence, a, agencies)
                  # "(5) Commerce had obligated $21.1 million ...; (6) the Army planned":
                  # the next numbered item's subject is not this item's
                  and not (a.start >= fig.end and _NEXT_ITEM.search(sentence, fig.end, a.start))
                  # "the Bipartisan Infrastructure Law makes a $45 million investment in Tribal
                  # communities ...; the Bureau of Land Management proposes steps ...": a
                  # later item of a list is another item's subject
                  and not (a.start >= fig.end and ";" in sentence[fig.end : a.start])
                  # "$28 billion ... higher than the $858 billion defense budget Congress
                  # enacted": who made the figure compared with
                  and not (a.start >= fig.end
                           and _THAN_A_FIGURE.search(sentence, fig.end, a.start))
                  and not (a.end <= fig.start and _OWN_ITEM.search(sentence, a.end, fig.start))
                  # "half a million dollars each to the Red Cross, the UN High Commission for
                  # Refugees (UNHCR) and ...", "$300,000 will go to both the UN's Office ...":
                  # what the money goes to, each of a list, receives it
                  and not (a.start >= fig.end and _GOES_TO.fullmatch(sentence, fig.end, a.start)
                           and not _ACTS_AFTER.match(sentence, a.end))
                and not (a.start >= fig.end and _OF_THE_WHOLE.search(sentence, 0, fig.start)
                         and "," in sentence[fig.end : a.start])]
    if not candidates:
        return None
    plain = [a for a in candidates if not a.attributed]
    pool = plain or candidates

    def score(a: _Mention) -> int:
        s = _distance(a, fig)
        if 0 <= a.start - fig.end <= 80 and _AGENT_BEFORE.match(sentence, fig.end, a.start):
            s -= 1000  # "the $750 million approved by the U.S. Congress": the agent pays
        if 0 <= a.start - fig.end <= 80 and _REQUESTED_IN.search(sentence, fig.end, a.start) \
                and "$" not in sentence[fig.end : a.start]:
            s -= 1000  # "restore $57.9 million in counternarcotics support to Colombia
            # requested in President Bush's fiscal year 2004 budget plan": who asked
        # "the United States" is most often the country; "U.S. agencies", "the U.S.
        # government" name the payer as such
        if a.name == "United States government" and not _GOVERNMENT_WORDS.search(
                sentence, a.start, a.end) and not _US_PAYS.match(sentence, a.start) \
                and not _US_AID_RE.match(sentence, a.start):
            s += 150
        if a.name == "U.S. Congress":
            s += 40
        if a.start >= fig.end and _NEXT_CLAUSE.fullmatch(sentence, fig.end, a.start) \
                and _PAYS_AFTER.match(sentence, a.end):
            s += 200
        return s

    best = min(pool, key=score)
    # "through the Department of State and the U.S. Agency for International Development",
    # "State (State) and USAID obligated": agencies paying jointly are the government
    # they belong to
    if _not_american(best.name):
        return best.name
    if _DEPARTMENTS_BEFORE.search(sentence, max(0, best.start - 160), best.start):
        return "United States government"
    joint = _JOINT_AFTER.match(sentence, best.end)
    if joint and any(a.start == joint.end() and a.name != best.name
                     and not _not_american(a.name) for a in agencies):
        return "United States government"
    if any(a.name != best.name and a.end <= best.start and a.name not in SOURCES
           and not _not_american(a.name)
           and _JOINT_BETWEEN.fullmatch(sentence, a.end, best.start) for a in agencies):
        return "United States government"
    return best.name


_INTERNATIONAL = frozenset({"World Bank", "Inter-American Development Bank",
                            "International Monetary Fund", "United Nations", "European Union",
                            "European Commission"})


def _not_american(name: str) -> bool:
    """Whether a payer is another country's government or an international body (two of
    them paying jointly are not the U.S. government)."""
    return name.startswith("Government of") or name in _INTERNATIONAL


def _funder_mention(sentence: str, fig: Money, agencies: list[_Mention],
                    sources: list[_Mention], funder: str | None) -> str | None:
    """The words in the sentence that named the payer ``funder``."""
    if funder is None:
        return None
    named = [a for a in agencies if a.name == funder]
    if not named:
        return funder
    best = min(named, key=lambda a: _distance(a, fig))
    return sentence[best.start : best.end]


_WH_STAFF_AFTER = rx.compile(r"\s+(?:Deputy\s+)?(?:Chief\s+of\s+Staff|[Pp]ress\s+[Ss]ecretary|"
                             r"[Ss]pokes(?:man|woman|person)|[Cc]ounsel|(?:[Ss]enior\s+)?"
                             r"[Aa]dvis[eo]r|[Aa]ide|[Cc]oordinator)\b")


_BILLS_OWN_NOT_MONEY = rx.compile(r"[’\x27]s\s+(?!(?:funding|funds|money|appropriations?|"
                                  r"spending|budget|total|allocation)\b|[$€£\d])")
# (not "approved by the 118th Congress": the agent that pays)
_A_CONGRESS_BEFORE = rx.compile(r"\b(?:during|in|over|throughout|since|before|after)\s+the\s+"
                                r"(?:last|previous|past|current|present|this|next|new|"
                                r"\d+(?:st|nd|rd|th)|[A-Z][a-z]+-[a-z]+)\s+$", re.IGNORECASE)
_TIME_OF_BEFORE = rx.compile(r"\b(?:beginning|start|end|outset|first\s+year|days?)\s+of\s+"
                             r"(?:the\s+)?$", re.IGNORECASE)
_WHERE_BEFORE = rx.compile(r"\b(?:outside|inside|within|across|throughout|in|into)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
# "signed into law by President Joe Biden": the signer, named after the verb
_SIGNER_BEFORE = rx.compile(r"\b[Ss]igned\s+(?:into\s+law\s+)?by\s+(?:the\s+)?$")
_POSSESSIVE_END = rx.compile(r"[\x27’]s\s+$")
_SIGNER_AFTER = rx.compile(r"(?:\s+\w+){0,2}\s+(?:signed|signs|will\s+sign|"
                           r"is\s+expected\s+to\s+sign|vetoed|vetoes)\b", re.IGNORECASE)


_BY_OTHERS = rx.compile(r"\bby\s+(?:the\s+|other\s+)?(?:[A-Z][\w.]*\s+and\s+(?:the\s+)?)?$")
# "to support the Government of Mexico’s security forces", "Complementing the Government of
# Mexico's effort": whom the money helps, not who pays it
_HELPED_BEFORE = rx.compile(r"\b(?:to\s+(?:support|complement|assist|help|strengthen|bolster)|"
                            r"supporting|complementing|assisting|helping|strengthening|"
                            r"bolstering)\s+(?:the\s+)?$", re.IGNORECASE)
# "trafficking $40 billion worth of illegal drugs annually to the U.S.": where it goes
_DESTINATION_END = rx.compile(r"\s*(?:[.,;:]|$)")
_ADMINISTERED_BY = rx.compile(r"\b(?:administered|managed|implemented|executed|overseen)\s+by\s+"
                              r"(?:the\s+)?(?=$|\w)")


# "President Biden's Bipartisan Infrastructure Law", "President Biden's Investing in America
# Agenda": the President names the law or agenda; its money is not the President's to pay
_LAW_OF = rx.compile(r"(?:\s+[A-Z][\w.-]*){0,2}[\x27’]s\s+"
                     r"(?:(?:(?:[A-Z][\w-]*|in|for|and|of|the|to|on)\s+){1,8}?(?:Law|Act|Agenda)"
                     # "President Biden’s infrastructure law", "... Investing in America agenda"
                     r"|(?:(?!(?:budget|request|proposal|plan)\b)[\w-]+\s+){1,5}?(?:law|agenda))\b")


def _not_a_payer(sentence: str, m: _Mention, others: list[_Mention]) -> bool:
    """An agency named as the recipient ("$5 million for USAID") or the addressee ("asked
    Congress for") of the money, not its payer (``others``: the sentence's payer mentions,
    ``m`` among them)."""
    before = sentence[max(0, m.start - 40) : m.start]
    if _ADDRESSEE_BEFORE.search(before):
        return True
    if before.endswith("("):  # "(USAID)" restates the name before it, already weighed
        return True
    if any(a <= m.start < b for a, b in _baseline_spans(sentence)):
        return True  # "above the President's request": the baseline's author
    if re.search(r"\bthrough\s+(?:the\s+)?$", before) and re.match(r"(?:\s*\([^()]{1,12}\))?,",
                                                                 sentence[m.end :]):
        return True  # "HHS, through the Health Resources and Services Administration (HRSA),
        # announced": the channel the subject pays through
    if re.search(r"\b(?:implementing|enacting|under)\s+$", before):
        return True  # "implementing the bill would cost": what is costed, not who pays
    if _ADMINISTERED_BY.search(before) or (_BY_OTHERS.search(before)
                                           and _ADMINISTERED_BY.search(sentence, 0, m.start)):
        return True  # "of which $48.43 billion will be administered by the DoD, nearly
        # $11.62 billion by State and USAID": they spend what the law provides
    if _COORDINATED_RECIPIENT.search(sentence[max(0, m.start - 120) : m.start]):
        return True
    if _RECIPIENT_AFTER.match(sentence, m.end):
        return True
    if re.search(r"\b(?:provided|provides|provide|gave|gives|give|granted|grants|awarded|"
                 r"supplied|supplies)\s+(?:the\s+)?$", before) and re.match(
                     r"(?:\s*\([^()]{1,40}\))?\s+with\b", sentence[m.end :]):
        return True  # "Congress has provided the Department of Defense (DOD) with $86.8
        # billion": what is provided with money receives it
    if re.search(r"\b(?:given|gave|give|gives|giving|sent|send|sends|granted)\s+(?:the\s+)?$",
                 before) and _FIGURE_NEXT.match(sentence, m.end):
        return True  # "the U.S. had given the Mexican government $2.35 billion": who got it
    if re.search(r"\bwhat\s+(?:the\s+)?$", before):
        return True  # "following what the UN describes as massive-scale violence"
    if _HELPED_BEFORE.search(before):
        return True
    if m.name == "United States government" and re.search(r"\bto\s+(?:the\s+)?$", before) \
            and _DESTINATION_END.match(sentence, m.end):
        return True
    if _TIME_OF_BEFORE.search(before):
        return True  # "since the beginning of the Biden Administration": a time
    if m.name == "White House" and _WH_STAFF_AFTER.match(sentence, m.end) and any(
            a.name != "White House" and not a.attributed for a in others):
        return True  # "U.S. Transportation Secretary Pete Buttigieg and White House Deputy
        # Chief of Staff Natalie Quillian held a virtual news conference to announce $1.8
        # billion": a staff member's house, beside the department that pays
    if m.name == "U.S. Congress" and _A_CONGRESS_BEFORE.search(before):
        return True  # "During the last Congress, three trillion dollars was spent": a time
    if m.name == "U.S. Congress" and _BILLS_OWN_NOT_MONEY.match(sentence, m.end) and \
            sentence[m.start : m.end].lower().endswith(("bill", "legislation", "measure")):
        return True  # "it would cost less than $500,000 to comply with the bill's reporting
        # requirements": what the bill requires, not what it pays
    owner = _POSSESSIVE_END.search(before)
    if owner and any(a.end() == owner.start() for a in _AGENCY_RE.finditer(before)):
        return True  # "the U.S. Department of Agriculture’s Forest Service": the department's
    if _LAW_OF.match(sentence, m.end):
        return True  # "from President Biden's Investing in America Agenda": the law's name
    if _SIGNER_BEFORE.search(before):
        return True  # "signed into law by President Joe Biden": who signs a law does not pay
    if _SIGNER_AFTER.match(sentence, m.end):
        return True  # "President Biden signed it": who signs a law does not pay under it
    if m.name == "United States government" and _WHERE_BEFORE.search(before) \
            and not _GOVERNMENT_MONEY.match(sentence, m.start) \
            and not _US_AID_RE.match(sentence, m.start):
        return True  # "activities outside the United States": a place, not a payer
        # (but "£193,000 in government funding", "more than $6 billion in U.S. aid" are
        # the government's money)
    if m.name == "White House" and sentence[m.start : m.end].lower() == "the administration" \
            and re.match(r"\s+of\b", sentence[m.end :]):
        return True  # "the administration of justice": a task, not the Administration
    # (the U.S. government after "for" pays, "U.S. aid for", unless it is the owner of what is
    # funded: "for the U.S. Government's Ukraine response")
    return bool(_RECIPIENT_BEFORE.search(before)) and (
        m.name != "United States government" or bool(re.match(r"[\x27’]s\b", sentence[m.end :])))


def _recipient(sentence: str, fig: Money, countries: list[_Mention],
               funder: str | None) -> str | None:
    foreign_funder = _not_american(funder or "")
    pool = []
    for c in countries:
        if c.name == "United States" and not foreign_funder:
            continue
        if funder == _government_of(c.name):
            continue  # "Canada will provide $119 million": the payer, not the recipient
        pool.append(c)
    if not pool:
        return None

    def score(c: _Mention) -> int:
        s = _distance(c, fig)
        before = sentence[max(0, c.start - 12) : c.start].lower()
        if re.search(r"\b(?:to|for|in|into|with)\s+(?:the\s+)?$", before):
            s -= 40
        if sentence[c.end : c.end + 2] in {"'s", "’s"}:
            s -= 20
        return s

    return min(pool, key=score).name


def _attributed_source(
    sentence: str, agencies: list[_Mention], sources: list[_Mention]
) -> str | None:
    if sources:
        return sources[0].name
    for a in agencies:
        if a.attributed:
            return a.name
    m = _ACCORDING_TO.search(sentence)
    if m:
        return m.group("name").rstrip(".")
    return None


def _currency(fig: Money, countries: list[_Mention]) -> str:
    if fig.currency_word and fig.currency_word.lower() in AMBIGUOUS_CURRENCY_WORDS:
        table = AMBIGUOUS_CURRENCY_WORDS[fig.currency_word.lower()]
        named = [table[c.name] for c in countries if c.name in table]
        return named[0] if len(set(named)) == 1 else "XXX"
    return fig.currency


_THAN_A_FIGURE = rx.compile(r"\b(?:less|more|lower|higher|greater|fewer|smaller|larger|bigger)"
                            r"\s+than\s+(?:the|its|their)\s+(?:US)?[$€£][^;:$]*$",
                            re.IGNORECASE)
_AND_BETWEEN = rx.compile(r"\s*(?:\([^()]{1,40}\))?,?\s+and\s+(?:the\s+)?")
_FIGURES_AND = rx.compile(r",?\s+and\s+")
_RESPECTIVELY = rx.compile(r",?\s+respectively\b")


def _respective_payers(sentence: str, money: list[Money], agencies: list[_Mention]
                       ) -> dict[int, _Mention]:
    """"USAID and State plan to allocate $770 million and $148 million, respectively": the
    first figure is the first payer's, the second the second's (by each figure's start)."""
    out: dict[int, _Mention] = {}
    for a, b in itertools.pairwise(money):
        if not (_FIGURES_AND.fullmatch(sentence, a.end, b.start)
                and _RESPECTIVELY.match(sentence, b.end)):
            continue
        named = [m for m in agencies if m.end <= a.start]
        for x, y in itertools.pairwise(named):
            if x.name != y.name and _AND_BETWEEN.fullmatch(sentence, x.end, y.start) \
                    and "$" not in sentence[y.end : a.start]:
                out[a.start], out[b.start] = x, y
    return out

