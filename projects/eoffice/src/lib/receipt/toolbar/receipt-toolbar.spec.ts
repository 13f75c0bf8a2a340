import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { RuleContext } from '@alfresco/adf-extensions';
import { getRuleContext } from '@alfresco/aca-shared/store';
import manifest from '../../../../assets/eoffice.plugin.json';
import { OPEN_RECEIPT_ACTION, isReceipt, provideReceiptToolbarActions, receiptIdOf } from './receipt-toolbar';

const receipt = { entry: { id: 'receipt-12', nodeType: 'eo:receipt', name: '000012' } };
const scan = { entry: { id: 'scan-1', nodeType: 'cm:content', name: 'letter.pdf' } };
const folder = { entry: { id: 'folder-1', nodeType: 'cm:folder', name: 'EST' } };

function context(nodes: { entry: { id: string; nodeType: string } }[], currentFolder?: { id: string; nodeType: string }): RuleContext {
  return {
    selection: { count: nodes.length, nodes, isEmpty: !nodes.length, first: nodes[0], last: nodes[nodes.length - 1], libraries: [] },
    navigation: { currentFolder }
  } as unknown as RuleContext;
}

interface Entry {
  id: string;
  rules?: { visible?: string };
  actions?: { click?: string };
}

describe('receipt toolbar', () => {
  it('applies to one selected receipt, not to other nodes or to several at once', () => {
    expect(receiptIdOf(context([receipt]))).toBe('receipt-12');
    expect(isReceipt(context([folder]))).toBeFalse();
    expect(isReceipt(context([receipt, folder]))).toBeFalse();
    expect(isReceipt(context([]))).toBeFalse();
  });

  it('applies to the receipt folder an officer is browsing, also with one of its scans selected', () => {
    const inside = { id: 'receipt-12', nodeType: 'eo:receipt' };

    expect(receiptIdOf(context([], inside))).toBe('receipt-12');
    expect(receiptIdOf(context([scan], inside))).toBe('receipt-12');
    expect(receiptIdOf(context([scan], { id: 'folder-1', nodeType: 'cm:folder' }))).toBeNull();
  });

  it('declares its toolbar entries with the registered rule and actions of the handled type', () => {
    const features = manifest.features as unknown as Record<string, Entry[]>;
    const entries = [...features['toolbar'], ...features['contextMenu']].filter(
      (e) => e.id.startsWith('eoffice.') && e.id.includes('.receipt.')
    );
    const actions = new Map((manifest.actions as { id: string; type: string }[]).map((a) => [a.id, a]));

    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      expect(entry.rules?.visible).withContext(entry.id).toBe('eoffice.isReceipt');
      expect(actions.get(entry.actions?.click ?? '')?.type)
        .withContext(entry.id)
        .toBe(OPEN_RECEIPT_ACTION);
    }
  });

  describe('action handler', () => {
    let navigate: jasmine.Spy;

    /** The Content App's store with this rule context, and the handler registered as the extension does. */
    function setup(ruleContext: RuleContext): MockStore {
      navigate = jasmine.createSpy('navigate').and.resolveTo(true);
      TestBed.configureTestingModule({
        providers: [
          provideMockStore({ selectors: [{ selector: getRuleContext, value: ruleContext }] }),
          { provide: Router, useValue: { navigate } },
          provideReceiptToolbarActions()
        ]
      });
      return TestBed.inject(Store) as MockStore;
    }

    it('opens the selected receipt in the receipt view, asking it to start the chosen action', () => {
      const store = setup(context([receipt]));
      store.dispatch({ type: OPEN_RECEIPT_ACTION, payload: 'send' } as never);
      store.dispatch({ type: OPEN_RECEIPT_ACTION, payload: 'view' } as never);

      expect(navigate.calls.allArgs()).toEqual([
        [['/eoffice/receipts', 'receipt-12'], { queryParams: { action: 'send' } }],
        [['/eoffice/receipts', 'receipt-12'], { queryParams: {} }]
      ]);
    });

    it('does nothing when no receipt is selected or browsed, or for other actions', () => {
      const store = setup(context([folder]));
      store.dispatch({ type: OPEN_RECEIPT_ACTION, payload: 'send' } as never);
      store.dispatch({ type: 'VIEW_FILE', payload: receipt } as never);

      expect(navigate).not.toHaveBeenCalled();
    });
  });
});
