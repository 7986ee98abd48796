// The press forms: the sentence readers will see, kept current as the fields are typed. The
// server writes it (mentions/log.py preview_sentence), so the preview is the real sentence.
"use strict";
(function () {
  const FIELDS = ["outlets", "outlet", "new_outlets", "topic", "kind"];

  function start() {
    const out = document.getElementById("sentence-preview");
    if (!out) return;
    const form = out.closest("form");
    let timer = null;
    let asked = 0;

    async function refresh() {
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (FIELDS.includes(name) && typeof value === "string") query.append(name, value);
      }
      const ask = ++asked;
      try {
        const response = await fetch(`${out.dataset.url}?${query}`, {credentials: "same-origin"});
        if (!response.ok || ask !== asked) return;
        out.textContent = (await response.json()).sentence;
      } catch (error) {
        // Offline or logged out: the preview keeps its last sentence.
      }
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", later);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
