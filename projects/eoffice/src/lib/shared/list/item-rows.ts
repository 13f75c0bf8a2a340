import { Hierarchy, WorkingDays, officerTitle, postOfGroup, ArrivalFields, inboxArrival } from '@eoffice/domain';
import { PendencyLevel, pendencyLevel } from '../../receipt/model/receipt.model';

/**
 * A receipt or file as its lists show it: who holds it, and in the Inbox who sent it, when, due by when and
 * with what remarks ("Priya Nair (Section Officer, Establishment)", empty before its first send); for a
 * request the officer is asked to approve, the requester, when she asked and why; whether the officer's post
 * has opened it, and its working days pending against the 7-day norm.
 */
export interface ItemRow<T> {
  item: T;
  holder: string;
  sentBy: string;
  sentOn?: string;
  dueOn?: string;
  remarks: string;
  request?: 'close' | 'reopen';
  /** Inbox: not opened yet by the officer's post (shown in bold). */
  unread: boolean;
  pendingDays: number;
  pendency: PendencyLevel;
}

/** What an item list needs of the desk: the hierarchy to name officers, the officer's posts for requests. */
export interface RowDesk {
  hierarchy: Hierarchy;
  posts: string[];
}

/** The officer holding a post group, "Priya Nair (Section Officer, Establishment)"; the group id when no post is. */
export function officerOfGroup(hierarchy: Hierarchy, group: string | undefined, lang: 'en' | 'hi'): string {
  const post = group ? postOfGroup(hierarchy, group) : undefined;
  return post ? officerTitle(hierarchy, post, lang) : (group ?? '');
}

/**
 * The rows of one page of receipts or files. Days pending are working days by the department's holiday
 * calendar (`days`), as the pendency MIS counts them, from `since(item)` to `today`.
 */
export function itemRows<T extends ArrivalFields & { id: string; currentHolder?: string }>(
  items: T[],
  context: { desk: RowDesk; days: WorkingDays; today: string; unopened?: string[]; lang: 'en' | 'hi' },
  since: (item: T) => string
): ItemRow<T>[] {
  const { desk, days, today, lang } = context;
  const unopened = new Set(context.unopened);
  return items.map((item) => {
    const pendingDays = days.age(since(item), today);
    const arrival = inboxArrival(item, desk.posts);
    return {
      item,
      holder: officerOfGroup(desk.hierarchy, item.currentHolder, lang),
      sentBy: officerOfGroup(desk.hierarchy, arrival.from || undefined, lang),
      sentOn: arrival.at,
      dueOn: arrival.due,
      remarks: arrival.remarks,
      request: arrival.request,
      unread: unopened.has(item.id),
      pendingDays,
      pendency: pendencyLevel(pendingDays)
    };
  });
}
