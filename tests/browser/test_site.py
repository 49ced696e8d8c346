"""The site as a reader meets it, in Chromium, served from 127.0.0.1.

The `page` fixture fails a test when any request leaves 127.0.0.1.
"""

import re

from playwright.sync_api import expect

from scripts.project import DOCS
from tests.harness.fences import scan


def nav_links(page):
    hrefs = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return sorted({href.split("#")[0] for href in hrefs})


def test_home_page_loads_without_console_errors(page):
    page.goto("./")
    expect(page.locator("h1")).to_contain_text("Django Signals Handbook")
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_nav_reaches_every_page(page):
    """Every page is linked from the nav the reader sees, and answers with its h1.

    The nav links are read in the browser (the theme builds them); the pages
    are then fetched without rendering each one.
    """
    page.goto("./")
    reached = set()
    for url in nav_links(page):
        response = page.request.get(url)
        assert response.status == 200, url
        assert re.search(r"<h1[ >]", response.text()), url
        reached.add(re.sub(r"^https?://[^/]+/", "", url).rstrip("/"))
    pages = {
        path.relative_to(DOCS)
        .with_suffix("")
        .as_posix()
        .removesuffix("index")
        .rstrip("/")
        for path in DOCS.rglob("*.md")
    }
    assert pages <= reached, (
        f"pages not reachable from the nav: {sorted(pages - reached)}"
    )
    assert page.console_errors == []


def test_search_finds_a_signal_and_opens_its_reference_entry(page):
    page.goto("./")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.press_sequentially("post_save")
    # Result links carry the query for highlighting: .../model-signals/?h=post_save#post_save
    result = page.locator(
        ".md-search-result__link[href*='reference/model-signals/'][href$='#post_save']"
    )
    result.first.click()
    expect(page).to_have_url(
        re.compile(r"reference/model-signals/(\?h=[^#]*)?#post_save$")
    )
    expect(page.locator("#post_save")).to_be_in_viewport()


def test_copy_button_copies_exactly_the_snippet(browser, base_url):
    context = browser.new_context(
        base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto("guide/first-signal/")
    fences = [f for f in scan(DOCS / "guide" / "first-signal.md") if f.lang == "python"]
    snippet = next(f for f in fences if not f.is_include)
    block = page.locator(
        "div.highlight", has_text='Order.objects.create(number="A-1")'
    ).first
    block.hover()
    block.locator("button.md-code__button[data-md-type='copy']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.rstrip("\n") == snippet.source.rstrip("\n")


def test_light_dark_toggle_switches_the_colour_scheme(page):
    page.goto("./")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)


def test_tabs_and_admonitions_render(page):
    page.goto("versions/")
    tabs = page.locator(".tabbed-set").first
    expect(tabs).to_be_visible()
    second = tabs.locator(".tabbed-labels label").nth(1)
    second.click()
    expect(tabs.locator(".tabbed-block").nth(1)).to_be_visible()
    expect(tabs.locator(".tabbed-block").nth(1)).to_contain_text("django==6.0.*")
    expect(page.locator(".admonition.note")).to_be_visible()


def test_internal_anchor_lands_on_its_heading(page):
    page.goto("reference/dispatch-api/#django.dispatch.dispatcher.Signal.connect")
    expect(
        page.locator("[id='django.dispatch.dispatcher.Signal.connect']")
    ).to_be_in_viewport()


def test_keyboard_focus_is_visible(page):
    page.goto("guide/first-signal/")
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline not in ("", "none")


def test_representative_pages_make_no_third_party_requests(page):
    """Fonts, scripts, images and analytics are all served by the site itself."""
    pages = ["./", "guide/first-signal/", "reference/dispatch-api/", "versions/"]
    pages.append("reference/traces/")  # the signal order diagrams
    for path in pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
