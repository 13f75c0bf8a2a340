/**
 * The permanent record categories (CSMOP A and B), whose closed files are written also as PDF/A: the
 * department's retention schedules agree — A and B never destroy, every other category (and sub-category)
 * does — so the workflow's isPermanentRecordCategory and config/retention cannot drift apart unnoticed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRetentionCategories, isPermanentRecordCategory, parseRetentionConfig, RECORD_CATEGORIES } from '@eoffice/domain';

const config = parseRetentionConfig(JSON.parse(readFileSync(join(__dirname, '../../../config/retention/csmop.retention.json'), 'utf8')));

describe('permanent record categories', () => {
  it('A and B are permanent, C and anything else is not', () => {
    assert.deepEqual(RECORD_CATEGORIES.map((c) => c.value).filter(isPermanentRecordCategory), ['A', 'B']);
    for (const code of ['C', 'C-5', '', undefined, null, 'a']) assert.equal(isPermanentRecordCategory(code), false, String(code));
  });

  it('config/retention destroys nothing of A and B, and destroys what every other category keeps', () => {
    for (const { category, parent } of allRetentionCategories(config)) {
      const code = (parent ?? category).code;
      const destroys = category.schedule.steps.some((s) => s.name === 'destroyContent' || s.name === 'destroyNode');
      assert.equal(
        destroys,
        !isPermanentRecordCategory(code),
        `${category.code}: ${category.schedule.steps.map((s) => s.name).join(', ')}`
      );
    }
  });
});
