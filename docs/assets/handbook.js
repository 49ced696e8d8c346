// The theme's search panel has role="dialog" but no accessible name; give it one.
document.querySelectorAll(".md-search[role=dialog]").forEach((dialog) => {
  dialog.setAttribute("aria-label", "Search");
});
