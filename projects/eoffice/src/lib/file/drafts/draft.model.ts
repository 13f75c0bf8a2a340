// Drafts for approval (DFA) and their dispatch, as the drafts panel sees them: an eo:draft in the file's
// Drafts/ (versioned content, status, the approved version) and an eo:dispatch in its Dispatches/.

import { numberedName, officeDay } from '@eoffice/domain';

export type DraftStatus = 'draft' | 'forApproval' | 'approved' | 'issued' | 'discarded';
export type DispatchMode = 'bySelf' | 'byCru';
export type DispatchStatus = 'pending' | 'issuedSent' | 'issuedDispatched';

export const DRAFTS_FOLDER = 'Drafts';
export const DISPATCHES_FOLDER = 'Dispatches';
export const CORRESPONDENCE_FOLDER = 'Correspondence';

export interface DraftVersion {
  /** Version label, `1.0`, `1.1` … */
  label: string;
  comment: string;
  modifiedAt?: string;
  modifiedBy: string;
}

export interface Draft {
  id: string;
  name: string;
  number: number;
  kind: string;
  title: string;
  status: DraftStatus;
  /** The current version's label (cm:versionLabel). */
  version: string;
  approvedVersion?: string;
  approvedBy?: string;
  /** The officer who approved (his signature of the approval is what a department may require). */
  approvedByUser?: string;
  approvedAt?: string;
  modifiedAt?: string;
  /** Newest first. */
  versions: DraftVersion[];
  /**
   * Whether the repository lets the officer change the draft (`update` among its allowableOperations): not once a
   * hand-over sealed its approval (config/README.md "A real approval"). True when the answer did not say.
   */
  changeable: boolean;
  /** The hand-over that recorded (sealed) the approval, read from the file's Movements/ (approvalSeals). */
  approvalSeal?: ApprovalSeal;
}

/** An approval a hand-over recorded (lib.js eoSealApprovals): on its eo:movement, as `<draft>|<version>|<post>|<officer>`. */
export interface ApprovalSeal {
  version: string;
  /** The approving post (its group), whose movement recorded the approval. */
  post: string;
  user: string;
  /** When that movement was recorded. */
  at?: string;
}

export interface Dispatch {
  id: string;
  name: string;
  issueNumber: string;
  mode: DispatchMode;
  status: DispatchStatus;
  deliveryMode: string;
  addressees: string[];
  issuedAt?: string;
  issuedBy: string;
  dispatchedAt?: string;
  fromDraft: string;
}

export interface DispatchRequest {
  mode: DispatchMode;
  addressees: string[];
  deliveryMode: string;
}

export type DraftAction = 'edit' | 'forApproval' | 'approve' | 'discard' | 'dispatch';

/** Who is looking: may they write into the file (they hold it), and may they approve (SO and above)? */
export interface DraftPermissions {
  canWrite: boolean;
  canApprove: boolean;
}

/**
 * What may be done with a draft now. Only the post holding the file writes into it; a draft that was
 * approved and then edited goes back to "for approval" (saveVersion does that), and only a draft whose
 * current version is the approved one can be dispatched.
 */
export function allowedActions(
  draft: Pick<Draft, 'status' | 'version' | 'approvedVersion'> & { changeable?: boolean },
  who: DraftPermissions
): DraftAction[] {
  if (!who.canWrite) return [];
  // The repository refuses any change to a draft whose approval a hand-over recorded: only the issue, which the
  // workflow writes, is left (its own checks decide).
  if (draft.changeable === false) return draft.status === 'approved' && draft.version === draft.approvedVersion ? ['dispatch'] : [];
  switch (draft.status) {
    case 'draft':
      return ['edit', 'forApproval', ...(who.canApprove ? (['approve'] as const) : []), 'discard'];
    case 'forApproval':
      return ['edit', ...(who.canApprove ? (['approve'] as const) : []), 'discard'];
    case 'approved':
      return ['edit', ...(draft.version === draft.approvedVersion ? (['dispatch'] as const) : []), 'discard'];
    default:
      return [];
  }
}

/** A refusal the panel shows in the officer's words: a translation key (and the HTTP status, if any). */
export class DraftError extends Error {
  constructor(
    readonly key: string,
    readonly status?: number
  ) {
    super(key);
    this.name = 'DraftError';
  }
}

const KEYS = 'EOFFICE.FILE.DRAFTS.ERRORS.';

export const statusOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const s = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
};

/** Turns a js-api failure into a DraftError whose key says what happened. */
export function draftErrorOf(error: unknown): DraftError {
  if (error instanceof DraftError) return error;
  const status = statusOf(error);
  const key =
    status === 403 ? 'NOT_ALLOWED' : status === 409 ? 'CONFLICT' : status === 404 ? 'NOT_FOUND' : status === 0 ? 'OFFLINE' : 'FAILED';
  return new DraftError(KEYS + key, status);
}

export const draftError = (code: string): DraftError => new DraftError(KEYS + code);

type Props = Record<string, unknown>;
const text = (p: Props, k: string): string => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : v ? String(v) : undefined);
const DRAFT_STATUSES: DraftStatus[] = ['draft', 'forApproval', 'approved', 'issued', 'discarded'];

