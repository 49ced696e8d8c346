// The handbook's search worker: the theme's own search worker, run inside
// this one, with the reader's words prepared before it searches and its
// results ranked again afterwards. The index, the query syntax, the
// highlighting and the results page stay the theme's.
//
// Why: readers type questions ("post_save not firing bulk_create"), and the
// theme's ranking is made for keywords. It appends "*" to every word, so
// "not" also matches "note" and "nothing"; "django" and "signal" match
// nearly every page of a handbook about Django signals; and it multiplies the
// score of a page's introduction by up to 5 and a section's by at most 2,
// then hides under "more on this page" every section that scores below the
// best entry of its page, so the section that answers is rarely shown.
//
// What changes, for a query without lunr syntax (quotes, a leading + or -,
// * ~ ^ :). A query with lunr syntax is left to the theme entirely: its
// words and its results are not touched.
// 1. The query is split like the index (at the separator of mkdocs.yml),
//    and loses its stop words ("not", "in", "when", ...) and the words
//    nearly every page shares ("django", "signal", "signals"), unless
//    nothing would be left.
// 2. Entries are ranked by how many of the reader's words they match, then
//    by lunr's own score (without the theme's extra weight for a page's
//    introduction).
// 3. Each page shows its best sections: up to three that match at least
//    half as many of the words as its best one. Its other sections stay
//    under "more on this page".
//
// search-ranking.js starts this worker in place of the theme's;
// tests/browser/test_search.py measures the result (CONTRIBUTING.md,
// "Search").
(() => {
  const theme = new URL(self.location.href).searchParams.get("theme");
  const SETUP = 0; // the theme's message types
  const QUERY = 2;
  const RESULT = 3;
  const SITE_WORDS = new Set(["django", "signal", "signals"]);
  const SHOWN = 3; // sections shown under a page
  const LUNR_SYNTAX = /(^|\s)[+-]|[*~^:"]/;

  let separator = /\s+/;
  const pending = []; // the words of each query sent on, in order

  function prepare(query) {
    if (LUNR_SYNTAX.test(query)) return [query, null];
    const all = query
      .split(separator)
      .filter(Boolean)
      .map((word) => word.toLowerCase());
    const words = all.filter(
      (word) => self.lunr.stopWordFilter(word) && !SITE_WORDS.has(word),
    );
    const kept = words.length ? words : all;
    return kept.length ? [kept.join(" "), kept] : [query, null];
  }

  // The share of the words an entry matches. The theme's "terms" of an
  // entry say, for each word of the query, whether it matched.
  function share(terms, words) {
    const keys = words || Object.keys(terms);
    return keys.length ? keys.filter((word) => terms[word]).length / keys.length : 0;
  }
  const isPage = (item) => !item.location.includes("#");
  const pageOf = (item) => item.location.split("#")[0];

  function rank(items, words) {
    if (!words) return items;
    // The theme adds a page's own entry with score 0 when only its sections
    // matched. An entry whose words all went unmatched has score NaN.
    const entries = items.flat().filter((item) => item.score !== 0);
    for (const item of entries) {
      // Undo the theme's boost: score * (1 + g^2), where g is 1 for a page's
      // own entry plus the share of the words it matched.
      const g = (isPage(item) ? 1 : 0) + share(item.terms, null);
      item.lunr = Number.isNaN(item.score) ? 0 : item.score / (1 + g ** 2);
      item.matched = share(item.terms, words);
    }
    entries.sort((a, b) => b.matched - a.matched || b.lunr - a.lunr);
    const pages = new Map();
    for (const item of entries) {
      const page = pageOf(item);
      pages.set(page, [...(pages.get(page) || []), item]);
    }
    const own = new Map(items.flat().filter(isPage).map((item) => [item.location, item]));
    let score = entries.length + pages.size; // display scores, falling
    for (const [page, group] of pages) {
      const sections = group.filter((item) => !isPage(item));
      const article = group.find(isPage) || { ...own.get(page), terms: {} };
      const best = sections.length ? sections[0].matched : 0;
      const shown = sections
        .slice(0, SHOWN)
        .filter((item) => item.matched >= best / 2);
      // The theme shows a page's entry, then the sections that score as
      // high as the first entry of the group; the rest go under "more".
      const top = score--;
      for (const item of shown) item.score = top;
      for (const item of sections.slice(shown.length)) item.score = score--;
      article.score = sections.length ? score-- : top;
      pages.set(page, [...sections, article]);
    }
    return [...pages.values()];
  }

  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, ...rest) => {
    if (type !== "message") return listen(type, listener, ...rest);
    return listen(
      type,
      (event) => {
        let message = event.data;
        if (message && message.type === SETUP) {
          separator = new RegExp(message.data.config.separator); // as the theme
        } else if (message && message.type === QUERY) {
          const [query, words] = prepare(message.data);
          pending.push(words);
          message = { ...message, data: query };
        }
        return listener({ data: message });
      },
      ...rest,
    );
  };
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === RESULT) {
      const words = pending.shift();
      const items = message.data.items || [];
      message = { ...message, data: { ...message.data, items: rank(items, words) } };
    }
    return post(message, ...rest);
  };
  importScripts(theme);
})();
