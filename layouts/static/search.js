// The search page: Pagefind's UI over the archive's bundles (the newest period's first, then the older
// periods', merged), given in the page's data-bundles. A file, not inline, so a strict
// Content-Security-Policy (script-src 'self') holds.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) { return; }
  if (location.protocol === "file:") {   // browsers do not let a page read from disk load Pagefind's index
    var note = document.createElement("p");
    note.className = "search-unavailable";
    note.textContent = "Search needs the site served over HTTP: a browser will not run it on pages opened from disk. " +
      "Run python3 build.py serve and open the address it prints, or browse the archive, sections and tags.";
    box.replaceWith(note);
    return;
  }
  if (!window.PagefindUI) { return; }
  var bundles = box.dataset.bundles.split(" ").map(function (relative) {
    return new URL(relative, document.baseURI).pathname;   // absolute: Pagefind's worker resolves from its own URL
  });
  var ui = new PagefindUI({
    element: box, bundlePath: bundles[0], baseUrl: box.dataset.baseUrl,
    mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }),
    showImages: false, showSubResults: false, resetStyles: false, autofocus: true, debounceTimeoutMs: 120,
    processResult: function (result) {   // Pagefind lists every meta as "key: value": readers see the date alone
      result.meta = { title: result.meta.title, date: result.meta.date };
      return result;
    }
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
