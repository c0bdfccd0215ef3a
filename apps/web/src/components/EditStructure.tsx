import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Consultation, Multilingual, Roundtable } from '../api/types';
import { useLang } from '../i18n';
import { TimeZonePicker } from './SearchPicker';
import { compact, ErrorNote, MultilingualFields, useSubmit } from './ui';

/** Weekday names in the interface language, Sunday first (the API's 0 … 6). */
function weekdays(lang: string): string[] {
  const sunday = Date.UTC(2024, 0, 7); // a Sunday
  const format = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(sunday + i * 86_400_000)));
}

/** Organisers: a consultation's title, description, timezone and weekly digest time. */
export function EditConsultation({
  consultation,
  onSaved,
}: {
  consultation: Consultation;
  onSaved(c: Consultation): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [title, setTitle] = useState<Multilingual>(consultation.title);
  const [description, setDescription] = useState<Multilingual>(consultation.description ?? {});
  const [timezone, setTimezone] = useState(consultation.timezone);
  const [day, setDay] = useState(String(consultation.digestSchedule.day));
  const [hour, setHour] = useState(String(consultation.digestSchedule.hour));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async () => {
    setSaved(false);
    const desc = compact(description);
    const updated = await call<Consultation>(
      api.PATCH('/api/v1/consultations/{id}', {
        params: { path: { id: consultation.id } },
        body: {
          title: compact(title),
          ...(Object.keys(desc).length ? { description: desc } : {}),
          timezone,
          digestDay: Number(day),
          digestHour: Number(hour),
        },
      }),
    );
    setSaved(true);
    onSaved(updated);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  const days = weekdays(lang);
  return (
    <details className="panel">
      <summary>{t('structure.editConsultation')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <MultilingualFields legend={t('organiser.title')} name="ec-title" value={title} onChange={setTitle} required />
        <MultilingualFields
          legend={t('organiser.description')}
          name="ec-description"
          value={description}
          onChange={setDescription}
          multiline
        />
        <TimeZonePicker
          id="ec-timezone"
          label={t('organiser.timezone')}
          hint={t('searchPicker.timezoneHint')}
          value={timezone}
          onChange={setTimezone}
        />
        <fieldset>
          <legend>{t('structure.digestTime')}</legend>
          <p className="hint" id="ec-digest-hint">
            {t('structure.digestTimeHint', { timezone })}
          </p>
          <div className="field inline">
            <label htmlFor="ec-digest-day">{t('structure.digestDay')}</label>
            <select
              id="ec-digest-day"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              aria-describedby="ec-digest-hint"
            >
              {days.map((name, i) => (
                <option key={i} value={i}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor="ec-digest-hour">{t('structure.digestHour')}</label>
            <select
              id="ec-digest-hour"
              value={hour}
              onChange={(e) => setHour(e.target.value)}
              aria-describedby="ec-digest-hint"
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {`${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <ErrorNote error={submit.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved ? t('structure.saved') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('structure.save')}
        </button>
      </form>
    </details>
  );
}

/** Organisers: a roundtable's number, title and objectives. */
export function EditRoundtable({ roundtable, onSaved }: { roundtable: Roundtable; onSaved(): void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(String(roundtable.number));
  const [title, setTitle] = useState<Multilingual>(roundtable.title);
  const [objectives, setObjectives] = useState(roundtable.objectives.join('\n'));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async () => {
    setSaved(false);
    await call<Roundtable>(
      api.PATCH('/api/v1/roundtables/{id}', {
        params: { path: { id: roundtable.id } },
        body: {
          number: Number(number),
          title: compact(title),
          objectives: objectiveLines(objectives),
        },
      }),
    );
    setSaved(true);
    onSaved();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <details className="panel">
      <summary>{t('structure.editRoundtable')}</summary>
      <form onSubmit={onSubmit} className="stack">
        <RoundtableFields
          idPrefix="er"
          number={[number, setNumber]}
          title={[title, setTitle]}
          objectives={[objectives, setObjectives]}
        />
        <ErrorNote error={submit.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved ? t('structure.saved') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('structure.save')}
        </button>
      </form>
    </details>
  );
}

type Field<T> = [T, (value: T) => void];

/** One objective per line, blank lines dropped. */
export function objectiveLines(text: string): string[] {
  return text
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** A roundtable's number, title in three languages and objectives (one per line), for creating or editing it. */
export function RoundtableFields({
  idPrefix,
  number,
  title,
  objectives,
}: {
  idPrefix: string;
  number: Field<string>;
  title: Field<Multilingual>;
  objectives: Field<string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-number`}>{t('organiser.number')}</label>
        <input
          id={`${idPrefix}-number`}
          type="number"
          min={1}
          required
          className="short"
          value={number[0]}
          onChange={(e) => number[1](e.target.value)}
        />
      </div>
      <MultilingualFields
        legend={t('organiser.title')}
        name={`${idPrefix}-title`}
        value={title[0]}
        onChange={title[1]}
        required
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-objectives`}>{t('roundtable.objectives')}</label>
        <textarea
          id={`${idPrefix}-objectives`}
          rows={4}
          value={objectives[0]}
          onChange={(e) => objectives[1](e.target.value)}
          aria-describedby={`${idPrefix}-objectives-hint`}
        />
        <p id={`${idPrefix}-objectives-hint`} className="hint">
          {t('organiser.objectivesHint')}
        </p>
      </div>
    </>
  );
}
