// What the Create File form collects, how it is checked, and the eo:file node it becomes. The file
// number is not typed by anyone: it is built from the chosen subject head, the serial the repository
// grants (domain/numbering.ts), the year, the section and the department.
import { EO_TYPES, FileNumberParts, RECORD_CATEGORIES, SubjectHead, URGENCIES, formatFileNumber } from '../../domain';
import { FileForm } from './file.model';

export interface FileDraft {
  section: string;
  /** The subject head, as `A-11011` (headCode). */
  head: string;
  subject: string;
  recordCategory: string;
  form: FileForm;
  urgency: string;
}

export interface FileContext {
  department: string;
  /** Post group of the officer opening the file: it holds the file until it is first sent. */
  creatorPost: string;
  year: number;
  computerNumber: number;
  now: Date;
}

export const SUBJECT_MAX = 1024;

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
  return errors;
}

/** The number parts of a new file with serial `n`. */
export function fileNumberParts(
  head: SubjectHead,
  n: number,
  section: string,
  context: Pick<FileContext, 'year' | 'department'>
): FileNumberParts {
  return {
    basicHead: head.basic,
    primaryHead: head.primary,
    secondaryHead: head.secondary,
    serial: n,
    year: context.year,
    section,
    department: context.department
  };
}

/** The eo:file node of serial `n`, with every property in the one create request. */
export function toFileNodeBody(draft: FileDraft, head: SubjectHead, n: number, context: FileContext) {
  const fileNumber = formatFileNumber(fileNumberParts(head, n, draft.section, context));
  const now = context.now.toISOString();
  return {
    nodeType: EO_TYPES.file,
    properties: {
      'cm:title': fileNumber,
      'cm:description': draft.subject.trim(),
      'eo:fileNumber': fileNumber,
      'eo:basicHead': head.basic,
      'eo:primaryHead': head.primary,
      'eo:secondaryHead': head.secondary,
      'eo:fileSerial': n,
      'eo:fileYear': context.year,
      'eo:fileSection': draft.section,
      'eo:fileDepartment': context.department,
      'eo:subjectHead': `${head.name.en} / ${head.name.hi}`,
      'eo:subject': draft.subject.trim(),
      'eo:fileForm': draft.form,
      'eo:recordCategory': draft.recordCategory,
      'eo:urgency': draft.urgency,
      'eo:computerNumber': context.computerNumber,
      'eo:status': 'created',
      'eo:currentHolder': context.creatorPost,
      'eo:heldSince': now,
      'eo:originPost': context.creatorPost
    }
  };
}
