import './studio-strings.ts';
import './studio.css';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { statePointer } from '../engine/json-pointer.ts';
import type { Run } from '../engine/run-state.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { scenarioText } from '../engine/text.ts';
import { PlayerPage } from '../player/player-page.tsx';
import type { ProgressStore } from '../player/progress-store.ts';
import { useT } from '../ui/i18n.ts';
import type { LibraryEntry } from '../ui/library-entry.ts';
import type { ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';
import { checkSource, issueOffset, type SourceCheck } from './check-source.ts';
import { checkedName, downloadName } from './download-name.ts';
import { type Draft, readDraft, saveDraft } from './draft-store.ts';
import { FROM_THE_BEGINNING, PlayFrom, type PlayStart, pickedScene, playStartRun } from './play-from.tsx';
import { ReviewScript } from './review-script.tsx';
import { saveFile } from './save-file.ts';
import { readForForm } from './scenario-edits.ts';
import { PlaceInForm, ScenarioForm, type ScenarioFormHandle } from './scenario-form.tsx';
import type { MapPaths } from './scenario-map-paths.ts';
import { ScenarioMapView } from './scenario-map-view.tsx';
import { ServerSave } from './server-save.tsx';
import { type SourceChecker, sourceChecker } from './source-checker.ts';
import { SourceEditor, type SourceEditorHandle } from './source-editor.tsx';
import { TEMPLATE_ID, templateText } from './template.ts';

/** The preview keeps no progress: each play starts afresh and the learner's own progress is untouched. */
const PREVIEW_STORE: ProgressStore = { read: () => ({ state: 'missing' }), save() {}, clear() {} };

const newDraft = (): Draft => ({ text: templateText(), file: `${TEMPLATE_ID}.json` });

/**
 * The scenario studio: open (a file, a library scenario, or New from a template), edit the JSON with
 * the engine's checker running as you type, play the last valid version, read it as a review script
 * (printed or as a Word file) and download it.
 */
export function StudioPage({ entries, loaders }: { entries: readonly LibraryEntry[]; loaders: ScenarioLoaders }) {
  const { t, language } = useT();
  const [draft, setDraft] = useState<Draft>(() => readDraft() ?? newDraft());
  // The latest verdict, with the text it is about: shown while the next keystroke's is coming.
  const [checked, setChecked] = useState<{ text: string; check: SourceCheck } | undefined>();
  const check = checked?.check;
  const [lastValid, setLastValid] = useState<Scenario | undefined>();
  const [lastPaths, setLastPaths] = useState<MapPaths | undefined>();
  // The map is laid out again at low priority: a keystroke's own frame never waits for it.
  const mapScenario = useDeferredValue(lastValid);
  const mapPaths = useDeferredValue(lastPaths);
  const [playing, setPlaying] = useState<{ scenario: Scenario; key: number; from: Run | undefined } | undefined>();
  const [playStart, setPlayStart] = useState<PlayStart>(FROM_THE_BEGINNING);
  const [playError, setPlayError] = useState('');
  const [openError, setOpenError] = useState('');
  const [libraryId, setLibraryId] = useState('');
  const [reviewing, setReviewing] = useState<Scenario | undefined>();
  // Back from the review script, focus returns to the button that opened it.
  const [backs, setBacks] = useState(0);
  const reviewButton = useFocusOnChange<HTMLButtonElement>(backs, backs > 0);
  const editor = useRef<SourceEditorHandle>(null);
  const form = useRef<ScenarioFormHandle>(null);
  // Trainers edit with the form; the source is one switch away, and both edit the same text.
  const [view, setView] = useState<'form' | 'source'>('form');
  const [selected, setSelected] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  // Made in an effect, not during render, so each mount (React's strict mode mounts twice) has its own.
  const checker = useRef<SourceChecker>(null);
  useEffect(() => {
    const made = sourceChecker((result, text) => {
      setChecked({ text, check: result });
      if (result.scenario) setLastValid(result.scenario);
      if (result.paths) setLastPaths(result.paths);
    });
    checker.current = made;
    return () => made.close();
  }, []);
  useEffect(() => {
    saveDraft(draft);
    checker.current?.check(draft.text, checkedName(draft.text, draft.file));
  }, [draft]);

  // Listed by title, in the interface language where the scenario has it; opened by id.
  const playable = entries.flatMap((e) =>
    e.ok ? [{ id: e.summary.id, title: scenarioText(e.summary, language).text(e.summary.meta.title) }] : [],
  );
  // The text as last opened (New, a file, the library): work beyond it is asked about before it is replaced.
  const opened = useRef(templateText());
  const open = (next: Draft) => {
    if (draft.text !== opened.current && draft.text !== next.text && !window.confirm(t('studio.replaceConfirm')))
      return;
    opened.current = next.text;
    setOpenError('');
    setChecked(undefined);
    // Checked at once, so a verdict still coming on the previous file is dropped rather than shown.
    checker.current?.check(next.text, checkedName(next.text, next.file));
    setLastValid(undefined);
    setLastPaths(undefined);
    setPlaying(undefined);
    setPlayStart(FROM_THE_BEGINNING);
    setPlayError('');
    setSelected('');
    setDraft(next);
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      open({ text: await file.text(), file: file.name });
    } catch (error) {
      setOpenError(t('studio.openFailed', { name: file.name, reason: (error as Error).message }));
    }
  };
  const openFromLibrary = async () => {
    const id = libraryId || playable[0]?.id;
    if (!id || !loaders[id]) return;
    try {
      const { scenario } = await loaders[id]();
      open({ text: `${JSON.stringify(scenario, null, 2)}\n`, file: `scenarios/${id}.json` });
    } catch (error) {
      setOpenError(t('studio.openFailed', { name: id, reason: (error as Error).message }));
    }
  };
  // The preview plays the last valid version, from where the author picked.
  const play = () => {
    if (!lastValid) return;
    const started = playStartRun(lastValid, playStart);
    setPlayError(started.ok ? '' : started.error);
    if (started.ok) setPlaying((p) => ({ scenario: lastValid, key: (p?.key ?? 0) + 1, from: started.run }));
  };
  const download = () =>
    saveFile(new Blob([draft.text], { type: 'application/json' }), downloadName(draft.text, draft.file));
  // The review is of the version in the editor, never an older valid one: what is signed off is what is saved.
  const review = () => {
    const now =
      checked?.text === draft.text ? checked.check : checkSource(draft.text, checkedName(draft.text, draft.file));
    setOpenError(now.scenario ? '' : t('studio.reviewNone'));
    setReviewing(now.scenario);
  };

  // An edit in the form or the source; the editor echoing text it was given changes nothing.
  const edited = (text: string) => setDraft((d) => (d.text === text ? d : { ...d, text }));

  // A problem or a box on the map opens its field in the form where the form has one, else its place in the source.
  const goTo = (path: string, offset: number) => {
    if (view === 'form' && form.current?.show(path)) return;
    flushSync(() => setView('source'));
    editor.current?.focusAt(offset);
  };

  // The text the problems are about, read as the form reads it: each problem says where it is in the form.
  const problemScenario = useMemo(() => (checked ? readForForm(checked.text) : undefined), [checked]);

  const errors = check?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = check?.problems.filter((p) => p.severity === 'warning') ?? [];
  const status = !check
    ? t('studio.checking')
    : check.problems.length === 0
      ? t('studio.noProblems')
      : [t('studio.errors', { count: errors.length }), t('studio.warnings', { count: warnings.length })].join(', ');

  return (
    <>
      {reviewing && (
        <ReviewScript
          scenario={reviewing}
          onBack={() => {
            setReviewing(undefined);
            setBacks((n) => n + 1);
          }}
        />
      )}
      {/* Hidden, not closed, while the review script shows: the editor keeps its undo history. */}
      <section className="studio" aria-labelledby="studio-title" hidden={reviewing !== undefined}>
        <h1 id="studio-title">{t('studio.title')}</h1>
        <p className="lede">{t('studio.lede')}</p>
        <fieldset className="studio-toolbar">
          <legend>{t('studio.fileGroup')}</legend>
          <button type="button" onClick={() => open(newDraft())}>
            {t('studio.new')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('studio.openFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => {
              void openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <span className="studio-library">
            <label>
              {t('studio.fromLibrary')}{' '}
              <select value={libraryId || playable[0]?.id || ''} onChange={(e) => setLibraryId(e.target.value)}>
                {playable.map(({ id, title }) => (
                  <option key={id} value={id}>
                    {title}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" onClick={() => void openFromLibrary()} disabled={playable.length === 0}>
              {t('studio.openLibrary')}
            </button>
          </span>
          <button type="button" onClick={download}>
            {t('studio.download')}
          </button>
          <button ref={reviewButton} type="button" onClick={review}>
            {t('studio.review')}
          </button>
        </fieldset>
        <ServerSave
          text={draft.text}
          valid={check?.scenario !== undefined}
          replaces={playable.find((p) => p.id === check?.scenario?.id)?.title}
        />
        {openError && <p role="alert">{openError}</p>}
        <div className="studio-panes">
          <section
            className="panel studio-source"
            aria-labelledby="studio-source-title"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              void openFile(e.dataTransfer.files[0]);
            }}
          >
            <h2 id="studio-source-title">{t('studio.form.edit')}</h2>
            <div className="studio-view-switch">
              {(['form', 'source'] as const).map((v) => (
                <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                  {t(v === 'form' ? 'studio.form.viewForm' : 'studio.form.viewSource')}
                </button>
              ))}
            </div>
            <p className="hint">{view === 'form' ? t('studio.form.viewHint') : t('studio.sourceHint')}</p>
            {/* Made only while shown: typing in the source does not lay out a form nobody sees. */}
            {view === 'form' && (
              <ScenarioForm ref={form} text={draft.text} onChange={edited} selected={selected} onSelect={setSelected} />
            )}
            {/* Hidden, not closed, while the form shows: the editor keeps its undo history. */}
            <div hidden={view !== 'source'}>
              <SourceEditor
                ref={editor}
                text={draft.text}
                label={t('studio.editorLabel')}
                problems={check?.problems ?? []}
                onChange={edited}
                hidden={view !== 'source'}
              />
            </div>
          </section>
          {/* Beside a long form on a wide screen, the problems and the preview stay in view as it scrolls. */}
          <div className="studio-side">
            <section className="panel studio-problems" aria-labelledby="studio-problems-title">
              <h2 id="studio-problems-title">{t('studio.problems')}</h2>
              <p role="status">{status}</p>
              {check && check.problems.length > 0 && (
                <>
                  <p className="hint">{t('studio.problemsNote')}</p>
                  <ul className="studio-problem-list">
                    {check.problems.map((problem) => (
                      <li key={`${problem.severity}:${problem.line}`}>
                        <button
                          type="button"
                          className={`studio-problem studio-${problem.severity}`}
                          onClick={() => goTo(problem.path, problem.from)}
                        >
                          <strong>{t(`studio.${problem.severity}`)}:</strong> {problem.line}
                          {problemScenario && <PlaceInForm scenario={problemScenario} path={problem.path} />}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section className="panel studio-play" aria-labelledby="studio-play-title">
              <h2 id="studio-play-title">{t('studio.play')}</h2>
              {check && !check.scenario && lastValid && <p>{t('studio.playBroken')}</p>}
              {playing && lastValid && lastValid !== playing.scenario && check?.scenario && (
                <p>{t('studio.playStale')}</p>
              )}
              {lastValid ? (
                <>
                  <PlayFrom
                    scenario={lastValid}
                    start={playStart}
                    onChange={(start) => {
                      setPlayStart(start);
                      setPlayError('');
                    }}
                  />
                  {playError && <p role="alert">{playError}</p>}
                  <button type="button" onClick={play}>
                    {pickedScene(lastValid, playStart) ? t('studio.playScene') : t('studio.playStart')}
                  </button>
                </>
              ) : (
                <p>{t('studio.playNone')}</p>
              )}
              {playing && (
                <div className="studio-preview">
                  <PlayerPage
                    key={playing.key}
                    scenario={playing.scenario}
                    from={playing.from}
                    store={PREVIEW_STORE}
                    canChooseAnother={false}
                    ownsPage={false}
                  />
                </div>
              )}
            </section>
          </div>
        </div>
        <section className="panel studio-map-panel" aria-labelledby="studio-map-title">
          <h2 id="studio-map-title">{t('studio.map')}</h2>
          {mapScenario && mapPaths ? (
            <>
              <p className="hint">{t('studio.mapHint')}</p>
              {check && !check.scenario && <p>{t('studio.mapStale')}</p>}
              <ScenarioMapView
                scenario={mapScenario}
                paths={mapPaths}
                onSelect={(key) => {
                  const path = statePointer(key.split('.'));
                  goTo(path, issueOffset(draft.text, path, ''));
                }}
              />
            </>
          ) : (
            <p>{t('studio.mapNone')}</p>
          )}
        </section>
      </section>
    </>
  );
}
