import { CoalescedRead } from './coalesced-read';

describe('CoalescedRead', () => {
  it('never reads twice at once, and reads once more after a refresh asked for during a read', async () => {
    let reads = 0;
    let finish!: () => void;
    const read = new CoalescedRead(() => {
      reads++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = read.refresh();
    const second = read.refresh();
    const third = read.refresh();
    expect(reads).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    finish();
    await first;
    // the asks made during the first read are answered by one more read, not two
    expect(reads).toBe(2);
    finish();
  });

  it('reads again only once the last read is older than the age asked', async () => {
    let reads = 0;
    const read = new CoalescedRead(async () => {
      reads++;
    });
    await read.refreshIfStale(30_000, Date.now());
    expect(reads).toBe(1);
    await read.refreshIfStale(30_000, Date.now() + 1_000);
    expect(reads).toBe(1);
    await read.refreshIfStale(30_000, Date.now() + 31_000);
    expect(reads).toBe(2);
  });
});
