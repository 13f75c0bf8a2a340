// @eoffice/domain/src/signing: the signing core the extension (in the browser) and the installer (on Node) share.
// Only pkijs, asn1js and WebCrypto, no Node API. A separate entry point, not re-exported by the domain's index,
// so that pkijs loads only where a signature is made or checked (the notesheet, `npx eoffice verify`), not
// with every page and every script that reads a vocabulary or a query.
export * from './x509';
export * from './cms';
export * from './signer';
export * from './pkcs12-signer';
export * from './verify';
export * from './note-signatures';
export * from './pades';
export * from './bridge-client';
