import { entries, loaders } from 'virtual:scenario-library';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App entries={entries} loaders={loaders} />
    </StrictMode>,
  );
}
