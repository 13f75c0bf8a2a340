/*
 * Public API of @eoffice/extension: the only door into the library.
 */
export * from './lib/eoffice.module';
export * from './lib/officer/model/officer-profile.model';
export * from './lib/officer/services/officer-profile.service';
export * from './lib/officer/officer-profile/officer-profile.ui-component';
export * from './lib/officer/officer-profile/officer-profile.smart-component';
export * from './lib/domain';
