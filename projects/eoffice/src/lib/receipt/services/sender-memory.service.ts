import { Injectable } from '@angular/core';
import { EMPTY_SENDER, SenderBlock } from '../model/receipt.model';

export const SENDER_MEMORY_KEY = 'eoffice.diarise.lastSender';

/** Remembers the last sender block in this browser, so that dak from one sender is diarised quickly. */
@Injectable({ providedIn: 'root' })
export class SenderMemoryService {
  recall(): SenderBlock | null {
    try {
      const stored = JSON.parse(localStorage.getItem(SENDER_MEMORY_KEY) ?? 'null') as Partial<SenderBlock> | null;
      if (!stored || typeof stored !== 'object') return null;
      return Object.fromEntries(
        (Object.keys(EMPTY_SENDER) as (keyof SenderBlock)[]).map((key) => [key, typeof stored[key] === 'string' ? stored[key] : ''])
      ) as unknown as SenderBlock;
    } catch {
      return null;
    }
  }

  remember(sender: SenderBlock): void {
    try {
      localStorage.setItem(SENDER_MEMORY_KEY, JSON.stringify(sender));
    } catch {
      // storage full or disabled: the form simply starts empty next time
    }
  }

  forget(): void {
    localStorage.removeItem(SENDER_MEMORY_KEY);
  }
}
