/**
 * The e-Office search's one request (search-query.ts): words matched literally in numbers, subject and
 * sender, the series trees only, chips as tagged filter queries each facet leaves out, and the answer read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSearch, searchRequest, searchTextQuery, seriesItems, toSearchHit } from '@eoffice/domain';
import { excludes, includes } from './text-assert';

describe('e-Office search query', () => {
  it('finds nothing to search for in blank words or bare wildcards', () => {
    assert.equal(searchTextQuery('   '), undefined);
    assert.equal(searchRequest({ site: 'eo-gad', text: ' * ? ', filters: {}, skipCount: 0, maxItems: 25 }), undefined);
    assert.equal(searchRequest({ site: 'eo-gad', text: '', filters: {}, skipCount: 0, maxItems: 25 }), undefined);
  });

  it('looks for each word in the numbers (in capitals), the subject and the sender', () => {
    const q = searchTextQuery('82/2026/adm')!;
    includes(q, 'eo:receiptNumber:"*82/2026/ADM*"');
    includes(q, 'eo:fileNumber:"*82/2026/ADM*"');
    includes(q, 'eo:subject:"*82/2026/adm*"');
    includes(q, 'eo:senderName:"*82/2026/adm*"');
    includes(q, 'eo:senderOrganisation:"*82/2026/adm*"');
  });

  it('requires every word, Devanagari as it is typed', () => {
    const q = searchTextQuery('वेतन  निर्धारण')!;
    assert.equal(q.split(' AND ').length, 2);
    includes(q, 'eo:subject:"*वेतन*"');
    includes(q, 'eo:senderName:"*निर्धारण*"');
  });

  it('matches a Computer No. by its leading digits as a number range', () => {
    includes(searchTextQuery('2026000'), 'eo:computerNumber:[2026000000 TO 2026000999]');
    excludes(searchTextQuery('ADM'), 'eo:computerNumber');
  });

  it('keeps a typed quote or wildcard from changing the query', () => {
    const q = searchTextQuery('a"b OR*')!;
    includes(q, 'eo:subject:"*ab*"');
    includes(q, 'eo:subject:"*OR*"');
    excludes(q, '\\"');
  });

  it('searches only the registered items of the department series trees, narrowed by the chosen chips', () => {
    const all = searchRequest({ site: 'eo-gad', text: 'pay', filters: {}, skipCount: 0, maxItems: 25 })!;
    assert.equal(all.query.query.startsWith(seriesItems('eo-gad', ['receipt', 'file'])), true);
    assert.deepEqual(all.filterQueries, []);
    const narrowed = searchRequest({
      site: 'eo-gad',
      text: 'pay',
      filters: { kind: 'file', status: 'parked', year: 2025, section: 'EST', holder: 'GROUP_EO_GAD_SO_EST' },
      skipCount: 0,
      maxItems: 25
    })!;
    assert.deepEqual(narrowed.query, all.query);
    assert.deepEqual(narrowed.filterQueries, [
      { query: 'TYPE:"eo:file"', tags: ['kind'] },
      { query: '=eo:status:"parked"', tags: ['status'] },
      { query: '(eo:receiptYear:[2025 TO 2025] OR eo:fileYear:[2025 TO 2025])', tags: ['year'] },
      { query: '(=eo:receiptSection:"EST" OR =eo:fileSection:"EST")', tags: ['section'] },
      { query: '=eo:currentHolder:"GROUP_EO_GAD_SO_EST"', tags: ['holder'] }
    ]);
  });

  it('asks for the page and the facet counts in one request, each facet leaving out its own chip', () => {
    const body = searchRequest({ site: 'eo-gad', text: 'pay', filters: {}, skipCount: 25, maxItems: 25 })!;
    assert.deepEqual(body.paging, { skipCount: 25, maxItems: 25 });
    assert.deepEqual(
      body.facetFields.facets.map((f) => [f.field, f.excludeFilters]),
      [
        ['TYPE', ['kind']],
        ['eo:status', ['status']],
        ['eo:receiptYear', ['year']],
        ['eo:fileYear', ['year']],
        ['eo:receiptSection', ['section']],
        ['eo:fileSection', ['section']],
        ['eo:currentHolder', ['holder']]
      ]
    );
  });

  it('reads the items and merges the section counts of receipts and files into one chip', () => {
    const result = readSearch({
      list: {
        pagination: { totalItems: 3 },
        entries: [
          {
            entry: {
              id: 'r1',
              nodeType: 'eo:receipt',
              name: '000082 ( 82/2026/ADM-GAD )',
              modifiedAt: '2026-12-01T10:00:00.000+0000',
              properties: {
                'eo:receiptNumber': '82/2026/ADM-GAD',
                'eo:subject': 'वेतन निर्धारण',
                'eo:senderName': 'R. Sharma',
                'eo:senderOrganisation': 'Ministry of Finance',
                'eo:currentHolder': 'GROUP_EO_GAD_SO_ADM',
                'eo:status': 'inMovement',
                'eo:diarisedDate': '2026-11-30T05:00:00.000+0000'
              }
            }
          },
          {
            entry: {
              id: 'f1',
              nodeType: 'eo:file',
              createdAt: '2026-10-01T05:00:00.000Z',
              properties: { 'eo:fileNumber': 'A-11011/5/2026-EST-GAD' }
            }
          }
        ],
        context: {
          facets: [
            {
              type: 'field',
              label: 'TYPE',
              buckets: [
                { label: '{http://www.example.org/model/eoffice/1.0}file', metrics: [{ type: 'count', value: { count: '1' } }] },
                { label: 'eo:receipt', metrics: [{ type: 'count', value: { count: '2' } }] }
              ]
            },
            { type: 'field', label: 'eo:receiptYear', buckets: [{ label: '2025', metrics: [{ type: 'count', value: { count: '2' } }] }] },
            { type: 'field', label: 'eo:fileYear', buckets: [{ label: '2026', metrics: [{ type: 'count', value: { count: '1' } }] }] },
            { type: 'field', label: 'eo:receiptSection', buckets: [{ label: 'EST', metrics: [{ type: 'count', value: { count: '2' } }] }] },
            { type: 'field', label: 'eo:fileSection', buckets: [{ label: 'EST', metrics: [{ type: 'count', value: { count: '1' } }] }] }
          ]
        }
      }
    });
    assert.equal(result.total, 3);
    const { kind, number, sender, status, date } = result.hits[0];
    assert.deepEqual(
      { kind, number, sender, status, date },
      {
        kind: 'receipt',
        number: '82/2026/ADM-GAD',
        sender: 'R. Sharma, Ministry of Finance',
        status: 'inMovement',
        date: '2026-11-30T05:00:00.000Z'
      }
    );
    const file = result.hits[1];
    assert.deepEqual(
      { kind: file.kind, number: file.number, date: file.date },
      { kind: 'file', number: 'A-11011/5/2026-EST-GAD', date: '2026-10-01T05:00:00.000Z' }
    );
    assert.deepEqual(result.facets.kind, [
      { group: 'kind', value: 'receipt', count: 2 },
      { group: 'kind', value: 'file', count: 1 }
    ]);
    // newest year first, whichever kind it came from
    assert.deepEqual(result.facets.year, [
      { group: 'year', value: '2026', count: 1 },
      { group: 'year', value: '2025', count: 2 }
    ]);
    assert.deepEqual(result.facets.section, [{ group: 'section', value: 'EST', count: 3 }]);
  });

  it('shows a receipt without a number by its folder name rather than nothing', () => {
    assert.equal(toSearchHit({ id: 'x', nodeType: 'eo:receipt', name: 'intake-1' }).number, 'intake-1');
  });
});
