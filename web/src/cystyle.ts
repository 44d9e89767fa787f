// Cytoscape stylesheet: one shape and colour per kind, sanctioned entities ringed in red,
// transfer edges labelled "amount asset" with a width that grows with the value.
import type { StylesheetJson } from "cytoscape";

// Debian's Noto fonts (scripts/install-browser-deps) cover Khmer, Thai, Burmese and CJK aliases.
export const FONT_STACK = "DejaVu Sans, Noto Sans, Noto Sans Khmer, Noto Sans Thai, Noto Sans Myanmar, "
  + "Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif";

export const KIND_COLOURS: Record<string, string> = {
  wallet: "#4b6a88",
  exchange: "#138a72",
  company: "#6b4fa3",
  organization: "#8a6d1f",
  person: "#c25e12",
  compound: "#9b2d30",
  sanction: "#b00020",
};

const KIND_SHAPES: Record<string, string> = {
  wallet: "ellipse",
  exchange: "round-rectangle",
  company: "rectangle",
  organization: "hexagon",
  person: "round-triangle",
  compound: "diamond",
  sanction: "octagon",
};

function kindRules(): StylesheetJson {
  return Object.keys(KIND_COLOURS).map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": KIND_COLOURS[kind], shape: KIND_SHAPES[kind] as "ellipse" },
  }));
}

export const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 11,
      "font-family": FONT_STACK,
      color: "#1d232b",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": "140px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
      width: 28,
      height: 28,
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  ...kindRules(),
  { selector: 'node[kind = "wallet"]', style: { width: 20, height: 20 } },
  // Risk: scam-linked ringed purple, compound-linked ringed brown; sanctioned (below) wins.
  { selector: "node[?compoundLinked]", style: { "border-width": 4, "border-color": "#8d4a00" } },
  { selector: "node[?scam]", style: { "border-width": 4, "border-color": "#9c27b0" } },
  { selector: "node[?sanctioned]", style: { "border-width": 5, "border-color": "#d50000", "border-style": "double" } },
  { selector: "node[?seed]", style: { "overlay-color": "#1565c0", "overlay-opacity": 0.15, "overlay-padding": 6 } },
  { selector: "node:locked", style: { "border-style": "dashed", "border-color": "#222" } },
  { selector: "node:selected", style: { "underlay-color": "#1565c0", "underlay-opacity": 0.35, "underlay-padding": 7 } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "line-color": "#9aa5b1",
      "target-arrow-color": "#9aa5b1",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 9,
      color: "#47525e",
      "text-rotation": "autorotate",
      // A long label on a short edge would run over the nodes' own labels: cut it (the
      // Details panel has it whole).
      "text-wrap": "ellipsis",
      "text-max-width": "130px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
    },
  },
  {
    selector: 'edge[type = "TRANSFER"]',
    style: { width: "data(w)", "line-color": "#5c7fa3", "target-arrow-color": "#5c7fa3", color: "#1f3d5c" },
  },
  { selector: 'edge[type != "TRANSFER"][type != "BUNDLE"]', style: { "line-style": "dashed" } },
  {
    selector: "edge[?bundle]",
    style: { width: "data(w)", "line-color": "#2f5f8f", "target-arrow-color": "#2f5f8f", color: "#0d2c4a",
      "font-weight": "bold", "font-size": 10 },
  },
  { selector: ".bundled", style: { display: "none" } },
  // A resolved cluster's members: one entity in every answer, drawn as two records.
  { selector: 'edge[type = "SAME_AS"]', style: { "line-color": "#6a1b9a", "target-arrow-color": "#6a1b9a", "line-style": "dotted", width: 2.5 } },
  { selector: 'edge[type = "SANCTIONED_BY"]', style: { "line-color": "#d50000", "target-arrow-color": "#d50000" } },
  { selector: ".hl", style: { "line-color": "#f29900", "target-arrow-color": "#f29900", "z-index": 10 } },
  { selector: "node.hl", style: { "underlay-color": "#f29900", "underlay-opacity": 0.45, "underlay-padding": 8 } },
  { selector: ".dim", style: { opacity: 0.25 } },
  { selector: ".timehidden", style: { display: "none" } },
  // Organisation groups: a pale box around the organisation and its wallets, name on top;
  // collapsed, one rounded node standing for them.
  {
    selector: "node[?group]",
    style: { shape: "round-rectangle", "background-color": "#8a6d1f", "background-opacity": 0.07,
      "border-width": 1.5, "border-color": "#8a6d1f", "border-style": "solid", "text-valign": "top",
      "text-halign": "center", "text-margin-y": -4, "font-weight": "bold", padding: "14px", "text-max-width": "320px" },
  },
  {
    selector: "node[?group].collapsed",
    style: { width: 70, height: 44, "background-opacity": 0.35, "border-width": 3, "text-valign": "bottom", "text-margin-y": 4 },
  },
  // What a layout places for a collapsed group (layoutgroups.ts): its size and label room, unseen.
  { selector: "node.standin", style: { width: 70, height: 44, "text-max-width": "320px", opacity: 0 } },
  { selector: "edge.standin", style: { opacity: 0 } },
  { selector: ".grouphidden", style: { display: "none" } },
];
