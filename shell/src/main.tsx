import '@couronne/ui/styles.css';
import './shell.css';
import { createGraphqlClient } from '@couronne/console-kit';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createModuleComponents } from './modules/module-components.ts';
import { createRemoteLoader } from './modules/remote-loader.ts';
import { fetchRegistry } from './registry/registry.ts';

const loader = createRemoteLoader({ registerRemotes, loadRemote });
const components = createModuleComponents(loader);
const client = createGraphqlClient({ url: '/graphql' });

async function loadRegistry() {
  const modules = await fetchRegistry({ url: '/console/registry.json' });
  loader.register(modules);
  return modules;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={client} loadRegistry={loadRegistry} components={components} />
  </StrictMode>,
);
