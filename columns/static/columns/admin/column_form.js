// The column form, as the editor works in it: the panel's word count and address follow what is
// typed, and leaving the page with unsaved changes asks first. Without JavaScript the panel shows
// the saved values and nothing else changes.
"use strict";
(function () {
  const WORDS_PER_MINUTE = 230; // as columns/admin/panel.py

  function plural(n, word) {
    return `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
  }

  function updateLength() {
    const out = document.getElementById("column-length");
    const body = document.querySelector(".field-body [contenteditable=true]");
    if (!out || !body) return;
    const words = body.innerText.split(/\s+/).filter((w) => w && w !== "[more]").length;
    const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    out.textContent = plural(words, "word") + (words ? `, about ${plural(minutes, "minute")} to read` : "");
  }

  function readDay(value) {
    // The admin's date inputs, in the site's format (dd/mm/yyyy) or ISO (yyyy-mm-dd).
    let m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value || "");
    if (m) return [m[3], m[2].padStart(2, "0"), m[1].padStart(2, "0")];
    m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(value || "");
    if (m) return [m[1], m[2].padStart(2, "0"), m[3].padStart(2, "0")];
    return null;
  }

  function updateAddress() {
    const out = document.getElementById("column-address");
    const slug = document.getElementById("id_slug");
    if (!out || !slug) return;
    const stamp = document.getElementById("id_outlet_published_at_0");
    const posted = document.getElementById("id_posted_at_0");
    const day = readDay(stamp && stamp.value) || readDay(posted && posted.value);
    if (!slug.value || !day) {
      out.textContent = out.dataset.saved || "given when the column is saved";
      return;
    }
    out.textContent = `${out.dataset.base}${day.join("/")}/${slug.value}/`;
  }

  function watchForUnsavedChanges(form) {
    let dirty = false;
    let submitting = false;
    // Only what the editor does counts: the editors and widgets also fire events as they start.
    const changed = (event) => { if (event.isTrusted) dirty = true; };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Autocomplete fields (select2) announce a pick through jQuery only.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("select2:select select2:unselect", () => { dirty = true; });
    }
    form.addEventListener("submit", () => { submitting = true; });
    window.addEventListener("beforeunload", (event) => {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = ""; // older browsers need it set to ask
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("column_form");
    if (!form) return;
    watchForUnsavedChanges(form);
    form.addEventListener("input", () => { updateLength(); updateAddress(); });
    form.addEventListener("change", updateAddress);
    updateAddress();
  });
})();
