/**
 * Records and retention (issue 17): `install` builds the RM site and the CSMOP record categories with their
 * retention schedules through the GS API where discovery lists Governance Services, and a second run changes
 * nothing; `doctor` names the AGS module and fails until they are there; a schedule that differs from
 * config/retention is reported, never duplicated (the GS API cannot change or remove steps); a config AGS
 * would refuse is refused before anything is written; the model's record categories are the config's.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { Dictionary } from '../../repository/src/dictionary';
import type { Acs } from '../src/acs';
import { CONFIG_DIR, DEFAULT_RETENTION, loadRetention } from '../src/config';
import { StepLog } from '../src/log';
import { AGS_MODULE, ensureRetention, retentionChecks } from '../src/retention';
import { startLocalRepository, type LocalRepository } from './support';

type Json = Record<string, any>;
const gsPage = async (acs: Acs, p: string, query: Json = {}): Promise<Json[]> =>
  ((await acs.call('gs', 'GET', p, { maxItems: 1000, ...query })).list?.entries ?? []).map((e: { entry: Json }) => e.entry);

/** The RM site and every node install makes below the file plan, with modification times and step ids. */
async function fileplanSnapshot(acs: Acs): Promise<unknown> {
  const site = (await acs.call('gs', 'GET', '/gs-sites/rm')).entry;
  const out: unknown[] = [site];
  const walk = async (categories: Json[]): Promise<void> => {
    for (const c of categories) {
      out.push([c.id, c.name, c.modifiedAt, c.properties?.['cm:title']]);
      if (c.hasRetentionSchedule)
        for (const s of await gsPage(acs, `/record-categories/${c.id}/retention-schedules`)) {
          out.push([s.id, s.parentId, s.authority, s.instructions]);
          out.push((await gsPage(acs, `/retention-schedules/${s.id}/retention-steps`)).map((x) => [x.id, x.name, x.index]));
        }
      await walk(await gsPage(acs, `/record-categories/${c.id}/children`, { include: 'properties,hasRetentionSchedule' }));
    }
  };
  await walk(await gsPage(acs, '/file-plans/-filePlan-/categories', { include: 'properties,hasRetentionSchedule' }));
  return out;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-retention-'));
/** A copy of the CSMOP config changed by `edit`, written to a file for --retention. */
function configFile(name: string, edit: (c: Json) => void): string {
  const c = JSON.parse(fs.readFileSync(DEFAULT_RETENTION, 'utf8'));
  edit(c);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(c));
  return file;
}
const category = (c: Json, code: string): Json =>
  [...c.categories, ...c.categories.flatMap((x: Json) => x.subCategories ?? [])].find((x: Json) => x.code === code);

