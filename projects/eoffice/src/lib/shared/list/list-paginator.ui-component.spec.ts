import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ListPaginatorUiComponent } from './list-paginator.ui-component';
import { PagedList, PageRequest } from './paged-list';

describe('ListPaginatorUiComponent', () => {
  it('shows where the list stands and asks it for the page chosen', async () => {
    TestBed.configureTestingModule({ imports: [ListPaginatorUiComponent], providers: [provideNoopAnimations()] });
    const read = jasmine.createSpy('read').and.resolveTo({ rows: [], totalItems: 120 });
    const list = new PagedList<object, PageRequest>(read, { skipCount: 50, maxItems: 25 });
    await list.load();
    const fixture = TestBed.createComponent(ListPaginatorUiComponent);
    fixture.componentRef.setInput('list', list);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('51 – 75 of 120');
    element.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-last')!.click();
    expect(read.calls.mostRecent().args[0]).toEqual({ skipCount: 100, maxItems: 25 });
  });
});
