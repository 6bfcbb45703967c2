import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './Button.tsx';
import { useUiStrings } from './UiProvider.tsx';

export interface ModalDialogProps {
  /** Text of the button that opens the dialog. */
  triggerLabel: string;
  /** The dialog's heading, which also names it. */
  title: string;
  /** The content; as a function it receives `close`, e.g. for a confirm button. */
  children: ReactNode | ((close: () => void) => ReactNode);
  triggerVariant?: 'primary' | 'secondary';
  /**
   * The trigger's accessible name when its text alone is ambiguous: « Modifier » in every row of a table
   * is named « Modifier Atelier tablette ». It must start with the visible text (WCAG 2.5.3).
   */
  triggerAriaLabel?: string;
}

/**
 * A modal dialog (react-aria): focus moves into it and is kept there, Escape or « Fermer » closes it and
 * focus returns to the button that opened it; the rest of the page is inert meanwhile.
 */
export function ModalDialog({ triggerLabel, title, children, triggerVariant = 'primary', triggerAriaLabel }: ModalDialogProps) {
  const strings = useUiStrings();
  return (
    <DialogTrigger>
      <Button variant={triggerVariant} aria-label={triggerAriaLabel}>
        {triggerLabel}
      </Button>
      <ModalOverlay className="cou-modal-overlay" isDismissable>
        <Modal className="cou-modal">
          <Dialog className="cou-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="cou-dialog__title">
                  {title}
                </Heading>
                <div className="cou-dialog__body">{typeof children === 'function' ? children(close) : children}</div>
                <Button variant="secondary" onPress={close}>
                  {strings.close}
                </Button>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
