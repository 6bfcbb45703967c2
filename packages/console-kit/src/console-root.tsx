import type { Client } from '@urql/core';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { ConsoleProvider, type Locale, type Viewer } from './console-context.tsx';

export interface ConsoleRootProps {
  client: Client;
  viewer?: Viewer | null;
  locale?: Locale;
  children: ReactNode;
}

/** The providers a module expects around it: the shell mounts modules in them, and so do standalone pages and tests. */
export function ConsoleRoot({ client, viewer = null, locale = 'fr', children }: ConsoleRootProps) {
  return (
    <UrqlProvider value={client}>
      <ConsoleProvider viewer={viewer} locale={locale}>
        {children}
      </ConsoleProvider>
    </UrqlProvider>
  );
}
