// What the Create File form collects, how it is checked, and the eo:file node it becomes. The file
// number is not typed by anyone: the eoRegister workflow builds it from the chosen subject head, the next
// serial of the section's year, the section and the department (domain/numbering.ts).
import { EO_TYPES, RECORD_CATEGORIES, SubjectHead, URGENCIES } from '@eoffice/domain';
import { FileForm } from './file.model';

export interface FileDraft {
  section: string;
  /** The subject head, as `A-11011` (headCode). */
  head: string;
  subject: string;
  recordCategory: string;
  /**
   * Category C only: how many years the file is kept after it is closed (eo:retentionYears), so that closing
   * files it in the sub-category of those years (C-5) where the file plan has one; empty keeps it under C's
   * own schedule. A and B are kept permanently and take none.
   */
  retentionYears?: number | null;
  form: FileForm;
  urgency: string;
}

export const SUBJECT_MAX = 1024;

/** CSMOP keeps a category C file for a stated period of at most ten years (config/retention's C). */
export const RETENTION_YEARS_MAX = 10;

/** Whether the category takes a number of years (C), as config/retention's sub-categories C-1 … C-10 do. */
export const categoryTakesYears = (category: string): boolean => category === 'C';

/** Field → translation key of the problem (empty when the draft can be saved). */
export function validateFileDraft(draft: FileDraft, heads: SubjectHead[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.section) errors['section'] = 'EOFFICE.FILE.ERRORS.SECTION_REQUIRED';
  if (!draft.head) errors['head'] = 'EOFFICE.FILE.ERRORS.HEAD_REQUIRED';
  else if (!heads.some((h) => `${h.basic}-${h.primary}${h.secondary}` === draft.head)) errors['head'] = 'EOFFICE.FILE.ERRORS.HEAD_UNKNOWN';
  const subject = draft.subject.trim();
  if (!subject) errors['subject'] = 'EOFFICE.FILE.ERRORS.SUBJECT_REQUIRED';
  else if (subject.length > SUBJECT_MAX) errors['subject'] = 'EOFFICE.FILE.ERRORS.SUBJECT_TOO_LONG';
  if (!RECORD_CATEGORIES.some((c) => c.value === draft.recordCategory)) errors['recordCategory'] = 'EOFFICE.FILE.ERRORS.CATEGORY_REQUIRED';
  if (!URGENCIES.some((u) => u.value === draft.urgency)) errors['urgency'] = 'EOFFICE.FILE.ERRORS.URGENCY_REQUIRED';
  const years = draft.retentionYears;
  if (years !== undefined && years !== null && categoryTakesYears(draft.recordCategory))
    if (!Number.isInteger(years) || years < 1 || years > RETENTION_YEARS_MAX)
      errors['retentionYears'] = 'EOFFICE.FILE.ERRORS.RETENTION_YEARS';
  return errors;
}

/**
 * The unnumbered eo:file an officer creates in its post's intake folder: what was chosen. Its number,
 * Computer No., subject-head title and custody are written by the eoRegister workflow.
 */
export function toFileIntakeBody(draft: FileDraft, head: SubjectHead) {
  return {
    nodeType: EO_TYPES.file,
    properties: {
      'cm:description': draft.subject.trim(),
      'eo:basicHead': head.basic,
      'eo:primaryHead': head.primary,
      'eo:secondaryHead': head.secondary,
      'eo:fileSection': draft.section,
      'eo:subject': draft.subject.trim(),
      'eo:fileForm': draft.form,
      'eo:recordCategory': draft.recordCategory,
      'eo:urgency': draft.urgency,
      ...(categoryTakesYears(draft.recordCategory) && typeof draft.retentionYears === 'number'
        ? { 'eo:retentionYears': draft.retentionYears }
        : {})
    }
  };
}
