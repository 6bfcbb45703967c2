import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button.tsx';

describe('Button', () => {
  it('is a button named by its text, pressed by mouse and keyboard', async () => {
    const onPress = vi.fn();
    const user = userEvent.setup();
    render(<Button onPress={onPress}>Réessayer</Button>);
    const button = screen.getByRole('button', { name: 'Réessayer' });

    await user.click(button);
    await user.tab();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    await user.keyboard(' ');

    expect(onPress).toHaveBeenCalledTimes(3);
  });

  it('is not pressable when disabled', async () => {
    const onPress = vi.fn();
    render(
      <Button onPress={onPress} isDisabled variant="secondary">
        Envoyer
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Envoyer' });
    await userEvent.click(button);
    expect(onPress).not.toHaveBeenCalled();
    expect(button.className).toContain('cou-button--secondary');
  });
});
