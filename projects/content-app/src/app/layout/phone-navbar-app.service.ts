import { Injectable, inject } from '@angular/core';
import { BreakpointObserver } from '@angular/cdk/layout';
import { AppService } from '@alfresco/aca-shared';

/**
 * Where ADF's sidenav layout puts the navigation over the page instead of beside it (its stepOver, 600 px,
 * as the Content App's shell sets it).
 */
export const PHONE_LAYOUT_QUERY = '(max-width: 600px)';

/**
 * The Content App's AppService, except that on a phone its navigation always counts as collapsed.
 * ACA's page header offers its "expand navigation" button only while the navbar mode is 'collapsed', and its
 * sidenav starts in 'expanded' whatever the width: an officer who signs in on a phone got no way to reach the
 * navigation, the bell or sign-out. At that width the navigation is an overlay, never beside the page, so
 * 'collapsed' is the truth there; wider, ACA's own mode stands.
 */
@Injectable()
export class PhoneNavbarAppService extends AppService {
  private readonly breakpoints = inject(BreakpointObserver);

  override setAppNavbarMode(mode: 'expanded' | 'collapsed'): void {
    super.setAppNavbarMode(this.breakpoints.isMatched(PHONE_LAYOUT_QUERY) ? 'collapsed' : mode);
  }
}
