import '@couronne/ui/styles.css';
import { StandaloneConsole } from '@couronne/console-kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import intranet from './module.tsx';

// Standalone page for development: the module alone, with the console kit's login and session.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StandaloneConsole module={intranet} />
  </StrictMode>,
);
