import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { LibraryPage } from './library-page.tsx';
import { loadLibrary } from './scenario-library.ts';

// Every scenario file is bundled at build time: a file dropped into scenarios/ appears after a rebuild.
const modules = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LibraryPage entries={loadLibrary(modules)} />
    </StrictMode>,
  );
}
