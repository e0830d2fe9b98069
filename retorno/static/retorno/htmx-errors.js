// Every refusal of an HTMX request reaches the screen, not only the console: the server's own
// message (already in the user's language) when it sent one as plain text, otherwise a generic one.
(function () {
  "use strict";
  function box() { return document.getElementById("htmx-error"); }
  function show(text) {
    var el = box();
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
  }
  document.addEventListener("htmx:beforeRequest", function () {
    var el = box();
    if (el) { el.hidden = true; el.textContent = ""; }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var el = box();
    var type = (xhr.getResponseHeader("Content-Type") || "").toLowerCase();
    var text = xhr.status < 500 && type.indexOf("text/plain") === 0 ? (xhr.responseText || "").trim() : "";
    show(text || (el && el.getAttribute("data-generic")) || String(xhr.status));
  });
  document.addEventListener("htmx:sendError", function () {
    var el = box();
    show((el && el.getAttribute("data-offline")) || "—");
  });
})();
