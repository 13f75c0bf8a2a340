#!/usr/bin/env node
// `npx eoffice <command>`: runs the TypeScript CLI through tsx, without a build step.
require('tsx/cjs');
const { main } = require('../src/cli.ts');
const { describeError } = require('../src/acs.ts');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`eoffice: ${describeError(e)}`);
    process.exit(1);
  }
);
