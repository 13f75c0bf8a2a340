// Framework-free e-Office domain code, shared by the extension and the installer (no Angular here).
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
