import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Multilingual, Space } from '../../api/types';
import { RoleForm } from '../../components/RoleForm';
import { compact, ErrorNote, Loading, MultilingualFields, useAsync, useSubmit } from '../../components/ui';
import { fromLocalInput, toLocalInput } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';
import { InvitationList, InviteForm } from './Invitations';

/** Organiser's page for one question: its prompt, mode, dates and status, and who holds which role. */
export default function ManageSpacePage({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const res = useAsync(
    () => call<Space>(api.GET('/api/v1/spaces/{id}', { params: { path: { id: spaceId } } })),
    [spaceId],
  );
  usePageTitle(t('organiser.manageSpace'));
  const s = res.data;
  const [prompt, setPrompt] = useState<Multilingual>({});
  const [moderation, setModeration] = useState<'pre' | 'post'>('post');
  const [status, setStatus] = useState<Space['status']>('open');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [saved, setSaved] = useState(false);
  const [invitations, setInvitations] = useState(0);
  useEffect(() => {
    if (!s) return;
    setPrompt(s.prompt);
    setModeration(s.moderation);
    setStatus(s.status);
    setOpensAt(toLocalInput(s.opensAt));
    setClosesAt(toLocalInput(s.closesAt));
  }, [s]);
  const submit = useSubmit(async () => {
    setSaved(false);
    await call(
      api.PATCH('/api/v1/spaces/{id}', {
        params: { path: { id: spaceId } },
        body: {
          prompt: compact(prompt),
          moderation,
          status,
          ...(opensAt ? { opensAt: fromLocalInput(opensAt) } : {}),
          ...(closesAt ? { closesAt: fromLocalInput(closesAt) } : {}),
        },
      }),
    );
    setSaved(true);
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  if (res.error) return <ErrorNote error={res.error} />;
  if (!s) return <Loading />;
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/spaces/${spaceId}`}>{t('roundtable.questionNumber', { number: s.number })}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('organiser.manageSpace')}</h1>
      <form onSubmit={onSubmit} className="stack panel">
        <MultilingualFields
          legend={t('organiser.prompt')}
          name="prompt"
          value={prompt}
          onChange={setPrompt}
          multiline
          required
        />
        <div className="row">
          <div className="field">
            <label htmlFor="ms-mod">{t('organiser.moderationMode')}</label>
            <select id="ms-mod" value={moderation} onChange={(e) => setModeration(e.target.value as 'pre' | 'post')}>
              <option value="post">{t('organiser.postModeration')}</option>
              <option value="pre">{t('organiser.preModeration')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="ms-status">{t('organiser.status')}</label>
            <select id="ms-status" value={status} onChange={(e) => setStatus(e.target.value as Space['status'])}>
              {(['draft', 'open', 'closed', 'archived'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`space.status.${v}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="ms-opens">{t('organiser.opensAt')}</label>
            <input id="ms-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ms-closes">{t('organiser.closesAt')}</label>
            <input
              id="ms-closes"
              type="datetime-local"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
            />
          </div>
        </div>
        <ErrorNote error={submit.error} />
        <p role="status" className={saved ? 'note note-ok' : 'visually-hidden'}>
          {saved ? t('settings.saved') : ''}
        </p>
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('common.save')}
        </button>
      </form>
      <div className="panel">
        <RoleForm scope="space" id={spaceId} />
      </div>
      <div className="panel">
        <InviteForm roundtableId={s.roundtableId} fixedSpaceId={spaceId} onSent={() => setInvitations((v) => v + 1)} />
      </div>
      <div className="panel">
        <InvitationList roundtableId={s.roundtableId} spaceId={spaceId} version={invitations} />
      </div>
    </>
  );
}
