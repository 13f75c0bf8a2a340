/**
 * A read of something shown all day (the navbar's counts, the bell's notices) that is asked for often and
 * must never run twice at once: a refresh asked for while one runs returns it and reads once more after it
 * (the running read may have started before the change that prompted the ask), and a stale check reads only
 * when the last read began longer ago than a given age.
 */
export class CoalescedRead {
  private running: Promise<void> | null = null;
  private again = false;
  private readAt = 0;

  constructor(private readonly read: () => Promise<void>) {}

  /** Reads again (once more after the current reading, if one is under way). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.readAt = Date.now();
    this.running = this.read().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  /** Reads again only if the last read began at least `maxAgeMs` before `now`. */
  refreshIfStale(maxAgeMs: number, now = Date.now()): Promise<void> {
    return now - this.readAt >= maxAgeMs ? this.refresh() : (this.running ?? Promise.resolve());
  }
}
