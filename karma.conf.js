// Karma for both Angular projects (the builder @angular/build:karma supplies the bundling).
// Runs once in Debian's Chromium and ends with a line "N passed, N failed".
process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

/**
 * Serves (never runs) the extension's and @eoffice/domain's sources, so that a spec can read them: the one date formatter
 * (projects/eoffice/src/lib/shared/date/date-formatting.spec.ts); and the PDF writer's fonts. A framework, because the Angular builder
 * replaces the config's own `files` with the bundles it builds.
 */
const eofficeSources = {
  'framework:eoffice-sources': [
    'factory',
    Object.assign(
      (files) => {
        for (const pattern of ['projects/eoffice/src/**/*.+(ts|html)', 'projects/domain/src/**/*.ts'])
          files.push({ pattern: `${__dirname}/${pattern}`, included: false, served: true, watched: false, nocache: true });
        // The PDF writer's fonts and HarfBuzz, which the app serves from assets/eoffice/pdf (angular.json).
        for (const file of [
          'harfbuzzjs/dist/harfbuzz.wasm',
          '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
          '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
          '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
          '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf'
        ]) {
          files.push({ pattern: `${__dirname}/node_modules/${file}`, included: false, served: true, watched: false, nocache: false });
        }
      },
      { $inject: ['config.files'] }
    )
  ]
};

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine', 'eoffice-sources'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), require('./karma-summary-reporter.js'), eofficeSources],
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
