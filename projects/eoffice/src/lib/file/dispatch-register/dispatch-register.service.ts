import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { ContentApi, SearchApi } from '@alfresco/js-api';
import { Dispatch, toDispatch } from '../drafts/draft.model';
import { DraftService } from '../drafts/draft.service';

export type DispatchRegisterList = 'pending' | 'dispatched';

export interface DispatchPage {
  dispatches: Dispatch[];
  totalItems: number;
}

/** What a dispatch register list asks the search API: letters issued "by CRU", pending or sent. */
export function dispatchRegisterQuery(list: DispatchRegisterList): string {
  const status = list === 'pending' ? '=eo:dispatchStatus:"pending"' : '=eo:dispatchStatus:"issuedDispatched"';
  return `TYPE:"eo:dispatch" AND =eo:dispatchMode:"byCru" AND ${status}`;
}

/**
 * The Central Registry's dispatch register: the letters files issued "by CRU". The repository shows the
 * CRU only those dispatches opened to its posts (the drafts' dispatch grants it), never the files.
 */
@Injectable({ providedIn: 'root' })
export class DispatchRegisterService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly drafts = inject(DraftService);

  async list(list: DispatchRegisterList, skipCount: number, maxItems: number): Promise<DispatchPage> {
    const result = await new SearchApi(this.apiService.getInstance()).search({
      query: { query: dispatchRegisterQuery(list), language: 'afts' },
      include: ['properties'],
      paging: { skipCount, maxItems },
      sort: [{ type: 'FIELD', field: 'eo:issuedAt', ascending: list === 'pending' }]
    });
    return {
      dispatches: (result.list?.entries ?? []).map((e) => toDispatch(e.entry as never)),
      totalItems: result.list?.pagination?.totalItems ?? 0
    };
  }

  /** The issued letter (a PDF), to print and post. */
  letterUrl(dispatchId: string): string {
    return new ContentApi(this.apiService.getInstance()).getContentUrl(dispatchId, true);
  }

  markDispatched(dispatchId: string): Promise<Dispatch> {
    return this.drafts.markDispatched(dispatchId);
  }
}
