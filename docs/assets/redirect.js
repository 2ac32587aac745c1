// A page that moved (an old or short address): on to the new one at once, keeping any #id.
// Without JavaScript, the page's meta refresh goes there too, and its link stays.
(function () {
  "use strict";
  var link = document.querySelector("a[data-rv=redirect-target]");
  if (link) { window.location.replace(link.href.split("#")[0] + (window.location.hash || (link.hash || ""))); }
})();
