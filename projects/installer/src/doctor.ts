// `eoffice doctor`: what of the e-Office installation a repository has, and what is missing.
import type { Acs } from './acs';
import { describeError, orMissing, readText } from './acs';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_DIR, MODEL_FILE_NAME, REPO_PATHS, type Artefacts } from './config';
import { chargeSentence, currentHierarchy, holidayCalendarFiles, upgradeRecord, upgradesLacking } from './install';
import { DAILY_PROCESS_KEY, dailyProcesses } from './daily-mails';
import { groupMembers, nodeAt } from './repo';
import { retentionChecks } from './retention';
import { trustChecks } from './trust';
import { hasXmllint, schemaFiles, schemaProblems } from './xml-schemas';
import { departmentGroup, departmentSite, EO_TYPES, FOLDERS, oversightGroup, postGroup, sectionGroup } from '@eoffice/domain';

/** `invalid`: a file of config/ that cannot be what it claims (a trusted root that is no CA certificate). */
export type CheckState = 'ok' | 'missing' | 'outdated' | 'invalid' | 'warning' | 'info';

export interface Check {
  state: CheckState;
  what: string;
}

/** Oldest ACS the installer supports: site group members and the model API came with 7.0. */
const MIN_MAJOR = 7;

export async function doctor(acs: Acs, a: Artefacts): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (state: CheckState, what: string) => checks.push({ state, what });

  const repo = (await acs.discovery.getRepositoryInformation()).entry.repository;
  const major = Number(repo.version?.major);
  add(
    major >= MIN_MAJOR ? 'ok' : 'missing',
    `repository ${repo.edition ?? ''} ${repo.version?.display ?? '?'}${major >= MIN_MAJOR ? '' : ` (needs ${MIN_MAJOR}.0 or later)`}`
  );
  const modules = repo.modules ?? [];
  add('info', `modules: ${modules.length ? modules.map((m) => `${m.id} ${m.version ?? ''}`.trim()).join(', ') : 'none'}`);

  checks.push(...configSchemaChecks(a));

  await checkContent(acs, add, `${REPO_PATHS.models}/${MODEL_FILE_NAME}`, a.modelXml, 'model', async (props) => {
    add(props['cm:modelActive'] === true ? 'ok' : 'missing', `model ${MODEL_FILE_NAME} active`);
    const type = await orMissing(acs.call('core', 'GET', `/types/${encodeURIComponent(EO_TYPES.receipt)}`)).catch(() => undefined);
    add(type ? 'ok' : 'missing', `type ${EO_TYPES.receipt} in the dictionary`);
  });
  for (const model of a.models.slice(1))
    await checkContent(acs, add, `${REPO_PATHS.models}/${model.name}`, model.xml, 'model', async (props) => {
      add(props['cm:modelActive'] === true ? 'ok' : 'missing', `model ${model.name} active`);
    });

  if (a.workflows.length) {
    const defs = await acs
      .call<{ list?: { entries?: { entry: { key: string } }[] } }>('workflow', 'GET', '/process-definitions', { maxItems: 1000 })
      .catch(() => undefined);
    const keys = new Set((defs?.list?.entries ?? []).map((e) => e.entry.key));
    for (const wf of a.workflows) {
      await checkContent(acs, add, `${REPO_PATHS.workflows}/${wf.name}`, wf.xml, 'workflow definition', async (props) => {
        add(props['bpm:definitionDeployed'] === true ? 'ok' : 'missing', `workflow ${wf.name} deployed`);
      });
      for (const key of wf.processIds) add(keys.has(key) ? 'ok' : 'missing', `process definition ${key}`);
    }
    // The daily digests and escalations run as one eoDaily process that install starts.
    if (a.workflows.some((w) => w.processIds.includes(DAILY_PROCESS_KEY))) {
      const running = await dailyProcesses(acs).catch(() => []);
      add(
        running.length ? 'ok' : 'missing',
        `daily mails (${DAILY_PROCESS_KEY}) running${running.length ? '' : ': run npx eoffice install'}`
      );
    }
  }

  // The repository's hierarchy is current when it is the file's with the transfers of charge made since
  // (install.ts currentHierarchy): a transfer is not an outdated install, and doctor says who holds the post.
  const current = await currentHierarchy(acs, a.hierarchy);
  await checkContent(acs, add, REPO_PATHS.hierarchy, current.json, 'hierarchy');
  for (const k of current.kept)
    add(
      'info',
      `${k.group}: ${k.holder} holds it ${chargeSentence(k)}; the repository is current, the file older (name ${k.holder} there, or install --reset-charge gives the post back)`
    );
  await checkContent(acs, add, REPO_PATHS.subjectHeads, a.subjectHeadsJson, 'subject-head index');
  await checkUpgrades(acs, add);
  for (const name of holidayCalendarFiles()) {
    const text = fs.readFileSync(path.join(CONFIG_DIR, 'calendar', name), 'utf8');
    await checkContent(acs, add, `${REPO_PATHS.eoffice}/${name}`, text, `holiday calendar ${name}`);
  }

  checks.push(...(await trustChecks(acs, a.trust, REPO_PATHS.trust)));

  const h = a.hierarchy;
  const groups = [departmentGroup(h), ...h.sections.map((s) => sectionGroup(h, s.code)), oversightGroup(h)];
  for (const g of groups) add((await orMissing(acs.groups.getGroup(g))) ? 'ok' : 'missing', `group ${g}`);
  for (const p of h.posts) {
    const g = postGroup(h, p.code);
    if (!(await orMissing(acs.groups.getGroup(g)))) {
      add('missing', `post group ${g}`);
      continue;
    }
    const holders = (await groupMembers(acs, g)).filter((m) => m.memberType === 'PERSON').map((m) => m.id);
    if (!holders.length) add('warning', `post group ${g} is vacant`);
    else add('ok', `post group ${g} held by ${holders.join(', ')}`);
  }

  const siteId = departmentSite(h);
  if (!(await orMissing(acs.sites.getSite(siteId)))) add('missing', `site ${siteId}`);
  else {
    add('ok', `site ${siteId}`);
    const member = await orMissing(acs.sites.getSiteGroupMembership(siteId, departmentGroup(h)));
    add(member ? 'ok' : 'missing', `site ${siteId} member ${departmentGroup(h)}`);
    const docLib = await orMissing(acs.sites.getSiteContainer(siteId, 'documentLibrary'));
    for (const folder of [FOLDERS.receipts, FOLDERS.files, FOLDERS.computerNumbers]) {
      const there = docLib && (await nodeAt(acs, folder, docLib.entry.folderId));
      add(there ? 'ok' : 'missing', `folder ${siteId}/documentLibrary/${folder}`);
      // Numbers are made only by eoRegister: a series folder an officer may write is one where
      // anybody can take, skip or free a number.
      if (there) {
        const writable = await officerWritable(acs, there.entry.id);
        add(
          writable.length ? 'outdated' : 'ok',
          writable.length
            ? `folder ${siteId}/documentLibrary/${folder} writable by ${writable.join(', ')}: run npx eoffice install`
            : `folder ${siteId}/documentLibrary/${folder} read-only for officers`
        );
      }
    }
    const intake = docLib && (await nodeAt(acs, FOLDERS.intake, docLib.entry.folderId));
    add(intake ? 'ok' : 'missing', `folder ${siteId}/documentLibrary/${FOLDERS.intake}`);
  }
  checks.push(...(await retentionChecks(acs, a.retention)));
  return checks;
}

