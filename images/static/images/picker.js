// The image picker window (images/admin.py picker_view): hand the chosen image, with its alt
// text and caption, back to the editor's figure dialog that opened this window, then close.
"use strict";
(function () {
  function give(element) {
    const root = document.querySelector(".image-picker");
    const callback = root && root.dataset.callback;
    const tools = window.opener && window.opener.CKEDITOR && window.opener.CKEDITOR.tools;
    if (!callback || !tools) return false;
    tools.callFunction(Number(callback), element.dataset.url, {
      id: element.dataset.id,
      alternative_text: element.dataset.alt,
      caption: element.dataset.caption,
    });
    window.close();
    return true;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const uploaded = document.querySelector(".picked-now");
    if (uploaded) give(uploaded);
    for (const button of document.querySelectorAll("button.pick")) {
      button.addEventListener("click", () => {
        if (!give(button)) button.querySelector("span").textContent = `Address: ${button.dataset.url}`;
      });
    }
  });
})();
