import { Injectable, OnDestroy, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { formatIndianNumber } from '@eoffice/domain';

/**
 * The words of every list's paginator (Material's, under the receipt, file and dispatch lists) in the
 * officer's language: Material's own are English only ("Items per page:", "1 – 25 of 40"), and stayed so
 * when she picked हिन्दी. Counts are grouped as officers read them (1,00,000).
 */
@Injectable()
export class EofficePaginatorIntl extends MatPaginatorIntl implements OnDestroy {
  private readonly translate = inject(TranslateService);
  private readonly subscription: Subscription;

  constructor() {
    super();
    this.subscription = this.translate.onLangChange.subscribe(() => this.relabel());
    // The dictionary may arrive after the first paginator is drawn (or be the fallback's): relabel then too.
    this.subscription.add(this.translate.onTranslationChange.subscribe(() => this.relabel()));
    this.relabel();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const lang = this.translate.getCurrentLang() ?? 'en';
    const total = formatIndianNumber(length, lang);
    if (length === 0 || pageSize === 0) return this.translate.instant('EOFFICE.PAGINATOR.RANGE_EMPTY', { total });
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return this.translate.instant('EOFFICE.PAGINATOR.RANGE', {
      start: formatIndianNumber(start + 1, lang),
      end: formatIndianNumber(end, lang),
      total
    });
  };

  private relabel(): void {
    const t = (key: string) => this.translate.instant(`EOFFICE.PAGINATOR.${key}`);
    this.itemsPerPageLabel = t('ITEMS_PER_PAGE');
    this.firstPageLabel = t('FIRST_PAGE');
    this.previousPageLabel = t('PREVIOUS_PAGE');
    this.nextPageLabel = t('NEXT_PAGE');
    this.lastPageLabel = t('LAST_PAGE');
    this.changes.next();
  }

  ngOnDestroy(): void {
    this.subscription.unsubscribe();
  }
}
