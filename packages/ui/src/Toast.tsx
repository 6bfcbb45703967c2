import {
  Button,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as AriaToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as AriaToastRegion,
} from 'react-aria-components';
import { useUiStrings } from './UiProvider.tsx';

export interface ToastMessage {
  title: string;
  description?: string;
  tone?: 'info' | 'success' | 'error';
}

/**
 * The console's one queue: the ui kit is a shared singleton, so a module's showToast() lands in the
 * region the shell renders.
 */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 });

/** Shows a message for `timeout` ms (5 s by default; WCAG 2.2.1 asks for 5 s at least), or until closed. */
export function showToast(message: ToastMessage, timeout = 5000): string {
  return toastQueue.add(message, { timeout });
}

/**
 * Where toasts appear: a labelled landmark whose toasts are announced (react-aria renders each one's
 * content as role=alert, an implicit aria-live region); F6 reaches it from anywhere. Render it once
 * (the shell does).
 */
export function ToastRegion({ queue = toastQueue }: { queue?: ToastQueue<ToastMessage> }) {
  const strings = useUiStrings();
  return (
    <AriaToastRegion queue={queue} className="cou-toast-region" aria-label={strings.notifications}>
      {({ toast }) => (
        <AriaToast toast={toast} className={`cou-toast cou-toast--${toast.content.tone ?? 'info'}`}>
          <AriaToastContent className="cou-toast__content">
            <Text slot="title" className="cou-toast__title">
              {toast.content.title}
            </Text>
            {toast.content.description && <Text slot="description">{toast.content.description}</Text>}
          </AriaToastContent>
          <Button slot="close" className="cou-icon-button" aria-label={strings.close}>
            <span aria-hidden="true">×</span>
          </Button>
        </AriaToast>
      )}
    </AriaToastRegion>
  );
}
