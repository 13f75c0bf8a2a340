// Node test-runner reporter that counts tests (not suites) and writes one JSON line at the end:
// {"passed":N,"failed":N,"skipped":N,"todo":N,"failures":["file › suite › test", …]}.
// A file that fails to load is reported by the runner as a test named after the file: counted as failed.
// Used by scripts/run-repository-tests.mjs next to the spec reporter.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: [] };
  const stack = [];
  for await (const event of source) {
    if (event.type === 'test:start') {
      stack[event.data.nesting] = event.data.name;
      stack.length = event.data.nesting + 1;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    if (data.details?.type === 'suite') continue;
    if (data.todo) counts.todo++;
    else if (data.skip) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      const names = stack.slice(0, data.nesting).concat(data.name).filter(Boolean);
      const file = data.file ? data.file.replace(/^.*\/test\//, 'test/') : '';
      counts.failures.push([file, ...names.filter((n) => n !== data.file)].filter(Boolean).join(' › '));
    }
  }
  yield JSON.stringify(counts) + '\n';
}
