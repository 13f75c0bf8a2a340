// How a client has a receipt or file numbered (config/README.md, "Registration: numbers"): it creates the
// item, unnumbered, in its post's intake folder (with its scans or folders), then starts the eoRegister
// workflow with the item in the package. The repository's own agent gives the numbers and moves the item
// into its series; the client reads them back. Framework-free: the extension and the installer share it.
import { REGISTER_PROCESS_KEY, intakeFolder } from './numbering';

/** The calls registration makes; js-api's NodesApi plus a POST /processes of the workflow API satisfy it. */
export interface RegistrationClient {
  createNode(
    parentId: string,
    body: { name: string; nodeType: string; relativePath?: string; properties?: Record<string, unknown> }
  ): Promise<{ entry: { id: string } }>;
  getNode(nodeId: string, opts: { include: string[] }): Promise<{ entry: { id: string; name: string; properties?: unknown } }>;
  startProcess(body: { processDefinitionKey: string; items: string[]; variables: Record<string, unknown> }): Promise<unknown>;
}

export interface Registered {
  id: string;
  /** eo:receiptNumber or eo:fileNumber. */
  number: string;
  computerNumber: number;
  properties: Record<string, unknown>;
}

/** Tries of one registration: each lost race (another registration took the same number) costs one. */
export const REGISTER_ATTEMPTS = 20;

const statusOf = (e: unknown): number | undefined => {
  const s = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
};

/**
 * A registration that lost a race: two transactions chose the same number and the second collided on the
 * series folder's unique names (ACS: DuplicateChildNodeNameException, answered 409, or 500 when the engine
 * wraps it). Nothing of it was kept, so trying again gives the next number.
 */
export function lostRace(e: unknown): boolean {
  const status = statusOf(e);
  if (status === 409) return true;
  const text = String((e as { message?: unknown })?.message ?? '');
  // "… already exists": a name taken (ACS) or an issue of the day taken since it was counted (register.js regIssue).
  return status === 500 && /duplicate child name|already exists/i.test(text);
}

/** A name unique enough for the few seconds an item waits in its intake folder. */
export const intakeName = (): string => `intake-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Creates an unnumbered item in the intake folder of `post` (its code); answers its node id. */
export async function createInIntake(
  client: RegistrationClient,
  documentLibraryId: string,
  post: string,
  nodeType: string,
  properties: Record<string, unknown>
): Promise<string> {
  const created = await client.createNode(documentLibraryId, {
    name: intakeName(),
    nodeType,
    relativePath: intakeFolder(post),
    properties
  });
  return created.entry.id;
}

/** Has eoRegister number the intake item `itemId` for `post`, retrying lost races; answers its numbers. */
export async function registerItem(client: RegistrationClient, itemId: string, post: string): Promise<Registered> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.startProcess({ processDefinitionKey: REGISTER_PROCESS_KEY, items: [itemId], variables: { eowf_registerAs: post } });
      break;
    } catch (e) {
      if (!lostRace(e) || attempt >= REGISTER_ATTEMPTS) throw e;
    }
  }
  const node = await client.getNode(itemId, { include: ['properties'] });
  const properties = (node.entry.properties ?? {}) as Record<string, unknown>;
  return {
    id: node.entry.id,
    number: String(properties['eo:receiptNumber'] ?? properties['eo:fileNumber'] ?? ''),
    computerNumber: Number(properties['eo:computerNumber']),
    properties
  };
}

/** Has eoRegister write the holder's edit of a registered receipt (descriptive properties; null removes one). */
export function amendItem(client: RegistrationClient, itemId: string, changes: Record<string, unknown>): Promise<unknown> {
  return client.startProcess({
    processDefinitionKey: REGISTER_PROCESS_KEY,
    items: [itemId],
    variables: { eowf_amendment: JSON.stringify(changes) }
  });
}

/**
 * Has eoRegister record that the Central Registry post `post` (its code) dispatched the letter `dispatchId`
 * (an eo:dispatch issued "by CRU"): the letter is read-only to the CRU, and the repository first checks that
 * the letter is pending, opened to that post and, where the department requires it, from a signed approval
 * (config/README.md, "Dispatch by the Central Registry").
 */
export function dispatchLetter(client: Pick<RegistrationClient, 'startProcess'>, dispatchId: string, post: string): Promise<unknown> {
  return client.startProcess({ processDefinitionKey: REGISTER_PROCESS_KEY, items: [dispatchId], variables: { eowf_dispatchAs: post } });
}

/** What a post asks when it issues a letter (eoRegister's issue, register.js regIssue). */
export interface IssueRequest {
  /** The approved draft (its node id). */
  draft: string;
  /** The letter's issue of the day, the number its PDF carries (issueNumber). */
  issueOfDay: number;
  mode: 'bySelf' | 'byCru';
  deliveryMode: string;
  addressees: string[];
}

/**
 * Has eoRegister issue the letter `letterId` (a PDF the post made in its intake folder) as the post `post` (its
 * code): the repository checks that the post holds the draft's file, the draft is approved in its current
 * version and, where the department requires it, signed by its approver, and that the issue is the day's next;
 * then it makes the letter the file's eo:dispatch in Dispatches/ (which the post only reads). A number taken
 * meanwhile is a lost race (lostRace): the caller makes the letter with the next number and asks again.
 */
export function issueLetter(
  client: Pick<RegistrationClient, 'startProcess'>,
  letterId: string,
  post: string,
  request: IssueRequest
): Promise<unknown> {
  return client.startProcess({
    processDefinitionKey: REGISTER_PROCESS_KEY,
    items: [letterId],
    variables: { eowf_issueAs: post, eowf_issue: JSON.stringify(request) }
  });
}
