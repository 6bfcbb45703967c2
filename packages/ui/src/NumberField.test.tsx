import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NumberField } from './NumberField.tsx';
import { UiProvider } from './UiProvider.tsx';

function Capacity({ errorMessage }: { errorMessage?: string }) {
  const [value, setValue] = useState<number | null>(12);
  return (
    <UiProvider>
      <NumberField label="Places" minValue={1} maxValue={50} value={value} onChange={setValue} errorMessage={errorMessage} />
      <output>{value === null ? 'vide' : value}</output>
    </UiProvider>
  );
}

describe('NumberField', () => {
  it('is a text box named by its label, typed or stepped with the arrows', async () => {
    const user = userEvent.setup();
    render(<Capacity />);
    const input = screen.getByRole('textbox', { name: 'Places' });
    expect((input as HTMLInputElement).value).toBe('12');
    await user.tab();
    expect(document.activeElement).toBe(input);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('status').textContent).toBe('13');
    // The value is committed when the field loses focus, as react-aria does.
    await user.clear(input);
    await user.tab();
    expect(screen.getByRole('status').textContent).toBe('vide');
    await user.type(input, '120');
    await user.tab();
    expect(screen.getByRole('status').textContent).toBe('50');
  });

  it('has − and + buttons named in French, outside the tab order', () => {
    render(<Capacity />);
    const minus = screen.getByRole('button', { name: /Diminuer/ });
    const plus = screen.getByRole('button', { name: /Augmenter/ });
    expect([minus.tabIndex, plus.tabIndex]).toEqual([-1, -1]);
  });

  it('marks the input invalid with its message', () => {
    render(<Capacity errorMessage="Entre 1 et 50 places." />);
    expect(screen.getByRole('textbox', { name: 'Places' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Entre 1 et 50 places.')).toBeTruthy();
  });
});
