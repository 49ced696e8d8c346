"""scripts/zensical_check.py: which pages and heading anchors differ between two builds."""

from scripts.zensical_check import (
    compare,
    heading_ids,
    missing_assets,
    report,
    site_pages,
)


def page(*headings, outside=""):
    """A page of a built site: `outside` is theme markup, the headings are content."""
    body = "".join(
        f'<h{level} id="{anchor}">{anchor}</h{level}>' for level, anchor in headings
    )
    return f"<html><body><nav>{outside}</nav><article>{body}</article></body></html>"


def test_heading_ids_are_the_content_headings_in_order():
    html = page((1, "title"), (2, "b"), (3, "a"), outside='<h2 id="nav-title">Nav</h2>')
    assert heading_ids(html) == ["title", "b", "a"]


def test_headings_without_an_id_and_other_ids_are_ignored():
    html = '<article><h2>No id</h2><p id="para">x</p><h2 id="kept">y</h2></article>'
    assert heading_ids(html) == ["kept"]


def test_a_page_without_article_counts_as_all_content():
    assert heading_ids('<h1 id="top">Top</h1>') == ["top"]


def test_same_pages_and_anchors_differ_in_nothing():
    pages = {"index.html": page((1, "home")), "guide/index.html": page((2, "x"))}
    result = compare(pages, dict(pages))
    assert (result.pages, result.differences) == (2, [])
    assert result.only_mkdocs == result.only_zensical == []
    assert report(result).endswith("The same pages and heading anchors.")


def test_pages_only_one_build_has():
    result = compare(
        {"index.html": page(), "questions/index.html": page()},
        {"index.html": page(), "search.html": page()},
    )
    assert result.only_mkdocs == ["questions/index.html"]
    assert result.only_zensical == ["search.html"]
    assert result.pages == 1


def test_anchors_missing_or_extra_on_a_common_page():
    result = compare(
        {"a/index.html": page((1, "a"), (2, "post_save"), (2, "kept"))},
        {"a/index.html": page((1, "a"), (2, "post-save"), (2, "kept"))},
    )
    [difference] = result.differences
    assert difference.page == "a/index.html"
    assert difference.missing == ["post_save"]
    assert difference.extra == ["post-save"]
    assert report(result).splitlines() == [
        "1 pages in both builds; 1 with different heading anchors.",
        "a/index.html:",
        "  not in Zensical: post_save",
        "  only in Zensical: post-save",
    ]


def test_site_pages_reads_html_pages_but_not_assets(tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<h1 id='g'>G</h1>")
    (tmp_path / "404.html").write_text("<h1>404</h1>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "partial.html").write_text("<p>asset</p>")
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    assert site_pages(tmp_path) == {
        "404.html": "<h1>404</h1>",
        "guide/index.html": "<h1 id='g'>G</h1>",
    }


def test_missing_assets_resolves_relative_and_root_paths():
    pages = {
        "index.html": (
            '<link rel="stylesheet" href="assets/main.css">'
            '<script src="assets/bundle.old.js"></script>'
        ),
        "guide/x/index.html": (
            '<link rel="stylesheet" href="../../assets/main.css">'
            '<link rel="icon" href="../../assets/missing-icon.png">'
            '<script src="/assets/bundle.old.js"></script>'
            '<script src="https://example.com/x.js"></script><script>inline()</script>'
        ),
    }
    files = {"index.html", "guide/x/index.html", "assets/main.css"}
    assert missing_assets(pages, files) == {
        "assets/bundle.old.js": ["index.html", "guide/x/index.html"]
    }


def test_report_names_missing_assets():
    result = compare({"index.html": page()}, {"index.html": page()})
    result.missing_assets = {"assets/bundle.old.js": ["index.html", "a/index.html"]}
    assert report(result).splitlines()[1] == (
        "the Zensical build has no assets/bundle.old.js, which 2 pages load"
        " (e.g. index.html)"
    )
