import { entries, loaders } from 'virtual:scenario-library';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { switchLanguage } from '../ui/i18n.ts';
import { forgetLoaded } from '../ui/scenario-loader.tsx';
import { changedIds, LIBRARY_CHANGED, type Library, servedLibrary } from '../ui/served-library.ts';
import { loadSettings } from '../ui/settings.ts';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  // The library built in, until the server (under npm start) says what it holds now.
  const { loaders: waiting, served } = servedLibrary({ entries, loaders });
  let library: Library = { entries, loaders: waiting };
  let started = false;
  // The first render as a transition: React renders it in slices of a few milliseconds and lets the
  // browser in between (input, paint), instead of one long task on a slow phone.
  const render = () =>
    startTransition(() =>
      app.render(
        <StrictMode>
          <App entries={library.entries} loaders={library.loaders} />
        </StrictMode>,
      ),
    );
  const start = () => {
    started = true;
    render();
  };
  // The first render is already in the learner's language: its strings come first if they are not
  // English. Should they not come (offline), the interface opens in English rather than not at all.
  switchLanguage(loadSettings().language).then(start, start);
  // A scenario saved or changed on the server since the build: the library shows it as it is now;
  // and again each time the studio saves one.
  const follow = (answer: Promise<Library | undefined>) =>
    answer.then((now) => {
      if (!now) return;
      const changed = changedIds(library, now);
      if (!changed.length) return;
      forgetLoaded(changed);
      library = now;
      if (started) render();
    });
  void follow(served);
  window.addEventListener(LIBRARY_CHANGED, () => void follow(servedLibrary({ entries, loaders }).served));
}
