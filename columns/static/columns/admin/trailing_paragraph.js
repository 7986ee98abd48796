// A paragraph always ends the document, so the cursor has somewhere to go after a figure (or a
// list, a quote) at the end: without it, typing after a closing image put the text into a new
// empty figure as its caption. The empty paragraph is dropped again at save
// (columns/admin/editor.py).
//
// Inserting a figure from its dialog leaves the caret at the end of the caption the dialog
// filled in, so the next words typed lengthened the caption. The caret goes to the paragraph
// after the new figure instead: a new empty one, unless one follows already (empty paragraphs
// are dropped by the sanitiser at save, core/html.py).
import { Extension, Plugin } from "django-prose-editor/editor";

const holdsFigure = (fragment) => {
  let found = false;
  fragment?.forEach((node) => {
    found ||= node.type.name === "figure";
  });
  return found;
};

const insertsFigure = (transaction) =>
  transaction.steps.some((step) => holdsFigure(step.slice?.content));

const figureDepth = ($pos) => {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name === "figure") return depth;
  }
  return null;
};

export const TrailingParagraph = Extension.create({
  name: "trailingParagraph",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        appendTransaction: (transactions, oldState, newState) => {
          const paragraph = newState.schema.nodes.paragraph;
          const tr = newState.tr;
          const last = newState.doc.lastChild;
          if (last && last.type.name !== "paragraph") {
            tr.insert(newState.doc.content.size, paragraph.create());
          }
          const depth = figureDepth(tr.selection.$head);
          if (depth !== null && transactions.some(insertsFigure)) {
            const after = tr.selection.$head.after(depth);
            const next = tr.doc.resolve(after).nodeAfter;
            if (next?.type !== paragraph || next.content.size > 0) {
              tr.insert(after, paragraph.create());
            }
            // Selection.near, reached through the current selection's class: the editor's
            // bundle does not export ProseMirror's Selection.
            tr.setSelection(tr.selection.constructor.near(tr.doc.resolve(after + 1)));
          }
          return tr.docChanged || tr.selectionSet ? tr : null;
        },
      }),
    ];
  },
});
