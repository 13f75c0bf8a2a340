// Department hierarchy: sections, posts, reporting lines and the channel of submission.
// Stored as JSON in the repository (Data Dictionary/eOffice/hierarchy.json) so that the workflow and
// every client read the same rules; config/hierarchy/*.hierarchy.json are the templates.
// Posts, not people, hold files: each post is a group whose only member is its incumbent.
import type { Label } from './vocabulary';

export interface HierarchySection {
  code: string;
  name: Label;
}

export interface HierarchyPost {
  code: string;
  designation: Label;
  /** 1 ASO, 2 SO, 3 US, 4 DS/Director, 5 JS, 6 AS, 7 Secretary, 8 Minister (see LEVELS). */
  level: number;
  /** Section code; posts above the sections (DS and up, usually) have none. */
  section?: string;
  /** The post this one reports to; only the top post has none. */
  reportsTo?: string;
  /** User name of the officer holding the post; absent while the post is vacant. */
  incumbent?: string;
  /**
   * The incumbent's name as the department records it. Signature blocks carry this, not the person's
   * profile, which every user may rename for themselves; only administrators write the hierarchy.
   */
  incumbentName?: Label;
  /**
   * Written by a transfer of charge (eoCharge, config/workflow/src/charge.js) in the repository's copy only:
   * whom the department's hierarchy file named when charge first passed from him (`fileIncumbent`, '' for a
   * vacant post), and the last transfer (from whom, the day, its eoCharge process). `install` keeps the
   * transfer while the file still names `fileIncumbent` (the file is older than the transfer), and gives the
   * post back to the file's incumbent with `--reset-charge` or once the file names someone else.
   */
  charge?: PostCharge;
}

/** A post's last transfer of charge, as the repository's hierarchy records it (HierarchyPost.charge). */
export interface PostCharge {
  fileIncumbent: string;
  from: string;
  /** The day charge passed, YYYY-MM-DD (IST). */
  on: string;
  /** The eoCharge process that transferred it. */
  process: string;
}

export interface ChannelLink {
  from: string;
  to: string;
}

export interface ChannelRules {
  /** Largest level difference one marking may cross (CSMOP: no more than four levels). */
  maxLevelJump: number;
  /** Posts of one level in one section (or both outside sections) may mark to each other. */
  sameLevelInSection: boolean;
  /** A file that jumped levels on its way up passes through each of them on its way down. */
  returnThroughJumpedLevels: boolean;
  /** Extra markings the department allows beyond the defaults (one direction each). */
  allow: ChannelLink[];
}

export interface Hierarchy {
  version: 1;
  department: { code: string; name: Label; site?: string };
  sections: HierarchySection[];
  posts: HierarchyPost[];
  channel: ChannelRules;
  /** The department's rules for digital signatures; none required when absent. */
  signatures?: SignatureRules;
  /** Overdue work: the norm, when the daily mails go, whether reporting posts are mailed (defaults when absent). */
  escalation?: EscalationRules;
}

/**
 * Overdue work (issue 19; config/README.md, "Due dates, the norm and escalation"). An item held beyond the norm
 * or past its due date is told to its holder and escalated to the post its holder reports to.
 */
export interface EscalationRules {
  /** Working days an officer may hold a case (CSMOP: 7). */
  normDays?: number;
  /** When the daily mails (digests, escalations) go, 'HH:MM' IST (default '09:00'). */
  dailyMailAt?: string;
  /** Whether each reporting post gets a daily mail of the overdue items of the posts reporting to it (default false). */
  mailReportingPost?: boolean;
}

/** The escalation rules with their defaults filled in. */
export function escalationRules(h: Pick<Hierarchy, 'escalation'>): Required<EscalationRules> {
  const e = h.escalation ?? {};
  return { normDays: e.normDays ?? 7, dailyMailAt: e.dailyMailAt ?? '09:00', mailReportingPost: e.mailReportingPost ?? false };
}

/** What a department requires to be digitally signed (docs/signatures.md, "Rules"); each false when absent. */
export interface SignatureRules {
  /**
   * A file is sent on only when every green note its post wrote while holding it carries its signer's
   * digital signature of the note's current version (the movement workflow refuses the send otherwise).
   */
  requireSignedNotes?: boolean;
  /** A letter is issued only from a draft whose approval is digitally signed. */
  requireSignedApprovals?: boolean;
}

