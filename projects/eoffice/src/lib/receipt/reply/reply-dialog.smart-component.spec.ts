import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { receiptNode } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { ReceiptService } from '../services/receipt.service';
import { ReplyDialogSmartComponent } from './reply-dialog.smart-component';
import { provideEnglish } from '../../shared/testing/spec-support.spec';

describe('ReplyDialogSmartComponent', () => {
  let createReply: jasmine.Spy;
  let close: jasmine.Spy;
  const receipt = toReceipt(receiptNode);

  beforeEach(() => {
    createReply = jasmine.createSpy('createReply').and.resolveTo({ id: 'reply-1', name: 'r.html', title: 'Reply: x' });
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [ReplyDialogSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { receipt } },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
        { provide: ReceiptService, useValue: { createReply } }
      ]
    });
  });

  function render() {
    const fixture = TestBed.createComponent(ReplyDialogSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const field = (name: string) => element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-test="reply-${name}"]`)!;
    return { fixture, element, field };
  }

  it('starts addressed to the sender, with the references and "Reply:" before the subject', () => {
    const { field } = render();

    expect(field('to').value).toContain('Anil Deshmukh');
    expect(field('reference').value).toContain('Your letter No. GAD/2026/114 dated 10/11/2026');
    expect(field('reference').value).toContain('Our receipt No. 12/2026/EST-GAD');
    expect(field('subject').value).toBe('Reply: स्थानांतरण नीति 2026 पर टिप्पणियाँ');
  });

  it('asks for the letter itself next to its field, and for a subject that is not blank, and stores nothing', async () => {
    const { fixture, element, field } = render();
    field('subject').value = '   ';
    field('subject').dispatchEvent(new Event('input'));
    await fixture.componentInstance.submit();
    fixture.detectChanges();

    expect(element.querySelector('[data-test="reply-body-error"]')?.textContent).toContain('This field is required.');
    expect(element.querySelector('[data-test="reply-subject-error"]')?.textContent).toContain('This field is required.');
    expect(createReply).not.toHaveBeenCalled();
  });

  it('stores the reply under the receipt and hands the stored draft back', async () => {
    const { fixture, field } = render();
    field('body').value = 'The comments are under examination.';
    field('body').dispatchEvent(new Event('input'));
    await fixture.componentInstance.submit();

    expect(createReply).toHaveBeenCalledOnceWith(
      receipt,
      jasmine.objectContaining({ subject: 'Reply: स्थानांतरण नीति 2026 पर टिप्पणियाँ', body: 'The comments are under examination.' })
    );
    expect(close).toHaveBeenCalledOnceWith({ id: 'reply-1', name: 'r.html', title: 'Reply: x' });
  });

  it('says nothing was stored when the repository refuses, and stays open', async () => {
    createReply.and.rejectWith(Object.assign(new Error('403'), { status: 403 }));
    const { fixture, element, field } = render();
    field('body').value = 'Noted.';
    field('body').dispatchEvent(new Event('input'));
    await fixture.componentInstance.submit();
    fixture.detectChanges();

    expect(element.querySelector('[data-test="reply-failed"]')?.textContent).toContain('nothing was stored');
    expect(close).not.toHaveBeenCalled();
  });
});
