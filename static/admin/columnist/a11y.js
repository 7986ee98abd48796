// Names that Django's admin and select2 leave out, for screen readers (axe checks each admin
// page we change): select2's boxes get their field's label, and empty table headers a name.
"use strict";
(function () {
  function labelFor(control) {
    const label = control.id && document.querySelector(`label[for="${control.id}"]`);
    if (label) return label.textContent.replace(/:\s*$/, "").trim();
    // In a tabular inline, the column's header names the field.
    const cell = control.closest("td");
    const table = cell && cell.closest("table");
    const header = table && table.querySelectorAll("thead th")[cell.cellIndex];
    return header ? header.textContent.trim() : "";
  }

  function nameAll() {
    for (const container of document.querySelectorAll(".select2-container")) {
      const select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") continue;
      const name = labelFor(select) || select.getAttribute("aria-label") || "";
      if (!name) continue;
      const box = container.querySelector(".select2-selection");
      if (box && box.getAttribute("aria-label") !== name) {
        box.removeAttribute("aria-labelledby");
        box.setAttribute("aria-label", name);
      }
      const rendered = container.querySelector(".select2-selection__rendered[role=textbox]");
      if (rendered && rendered.getAttribute("aria-label") !== name) {
        rendered.setAttribute("aria-label", name);
      }
      const search = container.querySelector(".select2-search__field");
      if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", name);
    }
    for (const control of document.querySelectorAll("td input:not([type=hidden]), td select, td textarea")) {
      if (control.labels && control.labels.length) continue;
      if (control.hasAttribute("aria-label")) continue;
      const name = labelFor(control);
      if (name) control.setAttribute("aria-label", name);
    }
    for (const th of document.querySelectorAll("thead th")) {
      if (!th.textContent.trim() && !th.querySelector(".visually-hidden")) {
        const hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = th.classList.contains("original") ? "Saved as" : "More";
        th.appendChild(hidden);
      }
    }
  }

  new MutationObserver(nameAll).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", nameAll);
})();
