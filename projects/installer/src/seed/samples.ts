// Sample dak and file subjects, senders and file heads for the demo department (fictitious).

export const RECEIPT_SUBJECTS: { text: string; language: 'English' | 'Hindi'; category: string }[] = [
  { text: 'Request for grant of earned leave', language: 'English', category: 'Service Matter' },
  { text: 'अर्जित अवकाश की स्वीकृति हेतु आवेदन', language: 'Hindi', category: 'Service Matter' },
  { text: 'Filling up of vacant posts of Assistant Section Officer', language: 'English', category: 'General' },
  { text: 'सहायक अनुभाग अधिकारी के रिक्त पदों को भरना', language: 'Hindi', category: 'General' },
  { text: 'Information sought under the RTI Act, 2005', language: 'English', category: 'RTI' },
  { text: 'सूचना का अधिकार अधिनियम, 2005 के अंतर्गत सूचना', language: 'Hindi', category: 'RTI' },
  { text: 'Lok Sabha Unstarred Question regarding vacancies in the Department', language: 'English', category: 'Parliament Question' },
  { text: 'Reference from Hon. MP regarding transfer of an official', language: 'English', category: 'VIP Reference' },
  { text: 'Representation regarding fixation of pay on promotion', language: 'English', category: 'Service Matter' },
  { text: 'पदोन्नति पर वेतन निर्धारण के संबंध में अभ्यावेदन', language: 'Hindi', category: 'Service Matter' },
  { text: 'Annual property returns of Group A officers', language: 'English', category: 'General' },
  { text: 'Court case: O.A. No. 412/2026 before the Central Administrative Tribunal', language: 'English', category: 'Court Case' },
  { text: 'Public grievance regarding delay in pension sanction', language: 'English', category: 'Public Grievance' },
  { text: 'पेंशन स्वीकृति में विलंब के संबंध में लोक शिकायत', language: 'Hindi', category: 'Public Grievance' },
  { text: 'Audit para on excess payment of transport allowance', language: 'English', category: 'Audit Para' },
  { text: 'Purchase of computers and printers for the sections', language: 'English', category: 'General' },
  { text: 'अनुभागों के लिए कंप्यूटर एवं प्रिंटर की खरीद', language: 'Hindi', category: 'General' },
  { text: 'Allotment of government accommodation', language: 'English', category: 'General' },
  { text: 'सरकारी आवास का आवंटन', language: 'Hindi', category: 'General' },
  { text: 'Celebration of Hindi Pakhwada in the Department', language: 'English', category: 'General' },
  { text: 'विभाग में हिन्दी पखवाड़ा का आयोजन', language: 'Hindi', category: 'General' },
  { text: 'Rajya Sabha Starred Question on e-Office implementation', language: 'English', category: 'Parliament Question' },
  { text: 'Assurance given in Lok Sabha on training of officers', language: 'English', category: 'Parliament Assurance' },
  { text: 'Nomination of officers for training at ISTM', language: 'English', category: 'General' },
  { text: 'आईएसटीएम में प्रशिक्षण हेतु अधिकारियों का नामांकन', language: 'Hindi', category: 'General' },
  { text: 'Medical reimbursement claim under CS(MA) Rules', language: 'English', category: 'Service Matter' },
  { text: 'Vigilance clearance for deputation', language: 'English', category: 'Service Matter' },
  { text: 'Maintenance of office building and lifts', language: 'English', category: 'General' }
];

export interface SampleSender {
  ministry?: string;
  name: string;
  designation?: string;
  organisation?: string;
  address: string;
  state: string;
  city: string;
  pin: string;
  email?: string;
  mobile?: string;
}

