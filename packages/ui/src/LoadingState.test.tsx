import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadingState } from './LoadingState.tsx';
import { UiProvider } from './UiProvider.tsx';

describe('LoadingState', () => {
  it('announces loading in French and marks its region busy', () => {
    const { container } = render(<LoadingState lines={3} />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    expect(container.firstElementChild?.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelectorAll('[aria-hidden="true"]')).toHaveLength(3);
  });

  it('speaks English under an English UiProvider', () => {
    render(
      <UiProvider locale="en">
        <LoadingState />
      </UiProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });
});
