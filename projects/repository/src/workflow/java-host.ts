/**
 * Java values as Rhino hands them to Alfresco's workflow scripts (RhinoScriptProcessor, Rhino 1.7.15 with
 * its default WrapFactory, javaPrimitiveWrap on). Whatever a Java method returns through a declared type
 * that is not primitive (`execution.getVariable`, `task.assignee`, `node.name` …) reaches the script as a
 * wrapped Java object: typeof 'object', always truthy, `==` against a JS value compares the value, `===`
 * never matches a JS primitive. These classes reproduce that in V8: an object is truthy whatever it holds,
 * and valueOf() makes `==`, `+`, `<` and String() behave as Rhino's NativeJavaObject.getDefaultValue does.
 * Values given to a script as globals go through Context.javaToJS instead: strings, booleans and numbers
 * arrive as JS primitives there (see {@link asGlobal}).
 */

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** java.lang.String behind a NativeJavaObject: the Java methods, not the JS ones (`length()` is a method). */
export class JavaString {
  constructor(private readonly value: string) {}
  valueOf(): string {
    return this.value;
  }
  toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
  length(): number {
    return this.value.length;
  }
  isEmpty(): boolean {
    return this.value.length === 0;
  }
  charAt(i: number): string {
    if (i < 0 || i >= this.value.length) throw new Error(`java.lang.StringIndexOutOfBoundsException: index ${i}`);
    return this.value.charAt(i);
  }
  indexOf(s: unknown, from?: number): number {
    return this.value.indexOf(String(s), from);
  }
  lastIndexOf(s: unknown): number {
    return this.value.lastIndexOf(String(s));
  }
  substring(begin: number, end?: number): JavaString {
    return new JavaString(this.value.substring(begin, end));
  }
  startsWith(s: unknown): boolean {
    return this.value.startsWith(String(s));
  }
  endsWith(s: unknown): boolean {
    return this.value.endsWith(String(s));
  }
  contains(s: unknown): boolean {
    return this.value.includes(String(s));
  }
  equals(o: unknown): boolean {
    return o instanceof JavaString ? o.value === this.value : typeof o === 'string' && o === this.value;
  }
  equalsIgnoreCase(o: unknown): boolean {
    return o !== null && o !== undefined && String(o).toLowerCase() === this.value.toLowerCase();
  }
  compareTo(o: unknown): number {
    const other = String(o);
    return this.value < other ? -1 : this.value > other ? 1 : 0;
  }
  toUpperCase(): JavaString {
    return new JavaString(this.value.toUpperCase());
  }
  toLowerCase(): JavaString {
    return new JavaString(this.value.toLowerCase());
  }
  trim(): JavaString {
    return new JavaString(this.value.trim());
  }
  concat(s: unknown): JavaString {
    return new JavaString(this.value + String(s));
  }
  replace(from: unknown, to: unknown): JavaString {
    return new JavaString(this.value.split(String(from)).join(String(to)));
  }
  replaceAll(regex: unknown, to: unknown): JavaString {
    return new JavaString(this.value.replace(new RegExp(String(regex), 'g'), String(to)));
  }
  matches(regex: unknown): boolean {
    return new RegExp(`^(?:${String(regex)})$`).test(this.value);
  }
  /** String.split(regex) gives a Java String[]: Rhino shows it as an array of wrapped strings. */
  split(regex: unknown): JavaString[] {
    const parts = this.value.split(new RegExp(String(regex)));
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    return parts.map((p) => new JavaString(p));
  }
}

/** java.lang.Boolean behind a NativeJavaObject: truthy even when it holds false, `== false` still true. */
export class JavaBoolean {
  constructor(private readonly value: boolean) {}
  valueOf(): boolean {
    return this.value;
  }
  toString(): string {
    return String(this.value);
  }
  toJSON(): boolean {
    return this.value;
  }
  booleanValue(): boolean {
    return this.value;
  }
  equals(o: unknown): boolean {
    return o instanceof JavaBoolean && o.value === this.value;
  }
}

