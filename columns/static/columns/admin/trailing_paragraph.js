// A paragraph always ends the document, so the cursor has somewhere to go after a figure (or a
// list, a quote) at the end: without it, typing after a closing image put the text into a new
// empty figure as its caption. The empty paragraph is dropped again at save
// (columns/admin/editor.py).
import { Extension, Plugin } from "django-prose-editor/editor";

export const TrailingParagraph = Extension.create({
  name: "trailingParagraph",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        appendTransaction: (transactions, oldState, newState) => {
          const last = newState.doc.lastChild;
          if (!last || last.type.name === "paragraph") return null;
          const paragraph = newState.schema.nodes.paragraph.create();
          return newState.tr.insert(newState.doc.content.size, paragraph);
        },
      }),
    ];
  },
});