/** Authorities that may write in the folder: it inherits (the site's roles), or grants more than Consumer. */
async function officerWritable(acs: Acs, nodeId: string): Promise<string[]> {
  const perms = (await acs.nodes.getNode(nodeId, { include: ['permissions'] })).entry.permissions;
  if (perms?.isInheritanceEnabled !== false) return ['the site members (permissions inherited)'];
  return (perms.locallySet ?? [])
    .filter((p) => p.accessStatus !== 'DENIED' && p.name !== 'Consumer')
    .map((p) => `${p.authorityId} (${p.name})`);
}

/**
 * The config/ files against the schemas ACS reads them with, when xmllint and the schemas are at hand: a model
 * or definition that fails here is one ACS refuses to activate or deploy. A warning, since what the
 * repository holds is checked by the lines that follow.
 */
export function configSchemaChecks(a: Artefacts, schemaDir?: string): Check[] {
  const schemas = schemaFiles(schemaDir);
  if (!hasXmllint()) return [{ state: 'info', what: 'schema check of config/ skipped: xmllint not found (Debian package libxml2-utils)' }];
  if (!schemas)
    return [{ state: 'info', what: 'schema check of config/ skipped: no modelSchema.xsd and bpmn20/BPMN20.xsd (set EOFFICE_SCHEMA_DIR)' }];
  const files = [
    ...a.models.map((m) => ({ file: `config/model/${m.name}`, xml: m.xml, xsd: schemas.model, schema: 'modelSchema.xsd' })),
    ...a.workflows.map((w) => ({ file: `config/workflow/${w.name}`, xml: w.xml, xsd: schemas.bpmn, schema: 'BPMN20.xsd' }))
  ];
  return files.map(({ file, xml, xsd, schema }) => {
    const problems = schemaProblems(xml, xsd);
    return problems.length
      ? { state: 'warning', what: `${file} is not valid against ${schema}: ${problems[0]}` }
      : { state: 'ok', what: `${file} valid against ${schema}` };
  });
}

