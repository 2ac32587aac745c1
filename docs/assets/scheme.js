// Runs before the first paint, so nothing flashes: the page knows it has JavaScript, and takes
// the colour scheme a reader chose on this site (site.js keeps that choice in localStorage only
// while it differs from the system's; without a choice, CSS follows the system).
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  try {
    var chosen = window.localStorage.getItem("rv-scheme");
    if (chosen === "dark" || chosen === "light") { root.setAttribute("data-rv-scheme", chosen); }
  } catch (error) {
    // Storage blocked: the system's scheme.
  }
})();
