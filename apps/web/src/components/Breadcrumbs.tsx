import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

export interface Crumb {
  to: string;
  label: string;
  lang?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/">{t('nav.consultations')}</Link>
        </li>
        {items.map((c) => (
          <li key={c.to}>
            <Link to={c.to} lang={c.lang}>
              {c.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
