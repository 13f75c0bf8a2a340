import { signal } from '@angular/core';

/** How a LoadState starts, and how it names a failure. */
export interface LoadStateOptions {
  /** Starts as being read: a page that reads as it opens shows its progress from the first paint, not a blank. */
  loading?: boolean;
  /**
   * The translation key saying why a read failed (a refusal, an item not there, any other failure), for the
   * panels that tell these apart; without it `reason` stays null and only `failed` is set.
   */
  reason?: (error: unknown) => string;
}

/**
 * Whether what a component shows is being read, or could not be read: the one way the lists, the pages,
 * the panels and the dialogs keep it. Only the latest read counts: when the officer pages or filters
 * again before an answer comes, the earlier answer (or its failure) is dropped, so a slow first page never
 * replaces the second, and the progress stays until the latest answer is in. What was shown before stays
 * with its owner while the next read runs (a page may keep it on screen, or hide it behind the progress).
 */
export class LoadState {
  readonly loading = signal(false);
  readonly failed = signal(false);
  /** Why the latest read failed, as a translation key (options.reason); null while it has not failed. */
  readonly reason = signal<string | null>(null);
  private latest = 0;

  constructor(private readonly options: LoadStateOptions = {}) {
    this.loading.set(options.loading ?? false);
  }

  /**
   * Reads with `read` and hands the answer to `show` (awaited when it reads on, so the progress stays until
   * it is done); on a failure `failed` is set and `fallback` runs with the error (to empty what would be
   * stale, or say why). `reason` is the key `fallback` returns, else the one options.reason names: a state
   * that serves two reads (a dialog's search and its save) says for each why it failed. Resolves to whether
   * this read's answer was shown.
   */
  async run<T>(read: () => Promise<T>, show: (value: T) => unknown, fallback?: (error: unknown) => string | void): Promise<boolean> {
    const run = ++this.latest;
    this.loading.set(true);
    this.failed.set(false);
    this.reason.set(null);
    try {
      const value = await read();
      if (run !== this.latest) return false;
      // Only a show that reads on is waited for: the notesheet paints its first notes in this very turn.
      const shown = show(value);
      if (shown instanceof Promise) await shown;
      return true;
    } catch (error) {
      if (run !== this.latest) return false;
      this.failed.set(true);
      const named = fallback?.(error);
      this.reason.set(typeof named === 'string' ? named : (this.options.reason?.(error) ?? null));
      return false;
    } finally {
      if (run === this.latest) this.loading.set(false);
    }
  }

  /** Nothing is to be read now (the search box was emptied): a read under way is dropped, no progress or failure shown. */
  idle(): void {
    ++this.latest;
    this.loading.set(false);
    this.failed.set(false);
    this.reason.set(null);
  }
}

/**
 * The translation key for a failure: the one the refusal's HTTP status names (403, 404), else the `EOFFICE.`
 * key a service threw as the error's message (when `ownKeys`), else `fallback`.
 */
export function failureKey(
  error: unknown,
  fallback: string,
  { byStatus = {}, ownKeys = false }: { byStatus?: Record<number, string>; ownKeys?: boolean } = {}
): string {
  const status = (error as { status?: number } | null | undefined)?.status;
  if (status !== undefined && byStatus[status]) return byStatus[status];
  if (ownKeys && error instanceof Error && error.message.startsWith('EOFFICE.')) return error.message;
  return fallback;
}
