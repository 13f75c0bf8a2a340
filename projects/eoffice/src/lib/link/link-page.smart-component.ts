import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { officeDate, officeDay, refusalText, type Hierarchy } from '@eoffice/domain';
import { EofficeDatePipe } from '../shared/date/eoffice-date.pipe';
import { provideOfficeDatepicker } from '../shared/date/office-date-adapter';
import { AdminFormPageUiComponent } from '../shared/admin-form/admin-form-page.ui-component';
import { OfficerFieldUiComponent, officerControl } from '../shared/admin-form/officer-field.ui-component';
import { LoadState } from '../shared/state/load-state';
import { HeldLink, LinkPost, LinkService, NamedLink } from './link.service';

/**
 * Link officer (route eoffice/link): an officer going on leave names a link officer for his post from a day
 * (today unless given) until a day (an administrator for any officer's post); he sees the links he named (and may end one when back) and the
 * posts he is link officer of. The repository makes and ends the link and refuses the link officer after the
 * last day (the eoLink workflow); the page only asks and shows.
 */
@Component({
  selector: 'eoffice-link-page',
  imports: [
    AdminFormPageUiComponent,
    OfficerFieldUiComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    EofficeDatePipe
  ],
  providers: [provideOfficeDatepicker()],
  templateUrl: './link-page.smart-component.html',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class LinkPageSmartComponent {
  private readonly links = inject(LinkService);
  private readonly translate = inject(TranslateService);

  readonly today = officeDay(new Date());
  readonly posts = signal<LinkPost[]>([]);
  readonly admin = signal(false);
  readonly named = signal<NamedLink[]>([]);
  readonly held = signal<HeldLink[]>([]);
  readonly busy = signal(false);
  readonly refusal = signal('');
  readonly done = signal('');
  private me = '';
  private hierarchy: Hierarchy | null = null;
  private readonly load = new LoadState({ loading: true });
  readonly loading = this.load.loading;
  readonly failed = this.load.failed;

  readonly form = new FormGroup({
    post: new FormControl('', { nonNullable: true, validators: Validators.required }),
    officer: officerControl(),
    from: new FormControl('', { nonNullable: true }),
    until: new FormControl('', { nonNullable: true, validators: Validators.required }),
    forUser: officerControl(true)
  });

  constructor() {
    void this.start();
  }

  private get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  async start(): Promise<void> {
    await this.load.run(
      async () => {
        const choices = await this.links.choices(this.lang);
        const [named, held] = await Promise.all([this.links.named(choices.me), this.links.held(choices.me, choices.hierarchy, this.lang)]);
        return { ...choices, named, held };
      },
      (r) => {
        this.me = r.me;
        this.hierarchy = r.hierarchy;
        this.admin.set(r.admin);
        this.posts.set(r.posts);
        this.named.set(r.named);
        this.held.set(r.held);
        if (r.posts.length === 1) this.form.controls.post.setValue(r.posts[0].code);
      }
    );
  }

  private async refresh(): Promise<void> {
    if (!this.hierarchy) return;
    const [named, held] = await Promise.all([this.links.named(this.me), this.links.held(this.me, this.hierarchy, this.lang)]);
    this.named.set(named);
    this.held.set(held);
  }

  /** Names the link officer; the repository's refusal is shown as it words it. */
  async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.refusal.set('');
    this.done.set('');
    try {
      if (v.until < this.today) throw new Error(this.translate.instant('EOFFICE.LINK.PAST'));
      if (v.from && v.from < this.today) throw new Error(this.translate.instant('EOFFICE.LINK.FROM_PAST'));
      if (v.from && v.until < v.from) throw new Error(this.translate.instant('EOFFICE.LINK.BEFORE_FROM'));
      if (!(await this.links.exists(v.officer.trim())))
        throw new Error(this.translate.instant('EOFFICE.CHARGE.NO_USER', { user: v.officer.trim() }));
      await this.links.name({
        post: v.post,
        officer: v.officer.trim(),
        from: v.from > this.today ? v.from : undefined,
        until: v.until,
        forUser: this.admin() && v.forUser.trim() ? v.forUser.trim() : undefined
      });
      this.done.set(
        v.from > this.today
          ? this.translate.instant('EOFFICE.LINK.DONE_FROM', { officer: v.officer.trim(), from: officeDate(v.from) })
          : this.translate.instant('EOFFICE.LINK.DONE', { officer: v.officer.trim() })
      );
      await this.refresh();
    } catch (e) {
      this.refusal.set(e instanceof Error && !('status' in e) ? e.message : refusalText(e, (k) => this.translate.instant(k)));
    } finally {
      this.busy.set(false);
    }
  }

  /** Ends a link the officer named (he is back). */
  async end(link: NamedLink): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.refusal.set('');
    try {
      await this.links.end(link.taskId);
      this.done.set(this.translate.instant('EOFFICE.LINK.ENDED'));
      await this.refresh();
    } catch (e) {
      this.refusal.set(refusalText(e, (k) => this.translate.instant(k)));
    } finally {
      this.busy.set(false);
    }
  }
}
