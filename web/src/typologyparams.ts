// A typology's parameters as form inputs: the catalogue's default as the value, its limits as
// min/max (the browser refuses out-of-range numbers before the API has to), lists as text.
import { field, h } from "./dom";

export interface Param {
  name: string; kind: string; default: unknown; min: number | null; max: number | null; description: string;
}

const inputId = (p: Param) => `typology-param-${p.name}`;

function limits(p: Param): string {
  if (p.min === null && p.max === null) return "";
  return `, ${p.min ?? "\u2212\u221e"} to ${p.max ?? "\u221e"}`;
}

export function paramInputs(ps: Param[]): HTMLElement[] {
  return ps.map((p) => {
    const list = p.kind === "list";
    const value = list ? (p.default as string[]).join(", ") : String(p.default);
    const input = list
      ? h("input", { id: inputId(p), value, "data-kind": p.kind })
      : h("input", {
        id: inputId(p), type: "number", value, "data-kind": p.kind, step: p.kind === "int" ? 1 : "any",
        min: p.min ?? undefined, max: p.max ?? undefined,
      });
    return h("div", { class: "param" }, field(p.name, input),
      h("small", { class: "muted" }, `${p.description} (default ${value}${limits(p)})`));
  });
}

/** The values of the inputs, typed as the catalogue says; a bad value names its parameter. */
export function readParams(ps: Param[], host: HTMLElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of ps) {
    const input = host.querySelector<HTMLInputElement>(`#${inputId(p)}`);
    if (!input) continue;
    const raw = input.value.trim();
    if (p.kind === "list") {
      out[p.name] = raw.split(",").map((x) => x.trim()).filter(Boolean);
      continue;
    }
    const n = Number(raw);
    if (raw === "" || !Number.isFinite(n) || (p.kind === "int" && !Number.isInteger(n))) {
      throw new Error(`parameter ${p.name}: ${JSON.stringify(raw)} is not ${p.kind === "int" ? "a whole number" : "a number"}`);
    }
    if ((p.min !== null && n < p.min) || (p.max !== null && n > p.max)) {
      throw new Error(`parameter ${p.name}: ${n} is outside ${p.min ?? "-inf"} to ${p.max ?? "inf"}`);
    }
    out[p.name] = n;
  }
  return out;
}
