import { parseDate } from '@internationalized/date';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { placeEvents, WeekCalendar } from './WeekCalendar.tsx';

const events = [
  // 09:00–10:30 in Paris (UTC+1 in winter), Tuesday 3 March 2026.
  { id: 'a', title: 'Atelier tablette', start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:30:00Z' },
  // Sunday 8 March 2026, 23:30 UTC Saturday = 00:30 Sunday in Paris.
  { id: 'b', title: 'Permanence', start: '2026-03-07T23:30:00Z', end: '2026-03-08T00:30:00Z' },
  { id: 'c', title: 'Semaine suivante', start: '2026-03-09T08:00:00Z', end: '2026-03-09T09:00:00Z' },
];

describe('placeEvents', () => {
  it('puts each event on its Paris day at its Paris time, and leaves out other weeks', () => {
    const days = placeEvents(parseDate('2026-03-02'), events);
    expect(days.map((day) => day.map((e) => [e.id, e.from, e.to]))).toEqual([[], [['a', 540, 630]], [], [], [], [], [['b', 30, 90]]]);
  });
});

describe('WeekCalendar', () => {
  it('shows seven labelled days from Monday, whatever day of the week is given', () => {
    render(<WeekCalendar label="Réservations de la salle 2" week="2026-03-05" events={events} />);
    const days = within(screen.getByRole('region', { name: 'Réservations de la salle 2' })).getAllByRole('group').slice(1);
    expect(days.map((day) => day.getAttribute('aria-label'))).toEqual([
      'lundi 2 mars, 0 rendez-vous',
      'mardi 3 mars, 1 rendez-vous',
      'mercredi 4 mars, 0 rendez-vous',
      'jeudi 5 mars, 0 rendez-vous',
      'vendredi 6 mars, 0 rendez-vous',
      'samedi 7 mars, 0 rendez-vous',
      'dimanche 8 mars, 1 rendez-vous',
    ]);
    expect(within(days[1]!).getByText(/Atelier tablette/).textContent).toBe('09:00 – 10:30 Atelier tablette');
  });

  it('moves between days with the arrows, Home and End, one tab stop for the week', async () => {
    const user = userEvent.setup();
    render(<WeekCalendar label="Agenda" week="2026-03-02" events={events} />);
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('lundi 2 mars, 0 rendez-vous');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('mardi 3 mars, 1 rendez-vous');
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('dimanche 8 mars, 1 rendez-vous');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('lundi 2 mars, 0 rendez-vous');
    expect(screen.getAllByRole('group').filter((g) => g.tabIndex === 0)).toHaveLength(1);
  });

  it('offers the same events as a list', async () => {
    const user = userEvent.setup();
    render(<WeekCalendar label="Agenda" week="2026-03-02" events={events} />);
    await user.click(screen.getByRole('button', { name: 'Liste' }));
    expect(screen.getByRole('button', { name: 'Liste' }).getAttribute('aria-pressed')).toBe('true');
    const tuesday = screen.getByRole('heading', { name: 'mardi 3 mars' }).parentElement!;
    expect(within(tuesday).getByRole('listitem').textContent).toBe('09:00 – 10:30 : Atelier tablette');
    expect(screen.getAllByText('Aucun rendez-vous')).toHaveLength(5);
  });

  it('without onEventSelect, events are text, not buttons', () => {
    render(<WeekCalendar label="Agenda" week="2026-03-02" events={events} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Semaine', 'Liste']);
  });

  it('with onEventSelect, each event of the grid is a button reached by Tab after its day, and gives back the event passed', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    const withPlace = events.map((event) => ({ ...event, placeId: `place-${event.id}` }));
    render(<WeekCalendar label="Agenda" week="2026-03-02" events={withPlace} onEventSelect={onEventSelect} />);
    const tuesday = screen.getByRole('group', { name: 'mardi 3 mars, 1 rendez-vous' });
    const button = within(tuesday).getByRole('button', { name: '09:00 – 10:30 Atelier tablette' });
    act(() => tuesday.focus());
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(onEventSelect).toHaveBeenCalledTimes(1);
    expect(onEventSelect).toHaveBeenLastCalledWith(withPlace[0]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(button);
    await user.click(within(screen.getByRole('group', { name: 'dimanche 8 mars, 1 rendez-vous' })).getByRole('button'));
    expect(onEventSelect).toHaveBeenLastCalledWith(withPlace[1]);
  });

  it('with onEventSelect, the list view gives the same buttons', async () => {
    const user = userEvent.setup();
    const onEventSelect = vi.fn();
    render(<WeekCalendar label="Agenda" week="2026-03-02" events={events} onEventSelect={onEventSelect} />);
    await user.click(screen.getByRole('button', { name: 'Liste' }));
    const tuesday = screen.getByRole('heading', { name: 'mardi 3 mars' }).parentElement!;
    const button = within(tuesday).getByRole('button', { name: '09:00 – 10:30 : Atelier tablette' });
    act(() => button.focus());
    await user.keyboard(' ');
    expect(onEventSelect).toHaveBeenCalledWith(events[0]);
    expect(screen.queryByRole('button', { name: /Semaine suivante/ })).toBeNull();
  });
});
