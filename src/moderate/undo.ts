/** The one action that can be undone, for a few seconds after it was taken. */
import type { Outcome } from './actions.js';

export interface Undoable {
  /** The comment the action was taken on: its entry shows the undo's effects. */
  commentId: string;
  run: () => Promise<Outcome>;
}

export class UndoSlot {
  private held: (Undoable & { timer: ReturnType<typeof setTimeout> }) | null = null;

  /** `onChange` hears whether an undo is on offer (shows or hides the Undo button). */
  constructor(private readonly onChange: (offered: boolean) => void) {}

  /** Replaces whatever was on offer; `run` null offers nothing (the action has no way back). */
  offer(commentId: string, run: (() => Promise<Outcome>) | null, seconds: number): void {
    this.clear();
    if (!run) return;
    const timer = setTimeout(() => this.clear(), seconds * 1000);
    this.held = { commentId, run, timer };
    this.onChange(true);
  }

  /** The undo on offer, taken off the offer (an undo is run once). */
  take(): Undoable | null {
    const held = this.held;
    this.clear();
    return held;
  }

  clear(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = null;
    this.onChange(false);
  }
}
