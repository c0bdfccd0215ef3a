import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Invitation, InvitationPage, InvitationStatus, InviteResult, Lang, Space } from '../../api/types';
import { LANGS } from '../../api/types';
import { ErrorNote, useSubmit } from '../../components/ui';
import { useLang } from '../../i18n';
import { formatDate, pick } from '../../lib/format';

const MAX_ADDRESSES = 200;
const ROLES = ['participant', 'moderator', 'rapporteur'] as const;
const STATUSES: InvitationStatus[] = ['pending', 'accepted', 'expired', 'revoked'];

/**
 * The addresses in pasted text, once each: separated by anything (commas, semicolons,
 * spaces, lines), names and angle brackets around them left out ("Ana <ana@x.org>").
 */
export function addressesIn(text: string): string[] {
  const found = text.match(/[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g) ?? [];
  return [...new Set(found.map((a) => a.replace(/\.+$/, '').toLowerCase()))];
}

/**
 * Invite people by pasting their addresses: to one question (`fixedSpaceId`), or — on the
 * roundtable's page — to the whole roundtable or the questions chosen.
 */
export function InviteForm({
  roundtableId,
  spaces = [],
  fixedSpaceId,
  onSent,
}: {
  roundtableId: string;
  spaces?: Space[];
  fixedSpaceId?: string;
  onSent(): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const uid = useId();
  const [text, setText] = useState('');
  const [whole, setWhole] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [role, setRole] = useState<(typeof ROLES)[number]>('participant');
  const [language, setLanguage] = useState<Lang | ''>('');
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<InviteResult | null>(null);
  const emails = useMemo(() => addressesIn(text), [text]);
  const tooMany = emails.length > MAX_ADDRESSES;
  const spaceIds = fixedSpaceId ? [fixedSpaceId] : whole ? [] : chosen;
  const noQuestion = !fixedSpaceId && !whole && chosen.length === 0;

  const submit = useSubmit(async () => {
    setResult(null);
    const out = await call<InviteResult>(
      api.POST('/api/v1/roundtables/{id}/invitations', {
        params: { path: { id: roundtableId } },
        body: {
          emails,
          role,
          ...(spaceIds.length ? { spaceIds } : {}),
          ...(language ? { language } : {}),
          ...(message.trim() ? { message: message.trim() } : {}),
        },
      }),
    );
    setResult(out);
    setText('');
    onSent();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (emails.length === 0 || tooMany || noQuestion) return;
    void submit.run();
  };

  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('invitations.title')}</h2>
      <p className="muted">{t('invitations.intro')}</p>
      <div className="field">
        <label htmlFor={`${uid}-emails`}>{t('invitations.emails')}</label>
        <textarea
          id={`${uid}-emails`}
          rows={5}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${uid}-emails-hint ${uid}-found`}
          spellCheck={false}
        />
        <p id={`${uid}-emails-hint`} className="hint">
          {t('invitations.emailsHint')}
        </p>
        <p id={`${uid}-found`} className={tooMany ? 'note note-error' : 'hint'} aria-live="polite">
          {tooMany
            ? t('invitations.tooMany', { count: emails.length })
            : emails.length
              ? t('invitations.found', { count: emails.length })
              : t('invitations.none')}
        </p>
      </div>
      {!fixedSpaceId && (
        <fieldset>
          <legend>{t('invitations.target')}</legend>
          <div className="radio">
            <input
              type="radio"
              id={`${uid}-whole`}
              name={`${uid}-target`}
              checked={whole}
              onChange={() => setWhole(true)}
            />
            <label htmlFor={`${uid}-whole`}>{t('invitations.wholeRoundtable')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id={`${uid}-some`}
              name={`${uid}-target`}
              checked={!whole}
              onChange={() => setWhole(false)}
              disabled={spaces.length === 0}
            />
            <label htmlFor={`${uid}-some`}>{t('invitations.someQuestions')}</label>
          </div>
          {!whole && (
            <fieldset className="nested">
              <legend>{t('invitations.chooseQuestions')}</legend>
              {spaces.map((s) => {
                const prompt = pick(s.prompt, lang);
                return (
                  <div className="check" key={s.id}>
                    <input
                      type="checkbox"
                      id={`${uid}-q-${s.id}`}
                      checked={chosen.includes(s.id)}
                      onChange={(e) =>
                        setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))
                      }
                    />
                    <label htmlFor={`${uid}-q-${s.id}`} lang={prompt.lang}>
                      {t('roundtable.questionNumber', { number: s.number })} · {prompt.text}
                    </label>
                  </div>
                );
              })}
              {noQuestion && <p className="hint">{t('invitations.chooseOne')}</p>}
            </fieldset>
          )}
        </fieldset>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor={`${uid}-role`}>{t('invitations.role')}</label>
          <select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-lang`}>{t('invitations.language')}</label>
          <select id={`${uid}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Lang | '')}>
            <option value="">{t('invitations.languageAuto')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`languages.native.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-message`}>
          {t('invitations.message')} <span className="optional">{t('common.optional')}</span>
        </label>
        <textarea
          id={`${uid}-message`}
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-describedby={`${uid}-message-hint`}
        />
        <p id={`${uid}-message-hint`} className="hint">
          {t('invitations.messageHint')}
        </p>
      </div>
      <ErrorNote error={submit.error} />
      {result && (
        <div className="note note-ok" role="status">
          <p>{t('invitations.sent', { count: result.invited })}</p>
          {result.alreadyPending > 0 && <p>{t('invitations.alreadyPending', { count: result.alreadyPending })}</p>}
          {result.alreadyMember > 0 && <p>{t('invitations.alreadyMember', { count: result.alreadyMember })}</p>}
        </div>
      )}
      <button type="submit" className="primary" disabled={submit.busy || emails.length === 0 || tooMany || noQuestion}>
        {t('invitations.send')}
      </button>
    </form>
  );
}

/** A roundtable's invitations (or those that open one question), with their status, and Resend / Revoke. */
export function InvitationList({
  roundtableId,
  spaceId,
  spaces = [],
  version,
}: {
  roundtableId: string;
  spaceId?: string;
  spaces?: Space[];
  version: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const uid = useId();
  const [status, setStatus] = useState<InvitationStatus | ''>('');
  const [items, setItems] = useState<Invitation[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const numbers = useMemo(() => new Map(spaces.map((s) => [s.id, s.number])), [spaces]);

  const load = useSubmit(async (cursor?: string) => {
    const page = await call<InvitationPage>(
      api.GET('/api/v1/roundtables/{id}/invitations', {
        params: {
          path: { id: roundtableId },
          query: {
            limit: 25,
            ...(status ? { status } : {}),
            ...(spaceId ? { spaceId } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
    setItems((before) => (cursor ? [...before, ...page.items] : page.items));
    setNext(page.nextCursor);
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void load.run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundtableId, spaceId, status, version, tick]);
  // emails go out from the worker within seconds: while some are on their way (and the
  // list is one page), look again, so "Queued" turns into "Sent" without a reload
  const sending = !next && items.some((i) => i.delivery.status === 'queued' || i.delivery.status === 'claimed');
  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(() => setTick((n) => n + 1), 2000);
    return () => clearTimeout(timer);
  }, [sending, items]);

  const act = useSubmit(async (invitation: Invitation, action: 'resend' | 'revoke') => {
    setDone('');
    const params = { path: { id: invitation.id } };
    const updated = await call<Invitation>(
      action === 'resend'
        ? api.POST('/api/v1/invitations/{id}/resend', { params })
        : api.POST('/api/v1/invitations/{id}/revoke', { params }),
    );
    setItems((list) => list.map((i) => (i.id === updated.id ? updated : i)));
    setDone(t(action === 'resend' ? 'invitations.resent' : 'invitations.revoked', { email: invitation.email }));
  });

  const target = (i: Invitation) =>
    i.spaceIds.length === 0
      ? t('invitations.forWhole')
      : t('invitations.forQuestions', { numbers: i.spaceIds.map((id) => numbers.get(id) ?? '?').join(', ') });
  const delivery = (i: Invitation) =>
    t(`invitations.delivery.${i.delivery.status}`, { date: formatDate(i.delivery.sentAt, lang) });

  return (
    <section className="stack" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('invitations.listTitle')}</h2>
      <div className="field">
        <label htmlFor={`${uid}-status`}>{t('invitations.filter')}</label>
        <select
          id={`${uid}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as InvitationStatus | '')}
        >
          <option value="">{t('invitations.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`invitations.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={load.error ?? act.error} />
      {done && (
        <p className="note note-ok" role="status">
          {done}
        </p>
      )}
      {items.length === 0 && !load.busy ? (
        <p>{t('invitations.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="invitations">
            <caption className="visually-hidden">{t('invitations.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.email')}</th>
                <th scope="col">{t('invitations.roleColumn')}</th>
                <th scope="col">{t('invitations.status')}</th>
                <th scope="col">{t('invitations.sentAt')}</th>
                <th scope="col">{t('invitations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => {
                const open = i.status === 'pending' || i.status === 'expired';
                return (
                  <tr key={i.id}>
                    <td>
                      {i.email}
                      {!spaceId && <div className="muted">{target(i)}</div>}
                    </td>
                    <td>{t(`roles.${i.role}`)}</td>
                    <td>
                      <span className={`badge invitation-${i.status}`}>{t(`invitations.statuses.${i.status}`)}</span>
                      {i.acceptedBy && (
                        <div className="muted">{t('invitations.acceptedBy', { name: i.acceptedBy.displayName })}</div>
                      )}
                    </td>
                    <td>{delivery(i)}</td>
                    <td>
                      {open && (
                        <span className="row">
                          <button
                            type="button"
                            disabled={act.busy}
                            aria-label={t('invitations.resendLabel', { email: i.email })}
                            onClick={() => void act.run(i, 'resend')}
                          >
                            {t('invitations.resend')}
                          </button>
                          <button
                            type="button"
                            disabled={act.busy}
                            aria-label={t('invitations.revokeLabel', { email: i.email })}
                            onClick={() => void act.run(i, 'revoke')}
                          >
                            {t('invitations.revoke')}
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" disabled={load.busy} onClick={() => void load.run(next)}>
          {t('invitations.more')}
        </button>
      )}
    </section>
  );
}
