import { useId } from 'react';
import type { RunContext } from '../engine/build-machine.ts';
import { compileScenario } from '../engine/compile-scenario.ts';
import type { Run } from '../engine/run-state.ts';
import type { Scenario, VariableValue } from '../engine/scenario.types.ts';
import { walkStates } from '../engine/scenario-walk.ts';
import { type StartResult, startRunAt } from '../engine/scene-start.ts';
import { useT } from '../ui/i18n.ts';
import { typedValue } from './scenario-edits.ts';

/**
 * Where the studio's preview starts: the beginning (`scene` empty, the content note first, as learners
 * meet it), or a scene, its keys from the root joined by '.', with the story's variables as the author
 * typed them (only those changed from their start values).
 */
export interface PlayStart {
  readonly scene: string;
  readonly typed: Readonly<Record<string, string>>;
}

export const FROM_THE_BEGINNING: PlayStart = { scene: '', typed: {} };

/** The scenes a learner chooses in (an ending or a state that only routes the story cannot be started in). */
function scenesToStartAt(scenario: Scenario) {
  return [...walkStates(scenario)].filter(
    ({ state }) => !state.states && state.type !== 'final' && !state.meta?.ending && state.always === undefined,
  );
}

/**
 * The scene picked, while it is still one to start at: one since removed or renamed is the beginning
 * again, and `PlayFrom` says so.
 */
export function pickedScene(scenario: Scenario, start: PlayStart): string {
  return scenesToStartAt(scenario).some((s) => s.keys.join('.') === start.scene) ? start.scene : '';
}

/**
 * The run the preview opens in: undefined for the beginning, else the scene with the variables typed
 * (each read as the form reads it, and refused in words unless it is of its start value's kind).
 */
export function playStartRun(
  scenario: Scenario,
  start: PlayStart,
): { ok: true; run: Run | undefined } | { ok: false; error: string } {
  const scene = pickedScene(scenario, start);
  if (!scene) return { ok: true, run: undefined };
  const declared = scenario.context ?? {};
  const variables: RunContext = {};
  for (const [name, typed] of Object.entries(start.typed)) {
    if (!Object.hasOwn(declared, name)) continue;
    const value = valueLike(typed, declared[name]);
    if (value === undefined) return { ok: false, error: kindError(name, declared[name]) };
    variables[name] = value;
  }
  const started: StartResult = startRunAt(compileScenario(scenario).machine, scene.split('.'), variables);
  return started.ok ? started : { ok: false, error: started.error };
}

/**
 * What the author typed, read as a value of the start value's kind: a number, true or false, or words
 * as typed ("5" or "true" are words for a variable that holds words); undefined when it is not one.
 */
function valueLike(typed: string, start: VariableValue): VariableValue | undefined {
  if (typeof start === 'string') return typed.trim() === '' ? undefined : typed;
  const value = typedValue(typed.trim());
  return typeof value === typeof start ? value : undefined;
}

function kindError(name: string, start: VariableValue): string {
  return typeof start === 'number'
    ? `"${name}" is a number: type one, such as ${start}.`
    : typeof start === 'boolean'
      ? `"${name}" is true or false: type one of them.`
      : `"${name}" holds words: type some.`;
}

/**
 * Picks where the preview starts: the beginning, or any scene with the story's variables set, so an
 * author tries the 5th scene with trust at 2 without playing up to it.
 */
export function PlayFrom({
  scenario,
  start,
  onChange,
}: {
  scenario: Scenario;
  start: PlayStart;
  onChange: (start: PlayStart) => void;
}) {
  const { t } = useT();
  const scenes = scenesToStartAt(scenario);
  const variables = Object.entries(scenario.context ?? {});
  const scene = pickedScene(scenario, start);
  const gone = start.scene !== '' && scene === '';
  return (
    <div className="studio-play-from">
      <label>
        {t('studio.playFrom')}{' '}
        <select value={scene} onChange={(e) => onChange({ ...start, scene: e.target.value })}>
          <option value="">{t('studio.playFromBeginning')}</option>
          {scenes.map(({ keys, state }) => (
            <option key={keys.join('.')} value={keys.join('.')}>
              {keys.join(' › ')}
              {state.meta?.stage ? ` · ${t(`stage.${state.meta.stage}`)}` : ''}
              {keys.join('.') === scenario.initial ? ` · ${t('studio.form.first')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {gone && (
        <p role="status" className="hint">
          {t('studio.playFromGone', { scene: start.scene.split('.').join(' › ') })}
        </p>
      )}
      {scene && variables.length > 0 && (
        <fieldset>
          <legend>{t('studio.playVariables')}</legend>
          {variables.map(([name, value]) => (
            <VariableField
              key={name}
              name={name}
              start={value}
              typed={start.typed[name]}
              onChange={(typed) => onChange({ ...start, typed: { ...start.typed, [name]: typed } })}
            />
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** One story variable for the try-out, said to be of the wrong kind as it is typed, not only on Play. */
function VariableField({
  name,
  start,
  typed,
  onChange,
}: {
  name: string;
  start: VariableValue;
  typed: string | undefined;
  onChange: (typed: string) => void;
}) {
  const problem = useId();
  const wrong = typed !== undefined && valueLike(typed, start) === undefined;
  return (
    <div className="studio-play-variable">
      <label>
        {name}{' '}
        <input
          type="text"
          inputMode={typeof start === 'number' ? 'decimal' : undefined}
          value={typed ?? String(start)}
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? problem : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {wrong && (
        <p id={problem} className="studio-form-refusal">
          {kindError(name, start)}
        </p>
      )}
    </div>
  );
}
