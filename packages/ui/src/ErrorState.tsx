import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { useUiStrings } from './UiProvider.tsx';

export interface ErrorStateProps {
  /** « Une erreur est survenue » by default. */
  title?: string;
  message?: ReactNode;
  /** Shows a « Réessayer » button when given. */
  onRetry?: () => void;
  retryLabel?: string;
}

export function ErrorState({ title, message, onRetry, retryLabel }: ErrorStateProps) {
  const strings = useUiStrings();
  return (
    <div className="cou-state cou-state--error" role="alert">
      <p className="cou-state__title">
        <strong>{title ?? strings.errorTitle}</strong>
      </p>
      {message && <p className="cou-state__message">{message}</p>}
      {onRetry && <Button onPress={onRetry}>{retryLabel ?? strings.retry}</Button>}
    </div>
  );
}
