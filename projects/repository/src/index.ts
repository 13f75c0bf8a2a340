export { startRepository, type RepositoryOptions, type RepositoryServer } from './server';
