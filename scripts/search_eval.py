"""How well the site's search answers readers' questions, in their own words.

Each answered question of docs/questions.yml lists the words a reader would
type (`search_words`) and the section that answers it (`answer`). This tool
types each phrase into the search box of the built site, in Chromium, and
checks whether the answering section (or a section nested in it) is in one
of the first three results
(a result is a page with the sections the theme shows under it, without
opening "more on this page").

    python -m scripts.search_eval [SITE_DIR] [--all]

prints one row per query and the hit rate; by default the first phrase of
each question, with --all every phrase. tests/browser/test_search.py runs
the same queries and fails below the target.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.project import DOCS
from tests.harness.anchors import sections

QUESTIONS = DOCS / "questions.yml"
TOP = 3


@dataclass(frozen=True)
class Query:
    words: str
    answer: str  # page.md#anchor, relative to docs/
    question: str  # the question's id

    @property
    def target(self):
        """The answer as a site path: orm/transactions/#anchor."""
        page, _, anchor = self.answer.partition("#")
        return site_url(page, anchor)

    @property
    def targets(self):
        """The answering section and the sections nested in it."""
        page, _, anchor = self.answer.partition("#")
        if not anchor:
            return {site_url(page, "")}
        found = sections(page)
        section = found[anchor]
        result = {
            site_url(page, name)
            for name, inner in found.items()
            if name == anchor or section.line < inner.line < section.end
        }
        heading = (DOCS / page).read_text("utf-8").splitlines()[section.line - 1]
        if heading.startswith("# "):  # the page's title: the result for the page
            result.add(site_url(page, ""))
        return result


def site_url(page, anchor):
    """docs/orm/transactions.md + anchor -> orm/transactions/#anchor."""
    path = re.sub(r"(^|/)index\.md$", r"\1", page).removesuffix(".md")
    path = path + "/" if path and not path.endswith("/") else path
    return f"{path}#{anchor}" if anchor else path


def queries(every_phrase=False, path=QUESTIONS):
    """The test set: one query per phrase of each fully answered question."""
    data = yaml.safe_load(path.read_text())
    result = []
    for question in data["questions"]:
        if question["status"] != "full":
            continue
        phrases = question.get("search_words") or []
        for words in phrases if every_phrase else phrases[:1]:
            result.append(Query(words, question["answer"], question["id"]))
    return result


def site_path(href, base_url):
    """A result link as a site path: drop the origin and the ?h= highlight query."""
    path = href.removeprefix(base_url)
    path = re.sub(r"\?[^#]*", "", path)
    return path.lstrip("./")


# A page's results change with every keystroke: wait until the list stops changing.
RESULTS_SETTLED = """
async ([query]) => {
  const input = document.querySelector("input.md-search__input");
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  const meta = document.querySelector(".md-search-result__meta");
  let last = null, stable = 0;
  for (let i = 0; i < 200 && stable < 4; i++) {
    await new Promise(r => setTimeout(r, 25));
    const now = meta.textContent + "|" +
      document.querySelector(".md-search-result__list").innerHTML.length;
    stable = now === last && !/Initializing/.test(now) ? stable + 1 : 0;
    last = now;
  }
  return [...document.querySelectorAll(".md-search-result__item")].map(item =>
    [...item.querySelectorAll(":scope > .md-search-result__link")].map(a => a.href));
}
"""


def open_search(page):
    """Open the search box on the home page and wait for the index."""
    page.goto("./")
    page.keyboard.press("/")
    page.wait_for_function(
        "() => !/Initializing/.test("
        "document.querySelector('.md-search-result__meta').textContent)"
    )


def results(page, words, base_url):
    """The results, one list per page: the links the reader sees without
    opening "more on this page"."""
    groups = page.evaluate(RESULTS_SETTLED, [words])
    return [[site_path(href, base_url) for href in group] for group in groups]


def evaluate(page, base_url, test_set):
    """[(query, top results, hit)] for each query."""
    open_search(page)
    outcome = []
    for query in test_set:
        top = results(page, query.words, base_url)[:TOP]
        hit = any(query.targets.intersection(group) for group in top)
        outcome.append((query, top, hit))
    return outcome


def report(outcome):
    lines = []
    for query, top, hit in outcome:
        mark = "hit " if hit else "MISS"
        lines.append(f"{mark}  {query.words!r} -> {query.target}")
        if not hit:
            for rank, group in enumerate(top, 1):
                lines.append(f"        {rank}. {', '.join(group)}")
    hits = sum(hit for _, _, hit in outcome)
    lines.append(
        f"{hits}/{len(outcome)} queries have the answer in the top {TOP} "
        f"({hits / len(outcome):.0%})"
    )
    return "\n".join(lines)


def main(argv):
    from playwright.sync_api import sync_playwright

    from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
    from scripts.site import serve

    args = [a for a in argv if not a.startswith("--")]
    site = Path(args[0]) if args else Path("site")
    base_url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
            page = browser.new_page(base_url=base_url)
            outcome = evaluate(page, base_url, queries("--all" in argv))
            browser.close()
    finally:
        server.shutdown()
    print(report(outcome))


if __name__ == "__main__":
    main(sys.argv[1:])
