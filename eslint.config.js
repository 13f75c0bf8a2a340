// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.angular/**', 'test-results/**', 'playwright-report/**']
  },
  {
    files: ['projects/eoffice/**/*.ts', 'projects/content-app/**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...tseslint.configs.stylistic, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: ['eoffice', 'app'], style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: ['eoffice', 'app'], style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // A spec's stand-in components are not shipped; the file and receipt view specs still have Default ones.
    files: ['projects/eoffice/**/*.spec.ts', 'projects/content-app/**/*.spec.ts'],
    rules: { '@angular-eslint/prefer-on-push-component-change-detection': 'off' }
  },
  {
    files: ['projects/eoffice/**/*.html', 'projects/content-app/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility]
  },
  {
    // The local repository, the installer and @eoffice/domain: no Angular. Tests and benches read untyped
    // JSON answers, so `any` is allowed there and nowhere else.
    files: ['projects/repository/**/*.ts', 'projects/installer/**/*.ts', 'projects/domain/**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...tseslint.configs.stylistic],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] }
  },
  {
    files: ['projects/repository/{test,bench}/**/*.ts', 'projects/installer/{test,bench}/**/*.ts', 'projects/domain/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['e2e/**/*.ts', 'playwright.config.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended]
  },
  {
    files: ['scripts/serve.mjs', 'scripts/run-unit-tests.mjs'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' }
    }
  },
  {
    files: ['karma.conf.js', 'karma-summary-reporter.js', 'eslint.config.js'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' }
    }
  }
);
