import { entries, loaders } from 'virtual:scenario-library';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  // The first render as a transition: React renders it in slices of a few milliseconds and lets the
  // browser in between (input, paint), instead of one long task on a slow phone.
  startTransition(() =>
    app.render(
      <StrictMode>
        <App entries={entries} loaders={loaders} />
      </StrictMode>,
    ),
  );
}
