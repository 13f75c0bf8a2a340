// `eoffice doctor --consistency`: does what the repository holds keep the custody promise?
//
// Read through the public REST API as an administrator (who sees every node and every task), so it runs
// the same against a real ACS and the local repository, and trusts nothing an officer could have written
// into a task or process variable: an item is found by walking the department's series folders, and a
// task is tied to its item through the process's package. What it verifies:
// - custody: an item in movement or parked has exactly one open eoMovement task, offered to the post that
//   holds it (eo:currentHolder), or the approval task of a close its holder asked for; a closed item at most
//   the approval task of a reopen request; any other item none; and no open task moves something that is
//   not an item of the series trees;
// - the movement record: each item's Movements/ children are 000001 … n, with eo:movementSequence = name, and
//   the item's eo:lastMovement (where kept) is n;
// - numbers: in each series folder (Receipts/<year>/<section>, Files/<year>/<section>, Registers/Computer
//   No/<year>) the names are 000001 … n without a gap, the formal number matches the name, and receipt
//   numbers, file numbers and Computer Nos are each unique in the department and carried by one item.
import type { Acs } from './acs';
import { orMissing } from './acs';
import {
  computerNumberOf,
  departmentSite,
  EO_TYPES,
  FOLDERS,
  padNumber,
  parseReceiptNumber,
  postOfGroup,
  type Hierarchy
} from '@eoffice/domain';

export type FindingKind = 'custody' | 'movements' | 'numbers';

export interface Finding {
  kind: FindingKind;
  /** What the finding is about: an item (its number and path), a series folder or a task. */
  subject: string;
  what: string;
}

export interface ConsistencyReport {
  findings: Finding[];
  items: number;
  openTasks: number;
  series: number;
}

interface NodeRow {
  id: string;
  name: string;
  nodeType: string;
  isFolder: boolean;
  properties: Record<string, unknown>;
}

interface Item extends NodeRow {
  /** Series folder path below the document library, e.g. Receipts/2026/EST. */
  series: string;
  label: string;
}

interface OpenTask {
  id: string;
  processId: string;
  activityDefinitionId: string;
}

const NUMBERED = /^\d{6}$/;
const MOVEMENT_PROCESS = 'eoMovement';
/** Where the workflow binds each movement process to its item (config/workflow/src/lib.js, eoBind). */
const BINDINGS_PATH = 'Data Dictionary/eOffice/Movements';
/** Requests in flight at once: enough to be quick, few enough not to load a production repository. */
const WIDTH = 4;

export async function checkConsistency(acs: Acs, h: Hierarchy): Promise<ConsistencyReport> {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, subject: string, what: string) => findings.push({ kind, subject, what });

  const site = departmentSite(h);
  const docLib = await orMissing(acs.sites.getSiteContainer(site, 'documentLibrary'));
  if (!docLib) throw new Error(`The department site ${site} has no document library: run install first`);
  const docLibId = docLib.entry.folderId;

  const items: Item[] = [];
  let series = 0;
  for (const [root, type] of [
    [FOLDERS.receipts, EO_TYPES.receipt],
    [FOLDERS.files, EO_TYPES.file]
  ] as const) {
    for (const folder of await seriesFolders(acs, docLibId, root, 2)) {
      series++;
      const children = await childrenOf(acs, folder.id);
      checkSeries(folder.path, children, add);
      for (const child of children.filter((c) => NUMBERED.test(c.name))) {
        if (child.nodeType !== type) {
          add('numbers', `${folder.path}/${child.name}`, `is a ${child.nodeType}, not an ${type}: the number is taken by no item`);
          continue;
        }
        const item: Item = { ...child, series: folder.path, label: `${itemNumber(child) || '(no number)'} (${folder.path}/${child.name})` };
        checkFormalNumber(item, h, add);
        items.push(item);
      }
    }
  }
  checkUnique(items, 'eo:receiptNumber', 'receipt number', add);
  checkUnique(items, 'eo:fileNumber', 'file number', add);
  series += await checkComputerNumbers(acs, docLibId, items, add);

  await pool(items, WIDTH, async (item) => checkMovements(acs, item, add));
  const openTasks = await checkCustody(acs, h, items, add);
  return { findings, items: items.length, openTasks, series };
}

