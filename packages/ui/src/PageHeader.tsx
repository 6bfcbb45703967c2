import type { ReactNode } from 'react';

export interface PageHeaderProps {
  /** The page's one `<h1>`. */
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="cou-page-header">
      <h1>{title}</h1>
      {description && <p>{description}</p>}
      {actions && <div className="cou-page-header__actions">{actions}</div>}
    </header>
  );
}
