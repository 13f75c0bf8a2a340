/* Package entry for ng-packagr (so the manifest JSON beside src/ is inside the compilation root). */
export * from './src/public-api';
