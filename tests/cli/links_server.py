"""A local HTTP server for ``mkdocs-prizm links`` tests: never the internet."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HTML = "text/html; charset=utf-8"

#: path → (status, headers, body); a 3xx carries its Location.
ROUTES: dict[str, tuple[int, dict[str, str], str]] = {
    "/ok": (
        200,
        {"Content-Type": HTML},
        "<title>Rapport annuel 2024</title><h1>Rapport</h1>",
    ),
    "/gone": (404, {"Content-Type": HTML}, "<title>Not Found</title>"),
    "/removed": (410, {"Content-Type": HTML}, "gone"),
    "/moved": (301, {"Location": "/ok"}, ""),
    "/temporary": (302, {"Location": "/moved"}, ""),
    "/soft": (
        200,
        {"Content-Type": HTML},
        "<html><head><title>Oups !</title></head><body><h1>Cette page n’existe pas</h1></body>",
    ),
    "/soft-title": (200, {"Content-Type": HTML}, "<title>Page introuvable - Exemple</title>"),
    "/pdf": (200, {"Content-Type": "application/pdf"}, "%PDF-1.4"),
    "/loop": (302, {"Location": "/loop"}, ""),
    "/forbidden": (403, {"Content-Type": HTML}, "<title>Forbidden</title>"),
    "/error": (503, {"Content-Type": HTML}, "<title>Service unavailable</title>"),
    "/file": (301, {"Location": "file:///etc/passwd"}, ""),
}
SLOW_SECONDS = 2.0


@dataclass
class Server:
    base: str
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, UA

    def url(self, path: str) -> str:
        return self.base + path


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _answer(self, with_body: bool) -> None:
            parts = urlsplit(self.path)
            server.requests.append((self.command, parts.path, self.headers.get("User-Agent", "")))
            if parts.path == "/slow":
                time.sleep(SLOW_SECONDS)
                status, headers, body = 200, {"Content-Type": HTML}, "<title>Lent</title>"
            elif parts.path == "/nohead" and self.command == "HEAD":
                status, headers, body = 405, {}, ""
            elif parts.path == "/nohead":
                status, headers, body = 200, {"Content-Type": HTML}, "<title>GET only</title>"
            elif parts.path == "/wayback/available":
                query = parse_qs(parts.query)
                url = query.get("url", [""])[0]
                stamp = query.get("timestamp", [""])[0]
                snapshots: dict[str, object] = {}
                if url.endswith(("/gone", "/ok")):
                    snapshots = {
                        "closest": {
                            "available": True,
                            "url": f"http://web.archive.org/web/20240501103000/{url}",
                            "timestamp": "20240501103000",
                            "status": "200",
                            "asked": stamp,
                        }
                    }
                status, headers = 200, {"Content-Type": "application/json"}
                body = json.dumps({"url": url, "archived_snapshots": snapshots})
            else:
                status, headers, body = ROUTES.get(
                    parts.path, (404, {"Content-Type": HTML}, "<title>404</title>")
                )
            data = body.encode("utf-8")
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if with_body:
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

        def do_GET(self) -> None:
            self._answer(True)

        def do_HEAD(self) -> None:
            self._answer(False)

    return Handler


@contextmanager
def serve() -> Iterator[Server]:
    """Serve the routes on 127.0.0.1 in a thread, for the duration of the block."""
    server = Server("")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
