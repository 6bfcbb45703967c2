import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextField } from './TextField.tsx';

function Filter() {
  const [value, setValue] = useState('');
  return (
    <>
      <TextField label="Nom de la commune" description="Au moins une lettre" value={value} onChange={setValue} />
      <output>{value}</output>
    </>
  );
}

describe('TextField', () => {
  it('is a text box named by its label and described by its help text', () => {
    render(<Filter />);
    const input = screen.getByRole('textbox', { name: 'Nom de la commune' });
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Au moins une lettre');
  });

  it('takes keyboard input', async () => {
    const user = userEvent.setup();
    render(<Filter />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox'));
    await user.keyboard('Laon');
    expect(screen.getByRole('status').textContent).toBe('Laon');
  });

  it('marks the input invalid and announces the error message', () => {
    render(<TextField label="Code INSEE" errorMessage="Cinq chiffres attendus" />);
    const input = screen.getByRole('textbox', { name: 'Code INSEE' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Cinq chiffres attendus')).toBeTruthy();
  });
});
