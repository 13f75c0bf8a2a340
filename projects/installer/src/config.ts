// The artefacts in config/ that the installer deploys.
import fs from 'node:fs';
import path from 'node:path';
import {
  parseHierarchy,
  type Hierarchy,
  parseRetentionConfig,
  type RetentionConfig,
  parseSubjectHeadIndex,
  type SubjectHeadIndex
} from '@eoffice/domain';
import { loadTrustConfig, type TrustConfig } from './trust';

export const CONFIG_DIR = path.resolve(__dirname, '..', '..', '..', 'config');
export const DEFAULT_HIERARCHY = path.join(CONFIG_DIR, 'hierarchy', 'gad.hierarchy.json');
export const DEFAULT_SUBJECT_HEADS = path.join(CONFIG_DIR, 'subject-heads', 'gad.subject-heads.json');
export const DEFAULT_RETENTION = path.join(CONFIG_DIR, 'retention', 'csmop.retention.json');

/** Where the artefacts live in the repository (paths below Company Home). */
export const REPO_PATHS = {
  models: 'Data Dictionary/Models',
  workflows: 'Data Dictionary/Workflow Definitions',
  eoffice: 'Data Dictionary/eOffice',
  hierarchy: 'Data Dictionary/eOffice/hierarchy.json',
  subjectHeads: 'Data Dictionary/eOffice/subject-heads.json',
  /** When each upgrade that made the repository keep something new began (install.ts ensureUpgrades). */
  upgrades: 'Data Dictionary/eOffice/upgrades.json',
  /** Trusted roots, CA certificates and CRLs for digital signatures (config/trust/). */
  trust: 'Data Dictionary/eOffice/Trust'
} as const;

export const MODEL_FILE_NAME = 'eofficeModel.xml';

export interface Artefacts {
  modelXml: string;
  /** Every content model of config/model/*.xml, the main one (MODEL_FILE_NAME) first. */
  models: { name: string; xml: string }[];
  /** Workflow definitions: file name and BPMN XML, from config/workflow/*.bpmn20.xml. */
  workflows: { name: string; xml: string; processIds: string[] }[];
  hierarchy: Hierarchy;
  /** The hierarchy as stored in the repository (defaults filled in, stable formatting). */
  hierarchyJson: string;
  /** The subject-head index files are numbered under, as stored in the repository. */
  subjectHeads: SubjectHeadIndex;
  subjectHeadsJson: string;
  /** Record categories and their retention schedules, built in the RM site's file plan when AGS is installed. */
  retention: RetentionConfig;
  /** The department's trust for digital signatures (config/trust/): roots, CA certificates, CRLs. */
  trust: TrustConfig;
}

export function loadArtefacts(
  hierarchyFile = DEFAULT_HIERARCHY,
  configDir = CONFIG_DIR,
  subjectHeadsFile = DEFAULT_SUBJECT_HEADS,
  retentionFile = DEFAULT_RETENTION
): Artefacts {
  const modelXml = fs.readFileSync(path.join(configDir, 'model', MODEL_FILE_NAME), 'utf8');
  const models = [
    { name: MODEL_FILE_NAME, xml: modelXml },
    ...fs
      .readdirSync(path.join(configDir, 'model'))
      .filter((f) => f.endsWith('.xml') && f !== MODEL_FILE_NAME)
      .sort()
      .map((name) => ({ name, xml: fs.readFileSync(path.join(configDir, 'model', name), 'utf8') }))
  ];
  const workflowDir = path.join(configDir, 'workflow');
  const workflows = (fs.existsSync(workflowDir) ? fs.readdirSync(workflowDir) : [])
    .filter((f) => f.endsWith('.bpmn20.xml'))
    .sort()
    .map((name) => {
      const xml = fs.readFileSync(path.join(workflowDir, name), 'utf8');
      // Executable processes: their ids are the process definition keys ACS lists once deployed.
      const processIds = [...xml.matchAll(/<(?:\w+:)?process\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
      return { name, xml, processIds };
    });
  const hierarchy = loadHierarchy(hierarchyFile);
  const subjectHeads = loadSubjectHeads(subjectHeadsFile);
  return {
    modelXml,
    models,
    workflows,
    hierarchy,
    hierarchyJson: hierarchyText(hierarchy),
    subjectHeads,
    subjectHeadsJson: JSON.stringify(subjectHeads, null, 2) + '\n',
    retention: loadRetention(retentionFile),
    trust: loadTrustConfig(path.join(configDir, 'trust'))
  };
}

export function loadHierarchy(file: string): Hierarchy {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read hierarchy ${file}: ${(e as Error).message}`);
  }
  if (raw && typeof raw === 'object') delete (raw as Record<string, unknown>)['$schema'];
  return parseHierarchy(raw);
}

export function hierarchyText(h: Hierarchy): string {
  return JSON.stringify(h, null, 2) + '\n';
}

export function loadSubjectHeads(file: string): SubjectHeadIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read subject-head index ${file}: ${(e as Error).message}`);
  }
  return parseSubjectHeadIndex(raw);
}

/** The retention config, checked against AGS's rules for schedules before anything is written. */
export function loadRetention(file: string): RetentionConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read retention config ${file}: ${(e as Error).message}`);
  }
  try {
    return parseRetentionConfig(raw);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}
