import { EO_TYPES, ReceiptForm, officeDay, itemCustody } from '@eoffice/domain';

/** Who sent the dak: the sender block of the diarise form (aspect eo:sender). */
export interface SenderBlock {
  ministry: string;
  name: string;
  designation: string;
  organisation: string;
  address: string;
  state: string;
  city: string;
  pin: string;
  email: string;
  mobile: string;
}

/** What the diarist enters; dates are `yyyy-mm-dd` (the received and letter dates are calendar dates). */
export interface ReceiptDraft {
  form: ReceiptForm;
  section: string;
  sender: SenderBlock;
  letterNumber: string;
  letterDate: string;
  receivedDate: string;
  diarisedDate: string;
  deliveryMode: string;
  mainCategory: string;
  subCategory: string;
  subject: string;
  enclosures: string;
  remarks: string;
  language: string;
  securityGrading: string;
  urgency: string;
  vipReference: boolean;
  vipName: string;
}

/** A diarised receipt as the extension shows it, read from an eo:receipt node. */
export interface Receipt extends Omit<ReceiptDraft, 'diarisedDate'> {
  id: string;
  receiptNumber: string;
  computerNumber?: number;
  /** Full date and time of diarisation (ISO). */
  diarisedAt: string;
  status: string;
  currentHolder: string;
  /** Post group asked to approve a close or reopen request (eo:approverPost); empty when none waits. */
  pendingApprover?: string;
  /** The request waiting for approval (eo:pendingRequest: close, reopen), who asked, with what remarks, when. */
  pendingRequest?: string;
  pendingRequester?: string;
  pendingRemarks?: string;
  pendingSince?: string;
  heldSince?: string;
  /** Post group that sent it to its holder (eo:previousHolder); empty for a receipt not yet sent. */
  previousHolder?: string;
  /** Reply by (eo:dueDate), as the sender set it. */
  dueDate?: string;
  /** Remarks of the movement that put it in its holder's Inbox (eo:lastRemarks), not the diarist's eo:remarks. */
  lastRemarks?: string;
  originPost: string;
  /** The file it was put in (eo:inFile, a node id), once put in one. */
  inFile?: string;
}

export const EMPTY_SENDER: SenderBlock = {
  ministry: '',
  name: '',
  designation: '',
  organisation: '',
  address: '',
  state: '',
  city: '',
  pin: '',
  email: '',
  mobile: ''
};

const SENDER_PROPERTIES: Record<keyof SenderBlock, string> = {
  ministry: 'eo:senderMinistry',
  name: 'eo:senderName',
  designation: 'eo:senderDesignation',
  organisation: 'eo:senderOrganisation',
  address: 'eo:senderAddress',
  state: 'eo:senderState',
  city: 'eo:senderCity',
  pin: 'eo:senderPin',
  email: 'eo:senderEmail',
  mobile: 'eo:senderMobile'
};

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Drops blank and undefined values: the model's REGEX constraints reject empty strings. */
function compact(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * The diarised date keeps the time of diarisation, on the calendar day the diarist chose (a receipt
 * may be diarised on the day after it was entered, e.g. late dak).
 */
export function diarisedDateTime(day: string, now: Date): string {
  if (!day || day === localDay(now)) return now.toISOString();
  return new Date(`${day}T${now.toTimeString().slice(0, 8)}`).toISOString();
}

/** `yyyy-mm-dd` of a date in the browser's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Parts of a sender (name, designation, city …) as one line: "Shri R. Kumar, Deputy Secretary, Pune". The one
 * place they are joined, so lists, the receipt, exports and acknowledgements read alike: empty parts are
 * left out and none brings a space before its comma.
 */
export function senderLine(...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => !!part)
    .join(', ');
}

/**
 * The sender block after the diarist typed another sender's name over a prefilled (remembered) sender: what
 * still holds the earlier sender's details (designation, city …) is cleared, so they are not filed under the
 * new sender; what the diarist has changed already is kept. The same name, or no prefilled name, changes nothing.
 */
