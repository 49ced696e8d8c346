"""Fixtures for the browser tests: the built site on 127.0.0.1, driven by the system's Chromium."""

from urllib.parse import urlsplit

import pytest

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.site import serve


@pytest.fixture(scope="session")
def base_url(site_dir):
    url, server = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


# Module scope, not session: Playwright's sync API runs an event loop in this
# thread while it is open, and asyncio.run() in later tests would then fail.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.skip(
            "Chromium is not installed (apt-get install chromium); browser tests skipped"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records console errors and every request leaving 127.0.0.1."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_errors = []
    page.foreign_requests = []
    page.on(
        "console",
        lambda message: (
            message.type == "error" and page.console_errors.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def check_host(request):
        if urlsplit(request.url).hostname not in ("127.0.0.1", None):
            page.foreign_requests.append(request.url)

    context.on("request", check_host)
    yield page
    context.close()
    assert not page.foreign_requests, (
        f"requests left 127.0.0.1: {page.foreign_requests}"
    )
