"""Word lists the extractor reads: agencies, countries, cue words.

Kept apart from the matching code so that a reviewer can see, and extend, every name the
extractor knows without reading regular expressions.
"""

from __future__ import annotations

# Canonical funder or source name -> the ways reporting refers to it (case-sensitive
# alternations are compiled with word boundaries; order inside a list does not matter).
AGENCIES: dict[str, list[str]] = {
    "Department of Defense": [
        "Department of Defense", "Defense Department", "Pentagon", "DoD", "DOD",
        "U.S. military", "US military", "American military", "Defense Secretary",
        "Secretary of Defense", "Northern Command", "Southern Command", "Northcom",
        "Southcom", "NORTHCOM", "SOUTHCOM", "U.S. Army", "U.S. Navy", "U.S. Air Force",
        "Department of the Navy", "Department of the Army", "Department of the Air Force",
        "Navy", "Army", "Air Force", "Marine Corps",
        "Defense Security Cooperation Agency", "Joint Task Force North",
    ],
    "Department of State": [
        "Department of State", "State Department", "State Dept.", "Secretary of State",
        "Bureau of International Narcotics and Law Enforcement Affairs", "INL",
    ],
    "U.S. Agency for International Development": [
        "U.S. Agency for International Development", "Agency for International Development",
        "USAID",
    ],
    "Department of Homeland Security": [
        "Department of Homeland Security", "Homeland Security Department", "DHS",
        "Customs and Border Protection", "Border Patrol", "CBP", "Coast Guard",
        "Immigration and Customs Enforcement", "ICE",
    ],
    "Department of Justice": [
        "Department of Justice", "Justice Department", "DOJ", "Drug Enforcement Administration",
        "DEA", "FBI", "Federal Bureau of Investigation", "ATF",
        "Bureau of Alcohol, Tobacco, Firearms and Explosives",
    ],
    "Department of the Treasury": ["Department of the Treasury", "Treasury Department", "Treasury"],
    "U.S. Congress": ["Congress", "House Appropriations Committee",
                      "Senate Appropriations Committee", "Appropriations Committee",
                      "lawmakers", "the House", "the Senate", "appropriators",
                      "House of Representatives", "U.S. House", "U.S. Senate",
                      "House appropriators", "Senate appropriators", "the bill", "The bill",
                      "the legislation", "The legislation", "the omnibus", "the measure"],
    "White House": ["White House", "Obama administration", "Bush administration",
                    "Trump administration", "Biden administration", "Clinton administration",
                    "Reagan administration", "the administration",
                    "Office of Management and Budget", "OMB", "the President", "President Bush",
                    "President Obama", "President Clinton", "President Trump", "President Biden",
                    "President’s Budget", "President's Budget", "President’s budget",
                    "President's budget", "the Budget", "The Budget", "Budget Request",
                    "the Request", "The Request"],
    "Department of Health and Human Services": [
        "Department of Health and Human Services", "Health and Human Services", "HHS"],
    "Centers for Disease Control and Prevention": [
        "Centers for Disease Control and Prevention", "CDC"],
    "General Services Administration": ["General Services Administration", "GSA"],
    "Department of Transportation": ["Department of Transportation", "DOT"],
    "Department of Agriculture": ["Department of Agriculture", "Agriculture Department",
                                  "USDA"],
    "Department of Energy": ["Department of Energy", "Energy Department", "DOE"],
    "Department of Education": ["Department of Education", "Education Department"],
    "Environmental Protection Agency": ["Environmental Protection Agency", "EPA"],
    "Millennium Challenge Corporation": ["Millennium Challenge Corporation", "MCC"],
    "European Commission": ["European Commission"],
    "Government of Mexico": ["Mexican government", "government of Mexico", "Calderón government",
                             "Calderon government", "Mexico's government"],
    "World Bank": ["World Bank"],
    "Inter-American Development Bank": ["Inter-American Development Bank", "IDB"],
    "International Monetary Fund": ["International Monetary Fund", "IMF"],
    "United Nations": ["United Nations", "U.N.", "UN"],
    "European Union": ["European Union", "EU", "E.U."],
    "United States government": ["United States", "U.S. government", "US government",
                                 "Washington", "American taxpayers", "U.S. taxpayers"],
}

# Bodies that report, audit or estimate figures; named after "according to" or as the
# subject of "estimated", "reported", "found". Canonical name -> variants.
SOURCES: dict[str, list[str]] = {
    "Government Accountability Office": ["Government Accountability Office", "GAO",
                                         "General Accounting Office"],
    "Congressional Research Service": ["Congressional Research Service", "CRS"],
    "Congressional Budget Office": ["Congressional Budget Office", "CBO"],
    "Office of Inspector General": ["Inspector General", "inspector general", "OIG"],
    "Office of Management and Budget": ["Office of Management and Budget", "OMB"],
    "Washington Office on Latin America": ["Washington Office on Latin America", "WOLA"],
    "Center for Strategic and International Studies": [
        "Center for Strategic and International Studies", "CSIS"],
}

