"""Two attributes of the theme's page template that HTML does not allow.

mkdocs-material 9.8 writes `autocomplete="off"` on its drawer and search
toggles, which are checkboxes: HTML allows autocomplete on text-like inputs
only (the Nu HTML checker reports it). The attribute is there to keep a
browser from restoring an open drawer or search box on Back. These lines of
the theme's base.html sit in no template block, so instead of copying the
whole template into overrides/, this hook moves the toggles into an empty
hidden form that carries autocomplete="off": valid HTML, and Chromium still
does not restore them (tests/browser/test_audit.py checks both).

If the theme's markup changes, the build fails with a message naming this
hook (a warning, and the build is strict).
"""

import logging

log = logging.getLogger("mkdocs.hooks.theme_fixes")

FORM = '<form id="__toggles" autocomplete="off" hidden></form>'
TOGGLES = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'autocomplete="off">': FORM
    + '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'form="__toggles">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
    'autocomplete="off">': '<input class="md-toggle" data-md-toggle="search" '
    'type="checkbox" id="__search" form="__toggles">',
}


def fix_toggles(html):
    """The page with its toggles in the hidden form; (html, the toggles not found)."""
    missing = []
    for old, new in TOGGLES.items():
        if old in html:
            html = html.replace(old, new, 1)
        else:
            missing.append(old)
    return html, missing


def fixed(output, name):
    html, missing = fix_toggles(output)
    if missing and "md-toggle" in output:
        log.warning(
            "hooks/theme_fixes.py: the theme's toggles changed (%s not found in %s); "
            "update TOGGLES to the theme's new markup",
            ", ".join(missing),
            name,
        )
    return html


def on_post_page(output, page, config):
    return fixed(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The 404 page is a template of its own, not a page."""
    if template_name != "404.html":
        return output_content
    return fixed(output_content, template_name)
