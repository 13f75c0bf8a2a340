// What a command did, one line per step, so a second `install` visibly changes nothing.
// `skipped`: a part left out on purpose (records and retention on an ACS without Governance Services),
// always printed, never a change.
export type Outcome = 'created' | 'updated' | 'unchanged' | 'warning' | 'skipped';

const MARK: Record<Outcome, string> = { created: '+', updated: '~', unchanged: '=', warning: '!', skipped: '-' };

export class StepLog {
  readonly steps: { outcome: Outcome; what: string }[] = [];

  constructor(
    private readonly out: (line: string) => void = (l) => console.log(l),
    private readonly verbose = false
  ) {}

  record(outcome: Outcome, what: string): void {
    this.steps.push({ outcome, what });
    if (outcome !== 'unchanged' || this.verbose) this.out(`  ${MARK[outcome]} ${outcome.padEnd(9)} ${what}`);
  }

  count(outcome: Outcome): number {
    return this.steps.filter((s) => s.outcome === outcome).length;
  }

  get changed(): number {
    return this.count('created') + this.count('updated');
  }

  summary(): string {
    const w = this.count('warning');
    const s = this.count('skipped');
    return `${this.count('created')} created, ${this.count('updated')} updated, ${this.count('unchanged')} unchanged${w ? `, ${w} warning(s)` : ''}${s ? `, ${s} skipped` : ''}`;
  }
}
