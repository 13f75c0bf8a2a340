import {
  ChangeDetectionStrategy,
  Component,
  ComponentRef,
  DestroyRef,
  TemplateRef,
  ViewContainerRef,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild
} from '@angular/core';
import { DOCUMENT } from '@angular/common';
import type { PdfViewerComponent } from '@alfresco/adf-core/viewer/pdf';

/** pdf.js's viewer styles, built beside the app as a stylesheet of their own (angular.json, inject: false). */
export const PDF_VIEWER_STYLESHEET = 'pdf-viewer.css';

/** Adds the viewer's stylesheet to the page once; resolves when it has loaded (or failed: the viewer still works). */
function loadStylesheet(document: Document, href: string): Promise<void> {
  let link = document.head.querySelector<HTMLLinkElement>(`link[data-app-stylesheet="${href}"]`);
  if (!link) {
    const added = document.createElement('link');
    added.rel = 'stylesheet';
    added.href = href;
    added.dataset['appStylesheet'] = href;
    added.dataset['loading'] = 'true';
    const settled = () => delete added.dataset['loading'];
    added.addEventListener('load', settled);
    added.addEventListener('error', settled);
    document.head.append(added);
    link = added;
  }
  if (link.dataset['loading'] !== 'true') return Promise.resolve();
  const pending = link;
  return new Promise((resolve) => {
    pending.addEventListener('load', () => resolve(), { once: true });
    pending.addEventListener('error', () => resolve(), { once: true });
  });
}

/**
 * ADF's PDF viewer, fetched the first time a PDF is opened. ADF's `providePdfViewer()` hands the viewer a
 * component class up front, which puts pdf.js (about 800 kB, and 230 kB of its styles) into the app's first
 * download; this stand-in has the same inputs and outputs, so ADF's viewer renders it in the same place, and
 * it loads the real one (with pdf.js and its styles) on first use.
 *
 * The inputs and outputs are those ADF's ViewerRenderComponent sets and listens to through its component
 * outlet (adf-core 9.0.0: urlFile, blobFile, fileName, allowThumbnails, thumbnailsTemplate, cacheType;
 * pagesLoaded, close, error), plus `rendered`.
 */
@Component({
  selector: 'app-lazy-pdf-viewer',
  template: '<ng-container #viewer />',
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class LazyPdfViewerComponent {
  readonly urlFile = input<string>('');
  readonly blobFile = input<Blob | undefined>(undefined);
  readonly fileName = input<string>('');
  readonly allowThumbnails = input(false);
  readonly thumbnailsTemplate = input<TemplateRef<unknown> | null>(null);
  readonly cacheType = input<string>('');

  readonly rendered = output<void>();
  // The names ADF's viewer subscribes to on the component it renders.
  // eslint-disable-next-line @angular-eslint/no-output-native
  readonly error = output<unknown>();
  // eslint-disable-next-line @angular-eslint/no-output-native
  readonly close = output<void>();
  readonly pagesLoaded = output<void>();

  private readonly container = viewChild.required('viewer', { read: ViewContainerRef });
  private readonly viewer = signal<ComponentRef<PdfViewerComponent> | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    let destroyed = false;
    destroyRef.onDestroy(() => (destroyed = true));

    const styles = loadStylesheet(inject(DOCUMENT), PDF_VIEWER_STYLESHEET);
    Promise.all([import('@alfresco/adf-core/viewer/pdf'), styles]).then(
      ([{ PdfViewerComponent }]) => {
        if (destroyed) return;
        const viewer = this.container().createComponent(PdfViewerComponent);
        const instance = viewer.instance;
        const subscriptions = [
          instance.rendered.subscribe(() => this.rendered.emit()),
          instance.error.subscribe((reason: unknown) => this.error.emit(reason)),
          instance.close.subscribe(() => this.close.emit()),
          instance.pagesLoaded.subscribe(() => this.pagesLoaded.emit())
        ];
        destroyRef.onDestroy(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
        this.viewer.set(viewer);
      },
      (reason: unknown) => {
        // Offline or a deployment that lost the chunk: ADF then shows its "cannot preview" page.
        if (!destroyed) this.error.emit(reason);
      }
    );

    effect(() => {
      const viewer = this.viewer();
      if (!viewer) return;
      viewer.setInput('urlFile', this.urlFile());
      viewer.setInput('blobFile', this.blobFile());
      viewer.setInput('fileName', this.fileName());
      viewer.setInput('allowThumbnails', this.allowThumbnails());
      viewer.setInput('thumbnailsTemplate', this.thumbnailsTemplate());
      viewer.setInput('cacheType', this.cacheType());
    });
  }
}
