import { Hierarchy, WorkingDays } from '@eoffice/domain';
import { WEEKLY_OFFS_ONLY } from '../calendar/working-days.service';
import { registryHierarchy } from '../../receipt/mock/receipt.mock';
import { itemRows, officerOfGroup } from './item-rows';

/** The registry's department, with the name of the Section Officer (Administration) as the installer records it. */
const hierarchy: Hierarchy = {
  ...registryHierarchy,
  posts: registryHierarchy.posts.map((p) => (p.code === 'SO_ADM' ? { ...p, incumbentName: { en: 'Suresh Yadav', hi: 'सुरेश यादव' } } : p))
};

describe('itemRows', () => {
  const days = new WorkingDays(WEEKLY_OFFS_ONLY);
  const desk = { hierarchy, posts: ['GROUP_EO_GAD_CRU'] };

  it('names the officer of a post group in the reader’s language, and keeps a group it does not know as it is', () => {
    expect(officerOfGroup(hierarchy, 'GROUP_EO_GAD_SO_ADM', 'en')).toBe('Suresh Yadav (Section Officer, Administration)');
    expect(officerOfGroup(hierarchy, 'GROUP_EO_GAD_SO_ADM', 'hi')).toContain('सुरेश यादव');
    expect(officerOfGroup(hierarchy, 'GROUP_ELSEWHERE', 'en')).toBe('GROUP_ELSEWHERE');
    expect(officerOfGroup(hierarchy, undefined, 'en')).toBe('');
  });

  it('says who sent each item, whether it is opened, and its working days pending from when it was received', () => {
    const sent = {
      id: 'sent',
      currentHolder: 'GROUP_EO_GAD_CRU',
      previousHolder: 'GROUP_EO_GAD_SO_ADM',
      heldSince: '2026-11-23T05:00:00.000Z',
      dueDate: '2026-11-30',
      lastRemarks: 'Put up'
    };
    const own = { id: 'own', currentHolder: 'GROUP_EO_GAD_SO_ADM', heldSince: '2026-12-04T05:00:00.000Z' };
    // received Monday 23/11, Friday 04/12 is its ninth working day (Sunday 29/11 and the fourth Saturday 28/11 off)
    const rows = itemRows([sent, own], { desk, days, today: '2026-12-04', unopened: ['sent'], lang: 'en' }, (i) => i.heldSince);

    expect(rows[0]).toEqual(
      jasmine.objectContaining({
        sentBy: 'Suresh Yadav (Section Officer, Administration)',
        dueOn: '2026-11-30',
        remarks: 'Put up',
        unread: true
      })
    );
    expect(rows[0].pendingDays).toBe(9);
    expect(rows[0].pendency).toBe('over');
    expect(rows[1]).toEqual(jasmine.objectContaining({ sentBy: '', unread: false, pendency: 'within' }));
    expect(rows[1].holder).toBe('Suresh Yadav (Section Officer, Administration)');
  });
});
