import { LoadState } from './load-state';

/** A read the test answers when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

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
});
