import { entries, loaders } from 'virtual:scenario-library';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { switchLanguage } from '../ui/i18n.ts';
import { loadSettings } from '../ui/settings.ts';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  // The first render as a transition: React renders it in slices of a few milliseconds and lets the
  // browser in between (input, paint), instead of one long task on a slow phone.
  const render = () =>
    startTransition(() =>
      app.render(
        <StrictMode>
          <App entries={entries} loaders={loaders} />
        </StrictMode>,
      ),
    );
  // The first render is already in the learner's language: its strings come first if they are not
  // English. Should they not come (offline), the interface opens in English rather than not at all.
  switchLanguage(loadSettings().language).then(render, render);
}
