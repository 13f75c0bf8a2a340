import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, UploadApi } from '@alfresco/js-api';
import { ARCHIVE_FOLDER, isPermanentRecordCategory } from '@eoffice/domain';
import { downloadName } from '../../shared/export/file-download.service';
import { FileExportProgress, FileExportService } from './file-export.service';

/**
 * The archival copy of a file kept permanently (CSMOP categories A and B): the whole file — cover, notes
 * with each signature's state, correspondence — as PDF/A-2u, written into the file's Archive/ folder just
 * before it is closed, so that the close declares it a record with the rest (docs/governance-services.md).
 * It is made here because the officer's browser is the one place that can: a real ACS runs no PDF library
 * in its workflow scripts. The movement workflow refuses to close such a file without a copy newer than
 * its notes and correspondence (lib.js eoRequireArchivalCopy), whoever calls it.
 */
@Injectable({ providedIn: 'root' })
export class ArchivalCopyService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly exporter = inject(FileExportService);

  /**
   * Writes the archival copy when the file's category is kept permanently; resolves the new copy's node id,
   * or null when the file needs none.
   */
  async writeIfNeeded(fileId: string, onProgress?: (p: FileExportProgress) => void, signal?: AbortSignal): Promise<string | null> {
    const file = (await new NodesApi(this.apiService.getInstance()).getNode(fileId, { include: ['properties'] })).entry;
    const p = (file.properties ?? {}) as Record<string, unknown>;
    if (!isPermanentRecordCategory(p['eo:recordCategory'])) return null;
    const built = await this.exporter.build(fileId, onProgress, signal, { archival: true });
    const fileNumber = String(p['eo:fileNumber'] ?? file.name);
    const name = downloadName(`${fileNumber} archival copy`, 'pdf', new Date());
    const body = {
      name,
      nodeType: 'cm:content',
      properties: { 'cm:title': `${fileNumber} (PDF/A-2u)`, 'cm:description': String(p['eo:subject'] ?? '') }
    };
    // A closing after a reopening adds a copy beside the earlier one, which is a record by then.
    const created = (await new UploadApi(this.apiService.getInstance()).uploadFile(
      new File([built.doc.output('blob')], name, { type: 'application/pdf' }),
      ARCHIVE_FOLDER,
      fileId,
      body as never,
      // The options are sent as form fields too: the properties travel in the node body only.
      { name, nodeType: body.nodeType, autoRename: true, overwrite: false } as never
    )) as { entry: { id: string } };
    return created.entry.id;
  }
}
