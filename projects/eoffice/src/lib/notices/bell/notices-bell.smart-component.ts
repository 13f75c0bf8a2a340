import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatDividerModule } from '@angular/material/divider';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { map, startWith } from 'rxjs';
import { Notice, formatIndianNumber, noticeItemRoute } from '@eoffice/domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { arrivals } from '../../desk/navbar/navbar-group.smart-component';
import { NoticesService } from '../notices.service';
import { OfficerLanguageService } from '../officer-language.service';
import { NOTICE_MAIL_CHOICES, NoticeMailChoice, NoticeMailService } from '../notice-mail.service';

/**
 * The bell in the Content App's header (registered through the manifest's `features.header`, in place of ADF's
 * notification center, under the id ACA gives it): how many notices are unread, and the latest ones: item
 * number, what happened, from which post, when. Opening one marks it read and opens its item. Read at start,
 * again on moving to another page once older than 30 s (as the navbar's counts) and after every movement.
 */
@Component({
  selector: 'eoffice-notices-bell',
  imports: [MatBadgeModule, MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, TranslatePipe, EofficeDatePipe],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .eoffice-notices-menu.mat-mdc-menu-panel {
      max-width: min(420px, 92vw);
      min-width: min(320px, 92vw);
    }
    .eoffice-notices-menu .eoffice-notices-menu__title {
      padding: 8px 16px;
      font-weight: 500;
    }
    .eoffice-notices-menu .mat-mdc-menu-item {
      height: auto;
      min-height: 56px;
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .eoffice-notices-menu .mat-mdc-menu-item-text {
      display: flex;
      flex-direction: column;
      white-space: normal;
    }
    .eoffice-notices-menu .eoffice-notices-menu__unread .eoffice-notices-menu__line {
      font-weight: 600;
    }
    .eoffice-notices-menu .eoffice-notices-menu__meta,
    .eoffice-notices-menu .eoffice-notices-menu__empty {
      font-size: 12px;
      opacity: 0.75;
    }
    .eoffice-notices-menu .eoffice-notices-menu__empty {
      padding: 8px 16px 12px;
    }
  `,
  template: `
    <button
      mat-icon-button
      type="button"
      class="eoffice-notices-bell"
      data-automation-id="eoffice.notices.bell"
      matBadgeColor="warn"
      matBadgeSize="small"
      [matBadge]="badge()"
      [matBadgeHidden]="!unread()"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="label()"
      [attr.title]="label()">
      <mat-icon aria-hidden="true">notifications</mat-icon>
    </button>
    <mat-menu #menu="matMenu" class="eoffice-notices-menu" xPosition="before">
      <div class="eoffice-notices-menu__title" role="presentation">{{ 'EOFFICE.NOTICES.TITLE' | translate }}</div>
      @for (notice of notices(); track notice.id) {
        <button
          mat-menu-item
          type="button"
          [class.eoffice-notices-menu__unread]="!notice.read"
          [attr.data-automation-id]="'eoffice.notice.' + notice.id"
          (click)="open(notice)">
          <span class="eoffice-notices-menu__line">{{ notice.itemNumber }} · {{ 'EOFFICE.NOTICES.KIND.' + notice.kind | translate }}</span>
          <!-- A due date or the norm is the repository's word, from nobody: only when it came. -->
          <span class="eoffice-notices-menu__meta">
            @if (fromSomeone(notice)) {
              {{ 'EOFFICE.NOTICES.FROM' | translate: { post: from(notice) } }} ·
            }
            {{ notice.at | eofficeDate: 'datetime' }}</span
          >
        </button>
      } @empty {
        <div class="eoffice-notices-menu__empty" data-automation-id="eoffice.notices.empty">{{ 'EOFFICE.NOTICES.EMPTY' | translate }}</div>
      }
      <mat-divider />
      <div class="eoffice-notices-menu__title" role="presentation">{{ 'EOFFICE.NOTICES.MAIL.TITLE' | translate }}</div>
      @for (choice of mailChoices; track choice) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="mail.choice() === choice"
          [attr.data-automation-id]="'eoffice.notices.mail.' + choice"
          (click)="chooseMail(choice)">
          <mat-icon aria-hidden="true">{{ mail.choice() === choice ? 'radio_button_checked' : 'radio_button_unchecked' }}</mat-icon>
          <span>{{ 'EOFFICE.NOTICES.MAIL.' + choice | translate }}</span>
        </button>
      }
    </mat-menu>
  `
})
export class NoticesBellSmartComponent implements OnInit {
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly service = inject(NoticesService);
  private readonly language = inject(OfficerLanguageService);
  private readonly destroyRef = inject(DestroyRef);
  /** How he is mailed: each notice, a daily digest instead, or both (his preference, which the repository reads). */
  readonly mail = inject(NoticeMailService);
  readonly mailChoices = NOTICE_MAIL_CHOICES;

  /** Set by ADF's DynamicExtensionComponent (the header entry's `data`); the bell needs none. */
  data: unknown;

  private readonly lang = signal(this.translate.getCurrentLang() ?? 'en');
  readonly unread = this.service.unread;
  readonly notices = this.service.latest;
  /** The count in the officer's digit grouping. */
  readonly badge = computed(() => (this.unread() ? formatIndianNumber(this.unread(), this.lang()) : ''));
  /** What the bell says to a screen reader and as its tooltip. */
  readonly label = computed(() => {
    this.lang();
    return this.unread()
      ? this.translate.instant('EOFFICE.NOTICES.BELL_UNREAD', { count: this.badge() })
      : this.translate.instant('EOFFICE.NOTICES.BELL');
  });

  /** Whether a post sent it (not the holder task's due-date or norm timer). */
  readonly fromSomeone = (notice: Notice): boolean => notice.kind !== 'due' && notice.kind !== 'overdue';

  /** The sending post in the officer's language. */
  readonly from = (notice: Notice): string => (this.lang().startsWith('hi') ? notice.from.hi : notice.from.en);

  ngOnInit(): void {
    arrivals(this.router)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.service.refreshIfStale());
    this.translate.onLangChange
      .pipe(
        map((event) => event.lang),
        takeUntilDestroyed(this.destroyRef)
      )
      // The officer chose another language: his mails follow it.
      .subscribe((lang) => void this.language.remember(lang));
    this.translate.onLangChange
      .pipe(
        map((event) => event.lang),
        startWith(this.translate.getCurrentLang() ?? 'en'),
        takeUntilDestroyed(this.destroyRef)
      )
      .subscribe((lang) => this.lang.set(lang));
    void this.service.refresh();
    void this.mail.read();
  }

  /** Stores his choice of notice mails; a refusal leaves the one shown as stored. */
  async chooseMail(choice: NoticeMailChoice): Promise<void> {
    try {
      await this.mail.choose(choice);
    } catch {
      // The repository kept the earlier choice, which stays checked.
    }
  }

  /** Opens the notice's item; the notice is marked read on the way. */
  async open(notice: Notice): Promise<void> {
    try {
      await this.service.markRead(notice);
    } catch {
      // Opening the item marks its notices read again (MovementService.openItem).
    }
    await this.router.navigateByUrl(noticeItemRoute(notice));
  }
}
