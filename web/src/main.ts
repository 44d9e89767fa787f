// Entry point: login gate, then the workspace (canvas, search, panels), then the route.
import "./style.css";
import { openSession, onUnauthenticated, session, setApiKey, AuthError } from "./api";
import { Canvas } from "./canvas";
import { LEGEND } from "./exportframe";
import { byId, h } from "./dom";
import { initLogin, showLogin } from "./login";
import * as Q from "./queries";
import { Tabs } from "./tabs";
import { errorText, type App } from "./app";
import { initSearch } from "./search";
import { initDetails } from "./details";
import { initTrace } from "./trace";
import { initPaths } from "./pathfinder";
import { initTimeFilter } from "./timefilter";
import { initCase, type CaseFile } from "./casefile";
import { initSources } from "./sources";
import { initToolbar } from "./toolbar";
import { initAnalysis } from "./analysis";
import { initTypologies } from "./typologies";
import { initFlows } from "./flows";
import { controlForm } from "./control";

let started: { app: App; caseFile: CaseFile } | null = null;

function start(): void {
  if (!started) started = build();
  void route();
}

function build(): { app: App; caseFile: CaseFile } {
  const canvas = new Canvas(byId("cy"));
  const tabs = new Tabs(byId("tabs"), byId("panels"), ["Details", "Trace", "Paths", "Risk", "Typologies", "Flows", "Case", "Sources"]);
  const statusEl = byId("status");
  const status = (msg: string, isError = false) => {
    statusEl.textContent = `${canvas.cy.nodes().length} nodes, ${canvas.cy.edges().length} edges \u00b7 ${msg}`;
    statusEl.classList.toggle("error", isError);
  };
  const app: App = {
    canvas, tabs, status,
    run: async (label, fn) => {
      canvas.history.begin();
      try {
        await fn();
      } catch (err) {
        if (!(err instanceof AuthError)) status(`${label} failed: ${errorText(err)}`, true);
      } finally {
        canvas.history.end();
      }
    },
    focus: (id) => app.run("open", async () => {
      if (!canvas.entity(id)) canvas.add(await Q.entity(id));
      const node = canvas.cy.getElementById(id);
      canvas.cy.nodes().unselect();
      node.select();
      canvas.cy.animate({ center: { eles: node }, zoom: Math.max(canvas.cy.zoom(), 1) }, { duration: 200 });
      tabs.show("Details");
      status(`showing ${canvas.entity(id)?.label ?? id}`);
    }),
  };
  initSearch(byId("search"), app);
  initDetails(app);
  const trace = initTrace(app);
  const paths = initPaths(app);
  initAnalysis(app);
  app.tabs.panel("Risk").append(...controlForm(app));
  initFlows(app);
  const loadTypologies = initTypologies(app);
  byId("tab-typologies").addEventListener("click", () => void loadTypologies());
  const time = initTimeFilter(byId("timebar"), app);
  const caseFile = initCase(app, time);
  const loadSources = initSources(app);
  byId("tab-sources").addEventListener("click", () => void loadSources());
  initToolbar(app, { t: trace.useSelected, g: paths.useSelected });
  legend();
  byId("btn-logout").addEventListener("click", () => {
    setApiKey(null);
    showLogin("Logged out.");
  });
  canvas.cy.on("add remove", () => status("ready"));
  (window as unknown as { scamgraph: object }).scamgraph = { cy: canvas.cy, app };
  status("ready");
  return { app, caseFile };
}

function legend(): void {
  const el = byId("legend");
  for (const m of LEGEND) {
    const ring = m.ring ? `;border:2px ${m.double ? "double" : "solid"} ${m.ring}` : "";
    el.append(h("span", {}, h("i", { style: `background:${m.fill}${ring}` }), m.label));
  }
}

async function route(): Promise<void> {
  const m = /^#\/investigation\/(.+)$/.exec(location.hash);
  if (m && started) await started.caseFile.open(decodeURIComponent(m[1]));
}

/** The role in the top bar; keyless sessions have nothing to log out of. */
function showSession(): void {
  const s = session();
  byId("session-role").textContent = s ? (s.anonymous ? `${s.role} (no key)` : s.role) : "";
  byId("btn-logout").hidden = !s || s.anonymous;
}

async function boot(): Promise<void> {
  onUnauthenticated(() => showLogin("Your API key was refused; log in again."));
  initLogin(() => { showSession(); start(); });
  window.addEventListener("hashchange", () => void route());
  try {
    // With a stored key, or keyless: a server with an anonymous role lets us straight in.
    await openSession();
  } catch (err) {
    return showLogin(err instanceof AuthError ? "" : errorText(err));
  }
  byId("login").hidden = true;
  byId("app").hidden = false;
  showSession();
  start();
}

void boot();
