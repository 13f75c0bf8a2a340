// `eoffice install`: deploys the model, workflow definitions, hierarchy, groups (posts and sections),
// the department site and its folders, and (where Governance Services is installed) the RM site's record
// categories and retention schedules. Every step checks first, so a second run changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Acs } from './acs';
import { orMissing, readText } from './acs';
import { CONFIG_DIR, hierarchyText, REPO_PATHS, type Artefacts } from './config';
import type { StepLog } from './log';
import { ensureRetention } from './retention';
import { assertTrustUsable, ensureTrust } from './trust';
import { DAILY_PROCESS_KEY, ensureDailyMails } from './daily-mails';
import { ensureContent, ensureFolder, ensureGroup, ensurePermissions, ensureProperties, groupMembers, nodeAt } from './repo';
import {
  departmentGroup,
  departmentSite,
  FOLDERS,
  intakeFolder,
  officeDate,
  oversightGroup,
  oversightPosts,
  parseHierarchy,
  postGroup,
  postTitle,
  sectionGroup,
  type Hierarchy,
  type PostCharge
} from '@eoffice/domain';

export interface Installed {
  siteId: string;
  documentLibraryId: string;
}

export interface InstallOptions {
  /** `false` leaves post membership alone (seed-demo creates the people first). */
  incumbents?: boolean;
  /** Give every post to the hierarchy file's incumbent, undoing transfers of charge made since (`--reset-charge`). */
  resetCharge?: boolean;
}

export async function install(acs: Acs, a: Artefacts, log: StepLog, opts: InstallOptions = {}): Promise<Installed> {
  // A root that is no CA, or a CRL no trusted CA signed, stops the install before anything is written.
  await assertTrustUsable(a.trust);
  await deployModel(acs, a, log);
  await ensureFolder(acs, log, '-root-', REPO_PATHS.eoffice, 'e-Office configuration');
  // Before the workflows that read it: when each ledger the new definitions keep began.
  await ensureUpgrades(acs, log, new Date());
  await deployWorkflows(acs, a, log);
  // The file's hierarchy, with the transfers of charge made since its incumbents were installed.
  const current = await currentHierarchy(acs, a.hierarchy, { resetCharge: opts.resetCharge });
  for (const k of current.kept)
    log.record('warning', `${k.group}: kept ${k.holder}, ${chargeSentence(k)}; install --reset-charge gives it back`);
  for (const k of current.reset)
    log.record('updated', `${k.group}: transfer of charge to ${k.holder} undone (--reset-charge), back to ${k.fileIncumbent || 'vacant'}`);
  await ensureContent(acs, log, {
    folder: REPO_PATHS.eoffice,
    name: 'hierarchy.json',
    text: current.json,
    nodeType: 'cm:content',
    mimeType: 'application/json'
  });
  // The subject-head index the Create File form builds file numbers from.
  await ensureContent(acs, log, {
    folder: REPO_PATHS.eoffice,
    name: 'subject-heads.json',
    text: a.subjectHeadsJson,
    nodeType: 'cm:content',
    mimeType: 'application/json'
  });
  // Holiday calendars: the Pendency MIS counts working days with them (config/calendar/README.md).
  for (const name of holidayCalendarFiles()) {
    const text = fs.readFileSync(path.join(CONFIG_DIR, 'calendar', name), 'utf8');
    await ensureContent(acs, log, { folder: REPO_PATHS.eoffice, name, text, nodeType: 'cm:content', mimeType: 'application/json' });
  }
  // Trusted roots, CA certificates and CRLs the notesheet verifies digital signatures against (config/trust/README.md).
  await ensureTrust(acs, log, a.trust, REPO_PATHS.trust);
  await ensureGroups(acs, a.hierarchy, log);
  if (opts.incumbents !== false) await ensureIncumbents(acs, current.hierarchy, log);
  const installed = await ensureSite(acs, a.hierarchy, log);
  await ensureRetention(acs, a.retention, log);
  // The daily digests and escalations (eoDaily), once the hierarchy and the calendars are in place.
  if (a.workflows.some((w) => w.processIds.includes(DAILY_PROCESS_KEY))) await ensureDailyMails(acs, log);
  return installed;
}

/**
 * Data Dictionary/eOffice/upgrades.json: when each change that made the repository keep something new began,
 * so that scripts can tell data made before it from data made since. Written once per entry, by the first
 * install that brings it, and never moved: an entry's date is a boundary that later installs must keep.
 * `frozenNoteLedgerSince`: files list the green notes each send froze (eo:frozenNotes, lib.js eoFrozenNotes);
 * a note made before this is taken as frozen on its own date and owner, as it was then.
 */
