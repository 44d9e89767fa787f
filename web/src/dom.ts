// A tiny element builder: the UI is plain DOM, no framework.
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/** A labelled form field; the label's `for` makes it reachable for screen readers and tests. */
export function field(label: string, input: HTMLElement): HTMLElement {
  if (!input.id) input.id = `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++seq}`;
  return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
}
let seq = 0;

export function fmtAmount(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "";
  // Token amounts keep their decimals (up to 8; trailing zeros dropped): 12.345678 USDT matters.
  return x.toLocaleString("en-US", { maximumFractionDigits: 8 });
}

export function fmtTime(iso: string | null | undefined): string {
  return iso ? iso.replace("T", " ").replace(/(\.\d+)?(Z|\+00:00)$/, " UTC") : "";
}

export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
