// The templates a new draft starts from, in English and Hindi (or both, Hindi first, as bilingual
// government documents are laid out). Placeholders {{fileNumber}}, {{subject}}, {{date}} are filled from
// the file; the officer writes the rest in the editor. The text is our own, kept short on purpose.
import { Label, officeDate } from '@eoffice/domain';

export type DraftLanguage = 'en' | 'hi' | 'bilingual';
export const DRAFT_LANGUAGES: DraftLanguage[] = ['en', 'hi', 'bilingual'];

export interface DraftTemplate {
  /** Stored as eo:draftKind. */
  kind: string;
  name: Label;
  body: Label;
}

export const DRAFT_TEMPLATES: DraftTemplate[] = [
  {
    kind: 'letter',
    name: { en: 'Letter', hi: 'पत्र' },
    body: {
      en:
        '<p>No. {{fileNumber}}</p><p>Government of India</p><p>Dated: {{date}}</p><p>To</p><p>[Addressee]</p>' +
        '<p><strong>Subject: {{subject}}</strong></p><p>Sir/Madam,</p><p>I am directed to [text of the letter].</p>' +
        '<p>Yours faithfully,</p><p>([Name])</p><p>[Designation]</p>',
      hi:
        '<p>सं. {{fileNumber}}</p><p>भारत सरकार</p><p>दिनांक: {{date}}</p><p>सेवा में</p><p>[प्रेषिती]</p>' +
        '<p><strong>विषय: {{subject}}</strong></p><p>महोदय/महोदया,</p><p>मुझे निदेश हुआ है कि [पत्र का पाठ]।</p>' +
        '<p>भवदीय,</p><p>([नाम])</p><p>[पदनाम]</p>'
    }
  },
  {
    kind: 'officeMemorandum',
    name: { en: 'Office memorandum', hi: 'कार्यालय ज्ञापन' },
    body: {
      en:
        '<p>No. {{fileNumber}}</p><p>Government of India</p><p>Dated: {{date}}</p><h2>OFFICE MEMORANDUM</h2>' +
        '<p><strong>Subject: {{subject}}</strong></p><p>The undersigned is directed to [text of the memorandum].</p>' +
        '<p>([Name])</p><p>[Designation]</p><p>To</p><p>[Addressees]</p>',
      hi:
        '<p>सं. {{fileNumber}}</p><p>भारत सरकार</p><p>दिनांक: {{date}}</p><h2>कार्यालय ज्ञापन</h2>' +
        '<p><strong>विषय: {{subject}}</strong></p><p>अधोहस्ताक्षरी को निदेश हुआ है कि [ज्ञापन का पाठ]।</p>' +
        '<p>([नाम])</p><p>[पदनाम]</p><p>सेवा में</p><p>[प्रेषिती]</p>'
    }
  },
  {
    kind: 'officeOrder',
    name: { en: 'Office order', hi: 'कार्यालय आदेश' },
    body: {
      en:
        '<p>No. {{fileNumber}}</p><p>Government of India</p><p>Dated: {{date}}</p><h2>OFFICE ORDER</h2>' +
        '<p><strong>Subject: {{subject}}</strong></p><p>[Text of the order.]</p><p>This issues with the approval of the competent authority.</p>' +
        '<p>([Name])</p><p>[Designation]</p><p>Copy to: [distribution]</p>',
      hi:
        '<p>सं. {{fileNumber}}</p><p>भारत सरकार</p><p>दिनांक: {{date}}</p><h2>कार्यालय आदेश</h2>' +
        '<p><strong>विषय: {{subject}}</strong></p><p>[आदेश का पाठ।]</p><p>यह सक्षम प्राधिकारी के अनुमोदन से जारी किया जाता है।</p>' +
        '<p>([नाम])</p><p>[पदनाम]</p><p>प्रतिलिपि: [वितरण]</p>'
    }
  },
  {
    kind: 'noteForApproval',
    name: { en: 'Note for approval', hi: 'अनुमोदन हेतु टिप्पणी' },
    body: {
      en:
        '<p>File No. {{fileNumber}}</p><p><strong>Subject: {{subject}}</strong></p>' +
        '<p>1. [The proposal in brief.]</p><p>2. [Facts and rules that apply.]</p><p>3. Approval is solicited for [what is proposed].</p>' +
        '<p>([Name])</p><p>[Designation]</p><p>{{date}}</p>',
      hi:
        '<p>फ़ाइल सं. {{fileNumber}}</p><p><strong>विषय: {{subject}}</strong></p>' +
        '<p>1. [प्रस्ताव संक्षेप में।]</p><p>2. [संबंधित तथ्य एवं नियम।]</p><p>3. [प्रस्ताव] हेतु अनुमोदन का अनुरोध है।</p>' +
        '<p>([नाम])</p><p>[पदनाम]</p><p>{{date}}</p>'
    }
  }
];

export interface TemplateValues {
  fileNumber: string;
  subject: string;
  date: Date;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function fill(body: string, values: TemplateValues): string {
  // The file's subject is text typed by an officer: escaped, so it can never become markup.
  const map: Record<string, string> = {
    fileNumber: escapeHtml(values.fileNumber),
    subject: escapeHtml(values.subject),
    date: escapeHtml(officeDate(values.date))
  };
  return body.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => map[key] ?? whole);
}

export function findTemplate(kind: string): DraftTemplate | undefined {
  return DRAFT_TEMPLATES.find((t) => t.kind === kind);
}

/** The first version of a draft: the template's text in the chosen language(s), filled from the file. */
export function renderTemplate(template: DraftTemplate, language: DraftLanguage, values: TemplateValues): string {
  if (language === 'bilingual') return `${fill(template.body.hi, values)}<p><br></p>${fill(template.body.en, values)}`;
  return fill(template.body[language], values);
}