/** The folders `depth` levels below `root` (Receipts → year → section). */
async function seriesFolders(acs: Acs, docLibId: string, root: string, depth: number): Promise<{ id: string; path: string }[]> {
  const top = await orMissing(acs.nodes.getNode(docLibId, { relativePath: root }));
  let level = top ? [{ id: top.entry.id, path: root }] : [];
  for (let i = 0; i < depth; i++) {
    const next: { id: string; path: string }[] = [];
    for (const f of level)
      for (const c of await childrenOf(acs, f.id)) if (c.isFolder) next.push({ id: c.id, path: `${f.path}/${c.name}` });
    level = next;
  }
  return level;
}

/** Every child of a folder, all pages, with properties. */
async function childrenOf(acs: Acs, folderId: string): Promise<NodeRow[]> {
  const out: NodeRow[] = [];
  for (let skipCount = 0; ; ) {
    const page = await acs.nodes.listNodeChildren(folderId, {
      skipCount,
      maxItems: 1000,
      include: ['properties']
    });
    const entries = page.list?.entries ?? [];
    out.push(
      ...entries.map(({ entry: e }) => ({
        id: e.id,
        name: e.name,
        nodeType: e.nodeType,
        isFolder: !!e.isFolder,
        properties: (e.properties ?? {}) as Record<string, unknown>
      }))
    );
    if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
    skipCount += entries.length;
  }
}

/** Names of a numbered folder: 000001 … n, nothing else. */
function checkSeries(
  path: string,
  children: NodeRow[],
  add: (kind: FindingKind, subject: string, what: string) => void,
  kind: FindingKind = 'numbers'
) {
  for (const c of children.filter((c) => !NUMBERED.test(c.name))) add(kind, path, `holds "${c.name}", which is not a number of the series`);
  const taken = children
    .filter((c) => NUMBERED.test(c.name))
    .map((c) => Number(c.name))
    .sort((a, b) => a - b);
  for (const range of missingRanges(taken)) add(kind, path, `${range} missing: the numbers have a gap`);
}

/** "000004" or "000004 to 000009" for each run of numbers absent below the highest. */
function missingRanges(sorted: number[]): string[] {
  const out: string[] = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) out.push(n - 1 === expected ? padNumber(expected) : `${padNumber(expected)} to ${padNumber(n - 1)}`);
    expected = Math.max(expected, n + 1);
  }
  return out;
}

const itemNumber = (n: NodeRow): string => String(n.properties['eo:receiptNumber'] ?? n.properties['eo:fileNumber'] ?? '');

/** The number an item shows is the one its name claimed. */
function checkFormalNumber(item: Item, h: Hierarchy, add: (kind: FindingKind, subject: string, what: string) => void) {
  const n = Number(item.name);
  const p = item.properties;
  const serialProp = item.nodeType === EO_TYPES.receipt ? 'eo:receiptSerial' : 'eo:fileSerial';
  if (Number(p[serialProp]) !== n) add('numbers', item.label, `${serialProp} is ${String(p[serialProp])}, its name claims ${n}`);
  if (item.nodeType === EO_TYPES.receipt) {
    const [, year, section] = item.series.split('/');
    const parsed = parseReceiptNumber(String(p['eo:receiptNumber'] ?? ''));
    if (
      !parsed ||
      parsed.number !== n ||
      String(parsed.year) !== year ||
      parsed.section !== section ||
      parsed.department !== h.department.code
    )
      add(
        'numbers',
        item.label,
        `receipt number does not match its place in the series (expected ${n}/${year}/${section}-${h.department.code})`
      );
  }
}

function checkUnique(items: Item[], prop: string, what: string, add: (kind: FindingKind, subject: string, what: string) => void) {
  const by = new Map<string, Item[]>();
  for (const i of items) {
    const v = i.properties[prop];
    if (v === undefined || v === null || v === '') continue;
    by.set(String(v), [...(by.get(String(v)) ?? []), i]);
  }
  for (const [value, holders] of by)
    if (holders.length > 1)
      add('numbers', `${what} ${value}`, `carried by ${holders.length} items: ${holders.map((i) => `${i.series}/${i.name}`).join(', ')}`);
}

