import { createHash } from 'node:crypto';
import { DomainError, fill, Localised } from '@roundtable/core';
import type { Language, Multilingual } from '@roundtable/core';
import type { PlaceholderAccount } from '@roundtable/identity';
import type { ImportContributionDto, ImportDiscussionDto, ImportSpaceDto } from './discussion.dto';
import { EXCHANGE_MESSAGES as M } from '../exchange-messages';

/**
 * A placeholder member the import creates (or finds) for an author of the file: identity's
 * placeholder account, whose `ref` (`users.external_ref`) is derived from the author's name
 * and organisation, so a person is one account across imports.
 */
export type PlannedAuthor = PlaceholderAccount;

export interface PlannedContribution {
  /** The id in the file, as a string. */
  fileId: string;
  /** `contributions.external_ref`, unique per space: what makes a second import a no-op. */
  externalRef: string;
  /** The file id of the contribution it replies to (always planned earlier), or null for a new thread. */
  parentFileId: string | null;
  authorRef: string;
  body: string;
  language: Language | null;
  createdAt: Date;
}

export interface PlannedSpace {
  number: number;
  prompt: Multilingual;
  moderation: 'pre' | 'post';
  /** Authors of the imported contributions → whether they moderate this space. */
  members: Map<string, boolean>;
  /** In creation order: by date, parents before replies. */
  contributions: PlannedContribution[];
  /** Contributions left out because they are not published in the source. */
  skipped: number;
  /** Replies whose target is not an earlier contribution of the space: imported as new threads. */
  unresolved: Array<{ id: number | string; inReplyTo: number | string }>;
}

export interface ImportPlan {
  authors: Map<string, PlannedAuthor>;
  spaces: PlannedSpace[];
  contributionCount: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TRUNCATED = /(…|\.\.\.)$/;

/**
 * Turns a discussion file into what to write, without touching the database: which
 * authors become which placeholder accounts, who moderates where, and each space's
 * contributions in the order they must be created with their resolved parents.
 *
 * `inReplyTo` on the Hub names the *author* replied to ("In reply to by Kate Barth"),
 * not a contribution: the reply goes under that author's latest earlier contribution in
 * the same space. Naming the question's poster (`postedBy`, e.g. "Migration Netw…")
 * means a reply to the question itself, i.e. a new thread. An id (or `parentId`, which
 * exports carry) links to that exact contribution.
 */
export function planImport(input: ImportDiscussionDto): ImportPlan {
  const numbers = new Set<number>();
  for (const space of input.spaces) {
    if (numbers.has(space.number)) throw bad(fill(M.questionTwice, { number: space.number }));
    numbers.add(space.number);
  }
  const questionPosters = new Set(
    input.spaces
      .map((s) => s.postedBy)
      .filter((n): n is string => !!n)
      .map(normaliseName),
  );
  const authors = new Map<string, PlannedAuthor>();
  const spaces = input.spaces.map((space) => planSpace(space, questionPosters, authors));
  return { authors, spaces, contributionCount: spaces.reduce((n, s) => n + s.contributions.length, 0) };
}

interface Entry {
  index: number;
  fileId: string;
  input: ImportContributionDto;
  at: number;
  imported: boolean;
  parent: Entry | null;
}

function planSpace(
  space: ImportSpaceDto,
  questionPosters: Set<string>,
  authors: Map<string, PlannedAuthor>,
): PlannedSpace {
  const where = `question ${space.number}`;
  const entries: Entry[] = space.contributions.map((c, index) => ({
    index,
    fileId: String(c.id),
    input: c,
    at: postedTime(c.postedAt),
    imported: isImportable(c),
    parent: null,
  }));
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    if (byId.has(e.fileId)) throw bad(fill(M.contributionTwice, { where, id: e.fileId }));
    byId.set(e.fileId, e);
  }
  // posting order: by date, then as listed in the file
  const ordered = [...entries].sort((a, b) => a.at - b.at || a.index - b.index);
  const position = new Map(ordered.map((e, i) => [e, i]));

  const unresolved: PlannedSpace['unresolved'] = [];
  for (const e of ordered) {
    const { parentId, inReplyTo } = e.input;
    if (parentId !== undefined && parentId !== null) {
      const parent = byId.get(String(parentId));
      if (!parent) throw bad(fill(M.unknownParent, { where, id: e.fileId, parentId: String(parentId) }));
      if (parent === e) throw bad(fill(M.repliesToItself, { where, id: e.fileId }));
      e.parent = parent;
    } else if (inReplyTo !== undefined && inReplyTo !== null) {
      const byRef = byId.get(String(inReplyTo));
      if (byRef && byRef !== e) {
        e.parent = byRef;
      } else if (typeof inReplyTo === 'string' && !questionPosters.has(normaliseName(inReplyTo))) {
        e.parent = latestBy(inReplyTo, ordered.slice(0, position.get(e)));
        if (!e.parent) unresolved.push({ id: e.input.id, inReplyTo });
      }
    }
  }

