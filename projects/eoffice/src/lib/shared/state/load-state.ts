import { signal } from '@angular/core';

/**
 * Whether what a component shows is being read, or could not be read: the one way the lists, the movements
 * timeline and the other panels keep it. Only the latest read counts: when the officer pages or filters
 * again before an answer comes, the earlier answer (or its failure) is dropped, so a slow first page never
 * replaces the second, and the progress bar stays until the latest answer is in.
 */
export class LoadState {
  readonly loading = signal(false);
  readonly failed = signal(false);
  private latest = 0;

  /**
   * Reads with `read` and hands the answer to `show`; on a failure `failed` is set and `fallback` runs with
   * the error (to empty what would be stale, or say why). Resolves to whether this read's answer was shown.
   */
  async run<T>(read: () => Promise<T>, show: (value: T) => void, fallback?: (error: unknown) => void): Promise<boolean> {
    const run = ++this.latest;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const value = await read();
      if (run !== this.latest) return false;
      show(value);
      return true;
    } catch (error) {
      if (run !== this.latest) return false;
      this.failed.set(true);
      fallback?.(error);
      return false;
    } finally {
      if (run === this.latest) this.loading.set(false);
    }
  }
}
