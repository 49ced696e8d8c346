"""How the tests and tools start Chromium: the distribution's, never a downloaded one.

Chromium comes from the distribution (apt-get install chromium); Playwright
drives it and never downloads a browser here. The flags keep it from reaching
anything but 127.0.0.1.
"""

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
