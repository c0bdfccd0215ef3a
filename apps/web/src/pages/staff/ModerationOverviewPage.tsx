import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui';
import { useLang } from '../../i18n';
import { useModeratedQuestions } from '../../lib/moderated-questions';
import { formatDate, pick } from '../../lib/format';
import { Link, usePageTitle } from '../../lib/router';

/** A moderator's questions across consultations, the one waiting longest first, each a step from its moderation page. */
export default function ModerationOverviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const items = useModeratedQuestions({ fresh: true });
  usePageTitle(t('findWay.overviewTitle'));
  return (
    <>
      <h1>{t('findWay.overviewTitle')}</h1>
      <p className="lede">{t('findWay.overviewIntro')}</p>
      {!items && <Loading />}
      {items && items.length === 0 && <p>{t('findWay.overviewNone')}</p>}
      {items && items.length > 0 && (
        <ol className="cards moderated">
          {items.map((q) => {
            const prompt = pick(q.prompt, lang);
            const consultation = pick(q.consultationTitle, lang);
            const roundtable = pick(q.roundtableTitle, lang);
            const waits = q.pending + q.flagged > 0;
            return (
              <li key={q.spaceId} className={`card${waits ? ' waiting' : ''}`} data-space={q.spaceId}>
                <p className="meta where" id={`where-${q.spaceId}`}>
                  <Link to={`/consultations/${q.consultationId}`} lang={consultation.lang}>
                    {consultation.text}
                  </Link>
                  {' › '}
                  <Link to={`/roundtables/${q.roundtableId}`}>
                    {t('consultation.roundtableNumber', { number: q.roundtableNumber })}:{' '}
                    <span lang={roundtable.lang}>{roundtable.text}</span>
                  </Link>
                  {' › '}
                  {t('roundtable.questionNumber', { number: q.number })}
                </p>
                <p className="prompt" lang={prompt.lang}>
                  {prompt.text}
                </p>
                <p className="meta counts">
                  <span className={`badge${q.pending > 0 ? ' attention' : ''}`}>
                    {t('findWay.pending', { count: q.pending })}
                  </span>{' '}
                  <span className={`badge${q.flagged > 0 ? ' attention' : ''}`}>
                    {t('findWay.flagged', { count: q.flagged })}
                  </span>
                  {' · '}
                  {q.waitingSince
                    ? t('findWay.waitingSince', { date: formatDate(q.waitingSince, lang) })
                    : t('findWay.nothingWaits')}
                </p>
                <p>
                  <Link to={`/spaces/${q.spaceId}/moderation`} aria-describedby={`where-${q.spaceId}`}>
                    {t('findWay.openModeration', { number: q.number })}
                  </Link>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
