/**
 * Model API (alfresco-model.yaml: types and aspects, read-only) and the probes of the core API. Every
 * answer goes through the contract recorder; the definitions' Constraint.parameters is read as ACS sends
 * it (SLIP 7 in test/support/contract.ts: the constraint's parameters as they are, lists and booleans too).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AspectsApi, ProbesApi, TypesApi, UploadApi } from '@alfresco/js-api';
import { definitionViolations, expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf, API } from '../support/test-repository';

describe('model API', () => {
  const repo = useTestRepository();
  /** The last answer against its definition. */
  const checkLast = (definition: string) => {
    assert.deepEqual(
      definitionViolations('alfresco-model.yaml', definition, repo().recorder.last()!.body),
      [],
      `${definition} breaks the contract`
    );
  };

  it('the e-Office workflow task types answer the contract, constraints with their parameters as ACS sends them', async () => {
    const api = await repo().api();
    for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml']) {
      const xml = fs.readFileSync(path.resolve(__dirname, '../../../../config/model', file), 'utf8');
      await new UploadApi(api).uploadFile(new File([xml], file, { type: 'text/xml' }), '', '-root-', undefined, {
        name: file,
        nodeType: 'cm:dictionaryModel',
        relativePath: 'Data Dictionary/Models',
        'cm:modelActive': 'true'
      } as never);
    }
    const types = new TypesApi(api);
    const approval = await types.getType('eowf:approvalTask');
    checkLast('TypeEntry');
    const decision = approval.entry.properties?.find((p) => p.id === 'eowf:decision');
    assert.deepEqual(decision?.constraints?.[0].parameters, { allowedValues: ['approve', 'refuse'], caseSensitive: true, sorted: false });
    // NumericRangeConstraint.getParameters: both bounds, an unset one at Double.MAX_VALUE / Double.MIN_VALUE
    const file = await types.getType('eo:file');
    checkLast('TypeEntry');
    const volume = file.entry.properties?.find((p) => p.id === 'eo:volume');
    assert.deepEqual(volume?.constraints?.[0].parameters, { minValue: 1, maxValue: Number.MAX_VALUE });
  });

  it('gets a type whole: parent, properties, mandatory aspects, model', async () => {
    const types = new TypesApi(await repo().api());
    const content = await types.getType('cm:content');
    checkLast('TypeEntry');
    assert.equal(content.entry.id, 'cm:content');
    assert.equal(content.entry.parentId, 'cm:cmobject');
    assert.equal(content.entry.model?.id, 'cm:contentmodel');
    assert.equal(content.entry.model?.namespaceUri, 'http://www.alfresco.org/model/content/1.0');
    assert.ok(content.entry.properties?.some((p) => p.id === 'cm:content'));
    assert.ok(
      content.entry.properties?.some((p) => p.id === 'cm:name'),
      'inherited properties are listed'
    );
    assert.ok(content.entry.mandatoryAspects?.includes('cm:auditable'));
  });

  it('lists types without the sys: namespace; properties only when included', async () => {
    const types = new TypesApi(await repo().api());
    const all = await types.listTypes({ maxItems: 1000 });
    checkLast('TypePaging');
    const ids = entriesOf(all).map((t) => t.id);
    assert.ok(ids.includes('cm:folder') && ids.includes('cm:content'));
    assert.ok(!ids.some((id) => id.startsWith('sys:')), 'system types are left out');
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b))
    );
    assert.equal(entriesOf(all)[0].properties, undefined);
    const paged = await types.listTypes({ skipCount: 1, maxItems: 2 });
    assert.equal(entriesOf(paged).length, 2);
    assert.equal(pageOf(paged).totalItems, ids.length);
    const withProps = await types.listTypes({ where: "(parentId in ('cm:cmobject'))", include: ['properties'] });
    assert.ok(entriesOf(withProps).every((t) => t.parentId === 'cm:cmobject' && Array.isArray(t.properties)));
    assert.ok(entriesOf(withProps).some((t) => t.id === 'cm:content'));
  });

  it('filters by modelId (with INCLUDESUBTYPES) and namespaceUri matches / not matches', async () => {
    const types = new TypesApi(await repo().api());
    const fromModel = entriesOf(await types.listTypes({ where: "(modelId in ('cm:contentmodel'))", maxItems: 1000 }));
    assert.ok(fromModel.length > 0 && fromModel.every((t) => t.id.startsWith('cm:')));
    const withSub = entriesOf(await types.listTypes({ where: "(modelId in ('cm:contentmodel INCLUDESUBTYPES'))", maxItems: 1000 }));
    assert.ok(withSub.length > fromModel.length, 'subtypes from other models (st:site, bpm:package …) join in');
    assert.ok(withSub.some((t) => !t.id.startsWith('cm:')));
    const alf = entriesOf(
      await types.listTypes({ where: "(namespaceUri matches('http://www.alfresco.org/model/content.*'))", maxItems: 1000 })
    );
    assert.ok(alf.length > 0 && alf.every((t) => t.model?.namespaceUri?.startsWith('http://www.alfresco.org/model/content')));
    const notAlf = entriesOf(await types.listTypes({ where: "(not namespaceUri matches('http://www.alfresco.*'))", maxItems: 1000 }));
    assert.ok(notAlf.every((t) => !t.model?.namespaceUri?.startsWith('http://www.alfresco')));
    expectError(await rejectionOf(types.listTypes({ where: "(name in ('x'))" })), 400);
  });

  it('aspects: get one, list sub-aspects of a parent, unknown 404, malformed id 400', async () => {
    const aspects = new AspectsApi(await repo().api());
    const titled = await aspects.getAspect('cm:titled');
    checkLast('AspectEntry');
    assert.equal(titled.entry.id, 'cm:titled');
    assert.deepEqual(titled.entry.properties?.map((p) => p.id).sort(), ['cm:description', 'cm:title']);
    const subs = entriesOf(await aspects.listAspects({ where: "(parentId in ('cm:classifiable'))" }));
    checkLast('AspectPaging');
    assert.ok(subs.some((a) => a.id === 'cm:taggable'));
    const fromModel = entriesOf(
      await aspects.listAspects({ where: "(modelId in ('cm:contentmodel'))", include: ['properties'], maxItems: 1000 })
    );
    assert.ok(fromModel.some((a) => a.id === 'cm:titled' && a.properties?.length === 2));
    expectError(await rejectionOf(aspects.getAspect('cm:noSuchAspect')), 404);
    expectError(await rejectionOf(aspects.getAspect('nosuchprefix:thing')), 400);
    // An aspect is not a type.
    expectError(await rejectionOf(new TypesApi(await repo().api()).getType('cm:titled')), 404);
  });

  it('needs authentication (401)', async () => {
    expectError(await repo().request('GET', `${API.core}/types`, { auth: null }), 401);
  });
});

describe('probes', () => {
  const repo = useTestRepository();

  it('answer without authentication: -ready- and -live- succeed, others 404', async () => {
    const probes = new ProbesApi(repo().anonymousApi());
    assert.equal((await probes.getProbe('-ready-')).entry?.message, 'readyProbe: Success - Tested');
    assert.equal((await probes.getProbe('-live-')).entry?.message, 'liveProbe: Success - Tested');
    expectError(await repo().request('GET', `${API.core}/probes/-dead-`, { auth: null }), 404);
  });
});
