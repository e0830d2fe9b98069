// Check-in: filter the manifest as you type (in the browser: names never leave the screen),
// move with the arrow keys, Enter checks the selected person in, Alt+N marks them absent.
(function () {
  "use strict";
  var input = document.getElementById("filter");
  var body = document.querySelector("#manifest tbody");
  if (!input || !body) return;
  var decision = document.getElementById("decision");
  var selected = null;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function visibleRows() {
    return Array.prototype.filter.call(body.rows, function (row) { return !row.hidden; });
  }
  function select(row) {
    if (selected) selected.classList.remove("selected");
    selected = row;
    if (row) {
      row.classList.add("selected");
      row.scrollIntoView({ block: "nearest" });
    }
  }
  function filter() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = fold(row.getAttribute("data-search"));
      row.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
    });
    var rows = visibleRows();
    var waiting = rows.filter(function (r) { return r.querySelector("button.checkin"); });
    select(waiting[0] || rows[0] || null);
  }
  function move(step) {
    var rows = visibleRows();
    if (!rows.length) return;
    var index = rows.indexOf(selected);
    select(rows[Math.max(0, Math.min(rows.length - 1, index + step))]);
  }
  input.addEventListener("input", filter);
  function decisionButtons() {
    return decision ? Array.prototype.slice.call(decision.querySelectorAll("button")) : [];
  }
  function closeDecision() {
    if (decision) decision.innerHTML = "";
    input.focus();
  }
  document.addEventListener("keydown", function (event) {
    // The identity decision (likely matches of the passenger being checked in) has the keys while open.
    if (decision && decision.contains(document.activeElement)) {
      var buttons = decisionButtons();
      var at = buttons.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault();
        closeDecision();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = at + (event.key === "ArrowDown" ? 1 : -1);
        buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
      }
      return;
    }
    if (event.key === "/") {
      // Always the search shortcut: names and document numbers never contain a slash.
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Enter" && selected && (document.activeElement === input || document.activeElement === document.body)) {
      var button = selected.querySelector("button.checkin");
      if (button) {
        event.preventDefault();
        button.click();
      }
    } else if (event.altKey && (event.key === "n" || event.key === "N") && selected) {
      var absent = selected.querySelector("button.noshow");
      if (absent) {
        event.preventDefault();
        absent.click();
      }
    }
  });
  // A check-in that needs a decision: Enter confirms the safe choice ("a new person") unless the
  // server found strong evidence (same document, or full name and full birth date) for one person.
  // The focus is set once htmx has settled the panel: htmx focuses an [autofocus] element in its
  // settle step, some milliseconds after the swap, and a focus set at the swap would be taken back
  // then, after the clerk may already have pressed ↑ or ↓.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (decision && (event.target === decision || event.detail.target === decision)) {
      var first = decision.querySelector("button[data-default]") || decision.querySelector("button.confirm-new");
      if (first) first.focus();
    }
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (decision && event.detail.target === decision) return;
    // The checked-in row is replaced: close the decision, then clear the search for the next person.
    // Other swaps (the counts polled every 5 s) leave an open decision alone.
    var row = event.detail.target && event.detail.target.id ? document.getElementById(event.detail.target.id) : null;
    if (row && row.tagName === "TR") {
      if (decision) decision.innerHTML = "";
      input.value = "";
      filter();
      input.focus();
    }
  });
  filter();
})();
