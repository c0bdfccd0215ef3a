import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { accountSearch, MemberPicker, type PickedMember } from './MemberPicker';
import { ErrorNote, useSubmit } from './ui';

/**
 * Gives someone a role in a space or a roundtable (organisers). The person is found by
 * typing part of their name, organisation or email: any account, not only those who
 * joined already.
 */
export function RoleForm({ scope, id }: { scope: 'space' | 'roundtable'; id: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const roles =
    scope === 'space'
      ? (['participant', 'moderator', 'rapporteur'] as const)
      : (['moderator', 'rapporteur', 'none'] as const);
  const [member, setMember] = useState<PickedMember | null>(null);
  const [role, setRole] = useState<string>('moderator');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async () => {
    if (!member) return;
    setDone(null);
    const path = { id, userId: member.userId };
    if (scope === 'space') {
      await call(
        api.PUT('/api/v1/spaces/{id}/roles/{userId}', { params: { path }, body: { role: role as 'participant' } }),
      );
    } else {
      await call(
        api.PUT('/api/v1/roundtables/{id}/roles/{userId}', { params: { path }, body: { role: role as 'moderator' } }),
      );
    }
    setDone(t('roles.assigned', { name: member.displayName, role: t(`roles.${role}`) }));
    setMember(null);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{scope === 'space' ? t('roles.spaceTitle') : t('roles.roundtableTitle')}</h3>
      <MemberPicker
        label={t('roles.member')}
        hint={t('roles.memberHint')}
        search={accountSearch}
        value={member}
        onChange={setMember}
      />
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