export const UPGRADES = ['frozenNoteLedgerSince'] as const;

/** The entries of upgrades.json's text; throws where it is not a JSON object. */
export function upgradeRecord(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
  return parsed as Record<string, unknown>;
}

/** The upgrades the record lacks a date for. */
export const upgradesLacking = (record: Record<string, unknown>): string[] =>
  UPGRADES.filter((name) => typeof record[name] !== 'string' || Number.isNaN(Date.parse(record[name] as string)));

async function ensureUpgrades(acs: Acs, log: StepLog, now: Date): Promise<void> {
  const existing = await nodeAt(acs, REPO_PATHS.upgrades);
  let record: Record<string, unknown> = {};
  if (existing) {
    try {
      record = upgradeRecord(await readText(acs, existing.entry.id));
    } catch {
      throw new Error(`${REPO_PATHS.upgrades} is not a JSON object: restore it from a backup (its dates must not move)`);
    }
  }
  const lacking = upgradesLacking(record);
  const garbled = lacking.filter((name) => record[name] !== undefined);
  if (garbled.length)
    throw new Error(`${REPO_PATHS.upgrades}: ${garbled.join(', ')} is no date: restore it from a backup (its dates must not move)`);
  for (const name of lacking) record[name] = now.toISOString();
  await ensureContent(acs, log, {
    folder: REPO_PATHS.eoffice,
    name: 'upgrades.json',
    text: JSON.stringify(record, null, 2) + '\n',
    nodeType: 'cm:content',
    mimeType: 'application/json'
  });
}

/** config/calendar/holidays-<year>.json, uploaded to Data Dictionary/eOffice/ under the same names. */
export const holidayCalendarFiles = (): string[] =>
  fs.existsSync(path.join(CONFIG_DIR, 'calendar'))
    ? fs.readdirSync(path.join(CONFIG_DIR, 'calendar')).filter((n) => /^holidays-\d{4}\.json$/.test(n))
    : [];

async function deployModel(acs: Acs, a: Artefacts, log: StepLog): Promise<void> {
  for (const model of a.models) {
    const id = await ensureContent(acs, log, {
      folder: REPO_PATHS.models,
      name: model.name,
      text: model.xml,
      nodeType: 'cm:dictionaryModel',
      mimeType: 'text/xml'
    });
    // Activation is a separate step, as in Share's model manager: ACS validates the model on it.
    await ensureProperties(acs, log, id, { 'cm:modelActive': true }, `${model.name} active`);
  }
}

async function deployWorkflows(acs: Acs, a: Artefacts, log: StepLog): Promise<void> {
  for (const wf of a.workflows) {
    const id = await ensureContent(acs, log, {
      folder: REPO_PATHS.workflows,
      name: wf.name,
      text: wf.xml,
      nodeType: 'bpm:workflowDefinition',
      mimeType: 'text/xml',
      properties: { 'bpm:engineId': 'activiti' }
    });
    await ensureProperties(acs, log, id, { 'bpm:engineId': 'activiti', 'bpm:definitionDeployed': true }, `${wf.name} deployed`);
  }
}

const bilingual = (en: string, hi: string) => `${en} / ${hi}`;

/** Department group ⊃ section groups ⊃ post groups; posts outside sections sit in the department group. */
async function ensureGroups(acs: Acs, h: Hierarchy, log: StepLog): Promise<void> {
  const dept = departmentGroup(h);
  await ensureGroup(acs, log, dept, `${h.department.code} ${bilingual(h.department.name.en, h.department.name.hi)}`);
  const members = new Map<string, Set<string>>();
  const membersOf = async (g: string) =>
    members.get(g) ?? members.set(g, new Set((await orMissing(groupMembers(acs, g)))?.map((m) => m.id) ?? [])).get(g)!;
  for (const s of h.sections) {
    await ensureGroup(
      acs,
      log,
      sectionGroup(h, s.code),
      `${h.department.code} ${bilingual(s.name.en, s.name.hi)}`,
      dept,
      await membersOf(dept)
    );
  }
  for (const p of h.posts) {
    const parent = p.section ? sectionGroup(h, p.section) : dept;
    await ensureGroup(
      acs,
      log,
      postGroup(h, p.code),
      `${h.department.code} ${bilingual(postTitle(h, p), postTitle(h, p, 'hi'))}`,
      parent,
      await membersOf(parent)
    );
  }
  // The department's oversight (Joint Secretary and above): every item names it as a reader.
  const oversight = oversightGroup(h);
  await ensureGroup(
    acs,
    log,
    oversight,
    `${h.department.code} ${bilingual('Oversight (Joint Secretary and above)', 'पर्यवेक्षण (संयुक्त सचिव एवं ऊपर)')}`
  );
  const overseers = await membersOf(oversight);
  for (const p of oversightPosts(h)) {
    const g = postGroup(h, p.code);
    if (overseers.has(g)) continue;
    await acs.groups.createGroupMembership(oversight, { id: g, memberType: 'GROUP' });
    log.record('updated', `group ${oversight} + ${g}`);
  }
}

