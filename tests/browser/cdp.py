"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe``, stdlib only.

Chromium reads NUL-terminated JSON commands from file descriptor 3 and writes responses and
events to descriptor 4. Nothing is downloaded: the browser is Debian's ``chromium``.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

#: Flags for a quiet, offline, reproducible headless browser.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--force-color-profile=srgb",
    "--remote-debugging-pipe",
)


class CDPError(RuntimeError):
    """The browser answered with an error, or did not answer in time."""


def find_chromium() -> str | None:
    """The chromium executable, if installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


_BASH = shutil.which("bash") or "/bin/bash"


def _high_fd(fd: int) -> int:
    """Move ``fd`` to a descriptor number of 10 or more (closing the original)."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """A headless chromium driven over a pipe; use as a context manager."""

    def __init__(self, executable: str, profile: Path, *, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []
        self._page: Page | None = None
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Above 9, so that "3<&N 4>&M" below never reads a descriptor it just replaced.
        to_browser_r = _high_fd(to_browser_r)
        from_browser_w = _high_fd(from_browser_w)
        # The wrapper script /usr/bin/chromium execs the binary: give it fds 3 and 4 via bash
        # (dash only redirects descriptors 0 to 9).
        script = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}'
        self.process = subprocess.Popen(
            [_BASH, "-c", script, executable, *FLAGS, f"--user-data-dir={profile}"],
            pass_fds=(to_browser_r, from_browser_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Ask the browser to quit, then make sure it did."""
        if self.process.poll() is None:
            with contextlib.suppress(CDPError, OSError):
                self.send("Browser.close", timeout=5)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)

    # -- protocol ----------------------------------------------------------------------------

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send a command and wait for its result (events seen meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_event(
        self, method: str, *, session: str | None = None, timeout: float | None = None
    ) -> dict[str, Any]:
        """Wait for an event (one already received counts), and consume it."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and (
                    session is None or event.get("sessionId") == session
                ):
                    del self.events[index]
                    return event
            message = self._read(deadline)
            if "method" in message:
                self.events.append(message)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError("the browser did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise CDPError("the browser closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    # -- pages -------------------------------------------------------------------------------

    def close_pages(self) -> None:
        """Leave the tab blank, as a new one would be: nothing keeps running in it, nothing a
        test stored or set is left for the next (see ``new_page``)."""
        if self._page is not None:
            self._page.empty()

    def new_page(self, width: int = 1280, height: int = 2000) -> Page:
        """A blank tab with the given viewport, with no stored state.

        One tab is opened in its own context and used again by every test, emptied after
        each (``close_pages``): a new context starts a new renderer process, which took
        about as much of the browser's time as loading the page.
        """
        if self._page is None:
            context = self.send("Target.createBrowserContext")["browserContextId"]
            target = self.send(
                "Target.createTarget", {"url": "about:blank", "browserContextId": context}
            )["targetId"]
            session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            self._page = Page(self, str(session))
            self._page.send("Page.enable")
            self._page.send("Network.enable")
        else:
            self._page.empty()
        self._page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        return self._page


class Page:
    """One tab (a flattened CDP session)."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        self._origins: set[str] = set()
        self._scripts: list[str] = []
        self._used = False

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A command in this tab's session."""
        self._used = True
        result = self.browser.send(method, params, session=self.session)
        if method == "Page.addScriptToEvaluateOnNewDocument":
            self._scripts.append(str(result["identifier"]))
        return result

    def empty(self) -> None:
        """Undo what a test did to the tab: its scripts, emulation, input, stored data, events,
        and its document (a blank page instead, running nothing)."""
        if not self._used:
            return
        with contextlib.suppress(CDPError):  # a dialog left open by a failed test
            self.send("Page.handleJavaScriptDialog", {"accept": False})
        for identifier in self._scripts:
            self.send("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})
        self._scripts.clear()
        self.send("Emulation.setScriptExecutionDisabled", {"value": False})
        self.send("Emulation.setEmulatedMedia", {"features": []})
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 0, "y": 0})
        self.goto("about:blank")
        for origin in self._origins:
            self.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self._origins.clear()
        self.send("Runtime.disable")
        self.send("Log.disable")
        self.browser.events = [e for e in self.browser.events if e.get("sessionId") != self.session]
        self._used = False

    def color_scheme(self, scheme: str) -> None:
        """Emulate ``prefers-color-scheme`` (``light`` or ``dark``)."""
        self.send(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
        )

    def goto(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.browser.events = [
            e for e in self.browser.events if e.get("method") != "Page.loadEventFired"
        ]
        if url.startswith(("http://", "https://")):
            self._origins.add("/".join(url.split("/", 3)[:3]))
        self.send("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", session=self.session)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript (awaiting promises) and return its JSON value."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise CDPError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, clip: dict[str, float] | None = None) -> Path:
        """Save a PNG of the viewport, or of ``clip`` (page coordinates) anywhere on the page.

        The PNG is compressed for speed (a larger file, the same pixels), and the page is
        rendered beyond the viewport only when ``clip`` reaches outside it (twice the work).
        """
        params: dict[str, Any] = {"format": "png", "optimizeForSpeed": True}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
            view = self.send("Page.getLayoutMetrics")["cssVisualViewport"]
            params["captureBeyondViewport"] = not (
                view["pageX"] <= clip["x"]
                and clip["x"] + clip["width"] <= view["pageX"] + view["clientWidth"]
                and view["pageY"] <= clip["y"]
                and clip["y"] + clip["height"] <= view["pageY"] + view["clientHeight"]
            )
        data = self.send("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def requested_urls(self) -> list[str]:
        """URLs this tab requested so far (from ``Network.requestWillBeSent``)."""
        return [
            str(e["params"]["request"]["url"])
            for e in self.browser.events
            if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == self.session
        ]
