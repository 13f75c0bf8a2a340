import { SubjectHead } from '@eoffice/domain';
import { correspondenceReference, toCorrespondenceEntry, toEFile } from './file.model';
import { FileDraft, toFileIntakeBody, validateFileDraft } from './file-draft';

const recruitment: SubjectHead = {
  basic: 'A',
  primary: '11',
  secondary: '011',
  name: { en: 'Recruitment', hi: 'भर्ती' },
  sections: ['EST']
};
const draft = (over: Partial<FileDraft> = {}): FileDraft => ({
  section: 'EST',
  head: 'A-11011',
  subject: 'Recruitment of Lower Division Clerks / अवर श्रेणी लिपिकों की भर्ती',
  recordCategory: 'C',
  form: 'electronic',
  urgency: 'Normal',
  ...over
});

describe('e-File model', () => {
  describe('validateFileDraft', () => {
    it('accepts a complete draft', () => {
      expect(validateFileDraft(draft(), [recruitment])).toEqual({});
    });

    it('names each missing or wrong field with its own message', () => {
      const errors = validateFileDraft(draft({ section: '', head: '', subject: '   ', recordCategory: 'D', urgency: 'Whenever' }), [
        recruitment
      ]);
      expect(errors).toEqual({
        section: 'EOFFICE.FILE.ERRORS.SECTION_REQUIRED',
        head: 'EOFFICE.FILE.ERRORS.HEAD_REQUIRED',
        subject: 'EOFFICE.FILE.ERRORS.SUBJECT_REQUIRED',
        recordCategory: 'EOFFICE.FILE.ERRORS.CATEGORY_REQUIRED',
        urgency: 'EOFFICE.FILE.ERRORS.URGENCY_REQUIRED'
      });
    });

    it('takes 1 to 10 years for a category C file, none given keeping it under C’s own schedule', () => {
      expect(validateFileDraft(draft({ retentionYears: 5 }), [recruitment])).toEqual({});
      expect(validateFileDraft(draft({ retentionYears: null }), [recruitment])).toEqual({});
      for (const wrong of [0, 11, 2.5, -1])
        expect(validateFileDraft(draft({ retentionYears: wrong }), [recruitment])['retentionYears'])
          .withContext(String(wrong))
          .toBe('EOFFICE.FILE.ERRORS.RETENTION_YEARS');
      expect(toFileIntakeBody(draft({ retentionYears: 5 }), recruitment).properties['eo:retentionYears']).toBe(5);
      expect('eo:retentionYears' in toFileIntakeBody(draft({ retentionYears: null }), recruitment).properties).toBeFalse();
      // A and B are kept permanently: years given for them are not written.
      expect(
        'eo:retentionYears' in toFileIntakeBody(draft({ recordCategory: 'A', retentionYears: 5 }), recruitment).properties
      ).toBeFalse();
    });

    it('refuses a head outside the section’s index and a subject over 1024 characters', () => {
      const errors = validateFileDraft(draft({ head: 'G-20011', subject: 'x'.repeat(1025) }), [recruitment]);
      expect(errors['head']).toBe('EOFFICE.FILE.ERRORS.HEAD_UNKNOWN');
      expect(errors['subject']).toBe('EOFFICE.FILE.ERRORS.SUBJECT_TOO_LONG');
    });
  });

  it('creates the eo:file in the intake with the chosen head and subject, leaving number and custody to the repository', () => {
    const body = toFileIntakeBody(draft(), recruitment);
    expect(body.nodeType).toBe('eo:file');
    expect(body.properties['eo:basicHead'] + '-' + body.properties['eo:primaryHead'] + body.properties['eo:secondaryHead']).toBe('A-11011');
    expect(body.properties['eo:fileSection']).toBe('EST');
    expect(body.properties['eo:subject']).toBe('Recruitment of Lower Division Clerks / अवर श्रेणी लिपिकों की भर्ती');
    expect(body.properties['eo:recordCategory']).toBe('C');
    for (const made of ['eo:fileNumber', 'cm:title', 'eo:fileSerial', 'eo:computerNumber', 'eo:currentHolder', 'eo:status'])
      expect(made in body.properties)
        .withContext(made)
        .toBeFalse();
  });

  it('reads a file node; write access comes only from the repository’s allowableOperations on its Notes folder', () => {
    const node = {
      id: 'f1',
      properties: {
        'eo:fileNumber': 'A-11011/5/2026-EST-GAD',
        'eo:subject': 'Recruitment',
        'eo:fileSerial': 5,
        'eo:status': 'inMovement',
        'eo:currentHolder': 'GROUP_EO_GAD_US_EST',
        'eo:heldSince': '2026-11-20T10:00:00.000Z'
      }
    };
    expect(toEFile(node, ['update', 'create']).canWrite).toBeTrue();
    expect(toEFile(node, ['update']).canWrite).toBeFalse();
    expect(toEFile(node, []).canWrite).toBeFalse();
    expect(toEFile(node).canWrite).toBeFalse();
    const file = toEFile(node);
    expect(file.serial).toBe(5);
    expect(file.status).toBe('inMovement');
    expect(file.form).toBe('electronic');
  });

  it('reads correspondence entries and references them by flag', () => {
    const entry = toCorrespondenceEntry({
      id: 'c2',
      name: '000002',
      properties: {
        'eo:correspondenceSerial': 2,
        'eo:correspondenceKind': 'receipt',
        'eo:correspondenceFlag': 'FR I',
        'cm:title': '12/2026/EST-GAD',
        'cm:description': 'पदोन्नति हेतु अनुरोध'
      }
    });
    expect(entry.serial).toBe(2);
    expect(entry.flag).toBe('FR I');
    expect(correspondenceReference(entry)).toEqual({
      kind: 'correspondence',
      id: 'c2',
      label: 'FR I',
      title: '12/2026/EST-GAD: पदोन्नति हेतु अनुरोध'
    });
    // an entry without properties still has its serial from its name
    expect(toCorrespondenceEntry({ id: 'c7', name: '000007' }).serial).toBe(7);
  });
});
