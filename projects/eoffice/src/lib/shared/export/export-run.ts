import { computed, signal } from '@angular/core';
import { isExportCancelled } from './export.model';

/**
 * One cancellable export at a time, as the export buttons show it: whether it runs, its progress and
 * percentage, whether it failed (a cancel is not a failure), and Cancel through an AbortSignal.
 */
export class ExportRun<P extends { done: number; total: number | null }> {
  readonly running = signal(false);
  readonly progress = signal<P | null>(null);
  readonly failed = signal(false);
  readonly percent = computed(() => {
    const p = this.progress();
    return p?.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;
  });
  private controller: AbortController | null = null;

  /** Runs `task` unless one is running already; it reports progress and stops when the signal aborts. */
  async start(task: (onProgress: (p: P) => void, signal: AbortSignal) => Promise<unknown>): Promise<void> {
    if (this.running()) return;
    this.controller = new AbortController();
    this.running.set(true);
    this.failed.set(false);
    this.progress.set(null);
    try {
      await task((p) => this.progress.set(p), this.controller.signal);
    } catch (error) {
      if (!isExportCancelled(error)) this.failed.set(true);
    } finally {
      this.running.set(false);
      this.progress.set(null);
      this.controller = null;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }
}
