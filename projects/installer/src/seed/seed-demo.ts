// `eoffice seed-demo`: the General Administration Department with its officers, its records manager, about
// 200 receipts and 60 files in varied states and ages. The demo's history is backdated, so it is written by the
// administrator (who alone may write series folders, as the eoRegister workflow does in real use).
import type { Acs } from '../acs';
import { connect, orMissing } from '../acs';
import type { Artefacts } from '../config';
import { ensureIncumbents, install } from '../install';
import type { StepLog } from '../log';
import { AGS_MODULE, agsModule, recordsManagerGroup } from '../retention';
import {
  headsForSection,
  oversightGroup,
  registryPosts,
  type SubjectHeadIndex,
  claimNext,
  computerNumberOf,
  computerNumberSeries,
  correspondenceFlag,
  departmentSite,
  fileSeries,
  formatFileNumber,
  formatReceiptNumber,
  officeDay,
  postGroup,
  postTitle,
  postsOf,
  receiptSeries,
  type Hierarchy,
  type ItemStatus,
  type NumberingNodes
} from '@eoffice/domain';
import { DEMO_CERTIFICATE_PASSWORD, ensureDemoCertificates } from './demo-certificates';
import { DEMO_OFFICERS, DEMO_PASSWORD, DEMO_RECORDS_MANAGER } from './officers';
import { letterPdf } from './pdf';
import { dueAfter, isoDate, planItem, type ItemPlan } from './plan';
import { Dice, pool, seededRandom } from './random';
import { NOTE_TEXTS, RECEIPT_SUBJECTS, SEND_REMARKS, SENDERS } from './samples';

export interface SeedOptions {
  receipts?: number;
  files?: number;
  ifEmpty?: boolean;
  now?: Date;
  /** Requests in flight at once. */
  concurrency?: number;
  /**
   * Where to write the demo CA and the officers' certificate files (PKCS#12), which the repository is
   * made to trust; none are made without it. Also done with `ifEmpty` when the department exists.
   */
  certificates?: string;
}

export interface SeedResult {
  skipped: boolean;
  receipts: number;
  files: number;
  logins: string[];
}

const DIARIST = 'CRU';

export async function seedDemo(acs: Acs, a: Artefacts, log: StepLog, opts: SeedOptions = {}): Promise<SeedResult> {
  const h = a.hierarchy;
  const logins = loginLines(h);
  const certificates = async () => {
    if (!opts.certificates) return [];
    const officers = DEMO_OFFICERS.map((o) => ({ ...o, organisation: h.department.name.en }));
    const made = await ensureDemoCertificates(acs, log, opts.certificates, officers, opts.now);
    return made.files.map((f) => `CERTIFICATE ${f.user} ${DEMO_CERTIFICATE_PASSWORD} ${f.file}`);
  };
  if (opts.ifEmpty && (await orMissing(acs.sites.getSite(departmentSite(h))))) {
    return { skipped: true, receipts: 0, files: 0, logins: [...logins, ...(await certificates())] };
  }
  const { documentLibraryId } = await install(acs, a, log, { incumbents: false });
  await ensureOfficers(acs, h, log);
  await ensureIncumbents(acs, h, log);
  await ensureRecordsManager(acs, h, log);
  logins.push(...(await certificates()));

  const dice = new Dice(seededRandom(20261122));
  const now = opts.now ?? new Date();
  const width = opts.concurrency ?? 4;
  const w = new Writer(acs, h, documentLibraryId, a.subjectHeads, now);
  // One generator per item, so concurrent writing does not change what is written.
  const diceFor = (i: number) => new Dice(seededRandom(7919 * (i + 1)));
  // The remarks of an item's sends come from a generator of their own: the item records the last of them
  // (eo:lastRemarks) when it is written, before its movements are.
  const remarksFor = (i: number) => new Dice(seededRandom(104_729 * (i + 1)));
  const filePlans = Array.from({ length: opts.files ?? 60 }, () =>
    planItem(h, dice, now, {
      notDealing: DIARIST,
      statuses: ['created', 'inMovement', 'parked', 'closed'],
      statusWeights: [15, 55, 15, 15]
    })
  ).sort((x, y) => x.at.getTime() - y.at.getTime());
  const files = await pool(filePlans, width, (p, i) => w.file(p, diceFor(i), remarksFor(i)));
  const receiptPlans = Array.from({ length: opts.receipts ?? 200 }, () =>
    planItem(h, dice, now, {
      diarist: h.posts.some((p) => p.code === DIARIST) ? DIARIST : undefined,
      statuses: ['created', 'inMovement', 'parked', 'putInFile', 'closed'],
      statusWeights: [18, 52, 5, 12, 13]
    })
  ).sort((x, y) => x.at.getTime() - y.at.getTime());
  await pool(receiptPlans, width, (p, i) =>
    w.receipt(
      p,
      files.filter((f) => f.section === p.section && f.opened <= p.at),
      diceFor(1000 + i),
      remarksFor(1000 + i)
    )
  );
  log.record('created', `${receiptPlans.length} receipts and ${filePlans.length} files in ${departmentSite(h)}`);
  return { skipped: false, receipts: receiptPlans.length, files: filePlans.length, logins };
}

