import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { NoteSigningService, type SigningSession } from '../../signatures/note-signing.service';
import { DispatchDialogSmartComponent } from './dispatch-dialog.smart-component';
import { provideEnglish } from '../../../shared/testing/spec-support.spec';

describe('DispatchDialogSmartComponent', () => {
  const session = signal<SigningSession | null>(null);
  let close: jasmine.Spy;

  beforeEach(() => {
    session.set(null);
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [DispatchDialogSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { title: 'Letter: leave rules' } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: NoteSigningService, useValue: { session } }
      ]
    });
  });

  function render() {
    const fixture = TestBed.createComponent(DispatchDialogSmartComponent);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('says the letter goes out unsigned when no certificate is open', () => {
    const { element } = render();
    expect(element.querySelector('[data-test="dispatch-unsigned"]')?.textContent).toContain('without a digital signature');
    expect(element.querySelector('[data-test="dispatch-signed"]')).toBeNull();
  });

  it('names whose digital signature the letter will carry, from the open certificate', () => {
    session.set({
      kind: 'file',
      signer: {} as never,
      certificate: {
        name: 'Meena Iyer',
        subject: 'CN=Meena Iyer',
        issuer: 'CN=eOffice Demo CA',
        issuerName: 'eOffice Demo CA',
        serialNumber: '01',
        notBefore: '',
        notAfter: ''
      }
    });
    const { element } = render();
    expect(element.querySelector('[data-test="dispatch-signed"]')?.textContent).toContain(
      'The letter will carry your digital signature: Meena Iyer, certificate issued by eOffice Demo CA.'
    );
    expect(element.querySelector('[data-test="dispatch-unsigned"]')).toBeNull();
  });
});
