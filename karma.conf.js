// Karma for both Angular projects (the builder @angular/build:karma supplies the bundling).
// Runs once in Debian's Chromium and ends with a line "N passed, N failed".
process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), require('./karma-summary-reporter.js')],
    client: {
      jasmine: { random: false },
      clearContext: true
    },
    reporters: ['summary'],
    browsers: ['ChromiumHeadlessCI'],
    customLaunchers: {
      ChromiumHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync'
        ]
      }
    },
    browserNoActivityTimeout: 60000,
    captureTimeout: 120000,
    singleRun: true,
    autoWatch: false,
    restartOnFileChange: false,
    logLevel: config.LOG_WARN
  });
};