/** A transfer of charge made in the repository after the hierarchy file's incumbent was installed. */
export interface InstalledCharge extends PostCharge {
  post: string;
  group: string;
  /** Who holds the post by it now. */
  holder: string;
}

/** "by transfer of charge from priya.nair on 05/12/2026 (the hierarchy file names priya.nair)" */
export const chargeSentence = (k: InstalledCharge): string =>
  `by transfer of charge from ${k.from || 'a vacant post'} on ${officeDate(k.on)} (the hierarchy file names ${k.fileIncumbent || 'nobody'})`;

/**
 * Who holds each post: the hierarchy file's incumbent, unless a transfer of charge (eoCharge) has passed the
 * post on since the file's incumbent was installed. charge.js records that in the repository's hierarchy
 * (HierarchyPost.charge: whom the file named then, and its process); such a transfer is kept while the file
 * still names that incumbent, since the file is then older than the transfer, and only when its eoCharge
 * process exists (a hand-edited record is not a transfer). A file naming someone else is a newer decision and
 * wins, as does `resetCharge`. `json` is what install writes as Data Dictionary/eOffice/hierarchy.json: the
 * file's text itself when nothing is kept.
 */
export async function currentHierarchy(
  acs: Acs,
  file: Hierarchy,
  opts: { resetCharge?: boolean } = {}
): Promise<{ hierarchy: Hierarchy; json: string; kept: InstalledCharge[]; reset: InstalledCharge[] }> {
  const node = await nodeAt(acs, REPO_PATHS.hierarchy);
  let repo: Hierarchy | undefined;
  if (node) {
    try {
      repo = parseHierarchy(JSON.parse(await readText(acs, node.entry.id)));
    } catch {
      repo = undefined; // an unreadable copy is replaced by the file's, as before
    }
  }
  const kept: InstalledCharge[] = [];
  const reset: InstalledCharge[] = [];
  const posts = [];
  for (const p of file.posts) {
    const there = repo?.posts.find((r) => r.code === p.code);
    const charge = there?.charge;
    const transferred =
      there?.incumbent && charge && there.incumbent !== p.incumbent && (charge.fileIncumbent || undefined) === (p.incumbent || undefined);
    if (!transferred || !(await isChargeProcess(acs, charge.process))) {
      posts.push(p);
      continue;
    }
    const k: InstalledCharge = { ...charge, post: p.code, group: postGroup(file, p.code), holder: there.incumbent! };
    if (opts.resetCharge) {
      reset.push(k);
      posts.push(p);
    } else {
      kept.push(k);
      posts.push({ ...p, incumbent: there.incumbent, incumbentName: there.incumbentName, charge });
    }
  }
  if (!kept.length) return { hierarchy: file, json: hierarchyText(file), kept, reset };
  const hierarchy = { ...file, posts };
  return { hierarchy, json: hierarchyText(hierarchy), kept, reset };
}

/** Whether `id` is an eoCharge process the repository ran (GET /processes/{id}; ended ones included). */
async function isChargeProcess(acs: Acs, id: string | undefined): Promise<boolean> {
  if (!id) return false;
  const found = await orMissing(acs.call<{ entry?: { processDefinitionKey?: string } }>('workflow', 'GET', `/processes/${id}`));
  return found?.entry?.processDefinitionKey === 'eoCharge';
}

/**
 * Makes each post group hold exactly its incumbent: a different person in the group is replaced (a
 * transfer of charge); an incumbent without an account leaves the post vacant with a warning.
 */
export async function ensureIncumbents(acs: Acs, h: Hierarchy, log: StepLog): Promise<void> {
  for (const p of h.posts) {
    const group = postGroup(h, p.code);
    if (!p.incumbent) {
      log.record('unchanged', `${group} vacant`);
      continue;
    }
    if (!(await orMissing(acs.people.getPerson(p.incumbent)))) {
      log.record('warning', `${group}: user ${p.incumbent} does not exist, the post stays vacant`);
      continue;
    }
    const people = (await groupMembers(acs, group)).filter((m) => m.memberType === 'PERSON');
    let changed = false;
    for (const m of people.filter((m) => m.id !== p.incumbent)) {
      await acs.groups.deleteGroupMembership(group, m.id);
      await releaseClaimedTasks(acs, group, m.id, log);
      changed = true;
    }
    if (!people.some((m) => m.id === p.incumbent)) {
      await acs.groups.createGroupMembership(group, { id: p.incumbent, memberType: 'PERSON' });
      changed = true;
    }
    log.record(changed ? 'updated' : 'unchanged', `${group} held by ${p.incumbent}`);
  }
}

