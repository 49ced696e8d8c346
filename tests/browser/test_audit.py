"""Accessibility (axe-core in Chromium) and HTML validity (the Nu HTML checker) of the built site.

The pages are chosen for their kind of markup, not their text: the home page,
a guide page, an ORM page and reference pages with tables, the generated
traces, the questions list, troubleshooting, a tools page, the API page made
by mkdocstrings and the 404 page. axe-core and vnu-jar come from npm
(package.json); Java from the distribution (.ci/run installs it).

The theme faults these checks found are fixed in overrides/ (each file says
what it changes) and docs/assets/; test_theme_overrides_differ_only_where_documented
fails when a theme upgrade changes a template we copied.
"""

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts.project import ROOT
from scripts.shell import run

pytestmark = pytest.mark.xdist_group("browser-audit")

PAGES = [
    "",
    "guide/first-signal/",
    "orm/operations/",
    "reference/model-signals/",
    "reference/traces/",
    "questions/",
    "practice/troubleshooting/",
    "tools/drf/",
    "reference/dispatch-api/",
    "404.html",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules that read colours: the only ones whose result changes with the
# colour scheme, and the slowest (color-contrast checks every code token).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# prefers-color-scheme -> the theme's scheme (the palette in mkdocs.yml follows it)
SCHEMES = {"light": "default", "dark": "slate"}

# (scheme, width, which rules). The rules that do not read colours give the
# same result in both schemes: they run in the light one, at both widths. The
# colour rules run in both schemes at desktop width, where the sidebars are
# shown too: the phone layout shows fewer of the same texts in the same
# colours (its extra header buttons are icons). Run at phone width as well on
# 2026-12-04, they found nothing more, and took a third of this module's time.
RUNS = [
    ("light", "desktop", "all"),
    ("light", "phone", "all but colour"),
    ("dark", "desktop", "colour"),
]


def axe_options(rules):
    options = {"resultTypes": ["violations"]}
    if rules == "colour":
        options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
    else:
        options["runOnly"] = {"type": "tag", "values": TAGS}
    if rules == "all but colour":
        options["rules"] = {rule: {"enabled": False} for rule in COLOUR_RULES}
    return options


@pytest.mark.parametrize(("scheme", "width", "rules"), RUNS)
def test_axe_finds_no_violations(browser, base_url, scheme, width, rules):
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing: run npm ci (make lint does)")
    w, h = WIDTHS[width]
    context = browser.new_context(
        base_url=base_url, color_scheme=scheme, viewport={"width": w, "height": h}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(path or "./")
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", SCHEMES[scheme]
        )
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "options => axe.run(document, options)", axe_options(rules)
        )
        for violation in result["violations"]:
            targets = ", ".join(
                " ".join(node["target"]) for node in violation["nodes"][:8]
            )
            more = len(violation["nodes"]) - 8
            found.append(
                f"/{path} ({scheme}, {width} {w}px): {violation['id']} "
                f"({violation['impact']}): {violation['help']}\n"
                f"    on: {targets}{f' and {more} more' if more > 0 else ''}\n"
                f"    {violation['helpUrl']}"
            )
    context.close()
    assert not found, "axe-core found accessibility violations:\n" + "\n".join(found)


def test_nu_html_checker_finds_no_errors(site_dir):
    java = shutil.which("java")
    if not java:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    if not VNU.is_file():
        pytest.skip("node_modules/vnu-jar is missing: run npm ci (make lint does)")
    files = [
        site_dir / (path if path.endswith(".html") else path + "index.html")
        for path in PAGES
    ]
    result = run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)]
    )
    # The report is the JSON on stderr (after anything the JVM prints first).
    report = (
        result.stderr[result.stderr.find('{"') :] if '{"' in result.stderr else "{}"
    )
    messages = json.loads(report).get("messages", [])
    errors = [
        f"{m.get('url', '').removeprefix('file:').replace(str(site_dir) + '/', '')}"
        f":{m.get('lastLine', '?')}: {m['message']}\n    {' '.join(m.get('extract', '').split())}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert not errors, "The Nu HTML checker found errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr


# The theme's templates copied into overrides/ to change a few lines, with
# those changes as (material's text, our text). Templates that only extend the
# theme's (main.html) or are our own (404.html) are not listed.
OVERRIDES = {
    "partials/nav-item.html": [
        (
            ' id="{{ path }}_label" tabindex="{{ tabindex }}">',
            ' id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"'
            '{% else %} tabindex="-1"{% endif %}>',
        ),
        (
            ' aria-labelledby="{{ path }}_label" aria-expanded=',
            ' aria-labelledby="{{ path }}_label"'
            ' aria-label="{{ nav_item.title | striptags | e }}" aria-expanded=',
        ),
    ],
}


def test_theme_overrides_differ_only_where_documented():
    """Each copied template is the installed theme's, but for the lines listed above.

    After a theme upgrade: copy the new template from material/templates/,
    make the same changes and keep the comment at its top.
    """
    import material

    templates = ROOT / "overrides"
    theme = Path(material.__path__[0]) / "templates"
    generated = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
    for name, changes in OVERRIDES.items():
        original = (theme / name).read_text("utf-8")
        ours = (templates / name).read_text("utf-8")
        assert original.startswith(generated), name
        assert ours.startswith("{#-") and "-#}\n" in ours, (
            f"overrides/{name}: start with a comment saying what changed and why"
        )
        expected = original.removeprefix(generated)
        for old, new in changes:
            assert old in expected, (
                f"overrides/{name}: the theme's template no longer has {old.strip()!r}; "
                "copy it again and redo the change"
            )
            expected = expected.replace(old, new)
        assert ours.split("-#}\n", 1)[1] == expected, (
            f"overrides/{name} differs from the installed theme's {name} beyond the "
            "documented changes: copy it again from material/templates/ and redo them"
        )


def test_the_theme_fix_hook_moves_both_toggles_into_the_hidden_form():
    """hooks/theme_fixes.py, on the theme's own markup (read from its template)."""
    import material

    from hooks.theme_fixes import TOGGLES, fix_toggles

    base = (Path(material.__path__[0]) / "templates" / "base.html").read_text("utf-8")
    for old in TOGGLES:
        assert old in base, (
            f"the theme no longer writes {old}: update hooks/theme_fixes.py"
        )
    html, missing = fix_toggles(base)
    assert missing == []
    assert 'autocomplete="off">' not in html.split("<body", 1)[1].split("</header>")[0]
    assert html.count('form="__toggles"') == 2
