"""`ofac-sdn-xml`: OFAC's SDN_ADVANCED.XML, parsed streaming with defusedxml.

Reference values (feature, name-part, party and sanctions types) come first in the file and are
kept; each DistinctParty is turned into records and removed as soon as it ends, so memory holds
one party at a time plus the ids of parties with listed wallets. Programs and listing dates
sit in SanctionsEntries after all parties: their Sanction nodes and SANCTIONED_BY links (for the
party and its listed wallets) are yielded there. Both the current namespace and the older
`http://www.un.org/sanctions/1.0` are read: tags are matched by local name.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ingest.formats.base import MAX_DEPTH, Item, SourceInput
from ingest.formats.entity_common import sanctioned_by
from ingest.formats.ofac.common import designations, party_id, party_wallets
from ingest.formats.ofac.sdn_xml_parts import Refs, entry_facts, local, party_facts, party_node
from ingest.records import NodeRecord
from scamgraph.errors import InputError

# Reference value sets read before the parties: tag -> kept attributes besides the text.
REF_TAGS = {"AliasType", "FeatureType", "NamePartType", "PartySubType", "PartyType",
            "SanctionsType", "List"}


def read(src: SourceInput) -> Iterator[Item]:
    try:
        yield from _stream(src)
    except DefusedXmlException as exc:
        raise InputError(f"{src.name}: refused unsafe XML ({exc!r})",
                         hint="SDN_ADVANCED.XML has no DTD or entities; the file is not OFAC's"
                         ) from None
    except ParseError as exc:
        line, column = exc.position
        raise InputError(f"{src.name}: XML is not well-formed at line {line}, column {column}",
                         hint="the file may be truncated or not UTF-8") from None


def _stream(src: SourceInput) -> Iterator[Item]:
    refs = Refs()
    profiles: dict[str, tuple[str, list[str]]] = {}
    stack: list[Element] = []
    for event, elem in iterparse(str(src.path), events=("start", "end")):
        if event == "start":
            if not stack and local(elem.tag) != "Sanctions":
                raise InputError(f"{src.name}: root element is {local(elem.tag)!r}, not Sanctions",
                                 hint="is this SDN_ADVANCED.XML?")
            stack.append(elem)
            if len(stack) > MAX_DEPTH:
                # Parts are read (and serialised for the quarantine) recursively.
                raise InputError(f"{src.name}: elements nested deeper than {MAX_DEPTH} levels "
                                 f"(at <{local(elem.tag)[:40]}>)", hint="the file is not OFAC's")
            continue
        stack.pop()
        tag = local(elem.tag)
        if tag in REF_TAGS:
            refs.add(tag, elem)
        elif tag == "DistinctParty":
            yield from _party(elem, refs, profiles)
        elif tag == "SanctionsEntry":
            yield from _entry(elem, refs, profiles)
        else:
            continue
        if stack:
            stack[-1].remove(elem)


def _party(elem: Element, refs: Refs, profiles: dict[str, tuple[str, list[str]]]) -> Iterator[Item]:
    facts = party_facts(elem, refs)
    position = f"DistinctParty {facts.uid}"
    node = party_node(party_id(facts.uid), facts, position)
    yield node
    wallet_ids: list[str] = []
    for item in party_wallets(node.id, facts.addresses, position, facts.raw):
        if isinstance(item, NodeRecord):
            wallet_ids.append(item.id)
        yield item
    # Only parties that a later SanctionsEntry could not find from its ProfileID alone are
    # kept, so memory grows with listed wallets, not with the size of the list.
    if wallet_ids or node.id != party_id(facts.profile_id):
        profiles[facts.profile_id] = (node.id, wallet_ids)


def _entry(elem: Element, refs: Refs, profiles: dict[str, tuple[str, list[str]]]) -> Iterator[Item]:
    entry = entry_facts(elem, refs)
    entity_id, wallet_ids = profiles.get(entry.profile_id, (party_id(entry.profile_id), []))
    uid = entity_id.removeprefix("ofac-sdn-")
    position = f"SanctionsEntry {entry.entry_id}"
    props = {"listed_on": entry.listed_on, "list": entry.list_name}
    for item in designations(entity_id, uid, entry.programs, position, **props):
        yield item
        if isinstance(item, NodeRecord):
            yield from (sanctioned_by(w, item.id, position) for w in wallet_ids)
