/** Version of each shared singleton this build of the shell provides, written by vite.config.ts. */
declare const __COURONNE_SHARED_VERSIONS__: Readonly<Record<string, string>>;