function loginLines(h: Hierarchy): string[] {
  const rm = DEMO_RECORDS_MANAGER;
  return [
    ...DEMO_OFFICERS.map((o) => {
      const posts = postsOf(h, o.id).map((p) => postTitle(h, p));
      return `LOGIN ${o.id} ${DEMO_PASSWORD} ${o.firstName} ${o.lastName}, ${posts.join(' + ') || 'no post'}`;
    }),
    `LOGIN ${rm.id} ${DEMO_PASSWORD} ${rm.firstName} ${rm.lastName}, ${rm.designation.en} (records manager)`
  ];
}

/**
 * The demo records manager: a person in the file plan's Records Manager role group, so she may keep the
 * schedules, put files on hold and run due steps. Without Governance Services she has nothing to manage.
 */
async function ensureRecordsManager(acs: Acs, h: Hierarchy, log: StepLog): Promise<void> {
  const rm = DEMO_RECORDS_MANAGER;
  if (await orMissing(acs.people.getPerson(rm.id))) log.record('unchanged', `person ${rm.id}`);
  else {
    await acs.people.createPerson({
      id: rm.id,
      firstName: rm.firstName,
      lastName: rm.lastName,
      email: `${rm.id}@${h.department.code.toLowerCase()}.example.gov.in`,
      password: DEMO_PASSWORD,
      jobTitle: `${rm.designation.en} / ${rm.designation.hi}`,
      aspectNames: ['eo:officer'],
      properties: { 'eo:nameHi': rm.nameHi }
    });
    log.record('created', `person ${rm.id}`);
  }
  if (!(await agsModule(acs))) return log.record('skipped', `${rm.id} as records manager: module ${AGS_MODULE} is not installed`);
  const filePlanId = (await acs.call<{ entry: { id: string } }>('gs', 'GET', '/file-plans/-filePlan-')).entry.id;
  const group = recordsManagerGroup(filePlanId);
  const members = (await acs.groups.listGroupMemberships(group, { maxItems: 1000 })).list?.entries ?? [];
  if (members.some((m) => m.entry.id === rm.id)) return log.record('unchanged', `${group} member ${rm.id}`);
  await acs.groups.createGroupMembership(group, { id: rm.id, memberType: 'PERSON' });
  log.record('created', `${group} member ${rm.id} (records manager)`);
}

async function ensureOfficers(acs: Acs, h: Hierarchy, log: StepLog): Promise<void> {
  for (const o of DEMO_OFFICERS) {
    if (await orMissing(acs.people.getPerson(o.id))) {
      log.record('unchanged', `person ${o.id}`);
      continue;
    }
    const posts = postsOf(h, o.id);
    await acs.people.createPerson({
      id: o.id,
      firstName: o.firstName,
      lastName: o.lastName,
      email: `${o.id}@${h.department.code.toLowerCase()}.example.gov.in`,
      password: DEMO_PASSWORD,
      jobTitle: posts.map((p) => `${postTitle(h, p)} / ${postTitle(h, p, 'hi')}`).join('; ') || undefined,
      aspectNames: ['eo:officer'],
      properties: { 'eo:nameHi': o.nameHi }
    });
    log.record('created', `person ${o.id}`);
  }
}

interface SeededFile {
  id: string;
  section: string;
  opened: Date;
}

