// A lead image is shown from the page it came from. When that address no longer answers (news sites
// expire and hotlink-protect their pictures; a reader offline), the picture is hidden and its caption
// stays, as for an article with a caption alone, instead of a broken-image box.
(function () {
  "use strict";
  document.querySelectorAll("figure.photo img").forEach(function (img) {
    function hide() {
      img.hidden = true;
      img.closest("figure").classList.remove("with-image");
    }
    if (img.complete && img.naturalWidth === 0 && img.currentSrc) { hide(); } else { img.addEventListener("error", hide); }
  });
})();
