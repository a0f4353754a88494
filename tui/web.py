"""`ukr-tui serve`: the app in a browser, through textual-serve.

Each browser tab that connects gets an app process of its own (`ukr-tui --db PATH [--read-only]`),
drawn in the page by xterm.js; every key works as in a terminal. The store is opened read-only
unless `--writable`, and then the first tab is the writer and any other is read-only and told why,
as two terminals would be.
"""
from __future__ import annotations

import ipaddress
import re
import shlex
import sys
import tempfile
from pathlib import Path

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True when only this machine can reach `host` (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any interface


def app_command(db: Path, writable: bool) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this package, this store."""
    words = [sys.executable, "-m", "tui.cli", "--db", str(Path(db).resolve())]
    if not writable:
        words.append("--read-only")
    return shlex.join(words)


def public_url_for(host: str, port: int) -> str:
    """The address the page tells the browser to reach (pages, scripts, the websocket)."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address in a URL
    if host in ("0.0.0.0", "[::]"):
        host = "localhost"  # every interface: this machine's own browser at least reaches it
    return f"http://{host}:{port}"


def _templates_without_web_fonts(folder: Path) -> Path | None:
    """textual-serve's page with its link to a web font host taken out, so opening the app sends no
    request beyond this server (the terminal falls back to a local monospace font)."""
    import textual_serve

    page = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    try:
        html = page.read_text(encoding="utf-8")
    except OSError:
        return None
    stripped = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>\s*", "", html)
    (folder / "app_index.html").write_text(stripped, encoding="utf-8")
    return folder


def serve(db: Path, host: str, port: int, writable: bool, public_url: str | None = None) -> None:
    """Serve the app until interrupted (Ctrl+C or SIGTERM)."""
    from textual_serve.server import Server

    with tempfile.TemporaryDirectory(prefix="ukr-tui-serve-") as scratch:
        templates = _templates_without_web_fonts(Path(scratch))
        options = {"templates_path": templates} if templates else {}
        server = Server(app_command(db, writable), host=host, port=port, title="ukr-tui",
                        public_url=public_url or public_url_for(host, port), **options)
        server.serve()
