// Exports of what is on screen: PNG or SVG of the canvas (framed: exportframe.ts), CSV of the visible elements.
import { download } from "./dom";
import { framedPng, framedSvg, type Frame } from "./exportframe";
import type { Canvas } from "./canvas";
import type { EntityNode, RelEdge } from "./model";

const CSV_HEAD = ["element", "id", "type", "label", "source", "target", "asset", "amount", "ts", "sanctioned"];

/** PNG of the whole canvas under its title, date and time window, above the legend. */
export async function exportPng(canvas: Canvas, name: string, frame: Frame): Promise<void> {
  const blob = canvas.cy.png({ full: true, bg: "#ffffff", scale: 2, output: "blob" }) as unknown as Blob;
  download(`${name}.png`, "image/png", await framedPng(blob, frame, 2));
}

export function exportSvg(canvas: Canvas, name: string, frame: Frame): void {
  download(`${name}.svg`, "image/svg+xml", framedSvg(canvas.cy.svg({ full: true, bg: "#ffffff" }), frame));
}

/** One file, nodes then edges, only what the time filter leaves visible. */
export function visibleCsv(canvas: Canvas): string {
  const rows: (string | number | null)[][] = [CSV_HEAD];
  canvas.cy.nodes(":visible").filter("[!group]").forEach((n) => {
    const e = n.data("entity") as EntityNode;
    const type = e.kinds.length ? e.kinds.join("|") : e.typename;
    rows.push(["node", e.id, type, e.name ?? e.label, null, null, null, null, null, String(e.sanctions.length > 0)]);
  });
  canvas.cy.edges("[!bundle]").not(".timehidden").forEach((el) => {
    const r = el.data("rel") as RelEdge;
    rows.push(["edge", r.id, r.type, r.label, r.source, r.target, r.asset, r.amount, r.ts, null]);
  });
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function exportCsv(canvas: Canvas, name: string): void {
  download(`${name}.csv`, "text/csv", visibleCsv(canvas));
}

// RFC 4180 quoting, and a leading quote against formula injection when opened in a spreadsheet.
function cell(v: string | number | null): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
