// The compounds map in the Risk tab: one marker per linked compound at the coordinates the API
// gives (Compound.lat/lon, WGS-84), over a bundled world outline (world-atlas, Natural Earth
// 1:50m countries, public domain; ISC package) — no tiles, nothing fetched from the internet.
// A marker's popup names the compound, its operators and their wallets; clicking it draws the
// compound with its operators on the canvas. Leaflet and the outline load only when first used.
import type * as Leaflet from "leaflet";
import "leaflet/dist/leaflet.css";
import { h } from "./dom";
import { shortAddress } from "./model";

export interface MapCompound {
  id: string; name: string; lat: number | null; lon: number | null; country: string | null;
  operators: { id: string; name: string }[];
  /** Asked when the popup first opens: the operators' wallets (their groups', subsidiaries included). */
  wallets: () => Promise<string[]>;
}

let outline: Promise<GeoJSON.GeoJsonObject> | null = null;

async function world(): Promise<GeoJSON.GeoJsonObject> {
  outline ??= Promise.all([import("topojson-client"), import("world-atlas/countries-50m.json")]).then(([topo, atlas]) => {
    const t = (atlas.default ?? atlas) as unknown as Parameters<typeof topo.feature>[0];
    return topo.feature(t, (t.objects as Record<string, Parameters<typeof topo.feature>[1]>).countries) as GeoJSON.GeoJsonObject;
  });
  return outline;
}

/** The map element; markers for the compounds with coordinates, the others named below it. */
export function compoundMap(xs: MapCompound[], onPick: (x: MapCompound) => void): HTMLElement {
  const el = h("div", { id: "compound-map", class: "compound-map", role: "region", "aria-label": "Map of linked compounds" });
  const placed = xs.filter((x) => x.lat !== null && x.lon !== null);
  const unplaced = xs.filter((x) => !placed.includes(x));
  const wrap = h("div", {}, el, unplaced.length
    ? h("p", { class: "muted", id: "compound-map-unplaced" }, `No coordinates: ${unplaced.map((x) => x.name).join(", ")}`)
    : null);
  // Leaflet measures its container: draw once the element is in the page.
  requestAnimationFrame(() => draw(el, placed, onPick).catch((err: unknown) => {
    el.dataset.error = String(err);
    el.textContent = `Map not drawn: ${String(err)}`;
  }));
  return wrap;
}

async function draw(el: HTMLElement, xs: MapCompound[], onPick: (x: MapCompound) => void): Promise<void> {
  const L: typeof Leaflet = await import("leaflet");
  const map = L.map(el, { attributionControl: true, zoomSnap: 0.5, worldCopyJump: false, maxZoom: 12 });
  map.attributionControl.setPrefix("Leaflet").addAttribution("Borders: Natural Earth (public domain)");
  // A view first: Leaflet draws a layer's SVG path only on a map that has one.
  const bounds = L.latLngBounds(xs.map((x) => L.latLng(x.lat!, x.lon!)));
  if (xs.length) map.fitBounds(bounds.pad(0.6), { maxZoom: 6 });
  else map.setView([15, 105], 3);
  for (const x of xs) {
    const at = L.latLng(x.lat!, x.lon!);
    let content: HTMLElement | undefined;
    const m = L.circleMarker(at, { radius: 8, color: "#fff", weight: 2, fillColor: "#9b2d30", fillOpacity: 0.9, className: "compound-marker" })
      // The popup grows when the wallets arrive: update() lays it out again and pans the map so
      // all of it shows (autoPan alone only fits the first, shorter content). The name tooltip
      // goes below the marker, the popup opens above it.
      // update() asks the content function again: it hands back the one element it made.
      .bindPopup(() => (content ??= popup(x, () => m.getPopup()?.update())), { maxWidth: 240, autoPanPadding: L.point(12, 12),
        // The zoom buttons sit top left; a popup panned only 12 px clear of the edge hid under them.
        autoPanPaddingTopLeft: L.point(56, 12) })
      .bindTooltip(x.name, { direction: "bottom", offset: L.point(0, 8) })
      .addTo(map);
    m.on("click", () => onPick(x));
    const path = m.getElement();
    path?.setAttribute("data-id", x.id);
    path?.setAttribute("data-lat", String(x.lat));
    path?.setAttribute("data-lon", String(x.lon));
  }
  el.dataset.ready = String(xs.length);
  // The outline (a large JSON chunk) comes after the markers, underneath them.
  L.geoJSON(await world(), { style: { color: "#8a96a3", weight: 0.8, fillColor: "#eef1f4", fillOpacity: 1 }, interactive: false })
    .addTo(map).bringToBack();
  el.dataset.outline = "yes";
}

function popup(x: MapCompound, grown: () => void): HTMLElement {
  const wallets = h("div", { class: "compound-wallets" }, "Wallets: \u2026");
  void x.wallets().then((ws) => {
    const shown = ws.slice(0, 6).map((w) => shortAddress(w.split(":").pop() ?? w)).join(", ");
    wallets.textContent = `Wallets (${ws.length}): ${shown || "\u2014"}${ws.length > 6 ? ", \u2026" : ""}`;
    wallets.dataset.ready = String(ws.length);
    grown();
  }, () => { wallets.textContent = "Wallets: not available"; grown(); });
  return h("div", { class: "compound-popup", "data-id": x.id },
    h("strong", {}, x.name), x.country ? ` (${x.country})` : "",
    h("div", {}, "Operators: ", x.operators.map((o) => o.name).join(", ") || "\u2014"), wallets);
}
