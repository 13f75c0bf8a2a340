import { ChangeDetectionStrategy, Component, Input, OnChanges, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DeskService } from '../../desk/desk.service';
import { Hierarchy, MOVEMENT_ACTIONS, incumbentName, labelOf, postOfGroup, postTitle } from '../../domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { Movement } from '../model/movement.model';
import { MovementService } from '../services/movement.service';

/** The movements of a receipt or file, newest first: action, from → to, who, when, remarks, due, opened. */
@Component({
  selector: 'eoffice-movements-timeline',
  imports: [EofficeDatePipe, MatIconModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './movements-timeline.smart-component.html',
  styleUrl: './movements-timeline.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class MovementsTimelineSmartComponent implements OnChanges {
  private readonly movementService = inject(MovementService);
  private readonly desk = inject(DeskService);
  private readonly translate = inject(TranslateService);

  @Input() itemId = '';

  readonly movements = signal<Movement[]>([]);
  readonly loading = signal(false);
  readonly failed = signal(false);
  private hierarchy: Hierarchy | null = null;

  ngOnChanges(): void {
    void this.reload();
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  /** Reads the history again (after an action on the page). */
  async reload(): Promise<void> {
    if (!this.itemId) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const [desk, movements] = await Promise.all([this.desk.desk().catch(() => null), this.movementService.movements(this.itemId)]);
      this.hierarchy = desk?.hierarchy ?? null;
      this.movements.set([...movements].reverse());
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  action(value: string): string {
    return labelOf(MOVEMENT_ACTIONS, value, this.lang);
  }

  /** Who acted, by the name the hierarchy records for that officer; the user name when it records none. */
  officer(userName: string): string {
    return (this.hierarchy && incumbentName(this.hierarchy, userName, this.lang)) || userName;
  }

  post(group: string): string {
    const post = this.hierarchy ? postOfGroup(this.hierarchy, group) : undefined;
    return post && this.hierarchy ? postTitle(this.hierarchy, post, this.lang) : group;
  }
}
