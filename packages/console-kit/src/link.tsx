import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useConsole } from './console-context.tsx';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A real `<a href>` (keyboard, middle-click, "open in a new tab" keep working) that navigates inside the
 * console without reloading the page when it can.
 */
export function Link({ href, onClick, target, ...rest }: LinkProps) {
  const { navigate } = useConsole();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainLeftClick(event) || (target && target !== '_self')) return;
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  return <a href={href} target={target} onClick={handleClick} {...rest} />;
}
