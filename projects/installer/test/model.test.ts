/**
 * The e-Office content model loads into the repository's dictionary (as a dynamic model would in ACS)
 * and enforces what the conventions require of receipts, files, notes and movements.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Dictionary, DictionaryError } from '../../repository/src/dictionary';
import { CONFIG_DIR } from '../src/config';
import * as vocabulary from '@eoffice/domain';

const xml = fs.readFileSync(path.join(CONFIG_DIR, 'model', 'eofficeModel.xml'), 'utf8');

function dictionary(): Dictionary {
  const d = new Dictionary();
  d.registerModel(xml);
  return d;
}

const receipt = (extra: Record<string, unknown> = {}) => ({
  'cm:name': '000012',
  'eo:receiptNumber': '12/2026/EST-GAD',
  'eo:subject': 'अर्जित अवकाश की स्वीकृति हेतु आवेदन',
  'eo:receivedDate': '2026-11-20',
  'eo:diarisedDate': '2026-11-21T10:15:00.000Z',
  ...extra
});

function rejects(d: Dictionary, type: string, properties: Record<string, unknown>, kind: string, property: string) {
  assert.throws(
    () => d.validateProperties({ type, mode: 'create', properties }),
    (e: unknown) => e instanceof DictionaryError && e.kind === kind && e.message.includes(property)
  );
}

describe('e-Office content model', () => {
  it('registers with its types and aspects', () => {
    const info = dictionary().getModel('eo:eofficeModel');
    assert.ok(info);
    assert.deepEqual(info.types.sort(), Object.values(vocabulary.EO_TYPES).sort());
    assert.deepEqual(info.aspects.sort(), Object.values(vocabulary.EO_ASPECTS).sort());
  });

  it('a receipt is a folder with Computer No., subject, sender, handling and custody, and cannot be deleted', () => {
    const d = dictionary();
    assert.ok(d.isFolderType('eo:receipt'));
    assert.ok(d.isFolderType('eo:file'));
    assert.ok(d.isContentType('eo:note'));
    const result = d.validateProperties({
      type: 'eo:receipt',
      mode: 'create',
      properties: receipt({ 'eo:senderPin': '110001', 'eo:senderMobile': '+91 9876543210', 'eo:senderEmail': 'us@example.gov.in' })
    });
    for (const a of ['eo:computerNumbered', 'eo:subjected', 'eo:sender', 'eo:handling', 'eo:custody', 'sys:undeletable'])
      assert.ok(result.aspectsToAdd.includes(a), a);
    // Defaults a freshly diarised receipt gets.
    assert.equal(result.properties['eo:status'], 'created');
    assert.equal(result.properties['eo:receiptForm'], 'electronic');
    assert.equal(result.properties['eo:urgency'], 'Normal');
    assert.equal(result.properties['eo:securityGrading'], 'Normal');
    assert.equal(result.properties['eo:mainCategory'], 'General');
  });

  it('a receipt cannot exist without its subject, received and diarised dates; its number comes with registration', () => {
    const d = dictionary();
    for (const p of ['eo:subject', 'eo:receivedDate', 'eo:diarisedDate']) {
      const props = receipt();
      delete (props as Record<string, unknown>)[p];
      rejects(d, 'eo:receipt', props, 'mandatoryMissing', p);
    }
    // Letter number, sender and delivery mode may come later (a physical receipt diarised in a hurry).
    assert.doesNotThrow(() => d.validateProperties({ type: 'eo:receipt', mode: 'create', properties: receipt() }));
    // Unnumbered, it waits in its post's intake folder until eoRegister numbers it (mandatory, not enforced).
    const unnumbered = receipt();
    delete (unnumbered as Record<string, unknown>)['eo:receiptNumber'];
    assert.doesNotThrow(() => d.validateProperties({ type: 'eo:receipt', mode: 'create', properties: unnumbered }));
  });

  it('refuses values outside the lists and malformed PIN, mobile and e-mail', () => {
    const d = dictionary();
    rejects(d, 'eo:receipt', receipt({ 'eo:deliveryMode': 'Pigeon' }), 'constraintViolation', 'eo:deliveryMode');
    rejects(d, 'eo:receipt', receipt({ 'eo:urgency': 'Most Urgent' }), 'constraintViolation', 'eo:urgency');
    rejects(d, 'eo:receipt', receipt({ 'eo:securityGrading': 'Restricted' }), 'constraintViolation', 'eo:securityGrading');
    rejects(d, 'eo:receipt', receipt({ 'eo:parliament': 'Vidhan Sabha' }), 'constraintViolation', 'eo:parliament');
    rejects(d, 'eo:receipt', receipt({ 'eo:senderPin': '011001' }), 'constraintViolation', 'eo:senderPin');
    rejects(d, 'eo:receipt', receipt({ 'eo:senderPin': '11001' }), 'constraintViolation', 'eo:senderPin');
    rejects(d, 'eo:receipt', receipt({ 'eo:senderMobile': '12345' }), 'constraintViolation', 'eo:senderMobile');
    rejects(d, 'eo:receipt', receipt({ 'eo:senderEmail': 'not an address' }), 'constraintViolation', 'eo:senderEmail');
    rejects(d, 'eo:receipt', receipt({ 'eo:status': 'lost' }), 'constraintViolation', 'eo:status');
  });

  it('checks file number parts and the record category', () => {
    const d = dictionary();
    const file = (extra: Record<string, unknown>) => ({
      'cm:name': '000005',
      'eo:fileNumber': 'A-11011/5/2026-EST-GAD',
      'eo:subject': 'Recruitment',
      ...extra
    });
    assert.doesNotThrow(() =>
      d.validateProperties({
        type: 'eo:file',
        mode: 'create',
        properties: file({
          'eo:basicHead': 'A',
          'eo:primaryHead': '11',
          'eo:secondaryHead': '011',
          'eo:fileSerial': 5,
          'eo:recordCategory': 'C',
          'eo:retentionYears': 10
        })
      })
    );
    rejects(d, 'eo:file', file({ 'eo:primaryHead': '111' }), 'constraintViolation', 'eo:primaryHead');
    rejects(d, 'eo:file', file({ 'eo:basicHead': 'a' }), 'constraintViolation', 'eo:basicHead');
    rejects(d, 'eo:file', file({ 'eo:recordCategory': 'D' }), 'constraintViolation', 'eo:recordCategory');
    rejects(d, 'eo:file', file({ 'eo:fileSerial': 0 }), 'constraintViolation', 'eo:fileSerial');
    // Category C is kept 1 to 10 years (CSMOP): the model's MINMAX holds it, whoever writes the file.
    rejects(d, 'eo:file', file({ 'eo:recordCategory': 'C', 'eo:retentionYears': 50 }), 'constraintViolation', 'eo:retentionYears');
    rejects(d, 'eo:file', file({ 'eo:recordCategory': 'C', 'eo:retentionYears': 0 }), 'constraintViolation', 'eo:retentionYears');
    // An unnumbered file waits in its post's intake folder until eoRegister numbers it.
    assert.doesNotThrow(() =>
      d.validateProperties({ type: 'eo:file', mode: 'create', properties: { 'cm:name': 'intake-1', 'eo:subject': 'x' } })
    );
  });

  it('notes are yellow until made green, numbered, and drafts are versioned', () => {
    const d = dictionary();
    const note = d.validateProperties({ type: 'eo:note', mode: 'create', properties: { 'cm:name': '000001', 'eo:noteNumber': 1 } });
    assert.equal(note.properties['eo:noteColour'], 'yellow');
    rejects(d, 'eo:note', { 'cm:name': '000001', 'eo:noteNumber': 1, 'eo:noteColour': 'red' }, 'constraintViolation', 'eo:noteColour');
    rejects(d, 'eo:note', { 'cm:name': '000001' }, 'mandatoryMissing', 'eo:noteNumber');
    // Signing a note adds eo:signed, as setting cm:title adds cm:titled.
    const signed = d.validateProperties({
      type: 'eo:note',
      mode: 'create',
      properties: { 'cm:name': '000002', 'eo:noteNumber': 2, 'eo:noteColour': 'green', 'eo:signedByName': 'Priya Nair' }
    });
    assert.ok(signed.aspectsToAdd.includes('eo:signed'));
    assert.ok(d.mandatoryAspects('eo:draft').includes('cm:versionable'));
  });

  it('a movement needs its sequence, action and time', () => {
    const d = dictionary();
    const ok = {
      'cm:name': '000001',
      'eo:movementSequence': 1,
      'eo:movementAction': 'send',
      'eo:movementAt': '2026-11-21T10:00:00Z',
      'eo:movementFrom': 'GROUP_EO_GAD_ASO_EST_1',
      'eo:movementTo': 'GROUP_EO_GAD_SO_EST',
      'eo:movementJumped': []
    };
    assert.doesNotThrow(() => d.validateProperties({ type: 'eo:movement', mode: 'create', properties: ok }));
    rejects(d, 'eo:movement', { ...ok, 'eo:movementAction': 'teleport' }, 'constraintViolation', 'eo:movementAction');
    rejects(
      d,
      'eo:movement',
      { 'cm:name': '000001', 'eo:movementAction': 'send', 'eo:movementAt': '2026-11-21T10:00:00Z' },
      'mandatoryMissing',
      'eo:movementSequence'
    );
  });

  it('LIST constraints hold exactly the values of the shared vocabulary', () => {
    const d = dictionary();
    const lists: [string, vocabulary.Choice[]][] = [
      ['eo:forms', vocabulary.RECEIPT_FORMS],
      ['eo:deliveryModes', vocabulary.DELIVERY_MODES],
      ['eo:languages', vocabulary.LANGUAGES],
      ['eo:securityGradings', vocabulary.SECURITY_GRADINGS],
      ['eo:urgencies', vocabulary.URGENCIES],
      ['eo:parliamentHouses', vocabulary.PARLIAMENT_HOUSES],
      ['eo:mainCategories', vocabulary.MAIN_CATEGORIES],
      ['eo:recordCategories', vocabulary.RECORD_CATEGORIES],
      ['eo:itemStatuses', vocabulary.ITEM_STATUSES],
      ['eo:noteColours', vocabulary.NOTE_COLOURS],
      ['eo:correspondenceKinds', vocabulary.CORRESPONDENCE_KINDS],
      ['eo:draftStatuses', vocabulary.DRAFT_STATUSES],
      ['eo:dispatchModes', vocabulary.DISPATCH_MODES],
      ['eo:dispatchStatuses', vocabulary.DISPATCH_STATUSES]
      // eo:movementActions: movement-actions.test.ts holds it to the movement action table.
    ];
    for (const [name, choices] of lists) {
      const c = d.getConstraint(name);
      assert.ok(c, name);
      assert.deepEqual(
        c.parameters['allowedValues'],
        choices.map((x) => x.value),
        name
      );
      for (const x of choices) assert.ok(x.en && x.hi, `${name} ${x.value} needs en and hi labels`);
    }
  });
});
