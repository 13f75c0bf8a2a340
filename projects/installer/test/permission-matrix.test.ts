/**
 * The permission matrix of docs/security.md ("Who may do what"), generated from the document: the table is
 * parsed here and every cell becomes one test that performs its REST call as an officer with that relation
 * to an e-file in that state. A cell this file cannot perform fails, so the table and the test cannot drift.
 *
 * Every call is raw REST (the adversary's tool), not the extension's client. Refused calls must also leave
 * the file's custody, numbers and movement record as they were. Fixtures: read-only and refused cells share
 * one file per state; a call that is allowed and changes something gets a fresh file of its own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createInIntake, registerItem } from '@eoffice/domain';
import { artefacts } from './support';
import {
  actOn,
  item,
  movements,
  PASSWORD,
  registrationClient,
  startDepartment,
  startMovement,
  taskOf,
  type Department,
  type MovementRow
} from './movement-support';

// ------------------------------------------------------------------ the table

const SECURITY_MD = path.resolve(__dirname, '../../../docs/security.md');
const SECTION = '## Who may do what';

const STATES = ['created', 'inMovement', 'parked', 'closed'] as const;
type State = (typeof STATES)[number];

/** Column headings of the table → the relation they name. */
const RELATIONS = {
  holder: 'holder',
  'sender (unopened)': 'sender',
  'earlier holder': 'earlier',
  approver: 'approver',
  'other officer': 'other',
  'Central Registry': 'registry',
  oversight: 'oversight',
  outsider: 'outsider'
} as const;
type Relation = (typeof RELATIONS)[keyof typeof RELATIONS];

/** Cell codes (the table's legend). */
const CODES = {
  '✓': 'allowed',
  '⚠': 'allowed, though it should not be',
  '○': 'accepted, without effect',
  '✗': 'refused',
  '—': 'no such officer or target'
} as const;
type Code = keyof typeof CODES;
/** Codes whose call succeeds: where it changes something, the cell gets a file of its own. */
const FRESH_CODES: string[] = ['✓', '⚠', '○'];

interface Cell {
  state: State;
  action: string;
  relation: Relation;
  heading: string;
  code: string;
}

