// A PNG or SVG export is evidence handed to someone who never saw the screen, so the picture
// carries its own title, when it was made, the time window it shows, and the legend.
import { KIND_COLOURS } from "./cystyle";

export interface Frame {
  title: string;
  /** When the export was made, "YYYY-MM-DD HH:MM UTC". */
  made: string;
  /** The time filter's window, or "all times". */
  window: string;
}

export interface LegendItem {
  label: string;
  fill: string;
  ring?: string;
  double?: boolean;
}

// The same marks as the canvas stylesheet (cystyle.ts), in the order the on-screen legend shows.
export const LEGEND: LegendItem[] = [
  ...Object.entries(KIND_COLOURS).map(([label, fill]) => ({ label, fill })),
  { label: "sanctioned", fill: "#ffffff", ring: "#d50000", double: true },
  { label: "scam-linked", fill: "#ffffff", ring: "#9c27b0" },
  { label: "compound-linked", fill: "#ffffff", ring: "#8d4a00" },
];

const HEAD = 46;
const ROW = 20;
const MIN_WIDTH = 640;
const FONT = "system-ui, 'Noto Sans', 'Noto Sans Khmer', 'Noto Sans CJK SC', sans-serif";

export function frameOf(title: string, window: [string | null, string | null], now = new Date()): Frame {
  const made = `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const [from, to] = window;
  const span = from || to ? `${from ?? "the start"} to ${to ?? "the end"}` : "all times";
  return { title: title || "investigation", made, window: span };
}

interface Placed { item: LegendItem; x: number; y: number }

// Legend entries laid out left to right, wrapping at the picture's width (text width estimated:
// the export must not depend on fonts measured in a hidden DOM).
function placeLegend(width: number): { placed: Placed[]; height: number } {
  const placed: Placed[] = [];
  let x = 12;
  let y = 14;
  for (const item of LEGEND) {
    const w = 22 + item.label.length * 7;
    if (x + w > width - 12 && x > 12) { x = 12; y += ROW; }
    placed.push({ item, x, y });
    x += w + 10;
  }
  return { placed, height: y + 14 };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The canvas's own SVG nested under a header and above a legend strip. */
export function framedSvg(inner: string, f: Frame): string {
  const doc = new DOMParser().parseFromString(inner, "image/svg+xml");
  const root = doc.documentElement;
  const w = Math.max(MIN_WIDTH, Math.ceil(parseFloat(root.getAttribute("width") ?? "0")));
  const h = Math.ceil(parseFloat(root.getAttribute("height") ?? "0"));
  root.setAttribute("x", "0");
  root.setAttribute("y", String(HEAD));
  const { placed, height } = placeLegend(w);
  const legend = placed.map(({ item, x, y }) => {
    const ring = item.ring ? ` stroke="${item.ring}" stroke-width="${item.double ? 3 : 2}"` : "";
    return `<circle cx="${x + 6}" cy="${y}" r="6" fill="${item.fill}"${ring}/>` +
      `<text x="${x + 16}" y="${y + 4}" font-size="12">${esc(item.label)}</text>`;
  }).join("");
  const total = HEAD + h + height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${total}" font-family="${esc(FONT)}">` +
    `<rect width="${w}" height="${total}" fill="#ffffff"/>` +
    `<text x="12" y="20" font-size="16" font-weight="bold" class="export-title">${esc(f.title)}</text>` +
    `<text x="12" y="38" font-size="12" fill="#555" class="export-meta">made ${esc(f.made)} · transfers shown: ${esc(f.window)} · scamgraph</text>` +
    new XMLSerializer().serializeToString(root) +
    `<g transform="translate(0 ${HEAD + h})" class="export-legend">${legend}</g></svg>`;
}

/** The canvas's PNG (drawn at `scale`) with the same header and legend, as one PNG. */
export async function framedPng(png: Blob, f: Frame, scale: number): Promise<Blob> {
  const img = await createImageBitmap(png);
  const w = Math.max(MIN_WIDTH, Math.ceil(img.width / scale));
  const { placed, height } = placeLegend(w);
  const body = Math.ceil(img.height / scale);
  const c = document.createElement("canvas");
  c.width = w * scale;
  c.height = (HEAD + body + height) * scale;
  const g = c.getContext("2d");
  if (!g) throw new Error("no 2D canvas to draw the export on");
  g.scale(scale, scale);
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, w, HEAD + body + height);
  g.fillStyle = "#000000";
  g.font = `bold 16px ${FONT}`;
  g.fillText(f.title, 12, 20);
  g.fillStyle = "#555555";
  g.font = `12px ${FONT}`;
  g.fillText(`made ${f.made} · transfers shown: ${f.window} · scamgraph`, 12, 38);
  g.drawImage(img, 0, HEAD, img.width / scale, body);
  for (const { item, x, y } of placed) {
    const cy = HEAD + body + y;
    g.beginPath();
    g.arc(x + 6, cy, 6, 0, 2 * Math.PI);
    g.fillStyle = item.fill;
    g.fill();
    if (item.ring) { g.lineWidth = item.double ? 3 : 2; g.strokeStyle = item.ring; g.stroke(); }
    g.fillStyle = "#000000";
    g.fillText(item.label, x + 16, cy + 4);
  }
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error("the PNG export could not be encoded"))), "image/png"));
}