/**
 * A transfer of charge: movement tasks of the post that the predecessor had claimed (opened) go back to
 * the post's pool, so the successor can take them (eoMovement, config/README.md).
 */
async function releaseClaimedTasks(acs: Acs, group: string, user: string, log: StepLog): Promise<void> {
  for (const variable of ['eowf_holderGroup', 'eowf_approverGroup']) {
    const where = `(assignee='${user}' AND processDefinitionKey='eoMovement' AND variables/${variable}='${group}')`;
    const found = await acs
      .call<{ list?: { entries?: { entry: { id: string } }[] } }>('workflow', 'GET', '/tasks', { where, maxItems: 1000 })
      .catch(() => undefined);
    for (const { entry } of found?.list?.entries ?? []) {
      await acs.call('workflow', 'PUT', `/tasks/${entry.id}`, { select: 'state' }, { state: 'unclaimed' });
      log.record('updated', `task ${entry.id} claimed by ${user} back to ${group}`);
    }
  }
}

async function ensureSite(acs: Acs, h: Hierarchy, log: StepLog): Promise<Installed> {
  const siteId = departmentSite(h);
  if (await orMissing(acs.sites.getSite(siteId))) log.record('unchanged', `site ${siteId}`);
  else {
    await acs.sites.createSite({ id: siteId, title: h.department.name.en, description: h.department.name.hi, visibility: 'PRIVATE' });
    log.record('created', `site ${siteId}`);
  }
  const dept = departmentGroup(h);
  if (await orMissing(acs.sites.getSiteGroupMembership(siteId, dept))) log.record('unchanged', `site ${siteId} member ${dept}`);
  else {
    // Members browse the site; what they may write is narrowed below (intake only) and per item by the workflows.
    await acs.sites.createSiteGroupMembership(siteId, { id: dept, role: 'SiteContributor' });
    log.record('created', `site ${siteId} member ${dept}`);
  }
  const documentLibraryId = (await acs.sites.getSiteContainer(siteId, 'documentLibrary')).entry.folderId;
  const titles: [string, string][] = [
    [FOLDERS.receipts, 'Receipts / आवतियाँ'],
    [FOLDERS.files, 'e-Files / ई-फ़ाइलें'],
    [FOLDERS.computerNumbers, 'Computer No. register / कंप्यूटर संख्या रजिस्टर']
  ];
  // Series folders and the Computer No. register: every officer reads them, only the registration
  // workflow (run as the administrator) writes them, so nobody can take, skip or free a number.
  const readOnly = { inherit: false, set: { [dept]: 'Consumer' } };
  for (const [folder, title] of titles) {
    const id = await ensureFolder(acs, log, documentLibraryId, folder, title, `${siteId}/documentLibrary/${folder}`);
    await ensurePermissions(acs, log, id, readOnly, `${siteId}/documentLibrary/${folder}`);
  }
  await ensureIntake(acs, h, log, siteId, documentLibraryId);
  return { siteId, documentLibraryId };
}

/**
 * Intake/<post>: where a post creates a receipt or file before eoRegister numbers it and moves it into its
 * series. Only that post may add to its folder (Contributor: each creator owns, and alone edits, what it
 * created), nobody else reads it; Intake itself is read-only, so no officer can plant a post's folder.
 */
async function ensureIntake(acs: Acs, h: Hierarchy, log: StepLog, siteId: string, documentLibraryId: string): Promise<void> {
  const label = `${siteId}/documentLibrary/${FOLDERS.intake}`;
  const root = await ensureFolder(
    acs,
    log,
    documentLibraryId,
    FOLDERS.intake,
    'Intake (before numbering) / प्राप्ति (क्रमांकन से पूर्व)',
    label
  );
  await ensurePermissions(acs, log, root, { inherit: false, set: { [departmentGroup(h)]: 'Consumer' } }, label);
  for (const p of h.posts) {
    const id = await ensureFolder(
      acs,
      log,
      documentLibraryId,
      intakeFolder(p.code),
      undefined,
      `${siteId}/documentLibrary/${intakeFolder(p.code)}`
    );
    await ensurePermissions(acs, log, id, { inherit: false, set: { [postGroup(h, p.code)]: 'Contributor' } }, `${label}/${p.code}`);
  }
}
