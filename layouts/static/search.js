// The search page: Pagefind's UI over the site's bundles, as pagefind/bundles.json lists them (the archive, the
// primary, first; then the small bundles of newer and edited pages), each with its languages: a bundle holds one
// index per language (each stemmed by its own rules), and every one of them is merged, so a query finds stories
// in every language. The UI loads Pagefind's API from data-api (static/pagefind.js), which leaves out the
// archive's entries the listing hides (pages edited or removed since the archive was indexed). Pagefind's UI
// speaks the page's language (<html lang>); our own sentences come translated in data-label and data-offline. A
// file, not inline, so a strict Content-Security-Policy (script-src 'self') holds.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) { return; }
  if (location.protocol === "file:") {   // browsers do not let a page read from disk load Pagefind's index
    var note = document.createElement("p");
    note.className = "search-unavailable";
    note.textContent = box.dataset.offline;
    box.replaceWith(note);
    return;
  }
  if (!window.PagefindUI) { return; }
  var absolute = function (relative) {   // Pagefind's worker resolves from its own URL
    return new URL(relative, document.baseURI).pathname;
  };
  var root = absolute(box.dataset.bundles);
  fetch(root + "bundles.json").then(function (response) { return response.json(); }).then(function (listed) {
    var bundles = listed.bundles.map(function (bundle) { return root + bundle[0]; });
    var languages = listed.bundles.map(function (bundle) { return bundle[1]; });
    var site = (document.documentElement.lang || "en").split("-")[0].toLowerCase();
    // The primary bundle's index in the site's language is loaded first, with its language's query rules.
    var first = languages[0].indexOf(site) >= 0 ? site : languages[0][0];
    var merged = [];
    bundles.forEach(function (path, i) {
      languages[i].forEach(function (code) {
        if (i === 0 && code === first) { return; }
        // Pagefind skips merging a bundle at the primary's own path: its other languages come by an alias of it.
        merged.push({ bundlePath: i === 0 ? path + "./" : path, language: code });
      });
    });
    var ui = new PagefindUI({
      element: box, bundlePath: absolute(box.dataset.api), baseUrl: box.dataset.baseUrl, language: first,
      mergeIndex: merged, newsdigestHidden: listed.hidden,
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
      text.textContent = box.dataset.label;
      box.before(text);
    })();
    var q = new URLSearchParams(location.search).get("q");
    if (q) { ui.triggerSearch(q); }
  });
})();
