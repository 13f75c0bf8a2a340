import { FileDownloadService, downloadName } from './file-download.service';

describe('downloadName', () => {
  const day = new Date(2026, 10, 23);

  it('dates the name and swaps characters Windows refuses in file names', () => {
    expect(downloadName('A-11011/5/2026-EST-GAD', 'pdf', day)).toBe('A-11011-5-2026-EST-GAD-2026-11-23.pdf');
    expect(downloadName('Receipts: pending "over 7 days"', 'csv', day)).toBe('Receipts-pending-over-7-days-2026-11-23.csv');
  });

  it('keeps Devanagari and never ends up empty', () => {
    expect(downloadName('लंबित आवतियाँ', 'xlsx', day)).toBe('लंबित-आवतियाँ-2026-11-23.xlsx');
    expect(downloadName('///', 'csv', day)).toBe('export-2026-11-23.csv');
  });
});

describe('FileDownloadService', () => {
  it('hands the file to the browser under its name and leaves no link behind', async () => {
    const click = spyOn(HTMLAnchorElement.prototype, 'click');

    new FileDownloadService().save(new Blob(['a,b']), 'receipts-2026-11-23.csv');

    const link = click.calls.mostRecent().object as HTMLAnchorElement;
    expect(link.download).toBe('receipts-2026-11-23.csv');
    expect(link.href).toMatch(/^blob:/);
    expect(await (await fetch(link.href)).text()).toBe('a,b');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
