/**
 * The GAD hierarchy template and the demo officers the installer seeds: the names the template records for
 * the incumbents (what signature blocks carry) are the officers' own. The hierarchy's rules themselves are
 * specified with the domain (projects/domain/test/hierarchy.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incumbentName, type Hierarchy } from '@eoffice/domain';
import { DEFAULT_HIERARCHY, loadHierarchy } from '../src/config';
import { DEMO_OFFICERS } from '../src/seed/officers';

const gad = (): Hierarchy => loadHierarchy(DEFAULT_HIERARCHY);

describe('hierarchy template and the demo officers', () => {
  it("records each incumbent's name (what signature blocks carry) as the demo officers are named", () => {
    for (const p of gad().posts) {
      const officer = DEMO_OFFICERS.find((o) => o.id === p.incumbent);
      assert.deepEqual(p.incumbentName, officer && { en: `${officer.firstName} ${officer.lastName}`, hi: officer.nameHi }, p.code);
      assert.equal(incumbentName(gad(), p.incumbent!, 'hi'), officer?.nameHi);
    }
    assert.equal(incumbentName(gad(), 'nobody.here'), undefined);
  });
});
