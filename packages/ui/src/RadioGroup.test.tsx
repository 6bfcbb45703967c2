import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RadioGroup } from './RadioGroup.tsx';

const statuses = [
  { id: 'PRESENT', label: 'Présent' },
  { id: 'ABSENT', label: 'Absent' },
  { id: 'EXCUSED', label: 'Excusé' },
];

function Attendance() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <button type="button">avant</button>
      <RadioGroup label="Présence de Marie Curie" options={statuses} value={value} onChange={setValue} orientation="horizontal" />
      <output>{value}</output>
    </>
  );
}

describe('RadioGroup', () => {
  it('is a radio group named by its label: one tab stop, arrows choose', async () => {
    const user = userEvent.setup();
    render(<Attendance />);
    expect(screen.getByRole('radiogroup', { name: 'Présence de Marie Curie' })).toBeTruthy();
    expect(screen.getAllByRole('radio')).toEqual(['Présent', 'Absent', 'Excusé'].map((name) => screen.getByRole('radio', { name })));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Présent' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('status').textContent).toBe('ABSENT');
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });
});
