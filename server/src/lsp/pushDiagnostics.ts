// Published diagnostics for clients that cannot pull them (Neovim 0.7 and other older clients). Changes are
// debounced per document, and a result is published only if the document is still at the analysed version.

/** Milliseconds of quiet after a change before a push client's document is analysed again. */
export const PUSH_DEBOUNCE_MS = 150;

export class PushScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly run: (uri: string) => Promise<void>) {}

  /** (Re)starts the document's timer; `delayMs` 0 still waits for the current turn of the event loop to end. */
  schedule(uri: string, delayMs: number = PUSH_DEBOUNCE_MS): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri);
    }, delayMs);
    // A pending publication must not keep a finished process (or test run) alive.
    timer.unref?.();
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
