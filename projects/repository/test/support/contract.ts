/**
 * Contract checks against the Alfresco public REST API definitions (Swagger 2.0).
 *
 * The definitions live outside the project in ../shared/acs-api (relative to the workspace root,
 * override with ACS_API_DIR). They are loaded lazily, patched for the known slips listed below and
 * compiled with Ajv. `expectContract` finds the operation for a response from its method and URL,
 * picks the schema for its status and throws an AssertionError listing every violation.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// js-yaml 4 ships no type declarations (and @types/js-yaml is not installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

/** One HTTP exchange as seen by a client: `body` is parsed JSON, text, a Buffer, or undefined when empty. */
export interface ContractResponse {
  method: string;
  /** Absolute URL or path (query string allowed). */
  url: string;
  status: number;
  body: unknown;
  /** Response Content-Type, when known; used to flag non-JSON answers where JSON is declared. */
  contentType?: string;
}

type Json = Record<string, any>;

interface SpecFile {
  file: string;
  basePath: string;
  doc: Json;
  /** Path templates compiled to regular expressions, most specific first. */
  paths: { template: string; regex: RegExp; literalSegments: number; item: Json }[];
}

export interface OperationMatch {
  spec: string;
  basePath: string;
  template: string;
  method: string;
  operation: Json;
  pathParams: Record<string, string>;
}

/** Files searched in this order; alfresco-core and alfresco-model share one base path. */
const SPEC_FILES = [
  'alfresco-auth.yaml',
  'alfresco-core.yaml',
  'alfresco-model.yaml',
  'alfresco-discovery.yaml',
  'alfresco-search.yaml',
  'alfresco-workflow.yaml',
  'gs-core-api.yaml'
];

/** Workspace root: projects/repository/test/support -> four levels up. */
const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function apiDefinitionsDir(): string {
  return process.env.ACS_API_DIR ? path.resolve(process.env.ACS_API_DIR) : path.resolve(WORKSPACE_ROOT, '..', 'shared', 'acs-api');
}

/**
 * ACS writes dates as `2026-11-22T16:08:10.218+0000` (offset without a colon), which RFC 3339
 * `date-time` (and so ajv-formats) rejects. Accept that form and the RFC 3339 form.
 */
const ACS_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/** Characters that may be escaped in a `u`-mode regular expression (syntax characters, `/`, `-`). */
const ESCAPABLE_IN_UNICODE_MODE = new Set('^$\\.*+?()[]{}|/-'.split(''));

/**
 * SLIP 1: the node-name pattern escapes `"`, `>`, `<` and `:` (`\"`, `\>`, `\<`, `\:`). Ajv compiles
 * patterns with the `u` flag, where escaping a non-syntax character is a syntax error. Drop the
 * backslash before any punctuation that needs no escape; letters and digits (`\d`, `\w`, `\u0041` …)
 * and real syntax characters keep theirs. Pairs are consumed left to right so `\\` stays intact.
 */
export function unicodeSafePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, (whole, ch: string) => (/[A-Za-z0-9]/.test(ch) || ESCAPABLE_IN_UNICODE_MODE.has(ch) ? whole : ch));
}

function fixPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(fixPatterns);
  } else if (node && typeof node === 'object') {
    const obj = node as Json;
    for (const [key, value] of Object.entries(obj)) {
      if (key === 'pattern' && typeof value === 'string') {
        obj[key] = unicodeSafePattern(value);
      } else {
        fixPatterns(value);
      }
    }
  }
}

/** Moves a declared success response to the status a real ACS answers with. */
function moveResponse(doc: Json, pathKey: string, method: string, from: string, to: string): void {
  const responses = doc.paths?.[pathKey]?.[method]?.responses;
  if (responses?.[from] && !responses[to]) {
    responses[to] = responses[from];
    delete responses[from];
  }
}

function makeAny(doc: Json, definition: string, property: string): void {
  const props = doc.definitions?.[definition]?.properties;
  if (props?.[property]) {
    props[property] = { description: props[property].description };
  }
}

