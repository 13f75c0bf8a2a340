import type { Page, Request, Response } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Query parameters whose values say what the app asks for (the rest are reported by name only). */
const MEANINGFUL_PARAMS = new Set(['include', 'where', 'orderBy', 'fields', 'relations', 'relativePath', 'permanent']);

/** Turns `/alfresco/api/-default-/public/alfresco/versions/1/nodes/1a2b…/children` into a pattern. */
export function pathPattern(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(;[0-9.]+)?$/i.test(segment) || /^\d{3,}$/.test(segment)
        ? '{id}'
        : segment
    )
    .join('/');
}

function queryPattern(url: URL): string {
  const parts = [...new Set([...url.searchParams.keys()])]
    .sort()
    .map((key) => (MEANINGFUL_PARAMS.has(key) ? `${key}=${url.searchParams.getAll(key).join('|')}` : key));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** For search requests, which query language and query the app sends (ids blanked). */
function searchSummary(request: Request): string {
  if (request.method() !== 'POST' || !request.url().includes('/search/versions/1/search')) {
    return '';
  }
  try {
    const body = request.postDataJSON() as {
      query?: { language?: string; query?: string };
      filterQueries?: { query?: string }[];
    } | null;
    const blank = (text: string): string => text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}').slice(0, 200);
    const filters = (body?.filterQueries ?? []).map((filter) => blank(filter.query ?? '')).join(' ; ');
    return ` [${body?.query?.language ?? '?'}: ${blank(body?.query?.query ?? '')}${filters ? ` | filters: ${filters}` : ''}]`;
  } catch {
    return '';
  }
}

export interface RecordedRequest {
  page: string;
  method: string;
  pattern: string;
  status: number | null;
}

/** Watches one browser page: console errors, failed responses, and every request the app makes. */
export class PageWatch {
  private current = 'start';
  /** The steps begun with step(), in order: a test walking through several checks each one's problems at its end. */
  readonly steps: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly problems = new Map<string, string[]>();

  constructor(
    private readonly page: Page,
    private readonly origin: string
  ) {
    page.on('console', (message) => {
      // Nothing is excused: the host app reads ACA's saved searches without 404s (SavedSearchesFromPreferencesService).
      if (message.type() === 'error') {
        this.problem(`console error: ${message.text().slice(0, 300)}`);
      }
    });
    page.on('pageerror', (error) => this.problem(`page error: ${error.message.slice(0, 300)}`));
    page.on('requestfailed', (request) => {
      if (this.isOurs(request)) {
        this.problem(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
      }
    });
    page.on('response', (response) => this.onResponse(response));
  }

  /** Starts a new step: problems and requests from now on belong to `name`. */
  enter(name: string): void {
    this.current = name;
  }

  /** Starts a new step, as enter() does, and lists it among the steps (`steps`). */
  step(name: string): void {
    this.steps.push(name);
    this.enter(name);
  }

  problemsOf(name: string): string[] {
    return this.problems.get(name) ?? [];
  }

  private isOurs(request: Request): boolean {
    return request.url().startsWith(this.origin);
  }

  private onResponse(response: Response): void {
    const request = response.request();
    if (!this.isOurs(request)) {
      return;
    }
    const url = new URL(request.url());
    const pattern = `${pathPattern(url)}${queryPattern(url)}${searchSummary(request)}`;
    this.requests.push({ page: this.current, method: request.method(), pattern, status: response.status() });
    if (response.status() >= 400) {
      this.problem(`HTTP ${response.status()}: ${request.method()} ${url.pathname}${url.search}`);
    }
  }

  private problem(text: string): void {
    const list = this.problems.get(this.current) ?? [];
    list.push(text);
    this.problems.set(this.current, list);
  }

  /** Writes the requests seen, per page, as Markdown (the list the repository has to answer). */
  writeReport(file: string): void {
    const lines = ['| page | method | path pattern | status |', '|---|---|---|---|'];
    const seen = new Set<string>();
    for (const request of this.requests) {
      if (!request.pattern.startsWith('/alfresco/')) {
        continue;
      }
      const key = `${request.page} ${request.method} ${request.pattern} ${request.status}`;
      if (!seen.has(key)) {
        seen.add(key);
        lines.push(`| ${request.page} | ${request.method} | \`${request.pattern}\` | ${request.status ?? ''} |`);
      }
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
}
