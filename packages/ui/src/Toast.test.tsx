import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';
import { ToastRegion, type ToastMessage } from './Toast.tsx';

describe('ToastRegion', () => {
  it('shows a queued message in a labelled region, announced, and closes it', async () => {
    const user = userEvent.setup();
    const queue = new ToastQueue<ToastMessage>();
    render(<ToastRegion queue={queue} />);
    act(() => {
      queue.add({ title: 'Réservation enregistrée', tone: 'success' });
    });
    const region = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(region).getByText('Réservation enregistrée')).toBeTruthy();
    // role=alert: an implicit aria-live region, announced as it appears.
    expect(within(region).getByRole('alert').textContent).toBe('Réservation enregistrée');
    await user.click(within(region).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByText('Réservation enregistrée')).toBeNull();
  });
});
