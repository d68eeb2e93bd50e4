import { loaders } from 'virtual:scenario-library';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { readModuleConfig } from '../lms/module-config.ts';
import { ModuleApp } from './module-app.tsx';

// The entry of a packaged LMS module (built as one classic script by src/build/module-build.ts): the
// module's player and nothing else. Without a readable module config there is nothing to play, and
// the page's own fallback message stays.
const root = document.getElementById('root');
const config = readModuleConfig(document);
if (root && config) {
  createRoot(root).render(
    <StrictMode>
      <ModuleApp config={config} loaders={loaders} />
    </StrictMode>,
  );
}
