import '@couronne/ui/styles.css';
import './shell.css';
import { createSessionStore } from '@couronne/console-kit';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createModuleComponents } from './modules/module-components.ts';
import { createRemoteLoader } from './modules/remote-loader.ts';
import { fetchRegistry } from './registry/registry.ts';

const loader = createRemoteLoader({ runtime: { registerRemotes, loadRemote }, providedVersions: __COURONNE_SHARED_VERSIONS__ });
const components = createModuleComponents(loader);
const store = createSessionStore();
const loadKnownModules = () => fetchRegistry({ url: '/console/registry.json' });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App store={store} components={components} loadKnownModules={loadKnownModules} />
  </StrictMode>,
);
