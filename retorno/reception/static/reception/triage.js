// Triage by keyboard: the first field has the focus when the page opens for triage ("save and next"),
// Space ticks, Tab moves, Enter anywhere in the form saves and opens the next passenger.
(function () {
  "use strict";
  var form = document.getElementById("triage-form");
  if (!form) return;
  var next = document.getElementById("save-next");
  function focusFirst() {
    var first = form.querySelector("input:not([type=hidden])");
    if (first) first.focus();
  }
  if (location.hash === "#triage-form") {
    // The browser moves focus to the fragment's target once the page has loaded: focus after it.
    focusFirst();
    window.addEventListener("load", function () { setTimeout(focusFirst, 0); });
  }
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || !next || target.tagName === "TEXTAREA" || target.tagName === "BUTTON") return;
    event.preventDefault();
    next.click();
  });
})();
