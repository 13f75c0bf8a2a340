import { ChangeDetectionStrategy, Component, ViewEncapsulation, input, output } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The page of an e-Office form that asks the repository to do one thing (Transfer of charge, Link officer):
 * the title, the progress while the page reads or the repository works, the failed read with its retry, and,
 * under the page's form (the default content), the repository's refusal as it words it and what was done;
 * what follows them (a preview, lists) goes in `[eofficeAfterStatus]`. Styles for the forms inside are here
 * too (`eoffice-admin-form-*`, not encapsulated), on a phone as on a desk. No services: inputs in, retry out.
 */
@Component({
  selector: 'eoffice-admin-form-page',
  imports: [PageLayoutComponent, MatButtonModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './admin-form-page.ui-component.html',
  styleUrl: './admin-form-page.ui-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None
})
export class AdminFormPageUiComponent {
  /** Translation keys: the page's title, and what could not be read when the first read failed. */
  readonly title = input.required<string>();
  readonly loadFailed = input.required<string>();
  /** The data-test prefix of the status lines (`<testId>-refusal`, `<testId>-done`). */
  readonly testId = input.required<string>();
  readonly loading = input(false);
  readonly failed = input(false);
  readonly busy = input(false);
  /** The refusal, as the repository (or the page's own check) words it; '' for none. */
  readonly refusal = input('');
  /** What was done, in the officer's language; '' for nothing yet. */
  readonly done = input('');
  readonly retry = output<void>();
}
