import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A receipt or file number that may wrap on a narrow screen: a browser breaks a line after a hyphen but never
 * after a slash, so "A-19011/1/2026-EST-GAD" would break inside "EST-GAD" or not at all. Each slash is
 * followed by a break opportunity (<wbr>), which adds nothing to the text an officer copies or a test reads.
 */
@Component({
  selector: 'eoffice-item-number',
  template: `@for (part of parts(); track $index) {
    <ng-container>{{ part }}</ng-container
    ><wbr />
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ItemNumberUiComponent {
  readonly value = input.required<string>();
  /** The number cut after each slash, the slash kept with the part before it. */
  protected readonly parts = computed(() => this.value().split(/(?<=\/)/));
}