/** Applies the documented corrections; every change is one of the slips named in acs-api/README.md. */
function applyKnownSlips(file: string, doc: Json): void {
  // SLIP 1 (all files): node-name pattern escapes that are invalid in unicode mode, see unicodeSafePattern.
  fixPatterns(doc);
  // SLIP 5 (all files): content operations declare '206' (Range requests) without a schema although
  // it carries the requested bytes; give it the binary schema of the operation's '200'.
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const op of Object.values(item as Json)) {
      const responses = (op as Json)?.responses;
      const ok = responses?.['200']?.schema;
      if (responses?.['206'] && !responses['206'].schema && ok && (ok.type === 'file' || ok.format === 'binary')) {
        responses['206'] = { ...responses['206'], schema: ok };
      }
    }
  }
  // SLIP 7 (core, model): Constraint.parameters declares every value an object, while ACS sends the map of
  // the constraint's getParameters() as it is (ClassDefinitionMapperImpl): ListOfValuesConstraint's
  // allowedValues a list and caseSensitive/sorted booleans, RegexConstraint's expression a string and
  // requiresMatch a boolean, NumericRangeConstraint's and StringLengthConstraint's bounds numbers.
  const constraintParameters = doc.definitions?.Constraint?.properties?.parameters;
  if (constraintParameters?.additionalProperties) constraintParameters.additionalProperties = {};
  if (file === 'alfresco-workflow.yaml') {
    // SLIP 2: POST /processes is declared 200, a real ACS answers 201 Created.
    moveResponse(doc, '/processes', 'post', '200', '201');
    // SLIP 3: Variable.value / VariableBody.value / Item.value are declared integer; they hold any JSON
    // value (strings such as bpm_assignee, booleans, dates, numbers).
    makeAny(doc, 'Variable', 'value');
    makeAny(doc, 'VariableBody', 'value');
    makeAny(doc, 'Item', 'value');
  }
  if (file === 'gs-core-api.yaml') {
    // SLIP 4: POST /files/{fileId}/declare is declared 200, a real AGS answers 201 Created.
    moveResponse(doc, '/files/{fileId}/declare', 'post', '200', '201');
    // SLIP 5: so do POST /records/{recordId}/complete and /records/{recordId}/file (AGS's own REST tests,
    // rm-automation CompleteRecordTests and FileRecordsTests, expect 201 Created).
    moveResponse(doc, '/records/{recordId}/complete', 'post', '200', '201');
    moveResponse(doc, '/records/{recordId}/file', 'post', '200', '201');
    // SLIP 8: GET /file-plans/{filePlanId}/roles is declared as `{ list: [RoleModel], pagination }`; AGS
    // answers the framework's paging, `{ list: { pagination, entries: [{ entry: RoleModel }] } }`
    // (FilePlanRolesRelation returns CollectionWithPagingInfo; rm-automation FilePlanTests reads entries).
    const roles = doc.paths?.['/file-plans/{filePlanId}/roles']?.get?.responses?.['200'];
    if (roles?.schema?.properties?.list?.type === 'array') {
      roles.schema = {
        type: 'object',
        properties: {
          list: {
            type: 'object',
            properties: {
              pagination: { $ref: '#/definitions/Pagination' },
              entries: {
                type: 'array',
                items: { type: 'object', required: ['entry'], properties: { entry: { $ref: '#/definitions/RoleModel' } } }
              }
            }
          }
        }
      };
    }
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let ajv: Ajv | undefined;
const specs = new Map<string, SpecFile>();
const validators = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (!ajv) {
    // strict: false because Swagger 2.0 schemas carry keywords JSON Schema does not know
    // (x-alfresco-since, example, discriminator); validateSchema: false because whole Swagger
    // documents are registered (paths, info …) and only their definitions are compiled.
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addFormat('date-time', ACS_DATE_TIME);
  }
  return ajv;
}

function loadSpec(file: string): SpecFile {
  let spec = specs.get(file);
  if (spec) return spec;
  const full = path.join(apiDefinitionsDir(), file);
  if (!fs.existsSync(full)) {
    throw new Error(`API definition ${full} not found (set ACS_API_DIR to the folder holding the acs-api yaml files)`);
  }
  const doc = yaml.load(fs.readFileSync(full, 'utf8')) as Json;
  applyKnownSlips(file, doc);
  getAjv().addSchema(doc, file);
  const paths = Object.entries((doc.paths ?? {}) as Json).map(([template, item]) => {
    const segments = template.split('/').filter(Boolean);
    const literalSegments = segments.filter((s) => !s.includes('{')).length;
    const source = segments
      .map((s) => escapeRegex(s).replace(/\\\{([^}]+)\\\}/g, (_m, name: string) => `(?<${name.replace(/\W/g, '_')}>[^/]+)`))
      .join('/');
    return { template, regex: new RegExp(`^/${source}/?$`), literalSegments, item: item as Json };
  });
  paths.sort((a, b) => b.literalSegments - a.literalSegments || a.template.length - b.template.length);
  spec = { file, basePath: doc.basePath as string, doc, paths };
  specs.set(file, spec);
  return spec;
}

