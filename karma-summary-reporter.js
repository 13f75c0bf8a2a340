// A Karma reporter that names each spec, prints failures in full and ends with "N passed, N failed".
function SummaryReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let errors = 0;

  const baseRunStart = this.onRunStart.bind(this);
  this.onRunStart = (browsers) => {
    baseRunStart(browsers);
    passed = 0;
    failed = 0;
    skipped = 0;
    errors = 0;
  };

  this.onBrowserError = (browser, error) => {
    errors++;
    this.write(`Browser error in ${browser.name}: ${typeof error === 'string' ? error : JSON.stringify(error)}\n`);
  };

  this.onBrowserLog = (browser, log, type) => {
    if (type === 'error' || type === 'warn') {
      this.write(`  [${type}] ${log}\n`);
    }
  };

  this.specSuccess = (browser, result) => {
    passed++;
    this.write(`  ✓ ${[...result.suite, result.description].join(' › ')}\n`);
  };

  this.specFailure = (browser, result) => {
    failed++;
    this.write(`  ✗ ${[...result.suite, result.description].join(' › ')}\n`);
    for (const message of result.log) {
      this.write(`      ${String(message).split('\n').slice(0, 8).join('\n      ')}\n`);
    }
  };

  this.specSkipped = () => {
    skipped++;
  };

  this.onRunComplete = () => {
    if (skipped > 0) {
      this.write(`${skipped} skipped\n`);
    }
    // A browser that crashed or never ran counts as a failure, so CI never reads an empty run as green.
    const failures = failed + errors + (passed + failed === 0 ? 1 : 0);
    this.write(`${passed} passed, ${failures} failed\n`);
  };
}

SummaryReporter.$inject = ['baseReporterDecorator'];

module.exports = { 'reporter:summary': ['type', SummaryReporter] };
