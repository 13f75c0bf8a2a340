// The demo officers of the General Administration Department (config/hierarchy/gad.hierarchy.json
// names them as incumbents). Fictitious people. Person firstName/lastName are English; the Hindi name
// is the eo:nameHi property (aspect eo:officer); jobTitle gives the post in both languages.
export const DEMO_PASSWORD = 'demo1234';

export interface DemoOfficer {
  id: string;
  firstName: string;
  lastName: string;
  nameHi: string;
}

export const DEMO_OFFICERS: DemoOfficer[] = [
  { id: 'vikram.singh', firstName: 'Vikram', lastName: 'Singh', nameHi: 'विक्रम सिंह' },
  { id: 'meera.iyer', firstName: 'Meera', lastName: 'Iyer', nameHi: 'मीरा अय्यर' },
  { id: 'rajesh.verma', firstName: 'Rajesh', lastName: 'Verma', nameHi: 'राजेश वर्मा' },
  { id: 'sunita.rao', firstName: 'Sunita', lastName: 'Rao', nameHi: 'सुनीता राव' },
  { id: 'arun.mehta', firstName: 'Arun', lastName: 'Mehta', nameHi: 'अरुण मेहता' },
  { id: 'kavita.joshi', firstName: 'Kavita', lastName: 'Joshi', nameHi: 'कविता जोशी' },
  { id: 'mohan.das', firstName: 'Mohan', lastName: 'Das', nameHi: 'मोहन दास' },
  { id: 'priya.nair', firstName: 'Priya', lastName: 'Nair', nameHi: 'प्रिया नायर' },
  { id: 'suresh.yadav', firstName: 'Suresh', lastName: 'Yadav', nameHi: 'सुरेश यादव' },
  { id: 'amit.kumar', firstName: 'Amit', lastName: 'Kumar', nameHi: 'अमित कुमार' },
  { id: 'neha.gupta', firstName: 'Neha', lastName: 'Gupta', nameHi: 'नेहा गुप्ता' },
  { id: 'farhan.ali', firstName: 'Farhan', lastName: 'Ali', nameHi: 'फ़रहान अली' },
  { id: 'deepa.menon', firstName: 'Deepa', lastName: 'Menon', nameHi: 'दीपा मेनन' },
  { id: 'ravi.shankar', firstName: 'Ravi', lastName: 'Shankar', nameHi: 'रवि शंकर' },
  { id: 'pooja.patel', firstName: 'Pooja', lastName: 'Patel', nameHi: 'पूजा पटेल' }
];

/**
 * The department's records manager: CSMOP's Departmental Record Officer, who owns the retention schedules.
 * Not a post of the channel of submission: she works in the records management site, as a member of the
 * file plan's Records Manager role (seed-demo puts her there when Governance Services is installed).
 */
export const DEMO_RECORDS_MANAGER: DemoOfficer & { designation: { en: string; hi: string } } = {
  id: 'lakshmi.pillai',
  firstName: 'Lakshmi',
  lastName: 'Pillai',
  nameHi: 'लक्ष्मी पिल्लै',
  designation: { en: 'Departmental Record Officer', hi: 'विभागीय अभिलेख अधिकारी' }
};