  // a reply to a contribution that is not imported goes under its nearest imported ancestor
  const importedParent = (e: Entry): Entry | null => {
    const seen = new Set<Entry>();
    let p = e.parent;
    while (p && !p.imported) {
      if (seen.has(p)) break; // a cycle; reported below
      seen.add(p);
      p = p.parent;
    }
    return p;
  };

  const created = new Set<Entry>();
  const sequence: Entry[] = [];
  let remaining = ordered.filter((e) => e.imported);
  while (remaining.length > 0) {
    const waiting: Entry[] = [];
    for (const e of remaining) {
      const parent = importedParent(e);
      if (!parent || created.has(parent)) {
        created.add(e);
        sequence.push(e);
      } else {
        waiting.push(e);
      }
    }
    if (waiting.length === remaining.length) {
      throw bad(fill(M.replyCycle, { where, ids: waiting.map((e) => e.fileId).join(', ') }));
    }
    remaining = waiting;
  }

  const members = new Map<string, boolean>();
  const sameDay = new Map<string, number>();
  const contributions = sequence.map((e): PlannedContribution => {
    const author = authorOf(e.input, entries, authors);
    members.set(author.ref, (members.get(author.ref) ?? false) || e.input.moderator === true);
    return {
      fileId: e.fileId,
      externalRef: `import:${e.fileId}`,
      parentFileId: importedParent(e)?.fileId ?? null,
      authorRef: author.ref,
      body: e.input.body!,
      language: e.input.language ?? null,
      createdAt: createdAt(e.input.postedAt, sameDay),
    };
  });

  return {
    number: space.number,
    prompt: pickPrompt(space),
    moderation: space.moderation ?? 'post',
    members,
    contributions,
    skipped: entries.length - sequence.length,
    unresolved,
  };
}

/** Contributions from an export that are not published (deleted, hidden, pending, rejected) are left out. */
function isImportable(c: ImportContributionDto): boolean {
  return (c.status === undefined || c.status === null || c.status === 'published') && typeof c.body === 'string';
}

/** The latest of `earlier` written by `name`; a name ending in "…" matches authors whose name starts with it. */
function latestBy(name: string, earlier: Entry[]): Entry | null {
  const wanted = normaliseName(name);
  for (let i = earlier.length - 1; i >= 0; i -= 1)
    if (normaliseName(earlier[i].input.author) === wanted) return earlier[i];
  if (TRUNCATED.test(name.trim())) {
    const prefix = normaliseName(name.trim().replace(TRUNCATED, ''));
    if (prefix.length >= 3) {
      for (let i = earlier.length - 1; i >= 0; i -= 1)
        if (normaliseName(earlier[i].input.author).startsWith(prefix)) return earlier[i];
    }
  }
  return null;
}

/** The placeholder account of a contribution's author; profile facts come from the first contribution that gives them. */
function authorOf(c: ImportContributionDto, all: Entry[], authors: Map<string, PlannedAuthor>): PlannedAuthor {
  const name = c.author.trim().replace(/\s+/g, ' ');
  const organisation = c.organisation?.trim() || null;
  const ref = authorRef(name, organisation);
  let author = authors.get(ref);
  if (!author) {
    const theirs = all
      .map((e) => e.input)
      .filter((x) => authorRef(x.author.trim().replace(/\s+/g, ' '), x.organisation?.trim() || null) === ref);
    author = {
      ref,
      name,
      organisation,
      constituency: theirs.find((x) => x.constituency)?.constituency ?? 'other',
      country: theirs.find((x) => x.country)?.country?.trim() ?? null,
      preferredLanguage: theirs.find((x) => x.language)?.language ?? 'en',
    };
    authors.set(ref, author);
  }
  return author;
}

/** Stable across imports and files: the same name and organisation are the same person. */
export function authorRef(name: string, organisation: string | null): string {
  const digest = createHash('sha256')
    .update(`${normaliseName(name)}\n${normaliseName(organisation ?? '')}`)
    .digest('hex');
  return `import:author:${digest.slice(0, 32)}`;
}

function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function postedTime(postedAt: string): number {
  if (DATE_ONLY.test(postedAt)) return Date.parse(`${postedAt}T12:00:00Z`);
  const t = Date.parse(postedAt);
  if (Number.isNaN(t)) throw bad(fill(M.notADate, { value: postedAt }));
  return t;
}

/**
 * A bare date becomes noon UTC (the same calendar day in nearly every time zone), plus
 * one second per earlier contribution of that day, so the posting order survives a sort
 * by date. A full timestamp (e.g. from an export) is kept as it is.
 */
function createdAt(postedAt: string, sameDay: Map<string, number>): Date {
  if (!DATE_ONLY.test(postedAt)) return new Date(postedAt);
  const k = sameDay.get(postedAt) ?? 0;
  sameDay.set(postedAt, k + 1);
  return new Date(Date.parse(`${postedAt}T12:00:00Z`) + k * 1000);
}

function pickPrompt(space: ImportSpaceDto): Multilingual {
  const prompt: Multilingual = {};
  for (const lang of ['en', 'fr', 'es'] as const) if (space.prompt[lang]) prompt[lang] = space.prompt[lang];
  return prompt;
}

function bad(message: Localised): DomainError {
  return DomainError.badRequest(message, 'bad_import');
}