/** The cells of the "Who may do what" table: `| state | action | <relation> … |`. */
function readMatrix(): { cells: Cell[]; problems: string[] } {
  const text = fs.readFileSync(SECURITY_MD, 'utf8');
  const start = text.indexOf(`\n${SECTION}\n`);
  if (start < 0) return { cells: [], problems: [`docs/security.md has no section "${SECTION}"`] };
  const rest = text.slice(start + SECTION.length + 2);
  const section = rest.slice(0, rest.search(/\n## |$/));
  const rows = section
    .split('\n')
    .filter((l) => l.trimStart().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
    );
  const header = rows.findIndex((r) => r[0] === 'state' && r[1] === 'action');
  if (header < 0) return { cells: [], problems: ['the table has no header row `| state | action | … |`'] };
  const headings = rows[header].slice(2);
  const problems: string[] = [];
  for (const h of headings) if (!(h in RELATIONS)) problems.push(`unknown column "${h}"`);
  const cells: Cell[] = [];
  for (const row of rows.slice(header + 1)) {
    if (row.every((c) => /^:?-+:?$/.test(c))) continue;
    const [state, action, ...codes] = row;
    if (codes.length !== headings.length)
      problems.push(`row "${state} | ${action}" has ${codes.length} cells for ${headings.length} columns`);
    headings.forEach((heading, i) =>
      cells.push({
        state: state as State,
        action,
        heading,
        relation: RELATIONS[heading as keyof typeof RELATIONS],
        code: codes[i] ?? ''
      })
    );
  }
  return { cells, problems };
}

// ------------------------------------------------------------------ officers and fixtures

const OFFICERS = {
  opener: 'amit.kumar', // ASO_EST_1: opens every file
  so: 'priya.nair', // SO_EST
  us: 'kavita.joshi', // US_EST: holds the file from "in movement" on
  other: 'farhan.ali', // ASO_EST_3: the same section, never in the file's path
  registry: 'pooja.patel', // CRU
  oversight: 'rajesh.verma', // JS, in GROUP_EO_GAD_OVERSIGHT
  outsider: 'outsider.user' // a user of the repository outside the department
};

interface Fixture {
  state: State;
  id: string;
  /** A green note written before registration: the file's content. */
  note: string;
  notes: string;
  correspondence: string;
  /** The movement process (running, or ended for a closed file). */
  pid?: string;
  /** The holder task (the last one, completed, for a closed file). */
  task?: string;
  /** The approval task of a close the holder asked for. */
  approval?: string;
  /** Who has each relation to the file as prepared (null: nobody). */
  officers: Record<Relation, string | null>;
}

/** The file's movement record ([] before its first movement, when it has no Movements/ yet). */
async function movementsOf(d: Department, id: string): Promise<MovementRow[]> {
  try {
    return await movements(d.admin, id);
  } catch (e) {
    if ((e as { status?: number }).status === 404) return [];
    throw e;
  }
}

/** What a refused call must leave as it was: custody, numbers, the movement record, the task's claim. */
async function custody(d: Department, f: Fixture) {
  const { name, properties: p } = (await d.admin.nodes.getNode(f.id, { include: ['properties'] })).entry as {
    name: string;
    properties: Record<string, any>;
  };
  let assignee: string | null = null;
  if (p['eo:movementProcess']) assignee = (await taskOf(d, p['eo:movementProcess'])).assignee ?? null;
  return {
    name,
    subject: p['eo:subject'],
    status: p['eo:status'],
    holder: p['eo:currentHolder'],
    previous: p['eo:previousHolder'] ?? null,
    process: p['eo:movementProcess'] ?? null,
    pullBackBy: p['eo:pullBackBy'] ?? null,
    pending: [p['eo:pendingRequest'] ?? null, p['eo:approverPost'] ?? null],
    number: p['eo:fileNumber'],
    computerNumber: p['eo:computerNumber'],
    assignee,
    movements: await movementsOf(d, f.id)
  };
}

// ------------------------------------------------------------------ raw REST

interface Answer {
  status: number;
  summary: string;
}

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const WORKFLOW = '/alfresco/api/-default-/public/workflow/versions/1';

async function rest(d: Department, user: string, method: string, url: string, body?: unknown): Promise<Answer> {
  const res = await fetch(d.repo.url + url, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  let summary = '';
  try {
    summary = JSON.parse(text).error?.briefSummary ?? '';
  } catch {
    // content, or an empty answer
  }
  return { status: res.status, summary };
}

const local = (vars: Record<string, string>) => Object.entries(vars).map(([name, value]) => ({ name, value, scope: 'local' }));

/** How each row of the table is performed: the REST call, and whether it changes something when allowed. */
interface Action {
  /** The fixture this row acts on: the plain one, or one with a close waiting for approval. */
  closing?: boolean;
  /**
   * Changes the file, its custody or its task when allowed, so that later cells would meet another file: an
   * allowed call needs a fresh file. Adding to a working folder, or setting variables no script reads as
   * authority, leaves the shared file as the other cells need it.
   */
  mutates: boolean;
  /** What the call needs of the fixture; undefined when the fixture has nothing to act on. */
  target?: (f: Fixture) => string | undefined;
  /**
   * Opening the item first, as the officer's client does (claim, then complete): the cell is about what
   * follows, so custody is compared from after the claim; a refused claim refuses the cell.
   */
  opens?: boolean;
  perform(d: Department, user: string, f: Fixture): Promise<Answer>;
}

const claimTask = (d: Department, user: string, task: string) =>
  rest(d, user, 'PUT', `${WORKFLOW}/tasks/${task}?select=state`, { state: 'claimed' });

/** Claim and complete in one: a refused claim is the answer. */
async function claimAndComplete(d: Department, user: string, task: string, vars: Record<string, string>): Promise<Answer> {
  const claimed = await claimTask(d, user, task);
  if (claimed.status >= 300) return claimed;
  return rest(d, user, 'PUT', `${WORKFLOW}/tasks/${task}?select=state,variables`, { state: 'completed', variables: local(vars) });
}

const ACTIONS: Record<string, Action> = {
  'read metadata': {
    mutates: false,
    perform: (d, u, f) => rest(d, u, 'GET', `${CORE}/nodes/${f.id}?include=properties`)
  },
  'read content': {
    mutates: false,
    perform: (d, u, f) => rest(d, u, 'GET', `${CORE}/nodes/${f.note}/content`)
  },
  'update properties': {
    mutates: true,
    perform: (d, u, f) => rest(d, u, 'PUT', `${CORE}/nodes/${f.id}`, { properties: { 'eo:subject': `Changed by ${u}` } })
  },
  rename: {
    mutates: true,
    perform: (d, u, f) => rest(d, u, 'PUT', `${CORE}/nodes/${f.id}`, { name: '999999' })
  },
  delete: {
    mutates: true,
    perform: (d, u, f) => rest(d, u, 'DELETE', `${CORE}/nodes/${f.id}`)
  },
  copy: {
    mutates: false,
    perform: (d, u, f) => rest(d, u, 'POST', `${CORE}/nodes/${f.id}/copy`, { targetParentId: '-my-', name: `Copy ${Date.now()}` })
  },
  'add a note': {
    mutates: false,
    perform: (d, u, f) =>
      rest(d, u, 'POST', `${CORE}/nodes/${f.notes}/children`, {
        name: '000099',
        nodeType: 'eo:note',
        properties: { 'eo:noteNumber': 99, 'eo:noteColour': 'yellow', 'cm:title': `Note by ${u}` }
      })
  },
  'add correspondence': {
    mutates: false,
    perform: (d, u, f) => rest(d, u, 'POST', `${CORE}/nodes/${f.correspondence}/children`, { name: '000099', nodeType: 'cm:content' })
  },
  'claim its task': {
    mutates: true,
    target: (f) => f.task,
    perform: (d, u, f) => claimTask(d, u, f.task!)
  },
  'complete its task (send)': {
    mutates: true,
    target: (f) => f.task,
    opens: true,
    perform: (d, u, f) =>
      rest(d, u, 'PUT', `${WORKFLOW}/tasks/${f.task}?select=state,variables`, {
        state: 'completed',
        variables: local({ eowf_action: 'send', eowf_to: 'DS', eowf_remarks: `Sent by ${u}` })
      })
  },
  'pull it back': {
    mutates: true,
    target: (f) => f.task,
    opens: true,
    perform: (d, u, f) =>
      rest(d, u, 'PUT', `${WORKFLOW}/tasks/${f.task}?select=state,variables`, {
        state: 'completed',
        variables: local({ eowf_action: 'pullBack', eowf_remarks: '' })
      })
  },
  'approve a pending close': {
    closing: true,
    mutates: true,
    target: (f) => f.approval,
    // the approval task is claimed by whoever decides: a claim by anyone else is part of the attempt
    perform: (d, u, f) => claimAndComplete(d, u, f.approval!, { eowf_decision: 'approve', eowf_remarks: `Approved by ${u}` })
  },
  'start a movement': {
    mutates: true,
    perform: (d, u, f) =>
      rest(d, u, 'POST', `${WORKFLOW}/processes`, {
        processDefinitionKey: 'eoMovement',
        items: [f.id],
        // acting for the officer's own post; the outsider claims the opener's
        variables: { eowf_fromPost: u === OFFICERS.outsider ? 'ASO_EST_1' : d.postOf(u), eowf_remarks: '' }
      })
  },
  'delete its process': {
    mutates: true,
    target: (f) => f.pid,
    perform: (d, u, f) => rest(d, u, 'DELETE', `${WORKFLOW}/processes/${f.pid}`)
  },
  'set its process variables': {
    mutates: false,
    target: (f) => f.pid,
    perform: (d, u, f) =>
      rest(d, u, 'POST', `${WORKFLOW}/processes/${f.pid}/variables`, [
        { name: 'eowf_holder', value: 'ASO_EST_3', type: 'd:text' },
        { name: 'eowf_holderGroup', value: d.group('ASO_EST_3'), type: 'd:text' },
        { name: 'eowf_opened', value: false, type: 'd:boolean' }
      ])
  }
};

// ------------------------------------------------------------------ the tests

describe('permission matrix: who may do what to an e-file (docs/security.md)', () => {
  const { cells, problems } = readMatrix();
  const hierarchy = artefacts().hierarchy;
  let d: Department;
  const shared = new Map<string, Promise<Fixture>>();
  let building: Promise<unknown> = Promise.resolve();

  before(async () => {
    d = await startDepartment();
    await d.admin.people.createPerson({
      id: OFFICERS.outsider,
      firstName: 'Outside',
      lastName: 'User',
      password: PASSWORD,
      email: 'outsider@example.org'
    });
    // Fresh files for the cells whose call is allowed and changes something, a few at a time.
    const wanted: [State, boolean][] = [];
    for (const c of cells) {
      const action = ACTIONS[c.action];
      if (action?.mutates && FRESH_CODES.includes(c.code) && (STATES as readonly string[]).includes(c.state))
        wanted.push([c.state, !!action.closing]);
    }
    const queue = wanted.map(([state, closing]) => {
      const key = keyOf(state, closing);
      let resolve!: (f: Promise<Fixture>) => void;
      const slot = new Promise<Fixture>((r) => (resolve = r as never));
      pool.set(key, [...(pool.get(key) ?? []), slot]);
      return () => {
        const made = prepare(state, key.endsWith('true'));
        resolve(made);
        return made;
      };
    });
    const workers = Array.from({ length: 3 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next().catch(() => undefined);
    });
    building = Promise.all(workers);
  });
  after(async () => {
    await building;
    await d?.stop();
  });

  /** The incumbent of the post whose group is `group`. */
  const incumbentOf = (group: string): string | null => hierarchy.posts.find((p) => d.group(p.code) === group)?.incumbent ?? null;

  /** A file the opener made, with its portions and a green note, numbered and not yet moving. */
  async function openFile(subject: string): Promise<Fixture> {
    const acs = await d.as(OFFICERS.opener);
    const client = registrationClient(acs);
    const id = await createInIntake(client, d.docLib, 'ASO_EST_1', 'eo:file', {
      'eo:fileSection': 'EST',
      'eo:basicHead': 'A',
      'eo:primaryHead': '11',
      'eo:secondaryHead': '011',
      'eo:subject': subject
    });
    const folders: Record<string, string> = {};
    for (const name of ['Notes', 'Correspondence', 'Drafts', 'Dispatches'])
      folders[name] = (await acs.nodes.createNode(id, { name, nodeType: 'cm:folder' })).entry.id;
    const note = await acs.nodes.createNode(folders['Notes'], {
      name: '000001',
      nodeType: 'eo:note',
      properties: { 'eo:noteNumber': 1, 'eo:noteColour': 'green', 'cm:title': 'Opening note' }
    } as never);
    await acs.nodes.updateNodeContent(note.entry.id, 'The case for opening this file.');
    await registerItem(client, id, 'ASO_EST_1');
    const officers = {} as Fixture['officers'];
    return { state: 'created', id, note: note.entry.id, notes: folders['Notes'], correspondence: folders['Correspondence'], officers };
  }

  /**
   * A file in `state`: created by the opener; in movement = sent by the opener to the Section Officer, who
   * opened it and sent it to the Under Secretary, unopened there; parked and closed by the Under Secretary.
   * `closing`: the Under Secretary (in movement or parked) then asks the Deputy Secretary to approve a close.
   */
  async function prepare(state: State, closing: boolean): Promise<Fixture> {
    const f = await openFile(`${state}${closing ? ' closing' : ''} ${Date.now()}`);
    f.state = state;
    if (state !== 'created') {
      const pid = await startMovement(await d.as(OFFICERS.opener), f.id, 'ASO_EST_1');
      await actOn(d, pid, OFFICERS.opener, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: '' });
      await actOn(d, pid, OFFICERS.so, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: '' });
      f.pid = pid;
      if (state === 'parked') await actOn(d, pid, OFFICERS.us, { eowf_action: 'park', eowf_remarks: '' });
      if (state === 'closed') {
        f.task = (await taskOf(d, pid)).id;
        await actOn(d, pid, OFFICERS.us, { eowf_action: 'close', eowf_remarks: '' });
      } else if (closing) {
        await actOn(d, pid, OFFICERS.us, { eowf_action: 'close', eowf_to: 'DS', eowf_remarks: 'Nothing more to do' });
        f.approval = (await taskOf(d, pid)).id;
      } else f.task = (await taskOf(d, pid)).id;
    }
    for (const relation of Object.values(RELATIONS)) f.officers[relation] = await officer(relation, f);
    return f;
  }

  /** A close can wait for approval only on a file in movement or parked. */
  const keyOf = (state: State, closing: boolean) => `${state}/${closing && (state === 'inMovement' || state === 'parked')}`;
  /** Fresh files made ahead, in parallel, for the cells that need one (see before()). */
  const pool = new Map<string, Promise<Fixture>[]>();

  const fixture = (state: State, closing: boolean, fresh: boolean): Promise<Fixture> => {
    const key = keyOf(state, closing);
    closing = key.endsWith('true');
    if (fresh) return pool.get(key)?.shift() ?? prepare(state, closing);
    return shared.get(key) ?? shared.set(key, prepare(state, closing)).get(key)!;
  };
  /** A shared file something was done to (a cell that should have been refused) is not used again. */
  const spoilt = (f: Fixture) => {
    for (const [key, p] of shared) void p.then((s) => s === f && shared.delete(key));
  };

  /** The officer with `relation` to the file, or null where the fixture has none. */
  async function officer(relation: Relation, f: Fixture): Promise<string | null> {
    // read from the file as prepared, so that the relation is what the repository says, not what the test meant
    const p = await item(d, f.id);
    switch (relation) {
      case 'holder':
        return incumbentOf(p['eo:currentHolder']);
      case 'sender':
        return p['eo:pullBackBy'] ? incumbentOf(p['eo:pullBackBy']) : null;
      case 'approver':
        return p['eo:approverPost'] ? incumbentOf(p['eo:approverPost']) : null;
      case 'earlier': {
        // the opener, once the file has left it
        const passed = (await movementsOf(d, f.id)).some((m) => m.from === d.group('ASO_EST_1'));
        return passed && p['eo:currentHolder'] !== d.group('ASO_EST_1') ? OFFICERS.opener : null;
      }
      default:
        return OFFICERS[relation];
    }
  }

  it('the table is complete: every state × action the test performs, every relation, known codes only', () => {
    assert.deepEqual(problems, []);
    assert.ok(cells.length > 0, 'no cells read');
    for (const state of STATES)
      for (const action of Object.keys(ACTIONS))
        assert.ok(
          cells.some((c) => c.state === state && c.action === action),
          `no row for ${state} × ${action}`
        );
    const seen = new Set(cells.map((c) => `${c.state}|${c.action}|${c.relation}`));
    assert.equal(seen.size, cells.length, 'a row appears twice');
  });

  for (const cell of cells) {
    it(`${cell.state} · ${cell.action} · ${cell.heading}: ${cell.code}`, async () => {
      assert.ok((STATES as readonly string[]).includes(cell.state), `unknown state "${cell.state}"`);
      const action = ACTIONS[cell.action];
      assert.ok(action, `the test does not know how to "${cell.action}"`);
      assert.ok(cell.relation, `unknown column "${cell.heading}"`);
      assert.ok(cell.code in CODES, `unknown code "${cell.code}"`);
      const code = cell.code as Code;
      const fresh = action.mutates && FRESH_CODES.includes(code);
      const f = await fixture(cell.state, !!action.closing, fresh);
      const user = f.officers[cell.relation];
      const target = action.target ? action.target(f) : f.id;
      if (!user || !target) {
        assert.equal(code, '—', `${cell.heading} has ${user ? 'nothing to act on' : 'no officer'} here, so the cell is —`);
        return;
      }
      assert.notEqual(code, '—', `${user} is the ${cell.heading} here and the call can be made: give the cell a code`);
      let before = await custody(d, f);
      let answer = action.opens ? await claimTask(d, user, target) : undefined;
      if (answer && answer.status < 300) {
        if (!fresh) spoilt(f);
        before = await custody(d, f);
        answer = undefined;
      }
      answer ??= await action.perform(d, user, f);
      const afterwards = await custody(d, f).catch((e) => ({ gone: String(e) }));
      const ok = answer.status >= 200 && answer.status < 300;
      if (ok && action.mutates && !fresh) spoilt(f);
      const listenerRefused = answer.status === 500 && /Workflow script failed/.test(answer.summary);
      const said = `${user}: ${answer.status} ${answer.summary}`;
      if (code === '✗') {
        assert.ok((answer.status >= 400 && answer.status < 500) || listenerRefused, `expected a refusal, got ${said}`);
        assert.deepEqual(afterwards, before, `the refused call changed the file (${said})`);
      } else {
        assert.ok(ok, `expected ${CODES[code]}, got ${said}`);
        if (code === '○') assert.deepEqual(afterwards, before, `accepted and changed the file (${said})`);
      }
    });
  }
});
