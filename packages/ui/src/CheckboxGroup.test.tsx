import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxGroup } from './CheckboxGroup.tsx';

const themes = [
  { id: 'SMARTPHONE', label: 'Smartphone et tablette' },
  { id: 'EMAIL', label: 'Messagerie' },
  { id: 'ONLINE_SAFETY', label: 'Sécurité en ligne' },
];

function Themes({ errorMessage }: { errorMessage?: string }) {
  const [value, setValue] = useState<string[]>(['EMAIL']);
  return (
    <>
      <CheckboxGroup label="Thèmes" description="Un thème au moins" options={themes} value={value} onChange={setValue} errorMessage={errorMessage} />
      <output>{value.join(',')}</output>
    </>
  );
}

describe('CheckboxGroup', () => {
  it('is a group named by its label, one checkbox per option, toggled from the keyboard', async () => {
    const user = userEvent.setup();
    render(<Themes />);
    const group = screen.getByRole('group', { name: 'Thèmes' });
    expect(group.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Un thème au moins');
    expect(screen.getByRole('checkbox', { name: 'Messagerie' })).toHaveProperty('checked', true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Smartphone et tablette' }));
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('status').textContent).toBe('SMARTPHONE');
  });

  it('announces its error with the group', () => {
    render(<Themes errorMessage="Choisissez au moins un thème." />);
    const group = screen.getByRole('group', { name: 'Thèmes' });
    expect(group.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(
      'Choisissez au moins un thème.',
    );
  });
});
