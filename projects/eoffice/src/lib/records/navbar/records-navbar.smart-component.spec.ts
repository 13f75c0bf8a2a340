import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideEnglish } from '../../shared/testing/spec-support.spec';
import { RecordsAccess, RecordsService } from '../records.service';
import { RecordsNavbarComponent } from './records-navbar.smart-component';

describe('RecordsNavbarComponent', () => {
  const group = {
    id: 'eoffice.navbar.records',
    title: 'EOFFICE.RECORDS.NAVBAR.GROUP',
    children: [
      { id: 'eoffice.navbar.records.filePlan', title: 'EOFFICE.RECORDS.NAVBAR.FILE_PLAN', url: '/eoffice/records/file-plan' },
      { id: 'eoffice.navbar.records.due', title: 'EOFFICE.RECORDS.NAVBAR.DUE', url: '/eoffice/records/due' }
    ]
  };

  function render(answer: RecordsAccess) {
    const access = signal<RecordsAccess>('unknown');
    const probeAccess = jasmine.createSpy('probeAccess').and.callFake(async () => {
      access.set(answer);
      return answer;
    });
    TestBed.configureTestingModule({
      imports: [RecordsNavbarComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: RecordsService, useValue: { access, probeAccess } }
      ]
    });
    const fixture = TestBed.createComponent(RecordsNavbarComponent);
    fixture.componentInstance.data = { item: group };
    return { fixture, probeAccess };
  }

  it('shows the Records group to a user with a file plan role', async () => {
    const { fixture, probeAccess } = render('granted');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(probeAccess).toHaveBeenCalled();
    expect(element.textContent).toContain('Records');
    expect(element.querySelector('[data-automation-id="eoffice.navbar.records.due"]')?.textContent).toContain('Due for disposition');
  });

  for (const answer of ['denied', 'none'] as const)
    it(`draws nothing when the file plan answers ${answer === 'denied' ? '403' : '404'}`, async () => {
      const { fixture } = render(answer);
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
      expect((fixture.nativeElement as HTMLElement).querySelector('mat-expansion-panel')).toBeNull();
    });
});
