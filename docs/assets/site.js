// Small enhancements; every page works without them (scheme.js ran before the first paint).
// 1. Search: the header's button opens a dialog that loads Pagefind's index of the page's
//    language only then (without JavaScript the header links to the overview instead).
// 2. The dark/light button: a choice is kept (localStorage, no cookie) only while it differs
//    from the system's; CSS alone follows the system.
// 3. The phone menu closes when focus leaves it.
// 4. "Copy link" next to each point's own link, with a confirmation screen readers announce.
// 5. The language switch keeps the #id of the point the reader is on.
(function () {
  "use strict";

  var root = document.documentElement;

  function fill(template, values) {
    return template.replace(/\{(count|query)\}/g, function (whole, name) { return String(values[name]); });
  }

  // Pagefind's excerpt marks the words found with <mark>; only text and those marks are kept.
  function excerptNodes(excerpt) {
    var parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    return Array.prototype.map.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }

  var dialog = document.getElementById("rv-search");
  var opener = document.querySelector("button[data-rv=open-search]");
  if (dialog && opener && typeof dialog.showModal === "function") {
    var form = dialog.querySelector("[data-rv=search-form]");
    var input = dialog.querySelector("[data-rv=search-input]");
    var status = dialog.querySelector("[data-rv=search-status]");
    var list = dialog.querySelector("[data-rv=search-results]");
    var siteRoot = new URL(document.body.getAttribute("data-rv-root") || "./", window.location.href);
    var pagefind = null;
    var asked = "";
    var timer = null;

    var load = function () {
      if (!pagefind) {
        pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
          return Promise.resolve(module.options({ baseUrl: siteRoot.pathname, excerptLength: 24 })).then(function () { return module; });
        });
      }
      return pagefind;
    };

    var show = function (query, results) {
      list.replaceChildren.apply(list, results.map(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = (result.meta && result.meta.title) || result.url;
        var excerpt = document.createElement("p");
        excerptNodes(result.excerpt || "").forEach(function (node) { excerpt.appendChild(node); });
        item.appendChild(link);
        item.appendChild(excerpt);
        return item;
      }));
      var template = results.length === 0 ? "data-rv-none" : results.length === 1 ? "data-rv-one" : "data-rv-results";
      status.textContent = fill(dialog.getAttribute(template), { count: results.length, query: query });
    };

    var run = function () {
      var query = input.value.trim();
      asked = query;
      if (!query) {
        list.replaceChildren();
        status.textContent = "";
        return;
      }
      status.textContent = dialog.getAttribute("data-rv-loading");
      load().then(function (module) {
        return module.search(query);
      }).then(function (found) {
        return Promise.all(found.results.slice(0, 12).map(function (result) { return result.data(); }));
      }).then(function (results) {
        if (query === asked) { show(query, results); }
      }, function () {
        if (query === asked) { status.textContent = dialog.getAttribute("data-rv-failed"); }
      });
    };

    opener.addEventListener("click", function () {
      dialog.showModal();
      input.focus();
      load().catch(function () { status.textContent = dialog.getAttribute("data-rv-failed"); });
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run();
    });
    dialog.querySelector("[data-rv=close-search]").addEventListener("click", function () { dialog.close(); });
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) { dialog.close(); }
    });
    // Escape closes the dialog at once, also from a search field with words in it (where the
    // browser would first clear them); focus goes back to the button that opened it.
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        dialog.close();
      }
    });
    dialog.addEventListener("close", function () { opener.focus(); });
  }

  var schemeButton = document.querySelector("button[data-rv=scheme]");
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (schemeButton && system) {
    var systemScheme = function () { return system.matches ? "dark" : "light"; };
    var current = function () { return root.getAttribute("data-rv-scheme") || systemScheme(); };
    var showScheme = function () { schemeButton.setAttribute("aria-pressed", current() === "dark" ? "true" : "false"); };
    schemeButton.hidden = false;
    showScheme();
    schemeButton.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      try {
        if (next === systemScheme()) {
          window.localStorage.removeItem("rv-scheme");
        } else {
          window.localStorage.setItem("rv-scheme", next);
        }
      } catch (error) {
        // Storage blocked: the choice holds for this page only.
      }
      if (next === systemScheme()) { root.removeAttribute("data-rv-scheme"); } else { root.setAttribute("data-rv-scheme", next); }
      showScheme();
    });
    if (system.addEventListener) { system.addEventListener("change", showScheme); }
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
