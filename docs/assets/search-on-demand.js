// Load the search index when the reader searches, not on every page load.
//
// Material for MkDocs requests search/search_index.json (about 130 KB
// compressed) as soon as a page loads. This script, loaded before the theme's
// own (overrides/main.html), holds that one request back until the reader
// shows they want to search: the search box gets focus (a click, a tap on the
// search icon, or the "/", "s" and "f" shortcuts, which focus it), or the page
// was opened from a search result (?h=..., which the theme highlights with
// the index). If the theme stops using XMLHttpRequest for the index, the
// index simply loads at once again. tests/browser/test_search.py checks both.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  let wanted;
  const want = new Promise((resolve) => {
    wanted = resolve;
  });
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.handbookUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const url = new URL(this.handbookUrl || "", location.href);
    if (!INDEX.test(url.pathname)) return send.apply(this, args);
    want.then(() => send.apply(this, args));
  };
  if (new URLSearchParams(location.search).has("h")) wanted();
  document.addEventListener("focusin", (event) => {
    if (event.target.matches && event.target.matches("input.md-search__input")) {
      wanted();
    }
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) wanted();
  });
})();
