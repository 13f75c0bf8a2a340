/**
 * The movement workflow as a client uses it, through @alfresco/js-api against the local repository:
 * the department installed by `install`, its officers logged in, receipts and files numbered by the
 * eoRegister workflow as the extension has them numbered, and the REST calls of config/README.md ("The movement workflow").
 * Shared by test/movement*.test.ts and bench/movement.bench.ts.
 */
import { after, before } from 'node:test';
import type { Acs } from '../src/acs';
import { install } from '../src/install';
import { StepLog } from '../src/log';
import { postGroup, createInIntake, intakeFolder, registerItem, type RegistrationClient, confirmedNotePermissions } from '@eoffice/domain';
import { artefacts, startLocalRepository, type LocalRepository } from './support';
import type { Artefacts } from '../src/config';

export const PASSWORD = 'demo1234';

/** Officers of config/hierarchy/gad.hierarchy.json, as the tests name them (their posts in the comments). */
export const GAD_OFFICERS = {
  CRU: 'pooja.patel', // CRU: diarises and starts the movement of every receipt
  ASO1: 'amit.kumar', // ASO_EST_1
  ASO2: 'neha.gupta', // ASO_EST_2
  SO: 'priya.nair', // SO_EST
  US: 'kavita.joshi', // US_EST
  DS: 'sunita.rao', // DS
  JS: 'rajesh.verma', // JS
  SO_ADM: 'suresh.yadav' // SO_ADM
} as const;

