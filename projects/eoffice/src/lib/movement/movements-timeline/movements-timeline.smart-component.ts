import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DeskService } from '../../desk/desk.service';
import {
  Hierarchy,
  MovementActionSpec,
  incumbentName,
  movementActionOf,
  officeDate,
  postOfGroup,
  postTitle,
  Movement
} from '@eoffice/domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { MovementService } from '../services/movement.service';

/** The movements of a receipt or file, newest first: action, from → to, who, when, remarks, due, opened. */
@Component({
  selector: 'eoffice-movements-timeline',
  imports: [EofficeDatePipe, MatIconModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './movements-timeline.smart-component.html',
  styleUrl: './movements-timeline.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class MovementsTimelineSmartComponent {
  private readonly movementService = inject(MovementService);
  private readonly desk = inject(DeskService);
  private readonly translate = inject(TranslateService);

  readonly itemId = input('');

  readonly movements = signal<Movement[]>([]);
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly failed = this.state.failed;
  private hierarchy: Hierarchy | null = null;

  constructor() {
    // Another item (the page went to the next file): its history, read afresh.
    effect(() => {
      this.itemId();
      untracked(() => void this.reload());
    });
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  /** Reads the history again (after an action on the page). */
  async reload(): Promise<void> {
    const itemId = this.itemId();
    if (!itemId) return;
    await this.state.run(
      () => Promise.all([this.desk.desk().catch(() => null), this.movementService.movements(itemId)]),
      ([desk, movements]) => {
        this.hierarchy = desk?.hierarchy ?? null;
        this.movements.set([...movements].reverse());
      }
    );
  }

  /** The action table's entry for a recorded action: its history label and icon; undefined for a code it does not know. */
  action(value: string): MovementActionSpec | undefined {
    return movementActionOf(value);
  }

  /** Who acted, by the name the hierarchy records for that officer; the user name when it records none. */
  officer(userName: string): string {
    return (this.hierarchy && incumbentName(this.hierarchy, userName, this.lang)) || userName;
  }

  /**
   * The day a transfer of charge took effect, which the workflow writes at the end of its remarks ("… on
   * 05/12/2026", the office's date format; it may be earlier than the day it was recorded), else the day recorded.
   */
  chargeDay(m: Movement): string {
    return /on (\d{2}\/\d{2}\/\d{4})$/.exec(m.remarks)?.[1] ?? officeDate(m.at);
  }

  post(group: string): string {
    const post = this.hierarchy ? postOfGroup(this.hierarchy, group) : undefined;
    return post && this.hierarchy ? postTitle(this.hierarchy, post, this.lang) : group;
  }
}