describe('records and retention: install and doctor', () => {
  let repo: LocalRepository;
  before(async () => {
    repo = await startLocalRepository();
  });
  after(async () => {
    await repo?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a config whose steps AGS would refuse, saying why and where, before writing anything', async () => {
    const bad = configFile('bad-order.json', (c) => {
      const steps = category(c, 'A').schedule.steps;
      steps.unshift(steps.pop()); // accession first
    });
    await assert.rejects(repo.cli('install', '--retention', bad), (e: Error) => {
      assert.match(
        e.message,
        /bad-order\.json: Retention config: categories\[0\] \(A\)\.schedule\.steps\[0\] \(accession\): cutoff or retain should be the first step/
      );
      return true;
    });
    const acs = await repo.acs();
    assert.equal(await acs.call('gs', 'GET', '/gs-sites/rm').catch((e: { status: number }) => e.status), 404, 'nothing was installed');
  });

  it('doctor names the AGS module and fails while the RM site and categories are missing', async () => {
    const { code, lines } = await repo.cli('doctor');
    assert.equal(code, 1);
    assert.ok(
      lines.some((l) => /^OK +Governance Services: module org_alfresco_module_rm \d/.test(l)),
      lines.join('\n')
    );
    assert.ok(lines.some((l) => /^MISSING +RM site rm/.test(l)));
  });

  it('install builds the RM site, each category with its schedule and steps; doctor then passes', async () => {
    const { code, lines } = await repo.cli('install');
    assert.equal(code, 0);
    for (const made of [
      'RM site rm',
      'record category A',
      'retention schedule of A',
      'record category C/C-5',
      'retention schedule of C/C-5'
    ])
      assert.ok(
        lines.some((l) => new RegExp(`created +${made}$`).test(l)),
        made
      );
    assert.ok(
      lines.some((l) =>
        /created +retention steps of C\/C-5: cutoff none from cm:created on case_closed; retain year\|5 from rma:cutOffDate; destroyContent immediately/.test(
          l
        )
      )
    );

    const doctor = await repo.cli('doctor');
    assert.equal(doctor.code, 0, doctor.lines.join('\n'));
    for (const code of ['A', 'B', 'C', 'C/C-1', 'C/C-3', 'C/C-5', 'C/C-10']) {
      assert.ok(
        doctor.lines.some((l) => new RegExp(`^OK +record category ${code}$`).test(l)),
        code
      );
      assert.ok(
        doctor.lines.some((l) => new RegExp(`^OK +retention steps of ${code}: cutoff`).test(l)),
        code
      );
    }

    // As AGS keeps them: named by the code, titled in both languages, steps in order.
    const acs = await repo.acs();
    const roots = await gsPage(acs, '/file-plans/-filePlan-/categories', { include: 'properties' });
    assert.deepEqual(
      roots.map((r) => r.name),
      ['A', 'B', 'C']
    );
    assert.match(roots[0].properties['cm:title'], /^Category A: .* \/ श्रेणी क: /);
    const [schedule] = await gsPage(acs, `/record-categories/${roots[0].id}/retention-schedules`);
    assert.equal(schedule.isRecordLevel, false);
    const steps = await gsPage(acs, `/retention-schedules/${schedule.id}/retention-steps`);
    assert.deepEqual(
      steps.map((s) => `${s.index}:${s.name}:${s.period}${s.periodAmount ? `|${s.periodAmount}` : ''}`),
      ['0:cutoff:none', '1:retain:year|25', '2:accession:immediately']
    );
  });

  it('a second install changes nothing in the file plan (modifiedAt, schedules and steps alike)', async () => {
    const acs = await repo.acs();
    const before = await fileplanSnapshot(acs);
    const { code, lines } = await repo.cli('install');
    assert.equal(code, 0);
    assert.match(lines[lines.length - 1], /nothing to change \(0 created, 0 updated/);
    assert.deepEqual(await fileplanSnapshot(acs), before);
  });

  it('reports steps that differ from config and adds no second copy; the records manager is told what to do', async () => {
    const changed = configFile('b-thirty-years.json', (c) => {
      Object.assign(category(c, 'B').schedule.steps[1], { period: 'year', periodAmount: 30 });
    });
    const acs = await repo.acs();
    const before = await fileplanSnapshot(acs);
    const { code, lines } = await repo.cli('install', '--retention', changed);
    assert.equal(code, 0);
    const warning = lines.find((l) => /warning +retention steps of B differ/.test(l));
    assert.ok(warning, lines.join('\n'));
    assert.match(
      warning,
      /step 2 \(retain year\|30 from rma:cutOffDate\): period "none" instead of "year", periodAmount null instead of 30/
    );
    assert.match(
      warning,
      /the GS API cannot change or remove a step, so install leaves it: the records manager edits this retention schedule/
    );
    assert.deepEqual(await fileplanSnapshot(acs), before, 'no step added, none duplicated');

    const doctor = await repo.cli('doctor', '--retention', changed);
    assert.equal(doctor.code, 1);
    assert.ok(
      doctor.lines.some((l) => /^OUTDATED +retention steps of B differ from config\/retention/.test(l)),
      doctor.lines.join('\n')
    );
  });

  it('adds a sub-category the department configures later, and only that', async () => {
    const more = configFile('with-c-2.json', (c) => {
      const c5 = category(c, 'C-5');
      const c2 = JSON.parse(JSON.stringify(c5));
      c2.code = 'C-2';
      c2.name = { en: 'Category C-2: keep 2 years', hi: 'श्रेणी ग-2: 2 वर्ष तक रखें' };
      c2.schedule.steps[1].periodAmount = 2;
      category(c, 'C').subCategories.push(c2);
    });
    const { code, lines } = await repo.cli('install', '--retention', more);
    assert.equal(code, 0);
    assert.deepEqual(
      lines.filter((l) => /^ +\+ created/.test(l)).map((l) => l.replace(/^ +\+ created +/, '').replace(/:.*/, '')),
      ['record category C/C-2', 'retention schedule of C/C-2', 'retention steps of C/C-2']
    );
    assert.equal((await repo.cli('doctor', '--retention', more)).code, 0);
  });

  it('without Governance Services: install skips with one line and doctor says the module is not installed', async () => {
    const calls: string[] = [];
    const acs = {
      discovery: { getRepositoryInformation: async () => ({ entry: { repository: { modules: [{ id: 'alfresco-share-services' }] } } }) },
      call: async (base: string, method: string, p: string) => {
        calls.push(`${base} ${method} ${p}`);
        throw new Error('no GS API here');
      }
    } as unknown as Acs;
    const printed: string[] = [];
    const log = new StepLog((l) => printed.push(l));
    await ensureRetention(acs, loadRetention(DEFAULT_RETENTION), log);
    assert.deepEqual(printed, [
      `  - skipped   records and retention: Governance Services (module ${AGS_MODULE}) is not installed in this ACS`
    ]);
    assert.equal(log.changed, 0);
    assert.deepEqual(calls, [], 'no GS call');
    assert.deepEqual(await retentionChecks(acs, loadRetention(DEFAULT_RETENTION)), [
      {
        state: 'info',
        what: `Governance Services: module ${AGS_MODULE} not installed, records and retention (config/retention) not checked`
      }
    ]);
  });
});

describe('record categories: the model and config/retention', () => {
  it('the CSMOP config is valid against retention.schema.json (what editors check it with)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, 'retention', 'retention.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(JSON.parse(fs.readFileSync(DEFAULT_RETENTION, 'utf8'))), JSON.stringify(validate.errors));
    const wrong = JSON.parse(fs.readFileSync(DEFAULT_RETENTION, 'utf8'));
    wrong.categories[0].schedule.steps[0].name = 'shred';
    assert.equal(validate(wrong), false);
  });

  it('every eo:recordCategory value of the model has a category in config/retention, and every root category is a model value', () => {
    const d = new Dictionary();
    d.registerModel(fs.readFileSync(path.join(CONFIG_DIR, 'model', 'eofficeModel.xml'), 'utf8'));
    const property = d.getProperty('eo:recordCategory');
    assert.ok(property, 'eo:recordCategory is a property of the model');
    const constraint = d.getConstraint('eo:recordCategories');
    assert.ok(constraint, 'eo:recordCategories is a constraint of the model');
    const values = (constraint.parameters['allowedValues'] as string[]).slice().sort();
    const roots = loadRetention(DEFAULT_RETENTION)
      .categories.map((c) => c.code)
      .sort();
    assert.deepEqual(roots, values);
  });
});