export const LEVELS: { level: number; designation: Label }[] = [
  { level: 1, designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' } },
  { level: 2, designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' } },
  { level: 3, designation: { en: 'Under Secretary', hi: 'अवर सचिव' } },
  { level: 4, designation: { en: 'Deputy Secretary / Director', hi: 'उप सचिव / निदेशक' } },
  { level: 5, designation: { en: 'Joint Secretary', hi: 'संयुक्त सचिव' } },
  { level: 6, designation: { en: 'Additional Secretary', hi: 'अपर सचिव' } },
  { level: 7, designation: { en: 'Secretary', hi: 'सचिव' } },
  { level: 8, designation: { en: 'Minister', hi: 'मंत्री' } }
];

const DEPT_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
const SECTION_CODE = /^[A-Z][A-Z0-9]{0,15}$/;
// Post codes become part of group ids, so only characters every ACS accepts there.
const POST_CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabel = (v: unknown): v is Label =>
  isObject(v) && typeof v['en'] === 'string' && v['en'].trim() !== '' && typeof v['hi'] === 'string' && v['hi'].trim() !== '';

/** Problems of a hierarchy document, each naming where it is; empty when valid. */
export function validateHierarchy(input: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(input)) return ['the hierarchy must be a JSON object'];
  if (input['version'] !== 1) problems.push('version must be 1');
  const dept = input['department'];
  if (!isObject(dept)) problems.push('department is missing');
  else {
    if (typeof dept['code'] !== 'string' || !DEPT_CODE.test(dept['code']))
      problems.push('department.code must be 2-16 capital letters or digits');
    if (!isLabel(dept['name'])) problems.push('department.name needs en and hi');
    if (dept['site'] !== undefined && (typeof dept['site'] !== 'string' || !/^[a-z0-9-]{1,72}$/.test(dept['site'])))
      problems.push('department.site must be a site id (a-z, 0-9, -)');
  }
  const sections = Array.isArray(input['sections']) ? (input['sections'] as unknown[]) : [];
  if (!Array.isArray(input['sections'])) problems.push('sections must be a list');
  const sectionCodes = new Set<string>();
  sections.forEach((s, i) => {
    if (!isObject(s) || typeof s['code'] !== 'string' || !SECTION_CODE.test(s['code']))
      return problems.push(`sections[${i}].code must be capital letters or digits`);
    if (sectionCodes.has(s['code'])) problems.push(`section ${s['code']} is listed twice`);
    sectionCodes.add(s['code']);
    if (!isLabel(s['name'])) problems.push(`section ${s['code']}: name needs en and hi`);
    return undefined;
  });
  const posts = Array.isArray(input['posts']) ? (input['posts'] as unknown[]) : [];
  if (!Array.isArray(input['posts']) || posts.length === 0) problems.push('posts must be a non-empty list');
  const levels = new Map<string, number>();
  for (const [i, p] of posts.entries()) {
    if (!isObject(p) || typeof p['code'] !== 'string' || !POST_CODE.test(p['code']) || p['code'].startsWith('SECTION_')) {
      problems.push(`posts[${i}].code must be capital letters, digits or _ (not starting SECTION_)`);
      continue;
    }
    if (levels.has(p['code'])) problems.push(`post ${p['code']} is listed twice`);
    const level = p['level'];
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 8)
      problems.push(`post ${p['code']}: level must be 1..8`);
    levels.set(p['code'], typeof level === 'number' ? level : 0);
    if (!isLabel(p['designation'])) problems.push(`post ${p['code']}: designation needs en and hi`);
    if (p['section'] !== undefined && !sectionCodes.has(String(p['section'])))
      problems.push(`post ${p['code']}: unknown section ${String(p['section'])}`);
    if (p['incumbent'] !== undefined && (typeof p['incumbent'] !== 'string' || !USER_NAME.test(p['incumbent'])))
      problems.push(`post ${p['code']}: incumbent must be a user name`);
    if (p['incumbentName'] !== undefined && (!isLabel(p['incumbentName']) || p['incumbent'] === undefined))
      problems.push(`post ${p['code']}: incumbentName needs en and hi, and an incumbent`);
  }
  for (const p of posts) {
    if (!isObject(p) || typeof p['code'] !== 'string' || p['reportsTo'] === undefined) continue;
    const boss = String(p['reportsTo']);
    if (!levels.has(boss)) problems.push(`post ${p['code']}: reportsTo names unknown post ${boss}`);
    // Strictly higher levels upward also rule out cycles in the reporting lines.
    else if ((levels.get(boss) ?? 0) <= (levels.get(p['code']) ?? 0))
      problems.push(`post ${p['code']}: reports to ${boss}, which is not at a higher level`);
  }
  const channel = input['channel'];
  if (channel !== undefined) {
    if (!isObject(channel)) problems.push('channel must be an object');
    else {
      const jump = channel['maxLevelJump'];
      if (jump !== undefined && (typeof jump !== 'number' || !Number.isInteger(jump) || jump < 1 || jump > 7))
        problems.push('channel.maxLevelJump must be 1..7');
      const allow = channel['allow'];
      if (allow !== undefined && !Array.isArray(allow)) problems.push('channel.allow must be a list');
      for (const [i, link] of (Array.isArray(allow) ? allow : []).entries()) {
        if (!isObject(link) || !levels.has(String(link['from'])) || !levels.has(String(link['to'])))
          problems.push(`channel.allow[${i}] must name two known posts`);
      }
    }
  }
  const signatures = input['signatures'];
  if (signatures !== undefined) {
    if (!isObject(signatures)) problems.push('signatures must be an object');
    else
      for (const key of Object.keys(signatures)) {
        const value = signatures[key];
        if (key !== 'requireSignedNotes' && key !== 'requireSignedApprovals') problems.push(`signatures.${key} is not a rule`);
        else if (typeof value !== 'boolean') problems.push(`signatures.${key} must be true or false`);
      }
  }
  const escalation = input['escalation'];
  if (escalation !== undefined) {
    if (!isObject(escalation)) problems.push('escalation must be an object');
    else
      for (const key of Object.keys(escalation)) {
        const value = escalation[key];
        if (key === 'normDays') {
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 60)
            problems.push('escalation.normDays must be a whole number of working days from 1 to 60');
        } else if (key === 'dailyMailAt') {
          if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
            problems.push("escalation.dailyMailAt must be 'HH:MM' (IST)");
        } else if (key === 'mailReportingPost') {
          if (typeof value !== 'boolean') problems.push('escalation.mailReportingPost must be true or false');
        } else problems.push(`escalation.${key} is not a rule`);
      }
  }
  return problems;
}