class Writer {
  private readonly numbering: NumberingNodes;
  private readonly officers = new Map<string, Promise<Acs>>();

  constructor(
    private readonly acs: Acs,
    private readonly h: Hierarchy,
    private readonly docLib: string,
    private readonly subjectHeads: SubjectHeadIndex,
    /** The seeding day: a backdated item whose due date is before it is already escalated. */
    private readonly now: Date
  ) {
    this.numbering = acs.nodes as unknown as NumberingNodes;
  }

  /** The next Computer No. of `year`: its marker folder in the register, created as the administrator. */
  private async computerNumber(year: number, title: string): Promise<number> {
    const claimed = await claimNext(this.numbering, {
      parentId: this.docLib,
      folder: computerNumberSeries(year),
      body: () => ({ nodeType: 'cm:folder', properties: { 'cm:title': title } })
    });
    return computerNumberOf(year, claimed.number);
  }

  /** Items in movement or parked get a live eoMovement process, started by their holder (see `goLive`). */
  private live(p: ItemPlan): boolean {
    return (p.status === 'inMovement' || p.status === 'parked') && !!this.incumbent(p.path[p.path.length - 1]);
  }

  private incumbent(post: string): string | undefined {
    return this.h.posts.find((x) => x.code === post)?.incumbent;
  }

  private officer(user: string): Promise<Acs> {
    let c = this.officers.get(user);
    if (!c) this.officers.set(user, (c = connect({ url: this.acs.url, user, password: DEMO_PASSWORD })));
    return c;
  }

  /**
   * The remarks of each send of the plan, as its sender wrote them: the Central Registry marks dak for
   * action, a dealing hand or officer submits it up the channel.
   */
  private sendRemarks(p: ItemPlan, r: Dice): string[] {
    return p.moves.map((_, i) => {
      const from = this.h.posts.find((x) => x.code === p.path[i]);
      const to = this.h.posts.find((x) => x.code === p.path[i + 1]);
      return r.pick((to?.level ?? 0) > (from?.level ?? 0) ? SEND_REMARKS.up : SEND_REMARKS.registry);
    });
  }

  private custody(p: ItemPlan, remarks: string[]) {
    const holder = p.path[p.path.length - 1];
    const recorded = this.recordedMoves(p, remarks).length;
    return {
      // A live item is written as created and held by its holder, who then starts its movement.
      'eo:status': this.live(p) ? 'created' : p.status,
      'eo:currentHolder': postGroup(this.h, holder),
      'eo:heldSince': p.heldSince.toISOString(),
      'eo:originPost': postGroup(this.h, p.path[0]),
      ...(p.path.length > 1 && {
        'eo:previousHolder': postGroup(this.h, p.path[p.path.length - 2]),
        // The Inbox's Remarks column: the remarks of the send that put the item with its holder.
        'eo:lastRemarks': remarks[remarks.length - 1]
      }),
      ...(p.status === 'inMovement' && { 'eo:dueDate': dueAfter(p.heldSince) }),
      // As eoRecord keeps it for the movements below (movements()).
      ...(recorded && { 'eo:lastMovement': recorded })
    };
  }

  private handling(subject: { text: string; category: string }, d: Dice) {
    const category = subject.category;
    const house = /Rajya/.test(subject.text)
      ? 'Rajya Sabha'
      : /Lok/.test(subject.text)
        ? 'Lok Sabha'
        : d.pick(['Lok Sabha', 'Rajya Sabha']);
    return {
      'eo:urgency': d.weighted(['Normal', 'Immediate', 'Priority', 'Top Priority'], [70, 12, 12, 6]),
      'eo:securityGrading': d.weighted(['Normal', 'Confidential', 'Secret'], [90, 8, 2]),
      ...(category === 'VIP Reference' && { 'eo:vipReference': true, 'eo:vipName': 'Hon. Member of Parliament' }),
      ...(category.startsWith('Parliament') && { 'eo:parliament': house })
    };
  }

