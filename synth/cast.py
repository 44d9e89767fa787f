"""The default scenario's cast: a fictional conglomerate, people, compounds, exchanges, a bridge.

All names are invented and marked synthetic; none names a real company or person as a
perpetrator. Organisation keys become FtM ids (`synth-<key>`) or GraphSense actor ids.
"""

from __future__ import annotations

from dataclasses import dataclass

# GraphSense actor ids become organisation ids with this prefix (formats/graphsense/actorpack).
ACTOR_PREFIX = "gs-actor-"


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    kinds: tuple[str, ...]
    country: str
    aliases: tuple[str, ...] = ()
    # "ftm" for the corporate layer, "actor" for GraphSense-attributed services and crews.
    source: str = "ftm"
    categories: tuple[str, ...] = ()
    schema: str = "Company"

    @property
    def source_id(self) -> str:
        return f"synth-{self.key}"

    @property
    def graph_id(self) -> str:
        return ACTOR_PREFIX + self.source_id if self.source == "actor" else self.source_id


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    aliases: tuple[str, ...]
    nationality: tuple[str, ...]
    birth_date: str

    @property
    def source_id(self) -> str:
        return f"synth-person-{self.key}"


@dataclass(frozen=True)
class Compound:
    key: str
    name: str
    aliases: tuple[str, ...]
    country: str
    province: str
    lat: float
    lon: float
    operator: str
    status: str

    @property
    def source_id(self) -> str:
        """The graph id the compounds reader gives feature id `synth-<key>`."""
        return f"compound-synth-{self.key}"


G = "golden-meridian-group"
ORGS: tuple[Org, ...] = (
    Org(G, "Golden Meridian Group Co., Ltd.", ("Company",), "kh",
        ("金子午集团", "ក្រុមហ៊ុន ហ្គោលដិន មេរីឌាន គ្រុប", "Golden Meridian Holdings", "GMG")),
    Org("meridian-pay", "Meridian Pay Plc", ("Company", "PaymentProvider"), "kh",
        ("子午支付", "មេរីឌាន ផេ", "M-Pay")),
    Org("meridian-guarantee", "Meridian Guarantee", ("Company", "Marketplace"), "kh",
        ("子午担保", "Meridian Danbao", "មេរីឌាន ធានា")),
    Org("sunrise-otc", "Sunrise Exchange Services Ltd.", ("Company", "OTCDesk"), "kh",
        ("旭日兑换", "Sunrise OTC", "Xuri Duihuan")),
    Org("meridian-realty", "Meridian Realty Development Co., Ltd.", ("Company",), "kh",
        ("子午置业", "មេរីឌាន អចលនទ្រព្យ")),
    Org("shwe-meridian", "Shwe Meridian Industrial Zone Development Co., Ltd.", ("Company",), "mm",
        ("ရွှေမေရီဒီယံ စက်မှုဇုန်", "Shwe Meridian SEZ")),
    Org("lanxang-meridian", "Lanxang Meridian Economic Zone Co., Ltd.", ("Company",), "la",
        ("ລ້ານຊ້າງ ເມຣິດຽນ", "澜沧子午经济区")),
    Org("pacific-meridian", "Pacific Meridian Gaming Corp.", ("Company",), "ph",
        ("Pacific Meridian Offshore Gaming", "太平洋子午博彩")),
    Org("lotus-romance", "Lotus Romance Crew", ("ScamOperation",), "kh",
        ("Lotus Investment Team",), "actor", ("scam", "investment_fraud"), "Organization"),
    Org("jade-harbour", "Jade Harbour Crew", ("ScamOperation",), "mm",
        ("Jade Harbor Trading",), "actor", ("scam", "investment_fraud"), "Organization"),
    Org("northwind-exchange", "Northwind Exchange", ("Exchange",), "sc", (), "actor",
        ("exchange",)),
    Org("bluefin-exchange", "Bluefin Exchange", ("Exchange",), "vg", (), "actor", ("exchange",)),
    Org("kestrel-exchange", "Kestrel Exchange", ("Exchange",), "sg", (), "actor", ("exchange",)),
    Org("hopswap-bridge", "HopSwap Bridge", ("Bridge",), "", (), "actor", ("defi_bridge",)),
)
ORG = {o.key: o for o in ORGS}
EXCHANGES = ("northwind-exchange", "bluefin-exchange", "kestrel-exchange")
# Background market shares of the exchanges (a few venues carry most retail traffic).
EXCHANGE_SHARES = (0.55, 0.3, 0.15)

