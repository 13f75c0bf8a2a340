import { FormControl, FormGroup } from '@angular/forms';
import { MAX_SCAN_BYTES, errorKey, notInFuture, receiptCrossFieldRules, scanProblem } from './receipt-validation';

describe('receipt validation', () => {
  const today = () => new Date(2026, 10, 20, 12);

  function group(values: Record<string, string>): FormGroup {
    return new FormGroup(
      {
        letterDate: new FormControl(values['letterDate'] ?? ''),
        receivedDate: new FormControl(values['receivedDate'] ?? ''),
        diarisedDate: new FormControl(values['diarisedDate'] ?? ''),
        deliveryMode: new FormControl(values['deliveryMode'] ?? ''),
        securityGrading: new FormControl(values['securityGrading'] ?? 'Normal')
      },
      { validators: receiptCrossFieldRules }
    );
  }

  it('refuses a letter dated after it was received, on the letter date field', () => {
    const form = group({ letterDate: '2026-11-19', receivedDate: '2026-11-18', diarisedDate: '2026-11-20' });

    expect(form.get('letterDate')?.errors).toEqual({ afterReceived: true });
    expect(form.valid).toBeFalse();
  });

  it('clears that error once the received date is corrected', () => {
    const form = group({ letterDate: '2026-11-19', receivedDate: '2026-11-18', diarisedDate: '2026-11-20' });
    form.get('receivedDate')?.setValue('2026-11-19');

    expect(form.get('letterDate')?.errors).toBeNull();
    expect(form.valid).toBeTrue();
  });

  it('refuses a diarised date before the received date', () => {
    const form = group({ receivedDate: '2026-11-18', diarisedDate: '2026-11-17' });

    expect(form.get('diarisedDate')?.errors).toEqual({ beforeReceived: true });
  });

  it('asks for the delivery mode of classified receipts only', () => {
    expect(group({ securityGrading: 'Secret' }).get('deliveryMode')?.errors).toEqual({ classifiedNeedsMode: true });
    expect(group({ securityGrading: 'Secret', deliveryMode: 'Hand' }).get('deliveryMode')?.errors).toBeNull();
    expect(group({ securityGrading: 'Normal' }).get('deliveryMode')?.errors).toBeNull();
  });

  it('refuses dates after today', () => {
    const control = new FormControl('2026-11-21', notInFuture(today));

    expect(control.errors).toEqual({ future: true });
    control.setValue('2026-11-20');
    expect(control.errors).toBeNull();
  });

  it('accepts PDFs and images within the size limit, and says why anything else is refused', () => {
    expect(scanProblem({ name: 'letter.pdf', type: 'application/pdf', size: 1000 })).toBeUndefined();
    expect(scanProblem({ name: 'page1.jpg', type: 'image/jpeg', size: 1000 })).toBeUndefined();
    expect(scanProblem({ name: 'scan.TIF', type: '', size: 1000 })).toBeUndefined();
    expect(
      scanProblem({ name: 'letter.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 10 })
    ).toBe('type');
    expect(scanProblem({ name: 'run.exe', type: '', size: 10 })).toBe('type');
    expect(scanProblem({ name: 'big.pdf', type: 'application/pdf', size: MAX_SCAN_BYTES + 1 })).toBe('size');
    expect(scanProblem({ name: 'empty.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
  });

  it('names the message of the most important error first', () => {
    expect(errorKey({ pattern: true, required: true })).toBe('EOFFICE.RECEIPT.ERRORS.REQUIRED');
    expect(errorKey({ afterReceived: true })).toBe('EOFFICE.RECEIPT.ERRORS.AFTERRECEIVED');
    expect(errorKey(null)).toBeUndefined();
  });
});
