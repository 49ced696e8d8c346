"""Full-page screenshots of representative pages: `make screenshots` (into screenshots/).

Light and dark colour schemes, at a phone and a desktop width, for a person
to look at before a change to the theme or the layout lands.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.lighthouse import PAGES
from scripts.site import build_site, serve

SIZES = {
    "mobile": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}


def main(target="screenshots"):
    target = Path(target)
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        base_url, server = serve(build_site(Path(tmp) / "site"))
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for scheme in ("light", "dark"):
            for size_name, viewport in SIZES.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base_url + path)
                    file = target / f"{name}-{scheme}-{size_name}.png"
                    page.screenshot(path=file, full_page=True)
                    print(file)
                context.close()
        browser.close()
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main(*sys.argv[1:])