/** Validates a hierarchy document and fills in the channel defaults; throws listing every problem. */
export function parseHierarchy(input: unknown): Hierarchy {
  const problems = validateHierarchy(input);
  if (problems.length) throw new Error(`Invalid hierarchy:\n- ${problems.join('\n- ')}`);
  const doc = input as Hierarchy & { channel?: Partial<ChannelRules> };
  return {
    ...doc,
    channel: {
      maxLevelJump: doc.channel?.maxLevelJump ?? 4,
      sameLevelInSection: doc.channel?.sameLevelInSection ?? true,
      returnThroughJumpedLevels: doc.channel?.returnThroughJumpedLevels ?? true,
      allow: doc.channel?.allow ?? []
    }
  };
}

// ------------------------------------------------------------------ names in the repository

export const departmentGroup = (h: Hierarchy): string => `GROUP_EO_${h.department.code}`;
export const sectionGroup = (h: Hierarchy, section: string): string => `GROUP_EO_${h.department.code}_SECTION_${section}`;
export const postGroup = (h: Hierarchy, post: string): string => `GROUP_EO_${h.department.code}_${post}`;

/**
 * Posts of this level and above (Joint Secretary, Additional Secretary, Secretary, Minister) oversee the
 * whole department: they read every file and receipt, so the pendency MIS at the top counts everything.
 */
export const OVERSIGHT_LEVEL = 5;
export const oversightGroup = (h: Hierarchy): string => `GROUP_EO_${h.department.code}_OVERSIGHT`;
export const oversightPosts = (h: Hierarchy): HierarchyPost[] => h.posts.filter((p) => p.level >= OVERSIGHT_LEVEL);