export function toDraft(
  node: { id: string; name: string; modifiedAt?: unknown; properties?: Props; allowableOperations?: string[] },
  versions: DraftVersion[] = []
): Draft {
  const p = node.properties ?? {};
  const status = text(p, 'eo:draftStatus') as DraftStatus;
  return {
    id: node.id,
    name: node.name,
    number: Number(p['eo:draftNumber'] ?? parseInt(node.name, 10)) || 0,
    kind: text(p, 'eo:draftKind'),
    title: text(p, 'cm:title') || node.name,
    status: DRAFT_STATUSES.includes(status) ? status : 'draft',
    version: text(p, 'cm:versionLabel') || '1.0',
    approvedVersion: text(p, 'eo:approvedVersion') || undefined,
    approvedBy: text(p, 'eo:approvedBy') || undefined,
    approvedByUser: text(p, 'eo:approvedByUser') || undefined,
    approvedAt: iso(p['eo:approvedAt']),
    modifiedAt: iso(node.modifiedAt),
    versions,
    changeable: !Array.isArray(node.allowableOperations) || node.allowableOperations.includes('update')
  };
}

/**
 * The approvals the file's movements recorded (eo:movementSealedApprovals on an eo:movement of Movements/), by
 * draft id; a later record of the same draft replaces an earlier one. Movements/ is the workflow's alone, so
 * what it says can be shown as recorded (a draft's own properties only say what its writer wrote).
 */
export function approvalSeals(movements: { properties?: Props }[]): Map<string, ApprovalSeal> {
  const seals = new Map<string, ApprovalSeal>();
  const ordered = [...movements].sort(
    (a, b) => Number(a.properties?.['eo:movementSequence'] ?? 0) - Number(b.properties?.['eo:movementSequence'] ?? 0)
  );
  for (const movement of ordered) {
    const p = movement.properties ?? {};
    const sealed = p['eo:movementSealedApprovals'];
    for (const seal of Array.isArray(sealed) ? sealed : sealed ? [sealed] : []) {
      const [draft, version, post, user] = String(seal).split('|');
      if (draft && version && post) seals.set(draft, { version, post, user: user ?? '', at: iso(p['eo:movementAt']) });
    }
  }
  return seals;
}

/** The recorded approval of `draft`, if its record names the version and post the draft says approved it. */
export function sealOf(draft: Draft, seals: ReadonlyMap<string, ApprovalSeal>): ApprovalSeal | undefined {
  const seal = seals.get(draft.id);
  return seal && seal.version === draft.approvedVersion && seal.post === draft.approvedBy ? seal : undefined;
}

export function toDraftVersion(entry: {
  id: string;
  versionComment?: string;
  modifiedAt?: unknown;
  modifiedByUser?: { id?: string; displayName?: string };
}): DraftVersion {
  return {
    label: entry.id,
    comment: entry.versionComment ?? '',
    modifiedAt: iso(entry.modifiedAt),
    modifiedBy: entry.modifiedByUser?.displayName || entry.modifiedByUser?.id || ''
  };
}

export function toDispatch(node: { id: string; name: string; properties?: Props }): Dispatch {
  const p = node.properties ?? {};
  const addressees = p['eo:addressees'];
  return {
    id: node.id,
    name: node.name,
    issueNumber: text(p, 'eo:issueNumber'),
    mode: text(p, 'eo:dispatchMode') === 'byCru' ? 'byCru' : 'bySelf',
    status: (text(p, 'eo:dispatchStatus') || 'pending') as DispatchStatus,
    deliveryMode: text(p, 'eo:dispatchDeliveryMode'),
    addressees: Array.isArray(addressees) ? addressees.map(String) : addressees ? [String(addressees)] : [],
    issuedAt: iso(p['eo:issuedAt']),
    issuedBy: text(p, 'eo:issuedBy'),
    dispatchedAt: iso(p['eo:dispatchedAt']),
    fromDraft: text(p, 'eo:fromDraft')
  };
}

// ------------------------------------------------------------------ the day's issue count

/**
 * `20261123`: the office's calendar day (domain office-time.ts, IST), not UTC's nor the browser's: the
 * repository numbers the issue by the same day (register.js regIssue), wherever the officer's computer is set.
 */
export function dayKey(date: Date): string {
  return officeDay(date).replace(/-/g, '');
}

/**
 * Name of the day's n-th dispatch node in Dispatches/: `20261123-01`. The repository refuses a second
 * child of the same name (409), so two officers dispatching at once cannot take one issue number.
 */
export const dispatchName = (date: Date, issueOfDay: number): string => `${dayKey(date)}-${String(issueOfDay).padStart(2, '0')}`;

/** The highest issue of `date` among dispatch node names (0 when the file issued nothing that day). */
export function issuesOfDay(names: string[], date: Date): number {
  const pattern = new RegExp(`^${dayKey(date)}-(\\d{2,})$`);
  return names.reduce((top, name) => {
    const m = pattern.exec(numberedName(name));
    return m ? Math.max(top, Number(m[1])) : top;
  }, 0);
}
