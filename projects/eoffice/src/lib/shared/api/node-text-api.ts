import { NodesApi, RequestOptions } from '@alfresco/js-api';

/**
 * NodesApi whose content reads (`getNodeContent`) answer with the text itself, as the browser decoded the
 * response (js-api's return type 'String'), rather than a Blob: for the small text nodes read as a page
 * opens (the hierarchy, the holiday calendar, notes). Chromium reads a Blob's text through the browser
 * process's blob store, and on a page still loading `Blob.text()` resolved 35-150 ms after it was called,
 * for a note of 200 bytes (first-screen bench, notesheet part): every list waited on it for the hierarchy,
 * the notesheet for its notes' texts. Everything else is NodesApi's own, so a spec that stubs
 * `NodesApi.prototype.getNodeContent` stubs this one too (its Blob answers are still read as before).
 */
export class NodeTextApi extends NodesApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- NodesApi's own signature
  override get<T = any>(options: RequestOptions): Promise<T> {
    const blob = typeof options.returnType === 'string' && options.returnType.toLowerCase() === 'blob';
    return super.get<T>(blob ? { ...options, returnType: 'String' } : options);
  }
}
