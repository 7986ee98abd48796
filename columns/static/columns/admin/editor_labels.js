// Give each rich-text editor the name of its field ("Body", "Intro note"): the editable area the
// editor creates has no label of its own, so screen readers announced a nameless text box.
"use strict";
(function () {
  function nameEditors() {
    for (const editor of document.querySelectorAll(".prose-editor [contenteditable]")) {
      const label = editor.closest(".form-row")?.querySelector("label");
      if (label && !editor.hasAttribute("aria-label")) {
        editor.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
      }
    }
  }
  // The editors are built by a module script after the page loads.
  new MutationObserver(nameEditors).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