  async file(p: ItemPlan, d: Dice, r: Dice): Promise<SeededFile> {
    const dept = this.h.department.code;
    const year = p.at.getUTCFullYear();
    // Files are opened under the department's own subject-head index, as the Create File form does.
    const heads = headsForSection(this.subjectHeads, p.section);
    const head = d.pick(heads.length ? heads : this.subjectHeads.heads);
    const subject = d.pick(RECEIPT_SUBJECTS);
    const closed = p.status === 'closed';
    const handling = this.handling(subject, d);
    const remarks = this.sendRemarks(p, r);
    const computerNumber = await this.computerNumber(year, 'e-File');
    const claimed = await claimNext(this.numbering, {
      parentId: this.docLib,
      folder: fileSeries(year, p.section),
      body: (n) => {
        const fileNumber = formatFileNumber({
          basicHead: head.basic,
          primaryHead: head.primary,
          secondaryHead: head.secondary,
          serial: n,
          year,
          section: p.section,
          department: dept
        });
        return {
          nodeType: 'eo:file',
          properties: {
            'cm:title': fileNumber,
            'cm:description': subject.text,
            'eo:fileNumber': fileNumber,
            'eo:basicHead': head.basic,
            'eo:primaryHead': head.primary,
            'eo:secondaryHead': head.secondary,
            'eo:fileSerial': n,
            'eo:fileYear': year,
            'eo:fileSection': p.section,
            'eo:fileDepartment': dept,
            'eo:subjectHead': `${head.name.en} / ${head.name.hi}`,
            'eo:subject': subject.text,
            'eo:computerNumber': computerNumber,
            ...handling,
            ...this.custody(p, remarks),
            ...(closed && {
              'eo:recordCategory': d.weighted(['A', 'B', 'C'], [1, 2, 5]),
              'eo:closedAt': p.heldSince.toISOString(),
              'eo:closureApprovedBy': postGroup(
                this.h,
                p.path.find((c) => (this.h.posts.find((x) => x.code === c)?.level ?? 0) >= 2) ?? p.path[p.path.length - 1]
              )
            })
          }
        };
      }
    });
    if (closed) await this.acs.nodes.updateNode(claimed.id, { properties: { 'eo:retentionYears': String(d.pick([3, 5, 10])) } });
    await this.notes(claimed.id, p, d);
    await this.movements(claimed.id, p, d, remarks);
    // Some files have issued a letter "by CRU" that the Central Registry has yet to post (its Dispatch register).
    if (p.status === 'inMovement' && p.path.length > 1 && d.chance(0.35)) await this.dispatchByCru(claimed.id, p, d);
    await this.goLive(claimed.id, p);
    return { id: claimed.id, section: p.section, opened: p.at };
  }

  /**
   * A letter the file issued by CRU, pending dispatch: the eo:dispatch (its PDF) as eoRegister's issue leaves
   * one (register.js regIssue: named `<office day>-01`, the administrator's, opened to the Central Registry's
   * posts to read; they mark it dispatched through eoRegister), so the CRU's Dispatch register has work in the
   * demo. Written here as the administrator because the seed dates it in the past, which an issue (dated now)
   * cannot; officers only read Dispatches/.
   */
  private async dispatchByCru(fileId: string, p: ItemPlan, d: Dice): Promise<void> {
    const file = (await this.acs.nodes.getNode(fileId, { include: ['properties'] })).entry.properties as Record<string, string>;
    const issueNumber = String(file['eo:fileNumber']);
    const issuedAt = p.moves[0] ?? p.heldSince;
    const day = officeDay(issuedAt).replace(/-/g, '');
    const pdf = () =>
      new File([letterPdf([`No. ${issueNumber}`, 'Government of India', `Subject: ${String(file['eo:subject'])}`])], `${day}-01`, {
        type: 'application/pdf'
      });
    const addressee = d.pick(SENDERS);
    const dispatch = await this.acs.upload.uploadFile(pdf(), 'Dispatches', fileId, undefined, {
      name: `${day}-01`,
      nodeType: 'eo:dispatch',
      'cm:title': issueNumber,
      'eo:issueNumber': issueNumber,
      'eo:dispatchMode': 'byCru',
      'eo:dispatchStatus': 'pending',
      'eo:dispatchDeliveryMode': d.pick(['Speed Post', 'Post', 'Hand']),
      'eo:issuedAt': issuedAt.toISOString(),
      'eo:issuedBy': postGroup(this.h, p.path[0])
    } as never);
    await this.acs.nodes.updateNode(dispatch.entry.id, {
      // Not every sample sender has a ministry: leave out what is missing rather than print "undefined".
      properties: {
        'eo:addressees': [[addressee.name, addressee.ministry, addressee.city].filter((part) => !!part?.trim()).join(', ')]
      } as never,
      permissions: {
        isInheritanceEnabled: true,
        locallySet: registryPosts(this.h).map((r) => ({
          authorityId: postGroup(this.h, r.code),
          name: 'Consumer',
          accessStatus: 'ALLOWED' as const
        }))
      }
    });
  }

