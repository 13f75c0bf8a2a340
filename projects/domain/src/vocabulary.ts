// e-Office vocabulary shared by the extension, the installer and the content model (config/model).
// The LIST constraints of eofficeModel.xml hold exactly the `value`s below (a test keeps them in step);
// the model stores English words officers see in reports, or camelCase codes for states set by the
// workflow. Labels are what the UI shows, in English and Hindi. Movement actions (eo:movementActions) have
// their own table, movement-actions.ts, with their labels in the translations.

export interface Label {
  en: string;
  hi: string;
}

export interface Choice<V extends string = string> extends Label {
  value: V;
}

export const EO_PREFIX = 'eo';
export const EO_NAMESPACE = 'http://eoffice.nic.in/model/eoffice/1.0';
export const EO_MODEL_NAME = 'eo:eofficeModel';

export const EO_TYPES = {
  receipt: 'eo:receipt',
  file: 'eo:file',
  note: 'eo:note',
  draft: 'eo:draft',
  dispatch: 'eo:dispatch',
  movement: 'eo:movement',
  /** A notice to one officer (the header's bell): notice-query.ts. */
  notice: 'eo:notice',
  /** A note's digital signature in the file's Signatures/ folder: note-signature.ts, docs/signatures.md. */
  signature: 'eo:signature'
} as const;

export const EO_ASPECTS = {
  computerNumbered: 'eo:computerNumbered',
  /** On a series folder: the last number the registration workflow gave in it. */
  numberSeries: 'eo:numberSeries',
  subjected: 'eo:subjected',
  sender: 'eo:sender',
  handling: 'eo:handling',
  custody: 'eo:custody',
  /** On the node binding a movement process to its item (Data Dictionary/eOffice/Movements/<process id>). */
  movementBinding: 'eo:movementBinding',
  correspondence: 'eo:correspondence',
  signed: 'eo:signed',
  officer: 'eo:officer',
  /** On a link officer's register node (Data Dictionary/eOffice/Links/<link officer>/<post group>, eoLink). */
  linkCharge: 'eo:linkCharge'
} as const;

export const RECEIPT_FORMS: Choice<'electronic' | 'physical'>[] = [
  { value: 'electronic', en: 'Electronic', hi: 'इलेक्ट्रॉनिक' },
  { value: 'physical', en: 'Physical', hi: 'भौतिक' }
];

export const DELIVERY_MODES: Choice[] = [
  { value: 'Post', en: 'Post', hi: 'डाक' },
  { value: 'Hand', en: 'By hand', hi: 'दस्ती' },
  { value: 'Courier', en: 'Courier', hi: 'कूरियर' },
  { value: 'E-mail', en: 'E-mail', hi: 'ई-मेल' },
  { value: 'Fax', en: 'Fax', hi: 'फ़ैक्स' },
  { value: 'Speed Post', en: 'Speed Post', hi: 'स्पीड पोस्ट' },
  { value: 'eOffice', en: 'eOffice', hi: 'ई-ऑफ़िस' }
];

export const LANGUAGES: Choice[] = [
  { value: 'English', en: 'English', hi: 'अंग्रेज़ी' },
  { value: 'Hindi', en: 'Hindi', hi: 'हिन्दी' },
  { value: 'Bilingual', en: 'Bilingual', hi: 'द्विभाषी' },
  { value: 'Other', en: 'Other', hi: 'अन्य' }
];

export const SECURITY_GRADINGS: Choice[] = [
  { value: 'Normal', en: 'Normal', hi: 'सामान्य' },
  { value: 'Confidential', en: 'Confidential', hi: 'गोपनीय' },
  { value: 'Secret', en: 'Secret', hi: 'गुप्त' },
  { value: 'Top Secret', en: 'Top Secret', hi: 'परम गुप्त' }
];

/** Classified gradings need a delivery mode (conventions); the model cannot express that rule. */
export const CLASSIFIED_GRADINGS = ['Confidential', 'Secret', 'Top Secret'];

export const URGENCIES: Choice[] = [
  { value: 'Normal', en: 'Normal', hi: 'सामान्य' },
  { value: 'Immediate', en: 'Immediate', hi: 'तत्काल' },
  { value: 'Priority', en: 'Priority', hi: 'प्राथमिकता' },
  { value: 'Top Priority', en: 'Top Priority', hi: 'सर्वोच्च प्राथमिकता' }
];

export const PARLIAMENT_HOUSES: Choice[] = [
  { value: 'Lok Sabha', en: 'Lok Sabha', hi: 'लोक सभा' },
  { value: 'Rajya Sabha', en: 'Rajya Sabha', hi: 'राज्य सभा' }
];