PEOPLE: tuple[Person, ...] = (
    Person("wen-haoran", "Wen Haoran", ("温浩然", "វេន ហៅរ៉ាន់", "Haoran Wen", "Ven Hao Ran"),
           ("cn", "kh"), "1981-04-12"),
    Person("qiu-rongsheng", "Qiu Rongsheng", ("邱荣生", "Khu Rong Sheng", "Rongsheng Qiu"),
           ("cn", "ph"), "1976"),
    Person("dara-vannak", "Dara Vannak", ("ដារា វណ្ណៈ", "Vannak Dara"), ("kh",), "1988-09-30"),
    Person("li-meifang", "Li Meifang", ("李美芳", "Lee Mei-fong", "Mei Fang Li"), ("cn",),
           "1990-01-05"),
    Person("kyaw-zin-htet", "Kyaw Zin Htet", ("ကျော်ဇင်ထက်", "Kyaw Z. Htet"), ("mm",), "1979-11"),
)
PERSON = {p.key: p for p in PEOPLE}

# (owner key, owned org key, percentage); owners are people or organisations.
OWNERSHIPS: tuple[tuple[str, str, float], ...] = (
    ("wen-haoran", G, 60.0), ("qiu-rongsheng", G, 40.0),
    (G, "meridian-pay", 100.0), ("meridian-pay", "meridian-guarantee", 70.0),
    ("dara-vannak", "meridian-guarantee", 30.0), ("meridian-guarantee", "sunrise-otc", 51.0),
    ("li-meifang", "sunrise-otc", 49.0), (G, "meridian-realty", 85.0),
    ("meridian-realty", "pacific-meridian", 65.0), (G, "shwe-meridian", 60.0),
    ("kyaw-zin-htet", "shwe-meridian", 40.0), (G, "lanxang-meridian", 80.0),
)
# (director key, org key, role)
DIRECTORSHIPS: tuple[tuple[str, str, str], ...] = (
    ("wen-haoran", G, "Chairman"), ("dara-vannak", "meridian-pay", "Chief Executive Officer"),
    ("li-meifang", "sunrise-otc", "Director"), ("qiu-rongsheng", "pacific-meridian", "President"),
    ("kyaw-zin-htet", "shwe-meridian", "Managing Director"),
)
# (person, person, schema, relationship)
PERSON_LINKS: tuple[tuple[str, str, str, str], ...] = (
    ("wen-haoran", "qiu-rongsheng", "Family", "brother-in-law"),
    ("li-meifang", "dara-vannak", "Associate", "business partner"),
)
# (subject key, authority, program, listing id, listed on, reason)
SANCTIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    (G, "OFAC", "SYNTHETIC-TCO", "SYN-0001", "2024-05-14",
     "synthetic designation: transnational criminal organisation running scam compounds"),
    ("sunrise-otc", "OFAC", "SYNTHETIC-TCO", "SYN-0002", "2024-05-14",
     "synthetic designation: laundering scam proceeds"),
    ("wen-haoran", "OFAC", "SYNTHETIC-TCO", "SYN-0003", "2024-05-14",
     "synthetic designation: leader of Golden Meridian Group"),
    ("shwe-meridian", "UK", "SYNTHETIC-GHR", "SYN-UK-0004", "2024-05-20",
     "synthetic designation: forced labour in a scam compound"),
)

COMPOUNDS: tuple[Compound, ...] = (
    # Run by the group itself, so every group member is compound-linked (docs/MODEL.md).
    Compound("golden-meridian-tech-park", "Golden Meridian Tech Park", ("金子午科技园",), "kh",
             "Preah Sihanouk", 10.6512, 103.5478, G, "active"),
    Compound("sihanoukville-meridian-bay", "Meridian Bay Tower Compound", ("子午湾园区",),
             "kh", "Preah Sihanouk", 10.6093, 103.5296, "meridian-realty", "active"),
    Compound("bavet-riverside", "Meridian Riverside Compound", ("子午河畔园区",), "kh",
             "Svay Rieng", 11.0627, 106.1335, "meridian-realty", "raided"),
    Compound("myawaddy-shwe-meridian", "Shwe Meridian New City", ("ရွှေမေရီဒီယံ မြို့သစ်",), "mm",
             "Kayin", 16.8790, 98.5105, "shwe-meridian", "active"),
    Compound("bokeo-lanxang", "Lanxang Meridian Zone Block C", ("澜沧子午C区",), "la", "Bokeo",
             20.3432, 100.1012, "lanxang-meridian", "active"),
    Compound("tarlac-pacific", "Pacific Meridian Hub", (), "ph", "Tarlac", 15.2870, 120.5760,
             "pacific-meridian", "closed"),
)