# Country -> names and adjectives that point at it.
COUNTRIES: dict[str, list[str]] = {
    "Mexico": ["Mexico", "Mexican", "Mexicans"],
    "United States": ["United States", "U.S.", "US", "American", "Americans"],
    "Canada": ["Canada", "Canadian"],
    "Guatemala": ["Guatemala", "Guatemalan"],
    "Honduras": ["Honduras", "Honduran"],
    "El Salvador": ["El Salvador", "Salvadoran"],
    "Nicaragua": ["Nicaragua", "Nicaraguan"],
    "Costa Rica": ["Costa Rica", "Costa Rican"],
    "Panama": ["Panama", "Panamanian"],
    "Belize": ["Belize", "Belizean"],
    "Colombia": ["Colombia", "Colombian"],
    "Venezuela": ["Venezuela", "Venezuelan"],
    "Ecuador": ["Ecuador", "Ecuadorian", "Ecuadoran"],
    "Peru": ["Peru", "Peruvian"],
    "Bolivia": ["Bolivia", "Bolivian"],
    "Brazil": ["Brazil", "Brazilian"],
    "Argentina": ["Argentina", "Argentine", "Argentinian"],
    "Chile": ["Chile", "Chilean"],
    "Paraguay": ["Paraguay", "Paraguayan"],
    "Uruguay": ["Uruguay", "Uruguayan"],
    "Haiti": ["Haiti", "Haitian"],
    "Dominican Republic": ["Dominican Republic", "Dominican"],
    "Jamaica": ["Jamaica", "Jamaican"],
    "Cuba": ["Cuba", "Cuban"],
    "Afghanistan": ["Afghanistan", "Afghan"],
    "Iraq": ["Iraq", "Iraqi"],
    "Pakistan": ["Pakistan", "Pakistani"],
    "Israel": ["Israel", "Israeli"],
    "Egypt": ["Egypt", "Egyptian"],
    "Jordan": ["Jordan", "Jordanian"],
    "Ukraine": ["Ukraine", "Ukrainian"],
    "Syria": ["Syria", "Syrian"],
    "Yemen": ["Yemen", "Yemeni"],
    "Somalia": ["Somalia", "Somali"],
    "Nigeria": ["Nigeria", "Nigerian"],
    "Kenya": ["Kenya", "Kenyan"],
    "Philippines": ["Philippines", "Philippine", "Filipino"],
    "Indonesia": ["Indonesia", "Indonesian"],
    "India": ["India", "Indian"],
    "China": ["China", "Chinese"],
    "Japan": ["Japan", "Japanese"],
    "South Korea": ["South Korea", "South Korean"],
    "Taiwan": ["Taiwan", "Taiwanese"],
    "Vietnam": ["Vietnam", "Vietnamese"],
    "Thailand": ["Thailand", "Thai"],
    "United Kingdom": ["United Kingdom", "Britain", "British", "U.K.", "UK"],
    "France": ["France", "French"],
    "Germany": ["Germany", "German"],
    "Poland": ["Poland", "Polish"],
    "Russia": ["Russia", "Russian"],
    "Turkey": ["Turkey", "Turkish"],
    "Iran": ["Iran", "Iranian"],
    "Lebanon": ["Lebanon", "Lebanese"],
    "Liberia": ["Liberia", "Liberian"],
    "Sudan": ["Sudan", "Sudanese"],
    "South Sudan": ["South Sudan"],
    "Ethiopia": ["Ethiopia", "Ethiopian"],
    "Uganda": ["Uganda", "Ugandan"],
    "Mali": ["Mali", "Malian"],
    "Niger": ["Niger", "Nigerien"],
    "Georgia": ["Republic of Georgia"],
}