  /** One note per post the file passed through; the newest may still be a yellow (draft) note. */
  private async notes(fileId: string, p: ItemPlan, d: Dice): Promise<void> {
    for (let i = 0; i < p.path.length; i++) {
      const post = this.h.posts.find((x) => x.code === p.path[i])!;
      const officer = DEMO_OFFICERS.find((o) => o.id === post.incumbent);
      const last = i === p.path.length - 1;
      const yellow = last && p.status !== 'closed' && d.chance(0.4);
      const when = i === 0 ? p.at : p.moves[i - 1];
      const text = d.pick(NOTE_TEXTS);
      const name = String(i + 1).padStart(6, '0');
      await this.acs.upload.uploadFile(new File([text], name, { type: 'text/plain' }), 'Notes', fileId, undefined, {
        name,
        nodeType: 'eo:note',
        'eo:noteNumber': String(i + 1),
        'eo:noteColour': yellow ? 'yellow' : 'green',
        'eo:noteAuthorPost': postGroup(this.h, post.code),
        ...(!yellow && {
          'eo:signedByName': officer ? `${officer.firstName} ${officer.lastName}` : post.code,
          'eo:signedByDesignation': postTitle(this.h, post),
          'eo:signedByUser': post.incumbent ?? '',
          'eo:signedByPost': postGroup(this.h, post.code),
          'eo:signedAt': when.toISOString()
        })
      } as never);
    }
  }

  /** The movements the demo writes for an item (its workflow records any made once it is live). */
  private recordedMoves(p: ItemPlan, remarks: string[]): { action: string; from: string; to: string; at: Date; remarks?: string }[] {
    const entries: { action: string; from: string; to: string; at: Date; remarks?: string }[] = p.moves.map((at, i) => ({
      action: 'send',
      from: p.path[i],
      to: p.path[i + 1],
      at,
      remarks: remarks[i]
    }));
    const holder = p.path[p.path.length - 1];
    const final: Partial<Record<ItemStatus, string>> = { parked: 'park', closed: 'close', putInFile: 'putInFile' };
    const action = final[p.status];
    // A live item is parked through its workflow, which records the movement itself.
    if (action && !(action === 'park' && this.live(p))) entries.push({ action, from: holder, to: holder, at: p.heldSince });
    return entries;
  }

  private async movements(itemId: string, p: ItemPlan, d: Dice, remarks: string[]): Promise<void> {
    const entries = this.recordedMoves(p, remarks);
    for (const [i, m] of entries.entries()) {
      const read = i < entries.length - 1 || d.chance(0.6);
      await this.acs.nodes.createNode(itemId, {
        name: String(i + 1).padStart(6, '0'),
        nodeType: 'eo:movement',
        relativePath: 'Movements',
        properties: {
          'eo:movementSequence': i + 1,
          'eo:movementAction': m.action,
          'eo:movementFrom': postGroup(this.h, m.from),
          'eo:movementFromUser': this.h.posts.find((x) => x.code === m.from)?.incumbent,
          'eo:movementTo': postGroup(this.h, m.to),
          'eo:movementAt': m.at.toISOString(),
          ...(m.action === 'send' && { 'eo:movementDue': dueAfter(m.at) }),
          ...(m.remarks && { 'eo:movementRemarks': m.remarks }),
          ...(read && { 'eo:movementReadAt': new Date(m.at.getTime() + 3_600_000).toISOString() })
        }
      });
    }
  }

