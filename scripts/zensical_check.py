"""How far the site built by Zensical is from the one mkdocs builds (make zensical).

    python -m scripts.zensical_check [--mkdocs-site DIR] [--zensical-site DIR]

Builds the site with mkdocs and with Zensical (each into a temporary folder,
unless given an already built one), then prints the pages that only one of
them has, page by page the heading anchors (the ids of h1-h6 in the
content) that differ, and the scripts and stylesheets that the Zensical
build's pages load but it does not have. It informs, it does not gate: the exit status is 0
whatever it finds; only a build that fails makes it 1.

Zensical reads mkdocs.yml but has no option for the output folder, and wants
site_dir inside the folder of its configuration file: the check writes a
copy of mkdocs.yml with site_dir set, in the repository root, and removes the
copy and the folder afterwards. `nox -s zensical` installs Zensical for it.
"""

import argparse
import os
import posixpath
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from scripts.project import ROOT
from scripts.shell import run

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def heading_ids(html):
    """The ids of the headings of a page's content, in order.

    The content is the theme's <article> (mkdocs-material and Zensical both
    have one); a page without it counts as all content.
    """
    soup = BeautifulSoup(html, "html.parser")
    content = soup.find("article") or soup
    return [tag["id"] for tag in content.find_all(HEADINGS) if tag.get("id")]


def site_pages(site_dir):
    """{page path relative to the site: its HTML} for every HTML page of a built site."""
    site_dir = Path(site_dir)
    return {
        path.relative_to(site_dir).as_posix(): path.read_text("utf-8")
        for path in sorted(site_dir.rglob("*.html"))
        if "assets" not in path.relative_to(site_dir).parts
    }


def missing_assets(pages, files):
    """{asset: pages} for the scripts and stylesheets pages load that the site lacks.

    `pages` is {page path: html}, `files` every file of the site, as paths
    relative to it. A template copied from one theme into overrides/ can name
    asset files (bundle.<hash>.min.js) that another theme does not have.
    """
    missing = {}
    for page, html in pages.items():
        soup = BeautifulSoup(html, "html.parser")
        tags = soup.find_all("script", src=True) + [
            link
            for link in soup.find_all("link", href=True)
            if "stylesheet" in (link.get("rel") or [])
        ]
        for tag in tags:
            url = urlsplit(tag.get("src") or tag.get("href"))
            if url.scheme or url.netloc or not url.path:
                continue
            base = posixpath.dirname(page)
            path = posixpath.normpath(
                url.path.lstrip("/")
                if url.path.startswith("/")
                else posixpath.join(base, url.path)
            )
            if path not in files:
                missing.setdefault(path, []).append(page)
    return missing


def site_files(site_dir):
    site_dir = Path(site_dir)
    return {
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file()
    }


@dataclass
class PageDifference:
    page: str
    missing: list = field(default_factory=list)  # anchors mkdocs has, Zensical not
    extra: list = field(default_factory=list)  # anchors Zensical has, mkdocs not


@dataclass
class Comparison:
    pages: int = 0  # pages both builds have
    only_mkdocs: list = field(default_factory=list)
    only_zensical: list = field(default_factory=list)
    differences: list = field(default_factory=list)  # PageDifference, by page
    missing_assets: dict = field(default_factory=dict)  # of the Zensical build


def compare(mkdocs_pages, zensical_pages):
    """Compare two {page: html} maps: which pages and which heading anchors differ."""
    common = sorted(set(mkdocs_pages) & set(zensical_pages))
    result = Comparison(
        pages=len(common),
        only_mkdocs=sorted(set(mkdocs_pages) - set(zensical_pages)),
        only_zensical=sorted(set(zensical_pages) - set(mkdocs_pages)),
    )
    for page in common:
        ours = heading_ids(mkdocs_pages[page])
        theirs = heading_ids(zensical_pages[page])
        missing = [anchor for anchor in ours if anchor not in theirs]
        extra = [anchor for anchor in theirs if anchor not in ours]
        if missing or extra:
            result.differences.append(PageDifference(page, missing, extra))
    return result


def report(comparison):
    """The comparison as text, one line a finding."""
    lines = [
        f"{comparison.pages} pages in both builds; "
        f"{len(comparison.differences)} with different heading anchors."
    ]
    for page in comparison.only_mkdocs:
        lines.append(f"only in the mkdocs build: {page}")
    for page in comparison.only_zensical:
        lines.append(f"only in the Zensical build: {page}")
    for difference in comparison.differences:
        lines.append(f"{difference.page}:")
        if difference.missing:
            lines.append("  not in Zensical: " + " ".join(difference.missing))
        if difference.extra:
            lines.append("  only in Zensical: " + " ".join(difference.extra))
    for asset, pages in sorted(comparison.missing_assets.items()):
        lines.append(
            f"the Zensical build has no {asset}, which {len(pages)} pages load"
            f" (e.g. {pages[0]})"
        )
    if not (
        comparison.only_mkdocs or comparison.only_zensical or comparison.differences
    ):
        lines.append("The same pages and heading anchors.")
    return "\n".join(lines)


def build_with_mkdocs(target):
    # Not strict: the point is to compare, and a broken link is make test's job.
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(target)])
    if result.returncode:
        raise SystemExit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def build_with_zensical(target):
    """Build with Zensical into `target`, a folder inside ROOT."""
    config = ROOT / f".zensical-check-{os.getpid()}.yml"
    relative = Path(target).resolve().relative_to(ROOT)
    config.write_text(
        (ROOT / "mkdocs.yml").read_text("utf-8") + f"\nsite_dir: {relative}\n", "utf-8"
    )
    try:
        zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
        if zensical is None:
            raise SystemExit("zensical is not installed here: run nox -s zensical")
        result = run([zensical, "build", "--config-file", str(config)])
    finally:
        config.unlink()
    output = result.stdout + result.stderr
    if result.returncode:
        raise SystemExit(f"zensical build failed:\n{output}")
    return output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mkdocs-site", type=Path, help="an mkdocs build to use")
    parser.add_argument("--zensical-site", type=Path, help="a Zensical build to use")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mkdocs-site-") as mkdocs_tmp:
        # Inside ROOT: Zensical refuses a site_dir outside its project folder.
        with tempfile.TemporaryDirectory(prefix=".zensical-site-", dir=ROOT) as z_tmp:
            mkdocs_site = args.mkdocs_site or Path(mkdocs_tmp)
            zensical_site = args.zensical_site or Path(z_tmp)
            if not args.mkdocs_site:
                build_with_mkdocs(mkdocs_site)
            if not args.zensical_site:
                output = build_with_zensical(zensical_site)
                print("Zensical's build log:\n" + output.strip() + "\n")
            zensical_pages = site_pages(zensical_site)
            comparison = compare(site_pages(mkdocs_site), zensical_pages)
            comparison.missing_assets = missing_assets(
                zensical_pages, site_files(zensical_site)
            )
    print(report(comparison))
    return 0


if __name__ == "__main__":
    sys.exit(main())
