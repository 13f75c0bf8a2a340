// Idempotent building blocks: each makes one thing exist as configured and says whether it changed it.
import type { Acs } from './acs';
import { orMissing, readText, statusOf } from './acs';
import type { StepLog } from './log';

export async function nodeAt(acs: Acs, relativePath: string, parentId = '-root-') {
  return orMissing(acs.nodes.getNode(parentId, { relativePath }));
}

/** A folder at relativePath below parentId (missing parents are created too). */
export async function ensureFolder(
  acs: Acs,
  log: StepLog,
  parentId: string,
  relativePath: string,
  title?: string,
  label = relativePath
): Promise<string> {
  const existing = await nodeAt(acs, relativePath, parentId);
  if (existing) {
    log.record('unchanged', `folder ${label}`);
    return existing.entry.id;
  }
  const segments = relativePath.split('/');
  const name = segments.pop()!;
  try {
    const created = await acs.nodes.createNode(parentId, {
      name,
      nodeType: 'cm:folder',
      ...(segments.length && { relativePath: segments.join('/') }),
      ...(title && { properties: { 'cm:title': title } })
    });
    log.record('created', `folder ${label}`);
    return created.entry.id;
  } catch (e) {
    // Someone else created it meanwhile.
    if (statusOf(e) !== 409) throw e;
    log.record('unchanged', `folder ${label}`);
    return (await acs.nodes.getNode(parentId, { relativePath })).entry.id;
  }
}

export interface ContentSpec {
  folder: string;
  name: string;
  text: string;
  nodeType: string;
  mimeType: string;
  /** Properties set on upload (multipart fields, so strings). */
  properties?: Record<string, string>;
}

/** A file below Company Home holding exactly `text`; its content is replaced only when it differs. */
export async function ensureContent(acs: Acs, log: StepLog, spec: ContentSpec): Promise<string> {
  const label = `${spec.folder}/${spec.name}`;
  const existing = await nodeAt(acs, label);
  if (!existing) {
    const file = new File([spec.text], spec.name, { type: spec.mimeType });
    const created = await acs.upload.uploadFile(file, spec.folder, '-root-', undefined, {
      name: spec.name,
      nodeType: spec.nodeType,
      ...spec.properties
    } as never);
    log.record('created', label);
    return created.entry.id;
  }
  if ((await readText(acs, existing.entry.id)) === spec.text) log.record('unchanged', label);
  else {
    await acs.nodes.updateNodeContent(existing.entry.id, spec.text);
    log.record('updated', `${label} (new content)`);
  }
  return existing.entry.id;
}

/** Sets the properties that differ from `wanted` (compared as strings). */
export async function ensureProperties(
  acs: Acs,
  log: StepLog,
  nodeId: string,
  wanted: Record<string, unknown>,
  label: string
): Promise<void> {
  const node = await acs.nodes.getNode(nodeId);
  const current = (node.entry.properties ?? {}) as Record<string, unknown>;
  const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => String(current[k]) !== String(v)));
  if (!Object.keys(changes).length) return log.record('unchanged', label);
  await acs.nodes.updateNode(nodeId, { properties: changes as Record<string, string> });
  log.record('updated', `${label} (${Object.keys(changes).join(', ')})`);
}

/** Members of a group, all pages. */
export async function groupMembers(acs: Acs, groupId: string): Promise<{ id: string; memberType: string }[]> {
  const out: { id: string; memberType: string }[] = [];
  for (let skipCount = 0; ; ) {
    const page = await acs.groups.listGroupMemberships(groupId, { skipCount, maxItems: 100 });
    const entries = page.list?.entries ?? [];
    out.push(...entries.map((e) => ({ id: e.entry.id, memberType: String(e.entry.memberType) })));
    if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
    skipCount += entries.length;
  }
}

/** A group with this display name, inside `parentId` when given. */
export async function ensureGroup(
  acs: Acs,
  log: StepLog,
  id: string,
  displayName: string,
  parentId?: string,
  parentMembers?: Set<string>
): Promise<void> {
  const existing = await orMissing(acs.groups.getGroup(id));
  if (!existing) {
    await acs.groups.createGroup({ id, displayName, ...(parentId && { parentIds: [parentId] }) });
    log.record('created', `group ${id}`);
    return;
  }
  let changed = false;
  if (existing.entry.displayName !== displayName) {
    await acs.groups.updateGroup(id, { displayName });
    changed = true;
  }
  if (parentId && !(parentMembers ?? new Set((await groupMembers(acs, parentId)).map((m) => m.id))).has(id)) {
    await acs.groups.createGroupMembership(parentId, { id, memberType: 'GROUP' });
    changed = true;
  }
  log.record(changed ? 'updated' : 'unchanged', `group ${id}`);
}

export interface LocalPermissions {
  inherit: boolean;
  /** Entries set on the node itself: authority → role (Consumer, Contributor …). */
  set: Record<string, string>;
}

/** Makes the node's own permissions exactly `wanted` (inheritance and the locally set entries). */
export async function ensurePermissions(acs: Acs, log: StepLog, nodeId: string, wanted: LocalPermissions, label: string): Promise<void> {
  const node = await acs.nodes.getNode(nodeId, { include: ['permissions'] });
  const current = node.entry.permissions;
  const local = (current?.locallySet ?? []).filter((p) => p.accessStatus !== 'DENIED');
  const same =
    current?.isInheritanceEnabled === wanted.inherit &&
    local.length === Object.keys(wanted.set).length &&
    local.every((p) => wanted.set[p.authorityId ?? ''] === p.name);
  if (same) return log.record('unchanged', `permissions of ${label}`);
  await acs.nodes.updateNode(nodeId, {
    permissions: {
      isInheritanceEnabled: wanted.inherit,
      locallySet: Object.entries(wanted.set).map(([authorityId, name]) => ({ authorityId, name, accessStatus: 'ALLOWED' as const }))
    }
  });
  log.record('updated', `permissions of ${label}`);
}
