// `eoffice transfer-charge --post <code> --to <user> [--from <user>] [--on <YYYY-MM-DD>] [--name-hi <name>] [--dry-run]`:
// shows what passes with the post (read as the administrator, @eoffice/domain's readChargePreview), then
// starts the eoCharge workflow, which makes the whole transfer in one transaction (config/workflow/src/charge.js):
// the successor in the post's group and the predecessor out, the hierarchy's incumbent, the predecessor's
// claimed tasks released, his drafts taken over, "charge transferred" in every pending item's history.
import { SearchApi } from '@alfresco/js-api';
import {
  CHARGE_KINDS,
  chargeCounts,
  chargeStartBody,
  departmentSite,
  findPost,
  parseHierarchy,
  postGroup,
  postTitle,
  readChargePreview,
  type ChargePreview,
  type ChargeKind,
  type ChargeTransfer,
  type Hierarchy
} from '@eoffice/domain';
import { describeError, readText, type Acs } from './acs';
import { REPO_PATHS } from './config';

/** The hierarchy as the repository has it now (earlier transfers included), not config/'s copy. */
export async function repositoryHierarchy(acs: Acs): Promise<Hierarchy> {
  const node = await acs.nodes.getNode('-root-', { relativePath: REPO_PATHS.hierarchy });
  return parseHierarchy(JSON.parse(await readText(acs, node.entry.id)));
}

export interface ChargeState {
  hierarchy: Hierarchy;
  group: string;
  /** The officers the post's group holds now (usually one; none when vacant). */
  holders: string[];
  preview: ChargePreview;
  truncated: ChargeKind[];
}

/** What passes if `post` goes from `from` (default: its one holder) to someone else. */
export async function previewCharge(acs: Acs, post: string, from?: string): Promise<ChargeState> {
  const hierarchy = await repositoryHierarchy(acs);
  if (!findPost(hierarchy, post)) throw new Error(`Unknown post ${post} in department ${hierarchy.department.code}`);
  const group = postGroup(hierarchy, post);
  const members = await acs.groups.listGroupMemberships(group, { maxItems: 1000 });
  const holders = (members.list?.entries ?? []).filter((m) => m.entry.memberType === 'PERSON').map((m) => m.entry.id);
  const search = new SearchApi(acs.api);
  const predecessor = from ?? (holders.length === 1 ? holders[0] : '');
  const { preview, truncated } = await readChargePreview(
    (r) => search.search(r as never) as never,
    departmentSite(hierarchy),
    group,
    predecessor
  );
  return { hierarchy, group, holders, preview, truncated };
}

const KIND_LABEL: Record<ChargeKind, string> = {
  inbox: 'in the Inbox',
  parked: 'parked',
  created: 'created, not yet sent',
  approvals: 'waiting for its approval',
  drafts: 'drafts of the outgoing officer',
  dispatches: 'letters to dispatch'
};

/** Prints the preview and, unless `dryRun`, transfers. Exit code: 0 done, 1 refused. */
export async function transferChargeCommand(acs: Acs, t: ChargeTransfer, dryRun: boolean, out: (line: string) => void): Promise<number> {
  const state = await previewCharge(acs, t.post, t.from);
  const post = findPost(state.hierarchy, t.post)!;
  const from =
    t.from ?? (state.holders.length === 1 ? state.holders[0] : state.holders.length ? state.holders.join(', ') : 'nobody (vacant)');
  out(`${postTitle(state.hierarchy, post)} (${state.group}): held by ${from}; passes to ${t.to}${t.on ? ` on ${t.on}` : ''}`);
  for (const kind of CHARGE_KINDS) {
    const entries = state.preview[kind];
    out(`  ${String(entries.length).padStart(4)} ${KIND_LABEL[kind]}${state.truncated.includes(kind) ? ' (more than shown)' : ''}`);
    for (const e of entries) out(`         ${e.number}${e.subject ? ` - ${e.subject}` : ''}${e.detail ? ` (${e.detail})` : ''}`);
  }
  out(`  ${String(chargeCounts(state.preview).total).padStart(4)} in all`);
  if (dryRun) {
    out('Dry run: nothing transferred.');
    return 0;
  }
  try {
    await acs.call('workflow', 'POST', '/processes', {}, chargeStartBody(t));
  } catch (e) {
    out(`Refused, nothing transferred: ${describeError(e)}`);
    return 1;
  }
  out(`Charge of ${postTitle(state.hierarchy, post)} transferred to ${t.to}.`);
  out(
    `The next \`eoffice install\` keeps it while your hierarchy file names the incumbent it names now; name ${t.to} there when you next edit it.`
  );
  return 0;
}
