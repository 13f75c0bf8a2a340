// Plans the demo items: who created each, the posts it moved through (each step allowed by the
// channel of submission), its status, holder and dates. Pure, so the same seed gives the same data.
import { mayMark, reportingChain, type Hierarchy, type HierarchyPost, type ItemStatus } from '@eoffice/domain';
import type { Dice } from './random';

const DAY = 86_400_000;

export interface ItemPlan {
  section: string;
  /** Diarised (receipts) or opened (files). */
  at: Date;
  status: ItemStatus;
  /** Post codes from the creator to the current holder (the last). */
  path: string[];
  /** When each step of `path` after the first happened. */
  moves: Date[];
  heldSince: Date;
}

/** The dealing hands of a section: its level-1 posts, except the central registry's diarist. */
export function dealingPosts(h: Hierarchy, section: string, diarist?: string): HierarchyPost[] {
  return h.posts.filter((p) => p.section === section && p.level === 1 && p.code !== diarist);
}

export function planItem(
  h: Hierarchy,
  dice: Dice,
  now: Date,
  opts: { diarist?: string; notDealing?: string; statuses: ItemStatus[]; statusWeights: number[] }
): ItemPlan {
  const section = dice.weighted(
    h.sections.map((s) => s.code),
    h.sections.map((_, i) => (i === 0 ? 3 : 2))
  );
  const dealing = dice.pick(dealingPosts(h, section, opts.diarist ?? opts.notDealing));
  // Up to the Secretary: the Minister rarely holds dak.
  const chain = [dealing, ...reportingChain(h, dealing.code)].filter((p) => p.level <= 7);
  const age = Math.floor(dice.next() ** 1.3 * 120); // more recent items than old ones
  const at = new Date(now.getTime() - age * DAY - dice.int(0, 6) * 3_600_000);
  const status = dice.weighted(opts.statuses, opts.statusWeights);
  const start = opts.diarist ? [opts.diarist] : [];
  let path: string[];
  if (status === 'created') path = opts.diarist ? [opts.diarist] : [dealing.code];
  else {
    const depth = status === 'putInFile' ? dice.int(0, 1) : dice.weighted([0, 1, 2, 3, 4, 5], [30, 25, 18, 12, 9, 6]);
    path = [...start, ...chain.slice(0, Math.min(depth, chain.length - 1) + 1).map((p) => p.code)];
  }
  for (let i = 1; i < path.length; i++) {
    const decision = mayMark(h, path[i - 1], path[i]);
    if (!decision.allowed) throw new Error(`Demo data: ${decision.reason.en}`);
  }
  const span = now.getTime() - at.getTime();
  const heldSince = path.length > 1 ? new Date(at.getTime() + span * (0.2 + 0.8 * dice.next())) : at;
  const steps = path.length - 1;
  const moves = Array.from({ length: steps }, (_, i) => new Date(at.getTime() + ((heldSince.getTime() - at.getTime()) * (i + 1)) / steps));
  return { section, at, status, path, moves, heldSince };
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** CSMOP: a case stays at most 7 working days with one official; about 9 calendar days. */
export const dueAfter = (d: Date): string => isoDate(new Date(d.getTime() + 9 * DAY));