/** Finds the operation a request addresses, or undefined if no definition file declares it. */
export function findOperation(method: string, url: string): OperationMatch | undefined {
  const pathname = new URL(url, 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const verb = method.toLowerCase();
  for (const file of SPEC_FILES) {
    const spec = loadSpec(file);
    if (pathname !== spec.basePath && !pathname.startsWith(spec.basePath + '/')) continue;
    const rest = pathname.slice(spec.basePath.length) || '/';
    for (const candidate of spec.paths) {
      const match = candidate.regex.exec(rest);
      if (!match) continue;
      const operation = candidate.item[verb];
      if (!operation) continue;
      const pathParams: Record<string, string> = {};
      for (const [k, v] of Object.entries(match.groups ?? {})) pathParams[k] = decodeURIComponent(v);
      return { spec: file, basePath: spec.basePath, template: candidate.template, method: verb, operation, pathParams };
    }
  }
  return undefined;
}

/** `$ref: '#/…'` inside an inline response schema points into its own document. */
function qualifyRefs(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => qualifyRefs(n, file));
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${file}${v}` : qualifyRefs(v, file);
    }
    return out;
  }
  return node;
}

function validatorFor(file: string, key: string, schema: Json): ValidateFunction {
  const cacheKey = `${file}::${key}`;
  let validate = validators.get(cacheKey);
  if (!validate) {
    validate = getAjv().compile(qualifyRefs(schema, file) as Json);
    validators.set(cacheKey, validate);
  }
  return validate;
}

function errorValidator(file: string): ValidateFunction {
  loadSpec(file);
  return validatorFor(file, '#/definitions/Error', { $ref: '#/definitions/Error' });
}

function schemaName(schema: Json): string {
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/definitions/', '');
  if (schema.type === 'array' && schema.items?.$ref) return `${schema.items.$ref.replace('#/definitions/', '')}[]`;
  return 'inline schema';
}

function isBinarySchema(schema: Json): boolean {
  return schema.type === 'file' || schema.format === 'binary';
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath || '(root)';
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${(e.params as Json).additionalProperty})`
      : e.keyword === 'enum'
        ? ` (${JSON.stringify((e.params as Json).allowedValues)})`
        : '';
  return `${where} ${e.message}${extra}`;
}

function bodyPreview(body: unknown): string {
  if (body === undefined) return '(empty)';
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    body === '' ||
    (Buffer.isBuffer(body) && body.length === 0) ||
    (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body as object).length === 0)
  );
}

/** Checks an error body: the Error envelope, its statusCode, and ACS's numbered briefSummary. */
function errorViolations(file: string, status: number, body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) {
    return [`error body is not a JSON Error envelope: ${bodyPreview(body)}`];
  }
  const validate = errorValidator(file);
  if (!validate(body)) problems.push(...(validate.errors ?? []).map(describeAjvError));
  const err = (body as Json).error;
  if (err && typeof err === 'object') {
    if (typeof err.statusCode === 'number' && err.statusCode !== status) {
      problems.push(`/error/statusCode is ${err.statusCode} but the HTTP status is ${status}`);
    }
    // Not in the definitions but what every ACS does (acs-api/README.md): briefSummary starts with
    // an eight-digit message number, e.g. "05220012 The entity with id: … was not found".
    if (typeof err.briefSummary === 'string' && !/^\d{8} /.test(err.briefSummary)) {
      problems.push(`/error/briefSummary should start with an eight-digit message number: ${JSON.stringify(err.briefSummary)}`);
    }
  }
  return problems;
}

/** Lists every way a response departs from the contract; empty when it conforms. */
export function contractViolations(res: ContractResponse): string[] {
  const method = res.method.toUpperCase();
  const match = findOperation(method, res.url);
  if (!match) {
    return [`no operation ${method} ${new URL(res.url, 'http://localhost').pathname} in the API definitions`];
  }
  const responses = (match.operation.responses ?? {}) as Json;
  const declared = responses[String(res.status)] as Json | undefined;
  const problems: string[] = [];

  if (res.status >= 400) {
    if (!declared && !responses.default) problems.push(`status ${res.status} is not declared`);
    problems.push(...errorViolations(match.spec, res.status, res.body));
    return problems;
  }

  if (!declared) {
    const successes = Object.keys(responses).filter((s) => /^[23]\d\d$/.test(s));
    return [`status ${res.status} is not declared (declared: ${successes.join(', ') || 'none'})`];
  }
  const schema = declared.schema as Json | undefined;
  if (!schema) {
    if (!isEmptyBody(res.body)) problems.push(`status ${res.status} declares no body but got ${bodyPreview(res.body)}`);
    return problems;
  }
  if (isBinarySchema(schema)) return problems;
  if (res.contentType !== undefined && !/^application\/(.+\+)?json\b/i.test(res.contentType)) {
    problems.push(`expected application/json, got Content-Type ${JSON.stringify(res.contentType)}`);
  }
  if (typeof res.body !== 'object' || res.body === null || Buffer.isBuffer(res.body)) {
    problems.push(`expected a JSON ${schemaName(schema)} body, got ${bodyPreview(res.body)}`);
    return problems;
  }
  const validate = validatorFor(match.spec, `${match.template} ${match.method} ${res.status}`, schema);
  if (!validate(res.body)) problems.push(...(validate.errors ?? []).map(describeAjvError));
  return problems;
}

