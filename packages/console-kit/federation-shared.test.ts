import { satisfy } from '@module-federation/enhanced/runtime';
import { describe, expect, it } from 'vitest';
import { federationShared } from './federation-shared.ts';
import react from '../../node_modules/react/package.json';
import reactDom from '../../node_modules/react-dom/package.json';
import urql from '../../node_modules/urql/package.json';
import urqlCore from '../../node_modules/@urql/core/package.json';
import ui from '../ui/package.json';
import consoleKit from './package.json';

const installed: Record<keyof typeof federationShared, string> = {
  react: react.version,
  'react-dom': reactDom.version,
  urql: urql.version,
  '@urql/core': urqlCore.version,
  '@couronne/ui': ui.version,
  '@couronne/console-kit': consoleKit.version,
};

describe('federationShared', () => {
  it.each(Object.entries(federationShared))('%s: the installed version satisfies requiredVersion', (name, config) => {
    const version = installed[name as keyof typeof federationShared];
    expect(satisfy(version, config.requiredVersion), `${name}@${version} vs ${config.requiredVersion}`).toBe(true);
    expect(config.singleton).toBe(true);
  });
});
