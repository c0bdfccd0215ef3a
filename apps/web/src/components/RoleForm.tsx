import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ErrorNote, useSubmit } from './ui';

export interface Person {
  id: string;
  displayName: string;
  organisation?: string | null;
}

/**
 * Gives a member a role in a space or a roundtable. The API has no member directory
 * yet, so people are offered from those seen in the discussion, or entered by id.
 */
export function RoleForm({ scope, id, people }: { scope: 'space' | 'roundtable'; id: string; people: Person[] }) {
  const { t } = useTranslation();
  const uid = useId();
  const roles = scope === 'space' ? (['participant', 'moderator', 'rapporteur'] as const) : (['moderator', 'rapporteur', 'none'] as const);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<string>('moderator');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async () => {
    setDone(null);
    const target = userId.trim();
    if (scope === 'space') {
      await call(api.PUT('/api/v1/spaces/{id}/roles/{userId}', { params: { path: { id, userId: target } }, body: { role: role as 'participant' } }));
    } else {
      await call(api.PUT('/api/v1/roundtables/{id}/roles/{userId}', { params: { path: { id, userId: target } }, body: { role: role as 'moderator' } }));
    }
    const name = people.find((p) => p.id === target)?.displayName ?? target;
    setDone(t('roles.assigned', { name, role: t(`roles.${role}`) }));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{scope === 'space' ? t('roles.spaceTitle') : t('roles.roundtableTitle')}</h3>
      <div className="field">
        <label htmlFor={`${uid}-user`}>{t('roles.member')}</label>
        <input id={`${uid}-user`} list={`${uid}-people`} required value={userId} onChange={(e) => setUserId(e.target.value)} aria-describedby={`${uid}-hint`} autoComplete="off" />
        <datalist id={`${uid}-people`}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
              {p.organisation ? ` — ${p.organisation}` : ''}
            </option>
          ))}
        </datalist>
        <p id={`${uid}-hint`} className="hint">
          {t('roles.memberHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-role`}>{t('roles.role')}</label>
        <select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={submit.error} />
      {done && (
        <p className="note note-ok" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={submit.busy}>
        {t('roles.assign')}
      </button>
    </form>
  );
}