  /**
   * The holder's officer starts the item's eoMovement process (so the post's inbox holds a real holder
   * task) and parks it if planned; then, as admin, the dates are backdated so pendency ages vary.
   * Backdating is for demo data only: in real use the workflow alone sets these dates.
   */
  private async goLive(itemId: string, p: ItemPlan): Promise<void> {
    if (!this.live(p)) return;
    const holder = p.path[p.path.length - 1];
    const officer = await this.officer(this.incumbent(holder)!);
    // The holder task is offered to the post, not to the officer: a real ACS lists it to a non-administrator
    // only when the query names the post as candidateGroup (TasksImpl's involvement filter otherwise).
    const taskOfItem = async () =>
      (
        await officer.call('workflow', 'GET', '/tasks', {
          where: `(candidateGroup='${postGroup(this.h, holder)}' AND processDefinitionKey='eoMovement' AND variables/eowf_itemId='${itemId}')`
        })
      ).list.entries.map((e: { entry: { id: string; processId: string } }) => e.entry)[0] as { id: string; processId: string } | undefined;
    let processId: string;
    try {
      const started = await officer.call(
        'workflow',
        'POST',
        '/processes',
        {},
        { processDefinitionKey: 'eoMovement', variables: { eowf_fromPost: holder }, items: [itemId] }
      );
      processId = started.entry.id;
    } catch (e) {
      // A start answered late may be sent again by the HTTP client; the second is refused as "already
      // moving". The item's own task tells whether the first one took effect.
      const existing = await taskOfItem();
      if (!existing) throw e;
      processId = existing.processId;
    }
    if (p.status === 'parked') {
      const task = await taskOfItem();
      const taskId = task?.processId === processId ? task.id : undefined;
      if (!taskId) throw new Error(`Demo data: no holder task for ${itemId}`);
      await officer.call('workflow', 'PUT', `/tasks/${taskId}`, { select: 'state' }, { state: 'claimed' });
      await officer.call(
        'workflow',
        'PUT',
        `/tasks/${taskId}`,
        { select: 'state,variables' },
        { state: 'completed', variables: [{ name: 'eowf_action', value: 'park', scope: 'local' }] }
      );
      const moves = await this.acs.nodes.listNodeChildren(itemId, { relativePath: 'Movements', orderBy: ['name DESC'], maxItems: 1 });
      const park = moves.list?.entries?.[0]?.entry;
      if (park) await this.acs.nodes.updateNode(park.id, { properties: { 'eo:movementAt': p.heldSince.toISOString() } });
    }
    // The posts it passed through keep reading it, as the workflow would have let them (the diarist
    // then still sees every number of its series, so numbering needs no probing), and so does the
    // department's oversight, as the workflow does on every hand-over.
    const holderGroup = postGroup(this.h, holder);
    // An item past its (backdated) due date is escalated: the due-date timer, made from the custody written at
    // creation, fires at once and lets the post the holder reports to read it (notices.js, eoHolderNotice); the
    // permissions below replace that grant, so they keep it, and its "Escalated to you" shows it when seeding ends.
    // Demo data only, through the public API: it holds on a real ACS too.
    const reportsTo = this.h.posts.find((post) => post.code === holder)?.reportsTo;
    const escalated = p.status === 'inMovement' && reportsTo && dueAfter(p.heldSince) < isoDate(this.now);
    const readers = [
      ...new Set([
        ...p.path.slice(0, -1).map((code) => postGroup(this.h, code)),
        ...(escalated ? [postGroup(this.h, reportsTo)] : []),
        oversightGroup(this.h)
      ])
    ].filter((g) => g !== holderGroup);
    await this.acs.nodes.updateNode(itemId, {
      properties: {
        'eo:heldSince': p.heldSince.toISOString(),
        ...(p.status === 'inMovement' && { 'eo:dueDate': dueAfter(p.heldSince) })
      },
      permissions: {
        isInheritanceEnabled: false,
        locallySet: [
          { authorityId: holderGroup, name: 'Collaborator', accessStatus: 'ALLOWED' },
          ...readers.map((authorityId) => ({ authorityId, name: 'Consumer', accessStatus: 'ALLOWED' as const }))
        ]
      }
    });
    // The holder's due notice is the timer's own (it fires at once for a past day): the seed writes none, as a
    // notice named by the seed's backdated holding could differ from the one the timer names by the holding it
    // read, and the officer would be told twice.
  }

