import * as fs from 'fs';
import * as path from 'path';
import { ModelDef, parseModel } from '../../src/dictionary';

/** Read-only references shared by the project (never read by runtime code). */
export const SHARED = path.resolve(__dirname, '../../../../../shared');
export const REFERENCE_MODELS = path.join(SHARED, 'alfresco-reference/model');

export function readReference(file: string): string {
  return fs.readFileSync(path.join(REFERENCE_MODELS, file), 'utf8');
}

export function parseAllReferenceModels(): ModelDef[] {
  return fs
    .readdirSync(REFERENCE_MODELS)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => parseModel(readReference(f)));
}
