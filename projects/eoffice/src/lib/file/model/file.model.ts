// The e-File as the extension shows it, read from an eo:file node (folder: Notes/, Correspondence/,
// Drafts/, Dispatches/, Movements/), and the reference shapes the notesheet, the correspondence and the
// drafts panels pass to each other.
import { ItemStatus, itemCustody } from '@eoffice/domain';

export type FileForm = 'electronic' | 'physical';

export interface EFile {
  id: string;
  fileNumber: string;
  subject: string;
  subjectHead: string;
  computerNumber?: number;
  section: string;
  department: string;
  year: number;
  serial: number;
  basicHead: string;
  primaryHead: string;
  secondaryHead: string;
  form: FileForm;
  recordCategory?: string;
  /** Category C: the years it is kept after closing (eo:retentionYears); none for A and B. */
  retentionYears?: number;
  status: ItemStatus | string;
  currentHolder: string;
  /** Post group asked to approve a close or reopen request (eo:approverPost); empty when none waits. */
  pendingApprover?: string;
  /** The request waiting for approval (eo:pendingRequest: close, reopen), who asked, with what remarks, when. */
  pendingRequest?: string;
  pendingRequester?: string;
  pendingRemarks?: string;
  pendingSince?: string;
  /** Post code Send back returns the file to (eo:returnTo); empty when nobody sent it to its holder. */
  returnTo?: string;
  heldSince?: string;
  /** Post group that sent it to its holder (eo:previousHolder). */
  previousHolder?: string;
  /** Remarks of the movement that put it in its holder's Inbox (eo:lastRemarks). */
  lastRemarks?: string;
  dueDate?: string;
  /** When it was closed (eo:closedAt). */
  closedAt?: string;
  urgency?: string;
  originPost: string;
  createdAt?: string;
  /** Files linked to this one: they stay independent and move separately. */
  linkedFiles: string[];
  /** The main file this part file was opened from. */
  partOf?: string;
  /**
   * The signed-in officer may write into the file (add notes, drafts): the repository gave their post
   * write access to its folders because it holds the file. Read from the allowableOperations of the file's
   * Notes folder, never guessed.
   */
  canWrite: boolean;
  /**
   * The id of the file's Notes folder, when the file was read with it (FileService.get): the notesheet then
   * lists the notes at once instead of looking for the folder first.
   */
  notesFolderId?: string;
}

/** What a note can point at: a correspondence entry (PUC, FR I …, an issue) or an earlier note. */
export interface NoteReference {
  kind: 'correspondence' | 'note';
  /** Node id of the correspondence entry or the note. */
  id: string;
  /** What the reader sees in the note: "PUC", "FR II", "Note 4", "Issue 3". */
  label: string;
  /** Longer description for pickers: the subject or first words. */
  title?: string;
}

/** One serially numbered entry of the correspondence portion. */
export interface CorrespondenceEntry {
  id: string;
  serial: number;
  kind: 'receipt' | 'issue' | string;
  /** PUC, FR I … for receipts; the issue number for issued letters. */
  flag: string;
  name: string;
  /** The receipt number of a receipt put in the file, the issue number of an issued letter. */
  title: string;
  /** The subject. */
  description: string;
  mimeType?: string;
  sourceReceipt?: string;
  createdAt?: string;
}

type Props = Record<string, unknown>;
const text = (p: Props, k: string): string => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
const num = (p: Props, k: string): number | undefined => (p[k] === undefined || p[k] === null || p[k] === '' ? undefined : Number(p[k]));
/** Node ids of a d:noderef property (ACS answers ids, or workspace://SpacesStore/<id> refs). */
const refs = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v ? [v] : []).map((r) => String(r).replace(/^workspace:\/\/SpacesStore\//, '')).filter((r) => !!r);
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : v ? String(v) : undefined);

/** Maps an eo:file node (with properties) and the allowableOperations of its Notes folder to the view model. */
export function toEFile(
  node: { id: string; createdAt?: unknown; properties?: Props },
  notesOperations: string[] = [],
  notesFolderId?: string
): EFile {
  const p = node.properties ?? {};
  return {
    id: node.id,
    fileNumber: text(p, 'eo:fileNumber'),
    subject: text(p, 'eo:subject'),
    subjectHead: text(p, 'eo:subjectHead'),
    computerNumber: num(p, 'eo:computerNumber'),
    section: text(p, 'eo:fileSection'),
    department: text(p, 'eo:fileDepartment'),
    year: num(p, 'eo:fileYear') ?? 0,
    serial: num(p, 'eo:fileSerial') ?? 0,
    basicHead: text(p, 'eo:basicHead'),
    primaryHead: text(p, 'eo:primaryHead'),
    secondaryHead: text(p, 'eo:secondaryHead'),
    form: text(p, 'eo:fileForm') === 'physical' ? 'physical' : 'electronic',
    recordCategory: text(p, 'eo:recordCategory') || undefined,
    retentionYears: num(p, 'eo:retentionYears'),
    status: text(p, 'eo:status') || 'created',
    currentHolder: text(p, 'eo:currentHolder'),
    pendingApprover: itemCustody(p).pendingApprover,
    pendingRequest: text(p, 'eo:pendingRequest') || undefined,
    pendingRequester: text(p, 'eo:pendingRequester') || undefined,
    pendingRemarks: text(p, 'eo:pendingRemarks') || undefined,
    pendingSince: iso(p['eo:pendingSince']),
    returnTo: text(p, 'eo:returnTo'),
    heldSince: iso(p['eo:heldSince']),
    previousHolder: text(p, 'eo:previousHolder') || undefined,
    lastRemarks: text(p, 'eo:lastRemarks') || undefined,
    dueDate: iso(p['eo:dueDate']),
    closedAt: iso(p['eo:closedAt']),
    urgency: text(p, 'eo:urgency') || undefined,
    originPost: text(p, 'eo:originPost'),
    createdAt: iso(node.createdAt),
    linkedFiles: refs(p['eo:linkedFiles']),
    partOf: refs(p['eo:partOf'])[0],
    canWrite: notesOperations.includes('create'),
    ...(notesFolderId ? { notesFolderId } : {})
  };
}

/** Maps a child of a file's Correspondence/ folder. */
export function toCorrespondenceEntry(node: {
  id: string;
  name: string;
  createdAt?: unknown;
  content?: { mimeType?: string };
  properties?: Props;
}): CorrespondenceEntry {
  const p = node.properties ?? {};
  return {
    id: node.id,
    serial: num(p, 'eo:correspondenceSerial') ?? (parseInt(node.name, 10) || 0),
    kind: text(p, 'eo:correspondenceKind') || 'receipt',
    flag: text(p, 'eo:correspondenceFlag'),
    name: node.name,
    title: text(p, 'cm:title') || node.name,
    description: text(p, 'cm:description'),
    mimeType: node.content?.mimeType,
    sourceReceipt: text(p, 'eo:sourceReceipt') || undefined,
    createdAt: iso(node.createdAt)
  };
}

/** The reference a note shows for a correspondence entry. */
export function correspondenceReference(entry: CorrespondenceEntry): NoteReference {
  return {
    kind: 'correspondence',
    id: entry.id,
    label: entry.flag || `${entry.serial}`,
    title: entry.description ? `${entry.title}: ${entry.description}` : entry.title
  };
}
