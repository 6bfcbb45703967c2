import { useUiStrings } from './UiProvider.tsx';

export interface SkipLinkProps {
  /** Id of the `<main>` element. */
  targetId: string;
}

/** First focusable element of a page: jumps over the header and navigation (RGAA 12.7). */
export function SkipLink({ targetId }: SkipLinkProps) {
  return (
    <a className="cou-skip-link" href={`#${targetId}`}>
      {useUiStrings().skipToContent}
    </a>
  );
}
