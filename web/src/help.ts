// The "?" overlay: every keyboard shortcut of the canvas in one list (Escape closes it).
import { h } from "./dom";

export const SHORTCUTS: [string, string][] = [
  ["/", "search"], ["n / N", "next / previous node"], ["e", "expand the selected node"],
  ["c", "collapse the selected node"], ["p", "pin or unpin"], ["Delete", "remove the selected nodes"],
  ["l", "re-layout"], ["o", "switch force / flow (money left to right) layout"], ["f", "fit the graph"],
  ["t", "trace from the selected wallet"], ["g", "paths between the selected nodes"],
  ["u or Ctrl+Z", "undo"], ["U or Ctrl+Shift+Z", "redo"], ["?", "this help"], ["Escape", "close this help"],
];

export function initHelp(): { toggle(): void; close(): void } {
  const box = h("div", { id: "help", class: "help", role: "dialog", "aria-label": "Keyboard shortcuts", hidden: true },
    h("div", { class: "help-box" }, h("h2", {}, "Keyboard shortcuts"),
      h("table", { class: "list", id: "help-keys" }, h("tbody", {},
        ...SHORTCUTS.map(([k, what]) => h("tr", {}, h("td", {}, h("kbd", {}, k)), h("td", {}, what))))),
      h("button", { type: "button", id: "help-close", onclick: () => close() }, "Close")));
  document.body.append(box);
  const close = () => { box.hidden = true; };
  return { toggle: () => { box.hidden = !box.hidden; }, close };
}