export const MAIN_CATEGORIES: Choice[] = [
  { value: 'General', en: 'General', hi: 'सामान्य' },
  { value: 'Parliament Question', en: 'Parliament Question', hi: 'संसद प्रश्न' },
  { value: 'Parliament Assurance', en: 'Parliament Assurance', hi: 'संसदीय आश्वासन' },
  { value: 'RTI', en: 'Right to Information', hi: 'सूचना का अधिकार' },
  { value: 'VIP Reference', en: 'MP/VIP Reference', hi: 'सांसद/वीआईपी संदर्भ' },
  { value: 'Court Case', en: 'Court Case', hi: 'न्यायालय मामला' },
  { value: 'Public Grievance', en: 'Public Grievance', hi: 'लोक शिकायत' },
  { value: 'Audit Para', en: 'Audit Para', hi: 'लेखापरीक्षा पैरा' },
  { value: 'Service Matter', en: 'Service Matter', hi: 'सेवा मामला' },
  { value: 'Other', en: 'Other', hi: 'अन्य' }
];

export const RECORD_CATEGORIES: Choice<'A' | 'B' | 'C'>[] = [
  { value: 'A', en: 'A — keep and microfilm (permanent)', hi: 'क — रखें एवं माइक्रोफ़िल्म करें (स्थायी)' },
  { value: 'B', en: 'B — keep, do not microfilm (permanent)', hi: 'ख — रखें, माइक्रोफ़िल्म न करें (स्थायी)' },
  { value: 'C', en: 'C — keep for a specified period', hi: 'ग — निर्धारित अवधि तक रखें' }
];

/**
 * The categories CSMOP keeps for good: A (microfilmed, transferred to the National Archives) and B; C is kept
 * for stated years and destroyed. Their records are written also in an archival form when the file closes
 * (PDF/A, docs/governance-services.md); config/retention's schedules for them have no destruction step.
 */
export const PERMANENT_RECORD_CATEGORIES: readonly string[] = ['A', 'B'];

export function isPermanentRecordCategory(code: unknown): boolean {
  return PERMANENT_RECORD_CATEGORIES.indexOf(String(code ?? '')) >= 0;
}

/** The working folder of an e-file that holds its archival copies (the whole file as PDF/A, one per closing). */
export const ARCHIVE_FOLDER = 'Archive';

/** Status of receipts and files, one list for both: only a receipt can be "put in a file". */
export type ItemStatus = 'created' | 'inMovement' | 'parked' | 'putInFile' | 'closed';
export const ITEM_STATUSES: Choice<ItemStatus>[] = [
  { value: 'created', en: 'Created', hi: 'सृजित' },
  { value: 'inMovement', en: 'In movement', hi: 'संचलन में' },
  { value: 'parked', en: 'Parked', hi: 'पार्क की गई' },
  { value: 'putInFile', en: 'Put in a file', hi: 'फ़ाइल में रखी गई' },
  { value: 'closed', en: 'Closed', hi: 'बंद' }
];

export const NOTE_COLOURS: Choice<'green' | 'yellow'>[] = [
  { value: 'green', en: 'Green note', hi: 'हरी टिप्पणी' },
  { value: 'yellow', en: 'Yellow note', hi: 'पीली टिप्पणी' }
];

export const CORRESPONDENCE_KINDS: Choice<'receipt' | 'issue'>[] = [
  { value: 'receipt', en: 'Receipt', hi: 'आवती' },
  { value: 'issue', en: 'Office copy of issue', hi: 'जारी पत्र की कार्यालय प्रति' }
];

export const DRAFT_STATUSES: Choice[] = [
  { value: 'draft', en: 'Draft', hi: 'मसौदा' },
  { value: 'forApproval', en: 'Draft for approval', hi: 'अनुमोदन हेतु मसौदा' },
  { value: 'approved', en: 'Approved', hi: 'अनुमोदित' },
  { value: 'issued', en: 'Issued', hi: 'जारी' },
  { value: 'discarded', en: 'Discarded', hi: 'निरस्त' }
];

export const DISPATCH_MODES: Choice[] = [
  { value: 'bySelf', en: 'By self', hi: 'स्वयं द्वारा' },
  { value: 'byCru', en: 'By CRU', hi: 'केंद्रीय रजिस्ट्री द्वारा' }
];

export const DISPATCH_STATUSES: Choice[] = [
  { value: 'pending', en: 'Pending', hi: 'लंबित' },
  { value: 'issuedSent', en: 'Issued & Sent', hi: 'जारी एवं भेजा गया' },
  { value: 'issuedDispatched', en: 'Issued & Dispatched', hi: 'जारी एवं प्रेषित' }
];

/** Label of a stored value, or the value itself when the list does not know it. */
export function labelOf(list: Choice[], value: string | undefined, lang: 'en' | 'hi' = 'en'): string {
  const hit = list.find((c) => c.value === value);
  return hit ? hit[lang] : (value ?? '');
}
