// Validation of the config/ artefacts against the schemas ACS publishes: Alfresco's dictionary schema
// (modelSchema.xsd) for content models and Activiti's BPMN 2.0 schema (BPMN20.xsd, which Activiti's
// BpmnXMLConverter validates a definition against on deployment). The schemas are not part of this
// project: they come from a directory holding modelSchema.xsd and bpmn20/BPMN20.xsd, by default the
// reference copy next to the checkout (../shared/alfresco-reference/schema), or $EOFFICE_SCHEMA_DIR.
// xmllint (Debian's libxml2-utils) does the validating.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'alfresco-reference', 'schema');

export interface SchemaFiles {
  model: string;
  bpmn: string;
}

/** The schema files, or undefined when the directory lacks them. */
export function schemaFiles(dir = process.env.EOFFICE_SCHEMA_DIR || DEFAULT_SCHEMA_DIR): SchemaFiles | undefined {
  const files = { model: path.join(dir, 'modelSchema.xsd'), bpmn: path.join(dir, 'bpmn20', 'BPMN20.xsd') };
  return fs.existsSync(files.model) && fs.existsSync(files.bpmn) ? files : undefined;
}

export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Problems xmllint finds in `xml` against `xsd`; empty when it validates. */
export function schemaProblems(xml: string, xsd: string): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status === 0) return [];
  // Keep xmllint's per-error lines, without the "- fails to validate" summary.
  const lines = run.stderr.split('\n').filter((l) => l.trim() && !/fails to validate$/.test(l));
  return lines.length ? lines : [`xmllint exited with ${run.status}`];
}
