// The search page: Pagefind's UI over the archive's bundles (the newest period's first, then the older
// periods', merged), given in the page's data-bundles. A file, not inline, so a strict
// Content-Security-Policy (script-src 'self') holds.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.PagefindUI) { return; }
  var bundles = box.dataset.bundles.split(" ").map(function (relative) {
    return new URL(relative, document.baseURI).pathname;   // absolute: Pagefind's worker resolves from its own URL
  });
  var ui = new PagefindUI({
    element: box, bundlePath: bundles[0], baseUrl: box.dataset.baseUrl,
    mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }),
    showImages: false, showSubResults: false, resetStyles: false, autofocus: true, debounceTimeoutMs: 120
  });
  (function label() {   // give Pagefind's input a visible label
    var input = box.querySelector("input");
    if (!input) { requestAnimationFrame(label); return; }
    input.id = "search-query";
    var text = document.createElement("label");
    text.htmlFor = "search-query";
    text.className = "search-label";
    text.textContent = "Search every story, then narrow by section, tag or year";
    box.before(text);
  })();
  var q = new URLSearchParams(location.search).get("q");
  if (q) { ui.triggerSearch(q); }
})();
