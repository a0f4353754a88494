"""The app in a browser, as a colleague sees it: `python scripts/browser_screenshot.py`.

Imports the bundled seeds into a scratch store, runs `ukr-tui serve` on it, opens the page in
headless Chromium (Debian's `chromium` and `chromium-driver`), moves to the second article with `j`
and steps to its first quote with `]`, and saves the browser's screenshot to screenshots/browser.png."""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import browser, browser_missing, press, served, wait_for  # noqa: E402


def main() -> None:
    if reason := browser_missing():
        sys.exit(f"cannot take the browser screenshot: {reason}")
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "store.json"
        subprocess.run([sys.executable, "-m", "tui.cli", "import", str(ROOT / "seeds"), "--db", str(db)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        with served(db) as url, browser(1400, 900) as page:
            page.get(url)
            wait_for(page, "5 articles", "Reader")
            press(page, "j")
            press(page, "]")
            wait_for(page, "quote 1/")
            time.sleep(1.0)  # the toast that says read-only, and the canvas, settle
            target = ROOT / "screenshots" / "browser.png"
            page.save_screenshot(str(target))
    print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
