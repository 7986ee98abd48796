// Give each rich-text editor the name of its field ("Body", "Intro note"): the editable area the
// editor creates has no label of its own, so screen readers announced a nameless text box.
// And make its toolbar speak plainly: an icon's ligature ("format_list_bulleted") is hidden from
// screen readers, whose name for the button is its label ("unordered list"), and a button the
// editor greys out is said to be unavailable (aria-disabled) rather than merely faint.
"use strict";
(function () {
  function nameEditors() {
    for (const editor of document.querySelectorAll(".prose-editor [contenteditable]")) {
      const label = editor.closest(".form-row")?.querySelector("label");
      if (label && !editor.hasAttribute("aria-label")) {
        editor.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
      }
    }
    for (const button of document.querySelectorAll(".prose-menubar__button")) {
      const onlyText = button.childNodes.length === 1 && button.firstChild.nodeType === Node.TEXT_NODE;
      if (button.hasAttribute("aria-label") && onlyText && button.textContent.trim()) {
        const icon = document.createElement("span");
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = button.textContent;
        button.replaceChildren(icon);
      }
      const disabled = String(button.classList.contains("disabled") && !button.classList.contains("active"));
      if (button.getAttribute("aria-disabled") !== disabled) {
        button.setAttribute("aria-disabled", disabled);
      }
    }
  }
  // The editors are built by a module script after the page loads, and grey their buttons out
  // and in by class as the selection moves.
  new MutationObserver(nameEditors).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
  });
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
