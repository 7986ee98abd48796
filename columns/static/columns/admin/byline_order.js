/*
 * Byline order in the column form: drag a row, or use its up/down buttons, and the
 * position fields are renumbered in the order shown. Without JavaScript, the position
 * fields can still be typed in.
 */
"use strict";
(function () {
    function rows(table) {
        return Array.from(table.querySelectorAll("tbody tr.form-row:not(.empty-form)"));
    }

    function renumber(table) {
        rows(table).forEach(function (row, index) {
            const input = row.querySelector("input[name$='-position']");
            if (input) {
                input.value = index;
            }
        });
    }

    function addButtons(table, row) {
        const cell = row.querySelector("td.field-position");
        if (!cell || cell.querySelector(".byline-move")) {
            return;
        }
        [["↑", "Move up", -1], ["↓", "Move down", 1]].forEach(function ([label, title, step]) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "byline-move";
            button.textContent = label;
            button.title = title;
            button.setAttribute("aria-label", title);
            button.addEventListener("click", function () {
                const all = rows(table);
                const target = all[all.indexOf(row) + step];
                if (target) {
                    if (step < 0) {
                        target.before(row);
                    } else {
                        target.after(row);
                    }
                    renumber(table);
                    button.focus();
                }
            });
            cell.append(button);
        });
    }

    function setUp(table) {
        let dragged = null;
        rows(table).forEach(function (row) {
            row.draggable = true;
            addButtons(table, row);
        });
        table.addEventListener("dragstart", function (event) {
            dragged = event.target.closest("tr.form-row");
        });
        table.addEventListener("dragover", function (event) {
            event.preventDefault();
        });
        table.addEventListener("drop", function (event) {
            event.preventDefault();
            const target = event.target.closest("tr.form-row");
            if (dragged && target && target !== dragged) {
                const all = rows(table);
                if (all.indexOf(dragged) < all.indexOf(target)) {
                    target.after(dragged);
                } else {
                    target.before(dragged);
                }
                renumber(table);
            }
            dragged = null;
        });
        document.addEventListener("formset:added", function (event) {
            if (table.contains(event.target)) {
                event.target.draggable = true;
                addButtons(table, event.target);
                renumber(table);
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("fieldset.byline-inline table").forEach(setUp);
    });
})();
