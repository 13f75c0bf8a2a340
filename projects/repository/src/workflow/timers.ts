import { inTransaction, type Db } from '../persistence/database';
import type { WorkflowStore, TimerRow } from '../persistence/workflow-store';

/**
 * Timer boundary events: when a timer is due (Activiti's TimerDeclarationImpl with its duration and due-date
 * business calendars) and the job executor that fires due timers in the background, each in its own
 * transaction, retried up to three times as Activiti retries a failing job.
 */

const DURATION =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** `now` plus an ISO 8601 duration (PnYnMnWnDTnHnMnS), calendar fields first as java.time does; undefined if not one. */
export function addDuration(now: Date, text: string): Date | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v ? Number(v.replace(',', '.')) : 0));
  const out = new Date(now.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + Math.trunc(y), out.getUTCMonth() + Math.trunc(mo));
  out.setTime(out.getTime() + ((w * 7 + d) * 86_400 + h * 3_600 + mi * 60 + s) * 1000);
  return out;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * When a timer declared `timeDuration` or `timeDate` with the (evaluated) value falls due; null when the value is
 * null or empty (Activiti schedules no job then). Other values fail with Activiti's messages.
 */
export function timerDueDate(boundaryId: string, kind: 'timeDuration' | 'timeDate', value: unknown, now: Date): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (isDate(value)) return value;
  if (typeof value !== 'string')
    throw new Error(
      `Timer '${boundaryId}' was not configured with a valid duration/time, either hand in a java.util.Date or a String in format 'yyyy-MM-dd'T'hh:mm:ss'`
    );
  const text = value.trim();
  if (kind === 'timeDuration' || text.startsWith('P')) {
    const due = addDuration(now, text);
    if (!due) throw new Error(`couldn't resolve duedate: ${text} is not an ISO 8601 duration`);
    return due;
  }
  const t = /^\d{4}-\d\d-\d\d(T|$)/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(t)) throw new Error(`Invalid format: "${text}" is not an ISO 8601 date-time`);
  return new Date(t);
}

/** Fires due timers every `intervalMs` until the database closes (Activiti's job executor, acquisition loop). */
export class TimerJobExecutor {
  private handle?: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly store: WorkflowStore,
    private readonly fire: (timer: TimerRow) => void,
    private readonly intervalMs = Number(process.env.EOFFICE_TIMER_INTERVAL_MS) || 1000
  ) {}

  start(): void {
    this.handle = setInterval(() => this.tick(), this.intervalMs);
    this.handle.unref();
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
  }

  /** One acquisition: every due timer, each whole or not at all; a failure costs the timer one retry. */
  tick(now = new Date()): void {
    if (!this.db.open) return this.stop();
    for (const due of this.store.dueTimers(now.toISOString())) {
      try {
        inTransaction(this.db, () => {
          const timer = this.store.timer(due.id);
          if (timer) this.fire(timer);
        });
      } catch (e) {
        inTransaction(this.db, () => this.store.timerFailed(due.id, e instanceof Error ? e.message : String(e)));
      }
    }
  }
}
