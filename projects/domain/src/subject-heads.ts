// The subject-head index a department files under (CSMOP's functional file numbering): each head gives
// the basic head letter, the primary (2 digits) and secondary (3 digits) heads of a file number, with
// its name in English and Hindi and the sections that may open files under it (none listed: every
// section). Configuration, not code: config/subject-heads/<dept>.subject-heads.json, installed as
// Data Dictionary/eOffice/subject-heads.json.
import { Label } from './vocabulary';

export interface SubjectHead {
  basic: string;
  primary: string;
  secondary: string;
  name: Label;
  sections?: string[];
}

export interface SubjectHeadIndex {
  version: 1;
  heads: SubjectHead[];
}

export const SUBJECT_HEADS_FILE = 'subject-heads.json';

/** The three heads as they appear in a file number: `A-11011`. */
export const headCode = (h: Pick<SubjectHead, 'basic' | 'primary' | 'secondary'>): string => `${h.basic}-${h.primary}${h.secondary}`;

/** Reads and checks an index; throws one message listing every problem. */
export function parseSubjectHeadIndex(json: unknown): SubjectHeadIndex {
  const problems: string[] = [];
  const root = json as Partial<SubjectHeadIndex> | null;
  if (!root || typeof root !== 'object') throw new Error('Subject-head index: not a JSON object');
  if (root.version !== 1) problems.push('version must be 1');
  const heads = Array.isArray(root.heads) ? root.heads : [];
  if (!heads.length) problems.push('heads must list at least one head');
  const seen = new Set<string>();
  heads.forEach((h, i) => {
    const at = `heads[${i}]`;
    if (!/^[A-Z]{1,2}$/.test(h?.basic ?? '')) problems.push(`${at}.basic must be one or two capital letters`);
    if (!/^\d{2}$/.test(h?.primary ?? '')) problems.push(`${at}.primary must be two digits`);
    if (!/^\d{3}$/.test(h?.secondary ?? '')) problems.push(`${at}.secondary must be three digits`);
    if (!h?.name?.en?.trim() || !h?.name?.hi?.trim()) problems.push(`${at}.name needs en and hi`);
    if (h?.sections !== undefined && (!Array.isArray(h.sections) || h.sections.some((s) => !/^[A-Z0-9_]+$/.test(s))))
      problems.push(`${at}.sections must be section codes`);
    const code = h ? headCode(h) : '';
    if (seen.has(code)) problems.push(`${at} repeats ${code}`);
    seen.add(code);
  });
  if (problems.length) throw new Error(`Subject-head index: ${problems.join('; ')}`);
  return { version: 1, heads: heads.map((h) => ({ ...h, sections: h.sections?.length ? h.sections : undefined })) };
}

/** The heads a section may open files under, in index order. */
export function headsForSection(index: SubjectHeadIndex, section: string): SubjectHead[] {
  return index.heads.filter((h) => !h.sections || h.sections.includes(section));
}
