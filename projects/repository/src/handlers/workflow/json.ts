import type { NodeRow } from '../../persistence/node-row';
import type { RepositoryContext } from '../../services/repository-context';
import type { DefinitionRow, DeploymentRow, ProcessRow, TaskRow } from '../../persistence/workflow-store';
import type { StoredValue } from '../../workflow/variables';
import { toRest } from '../../workflow/variables';

/** Entries of the workflow API. Empty fields are left out, as ACS does. */

const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
const ms = (d: string) => Date.parse(d.replace(/\+0000$/, 'Z'));

export function deploymentJson(d: DeploymentRow) {
  return compact({ id: d.id, name: d.name, category: d.category, deployedAt: d.deployed_at });
}

export function definitionJson(d: DefinitionRow) {
  return compact({
    id: d.id,
    key: d.key,
    version: d.version,
    name: d.name,
    category: d.category,
    deploymentId: d.deployment_id,
    title: d.name,
    description: d.description ?? d.name,
    startFormResourceKey: d.start_form_key,
    graphicNotationDefined: !!d.graphic
  });
}

export function processJson(p: ProcessRow, def: DefinitionRow | undefined) {
  return compact({
    id: p.id,
    processDefinitionId: p.definition_id,
    processDefinitionKey: def?.key,
    businessKey: p.business_key,
    startedAt: p.started_at,
    endedAt: p.ended_at,
    durationInMs: p.ended_at ? ms(p.ended_at) - ms(p.started_at) : undefined,
    startActivityDefinitionId: p.start_activity_id,
    endActivityDefinitionId: p.end_activity_id,
    startUserId: p.start_user_id,
    deleteReason: p.delete_reason,
    completed: !!p.ended_at
  });
}

export function taskState(t: TaskRow): string {
  if (t.ended_at) return 'completed';
  if (t.delegation === 'PENDING') return 'delegated';
  if (t.delegation === 'RESOLVED' && t.assignee === t.owner) return 'resolved';
  return t.assignee ? 'claimed' : 'unclaimed';
}

export function taskJson(t: TaskRow) {
  return compact({
    id: t.id,
    processId: t.process_id,
    processDefinitionId: t.definition_id,
    activityDefinitionId: t.activity_id,
    name: t.name,
    description: t.description,
    dueAt: t.due_at,
    startedAt: t.started_at,
    endedAt: t.ended_at,
    durationInMs: t.ended_at ? ms(t.ended_at) - ms(t.started_at) : undefined,
    priority: t.priority,
    owner: t.owner,
    assignee: t.assignee,
    formResourceKey: t.form_key,
    state: taskState(t)
  });
}

export function variableJson(ctx: RepositoryContext, name: string, v: StoredValue, scope?: string) {
  return { ...(scope ? { scope } : {}), name, ...toRest(ctx.dictionary, name, v) };
}

/** Workflow items: `createdBy` and `modifiedBy` are user ids and there is no `edited`, as a real ACS returns them (the definitions say Person). */
export function itemJson(ctx: RepositoryContext, n: NodeRow) {
  const props = ctx.store.properties(n.id);
  return compact({
    id: n.id,
    name: n.name,
    title: props['cm:title'],
    description: props['cm:description'],
    mimeType: n.mime_type,
    createdBy: n.created_by,
    createdAt: n.created_at,
    modifiedBy: n.modified_by,
    modifiedAt: n.modified_at,
    size: n.size ?? 0
  });
}

/** The form model of a task type: its properties and associations (with mandatory aspects), by REST name. */
export function formModel(ctx: RepositoryContext, typeName: string | null | undefined) {
  const dictionary = ctx.dictionary;
  const type = typeName ? dictionary.getType(typeName) : undefined;
  if (!type) return [];
  const classes = [type.name, ...dictionary.mandatoryAspects(type.name)];
  const out: Record<string, unknown>[] = [];
  for (const p of dictionary.propertiesOf(type.name, dictionary.mandatoryAspects(type.name))) {
    const list = p.constraints.find((c) => c.type === 'LIST')?.parameters.allowedValues;
    out.push(
      compact({
        qualifiedName: dictionary.expand(p.name),
        name: p.name.replace(':', '_'),
        title: p.title ?? p.name.split(':')[1],
        dataType: p.dataType,
        required: p.mandatory,
        defaultValue: p.defaultValue || undefined,
        allowedValues: Array.isArray(list) ? list : undefined
      })
    );
  }
  const seen = new Set<string>();
  for (const cls of classes) {
    for (const a of dictionary.classAssociations(cls)) {
      if (seen.has(a.name)) continue;
      seen.add(a.name);
      out.push(
        compact({
          qualifiedName: dictionary.expand(a.name),
          name: a.name.replace(':', '_'),
          title: a.title ?? a.name.split(':')[1],
          dataType: a.target.cls,
          required: a.target.mandatory
        })
      );
    }
  }
  return out;
}
