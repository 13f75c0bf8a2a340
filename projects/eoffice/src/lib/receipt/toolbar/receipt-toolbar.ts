import { DestroyRef, EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { RuleContext } from '@alfresco/adf-extensions';
import { getRuleContext } from '@alfresco/aca-shared/store';
import { ActionsSubject, Store } from '@ngrx/store';
import { filter, withLatestFrom } from 'rxjs';
import { EO_TYPES } from '@eoffice/domain';

/**
 * Receipt actions in the Content App's own document list, viewer and context menu (plugin manifest:
 * toolbar entries with the rule `eoffice.isReceipt`, actions of type OPEN_RECEIPT_ACTION).
 *
 * A manifest action can only dispatch a store action; NAVIGATE_URL takes a fixed URL and the selection
 * alone misses the case of an officer browsing inside the receipt folder. So the action carries what
 * to do (`view`, `send`, `copy`, `reply`) and the handler below finds the receipt in the Content App's
 * rule context (selection first, else the folder being browsed) and opens the receipt view, which runs
 * the action through its own dialogs once it has read the receipt (`?action=send`).
 */
export const OPEN_RECEIPT_ACTION = 'EOFFICE_OPEN_RECEIPT';
export const RECEIPT_ACTION_PARAM = 'action';
export const RECEIPT_TOOLBAR_ACTIONS = ['view', 'send', 'copy', 'reply'] as const;
export type ReceiptToolbarAction = (typeof RECEIPT_TOOLBAR_ACTIONS)[number];

type ReceiptContext = Pick<RuleContext, 'selection' | 'navigation'>;

/** The receipt an action applies to: the one receipt selected, else the receipt folder being browsed. */
export function receiptIdOf(context: ReceiptContext | null | undefined): string | null {
  const selection = context?.selection;
  if (selection?.count === 1 && selection.first?.entry?.nodeType === EO_TYPES.receipt) return selection.first.entry.id;
  if (selection && selection.count > 1) return null;
  const folder = context?.navigation?.currentFolder;
  return folder?.nodeType === EO_TYPES.receipt ? folder.id : null;
}

/** Rule evaluator `eoffice.isReceipt`: the toolbar offers receipt actions only where receiptIdOf finds one. */
export const isReceipt = (context: RuleContext): boolean => receiptIdOf(context) !== null;

export const RECEIPT_EVALUATORS = { 'eoffice.isReceipt': isReceipt };

/** The receipt view's URL for a toolbar action. */
export function receiptActionUrl(receiptId: string, action: unknown): { commands: string[]; queryParams: Record<string, string> } {
  const chosen = RECEIPT_TOOLBAR_ACTIONS.includes(action as ReceiptToolbarAction) ? (action as ReceiptToolbarAction) : 'view';
  return {
    commands: ['/eoffice/receipts', receiptId],
    queryParams: chosen === 'view' ? {} : { [RECEIPT_ACTION_PARAM]: chosen }
  };
}

/**
 * Listens for OPEN_RECEIPT_ACTION on the Content App's store. Outside the Content App (no store, as in
 * unit tests of the extension's providers) it does nothing.
 */
export function provideReceiptToolbarActions(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const store = inject(Store, { optional: true });
    const actions = inject(ActionsSubject, { optional: true });
    if (!store || !actions) return;
    const router = inject(Router);
    const subscription = actions
      .pipe(
        filter((action) => action.type === OPEN_RECEIPT_ACTION),
        withLatestFrom(store.select(getRuleContext))
      )
      .subscribe(([action, context]) => {
        const id = receiptIdOf(context as unknown as ReceiptContext);
        if (!id) return;
        const { commands, queryParams } = receiptActionUrl(id, (action as { payload?: unknown }).payload);
        void router.navigate(commands, { queryParams });
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  });
}
