import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModalDialog } from './ModalDialog.tsx';

describe('ModalDialog', () => {
  it('opens a dialog named by its title, closes with Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(
      <ModalDialog triggerLabel="Annuler la réservation" title="Confirmer l’annulation">
        <p>La réservation sera annulée.</p>
      </ModalDialog>,
    );
    const trigger = screen.getByRole('button', { name: 'Annuler la réservation' });
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Confirmer l’annulation' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it('closes with « Fermer » or from its content', async () => {
    const user = userEvent.setup();
    render(<ModalDialog triggerLabel="Ouvrir" title="Titre">{(close) => <button onClick={close}>Valider</button>}</ModalDialog>);
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await user.click(await screen.findByRole('button', { name: 'Valider' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await user.click(await screen.findByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('gives its trigger a fuller name when asked, keeping the visible text', async () => {
    const user = userEvent.setup();
    render(
      <ModalDialog triggerLabel="Modifier" triggerAriaLabel="Modifier Atelier tablette" title="Modifier la formation">
        <p>Formulaire</p>
      </ModalDialog>,
    );
    const trigger = screen.getByRole('button', { name: 'Modifier Atelier tablette' });
    expect(trigger.textContent).toBe('Modifier');
    await user.click(trigger);
    expect(await screen.findByRole('dialog', { name: 'Modifier la formation' })).toBeTruthy();
  });
});
