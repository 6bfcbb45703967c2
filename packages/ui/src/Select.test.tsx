import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Select } from './Select.tsx';

const communes = [
  { id: '02408', label: 'Laon' },
  { id: '02020', label: 'Athies-sous-Laon' },
];

function CommuneSelect() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <Select label="Commune" options={communes} selectedKey={value} onSelectionChange={setValue} />
      <output>{value}</output>
    </>
  );
}

describe('Select', () => {
  it('is a button named by its label, with a French placeholder, chosen from the keyboard', async () => {
    const user = userEvent.setup();
    render(<CommuneSelect />);
    const button = screen.getByRole('button', { name: /Commune/ });
    expect(button.textContent).toContain('Choisir…');
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('listbox')).toBeTruthy();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('status').textContent).toBe('02020');
    expect(button.textContent).toContain('Athies-sous-Laon');
  });
});
