// The theme's search panel has role="dialog" but no accessible name; give it one.
document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});

// The theme (mkdocs-material 9.8) wraps each code block's copy button in a
// <nav>: one unnamed navigation landmark per code block, listed by screen
// readers among the page's landmarks (axe: landmark-unique). role="none"
// drops the landmark and keeps the button. The theme adds these navs after
// the page loads, hence the observer.
const unlandmarkCodeNavs = () => {
  document.querySelectorAll("nav.md-code__nav:not([role])").forEach((nav) => {
    nav.setAttribute("role", "none");
  });
};
new MutationObserver(unlandmarkCodeNavs).observe(document.body, {
  childList: true,
  subtree: true,
});
unlandmarkCodeNavs();