/** java.lang.Integer, Long or Double behind a NativeJavaObject. */
export class JavaNumber {
  constructor(
    private readonly value: number,
    readonly javaClass: 'java.lang.Integer' | 'java.lang.Long' | 'java.lang.Double' = javaClassOf(value)
  ) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return this.javaClass === 'java.lang.Double' && Number.isInteger(this.value) ? `${this.value}.0` : String(this.value);
  }
  toJSON(): number {
    return this.value;
  }
  intValue(): number {
    return Math.trunc(this.value) | 0;
  }
  longValue(): number {
    return Math.trunc(this.value);
  }
  doubleValue(): number {
    return this.value;
  }
  equals(o: unknown): boolean {
    return o instanceof JavaNumber && o.javaClass === this.javaClass && o.value === this.value;
  }
}

function javaClassOf(n: number): JavaNumber['javaClass'] {
  if (!Number.isInteger(n)) return 'java.lang.Double';
  return n >= INT_MIN && n <= INT_MAX ? 'java.lang.Integer' : 'java.lang.Long';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date behind a NativeJavaObject: getTime() and the Java accessors, not a JS Date. */
export class JavaDate {
  private readonly time: number;
  constructor(time?: number | Date) {
    this.time = time === undefined ? Date.now() : time instanceof Date ? time.getTime() : Number(time);
  }
  getTime(): number {
    return this.time;
  }
  before(d: JavaDate): boolean {
    return this.time < d.getTime();
  }
  after(d: JavaDate): boolean {
    return this.time > d.getTime();
  }
  equals(o: unknown): boolean {
    return o instanceof JavaDate && o.time === this.time;
  }
  /** Date.toString() in the server's zone; the repository runs on UTC: "Fri Dec 04 17:42:39 UTC 2026". */
  toString(): string {
    const d = new Date(this.time);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
  }
  toJSON(): string {
    return new Date(this.time).toISOString();
  }
}

/**
 * java.util.List (ArrayList). Elements are kept unwrapped and come out wrapped, as a Java method returning
 * Object gives them. Sandboxed scripts see only the Java methods; trusted ones see Rhino's NativeJavaList,
 * which adds `length` and `list[i]` (see {@link listView}).
 */
export class JavaList {
  private readonly items: unknown[];
  constructor(items: Iterable<unknown> = []) {
    this.items = [...items].map(unwrapJava);
  }
  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  get(i: number): unknown {
    return wrapJava(this.items[this.checkIndex(i)]);
  }
  set(i: number, v: unknown): unknown {
    const old = this.items[this.checkIndex(i)];
    this.items[i] = unwrapJava(v);
    return wrapJava(old);
  }
  add(a: unknown, b?: unknown): boolean {
    if (arguments.length > 1) {
      const i = Number(a);
      if (i < 0 || i > this.items.length) throw outOfBounds(i, this.items.length);
      this.items.splice(i, 0, unwrapJava(b));
    } else this.items.push(unwrapJava(a));
    return true;
  }
  addAll(other: unknown): boolean {
    const more = unwrapJava(other);
    if (!Array.isArray(more)) throw new Error('java.lang.ClassCastException: not a collection');
    this.items.push(...more);
    return more.length > 0;
  }
  /** remove(int) removes at an index; remove(Object) the first equal element (Rhino picks remove(int) for a JS number). */
  remove(x: unknown): unknown {
    if (typeof x === 'number') return wrapJava(this.items.splice(this.checkIndex(x), 1)[0]);
    const i = this.indexOf(x);
    if (i >= 0) this.items.splice(i, 1);
    return i >= 0;
  }
  indexOf(x: unknown): number {
    const v = unwrapJava(x);
    return this.items.findIndex((e) => javaEquals(e, v));
  }
  contains(x: unknown): boolean {
    return this.indexOf(x) >= 0;
  }
  clear(): void {
    this.items.length = 0;
  }
  toArray(): unknown[] {
    return this.items.map((v) => wrapJava(v));
  }
  toString(): string {
    return `[${this.items.map((v) => String(v)).join(', ')}]`;
  }
  toJSON(): unknown[] {
    return this.items;
  }
  /** The unwrapped elements, for the runtime (never reached by scripts: `_` members are not Java's). */
  _values(): unknown[] {
    return this.items.slice();
  }
  private checkIndex(i: number): number {
    const n = Number(i);
    if (!Number.isInteger(n) || n < 0 || n >= this.items.length) throw outOfBounds(n, this.items.length);
    return n;
  }
}

function outOfBounds(i: number, size: number): Error {
  return new Error(`java.lang.IndexOutOfBoundsException: Index ${i} out of bounds for length ${size}`);
}

/**
 * Marks the repository objects scripts are given (ScriptNode, PersonNode, GroupNode in script-node.ts, on
 * their prototypes), so Java values can tell them apart without importing that module (which imports this one).
 */
export const HOST_OBJECT = Symbol('eoffice.hostObject');

const isHostObject = (v: unknown): boolean => typeof v === 'object' && v !== null && HOST_OBJECT in v;
/** A ScriptNode's node id; undefined for anything else (people and groups have none). */
const nodeIdOfHost = (v: unknown): string | undefined =>
  isHostObject(v) ? ((v as { nodeId?: unknown }).nodeId as string | undefined) : undefined;

function javaEquals(a: unknown, b: unknown): boolean {
  const [x, y] = [nodeIdOfHost(a), nodeIdOfHost(b)];
  if (x !== undefined && y !== undefined) return x === y;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * java.util.Map as Alfresco's RhinoWrapFactory shows it: every Map becomes an org.alfresco.repo.jscript.NativeMap
 * (also `new java.util.HashMap()`), whose keys read and write as properties, `length` is the size, and which
 * has no Java methods at all (`map.put` is undefined there).
 */
export class JavaMap {
  readonly entries = new Map<string, unknown>();
}

/** The maps behind NativeMap views: a view's own properties are the map's keys, so the map is found here. */
const mapsOfViews = new WeakMap<object, JavaMap>();

function nativeMapView(map: JavaMap): Record<string, unknown> {
  const view = new Proxy(map, {
    get: (target, key) => {
      if (typeof key !== 'string') return key === Symbol.toPrimitive ? undefined : Reflect.get(target, key);
      if (key === 'length') return target.entries.size;
      const v = target.entries.get(key);
      return v === undefined ? null : asGlobal(v, false);
    },
    set: (target, key, value) => {
      if (typeof key === 'string') target.entries.set(key, unwrapJava(value));
      return true;
    },
    has: (target, key) => typeof key === 'string' && target.entries.has(key),
    deleteProperty: (target, key) => typeof key === 'string' && target.entries.delete(key),
    ownKeys: (target) => [...target.entries.keys()],
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'string' && target.entries.has(key)
        ? { value: asGlobal(target.entries.get(key), false), writable: true, enumerable: true, configurable: true }
        : undefined
  });
  mapsOfViews.set(view, map);
  return view as unknown as Record<string, unknown>;
}

/** Rhino 1.7.14+ wraps a java.util.List of a trusted script as NativeJavaList: `length` and `list[i]` work too. */
function listView(list: JavaList): JavaList {
  return new Proxy(list, {
    get: (target, key, receiver) => {
      if (key === 'length') return target.size();
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        const i = Number(key);
        return i < target.size() ? target.get(i) : undefined;
      }
      const v = Reflect.get(target, key, receiver) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    }
  });
}

/** What the runtime trusts a script with: Alfresco runs scripts of internal and full-access deployments unsandboxed. */
export interface JavaScope {
  /** ActivitiScriptBase.isSecure: the deployment's category is internal or fullAccess. */
  secure: boolean;
}

/** A list or map made in a script, seen the way this scope's WrapFactory shows it. */
export function viewOf<T>(v: T, scope: JavaScope): T {
  if (v instanceof JavaMap) return nativeMapView(v) as T;
  if (v instanceof JavaList && scope.secure) return listView(v) as T;
  return v;
}

/**
 * A value as a Java method returns it to a script declared as Object: the JS form a host object uses
 * internally (string, boolean, number, Date, array, plain object, nodes) becomes the wrapped Java object.
 */
export function wrapJava(v: unknown, scope: JavaScope = { secure: false }): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return new JavaString(v);
  if (typeof v === 'boolean') return new JavaBoolean(v);
  if (typeof v === 'number') return new JavaNumber(v);
  if (v instanceof Date) return new JavaDate(v);
  if (Array.isArray(v)) return viewOf(new JavaList(v), scope);
  if (v instanceof JavaList) return viewOf(v, scope);
  if (v instanceof JavaMap) return mapsOfViews.has(v) ? v : viewOf(v, scope);
  if (isPlainObject(v)) {
    const m = new JavaMap();
    for (const [k, x] of Object.entries(v)) m.entries.set(k, unwrapJava(x));
    return viewOf(m, scope);
  }
  return v;
}

