// The tag field (columns/admin/tag_field.py): a tag typed rather than picked is sent as
// "new:<name>", so a new tag named "2024" is not read as the tag whose id is 2024. select2 marks
// the options it creates from typing with data-select2-tag.
"use strict";
document.addEventListener("submit", (event) => {
  for (const option of event.target.querySelectorAll("option[data-select2-tag]")) {
    if (!option.value.startsWith("new:")) option.value = `new:${option.value}`;
  }
}, true);
