// The built-in models are our own files; this test holds them to Alfresco's reference models wherever
// both define the same class, property or association.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssociationDef, ClassDef, ConstraintDef, Dictionary, PropertyDef } from '../../src/dictionary';
import { compileJavaRegex } from '../../src/dictionary/constraints';
import { parseAllReferenceModels, readReference } from './support';

const STANDARD = new Set(['LIST', 'REGEX', 'LENGTH', 'MINMAX']);
// Namespaces without a reference model here (rma: is Governance Services' model, an AGS module file that
// ../shared/alfresco-reference does not carry; its names follow AGS's recordsModel.xml).
const UNREFERENCED_NAMESPACES = new Set(['usr', 'fm', 'rma']);
// Java-class constraints are not evaluated by this repository (user and group names are checked by the
// people and groups services instead), so the built-in models leave them out.
const standardOnly = (cs: ConstraintDef[]) => cs.filter((c) => STANDARD.has(c.type));
// Sample names for comparing the cm:filename expressions by behaviour rather than text.
const NAMES = [
  'report.pdf',
  'a',
  'a.b.c',
  'x"y',
  'x*y',
  'x\\y',
  'x>y',
  'x<y',
  'x?y',
  'x/y',
  'x:y',
  'x|y',
  'ends.',
  'ends..',
  'ends ',
  ' starts',
  'मसौदा पत्र.docx',
  '.hidden'
];

const dict = new Dictionary();
const refClasses = new Map<string, ClassDef>();
const refProps = new Map<string, PropertyDef>();
const refAssocs = new Map<string, AssociationDef>();
for (const m of parseAllReferenceModels()) {
  for (const c of [...m.types, ...m.aspects]) {
    refClasses.set(c.name, c);
    c.properties.forEach((p) => refProps.set(p.name, p));
    c.associations.forEach((a) => refAssocs.set(a.name, a));
  }
}
const builtIn = [...dict.allTypes(), ...dict.allAspects()];
const ns = (q: string) => q.split(':')[0];

function sameConstraints(ours: ConstraintDef[], ref: ConstraintDef[], where: string) {
  const a = standardOnly(ours);
  const b = standardOnly(ref);
  assert.deepEqual(
    a.map((c) => c.type),
    b.map((c) => c.type),
    `${where}: constraint kinds`
  );
  a.forEach((c, i) => {
    const r = b[i];
    if (c.type === 'REGEX') {
      for (const n of NAMES) {
        assert.equal(
          compileJavaRegex(String(c.parameters.expression)).test(n),
          compileJavaRegex(String(r.parameters.expression)).test(n),
          `${where}: REGEX on ${JSON.stringify(n)}`
        );
      }
      assert.equal(c.parameters.requiresMatch, r.parameters.requiresMatch, `${where}: requiresMatch`);
    } else {
      assert.deepEqual(c.parameters, r.parameters, `${where}: ${c.type} parameters`);
    }
  });
}

