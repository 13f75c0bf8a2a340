// @eoffice/domain: the framework-free e-Office rules (no Angular, no Node-only API), one copy read by the
// extension, the installer, the local repository's tests and benches, and the workflow build (which compiles
// some of these modules into the repository's scripts, see config/workflow/build.mjs).
export * from './vocabulary';
export * from './hierarchy';
export * from './numbering';
export * from './registration';
export * from './serials';
export * from './file-number';
export * from './office-time';
export * from './working-days';
export * from './subject-heads';
export * from './series-scope';
export * from './movement-actions';
export * from './age-buckets';
export * from './pendency-query';
export * from './escalation-query';
export * from './indian-number';
export * from './afts';
export * from './node-entry';
export * from './receipt-query';
export * from './file-query';
export * from './file-choice';
export * from './search-query';
export * from './movement';
export * from './note';
export * from './note-canonical';
export * from './note-signature';
export * from './retention';
export * from './notice-query';
export * from './charge';
export * from './delay-reason';
