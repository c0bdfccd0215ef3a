import { randomUUID } from 'node:crypto';
import { DomainError, fill } from '@roundtable/core';
import { item } from './compile-sections';
import { LIST_SECTIONS, ListSection, SummaryItem, SummarySections } from './summary.types';
import { STOCKTAKING_MESSAGES as M } from '../stocktaking-messages';

export const MAX_ITEMS = 60;
export const MAX_TEXT = 4000;

export interface ItemEdit {
  /** An existing item (keeps its sources and figures); absent for a new one. */
  id?: string;
  /** New wording; null or absent keeps (or restores) the generated wording of an existing item. */
  text?: string | null;
}

export interface SectionEdits {
  introduction?: string | null;
  participationText?: string | null;
  regionsText?: string | null;
  keyEmphases?: ItemEdit[];
  convergence?: ItemEdit[];
  priorities?: ItemEdit[];
  gaps?: ItemEdit[];
}

/**
 * The rapporteur's edit: each list given is the section as it should now read (order,
 * wording; items left out are dropped, items without an id are added). Sections not
 * given are unchanged. Dropped generated items are remembered, so a re-compile does not
 * bring them back.
 */
export function applySectionEdits(current: SummarySections, edits: SectionEdits): SummarySections {
  const next: SummarySections = { ...current, dropped: [...current.dropped] };
  if (edits.introduction !== undefined) next.introduction = clean(edits.introduction, 'introduction');
  if (edits.participationText !== undefined)
    next.participationText = clean(edits.participationText, 'participationText');
  if (edits.regionsText !== undefined) next.regionsText = clean(edits.regionsText, 'regionsText');
  for (const section of LIST_SECTIONS) {
    const list = edits[section];
    if (list === undefined) continue;
    if (list.length > MAX_ITEMS) throw DomainError.badRequest(fill(M.tooManyItems, { section, max: MAX_ITEMS }));
    const byId = new Map(current[section].map((i) => [i.id, i]));
    const kept = new Set<string>();
    next[section] = list.map((e, n) => {
      const where = `${section}[${n}]`;
      if (e.id) {
        const existing = byId.get(e.id);
        if (!existing) throw DomainError.badRequest(fill(M.unknownItem, { where, id: e.id, section }));
        if (kept.has(e.id)) throw DomainError.badRequest(fill(M.itemTwice, { where, id: e.id }));
        kept.add(e.id);
        if (e.text === undefined) return existing;
        const text = clean(e.text, `${where}.text`);
        return { ...existing, text, edited: text !== null };
      }
      const text = clean(e.text ?? null, `${where}.text`);
      if (!text) throw DomainError.badRequest(fill(M.newItemText, { where }));
      const id = randomUUID();
      return item('custom', `custom:${id}`, { id, text, edited: true });
    });
    for (const removed of current[section].filter((i) => !kept.has(i.id) && i.kind !== 'custom')) {
      const mark = `${section}/${removed.key}`;
      if (!next.dropped.includes(mark)) next.dropped.push(mark);
    }
  }
  return next;
}

/**
 * A re-compile that keeps the rapporteur's work: items keep their place, id and edited
 * wording while their sources and figures are refreshed; the rapporteur's own items
 * stay; dropped items stay dropped; an edited item the discussion no longer yields is
 * kept and marked stale; new generated items are appended.
 */
export function mergeRecompiled(
  current: SummarySections,
  fresh: Omit<SummarySections, 'introduction' | 'participationText' | 'regionsText' | 'dropped'>,
): SummarySections {
  const next: SummarySections = { ...current, dropped: [...current.dropped] };
  for (const section of LIST_SECTIONS)
    next[section] = mergeList(section, current[section], fresh[section], current.dropped);
  return next;
}

function mergeList(
  section: ListSection,
  current: SummaryItem[],
  fresh: SummaryItem[],
  dropped: string[],
): SummaryItem[] {
  const freshByKey = new Map(fresh.map((i) => [i.key, i]));
  const out: SummaryItem[] = [];
  const placed = new Set<string>();
  for (const old of current) {
    if (old.kind === 'custom') {
      out.push(old);
      continue;
    }
    const renewed = freshByKey.get(old.key);
    placed.add(old.key);
    if (renewed) out.push({ ...renewed, id: old.id, text: old.text, edited: old.edited });
    else if (old.edited) out.push({ ...old, stale: true });
  }
  for (const f of fresh) if (!placed.has(f.key) && !dropped.includes(`${section}/${f.key}`)) out.push(f);
  return out;
}

function clean(value: string | null, field: string): string | null {
  if (value === null) return null;
  const text = value
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > MAX_TEXT) throw DomainError.badRequest(fill(M.textTooLong, { field, max: MAX_TEXT }));
  return text || null;
}
