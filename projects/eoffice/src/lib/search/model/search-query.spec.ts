import { seriesItems } from '../../domain/series-scope';
import { readSearch, searchQuery, searchRequest, searchTextQuery, toSearchHit } from './search-query';

describe('e-Office search query', () => {
  it('finds nothing to search for in blank words or bare wildcards', () => {
    expect(searchTextQuery('   ')).toBeUndefined();
    expect(searchQuery('eo-gad', ' * ? ', {})).toBeUndefined();
    expect(searchRequest({ site: 'eo-gad', text: '', filters: {}, skipCount: 0, maxItems: 25, years: [2026] })).toBeUndefined();
  });

  it('looks for each word in the numbers (in capitals), the subject and the sender', () => {
    const q = searchTextQuery('82/2026/adm')!;
    expect(q).toContain('eo:receiptNumber:"*82/2026/ADM*"');
    expect(q).toContain('eo:fileNumber:"*82/2026/ADM*"');
    expect(q).toContain('eo:subject:"*82/2026/adm*"');
    expect(q).toContain('eo:senderName:"*82/2026/adm*"');
    expect(q).toContain('eo:senderOrganisation:"*82/2026/adm*"');
  });

  it('requires every word, Devanagari as it is typed', () => {
    const q = searchTextQuery('वेतन  निर्धारण')!;
    expect(q.split(' AND ').length).toBe(2);
    expect(q).toContain('eo:subject:"*वेतन*"');
    expect(q).toContain('eo:senderName:"*निर्धारण*"');
  });

  it('matches a Computer No. by its leading digits as a number range', () => {
    expect(searchTextQuery('2026000')).toContain('eo:computerNumber:[2026000000 TO 2026000999]');
    expect(searchTextQuery('ADM')).not.toContain('eo:computerNumber');
  });

  it('keeps a typed quote or wildcard from changing the query', () => {
    const q = searchTextQuery('a"b OR*')!;
    expect(q).toContain('eo:subject:"*ab*"');
    expect(q).toContain('eo:subject:"*OR*"');
    expect(q).not.toContain('\\"');
  });

  it('searches only the registered items of the department series trees, narrowed by the chosen chips', () => {
    const all = searchQuery('eo-gad', 'pay', {})!;
    expect(all.startsWith(seriesItems('eo-gad', ['receipt', 'file']))).toBeTrue();
    const narrowed = searchQuery('eo-gad', 'pay', {
      kind: 'file',
      status: 'parked',
      year: 2025,
      section: 'EST',
      holder: 'GROUP_EO_GAD_SO_EST'
    })!;
    expect(narrowed.startsWith(seriesItems('eo-gad', ['file']))).toBeTrue();
    expect(narrowed).toContain('TYPE:"eo:file"');
    expect(narrowed).toContain('=eo:status:"parked"');
    expect(narrowed).toContain('(eo:receiptYear:[2025 TO 2025] OR eo:fileYear:[2025 TO 2025])');
    expect(narrowed).toContain('(=eo:receiptSection:"EST" OR =eo:fileSection:"EST")');
    expect(narrowed).toContain('=eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
  });

  it('asks for the page and the facet counts in one request', () => {
    const body = searchRequest({ site: 'eo-gad', text: 'pay', filters: {}, skipCount: 25, maxItems: 25, years: [2026, 2025] })!;
    expect(body.paging).toEqual({ skipCount: 25, maxItems: 25 });
    expect(body.facetQueries.map((f) => f.label)).toEqual(['kind|receipt', 'kind|file', 'year|2026', 'year|2025']);
    expect(body.facetFields.facets.map((f) => f.field)).toEqual(['eo:status', 'eo:receiptSection', 'eo:fileSection', 'eo:currentHolder']);
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
              type: 'query',
              label: 'kind',
              buckets: [
                { label: 'kind|receipt', metrics: [{ type: 'count', value: { count: 2 } }] },
                { label: 'kind|file', metrics: [{ type: 'count', value: { count: 1 } }] }
              ]
            },
            { type: 'query', label: 'year', buckets: [{ label: 'year|2025', metrics: [{ type: 'count', value: { count: 0 } }] }] },
            { type: 'field', label: 'eo:receiptSection', buckets: [{ label: 'EST', metrics: [{ type: 'count', value: { count: '2' } }] }] },
            { type: 'field', label: 'eo:fileSection', buckets: [{ label: 'EST', metrics: [{ type: 'count', value: { count: '1' } }] }] }
          ]
        }
      }
    });
    expect(result.total).toBe(3);
    expect(result.hits[0]).toEqual(
      jasmine.objectContaining({
        kind: 'receipt',
        number: '82/2026/ADM-GAD',
        sender: 'R. Sharma, Ministry of Finance',
        status: 'inMovement',
        date: '2026-11-30T05:00:00.000Z'
      })
    );
    expect(result.hits[1]).toEqual(
      jasmine.objectContaining({ kind: 'file', number: 'A-11011/5/2026-EST-GAD', date: '2026-10-01T05:00:00.000Z' })
    );
    expect(result.facets.kind).toEqual([
      { group: 'kind', value: 'receipt', count: 2 },
      { group: 'kind', value: 'file', count: 1 }
    ]);
    expect(result.facets.year).toEqual([]);
    expect(result.facets.section).toEqual([{ group: 'section', value: 'EST', count: 3 }]);
  });

  it('shows a receipt without a number by its folder name rather than nothing', () => {
    expect(toSearchHit({ id: 'x', nodeType: 'eo:receipt', name: 'intake-1' }).number).toBe('intake-1');
  });
});
