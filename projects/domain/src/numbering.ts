// Numbering conventions of receipts (diary numbers), file serials and Computer Nos: what the registration
// workflow (config/workflow/src/register.js, which gets this module compiled as `eoDomain`) and the
// clients share. The numbers themselves are made only by that workflow, run as the repository's
// administrator in series folders no officer may write (docs/architecture.md, "Where does a receipt get
// its number?"): a number IS the zero-padded name of the numbered node in its series folder, the next
// one is the highest existing + 1, and a concurrent registration that picks the same name fails on the
// repository's unique-name rule and is retried by its client. Types only may be imported here (build.mjs
// compiles it to a self-contained script), so the folder names live in this file.

/** Where items live below the department site's document library. */
export const FOLDERS = {
  receipts: 'Receipts',
  files: 'Files',
  computerNumbers: 'Registers/Computer No',
  /** Intake/<post code>: where a post creates an item before the registration workflow numbers it. */
  intake: 'Intake'
} as const;

/** Process key of the registration workflow (config/workflow/eoRegister.bpmn20.xml). */
export const REGISTER_PROCESS_KEY = 'eoRegister';

/** Digits of a numbered node's name; names must stay this long so that they sort as numbers. */
export const DEFAULT_WIDTH = 6;

export function padNumber(n: number, width: number = DEFAULT_WIDTH): string {
  let text = String(n);
  while (text.length < width) text = '0' + text;
  return text;
}

/** The number a series folder's child stands for: its name when that is `width` digits, else undefined. */
export function numberOfName(name: string, width: number = DEFAULT_WIDTH): number | undefined {
  return name.length === width && /^\d+$/.test(name) ? Number(name) : undefined;
}

/**
 * The first number above `from` whose name is free in a series, found by asking `taken(n)` (a name
 * look-up, never a listing): a series has no gaps, so its taken names are a prefix 1..n and a galloping
 * then binary search needs O(log n) look-ups from any `from` at or below the highest, and one look-up when
 * `from` is the highest already (the series' own count, eo:lastNumber). Throws when the series is full.
 */
export function firstFreeNumber(taken: (n: number) => boolean, from: number, width: number = DEFAULT_WIDTH): number {
  const limit = Math.pow(10, width);
  let lo = from; // taken, or 0
  let step = 1;
  let hi = from + step;
  while (hi < limit && taken(hi)) {
    lo = hi;
    step *= 2;
    hi = Math.min(from + step, limit);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (taken(mid)) lo = mid;
    else hi = mid;
  }
  if (hi >= limit) throw new Error(`The series is full (${width} digits)`);
  return hi;
}

/** `12/2026/EST-GAD`: running number / year / section-department. */
export function formatReceiptNumber(n: number, year: number, section: string, department: string): string {
  return `${n}/${year}/${section}-${department}`;
}

export function parseReceiptNumber(text: string): { number: number; year: number; section: string; department: string } | undefined {
  const m = /^(\d+)\/(\d{4})\/([A-Z0-9]+)-([A-Z0-9]+)$/.exec(text.trim());
  return m ? { number: Number(m[1]), year: Number(m[2]), section: m[3], department: m[4] } : undefined;
}

export const receiptSeries = (year: number, section: string): string => `${FOLDERS.receipts}/${year}/${section}`;
export const fileSeries = (year: number, section: string): string => `${FOLDERS.files}/${year}/${section}`;
export const computerNumberSeries = (year: number): string => `${FOLDERS.computerNumbers}/${year}`;
/** The intake folder of a post (its code, e.g. CRU): only that post may write in it. */
export const intakeFolder = (postCode: string): string => `${FOLDERS.intake}/${postCode}`;

/**
 * Computer No.: a plain number unique in the department, searchable beside the formal number. Made from a
 * yearly series (small folders) and prefixed by the year: the 123rd of 2026 is 2026000123.
 */
export const computerNumberOf = (year: number, n: number): number => year * 1_000_000 + n;

/**
 * Receipt properties a holder may amend through the registration workflow (`eowf_amendment`); the first
 * group only while the receipt has not moved. Numbers, custody and dates of diarisation are never among them.
 */
export const RECEIPT_AMENDABLE = [
  'cm:description',
  'eo:letterNumber',
  'eo:mainCategory',
  'eo:subCategory',
  'eo:subject',
  'eo:enclosures',
  'eo:remarks',
  'eo:language',
  'eo:securityGrading',
  'eo:urgency',
  'eo:vipReference',
  'eo:vipName',
  'eo:senderMinistry',
  'eo:senderName',
  'eo:senderDesignation',
  'eo:senderOrganisation',
  'eo:senderAddress',
  'eo:senderState',
  'eo:senderCity',
  'eo:senderPin',
  'eo:senderEmail',
  'eo:senderMobile',
  // Not descriptive, but the holder's own record that the acknowledgement went to the sender.
  'eo:acknowledgedAt'
];
export const RECEIPT_AMENDABLE_BEFORE_MOVING = ['eo:letterDate', 'eo:receivedDate', 'eo:deliveryMode'];

/**
 * File properties its holder may amend through the registration workflow: the files linked to it (a list of
 * eo:file node ids). Everything else on a file is written by the workflow alone.
 */
export const FILE_AMENDABLE = ['eo:linkedFiles'];