/** Computer No. markers gap-free per year, and each number carried by exactly one item. Returns the series count. */
async function checkComputerNumbers(
  acs: Acs,
  docLibId: string,
  items: Item[],
  add: (kind: FindingKind, subject: string, what: string) => void
): Promise<number> {
  const years = await seriesFolders(acs, docLibId, FOLDERS.computerNumbers, 1);
  const claimed = new Set<number>();
  for (const year of years) {
    const markers = await childrenOf(acs, year.id);
    checkSeries(year.path, markers, add);
    for (const m of markers.filter((m) => NUMBERED.test(m.name)))
      claimed.add(computerNumberOf(Number(year.path.split('/').pop()), Number(m.name)));
  }
  const carriers = new Map<number, Item[]>();
  for (const i of items) {
    const raw = i.properties['eo:computerNumber'];
    if (raw === undefined || raw === null || raw === '') {
      add('numbers', i.label, 'has no Computer No.');
      continue;
    }
    const c = Number(raw);
    if (!claimed.has(c)) add('numbers', i.label, `Computer No. ${c} was never claimed in ${FOLDERS.computerNumbers}`);
    carriers.set(c, [...(carriers.get(c) ?? []), i]);
  }
  for (const [c, holders] of carriers)
    if (holders.length > 1)
      add('numbers', `Computer No. ${c}`, `carried by ${holders.length} items: ${holders.map((i) => `${i.series}/${i.name}`).join(', ')}`);
  for (const c of [...claimed].sort((a, b) => a - b))
    if (!carriers.has(c)) add('numbers', `Computer No. ${c}`, 'claimed but carried by no item');
  return years.length;
}

/** Movements/ of an item: 000001 … n, each with its own sequence number. */
async function checkMovements(acs: Acs, item: Item, add: (kind: FindingKind, subject: string, what: string) => void) {
  const folder = await orMissing(acs.nodes.getNode(item.id, { relativePath: 'Movements' }));
  // The folder comes with the first movement recorded; a start alone records none.
  if (!folder) return;
  const rows = await childrenOf(acs, folder.entry.id);
  checkSeries(item.label, rows, add, 'movements');
  let latest = 0;
  for (const r of rows.filter((r) => NUMBERED.test(r.name))) {
    latest = Math.max(latest, Number(r.name));
    if (r.nodeType !== 'eo:movement') add('movements', item.label, `Movements/${r.name} is a ${r.nodeType}, not an eo:movement`);
    else if (Number(r.properties['eo:movementSequence']) !== Number(r.name))
      add('movements', item.label, `Movements/${r.name} has sequence ${String(r.properties['eo:movementSequence'])}`);
  }
  // What the workflow keeps on the item so as not to list the history on every movement (items moved before
  // it was kept have none; the workflow lists the history for them and for any item where it disagrees).
  const kept = item.properties['eo:lastMovement'];
  if (kept !== undefined && kept !== null && Number(kept) !== latest)
    add('movements', item.label, `eo:lastMovement is ${String(kept)} but the latest movement is ${padNumber(latest)}`);
}

