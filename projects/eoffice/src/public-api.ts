/*
 * Public API of @eoffice/extension: what a host needs to offer the extension, and nothing more.
 *
 * A host adds the providers at start (manifest, toolbar actions, translations) and the routes among the
 * shell's; every page then loads with its route. Exporting a page, a service or a model from here would put
 * it in the package's entry module, which the host loads at start: the page would no longer be lazy, and
 * what it brings (charts, the note editor, PDF and spreadsheet writers) would come with the first screen.
 */
export { provideEOfficeExtension, EOFFICE_TRANSLATIONS_NAME, EOFFICE_ASSETS_PATH } from './lib/eoffice.module';
export { EOFFICE_ROUTES } from './lib/eoffice.routes';
