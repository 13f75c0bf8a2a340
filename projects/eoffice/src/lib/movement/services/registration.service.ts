import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi } from '@alfresco/js-api';
import { restCall } from '../../shared/api/rest-call';
import { Registered, RegistrationClient, amendItem, createInIntake, registerItem, refusalOf } from '@eoffice/domain';

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

  /** Writes the holder's edit of a registered receipt's descriptive properties (null removes one). */
  async amend(itemId: string, changes: Record<string, unknown>): Promise<void> {
    try {
      await amendItem(this.client, itemId, changes);
    } catch (error) {
      throw refusalOf(error);
    }
  }
}
