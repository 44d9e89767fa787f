"""Reading one DistinctParty or SanctionsEntry element of SDN_ADVANCED.XML into plain facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, tostring

from ingest.formats.entity_common import compact
from ingest.records import NodeRecord

CURRENCY_FEATURE = "Digital Currency Address - "
# Name parts written first, before a comma, as the legacy list does ("POTEKHIN, Danil").
LAST_NAME = "Last Name"
PART_ORDER = ("First Name", "Middle Name", "Patronymic", "Maiden Name", "Nickname")


def local(tag: str) -> str:
    """A tag without its namespace: both SDN_ADVANCED namespaces read the same."""
    return tag.rsplit("}", 1)[-1]


def _kids(elem: Element, name: str) -> list[Element]:
    return [child for child in elem if local(child.tag) == name]


def _all(elem: Element, name: str) -> list[Element]:
    return [node for node in elem.iter() if local(node.tag) == name]


@dataclass
class Refs:
    """Reference value sets: (set, ID) -> text, plus a party sub-type's party type."""

    values: dict[tuple[str, str], str] = field(default_factory=dict)
    party_type_of: dict[str, str] = field(default_factory=dict)

    def add(self, tag: str, elem: Element) -> None:
        self.values[(tag, elem.get("ID", ""))] = (elem.text or "").strip()
        if tag == "PartySubType":
            self.party_type_of[elem.get("ID", "")] = elem.get("PartyTypeID", "")

    def get(self, tag: str, ident: str | None) -> str:
        return self.values.get((tag, ident or ""), "")

    def party_kind(self, sub_type_id: str | None) -> str:
        """individual, entity, vessel or aircraft."""
        sub = self.get("PartySubType", sub_type_id).lower()
        if sub in ("vessel", "aircraft"):
            return sub
        party = self.get("PartyType", self.party_type_of.get(sub_type_id or "", "")).lower()
        return "individual" if party == "individual" else "entity"


@dataclass
class PartyFacts:
    uid: str
    profile_id: str
    kind: str
    names: list[str]
    addresses: list[tuple[str, str]]
    website: str
    raw: str


def party_facts(elem: Element, refs: Refs) -> PartyFacts:
    profile = next(iter(_kids(elem, "Profile")), Element("Profile"))
    uid = elem.get("FixedRef", "")
    names: list[str] = []
    for identity in _kids(profile, "Identity"):
        names.extend(n for n in _identity_names(identity, refs) if n not in names)
    features = [(_feature_type(f, refs), _detail(f)) for f in _kids(profile, "Feature")]
    addresses = [(t.removeprefix(CURRENCY_FEATURE).strip(), v) for t, v in features
                 if t.startswith(CURRENCY_FEATURE) and v]
    website = next((v for t, v in features if t == "Website" and v), "")
    raw = tostring(elem, encoding="unicode")
    return PartyFacts(uid, profile.get("ID", uid), refs.party_kind(profile.get("PartySubTypeID")),
                      names, addresses, website, raw)


def _identity_names(identity: Element, refs: Refs) -> list[str]:
    """Primary alias first, then the others, each DocumentedName composed from its parts."""
    groups = {g.get("ID", ""): refs.get("NamePartType", g.get("NamePartTypeID"))
              for g in _all(identity, "NamePartGroup")}
    aliases = sorted(_kids(identity, "Alias"), key=lambda a: a.get("Primary") != "true")
    return [_compose(doc, groups) for alias in aliases for doc in _kids(alias, "DocumentedName")]


def _compose(doc: Element, groups: dict[str, str]) -> str:
    parts = [(groups.get(v.get("NamePartGroupID", ""), ""), (v.text or "").strip())
             for v in _all(doc, "NamePartValue")]
    last = [text for kind, text in parts if kind == LAST_NAME]
    rest = sorted((p for p in parts if p[0] != LAST_NAME),
                  key=lambda p: PART_ORDER.index(p[0]) if p[0] in PART_ORDER else len(PART_ORDER))
    given = " ".join(text for _, text in rest)
    return f"{' '.join(last)}, {given}" if last and given else " ".join(last) or given


def _feature_type(feature: Element, refs: Refs) -> str:
    return refs.get("FeatureType", feature.get("FeatureTypeID"))


def _detail(feature: Element) -> str:
    details = _all(feature, "VersionDetail")
    return (details[0].text or "").strip() if details else ""


def party_node(node_id: str, facts: PartyFacts, position: str) -> NodeRecord:
    name = facts.names[0] if facts.names else node_id
    props = compact({"name": name, "aliases": facts.names[1:], "sdn_type": facts.kind,
                     "website": facts.website})
    if facts.kind == "individual":
        props.pop("website", None)
        return NodeRecord("Person", node_id, props, position=position)
    kinds = () if facts.kind in ("vessel", "aircraft") else ("Company",)
    return NodeRecord("Organization", node_id, props, kinds=kinds, position=position)


@dataclass
class EntryFacts:
    entry_id: str
    profile_id: str
    programs: list[str]
    listed_on: str
    list_name: str


def entry_facts(elem: Element, refs: Refs) -> EntryFacts:
    programs = []
    for measure in _kids(elem, "SanctionsMeasure"):
        comment = next(iter(_kids(measure, "Comment")), None)
        text = (comment.text or "").strip() if comment is not None else ""
        if refs.get("SanctionsType", measure.get("SanctionsTypeID")) == "Program" and text:
            programs.append(text)
    list_name = refs.get("List", elem.get("ListID")).removesuffix(" List") or "SDN"
    return EntryFacts(elem.get("ID", ""), elem.get("ProfileID", ""), programs,
                      _entry_date(elem), list_name)


def _entry_date(elem: Element) -> str:
    for date in _all(elem, "Date"):
        parts = [next(iter(_kids(date, n)), None) for n in ("Year", "Month", "Day")]
        if all(p is not None and (p.text or "").strip().isdigit() for p in parts):
            year, month, day = (int((p.text or "0").strip()) for p in parts if p is not None)
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""
