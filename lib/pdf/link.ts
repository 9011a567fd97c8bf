import { PDFString, type PDFDocument, type PDFPage } from "pdf-lib";

/**
 * Makes a rectangle of the page a clickable web link (a URI link annotation). pdf-lib draws text
 * only; without this, a printed address is not a link in PDF readers.
 */
export function addLink(doc: PDFDocument, page: PDFPage, url: string, rect: { x: number; y: number; width: number; height: number }): void {
  const annot = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    Border: [0, 0, 0],
    A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
  });
  page.node.addAnnot(doc.context.register(annot));
}