/**
 * The Central Registry's posts: post code `CRU`, or `CRU_<n>` where a department has several clerks.
 * They receive dak and dispatch what files issue "by CRU".
 */
export const registryPosts = (h: Hierarchy): HierarchyPost[] => h.posts.filter((p) => p.code === 'CRU' || p.code.startsWith('CRU_'));
export const departmentSite = (h: Hierarchy): string => h.department.site ?? `eo-${h.department.code.toLowerCase()}`;

/** The post whose group id this is, if any. */
export function postOfGroup(h: Hierarchy, groupId: string): HierarchyPost | undefined {
  return h.posts.find((p) => postGroup(h, p.code) === groupId);
}

export function findPost(h: Hierarchy, code: string): HierarchyPost | undefined {
  return h.posts.find((p) => p.code === code);
}

/** Posts held by a user (a user may hold additional charge of several posts). */
export function postsOf(h: Hierarchy, userName: string): HierarchyPost[] {
  return h.posts.filter((p) => p.incumbent === userName);
}

/** The name the hierarchy records for an officer (as the incumbent of any post), if it records one. */
export function incumbentName(h: Hierarchy, userName: string, lang: 'en' | 'hi' = 'en'): string | undefined {
  return h.posts.find((p) => p.incumbent === userName && p.incumbentName)?.incumbentName?.[lang];
}

/** The name of the post's section, if it belongs to one. */
function sectionName(h: Hierarchy, post: HierarchyPost, lang: 'en' | 'hi'): string | undefined {
  return post.section ? h.sections.find((s) => s.code === post.section)?.name[lang] : undefined;
}

/** "Section Officer (Establishment)" in the language asked for. */
export function postTitle(h: Hierarchy, post: HierarchyPost, lang: 'en' | 'hi' = 'en'): string {
  const section = sectionName(h, post, lang);
  return section ? `${post.designation[lang]} (${section})` : post.designation[lang];
}

/**
 * "Priya Nair (Section Officer, Establishment)": a post as officers pick and read it (NIC's marking lists
 * name the person first), from the name the hierarchy records for its incumbent; the post alone when it
 * records none (a vacant post, or a department that keeps no names there).
 */
export function officerTitle(h: Hierarchy, post: HierarchyPost, lang: 'en' | 'hi' = 'en'): string {
  const name = post.incumbentName?.[lang];
  if (!name) return postTitle(h, post, lang);
  const section = sectionName(h, post, lang);
  return `${name} (${post.designation[lang]}${section ? `, ${section}` : ''})`;
}

/** The posts above `post` along its reporting line, nearest first. */
export function reportingChain(h: Hierarchy, post: string): HierarchyPost[] {
  const chain: HierarchyPost[] = [];
  for (let p = findPost(h, findPost(h, post)?.reportsTo ?? ''); p && chain.length < h.posts.length; p = findPost(h, p.reportsTo ?? ''))
    chain.push(p);
  return chain;
}

// ------------------------------------------------------------------ channel of submission

export interface MarkDecision {
  allowed: boolean;
  reason: Label;
  /** Posts on the reporting line between the two that this marking skips (nearest to `from` first). */
  jumped: string[];
}

const refuse = (en: string, hi: string): MarkDecision => ({ allowed: false, reason: { en, hi }, jumped: [] });

/**
 * May `fromPost` mark (send) an item to `toPost`? By default: to the post it reports to, posts
 * reporting to it, same-level posts of its own section, and along its reporting line up or down as
 * long as the levels crossed do not exceed channel.maxLevelJump; plus the department's channel.allow.
 */