/**
 * A value put in the script's root scope (the variables of the model): Context.javaToJS passes Strings,
 * Booleans and Numbers as JS primitives and wraps everything else.
 */
export function asGlobal(v: unknown, secure: boolean): unknown {
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  return wrapJava(v, { secure });
}

/** The plain value behind a script value, as Rhino unwraps a NativeJavaObject handed back to Java. */
export function unwrapJava(v: unknown): unknown {
  if (v instanceof JavaString || v instanceof JavaBoolean || v instanceof JavaNumber) return v.valueOf();
  if (v instanceof JavaDate) return new Date(v.getTime());
  if (v instanceof JavaList) return v._values();
  if (v instanceof JavaMap) return Object.fromEntries((mapsOfViews.get(v) ?? v).entries);
  if (Array.isArray(v)) return v.map(unwrapJava);
  return v;
}

/** A string argument of a host method: Rhino converts whatever the script passes with ToString. */
export function javaString(v: unknown): string {
  return String(unwrapJava(v));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  if (isHostObject(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The `java` and `Packages` roots of a trusted script (ImporterTopLevel): the few classes Alfresco's own
 * definitions use. Sandboxed scripts (initSafeStandardObjects) have neither, so `java` is not defined there.
 */
export function javaPackages(scope: JavaScope): { java: unknown; Packages: unknown } {
  const construct = <T>(make: (...args: unknown[]) => T) =>
    function (this: unknown, ...args: unknown[]) {
      return viewOf(make(...args), scope);
    };
  const classes: Record<string, Record<string, unknown>> = {
    util: {
      ArrayList: construct((from?: unknown) => new JavaList(Array.isArray(unwrapJava(from)) ? (unwrapJava(from) as unknown[]) : [])),
      HashMap: construct(() => new JavaMap()),
      Date: construct((t?: unknown) => new JavaDate(t === undefined ? undefined : Number(unwrapJava(t))))
    },
    lang: {
      String: construct((s?: unknown) => new JavaString(s === undefined ? '' : javaString(s))),
      Boolean: Object.assign(
        construct((b: unknown) => new JavaBoolean(javaString(b).toLowerCase() === 'true')),
        {
          TRUE: new JavaBoolean(true),
          FALSE: new JavaBoolean(false),
          valueOf: (b: unknown) => new JavaBoolean(typeof b === 'boolean' ? b : javaString(b).toLowerCase() === 'true')
        }
      ),
      Integer: { valueOf: (n: unknown) => new JavaNumber(parseInt(javaString(n), 10), 'java.lang.Integer') },
      Long: { valueOf: (n: unknown) => new JavaNumber(parseInt(javaString(n), 10), 'java.lang.Long') }
    }
  };
  const pkg = (path: string, members: Record<string, unknown>): unknown =>
    new Proxy(members, {
      get: (target, key) => {
        if (typeof key !== 'string') return undefined;
        if (key in target) return target[key];
        throw new Error(`Java class ${path}.${key} is not available to workflow scripts of this repository`);
      }
    });
  const java = pkg('java', { util: pkg('java.util', classes.util), lang: pkg('java.lang', classes.lang) });
  return { java, Packages: pkg('Packages', { java }) };
}
