import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { ActionContext, MovementActionCode, MovementActionSpec, offeredActions } from '@eoffice/domain';

/** The width below which the bar keeps its primary actions as buttons and puts the rest in "More". */
export const PHONE_QUERY = '(max-width: 600px)';

/** Whom an action naming its recipient goes to: short for the button, in full for its tooltip. */
export interface ActionRecipient {
  short: string;
  full: string;
}

const kebab = (code: string) => code.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The movement actions an officer is offered on a file or a receipt, drawn from the action table
 * (domain/movement-actions.ts): the view says what it knows of the item and the officer's task, and hears
 * which action she chose. On a phone the primary action stays a button and the rest go into a "More" menu,
 * so the bar does not push the view's title and facts off the screen.
 */
@Component({
  selector: 'eoffice-movement-actions',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, TranslatePipe],
  templateUrl: './movement-actions.ui-component.html',
  styleUrl: './movement-actions.ui-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class MovementActionsUiComponent {
  readonly context = input.required<ActionContext>();
  /** An action is under way: the buttons wait for it. */
  readonly busy = input(false);
  /** Whom an action that names its recipient (Send back) goes to; without it the button has its plain label. */
  readonly recipient = input<ActionRecipient | null>(null);
  /** The request an approver decides on, said before Approve and Refuse. */
  readonly request = input<'close' | 'reopen' | undefined>(undefined);
  /** Tooltips (translation keys) the view adds to actions, e.g. its keyboard shortcut for Send. */
  readonly hints = input<Partial<Record<MovementActionCode, string>>>({});
  readonly act = output<MovementActionCode>();

  private readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false }
  );

  readonly offered = computed(() => offeredActions(this.context()));
  /** Shown as buttons: all of them, or on a phone the primary ones (the first action when none is primary). */
  readonly buttons = computed(() => {
    const offered = this.offered();
    if (!this.phone()) return offered;
    const primary = offered.filter((a) => a.primary);
    return primary.length ? primary : offered.slice(0, 1);
  });
  readonly more = computed(() => {
    const shown = this.buttons();
    return this.offered().filter((a) => !shown.includes(a));
  });
  readonly asksApproval = computed(() => this.offered().some((a) => a.route === 'decision'));

  automationId(action: MovementActionSpec): string {
    return `eoffice-${this.context().kind}-${kebab(action.code)}`;
  }

  /** The button's label key and its parameters: named after its recipient when the view knows whom. */
  label(action: MovementActionSpec): { key: string; params?: Record<string, string> } {
    const who = this.recipient()?.short;
    return action.namedKey && who ? { key: action.namedKey, params: { who } } : { key: action.buttonKey };
  }

  hint(action: MovementActionSpec): { key: string; params?: Record<string, string> } | null {
    const full = this.recipient()?.full;
    if (action.namedHintKey && full) return { key: action.namedHintKey, params: { post: full } };
    const key = this.hints()[action.code as MovementActionCode];
    return key ? { key } : null;
  }
}