export function mayMark(h: Hierarchy, fromPost: string, toPost: string): MarkDecision {
  const from = findPost(h, fromPost);
  const to = findPost(h, toPost);
  if (!from) return refuse(`Unknown post ${fromPost}`, `अज्ञात पद ${fromPost}`);
  if (!to) return refuse(`Unknown post ${toPost}`, `अज्ञात पद ${toPost}`);
  const fromEn = postTitle(h, from);
  const toEn = postTitle(h, to);
  const fromHi = postTitle(h, from, 'hi');
  const toHi = postTitle(h, to, 'hi');
  if (from.code === to.code)
    return refuse('An item cannot be marked to the post that holds it', 'कोई मामला उसी पद को अंकित नहीं किया जा सकता जिसके पास वह है');

  if (h.channel.allow.some((l) => l.from === from.code && l.to === to.code)) {
    return {
      allowed: true,
      reason: {
        en: `The department allows ${fromEn} to mark to ${toEn}`,
        hi: `विभाग ने ${fromHi} को ${toHi} को अंकित करने की अनुमति दी है`
      },
      jumped: []
    };
  }
  if (from.reportsTo === to.code) {
    return { allowed: true, reason: { en: `${fromEn} reports to ${toEn}`, hi: `${fromHi}, ${toHi} को रिपोर्ट करते हैं` }, jumped: [] };
  }
  if (to.reportsTo === from.code) {
    return { allowed: true, reason: { en: `${toEn} reports to ${fromEn}`, hi: `${toHi}, ${fromHi} को रिपोर्ट करते हैं` }, jumped: [] };
  }
  const max = h.channel.maxLevelJump;
  const alongLine = (lower: HierarchyPost, upper: HierarchyPost): HierarchyPost[] | undefined => {
    const chain = reportingChain(h, lower.code);
    const i = chain.findIndex((p) => p.code === upper.code);
    return i < 0 ? undefined : chain.slice(0, i);
  };
  const upward = alongLine(from, to);
  const downward = upward ? undefined : alongLine(to, from);
  const between = upward ?? downward?.slice().reverse();
  if (between) {
    const levels = Math.abs(to.level - from.level);
    if (levels > max) {
      return refuse(
        `${toEn} is ${levels} levels ${upward ? 'above' : 'below'} ${fromEn}; a marking may cross at most ${max} levels. Mark it to ${between[between.length - 1]?.designation.en ?? 'an intermediate officer'} first`,
        `${toHi}, ${fromHi} से ${levels} स्तर ${upward ? 'ऊपर' : 'नीचे'} हैं; एक बार में अधिकतम ${max} स्तर तक ही अंकित किया जा सकता है। पहले ${between[between.length - 1]?.designation.hi ?? 'मध्यवर्ती अधिकारी'} को अंकित करें`
      );
    }
    return {
      allowed: true,
      reason: {
        en: `${toEn} is ${upward ? 'above' : 'below'} ${fromEn} in the channel of submission`,
        hi: `${toHi}, प्रस्तुतीकरण माध्यम में ${fromHi} से ${upward ? 'ऊपर' : 'नीचे'} हैं`
      },
      jumped: between.map((p) => p.code)
    };
  }
  if (h.channel.sameLevelInSection && from.level === to.level && from.section === to.section) {
    return {
      allowed: true,
      reason: { en: `${toEn} is at the same level in the same section`, hi: `${toHi} उसी अनुभाग में समान स्तर पर हैं` },
      jumped: []
    };
  }
  return refuse(
    `${toEn} is outside the channel of submission of ${fromEn}: mark to the post you report to, posts reporting to you, same-level posts of your section, or up to ${max} levels along your reporting line`,
    `${toHi}, ${fromHi} के प्रस्तुतीकरण माध्यम से बाहर हैं: अपने वरिष्ठ पद, अपने अधीनस्थ पदों, अपने अनुभाग के समान स्तर के पदों, या अपनी रिपोर्टिंग श्रृंखला में अधिकतम ${max} स्तर तक ही अंकित करें`
  );
}

/**
 * Where a downward marking must actually go so that levels jumped on the way up see the item on its
 * way back: the highest of `pendingReturn` (posts jumped earlier, as recorded in eo:returnVia) that
 * lies strictly between `fromPost` and `toPost` on the reporting line; otherwise `toPost` itself.
 */
export function routeDown(h: Hierarchy, fromPost: string, toPost: string, pendingReturn: string[]): string {
  if (!h.channel.returnThroughJumpedLevels || !pendingReturn.length) return toPost;
  const chain = reportingChain(h, toPost);
  const i = chain.findIndex((p) => p.code === fromPost);
  if (i < 0) return toPost;
  const between = chain.slice(0, i).reverse(); // highest first
  return between.find((p) => pendingReturn.includes(p.code))?.code ?? toPost;
}
