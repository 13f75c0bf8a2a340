import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { CorrespondencePanelUiComponent } from '../correspondence/correspondence-panel.ui-component';
import { CorrespondenceEntry } from '../model/file.model';
import { NoteSignatureView } from './note-signing.service';

const entry = (serial: number, kind: 'receipt' | 'issue', flag: string): CorrespondenceEntry => ({
  id: `c${serial}`,
  serial,
  kind,
  flag,
  name: String(serial).padStart(6, '0'),
  title: flag,
  description: 'Leave rules',
  mimeType: 'application/pdf'
});

const SIGNER = { name: 'Priya Nair', issuerName: 'eOffice Test Sub CA' } as NoteSignatureView['signer'];

/** The correspondence shows each signed issued letter's signature state, as the notesheet does a note's, in English and Hindi. */
describe('signed letters in the correspondence', () => {
  async function render(lang: 'en' | 'hi', states: Record<string, NoteSignatureView>) {
    TestBed.configureTestingModule({ imports: [CorrespondencePanelUiComponent], providers: [provideTranslateService({ lang })] });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use(lang);
    const fixture = TestBed.createComponent(CorrespondencePanelUiComponent);
    fixture.componentRef.setInput('entries', [
      entry(1, 'receipt', 'PUC'),
      entry(2, 'issue', 'A-11011/5(I)/2026-EST-GAD'),
      entry(3, 'issue', 'A-11011/5(II)/2026-EST-GAD')
    ]);
    fixture.componentRef.setInput('letterSignatures', new Map(Object.entries(states)));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    const stateOf = (serial: number) =>
      el.querySelector<HTMLElement>(`[data-automation-id="eoffice-correspondence-${serial}"] [data-testid="signature-state"]`);
    return { el, stateOf };
  }

  it('a valid letter names its signer and time; a letter changed after signing says so; receipts and unsigned letters show none', async () => {
    const { stateOf } = await render('en', {
      c2: { status: 'valid', signer: SIGNER, signingTime: '2026-12-07T05:30:00.000Z' },
      c3: { status: 'changed' }
    });
    expect(stateOf(1)).toBeNull();
    expect(stateOf(2)?.dataset['state']).toBe('valid');
    expect(stateOf(2)?.textContent).toContain('Priya Nair');
    expect(stateOf(2)?.textContent).toContain('07/12/2026');
    expect(stateOf(3)?.dataset['state']).toBe('changed');
    expect(stateOf(3)?.textContent).toContain(en.EOFFICE.SIGNATURES.STATE.CHANGED);
  });

  it('in Hindi: revoked and signer unknown in the officer’s language', async () => {
    const { stateOf } = await render('hi', { c2: { status: 'revoked' }, c3: { status: 'unknown-signer' } });
    expect(stateOf(2)?.textContent).toContain(hi.EOFFICE.SIGNATURES.STATE.REVOKED);
    expect(stateOf(3)?.textContent).toContain(hi.EOFFICE.SIGNATURES.STATE.UNKNOWN_SIGNER);
  });
});
