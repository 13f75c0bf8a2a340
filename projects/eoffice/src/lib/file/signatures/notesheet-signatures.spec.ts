import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { Note } from '@eoffice/domain';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { NoteService } from '../notesheet/note.service';
import { NotesheetSmartComponent } from '../notesheet/notesheet.smart-component';
import { ASO_GROUP, testFile, testReferences } from '../notesheet/notesheet-testing.spec';
import { NoteSignatureView, NoteSigningService, SigningSession } from './note-signing.service';

const note = (n: number, colour: 'green' | 'yellow'): Note => ({
  id: `note-${n}`,
  number: n,
  name: String(n).padStart(6, '0'),
  colour,
  authorPost: ASO_GROUP,
  references: [],
  signature:
    colour === 'green'
      ? {
          name: 'Ravi Kumar',
          designation: 'Assistant Section Officer',
          user: 'ravi.kumar',
          post: ASO_GROUP,
          at: '2026-11-20T10:15:00.000Z'
        }
      : undefined,
  html: `<p>Note ${n}</p>`
});

const CERTIFICATE = {
  name: 'Ravi Kumar Sharma',
  subject: 'CN=Ravi Kumar Sharma, O=General Administration Department, C=IN',
  issuer: 'CN=eOffice Test Sub CA, O=Test PKI of eOffice, C=IN',
  issuerName: 'eOffice Test Sub CA',
  serialNumber: '4f03',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z'
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The notesheet with the verifier's answers given here: what a reader of the notes sees of each signature. */
describe('NotesheetSmartComponent: digital signatures', () => {
  let notes: Note[];
  let states: Record<string, NoteSignatureView>;
  let session: ReturnType<typeof signal<SigningSession | null>>;
  let signing: { session: typeof session; check: jasmine.Spy; sign: jasmine.Spy; signedNotesRequired: jasmine.Spy };
  let fixture: ComponentFixture<NotesheetSmartComponent>;

  beforeEach(() => {
    notes = [note(1, 'green'), note(2, 'green'), note(3, 'green'), note(4, 'yellow')];
    states = {
      'note-1': { status: 'valid', signer: CERTIFICATE, signingTime: '2026-11-20T10:16:00.000Z' },
      'note-2': { status: 'changed', signer: CERTIFICATE },
      'note-3': { status: 'unsigned' }
    };
    session = signal<SigningSession | null>(null);
    signing = {
      session,
      check: jasmine
        .createSpy('check')
        .and.callFake(async (_file: unknown, listed: Note[], onEach: (id: string, v: NoteSignatureView) => void) => {
          for (const n of listed) if (states[n.id]) onEach(n.id, states[n.id]);
          return new Map();
        }),
      sign: jasmine.createSpy('sign').and.resolveTo({ status: 'valid', signer: CERTIFICATE, signingTime: '2026-11-21T09:00:00.000Z' }),
      signedNotesRequired: jasmine.createSpy('signedNotesRequired').and.resolveTo(true)
    };
    const service = jasmine.createSpyObj('NoteService', ['list', 'read', 'confirm', 'designationOf', 'officerId']);
    service.list.and.callFake(async () => notes.map((n) => ({ ...n })));
    service.read.and.callFake(async (asked: Note[]) => new Map(asked.map((n) => [n.id, notes.find((x) => x.id === n.id)?.html ?? ''])));
    service.confirm.and.callFake(async (_file: unknown, confirmed: Note) => ({ ...note(4, 'green'), id: confirmed.id }));
    service.designationOf.and.resolveTo('');
    service.officerId.and.resolveTo('ravi.kumar');
    TestBed.configureTestingModule({
      imports: [NotesheetSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        { provide: NoteService, useValue: service },
        { provide: NoteSigningService, useValue: signing }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    fixture?.destroy();
  });

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(NotesheetSmartComponent);
    fixture.componentRef.setInput('file', testFile(true));
    fixture.componentRef.setInput('references', testReferences);
    document.body.appendChild(fixture.nativeElement);
    for (let i = 0; i < 4; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
      await delay(0);
    }
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, id: string) =>
    root.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it("shows each green note's signature: valid with the certificate's signer and issuer, changed after signing, not signed", async () => {
    const root = await render();
    expect(text(root, 'note-digital-signature-1')).toContain('Digitally signed');
    expect(text(root, 'note-digital-signature-1')).toContain('Ravi Kumar Sharma, certificate issued by eOffice Test Sub CA');
    // The signature block carries the name in the certificate, not the name the browser wrote.
    expect(text(root, 'note-signature-1')).toMatch(/^Ravi Kumar Sharma/);
    expect(text(root, 'note-digital-signature-2')).toContain('Changed after signing');
    expect(text(root, 'note-digital-signature-2')).toContain('The note is not what was signed');
    expect(text(root, 'note-signature-2')).toMatch(/^Ravi Kumar(?! Sharma)/);
    expect(text(root, 'note-digital-signature-3')).toContain('Not digitally signed');
    expect(root.querySelector('[data-testid="note-digital-signature-4"]')).toBeNull();
  });

  it('says nothing of unsigned notes where the department does not require signatures', async () => {
    signing.signedNotesRequired.and.resolveTo(false);
    const root = await render();
    expect(root.querySelector('[data-testid="note-digital-signature-3"]')).toBeNull();
    expect(text(root, 'note-digital-signature-1')).toContain('Digitally signed');
  });

  it('shows the states in Hindi', async () => {
    TestBed.inject(TranslateService).use('hi');
    const root = await render();
    expect(text(root, 'note-digital-signature-1')).toContain('डिजिटल रूप से हस्ताक्षरित');
    expect(text(root, 'note-digital-signature-2')).toContain('हस्ताक्षर के बाद बदली गई');
  });

  it('confirming a draft with a certificate open signs it at once and says so', async () => {
    session.set({ kind: 'file', certificate: CERTIFICATE, signer: {} as never });
    const root = await render();
    (root.querySelector('[data-testid="note-confirm-4"]') as HTMLButtonElement).click();
    for (let i = 0; i < 4; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
      await delay(0);
    }
    expect(signing.sign).toHaveBeenCalledWith(jasmine.objectContaining({ id: 'file-1' }), 'note-4');
    expect(root.textContent).toContain('Note 4 is digitally signed.');
    expect(text(root, 'note-digital-signature-4')).toContain('Digitally signed');
  });
});
