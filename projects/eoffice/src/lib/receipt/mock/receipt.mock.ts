import { Hierarchy } from '@eoffice/domain';
import { ReceiptDraft } from '../model/receipt.model';

/** A small department: one section with a Central Registry clerk, as hierarchy.json holds it. */
export const registryHierarchy: Hierarchy = {
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration Department', hi: 'सामान्य प्रशासन विभाग' }, site: 'eo-gad' },
  sections: [
    { code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } },
    { code: 'ADM', name: { en: 'Administration', hi: 'प्रशासन' } }
  ],
  posts: [
    { code: 'SO_ADM', level: 2, section: 'ADM', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, incumbent: 'suresh.yadav' },
    {
      code: 'CRU',
      level: 1,
      section: 'ADM',
      reportsTo: 'SO_ADM',
      designation: { en: 'Central Registry Clerk', hi: 'केंद्रीय रजिस्ट्री लिपिक' },
      incumbent: 'pooja.patel'
    }
  ],
  channel: { maxLevelJump: 4, sameLevelInSection: true, returnThroughJumpedLevels: true, allow: [] }
};

/** A letter from a state government, as the Central Registry clerk enters it. */
export const electronicDraft: ReceiptDraft = {
  form: 'electronic',
  section: 'EST',
  sender: {
    ministry: 'Government of Maharashtra',
    name: 'Anil Deshmukh',
    designation: 'Deputy Secretary',
    organisation: 'General Administration Department',
    address: 'Mantralaya, Madame Cama Road',
    state: 'Maharashtra',
    city: 'Mumbai',
    pin: '400032',
    email: '',
    mobile: ''
  },
  letterNumber: 'GAD/2026/114',
  letterDate: '2026-11-10',
  receivedDate: '2026-11-18',
  diarisedDate: '2026-11-20',
  deliveryMode: 'Speed Post',
  mainCategory: 'Service Matter',
  subCategory: '',
  subject: 'स्थानांतरण नीति 2026 पर टिप्पणियाँ',
  enclosures: '3 pages',
  remarks: '',
  language: 'Hindi',
  securityGrading: 'Normal',
  urgency: 'Immediate',
  vipReference: false,
  vipName: ''
};

/** The node the repository returns for the draft above once diarised as 12/2026/EST-GAD. */
export const receiptNode = {
  id: 'receipt-12',
  name: '000012',
  nodeType: 'eo:receipt',
  properties: {
    'cm:title': '12/2026/EST-GAD',
    'eo:receiptNumber': '12/2026/EST-GAD',
    'eo:receiptSerial': 12,
    'eo:receiptYear': 2026,
    'eo:receiptSection': 'EST',
    'eo:receiptDepartment': 'GAD',
    'eo:receiptForm': 'electronic',
    'eo:computerNumber': 2026000040,
    'eo:letterNumber': 'GAD/2026/114',
    'eo:letterDate': '2026-11-10T00:00:00.000+0000',
    'eo:receivedDate': '2026-11-18T00:00:00.000+0000',
    'eo:diarisedDate': '2026-11-20T10:15:00.000+0000',
    'eo:deliveryMode': 'Speed Post',
    'eo:mainCategory': 'Service Matter',
    'eo:subject': 'स्थानांतरण नीति 2026 पर टिप्पणियाँ',
    'eo:enclosures': '3 pages',
    'eo:language': 'Hindi',
    'eo:securityGrading': 'Normal',
    'eo:urgency': 'Immediate',
    'eo:vipReference': false,
    'eo:status': 'created',
    'eo:currentHolder': 'GROUP_EO_GAD_CRU',
    'eo:heldSince': '2026-11-20T10:15:00.000+0000',
    'eo:originPost': 'GROUP_EO_GAD_CRU',
    'eo:senderMinistry': 'Government of Maharashtra',
    'eo:senderName': 'Anil Deshmukh',
    'eo:senderDesignation': 'Deputy Secretary',
    'eo:senderOrganisation': 'General Administration Department',
    'eo:senderAddress': 'Mantralaya, Madame Cama Road',
    'eo:senderState': 'Maharashtra',
    'eo:senderCity': 'Mumbai',
    'eo:senderPin': '400032'
  }
};
