// A one-page PDF with a few lines of Latin text: stands in for a scanned letter in the demo data.
// Base-14 Helvetica only, so non-Latin text is left out of the page.
export function letterPdf(lines: string[]): Uint8Array<ArrayBuffer> {
  const safe = lines.map((l) => l.replace(/[^\x20-\x7e]/g, '').replace(/([\\()])/g, '\\$1')).filter((l) => l.trim());
  const text = ['BT /F1 12 Tf 72 760 Td 16 TL', ...safe.map((l) => `(${l}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
