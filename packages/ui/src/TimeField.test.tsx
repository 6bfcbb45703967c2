import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeField } from './TimeField.tsx';
import { UiProvider } from './UiProvider.tsx';

function Start({ initial = null }: { initial?: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <UiProvider>
      <TimeField label="Heure de début" value={value} onChange={setValue} />
      <output>{value ?? 'incomplète'}</output>
    </UiProvider>
  );
}

describe('TimeField', () => {
  it('is a group named by its label, typed hour then minutes on 24 hours', async () => {
    const user = userEvent.setup();
    render(<Start />);
    expect(screen.getByRole('group', { name: 'Heure de début' })).toBeTruthy();
    await user.tab();
    await user.keyboard('14');
    expect(screen.getByRole('status').textContent).toBe('incomplète');
    await user.keyboard('30');
    expect(screen.getByRole('status').textContent).toBe('14:30');
  });

  it('shows the time it is given', () => {
    render(<Start initial="09:05" />);
    expect(screen.getAllByRole('spinbutton').map((segment) => segment.textContent)).toEqual(['09', '05']);
  });
});
