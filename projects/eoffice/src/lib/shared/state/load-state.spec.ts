import { LoadState, failureKey } from './load-state';
import { deferred } from '../testing/spec-support.spec';

describe('LoadState', () => {
  it('is loading while the read runs, then shows its answer', async () => {
    const state = new LoadState();
    const read = deferred<string>();
    const shown: string[] = [];
    const done = state.run(
      () => read.promise,
      (v) => shown.push(v)
    );

    expect(state.loading()).toBeTrue();
    read.resolve('page 1');
    expect(await done).toBeTrue();
    expect(shown).toEqual(['page 1']);
    expect(state.loading()).toBeFalse();
    expect(state.failed()).toBeFalse();
  });

  it('says the read failed, and empties what would be stale, until a read succeeds', async () => {
    const state = new LoadState();
    const fallback = jasmine.createSpy('fallback');
    const refusal = new Error('500');
    expect(
      await state.run(
        () => Promise.reject(refusal),
        () => undefined,
        fallback
      )
    ).toBeFalse();
    expect(state.failed()).toBeTrue();
    expect(fallback).toHaveBeenCalledOnceWith(refusal);

    await state.run(
      () => Promise.resolve(1),
      () => undefined
    );
    expect(state.failed()).toBeFalse();
  });

  it('drops the answer of an earlier read that comes after a later one began', async () => {
    const state = new LoadState();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const shown: string[] = [];
    const first = state.run(
      () => slow.promise,
      (v) => shown.push(v)
    );
    const second = state.run(
      () => fast.promise,
      (v) => shown.push(v)
    );

    fast.resolve('page 2');
    await second;
    slow.resolve('page 1');
    expect(await first).toBeFalse();
    expect(shown).toEqual(['page 2']);
    expect(state.loading()).toBeFalse();
  });

  it('stays loading while the latest read runs, whatever an earlier one did', async () => {
    const state = new LoadState();
    const first = deferred<string>();
    const latest = deferred<string>();
    const done = state.run(
      () => first.promise,
      () => undefined
    );
    void state.run(
      () => latest.promise,
      () => undefined
    );

    first.reject(new Error('500'));
    await done;
    expect(state.loading()).toBeTrue();
    expect(state.failed()).toBeFalse();
  });

  it('starts as being read when the page reads as it opens', () => {
    expect(new LoadState({ loading: true }).loading()).toBeTrue();
    expect(new LoadState().loading()).toBeFalse();
  });

  it('says why a read failed, by the key the state was given or the one the read names', async () => {
    const state = new LoadState({ reason: (error) => failureKey(error, 'LOAD_FAILED', { byStatus: { 404: 'NOT_FOUND' } }) });
    await state.run(
      () => Promise.reject({ status: 404 }),
      () => undefined
    );
    expect(state.reason()).toBe('NOT_FOUND');

    await state.run(
      () => Promise.reject(new Error('offline')),
      () => undefined,
      () => 'SEARCH_FAILED'
    );
    expect(state.reason()).toBe('SEARCH_FAILED');

    const read = deferred<number>();
    const again = state.run(
      () => read.promise,
      () => undefined
    );
    expect(state.reason()).toBeNull();
    read.resolve(1);
    await again;
    expect(state.failed()).toBeFalse();
  });

  it('stays loading while the answer is shown by reading on', async () => {
    const state = new LoadState();
    const more = deferred<void>();
    const done = state.run(
      () => Promise.resolve('file'),
      () => more.promise
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(state.loading()).toBeTrue();
    more.resolve();
    expect(await done).toBeTrue();
    expect(state.loading()).toBeFalse();
  });

  it('drops a read under way when there is nothing to read any more', async () => {
    const state = new LoadState();
    const read = deferred<string>();
    const shown: string[] = [];
    const done = state.run(
      () => read.promise,
      (v) => shown.push(v)
    );
    state.idle();
    expect(state.loading()).toBeFalse();
    read.resolve('late');
    expect(await done).toBeFalse();
    expect(shown).toEqual([]);
    expect(state.loading()).toBeFalse();
  });
});

describe('failureKey', () => {
  it('names a refusal by its status, a service key by its message, anything else by the fallback', () => {
    const byStatus = { 403: 'NO_ACCESS', 404: 'NOT_FOUND' };
    expect(failureKey({ status: 403 }, 'FAILED', { byStatus })).toBe('NO_ACCESS');
    expect(failureKey({ status: 500 }, 'FAILED', { byStatus })).toBe('FAILED');
    expect(failureKey(new Error('EOFFICE.FILE.ERRORS.NO_POST'), 'FAILED', { ownKeys: true })).toBe('EOFFICE.FILE.ERRORS.NO_POST');
    expect(failureKey(new Error('EOFFICE.FILE.ERRORS.NO_POST'), 'FAILED')).toBe('FAILED');
    expect(failureKey(new Error('offline'), 'FAILED', { ownKeys: true })).toBe('FAILED');
    expect(failureKey(undefined, 'FAILED')).toBe('FAILED');
  });
});
