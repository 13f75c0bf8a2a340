import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ItemNumberUiComponent } from './item-number.ui-component';

@Component({
  imports: [ItemNumberUiComponent],
  template: `<h1><eoffice-item-number [value]="value" /></h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
class HostComponent {
  value = 'A-19011/1/2026-EST-GAD';
}

describe('ItemNumberUiComponent', () => {
  it('reads as the number itself, with a place to wrap after each slash', () => {
    TestBed.configureTestingModule({ imports: [HostComponent] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement.querySelector('eoffice-item-number');
    expect(element.textContent).toBe('A-19011/1/2026-EST-GAD');
    // the text between one break opportunity and the next
    const lines = [''];
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeName === 'WBR') lines.push('');
      else if (node.nodeType === Node.TEXT_NODE) lines[lines.length - 1] += node.textContent;
    }
    expect(lines.filter((line) => line)).toEqual(['A-19011/', '1/', '2026-EST-GAD']);
  });

  it('a number without slashes is shown whole', () => {
    TestBed.configureTestingModule({ imports: [HostComponent] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.value = '000082';
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('eoffice-item-number').textContent).toBe('000082');
  });
});
