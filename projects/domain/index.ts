// The package's entry for Node (the installer and the local repository's tests run the sources through tsx);
// Angular builds map `@eoffice/domain` to src/index.ts (tsconfig paths), ng-packagr builds from src/index.ts.
export * from './src/index';