describe('built-in models against Alfresco reference models', () => {
  it('only defines classes outside the reference in the usr:, fm: and rma: namespaces', () => {
    const extra = builtIn.filter((c) => !refClasses.has(c.name) && !UNREFERENCED_NAMESPACES.has(ns(c.name))).map((c) => c.name);
    assert.deepEqual(extra, []);
    assert.ok(builtIn.length > 100);
  });

  it('classes have the same kind, parent, mandatory aspects and flags', () => {
    for (const c of builtIn.filter((x) => refClasses.has(x.name))) {
      const r = refClasses.get(c.name)!;
      assert.equal(c.kind, r.kind, `${c.name}: kind`);
      assert.equal(c.parent, r.parent, `${c.name}: parent`);
      assert.deepEqual([...c.mandatoryAspects].sort(), [...r.mandatoryAspects].sort(), `${c.name}: mandatory aspects`);
      assert.equal(c.includedInSuperTypeQuery, r.includedInSuperTypeQuery, `${c.name}: includedInSuperTypeQuery`);
      if (r.archive !== undefined) assert.equal(c.archive, r.archive, `${c.name}: archive`);
      assert.deepEqual(
        c.overrides.map((o) => [o.name, o.defaultValue]),
        r.overrides.map((o) => [o.name, o.defaultValue]),
        `${c.name}: overrides`
      );
    }
  });

  it('classes declare every property and association their reference declares', () => {
    for (const c of builtIn.filter((x) => refClasses.has(x.name))) {
      const r = refClasses.get(c.name)!;
      assert.deepEqual(c.properties.map((p) => p.name).sort(), r.properties.map((p) => p.name).sort(), `${c.name}: properties`);
      assert.deepEqual(c.associations.map((a) => a.name).sort(), r.associations.map((a) => a.name).sort(), `${c.name}: associations`);
    }
  });

  it('properties have the same data type, mandatory, enforced, multiple, protected flags, defaults and constraints', () => {
    let compared = 0;
    for (const c of builtIn) {
      for (const p of c.properties) {
        const r = refProps.get(p.name);
        if (!r) {
          assert.ok(UNREFERENCED_NAMESPACES.has(ns(p.name)), `${p.name} is not in the reference`);
          continue;
        }
        compared++;
        assert.equal(p.container, r.container, `${p.name}: declaring class`);
        assert.equal(p.dataType, r.dataType, `${p.name}: data type`);
        assert.equal(p.mandatory, r.mandatory, `${p.name}: mandatory`);
        assert.equal(p.mandatoryEnforced, r.mandatoryEnforced, `${p.name}: enforced`);
        assert.equal(p.multiple, r.multiple, `${p.name}: multiple`);
        assert.equal(p.protected, r.protected, `${p.name}: protected`);
        // ACS resolves ${...} placeholders from repository properties; ours are literal values.
        if (!r.defaultValue?.includes('${')) assert.equal(p.defaultValue, r.defaultValue, `${p.name}: default`);
        sameConstraints(p.constraints, r.constraints, p.name);
      }
    }
    assert.ok(compared > 150, `compared ${compared} properties`);
  });

  it('associations have the same kind, target and multiplicities', () => {
    for (const c of builtIn) {
      for (const a of c.associations) {
        const r = refAssocs.get(a.name);
        if (!r) {
          assert.ok(UNREFERENCED_NAMESPACES.has(ns(a.name)), `${a.name} is not in the reference`);
          continue;
        }
        assert.equal(a.isChild, r.isChild, `${a.name}: child`);
        assert.deepEqual(a.source, r.source, `${a.name}: source`);
        assert.deepEqual(a.target, r.target, `${a.name}: target`);
        assert.equal(a.duplicate, r.duplicate, `${a.name}: duplicate`);
      }
    }
  });

  it('a dictionary without built-ins loads the reference models themselves', () => {
    const d = new Dictionary({ builtIn: false });
    const read = readReference;
    for (const f of ['dictionaryModel.xml', 'systemModel.xml', 'contentModel.xml', 'applicationModel.xml', 'siteModel.xml'])
      d.registerModel(read(f));
    // bpm imports the user namespace, which has no reference model here.
    d.registerModel(
      '<model name="usr:stub" xmlns="http://www.alfresco.org/model/dictionary/1.0"><namespaces><namespace uri="http://www.alfresco.org/model/user/1.0" prefix="usr"/></namespaces></model>'
    );
    d.registerModel(read('bpmModel.xml'));
    d.registerModel(read('workflowModel.xml'));
    assert.ok(d.isSubClassOf('wf:activitiReviewTask', 'cm:content'));
    assert.deepEqual([...d.mandatoryAspects('wf:submitParallelReviewTask')].sort(), [
      'bpm:assignees',
      'cm:auditable',
      'cm:ownable',
      'sys:localized',
      'sys:referenceable'
    ]);
  });
});
