import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { ContentApi, SearchApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { departmentSite, seriesRecords } from '@eoffice/domain';
import { DISPATCHES_FOLDER, Dispatch, toDispatch } from '../drafts/draft.model';
import { DraftService } from '../drafts/draft.service';

export type DispatchRegisterList = 'pending' | 'dispatched';

export interface DispatchPage {
  dispatches: Dispatch[];
  totalItems: number;
}

/**
 * What a dispatch register list asks the search API: letters issued "by CRU", pending or sent, found only in
 * the Dispatches folder of a registered file of the department site `site` (an eo:dispatch planted anywhere
 * else, or inside a copy of a file, is not the Central Registry's to post).
 */
export function dispatchRegisterQuery(site: string, list: DispatchRegisterList): string {
  const status = list === 'pending' ? '=eo:dispatchStatus:"pending"' : '=eo:dispatchStatus:"issuedDispatched"';
  return `${seriesRecords(site, ['file'], DISPATCHES_FOLDER, 'eo:dispatch')} AND =eo:dispatchMode:"byCru" AND ${status}`;
}

/**
 * The Central Registry's dispatch register: the letters files issued "by CRU". The repository shows the
 * CRU only those dispatches opened to its posts (the drafts' dispatch grants it), never the files.
 */
@Injectable({ providedIn: 'root' })
export class DispatchRegisterService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly drafts = inject(DraftService);
  private readonly desk = inject(DeskService);

  async list(list: DispatchRegisterList, skipCount: number, maxItems: number): Promise<DispatchPage> {
    const site = departmentSite((await this.desk.desk()).hierarchy);
    const result = await new SearchApi(this.apiService.getInstance()).search({
      query: { query: dispatchRegisterQuery(site, list), language: 'afts' },
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
