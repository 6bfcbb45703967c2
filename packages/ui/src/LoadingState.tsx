import { useUiStrings } from './UiProvider.tsx';

export interface LoadingStateProps {
  /** Announced to screen readers; « Chargement… » by default. */
  label?: string;
  /** Number of skeleton lines. */
  lines?: number;
}

export function LoadingState({ label, lines = 5 }: LoadingStateProps) {
  const strings = useUiStrings();
  return (
    <div className="cou-loading" aria-busy="true">
      <p role="status" className="cou-visually-hidden">
        {label ?? strings.loading}
      </p>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="cou-skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
