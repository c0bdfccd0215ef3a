import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

/** Someone the picker offers: a member of a space or an account. */
export interface PickedMember {
  userId: string;
  displayName: string;
  organisation?: string | null;
  /** A second line: an email (organisers) or a role. */
  detail?: string | null;
  suspendedUntil?: string | null;
}

export type MemberSearch = (q: string) => Promise<PickedMember[]>;

const RESULTS = 10;
const DEBOUNCE_MS = 250;

/** The members of a space, for its moderators (no emails); `role` narrows them. */
export function spaceMemberSearch(spaceId: string, role?: 'participant' | 'moderator' | 'rapporteur'): MemberSearch {
  return async (q) => {
    const page = await call<components['schemas']['MemberPageDto']>(
      api.GET('/api/v1/spaces/{id}/members', {
        params: { path: { id: spaceId }, query: { q, limit: RESULTS, ...(role ? { role } : {}) } },
      }),
    );
    return page.items.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      organisation: m.organisation,
      suspendedUntil: m.suspendedUntil,
    }));
  };
}

/** Every account, by name, organisation or email (organisers). */
export const accountSearch: MemberSearch = async (q) => {
  const page = await call<components['schemas']['AccountPageDto']>(
    api.GET('/api/v1/users', { params: { query: { q, limit: RESULTS } } }),
  );
  return page.items.map((a) => ({
    userId: a.userId,
    displayName: a.displayName,
    organisation: a.organisation,
    detail: a.email,
  }));
};

/**
 * A search-as-you-type member field: an ARIA 1.2 combobox with a list box of results.
 * Type part of a name (↓/↑ move through the results, Enter chooses, Escape closes); the
 * form cannot be sent until someone is chosen from the list.
 */
export function MemberPicker({
  label,
  hint,
  search,
  value,
  onChange,
  id: givenId,
}: {
  label: string;
  hint?: string;
  search: MemberSearch;
  value: PickedMember | null;
  onChange(member: PickedMember | null): void;
  id?: string;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const id = givenId ?? `${uid}-member`;
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value?.displayName ?? '');
  const [results, setResults] = useState<PickedMember[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const asked = useRef(0);

  // a member chosen from outside (the queue's "warn or suspend the author") shows as chosen
  useEffect(() => {
    if (value && value.displayName !== text) setText(value.displayName);
    if (!value && text && !open) setText('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => {
    input.current?.setCustomValidity(value || !text.trim() ? '' : t('picker.chooseFromList'));
  }, [value, text, t]);

  useEffect(() => {
    const q = text.trim();
    if (!open || !q || (value && value.displayName === text)) return;
    const ask = ++asked.current;
    setStatus('searching');
    const timer = setTimeout(() => {
      search(q).then(
        (found) => {
          if (ask !== asked.current) return; // a later search is under way
          setResults(found);
          setActive(found.length ? 0 : -1);
          setStatus('done');
        },
        () => ask === asked.current && setStatus('failed'),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, open, search, value]);

  const choose = (member: PickedMember) => {
    onChange(member);
    setText(member.displayName);
    setOpen(false);
    setResults([]);
    setStatus('idle');
  };

  const listed = open && text.trim() !== '' && !(value && value.displayName === text);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (results.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + results.length) % results.length);
    } else if (e.key === 'Enter' && listed) {
      e.preventDefault(); // chooses (once the results are those of the text typed); never sends the form
      if (status === 'done' && results[active]) choose(results[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const activeId = listed && results[active] ? `${listId}-${results[active].userId}` : undefined;
  const hintId = `${id}-hint`;
  return (
    <div className="field member-picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={hintId}
        autoComplete="off"
        required
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('picker.results', { label })}
        className="picker-results"
        hidden={!listed || results.length === 0}
      >
        {listed &&
          results.map((m, i) => (
            <li
              key={m.userId}
              id={`${listId}-${m.userId}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown would blur the input (closing the list) before the click lands
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(m)}
            >
              <span className="picker-name">{m.displayName}</span>
              {(m.organisation || m.detail) && (
                <span className="picker-detail"> — {[m.organisation, m.detail].filter(Boolean).join(' · ')}</span>
              )}
              {m.suspendedUntil && <span className="badge flagged">{t('picker.suspended')}</span>}
            </li>
          ))}
      </ul>
      <p id={hintId} className="hint">
        {value
          ? t('picker.chosen', {
              name: [value.displayName, value.organisation, value.detail].filter(Boolean).join(' — '),
            })
          : hint}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {listed && status === 'searching' ? t('picker.searching') : ''}
        {listed && status === 'done'
          ? results.length
            ? t('picker.found', { count: results.length })
            : t('picker.none')
          : ''}
        {listed && status === 'failed' ? t('picker.failed') : ''}
      </p>
      {listed && status === 'done' && results.length === 0 && <p className="hint">{t('picker.none')}</p>}
      {listed && status === 'failed' && (
        <p className="note note-error" role="alert">
          {t('picker.failed')}
        </p>
      )}
    </div>
  );
}
