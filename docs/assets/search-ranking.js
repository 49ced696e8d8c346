// Start the handbook's search worker (search-ranking-worker.js) in place of
// the theme's. The handbook's worker runs the theme's inside it, so the
// index, the query syntax and the results page stay the theme's; it
// prepares the reader's words and ranks the results (see its comment).
// Loaded before the theme's script by overrides/main.html. If the theme
// renames its worker, the theme's own runs and tests/browser/test_search.py
// fails on the ranking.
(() => {
  const THEME_WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  const here = document.currentScript.src;
  const Theirs = window.Worker;
  window.Worker = class extends Theirs {
    constructor(url, ...rest) {
      const theme = new URL(url, location.href);
      if (THEME_WORKER.test(theme.pathname)) {
        const ours = new URL("search-ranking-worker.js", here);
        ours.searchParams.set("theme", theme.href);
        url = ours.href;
      }
      super(url, ...rest);
    }
  };
})();
