// Small enhancements; every page works without them.
// 1. "Copy link" next to each point's own link, with a confirmation screen readers announce.
// 2. The language switch keeps the #id of the point the reader is on.
// 3. The header's search button opens Material's search (without JavaScript the header links
//    to the overview instead), and the phone menu closes when focus leaves it.
(function () {
  "use strict";

  var searchButton = document.querySelector("button[data-rv=open-search]");
  var searchToggle = document.getElementById("__search");
  if (searchButton && searchToggle) {
    searchButton.addEventListener("click", function () {
      // Material follows its checkbox's change event: it opens the dialog and loads the index.
      searchToggle.checked = true;
      searchToggle.dispatchEvent(new Event("change"));
      var query = document.querySelector("[data-md-component=search-query]");
      if (query) { query.focus(); }
    });
  }

  var menu = document.getElementById("rv-menu");
  if (menu && menu.hidePopover) {
    // Focus that leaves the open menu would land behind its backdrop: close it.
    menu.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && !menu.contains(next) && menu.matches(":popover-open")) { menu.hidePopover(); }
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain http: copy through a temporary text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = document.execCommand("copy");
      document.body.removeChild(field);
      if (done) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  document.querySelectorAll("a[data-rv=point-link][data-rv-copy]").forEach(function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "rv-copy";
    button.textContent = link.getAttribute("data-rv-copy");
    button.setAttribute("aria-label", link.getAttribute("data-rv-copy") + " " + link.getAttribute("data-rv-number"));
    button.setAttribute("data-rv", "copy-link");
    var status = document.createElement("span");
    status.className = "rv-copied";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var address = new URL(link.getAttribute("href"), window.location.href).href;
      copyText(address).then(function () {
        status.textContent = link.getAttribute("data-rv-copied");
      }, function () {
        status.textContent = address;
      });
    });
    link.parentNode.appendChild(button);
    link.parentNode.appendChild(status);
  });

  var switcher = document.querySelector("a[data-rv=language-switch]");
  if (switcher) {
    var keepFragment = function () {
      var target = new URL(switcher.getAttribute("href"), window.location.href);
      target.hash = window.location.hash;
      switcher.setAttribute("href", target.pathname + target.search + target.hash);
    };
    keepFragment();
    window.addEventListener("hashchange", keepFragment);
  }
})();
