import { Injectable } from '@angular/core';
import { HttpEvent, HttpHandler, HttpInterceptor, HttpRequest, HttpResponse } from '@angular/common/http';
import { Observable, map, shareReplay, tap } from 'rxjs';

/**
 * Reads a new tab makes several times over as the Content App starts, each answering the same for the whole
 * session: the repository's discovery (ADF's DiscoveryApiService on login, ACA's AppService for its store),
 * the signed-in person and her group memberships (ACA's UserProfileService, ADF's user access, the extension's
 * desk and notesheet). On the first-screen bench a cold tab asked for discovery twice, the groups three times
 * and `people/-me-` up to four times, in the start-up window in which the e-Office page's own reads wait for
 * one of the browser's six connections to the host.
 */
const SESSION_READS: { path: RegExp; keepMs: number }[] = [
  // What the repository is (version, modules, status) changes only when it is upgraded and restarted.
  { path: /\/api\/discovery$/, keepMs: Infinity },
  // The person and her groups: shared while asked for again within a few seconds (the start-up), read
  // afresh afterwards, so that a change of profile or membership shows as it did without this.
  { path: /\/people\/-me-$/, keepMs: 10_000 },
  { path: /\/people\/-me-\/groups$/, keepMs: 10_000 }
];

interface Shared {
  answer: Observable<HttpEvent<unknown>>;
  keepMs: number;
  /** When the answer stops being given again: Infinity while it is on its way. */
  until: number;
}

/**
 * Gives identical GETs of those session reads one request to the repository: a second caller while the
 * first is on its way, or shortly after its answer (see SESSION_READS), receives the same answer, each a
 * copy of its own. Identical means the same URL with the same query and the same Authorization header
 * (another session never shares). A failed read is never given again, and any write drops what was kept
 * of the person. A shared read runs to its end even when its callers stop waiting (a small
 * answer; another caller may be about to ask). Nothing else is touched: the repository's published API
 * answers every request as before, and no other read is ever reused (a listing must show what a write
 * just changed).
 */
@Injectable()
export class SharedSessionReadsInterceptor implements HttpInterceptor {
  private readonly shared = new Map<string, Shared>();

  intercept(request: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    const path = request.url.split('?')[0];
    if (request.method !== 'GET') {
      // Any write may change her profile or her groups (a transfer of charge, a link officer named: workflow
      // scripts change memberships): what was kept of her is read afresh. Discovery stays.
      this.forgetPerson();
      return next.handle(request);
    }
    const read = SESSION_READS.find((session) => session.path.test(path));
    if (!read || request.responseType !== 'json') return next.handle(request);
    const key = `${sameQuery(request.urlWithParams)}\n${request.headers.get('Authorization') ?? ''}`;
    const kept = this.shared.get(key);
    if (kept && kept.until > Date.now()) return kept.answer.pipe(map(copyOfAnswer));
    const entry: Shared = { answer: undefined as never, keepMs: read.keepMs, until: Infinity };
    entry.answer = next.handle(request).pipe(
      tap({
        next: (event) => {
          if (event instanceof HttpResponse) entry.until = Date.now() + read.keepMs;
        },
        error: () => this.drop(key, entry)
      }),
      shareReplay({ bufferSize: Infinity, refCount: false })
    );
    this.shared.set(key, entry);
    return entry.answer.pipe(map(copyOfAnswer));
  }

  private drop(key: string, entry: Shared): void {
    if (this.shared.get(key) === entry) this.shared.delete(key);
  }

  private forgetPerson(): void {
    for (const [key, entry] of [...this.shared.entries()]) if (entry.keepMs !== Infinity) this.shared.delete(key);
  }
}

/**
 * The URL with its query in one spelling: parameters sorted, and `skipCount=0` (the API's default, Paging in
 * the published REST API) left out; ACA asks for the groups with `maxItems=250`, the desk with
 * `skipCount=0&maxItems=250`: the same page.
 */
function sameQuery(url: string): string {
  const [path, query = ''] = url.split('?');
  const params = query
    .split('&')
    .filter((param) => param && param !== 'skipCount=0')
    .sort();
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** Each caller its own copy of the JSON body: ADF and ACA keep what they read, and one may change it. */
function copyOfAnswer(event: HttpEvent<unknown>): HttpEvent<unknown> {
  return event instanceof HttpResponse && event.body !== null && typeof event.body === 'object'
    ? event.clone({ body: structuredClone(event.body) })
    : event;
}