# Currency words and symbols -> ISO 4217 code. "$" alone is read as U.S. dollars.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "USD": "USD", "$": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "HK$": "HKD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₹": "INR", "INR": "INR", "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "COP": "COP",
    "KSh": "KES", "Ksh": "KES", "KES": "KES", "₦": "NGN", "NGN": "NGN", "ZAR": "ZAR",
    "GH₵": "GHS", "₵": "GHS", "Rp": "IDR", "₱": "PHP", "R": "ZAR",
}
# Letters that are a currency only when digits follow at once: "N5 billion" (naira).
CURRENCY_PREFIX_LETTERS: dict[str, str] = {"N": "NGN"}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "U.S. dollars": "USD", "US dollars": "USD",
    "American dollars": "USD", "Canadian dollars": "CAD", "Australian dollars": "AUD",
    "Hong Kong dollars": "HKD", "Mexican pesos": "MXN", "Colombian pesos": "COP",
    "Argentine pesos": "ARS", "Chilean pesos": "CLP", "Philippine pesos": "PHP",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "British pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "Indian rupees": "INR",
    "rubles": "RUB", "roubles": "RUB", "Swiss francs": "CHF", "reais": "BRL", "quetzales": "GTQ",
    "lempiras": "HNL", "pesos": "MXN",
}
# "pesos" alone is Mexican only when the sentence is about Mexico; otherwise the figure is
# kept with currency "XXX" (ISO 4217's code for "no currency known") rather than guessed.
AMBIGUOUS_CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "pesos": {"Mexico": "MXN", "Colombia": "COP", "Argentina": "ARS", "Chile": "CLP",
              "Philippines": "PHP", "Cuba": "CUP", "Dominican Republic": "DOP"},
}

SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "M": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

# Words before an amount -> qualifier. Longest phrases are tried first.
QUALIFIER_BEFORE: dict[str, str] = {
    "about": "approximate", "nearly": "approximate", "roughly": "approximate",
    "almost": "approximate", "some": "approximate", "around": "approximate",
    "approximately": "approximate", "close to": "approximate", "an estimated": "approximate",
    "circa": "approximate", "approx.": "approximate", "just about": "approximate",
    "more than": "lower_bound", "over": "lower_bound", "at least": "lower_bound",
    "upwards of": "lower_bound", "upward of": "lower_bound", "in excess of": "lower_bound",
    "no less than": "lower_bound", "not less than": "lower_bound", "a minimum of": "lower_bound",
    "just over": "lower_bound", "well over": "lower_bound", "exceeding": "lower_bound",
    "as little as": "lower_bound", "above": "lower_bound", "a little more than": "lower_bound",
    "slightly more than": "lower_bound", "well above": "lower_bound",
    "less than": "upper_bound", "under": "upper_bound", "up to": "upper_bound",
    "as much as": "upper_bound", "would not exceed": "upper_bound", "not to exceed": "upper_bound",
    "not exceed": "upper_bound", "no more than": "upper_bound", "not more than": "upper_bound",
    "a maximum of": "upper_bound", "at most": "upper_bound", "below": "upper_bound",
    "capped at": "upper_bound", "just under": "upper_bound", "fewer than": "upper_bound",
    "slightly less than": "upper_bound", "a little less than": "upper_bound",
    "will not exceed": "upper_bound", "cannot exceed": "upper_bound", "as high as": "upper_bound",
}
QUALIFIER_AFTER: dict[str, str] = {
    "or more": "lower_bound", "or higher": "lower_bound", "-plus": "lower_bound",
    "plus": "lower_bound", "+": "lower_bound", "and up": "lower_bound",
    "or less": "upper_bound", "or fewer": "upper_bound", "at most": "upper_bound",
    "or so": "approximate",
}

# Status cues: status -> regular expressions (case-insensitive). See etl.extract for how
# the nearest cue to a figure wins.
# Every stage a figure can have, in one place, with what it means (the data dictionary,
# the review table, the claims and the charts read this).
STAGES: dict[str, str] = {
    "reported": "an amount given as fact, with no stage named",
    "estimated": "an estimate or projection (GAO, CBO and the like)",
    "proposed": "a plan or proposal, not yet asked of the payer",
    "requested": "asked for in a budget request",
    "authorized": "allowed by an authorization law (a ceiling, not money)",
    "passed_chamber": "in a bill one chamber of Congress has passed",
    "appropriated": "provided in an appropriation law",
    "obligated": "committed by contract or grant",
    "disbursed": "paid out (disbursed, expended, spent)",
}