  async receipt(p: ItemPlan, files: SeededFile[], d: Dice, r: Dice): Promise<void> {
    const dept = this.h.department.code;
    const year = p.at.getUTCFullYear();
    const subject = d.pick(RECEIPT_SUBJECTS);
    const sender = d.pick(SENDERS);
    const electronic = d.chance(0.75);
    const file = p.status === 'putInFile' ? d.pick(files.length ? files : [undefined]) : undefined;
    const plan = file ? p : { ...p, status: p.status === 'putInFile' ? ('closed' as const) : p.status };
    const received = new Date(p.at.getTime() - d.int(0, 2) * 86_400_000);
    const remarks = this.sendRemarks(plan, r);
    const computerNumber = await this.computerNumber(year, 'Receipt');
    const claimed = await claimNext(this.numbering, {
      parentId: this.docLib,
      folder: receiptSeries(year, p.section),
      body: (n) => {
        const receiptNumber = formatReceiptNumber(n, year, p.section, dept);
        return {
          nodeType: 'eo:receipt',
          properties: {
            'cm:title': receiptNumber,
            'cm:description': subject.text,
            'eo:receiptNumber': receiptNumber,
            'eo:receiptSerial': n,
            'eo:receiptYear': year,
            'eo:receiptSection': p.section,
            'eo:receiptDepartment': dept,
            'eo:receiptForm': electronic ? 'electronic' : 'physical',
            'eo:letterNumber': `${d.pick(['F.No.', 'No.', 'पत्र सं.'])} ${d.int(1, 40)}/${d.int(1, 300)}/${year}`,
            'eo:letterDate': isoDate(new Date(received.getTime() - d.int(1, 20) * 86_400_000)),
            'eo:receivedDate': isoDate(received),
            'eo:diarisedDate': p.at.toISOString(),
            'eo:diarisedBy': postGroup(this.h, p.path[0]),
            'eo:deliveryMode': electronic
              ? d.pick(['E-mail', 'eOffice', 'Post', 'Speed Post'])
              : d.pick(['Post', 'Hand', 'Courier', 'Speed Post']),
            'eo:mainCategory': subject.category,
            'eo:subject': subject.text,
            'eo:language': subject.language,
            ...(d.chance(0.3) && { 'eo:enclosures': `${d.int(1, 5)} pages` }),
            'eo:computerNumber': computerNumber,
            ...(sender.ministry && { 'eo:senderMinistry': sender.ministry }),
            'eo:senderName': sender.name,
            ...(sender.designation && { 'eo:senderDesignation': sender.designation }),
            ...(sender.organisation && { 'eo:senderOrganisation': sender.organisation }),
            'eo:senderAddress': sender.address,
            'eo:senderState': sender.state,
            'eo:senderCity': sender.city,
            'eo:senderPin': sender.pin,
            ...(sender.email && { 'eo:senderEmail': sender.email }),
            ...(sender.mobile && { 'eo:senderMobile': sender.mobile }),
            ...this.handling(subject, d),
            ...this.custody(plan, remarks),
            ...(file && { 'eo:inFile': file.id })
          }
        };
      }
    });
    if (electronic) {
      const pdf = letterPdf([
        `Scanned letter, diary number ${formatReceiptNumber(claimed.number, year, p.section, dept)}`,
        `From: ${sender.name}`,
        `Subject: ${subject.text}`
      ]);
      await this.acs.upload.uploadFile(new File([pdf], 'letter.pdf', { type: 'application/pdf' }), '', claimed.id, undefined, {
        name: 'letter.pdf',
        nodeType: 'cm:content'
      } as never);
    }
    await this.movements(claimed.id, plan, d, remarks);
    await this.goLive(claimed.id, plan);
    if (file) {
      // The receipt joins the file's correspondence; serials are claimed like any other number.
      await claimNext(this.numbering, {
        parentId: file.id,
        folder: 'Correspondence',
        body: (n) => ({
          nodeType: 'cm:content',
          aspectNames: ['eo:correspondence'],
          properties: {
            'cm:title': formatReceiptNumber(claimed.number, year, p.section, dept),
            'eo:correspondenceSerial': n,
            'eo:correspondenceKind': 'receipt',
            'eo:correspondenceFlag': correspondenceFlag(n),
            'eo:sourceReceipt': claimed.id
          }
        })
      });
    }
  }
}
