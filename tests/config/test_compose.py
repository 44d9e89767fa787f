"""docker-compose.yml stays in step with the local server: same Neo4j version, same settings."""

from __future__ import annotations

import re

import yaml

from graph.local.conf import render_conf
from scamgraph.settings import Settings
from tests.conftest import ROOT

# Local-only lines: addresses and ports (the container listens on its own interfaces), auth
# (set through NEO4J_AUTH) and the HTTP connector (the container always serves it).
LOCAL_ONLY = re.compile(r"^(server\.(bolt|http)\.|dbms\.security\.auth_enabled)")


def _compose_neo4j() -> tuple[str, dict[str, str]]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    service = compose["services"]["neo4j"]
    settings = {}
    for key, value in service["environment"].items():
        if key.startswith("NEO4J_") and key != "NEO4J_AUTH":
            # The image's rule: "_" is ".", "__" is "_".
            name = key[len("NEO4J_"):].replace("__", "\0").replace("_", ".").replace("\0", "_")
            settings[name] = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))
    return service["image"], settings


def test_compose_matches_the_local_server(settings: Settings) -> None:
    image, compose = _compose_neo4j()
    assert image == f"neo4j:{settings.local_neo4j_version}-community"
    local = dict(line.split("=", 1) for line in render_conf(settings.model_copy(
        update={"local_heap": "1g", "local_pagecache": "512m"})).splitlines()
        if line and not line.startswith("#"))
    shared = {k: v for k, v in local.items() if not LOCAL_ONLY.match(k)}
    assert {k: compose.get(k) for k in shared} == shared
