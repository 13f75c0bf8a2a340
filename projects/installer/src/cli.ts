// npx eoffice <install | doctor | seed-demo | transfer-charge | verify> --url http://host:port --user admin --password …
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, describeError } from './acs';
import { CONFIG_DIR, DEFAULT_HIERARCHY, DEFAULT_RETENTION, DEFAULT_SUBJECT_HEADS, loadArtefacts } from './config';
import { checkConsistency, printConsistency } from './consistency';
import { doctor, failed, printChecks } from './doctor';
import { install } from './install';
import { StepLog } from './log';
import { loadTrustConfig } from './trust';
import { seedDemo } from './seed/seed-demo';
import { verifyCommand } from './signatures';
import { transferChargeCommand } from './transfer-charge';

const USAGE = `Usage: eoffice <command> [options]

Commands:
  install     deploy the e-Office model, workflow definitions, hierarchy, groups, site and folders; where
              Governance Services (AGS) is installed, the RM site and the record categories with their
              retention schedules of config/retention (skipped, with one line, without AGS)
  doctor      report what is present or missing, the AGS module and each record category's schedule
              (exit code 1 when something is missing or outdated)
  seed-demo   install, then create the demo department's officers, its records manager, receipts and files
  transfer-charge --post <code> --to <user> [--from <user>] [--on <YYYY-MM-DD>] [--name-hi <name>] [--dry-run]
              show what passes with the post (Inbox, parked, created, approvals, drafts, dispatches), then
              hand it to the officer in one step that happens whole or not at all (administrators only)
  verify <file number>
              verify every digital signature of a file's green notes against config/trust (or --trust):
              one line per note (valid, changed after signing, signer unknown, expired, revoked, not
              signed); exit code 1 when a signature is not valid, 2 when there is no such file
  signer      run the local signer bridge on the officer's computer: signs notes with his DSC token
              (PKCS#11) after he confirms each; \`eoffice signer --help\` for its options

Options:
  --url <url>          repository base URL, e.g. http://localhost:8080   (env EOFFICE_URL)
  --user <name>        administrator user (default admin)                 (env EOFFICE_USER)
  --password <pw>      its password (default admin)                       (env EOFFICE_PASSWORD)
  --hierarchy <file>   department hierarchy (default config/hierarchy/gad.hierarchy.json)
  --subject-heads <file>  subject-head index for file numbers (default config/subject-heads/gad.subject-heads.json)
  --retention <file>   record categories and retention schedules (default config/retention/csmop.retention.json)
  --trust <dir>        trusted roots, CA certificates and CRLs for digital signatures (default config/trust)
  --consistency        doctor: check custody, movement records and numbers of every item instead
                       (one line per finding, exit code 1 when there is any)
  --reset-charge       install: give every post to the hierarchy file's incumbent, undoing the transfers of
                       charge made since (install otherwise keeps them and says so)
  --if-empty           seed-demo: do nothing when the department site already exists
  --certificates <dir> seed-demo: make a demo CA and each officer's certificate file (<user>.p12, password
                       as the logins') in <dir>, trusted by this repository; prints CERTIFICATE lines
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
      trust: { type: 'string' },
      'if-empty': { type: 'boolean' },
      'reset-charge': { type: 'boolean' },
      certificates: { type: 'string' },
      post: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      on: { type: 'string' },
      'name-hi': { type: 'string' },
      'dry-run': { type: 'boolean' },
      consistency: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  const command = positionals[0];
  if (values.help || !command || !['install', 'doctor', 'seed-demo', 'transfer-charge', 'verify'].includes(command)) {
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
  if (values.trust) artefacts.trust = loadTrustConfig(path.resolve(values.trust));
  const acs = await connect({
    url,
    user: values.user ?? process.env['EOFFICE_USER'] ?? 'admin',
    password: values.password ?? process.env['EOFFICE_PASSWORD'] ?? 'admin'
  });
  const log = new StepLog(out, values.verbose);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

  if (command === 'transfer-charge') {
    if (!values.post || !values.to) {
      out('transfer-charge needs --post <code> and --to <user>');
      return 2;
    }
    const transfer = { post: values.post, to: values.to, from: values.from, on: values.on, nameHi: values['name-hi'] };
    return transferChargeCommand(acs, transfer, !!values['dry-run'], out);
  }
  if (command === 'verify') {
    if (!positionals[1]) {
      out('verify needs the file number, e.g. eoffice verify A-11011/5/2026-EST-GAD');
      return 2;
    }
    return verifyCommand(acs, positionals[1], artefacts.trust, out);
  }
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
    await install(acs, artefacts, log, { resetCharge: values['reset-charge'] });
    out(`Done in ${seconds()} s: ${log.changed ? log.summary() : `nothing to change (${log.summary()})`}`);
    return 0;
  }
  out(`Seeding the demo department into ${acs.url}`);
  const result = await seedDemo(acs, artefacts, log, {
    ifEmpty: values['if-empty'],
    certificates: values.certificates ? path.resolve(values.certificates) : undefined
  });
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
