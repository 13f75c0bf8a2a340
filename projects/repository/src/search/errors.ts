/** A bad search request or query; the HTTP layer answers it with 400. */
export class SearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchError';
  }
}