export const SENDERS: SampleSender[] = [
  {
    ministry: 'Department of Personnel and Training',
    name: 'R. K. Saxena',
    designation: 'Under Secretary',
    organisation: 'Government of India',
    address: 'North Block',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110001',
    email: 'us.estt@example.gov.in'
  },
  {
    ministry: 'Ministry of Finance',
    name: 'Anjali Bhatt',
    designation: 'Deputy Secretary',
    organisation: 'Department of Expenditure',
    address: 'North Block',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110001',
    email: 'ds.exp@example.gov.in'
  },
  {
    ministry: 'लोक सभा सचिवालय',
    name: 'संजय मिश्र',
    designation: 'अवर सचिव',
    organisation: 'संसद भवन',
    address: 'संसद मार्ग',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110001'
  },
  {
    name: 'Ramesh Chandra',
    designation: 'Retired Section Officer',
    address: '14, Gandhi Nagar',
    state: 'Uttar Pradesh',
    city: 'Lucknow',
    pin: '226001',
    mobile: '9876543210'
  },
  { name: 'सीता देवी', address: 'ग्राम रामपुर, पोस्ट सुल्तानपुर', state: 'Bihar', city: 'Patna', pin: '800001', mobile: '9123456780' },
  {
    ministry: 'Central Administrative Tribunal',
    name: 'Registrar',
    organisation: 'Principal Bench',
    address: '61/35, Copernicus Marg',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110001'
  },
  {
    name: 'Office of the Hon. Member of Parliament',
    designation: 'Private Secretary',
    address: '21, Ashoka Road',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110001',
    email: 'mp.office@example.in'
  },
  {
    ministry: 'Comptroller and Auditor General of India',
    name: 'Principal Director of Audit',
    address: 'Indraprastha Estate',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110002'
  },
  {
    ministry: 'Government of Maharashtra',
    name: 'Desk Officer',
    designation: 'Desk Officer',
    organisation: 'General Administration Department',
    address: 'Mantralaya',
    state: 'Maharashtra',
    city: 'Mumbai',
    pin: '400032',
    email: 'do.gad@example.gov.in'
  },
  {
    name: 'Priyanka Sen',
    address: 'Flat 3B, Lake View Apartments',
    state: 'West Bengal',
    city: 'Kolkata',
    pin: '700029',
    email: 'priyanka.sen@example.com',
    mobile: '+91 9830012345'
  },
  {
    ministry: 'Institute of Secretariat Training and Management',
    name: 'Course Director',
    address: 'Old JNU Campus',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110067'
  },
  {
    ministry: 'Directorate of Estates',
    name: 'Assistant Director (Allotment)',
    address: 'Nirman Bhawan',
    state: 'Delhi',
    city: 'New Delhi',
    pin: '110011'
  }
];

export const NOTE_TEXTS: string[] = [
  'PUC may kindly be seen. The request is in order and may be considered.',
  'विचाराधीन पत्र कृपया देखें। प्रस्ताव नियमों के अनुसार है, अनुमोदन हेतु प्रस्तुत।',
  'Approved. Issue orders.',
  'अनुमोदित। आदेश जारी करें।',
  'Please examine in the light of the DoPT instructions and put up.',
  'Draft reply placed below for approval.',
  'Discussed. Please process further.'
];

/**
 * Remarks officers write when they send an item on, as they read in the Inbox's Remarks column: from the
 * Central Registry to the dealing hand, and up the channel to a senior officer. Mostly English, some Hindi.
 */
export const SEND_REMARKS: { registry: string[]; up: string[] } = {
  registry: [
    'For necessary action',
    'Marked for necessary action as per allocation of work',
    'आवश्यक कार्रवाई हेतु',
    'Please examine and put up',
    'Reply to be sent within the time limit, please',
    'कृपया परीक्षण कर प्रस्तुत करें',
    'For action; a copy of the earlier correspondence is on the file'
  ],
  up: [
    'Submitted for perusal and orders',
    'Draft reply placed below for approval',
    'अवलोकनार्थ एवं आदेशार्थ प्रस्तुत',
    'Note at pre-page submitted for kind consideration',
    'Submitted as desired; the proposal is in order',
    'अनुमोदनार्थ प्रस्तुत',
    'Comments of the Finance Division placed at flag A, for orders',
    'Submitted for information; the reply was sent last week',
    'मसौदा उत्तर अनुमोदन हेतु प्रस्तुत'
  ]
};
