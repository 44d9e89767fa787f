// Undo and redo of canvas actions (add, expand, remove, collapse, clear, layout): each action
// first saves the canvas as it was (elements with data, positions, pins, classes).
import type { Core, ElementDefinition } from "cytoscape";

const DEPTH = 50;

export class History {
  private past: ElementDefinition[][] = [];
  private future: ElementDefinition[][] = [];
  private restoring = false;
  // Inside one user action (a trace adds, adds again and lays out) only the state before
  // the action is kept: one undo undoes the action.
  private pending: ElementDefinition[] | null = null;
  private nesting = 0;

  constructor(private readonly cy: Core, private readonly after: () => void) {}

  begin(): void {
    if (this.nesting++ === 0) this.pending = this.state();
  }

  end(): void {
    if (--this.nesting === 0) this.pending = null;
  }

  /** Call before changing the canvas. */
  checkpoint(): void {
    if (this.restoring) return;
    if (this.nesting > 0) {
      if (!this.pending) return;  // this action already saved its starting point
      this.push(this.pending);
      this.pending = null;
      return;
    }
    this.push(this.state());
  }

  private push(state: ElementDefinition[]): void {
    this.past.push(state);
    if (this.past.length > DEPTH) this.past.shift();
    this.future = [];
  }

  undo(): boolean {
    return this.move(this.past, this.future);
  }

  redo(): boolean {
    return this.move(this.future, this.past);
  }

  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }

  private move(from: ElementDefinition[][], to: ElementDefinition[][]): boolean {
    const target = from.pop();
    if (!target) return false;
    to.push(this.state());
    this.restoring = true;
    try {
      this.cy.batch(() => {
        this.cy.elements().remove();
        // Bundles are rebuilt from the transfers, so only real elements are kept.
        this.cy.add(target);
      });
      this.after();
    } finally {
      this.restoring = false;
    }
    return true;
  }

  private state(): ElementDefinition[] {
    // Organisation groups first: a member can only be added inside a parent that exists.
    const els = this.cy.nodes("[?group]").union(this.cy.elements("[!bundle]"));
    return els.map((el) => el.json() as ElementDefinition);
  }
}
