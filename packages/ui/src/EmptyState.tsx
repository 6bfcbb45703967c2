import type { ReactNode } from 'react';
import { useUiStrings } from './UiProvider.tsx';

export interface EmptyStateProps {
  /** « Aucun résultat » by default. */
  title?: string;
  description?: ReactNode;
  /** e.g. a button that clears a filter. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  const strings = useUiStrings();
  return (
    <div className="cou-state" role="status">
      <p className="cou-state__title">
        <strong>{title ?? strings.emptyTitle}</strong>
      </p>
      {description && <p className="cou-state__message">{description}</p>}
      {action}
    </div>
  );
}
