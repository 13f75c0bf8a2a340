/** Put in a file (file-choice.ts): only the open files the officer's posts hold, at their place in the series tree. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileChoiceQuery, toFileChoice } from '@eoffice/domain';
import { excludes, includes } from './text-assert';

describe('file search for Put in a file', () => {
  it("looks only at open files the officer's posts hold", () => {
    const q = fileChoiceQuery('eo-gad', ['GROUP_EO_GAD_SO_EST'], '');
    assert.equal(
      q,
      '(TYPE:"eo:file" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Files/*/*/*") AND (=eo:currentHolder:"GROUP_EO_GAD_SO_EST") AND NOT =eo:status:"closed"'
    );
  });

  it('matches every word against file number, Computer No. or subject, Devanagari included, without letting quotes through', () => {
    const q = fileChoiceQuery('eo-gad', ['A', 'B'], 'प्रशिक्षण  11011"');
    includes(q, '(=eo:currentHolder:"A" OR =eo:currentHolder:"B")');
    includes(q, '(eo:fileNumber:"*प्रशिक्षण*" OR eo:subject:"*प्रशिक्षण*")');
    includes(q, '(eo:fileNumber:"*11011*" OR eo:computerNumber:[1101100000 TO 1101199999] OR eo:subject:"*11011*")');
    excludes(q, '11011"*');
  });

  it('reads a file entry', () => {
    assert.deepEqual(
      toFileChoice({
        id: 'f1',
        name: '000005',
        properties: { 'eo:fileNumber': 'A-11011/5/2026-Est.', 'eo:subject': 'Training', 'eo:computerNumber': '2026000012' }
      }),
      { id: 'f1', fileNumber: 'A-11011/5/2026-Est.', computerNumber: '2026000012', subject: 'Training' }
    );
  });
});