function describeExchange(res: ContractResponse): string {
  const match = findOperation(res.method, res.url);
  const where = match ? `${match.template} [${match.spec}]` : new URL(res.url, 'http://localhost').pathname;
  return `${res.method.toUpperCase()} ${where} -> ${res.status}`;
}

/** Formats violations of one response as a readable block. */
export function formatViolations(res: ContractResponse, problems: string[]): string {
  return [
    `${describeExchange(res)} (${new URL(res.url, 'http://localhost').pathname}${new URL(res.url, 'http://localhost').search})`,
    ...problems.map((p) => `  - ${p}`),
    `  body: ${bodyPreview(res.body)}`
  ].join('\n');
}

/** Throws an AssertionError listing every violation of the contract by this response. */
export function expectContract(res: ContractResponse): void {
  const problems = contractViolations(res);
  if (problems.length) {
    throw new assert.AssertionError({ message: `Response breaks the API contract:\n${formatViolations(res, problems)}` });
  }
}

/** What a js-api call rejects with: `{ status, message: <response text>, error }`. */
export interface ApiRejection {
  status?: number;
  message?: string;
  error?: unknown;
}

export interface AcsError {
  errorKey?: string;
  statusCode: number;
  briefSummary: string;
  stackTrace: string;
  descriptionURL: string;
  logId?: string;
}

function normalizeErrorResponse(res: ContractResponse | ApiRejection | { status: number; body: unknown }): {
  status: number | undefined;
  body: unknown;
} {
  if ('body' in res) return { status: res.status, body: res.body };
  const rejection = res as ApiRejection;
  let body: unknown = rejection.message;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      /* keep text */
    }
  }
  return { status: rejection.status, body };
}

/**
 * Asserts an error answer: the status, the Error envelope (with statusCode equal to the status),
 * and optionally that `errorKey` equals or `briefSummary` contains the given text.
 * Accepts a recorded/raw response or the rejection of a js-api call. Returns `body.error`.
 */
export function expectError(
  res: ContractResponse | ApiRejection | { status: number; body: unknown },
  status: number,
  errorKeyOrBriefContains?: string
): AcsError {
  const { status: actual, body } = normalizeErrorResponse(res);
  assert.equal(actual, status, `expected HTTP ${status}, got ${actual}: ${bodyPreview(body)}`);
  const problems = errorViolations('alfresco-core.yaml', status, body);
  if ('method' in res && 'url' in res) {
    problems.push(...contractViolations(res as ContractResponse).filter((p) => !problems.includes(p)));
  }
  if (problems.length) {
    throw new assert.AssertionError({
      message: `Error response ${status} breaks the contract:\n${problems.map((p) => `  - ${p}`).join('\n')}\n  body: ${bodyPreview(body)}`
    });
  }
  const error = (body as { error: AcsError }).error;
  if (errorKeyOrBriefContains !== undefined) {
    assert.ok(
      error.errorKey === errorKeyOrBriefContains || error.briefSummary.includes(errorKeyOrBriefContains),
      `expected errorKey ${JSON.stringify(errorKeyOrBriefContains)} or a briefSummary containing it, got ` +
        `errorKey ${JSON.stringify(error.errorKey)}, briefSummary ${JSON.stringify(error.briefSummary)}`
    );
  }
  return error;
}

/** Awaits a promise that must reject (a js-api call expected to fail) and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ApiRejection> {
  try {
    const value = await promise;
    throw new assert.AssertionError({ message: `expected the call to fail, it succeeded with ${bodyPreview(value)}` });
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return e as ApiRejection;
  }
}

/** Validates a value against a named definition of one file, e.g. ('alfresco-core.yaml', 'NodeEntry'). */
export function definitionViolations(file: string, definition: string, value: unknown): string[] {
  loadSpec(file);
  const validate = validatorFor(file, `#/definitions/${definition}`, { $ref: `#/definitions/${definition}` });
  return validate(value) ? [] : (validate.errors ?? []).map(describeAjvError);
}