export function senderAfterNameChange(prefilled: SenderBlock, current: SenderBlock): SenderBlock {
  const name = current.name.trim();
  if (!prefilled.name.trim() || !name || name === prefilled.name.trim()) return current;
  const next = { ...current };
  for (const key of Object.keys(EMPTY_SENDER) as (keyof SenderBlock)[]) {
    if (key !== 'name' && current[key] === prefilled[key]) next[key] = '';
  }
  return next;
}

/** Sender properties (aspect eo:sender) of a sender block. */
export function senderProperties(sender: SenderBlock): Record<string, unknown> {
  return compact(
    Object.fromEntries((Object.keys(SENDER_PROPERTIES) as (keyof SenderBlock)[]).map((key) => [SENDER_PROPERTIES[key], text(sender[key])]))
  );
}

/**
 * The unnumbered eo:receipt a diarist creates in its post's intake folder: what was entered. Its number,
 * Computer No., diarist and custody are written by the eoRegister workflow when it is registered.
 */
export function toReceiptIntakeBody(draft: ReceiptDraft, now: Date) {
  return {
    nodeType: EO_TYPES.receipt,
    properties: compact({
      'cm:description': text(draft.subject),
      'eo:receiptSection': draft.section,
      'eo:receiptForm': draft.form,
      'eo:letterNumber': text(draft.letterNumber),
      'eo:letterDate': text(draft.letterDate),
      'eo:receivedDate': draft.receivedDate,
      'eo:diarisedDate': diarisedDateTime(draft.diarisedDate, now),
      'eo:deliveryMode': text(draft.deliveryMode),
      'eo:mainCategory': text(draft.mainCategory),
      'eo:subCategory': text(draft.subCategory),
      'eo:subject': draft.subject.trim(),
      'eo:enclosures': text(draft.enclosures),
      'eo:remarks': text(draft.remarks),
      'eo:language': text(draft.language),
      'eo:securityGrading': text(draft.securityGrading),
      'eo:urgency': text(draft.urgency),
      'eo:vipReference': draft.vipReference,
      'eo:vipName': draft.vipReference ? text(draft.vipName) : undefined,
      ...senderProperties(draft.sender)
    })
  };
}

/**
 * Properties an edit writes; a cleared field is sent as null (the repository then removes it). The
 * received and letter dates and the delivery mode are left out once the receipt has moved.
 */
export function toReceiptUpdate(draft: ReceiptDraft, moved: boolean): Record<string, unknown> {
  const orNull = (value: string | undefined) => text(value) ?? null;
  const update: Record<string, unknown> = {
    'cm:description': draft.subject.trim(),
    'eo:letterNumber': orNull(draft.letterNumber),
    'eo:mainCategory': orNull(draft.mainCategory),
    'eo:subCategory': orNull(draft.subCategory),
    'eo:subject': draft.subject.trim(),
    'eo:enclosures': orNull(draft.enclosures),
    'eo:remarks': orNull(draft.remarks),
    'eo:language': orNull(draft.language),
    'eo:securityGrading': draft.securityGrading,
    'eo:urgency': draft.urgency,
    'eo:vipReference': draft.vipReference,
    'eo:vipName': draft.vipReference ? orNull(draft.vipName) : null
  };
  for (const key of Object.keys(SENDER_PROPERTIES) as (keyof SenderBlock)[]) {
    update[SENDER_PROPERTIES[key]] = orNull(draft.sender[key]);
  }
  if (!moved) {
    update['eo:letterDate'] = orNull(draft.letterDate);
    update['eo:receivedDate'] = draft.receivedDate;
    update['eo:deliveryMode'] = orNull(draft.deliveryMode);
  }
  return update;
}

type Properties = Record<string, unknown> | undefined;
const str = (properties: Properties, key: string): string => {
  const value = properties?.[key];
  return value === undefined || value === null ? '' : String(value);
};
/** Repository dates come as `2026-11-20T00:00:00.000+0000`; the form wants the calendar day. */
const day = (properties: Properties, key: string): string => str(properties, key).slice(0, 10);

