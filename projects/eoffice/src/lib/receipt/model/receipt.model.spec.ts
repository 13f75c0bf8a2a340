import { electronicDraft, receiptNode } from '../mock/receipt.mock';
import {
  EMPTY_SENDER,
  pendencyLevel,
  senderAfterNameChange,
  senderLine,
  toReceipt,
  toReceiptDraft,
  toReceiptIntakeBody,
  toReceiptUpdate
} from './receipt.model';

describe('receipt mapping', () => {
  const now = new Date(2026, 10, 20, 10, 15);

  it('creates a receipt in the intake with what was entered, leaving number, diarist and custody to the repository', () => {
    const body = toReceiptIntakeBody(electronicDraft, now);

    expect(body.nodeType).toBe('eo:receipt');
    expect(body.properties['eo:receiptSection']).toBe('EST');
    for (const made of [
      'eo:receiptNumber',
      'cm:title',
      'eo:receiptSerial',
      'eo:computerNumber',
      'eo:diarisedBy',
      'eo:currentHolder',
      'eo:status'
    ])
      expect(made in body.properties)
        .withContext(made)
        .toBeFalse();
  });

  it('keeps the Devanagari subject and the sender block as entered', () => {
    const body = toReceiptIntakeBody(electronicDraft, now);

    expect(body.properties['eo:subject']).toBe('स्थानांतरण नीति 2026 पर टिप्पणियाँ');
    expect(body.properties['eo:senderName']).toBe('Anil Deshmukh');
    expect(body.properties['eo:senderPin']).toBe('400032');
  });

  it('sends no empty strings, which the model constraints on PIN, e-mail and mobile would refuse', () => {
    const body = toReceiptIntakeBody({ ...electronicDraft, sender: { ...EMPTY_SENDER, name: 'Registrar' } }, now);

    expect(Object.values(body.properties)).not.toContain('');
    expect('eo:senderEmail' in body.properties).toBeFalse();
    expect('eo:senderMobile' in body.properties).toBeFalse();
  });

  it('diarises at the current time on today, and at the same clock time on a chosen earlier day', () => {
    const today = toReceiptIntakeBody({ ...electronicDraft, diarisedDate: '2026-11-20' }, now);
    const earlier = toReceiptIntakeBody({ ...electronicDraft, diarisedDate: '2026-11-19' }, now);

    expect(today.properties['eo:diarisedDate']).toBe(now.toISOString());
    expect(new Date(String(earlier.properties['eo:diarisedDate'])).getDate()).toBe(19);
  });

  it('records a physical receipt as physical', () => {
    expect(toReceiptIntakeBody({ ...electronicDraft, form: 'physical' }, now).properties['eo:receiptForm']).toBe('physical');
  });

  it('reads a receipt node back into what the officer entered', () => {
    const receipt = toReceipt(receiptNode);

    expect(receipt.receiptNumber).toBe('12/2026/EST-GAD');
    expect(receipt.computerNumber).toBe(2026000040);
    expect(receipt.letterDate).toBe('2026-11-10');
    expect(receipt.receivedDate).toBe('2026-11-18');
    expect(receipt.sender.city).toBe('Mumbai');
    expect(receipt.sender.email).toBe('');
    expect(receipt.urgency).toBe('Immediate');
    expect(toReceiptDraft(receipt)).toEqual(electronicDraft);
  });

  it('falls back to the node name and normal handling when properties are missing', () => {
    const receipt = toReceipt({ id: 'x', name: '000003', properties: {} });

    expect(receipt.receiptNumber).toBe('000003');
    expect(receipt.securityGrading).toBe('Normal');
    expect(receipt.urgency).toBe('Normal');
    expect(receipt.form).toBe('electronic');
  });

  it('edits clear emptied fields and leave the frozen ones alone once the receipt has moved', () => {
    const draft = { ...electronicDraft, remarks: '', receivedDate: '2026-11-01', deliveryMode: 'Hand' };
    const moved = toReceiptUpdate(draft, true);
    const notMoved = toReceiptUpdate(draft, false);

    expect(moved['eo:remarks']).toBeNull();
    expect('eo:receivedDate' in moved).toBeFalse();
    expect('eo:letterDate' in moved).toBeFalse();
    expect('eo:deliveryMode' in moved).toBeFalse();
    expect(notMoved['eo:receivedDate']).toBe('2026-11-01');
    expect(notMoved['eo:deliveryMode']).toBe('Hand');
  });
});

describe('pendency', () => {
  it('colours against the 7-working-day norm', () => {
    expect(pendencyLevel(3)).toBe('within');
    expect(pendencyLevel(6)).toBe('nearing');
    expect(pendencyLevel(7)).toBe('nearing');
    expect(pendencyLevel(8)).toBe('over');
  });
});

describe('sender line', () => {
  it('joins the parts with a comma straight after each, leaving out empty ones', () => {
    expect(senderLine('Shri R. Kumar ', '', ' Deputy Secretary', undefined, 'Pune')).toBe('Shri R. Kumar, Deputy Secretary, Pune');
    expect(senderLine('श्री आर. कुमार', '  ', 'उप सचिव')).toBe('श्री आर. कुमार, उप सचिव');
    expect(senderLine('', null)).toBe('');
  });
});

describe('sender after the name is changed', () => {
  const remembered = { ...EMPTY_SENDER, name: 'Shri R. Kumar', designation: 'Deputy Secretary', city: 'Pune', pin: '411001' };

  it('clears the designation, city and PIN of the remembered sender when another sender is typed', () => {
    const next = senderAfterNameChange(remembered, { ...remembered, name: 'Smt. A. Rao' });

    expect(next).toEqual({ ...EMPTY_SENDER, name: 'Smt. A. Rao' });
  });

  it('keeps what the diarist already changed for the new sender', () => {
    const next = senderAfterNameChange(remembered, { ...remembered, name: 'Smt. A. Rao', designation: 'Director' });

    expect(next).toEqual({ ...EMPTY_SENDER, name: 'Smt. A. Rao', designation: 'Director' });
  });

  it('changes nothing for the same name, an emptied name or a form that started without a sender', () => {
    const same = { ...remembered, name: ' Shri R. Kumar ' };
    expect(senderAfterNameChange(remembered, same)).toBe(same);
    const emptied = { ...remembered, name: '' };
    expect(senderAfterNameChange(remembered, emptied)).toBe(emptied);
    const fresh = { ...EMPTY_SENDER, name: 'Smt. A. Rao', city: 'Agra' };
    expect(senderAfterNameChange(EMPTY_SENDER, fresh)).toBe(fresh);
  });
});
