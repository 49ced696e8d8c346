"""What goes into the search index: the prose, not the code.

Every code block of the handbook imports from django and names the examples'
models, so words like "django", "signal", "example" or "save" match nearly
every section through its code, and the sections that answer a question in
prose rank below sections that only show code. The theme's search plugin
leaves out any element with a data-search-exclude attribute: this hook sets
it on every highlighted code block. The identifiers readers search for most
(post_save, on_commit, dispatch_uid, exception names) are in the prose and
the headings too. tests/browser/test_search.py measures the result.
"""

CODE_BLOCK = '<div class="highlight">'


def on_page_content(html, **kwargs):
    return html.replace(CODE_BLOCK, '<div class="highlight" data-search-exclude>')
