// What every panel shares: the canvas, the tabs, a status line and "show this entity".
import type { Canvas } from "./canvas";
import type { Tabs } from "./tabs";

export interface App {
  canvas: Canvas;
  tabs: Tabs;
  status(message: string, isError?: boolean): void;
  /** Put an entity on the canvas (fetching it if needed), select it and show its details. */
  focus(id: string): Promise<void>;
  /** Run an async UI action, reporting its error in the status line. */
  run(label: string, fn: () => Promise<void>): Promise<void>;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
