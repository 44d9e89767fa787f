"""Start, stop and inspect the local Neo4j server process."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.local import conf
from graph.local.jars import ADMIN_CLASS, MAIN_CLASS, Resolved, resolve
from graph.local.java import find_java
from graph.local.ports import port_answers, port_free
from scamgraph.errors import LocalServerError, PortInUseError
from scamgraph.settings import Settings


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    http_uri: str | None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); reap it if it is ours.
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return not _zombie(pid)
    return done == 0


def _zombie(pid: int) -> bool:
    """Exited but not yet reaped by its parent (another process started the server, say a test
    run, and a CLI stops it): as good as gone. Linux /proc; elsewhere assume alive."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"


class LocalNeo4j:
    """A Neo4j Community server in `settings.local_home`, bound to 127.0.0.1."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.local_home
        self.pid_file = self.home / "run" / "neo4j.pid"
        self.console_log = self.home / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.local_bolt_port}"

    @property
    def password(self) -> str:
        return conf.ensure_password(self.home, self.settings.neo4j_password.get_secret_value())

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) else None

    def status(self) -> ServerStatus:
        pid = self.pid()
        running = pid is not None and port_answers(self.settings.local_bolt_port)
        http = self.settings.local_http_port
        http_uri = f"http://127.0.0.1:{http}" if http else None
        return ServerStatus(running, pid, self.bolt_uri, http_uri)

    def resolve(self) -> Resolved:
        s = self.settings
        return resolve(
            s.local_neo4j_version, s.local_browser_version, s.jars_dir, s.maven_repository
        )

    def start(self) -> ServerStatus:
        """Start the server unless it runs; return once Bolt answers. A bulk load killed part
        way is finished or undone first (graph/local/recovery.py)."""
        from graph.local.recovery import recover

        recover(self)
        return self.start_without_recovery()

    def start_without_recovery(self) -> ServerStatus:
        if self.pid() is not None:
            return self._wait_for_bolt(self.pid())
        self._check_ports()
        java = find_java(self.settings.java)
        classpath = ":".join(str(p) for p in self.resolve().classpath)
        self._prepare(java, classpath)
        pid = self._spawn(java, classpath)
        self.pid_file.write_text(f"{pid}\n")
        return self._wait_for_bolt(pid)

    def _check_ports(self) -> None:
        s = self.settings
        for name, port in (("BOLT", s.local_bolt_port), ("HTTP", s.local_http_port)):
            if port and not port_free(port):
                raise PortInUseError(
                    f"port {port} on 127.0.0.1 is taken (local Neo4j {name.lower()} port)",
                    hint=f"stop what listens there or set SCAMGRAPH_LOCAL_{name}_PORT",
                )

    def _prepare(self, java: str, classpath: str) -> None:
        for sub in ("conf", "data", "logs", "run"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(conf.render_conf(self.settings))
        if not (self.home / "data" / "dbms" / "auth.ini").exists():
            self._set_initial_password(java, classpath)

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}

    def _set_initial_password(self, java: str, classpath: str) -> None:
        cmd = [java, "-cp", classpath, ADMIN_CLASS, "dbms", "set-initial-password", self.password]
        done = subprocess.run(cmd, env=self._env(), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise LocalServerError(f"setting the initial password failed: {done.stderr[-500:]}")

    def _spawn(self, java: str, classpath: str) -> int:
        args = [f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}"]
        cmd = [java, *conf.jvm_args(self.settings), "-cp", classpath, MAIN_CLASS, *args]
        # posix_spawn rather than Popen: the server must outlive the CLI that started it,
        # in its own session, and no Popen object is left to complain at exit.
        log = os.open(self.console_log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            actions = [
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, log, 1),
                (os.POSIX_SPAWN_DUP2, log, 2),
            ]
            return os.posix_spawn(java, cmd, self._env(), file_actions=actions, setsid=True)
        finally:
            os.close(log)

    def _wait_for_bolt(self, pid: int | None) -> ServerStatus:
        deadline = time.monotonic() + self.settings.local_start_timeout_s
        while time.monotonic() < deadline:
            if pid is None or not _alive(pid):
                raise LocalServerError(
                    f"the local Neo4j exited during start; last log lines:\n{self._log_tail()}",
                    hint=f"see {self.home / 'logs'}",
                )
            http = self.settings.local_http_port
            # Bolt opens about a second before the HTTP connector (Neo4j Browser).
            http_up = not http or port_answers(http)
            if http_up and port_answers(self.settings.local_bolt_port) and self._bolt_ready():
                return self.status()
            time.sleep(0.2)
        raise LocalServerError(
            f"the local Neo4j did not open Bolt within {self.settings.local_start_timeout_s:.0f}s",
            hint=f"see {self.home / 'logs' / 'neo4j.log'}; raise SCAMGRAPH_LOCAL_START_TIMEOUT_S",
        )

    def _bolt_ready(self) -> bool:
        """The port opens a moment before the system database serves logins."""
        from graph.db import bolt_ready

        return bolt_ready(self.bolt_uri, (self.settings.neo4j_user, self.password))

    def _log_tail(self, lines: int = 20) -> str:
        for path in (self.home / "logs" / "neo4j.log", self.console_log):
            if path.exists() and path.stat().st_size:
                return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
        return "(no log)"

    def stop(self, timeout_s: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then SIGKILL after timeout); False if not running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