STATUS_CUES: dict[str, list[str]] = {
    # Budget stages, after ForeignAssistance.gov: requested and proposed (plans),
    # authorized (a ceiling in law), passed one chamber, appropriated (law), then the
    # financial stages obligated and disbursed.
    # (the longer cue first: an alternation takes the first branch that matches)
    "authorized": [r"\bauthorized to be appropriated\b",
                   r"\b(?:re)?authoriz(?:e|es|ed|ing|ation)\b"],
    "passed_chamber": [r"\bpassed (?:by )?the (?:U\.S\. )?(?:House|Senate)\b",
                       r"\b(?:House|Senate)[- ]passed\b",
                       r"\bthe (?:House|Senate) (?:passed|approved)\b"],
    "obligated": [r"\bobligat(?:ed|es|ing|ions?)\b", r"\bhave been awarded\b",
                  r"\b(?:has|have|had) awarded\b", r"\bawards? \$",
                  r"\b(?:was|were) awarded\b", r"\bawarded (?:a|an|the)?\s?contracts?\b"],
    "disbursed": [r"\bdisburs(?:e|ed|es|ing|ements?)\b", r"(?<!until )\bexpended\b",
                  r"\bpaid out\b", r"\boutlays?\b"],
    "appropriated": [r"\bappropriated\b(?! (?:funds|money|dollars))", r"\bappropriates\b",
                     r"\bappropriations? (?:made|act|law|measure|package)\b",
                     r"\benacted\b", r"\bcleared by both\b", r"\bcleared the\b",
                     r"\bpassed both (?:houses|chambers)\b", r"\bsigned into law\b",
                     r"\bCongress (?:approved|passed|provided)\b",
                     r"\b(?:approved|passed) by Congress\b",
                     r"\bomnibus appropriations\b(?! bill passed by the (?:House|Senate))"],
    "requested": [r"\brequest(?:s|ed|ing)?\b", r"\bask(?:s|ed|ing)? (?:\w+ )?for\b",
                  r"\bis seeking\b", r"\bsought\b", r"\bseeks\b",
                  r"\b(?:the )?Budget (?:provides|includes|reflects|proposes|would)\b",
                  r"\bcalls? on (?:\w+ ){1,4}to release\b"],
    "proposed": [r"\bpropos(?:e|ed|es|al|als|ing)\b", r"\bunder consideration\b",
                 r"\bconsidering\b", r"\bplan(?:s|ned)? (?:to|under|for|would|calls)\b",
                 r"\bplan\b",
                 r"\bwould (?:provide|give|send|spend|allocate|add|receive|fund|require)\b",
                 r"\bintends? to\b", r"\bpledged?\b", r"\bcould (?:receive|get)\b"],
    "estimated": [r"\bestimat(?:e|es|ed|ing|ion)\b", r"\bprojected\b", r"\bwould cost\b",
                  r"\bprojections?\b",
                  r"\bbelieved to\b"],
}

# Cues that count only where the sentence has no other (see etl.extract).
WEAK_STATUS_CUES: dict[str, list[str]] = {
    "proposed": [r"\b(?:bill|legislation|measure|recommendation|allocation)\s+(?:provides|"
                 r"includes|would|totals?|is)\b"],
}

# Short names readers know: "GAO estimates, via The Washington Post".
SOURCE_ABBREVIATIONS: dict[str, str] = {
    "Government Accountability Office": "GAO",
    "Congressional Research Service": "CRS",
    "Congressional Budget Office": "CBO",
}

# Modifiers that name what money is for: "counternarcotics funding", "military aid".
PURPOSE_KEYWORDS: dict[str, str] = {
    r"counter-?narcotics|counter-?drug|anti-?drug|drug[- ]interdiction|narcotics[- ]control|"
    r"drug[- ]control|drug[- ]war|war on drugs": "counternarcotics",
    r"border[- ]security": "border security",
    r"counter-?terrorism|anti-?terrorism": "counterterrorism",
    r"military (?:aid|assistance|training|financing)|foreign military financing":
        "military assistance",
    r"humanitarian": "humanitarian aid",
    r"economic (?:aid|assistance|development)|development (?:aid|assistance)":
        "economic development",
    r"law[- ]enforcement": "law enforcement",
    r"judicial (?:reform|system)|rule of law|justice (?:reform|system)": "rule of law",
    r"police (?:training|reform)": "police training",
    r"security (?:aid|assistance|cooperation)": "security assistance",
    r"disaster relief": "disaster relief",
    r"health|HIV|AIDS": "health",
    r"education": "education",
}

# Verbs of purpose: "to improve X". Generic ones are dropped from the phrase ("improve
# security along the border" -> "security along the border"); the others are kept
# ("train Mexican soldiers").
PURPOSE_VERBS_GENERIC = (
    "improve", "strengthen", "bolster", "support", "fund", "finance", "pay for", "boost",
    "increase", "expand", "upgrade", "enhance", "improving", "strengthening", "supporting",
    "bolstering", "funding", "financing", "expanding", "enhancing", "upgrading",
)
PURPOSE_VERBS_KEPT = (
    "buy", "purchase", "train", "equip", "build", "combat", "fight", "counter", "modernize",
    "secure", "reduce", "prevent", "develop", "establish", "create", "protect", "hire",
    "install", "acquire", "procure", "maintain", "operate", "sustain", "help", "provide",
    "replace", "repair", "rebuild", "dismantle", "disrupt", "deploy", "expand", "extend",
    "buying", "purchasing", "training", "equipping", "building", "combating", "fighting",
    "helping", "providing", "hiring", "developing",
)
