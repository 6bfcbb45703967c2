import '@couronne/ui/styles.css';
import { ConsoleRoot, createGraphqlClient } from '@couronne/console-kit';
import { UiProvider } from '@couronne/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import telehealth from './module.tsx';

// Standalone page for development: the module alone, with the providers the shell would give it.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <UiProvider>
      <ConsoleRoot client={createGraphqlClient({ url: '/graphql' })}>
        <main id="contenu" style={{ padding: 'var(--cou-space-6)' }}>
          <telehealth.Root basePath="" />
        </main>
      </ConsoleRoot>
    </UiProvider>
  </StrictMode>,
);
