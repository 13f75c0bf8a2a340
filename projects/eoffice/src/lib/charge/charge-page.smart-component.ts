import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CHARGE_KINDS, chargeCounts, officeDay, refusalText, type ChargeKind } from '@eoffice/domain';
import { EofficeDatePipe } from '../shared/date/eoffice-date.pipe';
import { provideOfficeDatepicker } from '../shared/date/office-date-adapter';
import { AdminFormPageUiComponent } from '../shared/admin-form/admin-form-page.ui-component';
import { OfficerFieldUiComponent, officerControl } from '../shared/admin-form/officer-field.ui-component';
import { LoadState } from '../shared/state/load-state';
import { ChargePost, ChargeService, ChargeState } from './charge.service';

/** The request the shown preview was read for: a transfer goes ahead only for what the administrator saw. */
interface Asked {
  post: string;
  to: string;
  on: string;
  nameHi: string;
}

/**
 * Transfer of charge (route eoffice/charge), for an administrator: pick the post, name the officer taking
 * charge and the day, see what passes (Inbox, parked, created, approvals, the outgoing officer's drafts,
 * letters to dispatch), then transfer it in one step. The repository does the transfer in one transaction and
 * refuses anyone but an administrator (config/workflow/src/charge.js); this page only asks and shows.
 */
@Component({
  selector: 'eoffice-charge-page',
  imports: [
    AdminFormPageUiComponent,
    OfficerFieldUiComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    EofficeDatePipe
  ],
  providers: [provideOfficeDatepicker()],
  templateUrl: './charge-page.smart-component.html',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ChargePageSmartComponent {
  private readonly charge = inject(ChargeService);
  private readonly translate = inject(TranslateService);

  readonly kinds = CHARGE_KINDS;
  readonly today = officeDay(new Date());
  readonly posts = signal<ChargePost[]>([]);
  /** null while unknown; false: the page says only an administrator transfers charge. */
  readonly admin = signal<boolean | null>(null);
  readonly state = signal<ChargeState | null>(null);
  private readonly asked = signal<Asked | null>(null);
  readonly busy = signal(false);
  readonly refusal = signal('');
  /** The transfer just made (post title and successor), announced until the next preview. */
  readonly done = signal<{ post: string; to: string } | null>(null);
  private readonly load = new LoadState({ loading: true });
  readonly loading = this.load.loading;
  readonly failed = this.load.failed;

  readonly form = new FormGroup({
    post: new FormControl('', { nonNullable: true, validators: Validators.required }),
    to: officerControl(),
    on: new FormControl('', { nonNullable: true }),
    nameHi: new FormControl('', { nonNullable: true })
  });

  readonly doneText = computed(() => {
    const d = this.done();
    return d ? this.translate.instant('EOFFICE.CHARGE.DONE', d) : '';
  });

  readonly counts = computed(() => {
    const s = this.state();
    return s ? chargeCounts(s.preview) : null;
  });

  constructor() {
    void this.start();
    // A changed request makes the preview stale: it must be read again before anything is transferred.
    this.form.valueChanges.subscribe(() => {
      if (this.asked() && JSON.stringify(this.request()) !== JSON.stringify(this.asked())) {
        this.state.set(null);
        this.asked.set(null);
      }
    });
  }

  async start(): Promise<void> {
    const lang = this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
    await this.load.run(
      async () => ({ admin: await this.charge.isAdmin(), posts: await this.charge.posts(lang) }),
      ({ admin, posts }) => {
        this.admin.set(admin);
        this.posts.set(posts);
      }
    );
  }

  private request(): Asked {
    const v = this.form.getRawValue();
    return { post: v.post, to: v.to.trim(), on: v.on, nameHi: v.nameHi.trim() };
  }

  titleOf(code: string): string {
    return this.posts().find((p) => p.code === code)?.title ?? code;
  }

  /** Reads what passes for the request as it stands. */
  async showPreview(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const asked = this.request();
    this.busy.set(true);
    this.refusal.set('');
    this.done.set(null);
    try {
      if (asked.on && asked.on > this.today) throw new Error(this.translate.instant('EOFFICE.CHARGE.FUTURE'));
      if (!(await this.charge.exists(asked.to))) throw new Error(this.translate.instant('EOFFICE.CHARGE.NO_USER', { user: asked.to }));
      this.state.set(await this.charge.preview(asked.post));
      this.asked.set(asked);
    } catch (e) {
      this.state.set(null);
      this.refusal.set(e instanceof Error && !('status' in e) ? e.message : refusalText(e, (k) => this.translate.instant(k)));
    } finally {
      this.busy.set(false);
    }
  }

  /** Transfers what the preview showed, in one step; the repository's refusal is shown as it words it. */
  async transfer(): Promise<void> {
    const asked = this.asked();
    if (!asked || this.busy()) return;
    this.busy.set(true);
    this.refusal.set('');
    try {
      await this.charge.transfer({ post: asked.post, to: asked.to, on: asked.on || undefined, nameHi: asked.nameHi || undefined });
      this.done.set({ post: this.titleOf(asked.post), to: asked.to });
      this.state.set(null);
      this.asked.set(null);
      const lang = this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
      this.posts.set(await this.charge.posts(lang));
    } catch (e) {
      this.refusal.set(refusalText(e, (k) => this.translate.instant(k)));
    } finally {
      this.busy.set(false);
    }
  }

  kindKey(kind: ChargeKind): string {
    return `EOFFICE.CHARGE.KINDS.${kind.toUpperCase()}`;
  }
}
