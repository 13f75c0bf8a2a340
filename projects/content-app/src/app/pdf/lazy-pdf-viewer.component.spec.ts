import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule, provideAppConfigTesting, provideCoreAuthTesting } from '@alfresco/adf-core';
import { PdfViewerComponent } from '@alfresco/adf-core/viewer/pdf';
import { LazyPdfViewerComponent, PDF_VIEWER_STYLESHEET } from './lazy-pdf-viewer.component';

/** Loading pdf.js takes a while on a busy machine. */
const LOADING = 20_000;

describe('LazyPdfViewerComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LazyPdfViewerComponent, NoopTranslateModule],
      providers: [provideNoopAnimations(), provideCoreAuthTesting(), provideAppConfigTesting()]
    });
    // What these tests look at is the hand-over to ADF's viewer, not pdf.js reading a document.
    spyOn(PdfViewerComponent.prototype as unknown as { executePdf: () => void }, 'executePdf');
  });

  afterEach(() => document.head.querySelectorAll(`link[href="${PDF_VIEWER_STYLESHEET}"]`).forEach((link) => link.remove()));

  /** Renders the stand-in as ADF's viewer does (inputs set on the component) and waits for ADF's viewer in it. */
  async function rendered(inputs: Record<string, unknown>) {
    const fixture = TestBed.createComponent(LazyPdfViewerComponent);
    for (const [name, value] of Object.entries({ urlFile: 'letter.pdf', ...inputs })) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    for (let attempt = 0; attempt < 400 && !fixture.nativeElement.querySelector('adf-pdf-viewer'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      fixture.detectChanges();
    }
    return fixture;
  }

  it(
    "shows ADF's PDF viewer in its place, with the inputs ADF's viewer gave it, once the viewer has loaded",
    async () => {
      const thumbnails = null;
      const fixture = await rendered({
        fileName: 'letter.pdf',
        allowThumbnails: true,
        thumbnailsTemplate: thumbnails,
        cacheType: 'no-cache'
      });
      const element = fixture.nativeElement as HTMLElement;
      const viewer = fixture.debugElement.query((node) => node.componentInstance instanceof PdfViewerComponent)?.componentInstance as
        | PdfViewerComponent
        | undefined;

      expect(element.querySelector('adf-pdf-viewer')).not.toBeNull();
      expect(viewer?.fileName).toBe('letter.pdf');
      expect(viewer?.allowThumbnails).toBeTrue();
      expect(viewer?.cacheType).toBe('no-cache');

      fixture.componentRef.setInput('fileName', 'reply.pdf');
      fixture.detectChanges();
      expect(viewer?.fileName).toBe('reply.pdf');
    },
    LOADING
  );

  it(
    "passes on what ADF's viewer listens to: pages loaded, close and error",
    async () => {
      const fixture = await rendered({});
      const heard: string[] = [];
      fixture.componentInstance.pagesLoaded.subscribe(() => heard.push('pagesLoaded'));
      fixture.componentInstance.close.subscribe(() => heard.push('close'));
      fixture.componentInstance.error.subscribe(() => heard.push('error'));
      const viewer = fixture.debugElement.query((node) => node.componentInstance instanceof PdfViewerComponent)
        .componentInstance as PdfViewerComponent;

      viewer.pagesLoaded.emit();
      viewer.close.emit();
      viewer.error.emit();

      expect(heard).toEqual(['pagesLoaded', 'close', 'error']);
    },
    LOADING
  );

  it(
    "asks for pdf.js's styles once, however many PDFs are opened",
    async () => {
      await rendered({});
      await rendered({});

      expect(document.head.querySelectorAll(`link[rel="stylesheet"][href="${PDF_VIEWER_STYLESHEET}"]`).length).toBe(1);
    },
    LOADING
  );
});
