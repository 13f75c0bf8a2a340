import { Pipe, PipeTransform } from '@angular/core';
import { officeDate, officeDateTime } from '@eoffice/domain';

/**
 * `{{ receipt.diarisedAt | eofficeDate }}` → "05/12/2026"; `{{ note.signedAt | eofficeDate: 'datetime' }}` →
 * "05/12/2026 01:30". The one way a screen shows a date: DD/MM/YYYY of the IST day, 24-hour IST time, the same
 * in English and Hindi (domain/office-time.ts does the work; exports and PDFs call it directly).
 */
@Pipe({ name: 'eofficeDate', standalone: true })
export class EofficeDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, show: 'date' | 'datetime' = 'date'): string {
    return show === 'datetime' ? officeDateTime(value) : officeDate(value);
  }
}
