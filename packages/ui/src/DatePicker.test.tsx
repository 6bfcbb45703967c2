import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DatePicker } from './DatePicker.tsx';
import { UiProvider } from './UiProvider.tsx';

function BookingDate() {
  const [value, setValue] = useState<string | null>('2026-03-02');
  return (
    <UiProvider>
      <DatePicker label="Date du rendez-vous" value={value} onChange={setValue} />
      <output>{value}</output>
    </UiProvider>
  );
}

describe('DatePicker', () => {
  it('shows the date the French way, day first, in labelled segments', () => {
    render(<BookingDate />);
    const group = screen.getByRole('group', { name: 'Date du rendez-vous' });
    const segments = within(group).getAllByRole('spinbutton');
    expect(segments.map((s) => s.getAttribute('aria-label')?.replace(/[,\s]+$/, ''))).toEqual(['jour', 'mois', 'année']);
    expect(segments.map((s) => s.textContent)).toEqual(['02', '03', '2026']);
  });

  it('changes the date from the keyboard and gives it back as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    render(<BookingDate />);
    await user.click(within(screen.getByRole('group', { name: 'Date du rendez-vous' })).getAllByRole('spinbutton')[0]!);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('status').textContent).toBe('2026-03-03');
  });

  it('opens a calendar whose weeks start on Monday', async () => {
    const user = userEvent.setup();
    render(<BookingDate />);
    await user.click(screen.getByRole('button', { name: /Ouvrir le calendrier/ }));
    const grid = await screen.findByRole('grid');
    const headers = [...grid.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers[0]?.toLowerCase()).toMatch(/^l/);
  });
});
