import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import countryCodes from 'i18n-iso-countries/codes.json';
import type { Lang } from '../api/types';
import { useLang } from '../i18n';
import { countryName } from '../lib/format';

export interface PickerOption {
  value: string;
  label: string;
  /** Also matched when typing (an ISO code, an English name). */
  keywords?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const MAX_SHOWN = 50;

/**
 * A text field that offers the options matching what is typed (a combobox with its list):
 * arrows move, Enter chooses, Escape closes. Only a listed option is saved; clearing the
 * field clears the value when `optional`.
 */
export function SearchPicker({
  id,
  label,
  hint,
  options,
  value,
  onChange,
  optional = false,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  options: PickerOption[];
  value: string;
  onChange(value: string): void;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const chosen = options.find((o) => o.value === value) ?? null;
  const [text, setText] = useState(chosen?.label ?? value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;

  // the chosen option's name follows the interface language
  useEffect(() => {
    if (!open) setText(chosen?.label ?? value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen?.label, value]);

  const matches = useMemo(() => {
    const q = fold(text.trim());
    if (!q) return options.slice(0, MAX_SHOWN);
    const starts: PickerOption[] = [];
    const inside: PickerOption[] = [];
    for (const o of options) {
      const name = fold(o.label);
      if (
        name.startsWith(q) ||
        name.split(/[\s/_()-]+/).some((w) => w.startsWith(q)) ||
        (o.keywords &&
          fold(o.keywords)
            .split(/\s+/)
            .some((w) => w.startsWith(q)))
      )
        starts.push(o);
      else if (name.includes(q)) inside.push(o);
    }
    return [...starts, ...inside].slice(0, MAX_SHOWN);
  }, [text, options]);

  useEffect(() => {
    const typed = text.trim();
    input.current?.setCustomValidity(
      !typed || (chosen && chosen.label === text) ? '' : t('searchPicker.chooseFromList'),
    );
  }, [text, chosen, t]);

  const choose = (o: PickerOption) => {
    onChange(o.value);
    setText(o.label);
    setOpen(false);
    input.current?.setCustomValidity('');
  };
  const listed = open && matches.length > 0;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % Math.max(matches.length, 1));
    } else if (e.key === 'Enter' && listed) {
      e.preventDefault(); // chooses; never sends the form
      if (matches[active]) choose(matches[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const activeId =
    listed && matches[active] ? `${listId}-${matches[active].value.replace(/[^A-Za-z0-9_-]/g, '_')}` : undefined;
  return (
    <div className="field search-picker">
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
        required={!optional}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          // a name typed in full is chosen at once (pasted, or filled in by the browser)
          const typed = fold(e.target.value.trim());
          const exact = typed ? options.find((o) => fold(o.label) === typed) : undefined;
          if (exact) onChange(exact.value);
          else if (!typed && optional) onChange('');
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          // a name (or code) typed in full counts as chosen
          const typed = fold(text.trim());
          const exact = typed
            ? (options.find((o) => fold(o.label) === typed) ?? options.find((o) => fold(o.value) === typed))
            : undefined;
          if (exact && exact.value !== value) choose(exact);
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('searchPicker.options')} className="picker-results" hidden={!listed}>
        {listed &&
          matches.map((o, i) => (
            <li
              key={o.value}
              id={`${listId}-${o.value.replace(/[^A-Za-z0-9_-]/g, '_')}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown would blur the input (closing the list) before the click lands
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
            >
              {o.label}
            </li>
          ))}
      </ul>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {open && text.trim()
          ? matches.length
            ? t('searchPicker.found', { count: matches.length })
            : t('searchPicker.none')
          : ''}
      </p>
      {open && text.trim() !== '' && matches.length === 0 && <p className="hint">{t('searchPicker.none')}</p>}
    </div>
  );
}

const countryLists = new Map<Lang, PickerOption[]>();
/** Every ISO 3166 country by its name in `lang`, in that language's alphabetical order. */
export function countryOptions(lang: Lang): PickerOption[] {
  let list = countryLists.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang);
    list = (countryCodes as string[][])
      .map(([alpha2]) => ({
        value: alpha2,
        label: countryName(alpha2, lang),
        keywords: `${alpha2} ${lang === 'en' ? '' : countryName(alpha2, 'en')}`,
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
    countryLists.set(lang, list);
  }
  return list;
}

/** The country field of the profile: a name typed in the reader's language, saved as its ISO code. */
export function CountryPicker({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  value: string;
  onChange(code: string): void;
}) {
  const lang = useLang();
  const options = useMemo(() => countryOptions(lang), [lang]);
  return (
    <SearchPicker
      id={id}
      label={label}
      hint={hint}
      options={options}
      value={value.toUpperCase()}
      onChange={onChange}
      optional
    />
  );
}

let zones: PickerOption[] | null = null;
/** A time zone of the IANA database, found by any part of its name (“Zurich”, “Europe/Paris”, “Bogota”). */
export function TimeZonePicker({
  id,
  label,
  hint,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  value: string;
  onChange(zone: string): void;
}) {
  zones ??= (Intl.supportedValuesOf?.('timeZone') ?? ['UTC'])
    .concat('UTC')
    .filter((z, i, all) => all.indexOf(z) === i)
    .map((z) => ({ value: z, label: z, keywords: z.replace(/[/_]/g, ' ') }));
  return <SearchPicker id={id} label={label} hint={hint} options={zones} value={value} onChange={onChange} />;
}