/** Open eoMovement tasks against the items' custody. Returns how many tasks are open. */
async function checkCustody(
  acs: Acs,
  h: Hierarchy,
  items: Item[],
  add: (kind: FindingKind, subject: string, what: string) => void
): Promise<number> {
  const tasks = await openMovementTasks(acs);
  // A process moves the item its binding names (Data Dictionary/eOffice/Movements/<process id>, written by
  // the workflow alone); the package is caller-controlled, and the scripts never read it after the start.
  const processItems = new Map<string, string | null>();
  await pool([...new Set(tasks.map((t) => t.processId))], WIDTH, async (pid) => {
    const binding = await orMissing(acs.nodes.getNode('-root-', { relativePath: `${BINDINGS_PATH}/${pid}`, include: ['properties'] }));
    const bound = binding?.entry.properties?.['eo:boundItem'];
    processItems.set(pid, bound ? String(bound).replace(/^workspace:\/\/SpacesStore\//, '') : null);
  });
  const candidates = new Map<string, string[]>();
  await pool(tasks, WIDTH, async (t) => {
    const page = await acs.call<{ list: { entries: { entry: { candidateType: string; candidateId: string } }[] } }>(
      'workflow',
      'GET',
      `/tasks/${t.id}/candidates`,
      { maxItems: 100 }
    );
    candidates.set(
      t.id,
      page.list.entries.filter((e) => e.entry.candidateType === 'group').map((e) => e.entry.candidateId)
    );
  });

  const byId = new Map(items.map((i) => [i.id, i]));
  const tasksOf = new Map<string, OpenTask[]>();
  for (const t of tasks) {
    const moved = processItems.get(t.processId);
    if (!moved) {
      add('custody', `task ${t.id} (process ${t.processId})`, `its process is bound to no item (no binding under ${BINDINGS_PATH})`);
      continue;
    }
    if (!byId.has(moved)) {
      add(
        'custody',
        `task ${t.id} (process ${t.processId})`,
        `moves node ${moved}, which is no receipt or file of the department's series`
      );
      continue;
    }
    tasksOf.set(moved, [...(tasksOf.get(moved) ?? []), t]);
  }

  for (const item of items) {
    const status = String(item.properties['eo:status'] ?? '');
    const holder = String(item.properties['eo:currentHolder'] ?? '');
    const open = tasksOf.get(item.id) ?? [];
    const list = open.map((t) => `${t.activityDefinitionId} task ${t.id} of process ${t.processId}`).join(', ');
    if (status === 'inMovement' || status === 'parked') {
      if (!postOfGroup(h, holder)) add('custody', item.label, `is ${status} but held by "${holder}", which is no post of the department`);
      if (open.length === 0) add('custody', item.label, `is ${status} (held by ${holder}) but has no open movement task`);
      else if (open.length > 1) add('custody', item.label, `has ${open.length} open movement tasks: ${list}`);
      else checkOpenTask(item, open[0], candidates.get(open[0].id) ?? [], add);
    } else if (status === 'closed') {
      // A reopen asked below Section Officer waits for its approval with the item still closed.
      if (open.length > 1 || (open.length === 1 && open[0].activityDefinitionId !== 'approval'))
        add('custody', item.label, `is closed but has open movement tasks: ${list}`);
      else if (open.length === 1) checkOpenTask(item, open[0], candidates.get(open[0].id) ?? [], add);
    } else if (open.length)
      add('custody', item.label, `is ${status || 'without status'}, not in movement, but has open movement tasks: ${list}`);
  }
  return tasks.length;
}

/**
 * The one open task of an item in movement: the holder's, or the approval of a request its holder made.
 * Where the workflow records them on the item (eo:movementProcess, eo:approverPost), the task must
 * belong to that process and be offered to that approver.
 */
function checkOpenTask(item: Item, task: OpenTask, offeredTo: string[], add: (kind: FindingKind, subject: string, what: string) => void) {
  const holder = String(item.properties['eo:currentHolder'] ?? '');
  const bound = item.properties['eo:movementProcess'];
  if (bound && String(bound) !== task.processId)
    add(
      'custody',
      item.label,
      `its open task ${task.id} belongs to process ${task.processId}, but the item is bound to process ${String(bound)}`
    );
  const offered = offeredTo.join(', ') || 'nobody';
  if (task.activityDefinitionId === 'approval') {
    const approver = item.properties['eo:approverPost'] ?? item.properties['eo:pendingApprover'];
    if (approver && !offeredTo.includes(String(approver)))
      add('custody', item.label, `its approval task ${task.id} is offered to ${offered}, not to the approver ${String(approver)}`);
  } else if (!offeredTo.includes(holder))
    add('custody', item.label, `its open task ${task.id} is offered to ${offered}, not to its holder ${holder}`);
}

/** Every open task of the movement workflow (an administrator's task list is not filtered by involvement). */
async function openMovementTasks(acs: Acs): Promise<OpenTask[]> {
  const out: OpenTask[] = [];
  for (let skipCount = 0; ; ) {
    const page = await acs.call<{
      list: { entries: { entry: OpenTask }[]; pagination?: { hasMoreItems?: boolean } };
    }>('workflow', 'GET', '/tasks', { where: `(processDefinitionKey='${MOVEMENT_PROCESS}')`, skipCount, maxItems: 1000 });
    const entries = page.list.entries;
    out.push(...entries.map(({ entry: e }) => ({ id: e.id, processId: e.processId, activityDefinitionId: e.activityDefinitionId })));
    if (!page.list.pagination?.hasMoreItems || !entries.length) return out;
    skipCount += entries.length;
  }
}

async function pool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export function printConsistency(report: ConsistencyReport, out: (line: string) => void = (l) => console.log(l)): void {
  for (const f of report.findings) out(`FINDING  ${f.kind.padEnd(9)} ${f.subject}: ${f.what}`);
  const checked = `${report.items} items, ${report.openTasks} open movement tasks, ${report.series} series folders checked`;
  if (report.findings.length) out('');
  out(report.findings.length ? `${report.findings.length} finding(s); ${checked}.` : `Consistent: ${checked}, no findings.`);
}