export interface Department {
  repo: LocalRepository;
  admin: Acs;
  docLib: string;
  /** A logged-in connection per user name (cached). */
  as(user: string): Promise<Acs>;
  group(post: string): string;
  /** The code of the post `user` holds (the first one). */
  postOf(user: string): string;
  /** Creates `user` as an officer holding `post` (beside the hierarchy's incumbents). */
  addOfficer(user: string, post: string): Promise<void>;
  /** Creates `user`, who holds no post (a successor, another administrator with `admin`). */
  addPerson(user: string, firstName: string, lastName: string, opts?: { admin?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh repository with the GAD hierarchy (or `a`'s) installed and every incumbent as a user (`options`: see
 * startLocalRepository; `started`: a repository already running, such as the benches' own process).
 */
export async function startDepartment(
  options: Parameters<typeof startLocalRepository>[0] = {},
  a: Artefacts = artefacts(),
  started?: LocalRepository
): Promise<Department> {
  const repo = started ?? (await startLocalRepository(options));
  const admin = await repo.acs();
  for (const p of a.hierarchy.posts) {
    if (!p.incumbent) continue;
    await admin.people.createPerson({
      id: p.incumbent,
      firstName: p.incumbent.split('.')[0],
      lastName: p.code,
      password: PASSWORD,
      email: `${p.incumbent}@example.gov.in`
    });
  }
  const { documentLibraryId } = await install(admin, a, new StepLog(() => undefined));
  const cache = new Map<string, Promise<Acs>>();
  const extraPosts = new Map<string, string>();
  return {
    repo,
    admin,
    docLib: documentLibraryId,
    as: (user) => cache.get(user) ?? cache.set(user, repo.acs(user, PASSWORD)).get(user)!,
    group: (post) => postGroup(a.hierarchy, post),
    postOf: (user) => {
      const post = extraPosts.get(user) ?? a.hierarchy.posts.find((p) => p.incumbent === user)?.code;
      if (!post) throw new Error(`${user} holds no post`);
      return post;
    },
    addOfficer: async (user, post) => {
      await admin.people.createPerson({ id: user, firstName: user, lastName: post, email: `${user}@example.gov.in`, password: PASSWORD });
      await admin.groups.createGroupMembership(postGroup(a.hierarchy, post), { id: user, memberType: 'PERSON' });
      extraPosts.set(user, post);
    },
    addPerson: async (user, firstName, lastName, opts = {}) => {
      await admin.people.createPerson({ id: user, firstName, lastName, email: `${user}@example.gov.in`, password: PASSWORD });
      if (opts.admin) await admin.groups.createGroupMembership('GROUP_ALFRESCO_ADMINISTRATORS', { id: user, memberType: 'PERSON' });
    },
    stop: () => repo.stop()
  };
}

/**
 * The department a describe block works in: started (startDepartment) before its tests and their own
 * `before` hooks, stopped after them. The handle reads through to it once started.
 */
export function useDepartment(...args: Parameters<typeof startDepartment>): Department {
  let started: Department | undefined;
  const get = (): Department => {
    if (!started) throw new Error('The department starts in before(): use it inside hooks and tests');
    return started;
  };
  before(async () => {
    started = await startDepartment(...args);
  });
  after(() => started?.stop());
  return {
    get repo() {
      return get().repo;
    },
    get admin() {
      return get().admin;
    },
    get docLib() {
      return get().docLib;
    },
    as: (user) => get().as(user),
    group: (post) => get().group(post),
    postOf: (user) => get().postOf(user),
    addOfficer: (user, post) => get().addOfficer(user, post),
    addPerson: (user, firstName, lastName, opts) => get().addPerson(user, firstName, lastName, opts),
    stop: () => get().stop()
  };
}

// ------------------------------------------------------------------ items

/** What registration needs of a js-api connection: its nodes API and POST /processes. */
export function registrationClient(acs: Acs): RegistrationClient {
  return {
    createNode: (parentId, body) => acs.nodes.createNode(parentId, body as never),
    getNode: (id, opts) => acs.nodes.getNode(id, opts) as never,
    startProcess: (body) => acs.call('workflow', 'POST', '/processes', {}, body)
  };
}

/** A letter's PDF as the drafts panel makes it, in the intake folder of `post`, as `acs`; answers its id. */
export async function uploadLetterPdf(d: Department, acs: Acs, post: string): Promise<string> {
  const name = `letter-${Math.random().toString(36).slice(2, 10)}.pdf`;
  const made = await acs.upload.uploadFile(
    new File(['%PDF-1.7 the letter'], name, { type: 'application/pdf' }),
    intakeFolder(post),
    d.docLib,
    undefined,
    { name, nodeType: 'cm:content', autoRename: false } as never
  );
  return (made as { entry: { id: string } }).entry.id;
}

/**
 * Diarises a receipt of section `section` as `user` (a CRU clerk in practice), numbered by eoRegister; `scan`
 * is the text of a scanned letter stored in it first (once numbered, it is read-only to the diarist).
 */
export async function diariseReceipt(d: Department, user: string, subject: string, section = 'EST', scan?: string): Promise<string> {
  const acs = await d.as(user);
  const client = registrationClient(acs);
  const post = d.postOf(user);
  const id = await createInIntake(client, d.docLib, post, 'eo:receipt', {
    'eo:receiptSection': section,
    'eo:subject': subject,
    'eo:receivedDate': new Date().toISOString().slice(0, 10),
    'eo:diarisedDate': new Date().toISOString(),
    'eo:deliveryMode': 'Post'
  });
  if (scan !== undefined) {
    const letter = await acs.nodes.createNode(id, { name: 'letter.txt', nodeType: 'cm:content' });
    await acs.nodes.updateNodeContent(letter.entry.id, scan);
  }
  return (await registerItem(client, id, post)).id;
}

/** Opens an e-file (with its Notes/ folder) as `user`, numbered by eoRegister. */
export async function openFile(d: Department, user: string, subject: string, section = 'EST'): Promise<string> {
  const acs = await d.as(user);
  const client = registrationClient(acs);
  const post = d.postOf(user);
  const id = await createInIntake(client, d.docLib, post, 'eo:file', {
    'eo:fileSection': section,
    'eo:basicHead': 'A',
    'eo:primaryHead': '11',
    'eo:secondaryHead': '011',
    'eo:subject': subject
  });
  await acs.nodes.createNode(id, { name: 'Notes', nodeType: 'cm:folder' });
  return (await registerItem(client, id, post)).id;
}

/** Writes a note in the file's Notes/ folder (green unless told). */
export async function addNote(acs: Acs, fileId: string, text: string, colour: 'green' | 'yellow' = 'green'): Promise<string> {
  const notes = await acs.nodes.getNode(fileId, { relativePath: 'Notes' });
  const count = (await acs.nodes.listNodeChildren(notes.entry.id, { maxItems: 1000 })).list?.pagination?.totalItems ?? 0;
  const name = String(count + 1).padStart(6, '0');
  const created = await acs.nodes.createNode(notes.entry.id, {
    name,
    nodeType: 'eo:note',
    properties: { 'eo:noteNumber': count + 1, 'eo:noteColour': colour, 'cm:title': text }
  });
  await acs.nodes.updateNodeContent(created.entry.id, text);
  // Confirmed as the extension confirms a note: readers kept, writers but its author gone.
  if (colour === 'green') {
    const current = await acs.nodes.getNode(created.entry.id, { include: ['permissions'] });
    await acs.nodes.updateNode(created.entry.id, { permissions: confirmedNotePermissions(current.entry.permissions) as never });
  }
  return created.entry.id;
}

export async function item(d: Department, id: string): Promise<Record<string, any>> {
  return (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties;
}

export interface MovementRow {
  seq: number;
  action: string;
  from: string;
  to: string;
  fromUser: string;
  remarks?: string;
  readAt?: string;
  jumped?: string[];
}

/** The item's Movements list as a user sees it (oldest first). */
export async function movements(acs: Acs, id: string): Promise<MovementRow[]> {
  const folder = await acs.nodes.getNode(id, { relativePath: 'Movements' });
  const list = await acs.nodes.listNodeChildren(folder.entry.id, { include: ['properties'], orderBy: ['name ASC'], maxItems: 1000 });
  return (list.list?.entries ?? []).map(({ entry: { properties: p } }) => ({
    seq: p['eo:movementSequence'],
    action: p['eo:movementAction'],
    from: p['eo:movementFrom'],
    to: p['eo:movementTo'],
    fromUser: p['eo:movementFromUser'],
    remarks: p['eo:movementRemarks'],
    readAt: p['eo:movementReadAt'],
    jumped: p['eo:movementJumped']
  }));
}

// ------------------------------------------------------------------ workflow REST calls

export interface Task {
  id: string;
  name: string;
  assignee?: string;
  processId: string;
  activityDefinitionId: string;
}

/** POST /processes: the holder starts moving an item, acting for `post`. */
export async function startMovement(acs: Acs, itemId: string, post: string, extra: Record<string, unknown> = {}): Promise<string> {
  const p = await acs.call(
    'workflow',
    'POST',
    '/processes',
    {},
    {
      processDefinitionKey: 'eoMovement',
      variables: { eowf_fromPost: post, ...extra },
      items: [itemId]
    }
  );
  return p.entry.id;
}

/** Unclaimed tasks of the post that holds them: the post's inbox (claimed ones: assignee = the officer's id). */
export async function inbox(acs: Acs, group: string): Promise<Task[]> {
  const r = await acs.call('workflow', 'GET', '/tasks', {
    where: `(candidateGroup='${group}' AND variables/eowf_holderGroup='${group}')`,
    maxItems: 1000
  });
  return r.list.entries.map((e: { entry: Task }) => e.entry);
}

/** The one active task of a process (as an administrator sees it). */
export async function taskOf(d: Department, processId: string): Promise<Task> {
  // ACS reads the status of a process's tasks from the status parameter, not from where (TasksImpl)
  const r = await d.admin.call('workflow', 'GET', `/processes/${processId}/tasks`, { status: 'active' });
  const tasks = r.list.entries.map((e: { entry: Task }) => e.entry);
  if (tasks.length !== 1) throw new Error(`expected one active task in ${processId}, got ${tasks.length}`);
  return tasks[0];
}

export const claim = (acs: Acs, taskId: string) =>
  acs.call('workflow', 'PUT', `/tasks/${taskId}`, { select: 'state' }, { state: 'claimed' });

export function complete(acs: Acs, taskId: string, vars: Record<string, unknown>) {
  return acs.call(
    'workflow',
    'PUT',
    `/tasks/${taskId}`,
    { select: 'state,variables' },
    {
      state: 'completed',
      variables: Object.entries(vars).map(([name, value]) => ({ name, value, scope: 'local' }))
    }
  );
}

/** Claim (= open the item) and complete with an action: what an officer's "Send" button does. */
export async function act(acs: Acs, taskId: string, vars: Record<string, unknown>): Promise<void> {
  await claim(acs, taskId);
  await complete(acs, taskId, vars);
}

/** The current task of a process, claimed and completed by `user` with `vars`. */
export async function actOn(d: Department, processId: string, user: string, vars: Record<string, unknown>): Promise<void> {
  await act(await d.as(user), (await taskOf(d, processId)).id, vars);
}

/** HTTP status and briefSummary of a failed js-api call. */
export function failure(e: unknown): { status?: number; summary: string } {
  const err = e as { status?: number; message?: string };
  try {
    return { status: err.status, summary: JSON.parse(err.message ?? '').error.briefSummary };
  } catch {
    return { status: err.status, summary: String(err.message) };
  }
}

/** Runs `fn`, expecting it to fail; returns status and briefSummary. */
export async function refused(fn: () => Promise<unknown>): Promise<{ status?: number; summary: string }> {
  try {
    await fn();
  } catch (e) {
    return failure(e);
  }
  throw new Error('expected the call to be refused');
}
