"""Resolve the Neo4j Community jars from Maven Central with jgo (pure Python, no Maven needed)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from scamgraph.errors import DownloadError

# org.neo4j:neo4j is the Community server (kernel, Cypher, Bolt, HTTP, CommunityEntryPoint);
# neo4j-browser adds the Browser UI served at /browser/.
NEO4J = "org.neo4j:neo4j:{version}"
BROWSER = "org.neo4j.client:neo4j-browser:{version}"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"


@dataclass(frozen=True)
class Resolved:
    classpath: list[Path]
    seconds: float

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.classpath)


def resolve(neo4j_version: str, browser_version: str, cache_dir: Path, repository: str) -> Resolved:
    """The jars of this Neo4j version: from the saved classpath, else resolved with jgo."""
    started = time.monotonic()
    saved = cache_dir / f"neo4j-{neo4j_version}-browser-{browser_version or 'none'}.classpath"
    if saved.exists():
        jars = [Path(line) for line in saved.read_text().splitlines() if line]
        # Re-resolving costs ~9 s even when cached; a saved list whose jars all exist is enough.
        if jars and all(j.exists() for j in jars):
            return Resolved(classpath=jars, seconds=time.monotonic() - started)
    resolved = _resolve_with_jgo(neo4j_version, browser_version, cache_dir, repository)
    saved.write_text("".join(f"{j}\n" for j in resolved.classpath))
    return resolved


def _resolve_with_jgo(
    neo4j_version: str, browser_version: str, cache_dir: Path, repository: str
) -> Resolved:
    """Download (first time) and link the jars into jgo's cache under `cache_dir`."""
    import jgo
    from jgo.env import EnvironmentBuilder, LinkStrategy
    from jgo.maven import MavenContext

    endpoint = NEO4J.format(version=neo4j_version)
    if browser_version:
        endpoint += "+" + BROWSER.format(version=browser_version)
    started = time.monotonic()
    try:
        context = MavenContext(remote_repos={"central": repository})
        builder = EnvironmentBuilder(
            context=context, cache_dir=cache_dir, link_strategy=LinkStrategy.AUTO
        )
        env = builder.from_endpoint(endpoint=endpoint, main_class=MAIN_CLASS)
    except Exception as exc:  # jgo raises requests/OS/parse errors alike
        raise DownloadError(
            f"could not resolve {endpoint} from {repository}: {exc}",
            hint="check network access to the Maven repository or SCAMGRAPH_MAVEN_REPOSITORY",
        ) from exc
    del jgo
    jars = sorted(Path(p) for p in env.all_jars)
    return Resolved(classpath=jars, seconds=time.monotonic() - started)
