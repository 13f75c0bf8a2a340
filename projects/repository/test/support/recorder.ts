/**
 * Records every HTTP response a test receives so the suite can check them all against the contract.
 *
 * `recorder.fetch` is a drop-in `fetch`: hand it to js-api (`new FetchHttpClient(recorder.fetch)`, see
 * js-api.ts) or use it for raw requests. Each response is cloned and its body read before the caller
 * gets it, so the record is complete when the awaited call returns.
 */
import assert from 'node:assert/strict';
import { contractViolations, formatViolations, type ContractResponse } from './contract';

export interface RecordedExchange extends ContractResponse {
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
}

function headersToObject(headers: HeadersInit | Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  new Headers(headers as HeadersInit).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length === 0) return undefined;
  if (/json/i.test(type)) {
    const text = buffer.toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (/^text\//i.test(type) || /xml|html|javascript/i.test(type)) return buffer.toString('utf8');
  return buffer;
}

export class ContractRecorder {
  readonly exchanges: RecordedExchange[] = [];
  private checked = 0;
  private readonly ignored: ((e: RecordedExchange) => boolean)[] = [];

  /** A fetch that records the response (method, URL, status, headers, parsed body). */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await globalThis.fetch(input, init);
    const body = method === 'HEAD' ? undefined : await readBody(response.clone());
    this.exchanges.push({
      method,
      url,
      status: response.status,
      body,
      contentType: response.headers.get('content-type') ?? undefined,
      requestHeaders: headersToObject((init?.headers ?? request?.headers) as HeadersInit | undefined),
      responseHeaders: headersToObject(response.headers)
    });
    return response;
  };

  /** Exclude exchanges from contract checks (e.g. a URL outside the public API). */
  ignore(predicate: (e: RecordedExchange) => boolean): void {
    this.ignored.push(predicate);
  }

  /** The last recorded exchange (e.g. to inspect the raw status of a js-api call). */
  last(): RecordedExchange | undefined {
    return this.exchanges[this.exchanges.length - 1];
  }

  /** Violations among exchanges recorded since `from` (index), as readable blocks. */
  violations(from = 0): string[] {
    const out: string[] = [];
    for (const exchange of this.exchanges.slice(from)) {
      if (this.ignored.some((p) => p(exchange))) continue;
      const problems = contractViolations(exchange);
      if (problems.length) out.push(formatViolations(exchange, problems));
    }
    return out;
  }

  /**
   * Throws if any response recorded since the previous call broke the contract. Meant for
   * `afterEach`, so the failure lands on the test that made the request.
   */
  assertContract(): void {
    const from = this.checked;
    this.checked = this.exchanges.length;
    const problems = this.violations(from);
    if (problems.length) {
      throw new assert.AssertionError({
        message: `${problems.length} of ${this.checked - from} responses broke the API contract:\n${problems.join('\n')}`
      });
    }
  }
}
