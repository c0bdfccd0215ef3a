import { useTranslation } from 'react-i18next';

/** Activity figures as the api gives them: numbers, and tables of counts (by constituency, language…). */
export function Figures({ figures }: { figures: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(figures);
  const plain = entries.filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  const nested = entries.filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v)) as Array<[string, Record<string, unknown>]>;
  const label = (key: string) => t(`figures.${key}`, { defaultValue: key.replace(/([A-Z])/g, ' $1').replace(/_/g, ' ').toLowerCase() });
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
      {nested.map(([k, v]) => (
        <div key={k} className="table-wrap">
          <table>
            <caption>{label(k)}</caption>
            <tbody>
              {Object.entries(v).map(([kk, vv]) => (
                <tr key={kk}>
                  <th scope="row">{t(`constituency.${kk}`, { defaultValue: t(`languages.${kk}`, { defaultValue: kk }) })}</th>
                  <td>{typeof vv === 'object' ? JSON.stringify(vv) : String(vv)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
