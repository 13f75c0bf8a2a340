import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { SearchApi } from '@alfresco/js-api';
import { DeskService, Desk } from '../desk/desk.service';
import { departmentSite, SearchAnswer, SearchFilters, SearchResult, readSearch, searchRequest } from '@eoffice/domain';

/**
 * Searches the department's receipts and files as the signed-in officer: the repository answers with her
 * own read permissions, so what she may not open is never found.
 */
@Injectable({ providedIn: 'root' })
export class EofficeSearchService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);

  desk(): Promise<Desk> {
    return this.deskService.desk();
  }

  async search(text: string, filters: SearchFilters, page: { skipCount: number; maxItems: number }): Promise<SearchResult> {
    const desk = await this.deskService.desk();
    const body = searchRequest({ site: departmentSite(desk.hierarchy), text, filters, ...page });
    if (!body) return { total: 0, hits: [], facets: { kind: [], status: [], year: [], section: [], holder: [] } };
    const answer = await new SearchApi(this.apiService.getInstance()).search(body as never);
    return readSearch(answer as unknown as SearchAnswer);
  }
}
