import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi } from '@alfresco/js-api';
import { restCall } from '../../shared/api/rest-call';
import {
  IssueRequest,
  Registered,
  RegistrationClient,
  amendItem,
  createInIntake,
  dispatchLetter,
  issueLetter,
  lostRace,
  registerItem,
  refusalOf
} from '@eoffice/domain';

/** js-api has no client for the workflow API: POST /processes goes through its generic client. */
const WORKFLOW_BASE = '/api/-default-/public/workflow/versions/1';

/**
 * Has receipts and files numbered by the repository (the eoRegister workflow, config/README.md
 * "Registration: numbers"): the item is created in the post's intake folder, then registered; a holder's
 * edit of a registered receipt goes the same way. The repository decides; refusals come back readable.
 */
@Injectable({ providedIn: 'root' })
export class RegistrationService {
  private readonly apiService = inject(AlfrescoApiService);

  private get client(): RegistrationClient {
    const api = this.apiService.getInstance();
    const nodes = new NodesApi(api);
    return {
      createNode: (parentId, body) => nodes.createNode(parentId, body),
      getNode: (id, opts) => nodes.getNode(id, opts),
      startProcess: (body) => restCall<unknown>(api, 'POST', WORKFLOW_BASE + '/processes', {}, body)
    };
  }

  /** Creates the unnumbered item in the intake folder of `post` (its code); answers its node id. */
  createInIntake(documentLibraryId: string, post: string, nodeType: string, properties: Record<string, unknown>): Promise<string> {
    return createInIntake(this.client, documentLibraryId, post, nodeType, properties);
  }

  /** Numbers the intake item for `post`: its numbers, read back from the repository. */
  async register(itemId: string, post: string): Promise<Registered> {
    try {
      return await registerItem(this.client, itemId, post);
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /**
   * Records the Central Registry post `post`'s dispatch of a letter issued "by CRU" (the repository checks the
   * letter and its approval's signature first). Refusals come back as the repository's (refusalOf).
   */
  async dispatch(dispatchId: string, post: string): Promise<void> {
    try {
      await dispatchLetter(this.client, dispatchId, post);
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /**
   * Has the repository issue the letter `letterId` (its PDF, in the intake folder of `post`) as `post` (its code):
   * eoRegister checks the post holds the draft's file, the approval and its signature, and that the issue is the
   * day's next, then makes it the file's eo:dispatch. False when that number was taken meanwhile (the caller
   * makes the letter with the next one); other refusals come back as the repository's (refusalOf).
   */
  async issue(letterId: string, post: string, request: IssueRequest): Promise<boolean> {
    try {
      await issueLetter(this.client, letterId, post, request);
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw refusalOf(error);
    }
  }

  /** Writes the holder's edit of a registered receipt's descriptive properties (null removes one). */
  async amend(itemId: string, changes: Record<string, unknown>): Promise<void> {
    try {
      await amendItem(this.client, itemId, changes);
    } catch (error) {
      throw refusalOf(error);
    }
  }
}
