"""Driving `ukr-tui serve` in headless Chromium (Debian's `chromium` and `chromium-driver`, Selenium).

The page draws the terminal on a canvas, so its text is not in the DOM. What the page shows is read
from xterm.js's own screen buffer: a script run before the page's own catches the terminal object
as textual-serve's page stores it (`this.terminal = new Terminal(...)`), and the buffer's visible
rows are read through xterm's public API (`buffer.active.getLine(n).translateToString()`).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {configurable: true, set(value) {
    window.__ukrTerminal = value;
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
}});
"""
READ_SCREEN = """
const terminal = window.__ukrTerminal;
if (!terminal) return null;
const buffer = terminal.buffer.active, rows = [];
for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    rows.push(line ? line.translateToString(true) : "");
}
return rows.join("\\n");
"""


def browser_missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return "textual-serve is not installed (pip install '.[test]')"
    if chromium() is None:
        return "no Chromium found (apt-get install chromium chromium-driver)"
    if chromedriver() is None:
        return "no chromedriver found (apt-get install chromium-driver)"
    return None


def chromium() -> str | None:
    """$CHROMIUM, else the first Chromium on PATH."""
    names = (os.environ["CHROMIUM"],) if os.environ.get("CHROMIUM") else CHROMIUM_NAMES
    return next((path for name in names if (path := shutil.which(name))), None)


def chromedriver() -> str | None:
    """$CHROMEDRIVER, else chromedriver on PATH."""
    return shutil.which(os.environ.get("CHROMEDRIVER") or "chromedriver")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(db: Path, *extra: str, timeout: float = 30.0) -> Iterator[str]:
    """`ukr-tui serve --db DB` on a free localhost port, for the block; yields its address."""
    port = free_port()
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--db", str(db), "--port", str(port), *extra],
                              cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"ukr-tui serve exited with {server.returncode}: {log.read().decode(errors='replace')}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("ukr-tui serve did not start listening")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        # The server and the app processes it started for the page share one process group: ours.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


@contextlib.contextmanager
def browser(width: int = 1400, height: int = 900) -> Iterator:
    """Headless Chromium through chromedriver, with a fresh profile that is removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="ukr-tui-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium()
        for flag in (*CHROMIUM_FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(chromedriver()), options=options)
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
            yield driver
        finally:
            driver.quit()


def screen(driver) -> str:
    """The terminal's visible rows as the page holds them, one line each."""
    return driver.execute_script(READ_SCREEN) or ""


def wait_for(driver, *texts: str, gone: tuple[str, ...] = (), timeout: float = 60.0) -> str:
    """The screen once every one of `texts` is on it and none of `gone`; TimeoutError with the screen otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        shown = screen(driver)
        if all(text in shown for text in texts) and not any(text in shown for text in gone):
            return shown
        if time.monotonic() > deadline:
            missing = [t for t in texts if t not in shown] + [f"not {t}" for t in gone if t in shown]
            raise TimeoutError(f"never shown: {missing}; the screen was:\n{shown}")
        time.sleep(0.2)


def press(driver, keys: str) -> None:
    """Type into the terminal as a person would: the keys go to xterm's input, then the websocket."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(keys)
