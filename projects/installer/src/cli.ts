// npx eoffice <install | doctor | seed-demo> --url http://host:port --user admin --password …
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, describeError } from './acs';
import { CONFIG_DIR, DEFAULT_HIERARCHY, DEFAULT_RETENTION, DEFAULT_SUBJECT_HEADS, loadArtefacts } from './config';
import { checkConsistency, printConsistency } from './consistency';
import { doctor, failed, printChecks } from './doctor';
import { install } from './install';
import { StepLog } from './log';
import { seedDemo } from './seed/seed-demo';

const USAGE = `Usage: eoffice <command> [options]

Commands:
  install     deploy the e-Office model, workflow definitions, hierarchy, groups, site and folders; where
              Governance Services (AGS) is installed, the RM site and the record categories with their
              retention schedules of config/retention (skipped, with one line, without AGS)
  doctor      report what is present or missing, the AGS module and each record category's schedule
              (exit code 1 when something is missing or outdated)
  seed-demo   install, then create the demo department's officers, its records manager, receipts and files
  signer      run the local signer bridge on the officer's computer: signs notes with his DSC token
              (PKCS#11) after he confirms each; \`eoffice signer --help\` for its options

Options:
  --url <url>          repository base URL, e.g. http://localhost:8080   (env EOFFICE_URL)
  --user <name>        administrator user (default admin)                 (env EOFFICE_USER)
  --password <pw>      its password (default admin)                       (env EOFFICE_PASSWORD)
  --hierarchy <file>   department hierarchy (default config/hierarchy/gad.hierarchy.json)
  --subject-heads <file>  subject-head index for file numbers (default config/subject-heads/gad.subject-heads.json)
  --retention <file>   record categories and retention schedules (default config/retention/csmop.retention.json)
  --consistency        doctor: check custody, movement records and numbers of every item instead
                       (one line per finding, exit code 1 when there is any)
  --if-empty           seed-demo: do nothing when the department site already exists
  --verbose            also list what was already in place`;

export async function main(argv: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  // The signer runs on an officer's computer and talks to no repository: its own options (signing/signer-command.ts),
  // loaded only here so that install and doctor never load the PKCS#11 native module.
  if (argv[0] === 'signer') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { signerCommand } = require('./signing/signer-command') as typeof import('./signing/signer-command');
    return signerCommand(argv.slice(1), out);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      hierarchy: { type: 'string' },
      'subject-heads': { type: 'string' },
      retention: { type: 'string' },
      'if-empty': { type: 'boolean' },
      consistency: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  const command = positionals[0];
  if (values.help || !command || !['install', 'doctor', 'seed-demo'].includes(command)) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const url = values.url ?? process.env['EOFFICE_URL'];
  if (!url) {
    out('Missing --url (the repository, e.g. http://localhost:8080)');
    return 2;
  }
  const artefacts = loadArtefacts(
    values.hierarchy ? path.resolve(values.hierarchy) : DEFAULT_HIERARCHY,
    CONFIG_DIR,
    values['subject-heads'] ? path.resolve(values['subject-heads']) : DEFAULT_SUBJECT_HEADS,
    values.retention ? path.resolve(values.retention) : DEFAULT_RETENTION
  );
  const acs = await connect({
    url,
    user: values.user ?? process.env['EOFFICE_USER'] ?? 'admin',
    password: values.password ?? process.env['EOFFICE_PASSWORD'] ?? 'admin'
  });
  const log = new StepLog(out, values.verbose);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

  if (command === 'doctor' && values.consistency) {
    const report = await checkConsistency(acs, artefacts.hierarchy);
    printConsistency(report, out);
    return report.findings.length ? 1 : 0;
  }
  if (command === 'doctor') {
    const checks = await doctor(acs, artefacts);
    printChecks(checks, out);
    return failed(checks).length ? 1 : 0;
  }
  if (command === 'install') {
    out(`Installing e-Office into ${acs.url}`);
    await install(acs, artefacts, log);
    out(`Done in ${seconds()} s: ${log.changed ? log.summary() : `nothing to change (${log.summary()})`}`);
    return 0;
  }
  out(`Seeding the demo department into ${acs.url}`);
  const result = await seedDemo(acs, artefacts, log, { ifEmpty: values['if-empty'] });
  out(result.skipped ? 'The department already exists; nothing seeded (--if-empty).' : `Done in ${seconds()} s: ${log.summary()}`);
  for (const line of result.logins) out(line);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`eoffice: ${describeError(e)}`);
      process.exit(1);
    }
  );
}
