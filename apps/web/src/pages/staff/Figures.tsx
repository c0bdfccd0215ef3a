import { useTranslation } from 'react-i18next';
import type { Digest } from '../../api/types';
import { useLang } from '../../i18n';
import { countryName, plainExcerpt } from '../../lib/format';

/** Activity figures as the api gives them: numbers, and tables of counts (by constituency, language, country). */
export function Figures({ figures }: { figures: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const entries = Object.entries(figures);
  const plain = entries.filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  const nested = entries.filter(
    ([, v]) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0,
  ) as Array<[string, Record<string, unknown>]>;
  const label = (key: string) =>
    t(`figures.${key}`, {
      defaultValue: key
        .replace(/([A-Z])/g, ' $1')
        .replace(/_/g, ' ')
        .toLowerCase(),
    });
  // countries come as ISO codes (CO, KE): shown by their name in the reader's language
  const rowName = (key: string) =>
    /^[A-Z]{2}$/.test(key)
      ? countryName(key, lang)
      : t(`constituency.${key}`, { defaultValue: t(`languages.${key}`, { defaultValue: key }) });
  return (
    <section aria-labelledby="figures-h" className="panel plain">
      <h2 id="figures-h">{t('figures.title')}</h2>
      {plain.length > 0 && (
        <dl className="figures">
          {plain.map(([k, v]) => (
            <div key={k}>
              <dt>{label(k)}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {nested.map(([k, v]) => {
        const rows = Object.entries(v);
        const columns = [...new Set(rows.flatMap(([, vv]) => (vv && typeof vv === 'object' ? Object.keys(vv) : [])))];
        return (
          <div key={k} className="table-wrap">
            <table>
              <caption>{label(k)}</caption>
              {columns.length > 0 && (
                <thead>
                  <tr>
                    <td />
                    {columns.map((c) => (
                      <th key={c} scope="col">
                        {label(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
              )}
              <tbody>
                {rows.map(([kk, vv]) => (
                  <tr key={kk}>
                    <th scope="row">{rowName(kk)}</th>
                    {columns.length > 0 ? (
                      columns.map((c) => <td key={c}>{String((vv as Record<string, unknown>)?.[c] ?? '')}</td>)
                    ) : (
                      <td>{String(vv)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

/** A digest's most-discussed threads, each linked to its first contribution: the same for staff and members. */
export function DiscussedThreads({ threads, headingId }: { threads: Digest['threads']; headingId: string }) {
  const { t } = useTranslation();
  if (threads.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('digest.threads')}</h2>
      <ol>
        {threads.map((th) => (
          <li key={th.contributionId}>
            <a href={`/contributions/${th.contributionId}`}>{plainExcerpt(th.excerpt)}</a> — {th.authorName} (
            {t(`constituency.${th.constituency}`, { defaultValue: th.constituency })}) ·{' '}
            {t('digest.replies', { count: th.replies })}
          </li>
        ))}
      </ol>
    </section>
  );
}
