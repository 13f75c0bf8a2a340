import { TestBed } from '@angular/core/testing';
import { NodesApi, UploadApi } from '@alfresco/js-api';
import { PdfDocument } from '../../shared/pdf/pdf-writer';
import { provideJsApi } from '../../shared/testing/spec-support.spec';
import { ArchivalCopyService } from './archival-copy.service';
import { FileExportService } from './file-export.service';

describe('ArchivalCopyService', () => {
  let build: jasmine.Spy;
  let upload: jasmine.Spy;
  let category: string;

  beforeEach(() => {
    category = 'A';
    build = jasmine
      .createSpy('build')
      .and.resolveTo({ doc: new PdfDocument(new Uint8Array([37, 80, 68, 70]), 1), fileName: 'x.pdf', pages: [] });
    TestBed.configureTestingModule({ providers: [provideJsApi(), { provide: FileExportService, useValue: { build } }] });
    spyOn(NodesApi.prototype, 'getNode').and.callFake(
      async () =>
        ({
          entry: {
            id: 'file-1',
            name: '000005',
            properties: { 'eo:fileNumber': 'A-11011/5/2026-EST-GAD', 'eo:subject': 'Cadre review', 'eo:recordCategory': category }
          }
        }) as never
    );
    upload = spyOn(UploadApi.prototype, 'uploadFile').and.resolveTo({ entry: { id: 'copy-1' } } as never);
  });

  it('writes the whole file as PDF/A into Archive/ when its category is kept permanently (A, B)', async () => {
    for (const code of ['A', 'B']) {
      category = code;
      build.calls.reset();
      upload.calls.reset();

      expect(await TestBed.inject(ArchivalCopyService).writeIfNeeded('file-1')).toBe('copy-1');

      expect(build).toHaveBeenCalledOnceWith('file-1', undefined, undefined, { archival: true });
      const [file, folder, parent, , options] = upload.calls.mostRecent().args as [File, string, string, unknown, Record<string, unknown>];
      expect(folder).toBe('Archive');
      expect(parent).toBe('file-1');
      expect(file.type).toBe('application/pdf');
      expect(file.name).toMatch(/^A-11011-5-2026-EST-GAD-archival-copy-\d{4}-\d{2}-\d{2}\.pdf$/);
      // A copy from an earlier closing (a record by now) stays: the new one is added beside it.
      expect(options).toEqual(jasmine.objectContaining({ autoRename: true, overwrite: false }));
      // Options become form fields: a "properties" field would be read as a property of that name.
      expect(options['properties']).toBeUndefined();
    }
  });

  it('writes nothing for a category C file, or one without a category', async () => {
    for (const code of ['C', '']) {
      category = code;
      expect(await TestBed.inject(ArchivalCopyService).writeIfNeeded('file-1')).toBeNull();
    }
    expect(build).not.toHaveBeenCalled();
    expect(upload).not.toHaveBeenCalled();
  });
});
