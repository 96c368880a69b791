import './console.css';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const PAGES = [
  { to: '/admin', key: 'invite' },
  { to: '/admin/staff', key: 'staff' },
  { to: '/admin/postings', key: 'postings' },
  { to: '/admin/accounts', key: 'accounts' },
  { to: '/admin/audit', key: 'audit' },
  { to: '/admin/fees', key: 'fees' },
  { to: '/admin/mail', key: 'mail' },
] as const;

/** The console's pages, the current one marked with aria-current; wraps onto more lines on a phone. */
export function ConsoleNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('console.nav.label')} className="console-nav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <NavLink to={p.to} end className="console-nav-link">
              {t(`console.nav.${p.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
