"""The dev loop: build, serve site/ on 127.0.0.1, rebuild when an input changes, reload open pages.

The reload script is added to HTML as it is served; the files on disk never contain it. A build
error is printed in the terminal and shown over the page; the server keeps running.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from typing import Callable

from .errors import Fault
from .scan import lines_below

RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  function show(error) {
    var box = document.getElementById("newsdigest-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "newsdigest-error";
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
        "background:#2b0b0b;color:#ffd7d2;font:14px/1.5 monospace;border:2px solid #ff6b5b;z-index:99999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "newsdigest, the last build:\\n\\n" + error;
  }
  function poll() {
    fetch("/__newsdigest/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
      seen = s.version; show(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
</script>
"""


class Status:
    """The last build's number and error, shared by the watcher and the server threads."""

    def __init__(self) -> None:
        self.version = 0
        self.error = ""
        self.lock = threading.Lock()

    def record(self, error: str) -> None:
        with self.lock:
            self.version += 1
            self.error = error

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error}).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    status: Status
    public_url: bytes = b""
    """The site's address (site.url): in served pages, links to it (the feeds, the canonical link) lead to
    this server instead, so that a click stays in the preview. The files on disk keep it."""

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path.startswith("/__newsdigest/status"):
            self._send(200, "application/json", self.status.as_json())
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            if self.public_url:
                html = html.replace(self.public_url, f"http://{self.headers.get('Host') or '127.0.0.1'}/".encode())
            self._send(200, "text/html; charset=utf-8", html.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1))
            return
        super().do_GET()

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet: the terminal shows builds, not requests
        pass


def stamp(paths: list[Path]) -> list[str]:
    """Every file below `paths` (folders, or a file) with its size and mtime, a line each (scan.lines_below)."""
    return [f"{p}/{line}" for p in paths for line in lines_below(p, hidden=True)] + \
        [f"{p}\0{p.stat().st_size}\0{p.stat().st_mtime_ns}\n" for p in paths if p.is_file()]


def serve(output: Path, watch: list[Path], rebuild: Callable[[], str], port: int, announce: Callable[[str], None],
          public_url: str = "") -> None:
    """Serve `output` until Ctrl-C or SIGTERM, which pass on as KeyboardInterrupt; run `rebuild` (it returns
    an error text, or "", and never raises but for those) when `watch` changes. A failed rebuild leaves the
    last good site served, its error shown."""
    from watchfiles import watch as watch_changes

    status = Status()
    handler = type("BoundHandler", (Handler,), {"status": status, "public_url": public_url.encode()})
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(output)))
    except OSError as exc:
        raise Fault(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}; try another --port, or --port 0 for a free one") from None
    try:
        status.record(rebuild())
        built = stamp(watch)
    except BaseException:
        server.server_close()
        raise
    threading.Thread(target=server.serve_forever, daemon=True).start()
    announce(f"serving {output.name}/ at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    try:   # watchfiles turns the signal into a plain KeyboardInterrupt: the caller says what stopping left
        for changes in watch_changes(*[p for p in watch if p.exists()], debounce=200, rust_timeout=1000,
                                     yield_on_timeout=True):
            # The first pass (within a second) finds the watcher watching: anything changed before it started,
            # since the first build, is built now; later changes come as `changes`.
            if changes or (built is not None and stamp(watch) != built):
                status.record(rebuild())
            built = None
    finally:
        server.shutdown()
        server.server_close()
