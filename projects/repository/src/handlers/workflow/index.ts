import express from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import { workflowService } from '../../workflow';
import { definitionsRouter } from './definitions';
import { processesRouter } from './processes';
import { tasksRouter } from './tasks';

/** The workflow API, mounted at /alfresco/api/-default-/public/workflow/versions/1. */
export function workflowRouter(ctx: RepositoryContext): express.Router {
  const wf = () => workflowService(ctx);
  const r = express.Router();
  r.use(definitionsRouter(ctx, wf));
  r.use(processesRouter(ctx, wf));
  r.use(tasksRouter(ctx, wf));
  return r;
}
