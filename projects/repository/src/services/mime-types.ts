const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  xml: 'text/xml',
  json: 'application/json',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  eml: 'message/rfc822',
  zip: 'application/zip',
  bpmn: 'text/xml',
  md: 'text/markdown'
};

/** The mimetype ACS would give a file: its extension wins over a generic one sent by the client. */
export function guessMimeType(name: string, sent?: string): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (sent && sent !== 'application/octet-stream' && !sent.startsWith('multipart/')) return sent.split(';')[0].trim();
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}