/** Reads an eo:receipt node (with `include=properties`). */
export function toReceipt(node: { id: string; name?: string; properties?: Record<string, unknown> }): Receipt {
  const p = node.properties;
  const computer = p?.['eo:computerNumber'];
  return {
    id: node.id,
    receiptNumber: str(p, 'eo:receiptNumber') || node.name || node.id,
    computerNumber: computer === undefined || computer === null ? undefined : Number(computer),
    form: str(p, 'eo:receiptForm') === 'physical' ? 'physical' : 'electronic',
    section: str(p, 'eo:receiptSection'),
    sender: Object.fromEntries(
      (Object.keys(SENDER_PROPERTIES) as (keyof SenderBlock)[]).map((key) => [key, str(p, SENDER_PROPERTIES[key])])
    ) as unknown as SenderBlock,
    letterNumber: str(p, 'eo:letterNumber'),
    letterDate: day(p, 'eo:letterDate'),
    receivedDate: day(p, 'eo:receivedDate'),
    diarisedAt: str(p, 'eo:diarisedDate'),
    deliveryMode: str(p, 'eo:deliveryMode'),
    mainCategory: str(p, 'eo:mainCategory'),
    subCategory: str(p, 'eo:subCategory'),
    subject: str(p, 'eo:subject'),
    enclosures: str(p, 'eo:enclosures'),
    remarks: str(p, 'eo:remarks'),
    language: str(p, 'eo:language'),
    securityGrading: str(p, 'eo:securityGrading') || 'Normal',
    urgency: str(p, 'eo:urgency') || 'Normal',
    vipReference: p?.['eo:vipReference'] === true || p?.['eo:vipReference'] === 'true',
    vipName: str(p, 'eo:vipName'),
    status: str(p, 'eo:status') || 'created',
    currentHolder: str(p, 'eo:currentHolder'),
    pendingApprover: itemCustody(p).pendingApprover,
    pendingRequest: str(p, 'eo:pendingRequest') || undefined,
    pendingRequester: str(p, 'eo:pendingRequester') || undefined,
    pendingRemarks: str(p, 'eo:pendingRemarks') || undefined,
    pendingSince: str(p, 'eo:pendingSince') || undefined,
    heldSince: str(p, 'eo:heldSince') || undefined,
    previousHolder: str(p, 'eo:previousHolder') || undefined,
    dueDate: str(p, 'eo:dueDate') || undefined,
    lastRemarks: str(p, 'eo:lastRemarks') || undefined,
    originPost: str(p, 'eo:originPost'),
    // ACS gives a d:noderef as the node id; a full nodeRef is read as well.
    inFile: str(p, 'eo:inFile').replace(/^workspace:\/\/SpacesStore\//, '') || undefined
  };
}

/** The draft an Edit form starts from. */
export function toReceiptDraft(receipt: Receipt): ReceiptDraft {
  return {
    form: receipt.form,
    section: receipt.section,
    sender: { ...receipt.sender },
    letterNumber: receipt.letterNumber,
    letterDate: receipt.letterDate,
    receivedDate: receipt.receivedDate,
    // the IST day: 01:00 IST on 5 December is still 4 December in UTC
    diarisedDate: receipt.diarisedAt ? officeDay(receipt.diarisedAt) : '',
    deliveryMode: receipt.deliveryMode,
    mainCategory: receipt.mainCategory,
    subCategory: receipt.subCategory,
    subject: receipt.subject,
    enclosures: receipt.enclosures,
    remarks: receipt.remarks,
    language: receipt.language,
    securityGrading: receipt.securityGrading,
    urgency: receipt.urgency,
    vipReference: receipt.vipReference,
    vipName: receipt.vipName
  };
}

// ------------------------------------------------------------------ pendency

/** CSMOP: no official keeps a case more than 7 working days (counted with WorkingDaysService). */
export const PENDENCY_NORM_WORKING_DAYS = 7;

export type PendencyLevel = 'within' | 'nearing' | 'over';

/** Within the norm, in its last two days, or beyond it. */
export function pendencyLevel(workingDays: number, norm = PENDENCY_NORM_WORKING_DAYS): PendencyLevel {
  if (workingDays > norm) return 'over';
  return workingDays >= norm - 1 ? 'nearing' : 'within';
}