/** upgrades.json names when each upgrade began (install.ts ensureUpgrades); scripts trust its dates. */
async function checkUpgrades(acs: Acs, add: (state: CheckState, what: string) => void): Promise<void> {
  const what = `upgrades record ${REPO_PATHS.upgrades}`;
  const node = await nodeAt(acs, REPO_PATHS.upgrades);
  if (!node) return void add('missing', what);
  let lacking: string[];
  try {
    lacking = upgradesLacking(upgradeRecord(await readText(acs, node.entry.id)));
  } catch (e) {
    return void add('invalid', `${what}: ${describeError(e)} (restore it from a backup)`);
  }
  add(lacking.length ? 'outdated' : 'ok', lacking.length ? `${what} lacks ${lacking.join(', ')} (run install)` : what);
}

async function checkContent(
  acs: Acs,
  add: (state: CheckState, what: string) => void,
  path: string,
  expected: string,
  what: string,
  more?: (props: Record<string, unknown>) => Promise<void>
): Promise<void> {
  const node = await nodeAt(acs, path);
  if (!node) return void add('missing', `${what} ${path}`);
  let same = false;
  try {
    same = (await readText(acs, node.entry.id)) === expected;
  } catch (e) {
    add('warning', `${what} ${path}: cannot read content (${describeError(e)})`);
  }
  add(same ? 'ok' : 'outdated', `${what} ${path}${same ? '' : ' differs from config/ (run install)'}`);
  await more?.((node.entry.properties ?? {}) as Record<string, unknown>);
}

export const failed = (checks: Check[]) => checks.filter((c) => c.state === 'missing' || c.state === 'outdated' || c.state === 'invalid');

export function printChecks(checks: Check[], out: (line: string) => void = (l) => console.log(l)): void {
  for (const c of checks) out(`${c.state.toUpperCase().padEnd(8)} ${c.what}`);
  const bad = failed(checks);
  out(bad.length ? `\n${bad.length} problem(s): ${bad.map((c) => c.what).join('; ')}` : '\nAll e-Office artefacts are present.');
}
