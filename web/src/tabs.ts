// Side-panel tabs (WAI-ARIA tab pattern: arrow keys move between tabs).
import { h } from "./dom";

export class Tabs {
  private buttons = new Map<string, HTMLButtonElement>();
  readonly panels = new Map<string, HTMLElement>();

  constructor(private bar: HTMLElement, private host: HTMLElement, names: string[]) {
    for (const name of names) this.addTab(name);
    bar.addEventListener("keydown", (ev) => this.onKey(ev));
    this.show(names[0]);
  }

  private addTab(name: string): void {
    const id = name.toLowerCase();
    const btn = h("button", {
      type: "button", role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`,
      onclick: () => this.show(name),
    }, name);
    const panel = h("section", { role: "tabpanel", id: `panel-${id}`, "aria-labelledby": `tab-${id}`, hidden: true });
    this.buttons.set(name, btn);
    this.panels.set(name, panel);
    this.bar.append(btn);
    this.host.append(panel);
  }

  panel(name: string): HTMLElement {
    const p = this.panels.get(name);
    if (!p) throw new Error(`no panel ${name}`);
    return p;
  }

  show(name: string): void {
    for (const [n, btn] of this.buttons) {
      const on = n === name;
      btn.setAttribute("aria-selected", String(on));
      btn.tabIndex = on ? 0 : -1;
      this.panel(n).hidden = !on;
    }
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.key !== "ArrowRight" && ev.key !== "ArrowLeft") return;
    const names = [...this.buttons.keys()];
    const cur = names.findIndex((n) => this.buttons.get(n)?.getAttribute("aria-selected") === "true");
    const next = names[(cur + (ev.key === "ArrowRight" ? 1 : names.length - 1)) % names.length];
    this.show(next);
    this.buttons.get(next)?.focus();
  }
}
