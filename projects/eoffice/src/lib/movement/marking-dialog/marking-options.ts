import { Hierarchy, HierarchyPost, mayMark, officerTitle } from '@eoffice/domain';

/** One post in the marking dialog: allowed posts first (the channel of submission), refused ones with the reason. */
export interface MarkingOption {
  code: string;
  title: string;
  level: number;
  allowed: boolean;
  reason: string;
  /** Levels the marking would skip (they see the item on its way back). */
  jumped: string[];
}

/**
 * The posts `fromPost` may be asked to mark to, in the order an officer expects: the posts the channel of
 * submission allows (the post reported to first, then by level, nearest first), then the others, each
 * with the reason the repository would give for refusing it.
 */
export function markingOptions(h: Hierarchy, fromPost: string, lang: 'en' | 'hi'): MarkingOption[] {
  const from = h.posts.find((p) => p.code === fromPost);
  const options = h.posts
    .filter((p) => p.code !== fromPost)
    .map((p: HierarchyPost) => {
      const decision = mayMark(h, fromPost, p.code);
      return {
        code: p.code,
        title: officerTitle(h, p, lang),
        level: p.level,
        allowed: decision.allowed,
        reason: decision.reason[lang],
        jumped: decision.jumped
      };
    });
  const rank = (o: MarkingOption) => (o.code === from?.reportsTo ? -1 : Math.abs(o.level - (from?.level ?? 0)));
  return options.sort((a, b) => Number(b.allowed) - Number(a.allowed) || rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/** The marking list as the dialog shows it: the officer's frequent recipients on top, then every other post. */
export interface MarkingGroups {
  /** Posts the officer sends to most (most often first); refused ones stay, greyed out with the reason. */
  frequent: MarkingOption[];
  /** The rest, in the channel's order (markingOptions). */
  others: MarkingOption[];
}

/**
 * Splits `options` into the frequent recipients (`frequent`: post codes, most often first) and the rest.
 * A post appears once: in a list with one option per value, a second copy would show the same choice
 * twice and type-ahead would stop on whichever comes first.
 */
export function groupMarkingOptions(options: MarkingOption[], frequent: string[]): MarkingGroups {
  const top = frequent.map((code) => options.find((o) => o.code === code)).filter((o): o is MarkingOption => !!o);
  return { frequent: top, others: options.filter((o) => !top.includes(o)) };
}
