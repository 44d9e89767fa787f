"""A multi-source case for entity resolution, numbers chosen to be worked by hand.

TagPack/ActorPack side: actor gs-actor-huione ("Huione Guarantee", KH, huione.com) controls
wallets h1 and h2. FtM side: ftm-huione ("HUIONE GUARANTEE CO., LTD.", KH, reg KH-12345,
www.huione.com, SANCTIONED_BY OFAC) is SUBSIDIARY_OF ftm-group ("Huione Group"), whom person
ftm-p OWNS 70 %; ftm-park (SUBSIDIARY_OF ftm-group) OPERATES compound k1. Org X has wallet xw.
v -r1 1500 (03-02)-> h1; sw -r2 500 (04-10)-> h2; h1 -r3 200 (03-05)-> xw; h2 -r4 50 (04-12)-> xw.
Look-alikes: ftm-gf-kh "Golden Fortune Ltd" (KH, 111) and ftm-gf-ph "Golden Fortune Limited"
(PH, 222); same company twice: ftm-ss-1 "Sun Star Co Ltd" (KH, "KH-777") and ftm-ss-2
"SUN STAR COMPANY LIMITED" (KH, "KH 777"). From tags only: wallet bn labelled "Binance 14",
actor gs-actor-okx named "OKX" by its tags.
"""

from __future__ import annotations

from tests.graph.scenario import Scenario


def resolve_scenario() -> Scenario:
    s = Scenario()
    h1, h2, xw, v, sw = (s.wallet(n) for n in ["h1", "h2", "xw", "v", "sw"])
    s.org("gs-actor-huione", "Huione Guarantee", "Marketplace", gs_actor="huione",
          country=["KH"], website="https://huione.com", sources=["actorpack:a.yaml"])
    s.org("ftm-huione", "HUIONE GUARANTEE CO., LTD.", "Company", country=["KH"],
          registration_numbers=["KH-12345"], website="www.huione.com", sources=["ftm:c.json"])
    s.org("ftm-group", "Huione Group", "Company", country=["KH"], sources=["ftm:c.json"])
    s.org("ftm-park", "Huione Park", "Company", country=["KH"], sources=["ftm:c.json"])
    s.person("ftm-p", "Hun To", sources=["ftm:c.json"])
    s.org("x", "X Payee", "Company")
    s.compound("k1", "Compound One", 11.5, 104.9, country="KH")
    s.node(["Sanction"], "OFAC:SDN:9", authority="OFAC", program="SDN", listing_id="9")
    s.node(["Sanction"], "OFAC:SDN:8", authority="OFAC", program="SDN", listing_id="8")
    s.link("SANCTIONED_BY", "ftm-huione", "OFAC:SDN:9")
    s.link("SANCTIONED_BY", sw, "OFAC:SDN:8")
    s.link("SUBSIDIARY_OF", "ftm-huione", "ftm-group")
    s.link("SUBSIDIARY_OF", "ftm-park", "ftm-group")
    s.link("OWNS", "ftm-p", "ftm-group", share=70.0)
    s.link("OPERATES", "ftm-park", "k1")
    for w, o in [(h1, "gs-actor-huione"), (h2, "gs-actor-huione"), (xw, "x")]:
        s.link("CONTROLLED_BY", w, o)
    s.send_all([("r1", v, h1, 1500, "2024-03-02"), ("r2", sw, h2, 500, "2024-04-10"),
                ("r3", h1, xw, 200, "2024-03-05"), ("r4", h2, xw, 50, "2024-04-12")])
    s.org("ftm-gf-kh", "Golden Fortune Ltd", "Company", country=["KH"],
          registration_numbers=["111"])
    s.org("ftm-gf-ph", "Golden Fortune Limited", "Company", country=["PH"],
          registration_numbers=["222"])
    s.org("ftm-ss-1", "Sun Star Co Ltd", "Company", country=["KH"],
          registration_numbers=["KH-777"])
    s.org("ftm-ss-2", "SUN STAR COMPANY LIMITED", "Company", country=["KH"],
          registration_numbers=["KH 777"])
    s.wallet("bn", tags=["Binance 14"])
    s.node(["Organization", "Exchange"], "gs-actor-okx", gs_actor="okx", tag_name="OKX",
           kinds=["Exchange"])
    return s
