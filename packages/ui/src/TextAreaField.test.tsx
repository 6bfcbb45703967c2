import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextAreaField } from './TextAreaField.tsx';

function Reason({ errorMessage }: { errorMessage?: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <TextAreaField label="Motif" description="Visible des inscrits" value={value} onChange={setValue} errorMessage={errorMessage} />
      <output>{value}</output>
    </>
  );
}

describe('TextAreaField', () => {
  it('is a multi-line text box named by its label and described by its help', async () => {
    const user = userEvent.setup();
    render(<Reason />);
    const box = screen.getByRole('textbox', { name: 'Motif' });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Visible des inscrits');
    await user.type(box, 'Formateur malade{Enter}Reportée');
    expect(screen.getByRole('status').textContent).toBe('Formateur malade\nReportée');
  });

  it('marks the box invalid with its message', () => {
    render(<Reason errorMessage="Indiquez le motif." />);
    expect(screen.getByRole('textbox', { name: 'Motif' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Indiquez le motif.')).toBeTruthy();
  });
});
