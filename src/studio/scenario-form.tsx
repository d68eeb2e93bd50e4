import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import { BARRIERS } from '../engine/barriers.ts';
import { pointer, pointerSegments } from '../engine/json-pointer.ts';
import type { ActionRef, GuardRef, LanguageTag, Scenario, Text } from '../engine/scenario.types.ts';
import { SCENARIO_ID } from '../engine/scenario-id.ts';
import { walkStates } from '../engine/scenario-walk.ts';
import { STAGES } from '../engine/stages.ts';
import { TACTICS } from '../engine/tactics.ts';
import { localize } from '../engine/text.ts';
import { useT } from '../ui/i18n.ts';
import { textAttributes } from '../ui/text-direction.ts';
import { ID_LONGEST, idFrom } from './download-name.ts';
import {
  addChoice,
  addState,
  type ChoiceRef,
  choiceAt,
  choicesIn,
  type EditableChoice,
  type EditableScenario,
  type EditableState,
  editText,
  formLanguages,
  formPlace,
  readForForm,
  readLines,
  readParagraphs,
  readText,
  removeChoice,
  removePerson,
  removeState,
  setLanguages,
  setTimedSeconds,
  typedValue,
  writeLines,
  writeParagraphs,
  writeText,
} from './scenario-edits.ts';

/** What the studio asks of the form: show the field a problem's JSON Pointer names. */
export interface ScenarioFormHandle {
  /** Selects the scene the pointer is in and focuses its field; false when the form has no field for it. */
  show(path: string): boolean;
}

interface ScenarioFormProps {
  readonly text: string;
  readonly onChange: (text: string) => void;
  /** The state being edited (a key of `states`); the studio's map selects it too. */
  readonly selected: string;
  readonly onSelect: (key: string) => void;
}

type Edit = (change: (scenario: EditableScenario) => void) => void;

const SETTINGS = ['workplace', 'transit', 'social', 'campus', 'online'] as const;
const KINDS = ['good', 'mixed', 'poor'] as const;

/**
 * The scenario without JSON: its details and variables, then one scene or ending at a time with its
 * choices, every text in each of the scenario's languages side by side. Each change rewrites the file's
 * text (so the source view, the checker, the map and the preview follow); while the text is not JSON
 * the form waits for the source to be fixed.
 */
export const ScenarioForm = forwardRef<ScenarioFormHandle, ScenarioFormProps>(function ScenarioForm(
  { text, onChange, selected, onSelect },
  ref,
) {
  const { t } = useT();
  const root = useRef<HTMLDivElement>(null);
  const [pendingFocus, setPendingFocus] = useState<string | undefined>();
  // Parsed once per text, not on every render (a verdict or a selection re-renders the form too).
  const scenario = useMemo(() => readForForm(text), [text]);
  const keys = scenario ? Object.keys(scenario.states) : [];
  const current = keys.includes(selected)
    ? selected
    : scenario?.initial && keys.includes(scenario.initial)
      ? scenario.initial
      : keys[0];
  const edit: Edit = (change) => onChange(editText(text, change));

  useImperativeHandle(ref, () => ({
    show(path) {
      if (!scenario) return false;
      const [top, key] = pointerSegments(path);
      if (top === 'states' && key !== undefined && keys.includes(key)) onSelect(key);
      else if (top !== 'meta' && top !== 'context' && top !== 'initial' && top !== 'id') return false;
      setPendingFocus(path);
      return true;
    },
  }));

  // After the scene a problem is in shows: focus the field nearest the problem's pointer.
  useEffect(() => {
    if (pendingFocus === undefined || !root.current) return;
    setPendingFocus(undefined);
    const field = nearestField(root.current, pendingFocus);
    // About the scenario is folded away at first: a field of it is shown before it takes focus.
    const folded = field?.closest('details');
    if (folded && !folded.open) folded.open = true;
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
  }, [pendingFocus]);

  if (!scenario) return <p>{t('studio.form.needsJson')}</p>;
  const languages = formLanguages(scenario);
  const main = languages[0];
  const state = current ? scenario.states[current] : undefined;
  const statePath = current ? pointer('states', current) : '';

  return (
    <div ref={root} className="studio-form">
      <ScenarioDetails scenario={scenario} languages={languages} edit={edit} />
      <Variables scenario={scenario} edit={edit} />
      <Cast scenario={scenario} languages={languages} edit={edit} />
      <fieldset className="studio-form-scene">
        <legend>{t('studio.form.scenes')}</legend>
        <div className="studio-form-row">
          <label>
            {t('studio.form.editing')}{' '}
            <select value={current ?? ''} onChange={(e) => onSelect(e.target.value)} data-pointer="/states">
              {keys.map((key) => (
                <option key={key} value={key}>
                  {stateOption(t, scenario, key, main)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              let added = '';
              edit((s) => {
                added = addState(s, 'scene');
              });
              onSelect(added);
            }}
          >
            {t('studio.form.addScene')}
          </button>
          <button
            type="button"
            onClick={() => {
              let added = '';
              edit((s) => {
                added = addState(s, 'ending');
              });
              onSelect(added);
            }}
          >
            {t('studio.form.addEnding')}
          </button>
          {current && keys.length > 1 && (
            <button
              type="button"
              onClick={() => {
                // A scene holds an author's writing: removing it asks first (the source's undo can bring it back).
                if (!window.confirm(t('studio.form.confirmRemove', { name: current }))) return;
                edit((s) => removeState(s, current));
                onSelect(keys.find((k) => k !== current) ?? '');
              }}
            >
              {t('studio.form.remove', { name: current })}
            </button>
          )}
        </div>
        {state && current && (
          // The scene's own fields: where a problem in the scene, or a box on the map, takes the author.
          <div data-pointer={statePath}>
            {state.type === 'final' ? (
              <>
                <LanguageFields
                  label={t('studio.form.endingTitle')}
                  languages={languages}
                  path={pointer('states', current, 'meta', 'ending', 'title')}
                  read={(l) => readText(state.meta?.ending?.title, l, main)}
                  write={(l, v) =>
                    edit((s) => {
                      const ending = endingOf(s, current);
                      ending.title = writeText(ending.title, l, v, languages);
                    })
                  }
                />
                <LanguageFields
                  label={t('studio.form.debrief')}
                  hint={t('studio.form.paragraphsHint')}
                  multiline
                  languages={languages}
                  path={pointer('states', current, 'meta', 'ending', 'debrief')}
                  read={(l) => readParagraphs(state.meta?.ending?.debrief, l, main)}
                  write={(l, v) =>
                    edit((s) => {
                      const ending = endingOf(s, current);
                      ending.debrief = writeParagraphs(ending.debrief, l, v, languages);
                    })
                  }
                />
                <label className="studio-form-field">
                  {t('studio.form.kind')}{' '}
                  <select
                    value={state.meta?.ending?.kind ?? 'mixed'}
                    data-pointer={pointer('states', current, 'meta', 'ending', 'kind')}
                    onChange={(e) =>
                      edit((s) => {
                        endingOf(s, current).kind = e.target.value as (typeof KINDS)[number];
                      })
                    }
                  >
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`debrief.kind.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            ) : state.always !== undefined ? (
              // A state that asks nothing: its routes are all there is to it.
              <Routes scenario={scenario} stateKey={current} languages={languages} edit={edit} />
            ) : (
              <SceneFields scenario={scenario} stateKey={current} languages={languages} edit={edit} />
            )}
            {state.type !== 'final' && state.always === undefined && (
              <fieldset className="studio-form-choices">
                <legend>{t('studio.form.choices')}</legend>
                {choicesIn(state).map(({ ref: choiceRef }, index) => (
                  <ChoiceFields
                    // The place in the list, not the event or delay: a changed delay keeps the field's focus.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                    key={index}
                    scenario={scenario}
                    stateKey={current}
                    choiceRef={choiceRef}
                    number={index + 1}
                    languages={languages}
                    edit={edit}
                  />
                ))}
                <div className="studio-form-row">
                  <button type="button" onClick={() => edit((s) => void addChoice(s, current, 'on'))}>
                    {t('studio.form.addChoice')}
                  </button>
                  {!state.after && (
                    <button type="button" onClick={() => edit((s) => void addChoice(s, current, 'after'))}>
                      {t('studio.form.addTimed')}
                    </button>
                  )}
                </div>
              </fieldset>
            )}
          </div>
        )}
      </fieldset>
    </div>
  );
});

type T = ReturnType<typeof useT>['t'];

/** How the scene picker names a state: its key, then its step, ending title or role. */
function stateOption(t: T, scenario: EditableScenario, key: string, main: LanguageTag): string {
  const state = scenario.states[key];
  const what = state.meta?.ending
    ? t('studio.form.endingOption', { title: readText(state.meta.ending.title, main, main) })
    : state.always !== undefined
      ? t('studio.form.routerOption')
      : state.meta?.stage
        ? t(`stage.${state.meta.stage}`)
        : t('studio.form.sceneOption');
  return `${key} · ${what}${key === scenario.initial ? ` · ${t('studio.form.first')}` : ''}`;
}

/** A state's ending, made if missing. */
function endingOf(scenario: EditableScenario, key: string) {
  const state = scenario.states[key];
  state.meta ??= {};
  state.meta.ending ??= { title: '', debrief: [], kind: 'mixed' };
  return state.meta.ending;
}

/** A scene's meta, made if missing. */
function sceneMeta(scenario: EditableScenario, key: string) {
  const state = scenario.states[key];
  state.meta ??= {};
  return state.meta;
}

/**
 * One text field in each language, side by side: labelled "Prompt (English)", "Prompt (Spanish)"…
 * (the language named only when there are several), each written in its own language and direction.
 */
function LanguageFields({
  label,
  hint,
  languages,
  path,
  multiline = false,
  read,
  write,
}: {
  label: string;
  hint?: string;
  languages: readonly LanguageTag[];
  path: string;
  multiline?: boolean;
  read: (language: LanguageTag) => string;
  write: (language: LanguageTag, value: string) => void;
}) {
  const { language: ui } = useT();
  const names = languageNames(ui);
  const id = useId();
  // The file's form of a text drops a blank line or a line break still being typed (a new paragraph, a
  // new prompt), which would undo the keystroke.
  const typing = useWhileTyping();
  return (
    <div className="studio-form-field">
      <div className="studio-form-languages">
        {languages.map((language) => {
          const field = {
            id: `${id}-${language}`,
            value: typing.shown(`${path} ${language}`, read(language)),
            onChange: (e: { target: { value: string } }) => {
              typing.typed(`${path} ${language}`, e.target.value);
              write(language, e.target.value);
            },
            onBlur: typing.done,
            'aria-describedby': hint ? `${id}-hint` : undefined,
            'data-pointer': path,
            'data-language': language,
            ...textAttributes(language),
          };
          return (
            <div key={language} className="studio-form-language">
              <label htmlFor={field.id}>{languages.length > 1 ? `${label} (${names(language)})` : label}</label>
              {multiline ? <textarea rows={4} {...field} /> : <input type="text" {...field} />}
            </div>
          );
        })}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

function languageNames(ui: string): (tag: string) => string {
  try {
    const names = new Intl.DisplayNames([ui], { type: 'language' });
    return (tag) => {
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
  } catch {
    return (tag) => tag;
  }
}

/**
 * What is typed in a field stays shown while it has focus, even where the file keeps another form of it
 * (normalised, or its last good value). Known by the field's JSON pointer (and language), so a field
 * reused for another scene shows that scene's value.
 */
function useWhileTyping() {
  const [typing, setTyping] = useState<{ field: string; value: string } | undefined>();
  return {
    shown: (field: string, stored: string) => (typing?.field === field ? typing.value : stored),
    typed: (field: string, value: string) => setTyping({ field, value }),
    done: () => setTyping(undefined),
  };
}

/**
 * A whole number field; emptied, it removes the value, unless `required`. A number out of `min`–`max`
 * or not whole (or nothing, when required) is refused in words, saying the value the file keeps (its
 * last good one, shown again on leaving): never written.
 */
function NumberField({
  label,
  value,
  path,
  min,
  max,
  required = false,
  onChange,
}: {
  label: string;
  value: number | undefined;
  path: string;
  min: number;
  max?: number;
  required?: boolean;
  onChange: (value: number | undefined) => void;
}) {
  const { t } = useT();
  // "-", or a number cleared to type another: the file keeps its last good value meanwhile.
  const typing = useWhileTyping();
  const [refusal, setRefusal] = useState('');
  const refusalId = useId();
  return (
    <div className="studio-form-number">
      <label>
        {label}{' '}
        <input
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={typing.shown(path, String(value ?? ''))}
          data-pointer={path}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? refusalId : undefined}
          onChange={(e) => {
            typing.typed(path, e.target.value);
            const typed = e.target.value === '' ? undefined : Number(e.target.value);
            const kept =
              typed === undefined
                ? !required
                : Number.isInteger(typed) && typed >= min && typed <= (max ?? Number.POSITIVE_INFINITY);
            const keeps = value === undefined ? '' : ` ${t('studio.form.numberKeeps', { value })}`;
            const why =
              typed === undefined
                ? t('studio.form.numberNeeded', { min, max })
                : max === undefined
                  ? t('studio.form.numberFrom', { value: e.target.value, min })
                  : t('studio.form.numberBetween', { value: e.target.value, min, max });
            setRefusal(kept ? '' : why + keeps);
            if (kept) onChange(typed);
          }}
          onBlur={typing.done}
        />
      </label>
      {refusal && (
        <p id={refusalId} role="alert" className="studio-form-refusal">
          {refusal}
        </p>
      )}
    </div>
  );
}

/**
 * The scenario's id: its file's name, its address in the library, and what saving to the server
 * replaces. Typed as it is; the checker names what a valid one looks like.
 */
function IdField({ id, onChange }: { id: string; onChange: (id: string) => void }) {
  const { t } = useT();
  const hint = useId();
  const problem = useId();
  // Said where it is typed, with the id it could be, rather than only under Problems.
  const valid = SCENARIO_ID.test(id) && id.length <= ID_LONGEST;
  const suggested = idFrom(id);
  return (
    <div className="studio-form-field">
      <label>
        {t('studio.form.id')}{' '}
        <input
          type="text"
          value={id}
          data-pointer="/id"
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={valid ? undefined : true}
          aria-describedby={valid ? hint : `${problem} ${hint}`}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {!valid && (
        <div id={problem} className="studio-form-refusal">
          <p>{suggested ? t('studio.form.idNotYet', { id, suggested }) : t('studio.form.idEmpty')}</p>
          {suggested && (
            <button type="button" onClick={() => onChange(suggested)}>
              {t('studio.form.idUse', { suggested })}
            </button>
          )}
        </div>
      )}
      <p id={hint} className="hint">
        {t('studio.form.idHint')}
      </p>
    </div>
  );
}

function ScenarioDetails({
  scenario,
  languages,
  edit,
}: {
  scenario: EditableScenario;
  languages: LanguageTag[];
  edit: Edit;
}) {
  const { t } = useT();
  const main = languages[0];
  // A scenario is written in one language at least: a field left empty shows the languages it has again.
  const applyLanguages = (field: HTMLInputElement) => {
    // A language given twice ("en, en") is one: the field shows what is kept.
    const tags = [
      ...new Set(
        field.value
          .split(/[\s,]+/)
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ];
    field.value = (tags.length ? tags : languages).join(', ');
    if (!tags.length || tags.join(',') === languages.join(',')) return;
    edit((s) => setLanguages(s, tags));
  };
  const metaText = (field: 'title' | 'summary' | 'contentNote', label: string, multiline = false) => (
    <LanguageFields
      label={label}
      languages={languages}
      multiline={multiline}
      path={pointer('meta', field)}
      read={(l) => readText(scenario.meta[field], l, main)}
      write={(l, v) =>
        edit((s) => {
          s.meta[field] = writeText(s.meta[field], l, v, languages);
        })
      }
    />
  );
  return (
    <details className="studio-form-details">
      <summary>{t('studio.form.details')}</summary>
      {metaText('title', t('studio.form.title'))}
      <IdField
        id={scenario.id}
        onChange={(id) =>
          edit((s) => {
            s.id = id;
          })
        }
      />
      {metaText('summary', t('studio.form.summary'), true)}
      {metaText('contentNote', t('studio.form.contentNote'), true)}
      <div className="studio-form-row">
        <NumberField
          label={t('studio.form.minutes')}
          value={scenario.meta.minutes}
          path="/meta/minutes"
          min={1}
          max={schema.definitions.scenarioMeta.properties.minutes.maximum}
          required
          onChange={(v) =>
            edit((s) => {
              s.meta.minutes = v ?? 0;
            })
          }
        />
        <label>
          {t('studio.form.setting')}{' '}
          <select
            value={scenario.meta.setting}
            data-pointer="/meta/setting"
            onChange={(e) =>
              edit((s) => {
                s.meta.setting = e.target.value as (typeof SETTINGS)[number];
              })
            }
          >
            {SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`setting.${setting}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('studio.form.firstScene')}{' '}
          <select
            value={scenario.initial}
            data-pointer="/initial"
            onChange={(e) =>
              edit((s) => {
                s.initial = e.target.value;
              })
            }
          >
            {/* The story starts at a scene: an ending is offered only if the file already starts there. */}
            {Object.keys(scenario.states)
              .filter((key) => scenario.states[key].type !== 'final' || key === scenario.initial)
              .map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('studio.form.languages')}{' '}
          <input
            type="text"
            // Applied when the field is left: half a tag typed is not yet a language.
            key={languages.join(',')}
            defaultValue={languages.join(', ')}
            data-pointer="/meta/languages"
            aria-describedby="studio-form-languages-hint"
            onBlur={(e) => applyLanguages(e.currentTarget)}
            // Enter applies too, as in any field that takes a whole value.
            onKeyDown={(e) => {
              if (e.key === 'Enter') applyLanguages(e.currentTarget);
            }}
          />
        </label>
      </div>
      <p className="hint" id="studio-form-languages-hint">
        {t('studio.form.languagesHint')}
      </p>
    </details>
  );
}

/** What the format allows as a variable's name (its JSON Schema's own pattern). */
const VARIABLE_NAME = new RegExp(schema.definitions.variableName.pattern);

function Variables({ scenario, edit }: { scenario: EditableScenario; edit: Edit }) {
  const { t } = useT();
  const variables = Object.entries(scenario.context ?? {});
  return (
    <fieldset className="studio-form-variables">
      <legend>{t('studio.form.variables')}</legend>
      <p className="hint">{t('studio.form.variablesHint')}</p>
      {variables.map(([variable, value]) => (
        <div className="studio-form-row" key={variable}>
          <label>
            {t('studio.form.startValue', { name: variable })}{' '}
            <input
              type="text"
              value={String(value)}
              data-pointer={pointer('context', variable)}
              onChange={(e) =>
                edit((s) => {
                  s.context = { ...s.context, [variable]: typedValue(e.target.value) };
                })
              }
            />
          </label>
          <button
            type="button"
            onClick={() =>
              edit((s) => {
                const rest = { ...s.context };
                delete rest[variable];
                s.context = rest;
              })
            }
          >
            {t('studio.form.remove', { name: variable })}
          </button>
        </div>
      ))}
      <AddNamed
        label={t('studio.form.newVariable')}
        button={t('studio.form.addVariable')}
        // Said, never done silently: an empty name adds nothing, and a name in use would reset its start value.
        refusal={(wanted) =>
          !wanted
            ? t('studio.form.variableNameMissing')
            : Object.hasOwn(scenario.context ?? {}, wanted)
              ? t('studio.form.variableNameTaken', { name: wanted })
              : !VARIABLE_NAME.test(wanted)
                ? t('studio.form.variableNameForm', { name: wanted })
                : ''
        }
        onAdd={(wanted) =>
          edit((s) => {
            s.context = { ...s.context, [wanted]: 0 };
          })
        }
      />
    </fieldset>
  );
}

/**
 * A name to add (a variable, a person of the cast), refused in words rather than done silently: `refusal`
 * says why not, or '' to add it.
 */
function AddNamed({
  label,
  button,
  refusal: refuse,
  onAdd,
}: {
  label: string;
  button: string;
  refusal: (name: string) => string;
  onAdd: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState('');
  const refusalId = useId();
  return (
    <form
      className="studio-form-row"
      onSubmit={(e) => {
        e.preventDefault();
        const wanted = name.trim();
        const why = refuse(wanted);
        setRefusal(why);
        if (why) return;
        onAdd(wanted);
        setName('');
      }}
    >
      <label>
        {label}{' '}
        <input
          type="text"
          value={name}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? refusalId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setRefusal('');
          }}
        />
      </label>
      <button type="submit">{button}</button>
      {refusal && (
        <p id={refusalId} role="alert" className="studio-form-refusal">
          {refusal}
        </p>
      )}
    </form>
  );
}

/** What the format allows of a cast (its JSON Schema's own pattern and limits). */
const PERSON_ID = new RegExp(schema.definitions.personId.pattern);
const PERSON_ID_LONGEST = schema.definitions.personId.maxLength;
const CAST_MOST = schema.definitions.scenarioMeta.properties.cast.maxProperties;
const PRESENT_MOST = schema.definitions.stateMeta.properties.present.maxItems;

/**
 * The people in the story: each one's name (once for every language, as most names are, or one per
 * language where the file has that), role in each language, and the word their portrait is drawn from.
 * Removing someone takes them out of every scene they were in.
 */
function Cast({ scenario, languages, edit }: { scenario: EditableScenario; languages: LanguageTag[]; edit: Edit }) {
  const { t } = useT();
  const main = languages[0];
  const cast = Object.entries(scenario.meta.cast ?? {});
  // The form edits a fresh copy of the file each time (`editText`): the person is changed in place.
  const person = (s: EditableScenario, id: string) => (s.meta.cast ?? {})[id];
  /** A name or role with one string per language. */
  const personText = (id: string, field: 'name' | 'role', label: string, text: Text | undefined) => (
    <LanguageFields
      label={label}
      languages={languages}
      path={pointer('meta', 'cast', id, field)}
      read={(l) => readText(text, l, main)}
      write={(l, v) =>
        edit((s) => {
          const p = person(s, id);
          p[field] = writeText(p[field], l, v, languages);
        })
      }
    />
  );
  return (
    <fieldset className="studio-form-cast" data-pointer="/meta/cast">
      <legend>{t('studio.form.cast')}</legend>
      <p className="hint">{t('studio.form.castHint')}</p>
      {cast.map(([id, { name, role, portrait }]) => (
        <fieldset key={id} className="studio-form-person">
          <legend>{t('studio.form.person', { id })}</legend>
          {typeof name === 'string' ? (
            <label className="studio-form-field">
              {t('studio.form.personName')}{' '}
              <input
                type="text"
                value={name}
                data-pointer={pointer('meta', 'cast', id, 'name')}
                onChange={(e) =>
                  edit((s) => {
                    person(s, id).name = e.target.value;
                  })
                }
              />
            </label>
          ) : (
            personText(id, 'name', t('studio.form.personName'), name)
          )}
          {personText(id, 'role', t('studio.form.personRole'), role)}
          <div className="studio-form-row">
            <label>
              {t('studio.form.portrait')}{' '}
              <input
                type="text"
                value={portrait ?? id}
                spellCheck={false}
                autoCapitalize="none"
                data-pointer={pointer('meta', 'cast', id, 'portrait')}
                onChange={(e) =>
                  edit((s) => {
                    const p = person(s, id);
                    // The id draws the face when no other word is given.
                    if (e.target.value === '' || e.target.value === id) delete p.portrait;
                    else p.portrait = e.target.value;
                  })
                }
              />
            </label>
            <button
              type="button"
              onClick={() => {
                // Said first, as removing a scene is: it also takes them out of every scene they are in.
                const scenes = scenesWith(scenario, id);
                if (
                  scenes.length &&
                  !window.confirm(t('studio.form.removePersonConfirm', { id, scenes: scenes.join(', ') }))
                )
                  return;
                edit((s) => removePerson(s, id));
              }}
            >
              {t('studio.form.remove', { name: id })}
            </button>
          </div>
        </fieldset>
      ))}
      <AddNamed
        label={t('studio.form.newPerson')}
        button={t('studio.form.addPerson')}
        refusal={(wanted) =>
          cast.length >= CAST_MOST
            ? t('studio.form.castFull', { most: CAST_MOST })
            : !wanted
              ? t('studio.form.personIdMissing')
              : Object.hasOwn(scenario.meta.cast ?? {}, wanted)
                ? t('studio.form.personIdTaken', { id: wanted })
                : !PERSON_ID.test(wanted) || wanted.length > PERSON_ID_LONGEST
                  ? t('studio.form.personIdForm', { id: wanted, longest: PERSON_ID_LONGEST })
                  : ''
        }
        onAdd={(wanted) =>
          edit((s) => {
            s.meta.cast = { ...s.meta.cast, [wanted]: { name: wanted[0].toUpperCase() + wanted.slice(1) } };
          })
        }
      />
    </fieldset>
  );
}

/** The keys of the scenes someone is in. */
function scenesWith(scenario: EditableScenario, id: string): string[] {
  return [...walkStates(scenario as Scenario)]
    .filter(({ state }) => state.meta?.present?.includes(id))
    .map(({ keys }) => keys.join('.'));
}

/** Who from the cast is in a scene: ticked in the cast's order, kept in the scene's own order. */
function Present({ scenario, stateKey, edit }: { scenario: EditableScenario; stateKey: string; edit: Edit }) {
  const { t, language: ui } = useT();
  const cast = Object.entries(scenario.meta.cast ?? {});
  const present = scenario.states[stateKey].meta?.present ?? [];
  const main = scenario.meta.language;
  return (
    <fieldset
      className="studio-form-inline studio-form-present"
      data-pointer={pointer('states', stateKey, 'meta', 'present')}
    >
      <legend>{t('studio.form.present')}</legend>
      {cast.length === 0 && <p className="hint">{t('studio.form.presentNoCast')}</p>}
      {present.length >= PRESENT_MOST && <p className="hint">{t('studio.form.presentFull', { most: PRESENT_MOST })}</p>}
      {cast.map(([id, person]) => (
        <label key={id}>
          <input
            type="checkbox"
            checked={present.includes(id)}
            disabled={!present.includes(id) && present.length >= PRESENT_MOST}
            onChange={(e) =>
              edit((s) => {
                const m = sceneMeta(s, stateKey);
                const now = (m.present ?? []).filter((p) => p !== id);
                if (e.target.checked) now.push(id);
                if (now.length) m.present = now;
                else delete m.present;
              })
            }
          />{' '}
          {readText(person.name, ui, main).trim() || readText(person.name, main, main).trim() || id}
        </label>
      ))}
    </fieldset>
  );
}

function SceneFields({
  scenario,
  stateKey,
  languages,
  edit,
}: {
  scenario: EditableScenario;
  stateKey: string;
  languages: LanguageTag[];
  edit: Edit;
}) {
  const { t } = useT();
  const main = languages[0];
  const meta = scenario.states[stateKey].meta ?? {};
  const at = (...rest: string[]) => pointer('states', stateKey, 'meta', ...rest);
  return (
    <>
      <Present scenario={scenario} stateKey={stateKey} edit={edit} />
      <LanguageFields
        label={t('studio.form.narrative')}
        hint={t('studio.form.paragraphsHint')}
        multiline
        languages={languages}
        path={at('narrative')}
        read={(l) => readParagraphs(meta.narrative, l, main)}
        write={(l, v) =>
          edit((s) => {
            const m = sceneMeta(s, stateKey);
            m.narrative = writeParagraphs(m.narrative, l, v, languages);
          })
        }
      />
      <LanguageFields
        label={t('studio.form.prompt')}
        languages={languages}
        path={at('prompt')}
        read={(l) => readText(meta.prompt, l, main)}
        write={(l, v) =>
          edit((s) => {
            const m = sceneMeta(s, stateKey);
            m.prompt = writeText(m.prompt, l, v, languages);
          })
        }
      />
      <label className="studio-form-field">
        {t('studio.form.stage')}{' '}
        <select
          value={meta.stage ?? ''}
          data-pointer={at('stage')}
          onChange={(e) =>
            edit((s) => {
              const m = sceneMeta(s, stateKey);
              if (e.target.value) m.stage = e.target.value as (typeof STAGES)[number];
              else delete m.stage;
            })
          }
        >
          <option value="">{t('studio.form.none')}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage.${stage}`)}
            </option>
          ))}
        </select>
      </label>
      <LanguageFields
        label={t('studio.form.discussion')}
        hint={t('studio.form.linesHint')}
        multiline
        languages={languages}
        path={at('discussion')}
        read={(l) => readLines(meta.discussion, l, main)}
        write={(l, v) =>
          edit((s) => {
            const m = sceneMeta(s, stateKey);
            m.discussion = writeLines(m.discussion, l, v, languages);
          })
        }
      />
      <LanguageFields
        label={t('studio.form.facilitatorNotes')}
        hint={t('studio.form.paragraphsHint')}
        multiline
        languages={languages}
        path={at('facilitatorNotes')}
        read={(l) => readParagraphs(meta.facilitatorNotes, l, main)}
        write={(l, v) =>
          edit((s) => {
            const m = sceneMeta(s, stateKey);
            const notes = writeParagraphs(m.facilitatorNotes, l, v, languages);
            if (notes.length) m.facilitatorNotes = notes;
            else delete m.facilitatorNotes;
          })
        }
      />
    </>
  );
}

function ChoiceFields({
  scenario,
  stateKey,
  choiceRef,
  number,
  languages,
  edit,
}: {
  scenario: EditableScenario;
  stateKey: string;
  choiceRef: ChoiceRef;
  number: number;
  languages: LanguageTag[];
  edit: Edit;
}) {
  const { t, language: ui } = useT();
  const main = languages[0];
  const choice = choiceAt(scenario.states[stateKey], choiceRef);
  if (!choice) return null;
  const base =
    choiceRef.alt === undefined
      ? pointer('states', stateKey, choiceRef.under, choiceRef.key)
      : pointer('states', stateKey, choiceRef.under, choiceRef.key, choiceRef.alt);
  const change = (apply: (c: EditableChoice) => void) =>
    edit((s) => {
      const c = choiceAt(s.states[stateKey], choiceRef);
      if (c) apply(c);
    });
  const timed = choiceRef.under === 'after';
  const variables = Object.keys(scenario.context ?? {});
  const actions: ActionRef[] =
    choice.actions === undefined ? [] : Array.isArray(choice.actions) ? choice.actions : [choice.actions as ActionRef];
  const setActions = (next: ActionRef[]) =>
    change((c) => {
      if (next.length) c.actions = next;
      else delete c.actions;
    });
  return (
    <fieldset className="studio-form-choice" data-pointer={base}>
      <legend>
        {timed ? t('studio.form.timedChoice') : t('studio.form.choice', { number })}
        {choiceRef.alt !== undefined &&
          ` · ${t('studio.form.alternative', { number: choiceRef.alt + 1, event: choiceRef.key })}`}
      </legend>
      {timed && (
        <NumberField
          label={t('studio.form.seconds')}
          value={Number(choiceRef.key) / 1000}
          path={base}
          min={1}
          max={600}
          onChange={(v) =>
            edit((s) => {
              if (v !== undefined) setTimedSeconds(s.states[stateKey], choiceRef, v);
            })
          }
        />
      )}
      <LanguageFields
        label={timed ? t('studio.form.timedLabel') : t('studio.form.label')}
        languages={languages}
        path={`${base}/meta/label`}
        read={(l) => readText(choice.meta.label, l, main)}
        write={(l, v) =>
          change((c) => {
            c.meta.label = writeText(c.meta.label, l, v, languages);
          })
        }
      />
      <LanguageFields
        label={t('studio.form.feedback')}
        multiline
        languages={languages}
        path={`${base}/meta/feedback`}
        read={(l) => readText(choice.meta.feedback, l, main)}
        write={(l, v) =>
          change((c) => {
            c.meta.feedback = writeText(c.meta.feedback, l, v, languages);
          })
        }
      />
      <TargetSelect
        scenario={scenario}
        target={choice.target}
        path={`${base}/target`}
        main={main}
        onChange={(target) =>
          change((c) => {
            c.target = target;
          })
        }
      />
      <fieldset className="studio-form-row studio-form-points" data-pointer={`${base}/meta/tactics`}>
        <legend>{t('studio.form.tactics')}</legend>
        {TACTICS.map((tactic) => (
          <NumberField
            key={tactic.id}
            label={localize(tactic.name, ui, 'en')}
            value={choice.meta.tactics?.[tactic.id]}
            path={`${base}/meta/tactics/${tactic.id}`}
            min={0}
            max={3}
            onChange={(v) =>
              change((c) => {
                const tactics = { ...c.meta.tactics };
                if (v === undefined || v === 0) delete tactics[tactic.id];
                else tactics[tactic.id] = v;
                c.meta.tactics = tactics;
              })
            }
          />
        ))}
        <NumberField
          label={t('studio.form.harm')}
          value={choice.meta.harm}
          path={`${base}/meta/harm`}
          min={0}
          max={3}
          onChange={(v) =>
            change((c) => {
              if (v === undefined || v === 0) delete c.meta.harm;
              else c.meta.harm = v;
            })
          }
        />
      </fieldset>
      <label className="studio-form-field">
        {t('studio.form.barrier')}{' '}
        <select
          value={choice.meta.barrier ?? ''}
          data-pointer={`${base}/meta/barrier`}
          onChange={(e) =>
            change((c) => {
              if (e.target.value) c.meta.barrier = e.target.value;
              else delete c.meta.barrier;
            })
          }
        >
          <option value="">{t('studio.form.none')}</option>
          {BARRIERS.map((barrier) => (
            <option key={barrier.id} value={barrier.id}>
              {localize(barrier.name, ui, 'en')}
            </option>
          ))}
        </select>
      </label>
      <Condition
        guard={choice.guard}
        variables={variables}
        path={`${base}/guard`}
        onChange={(guard) =>
          change((c) => {
            if (guard) c.guard = guard;
            else delete c.guard;
          })
        }
      />
      <fieldset className="studio-form-effects" data-pointer={`${base}/actions`}>
        <legend>{t('studio.form.effects')}</legend>
        {actions.map((action, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an effect's place in the list is its identity.
          <div className="studio-form-row" key={index}>
            <Effect
              action={action}
              variables={variables}
              number={index + 1}
              path={`${base}/actions`}
              onChange={(next) => setActions(actions.map((a, i) => (i === index ? next : a)))}
            />
            <button type="button" onClick={() => setActions(actions.filter((_, i) => i !== index))}>
              {t('studio.form.removeEffect', { number: index + 1 })}
            </button>
          </div>
        ))}
        {variables.length > 0 ? (
          <button
            type="button"
            onClick={() => setActions([...actions, { type: 'add', params: { var: variables[0], by: 1 } }])}
          >
            {t('studio.form.addEffect')}
          </button>
        ) : (
          <p className="hint">{t('studio.form.noVariables')}</p>
        )}
      </fieldset>
      <button
        type="button"
        onClick={() => {
          // A choice holds an author's writing: removing it asks first.
          if (!window.confirm(t('studio.form.confirmRemoveChoice'))) return;
          edit((s) => removeChoice(s.states[stateKey], choiceRef));
        }}
      >
        {timed ? t('studio.form.removeTimed') : t('studio.form.removeChoice', { number })}
      </button>
    </fieldset>
  );
}

/** "Leads to": a scene or ending picked by what it is; a target that names no state shows as it is. */
function TargetSelect({
  scenario,
  target,
  path,
  main,
  onChange,
}: {
  scenario: EditableScenario;
  target: string | undefined;
  path: string;
  main: LanguageTag;
  onChange: (target: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="studio-form-row">
      <label>
        {t('studio.form.leadsTo')}{' '}
        <select value={target ?? ''} data-pointer={path} onChange={(e) => onChange(e.target.value)}>
          {target !== undefined && !(target in scenario.states) && <option value={target}>{target}</option>}
          {Object.keys(scenario.states).map((key) => (
            <option key={key} value={key}>
              {stateOption(t, scenario, key, main)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

type EditableRoute = Extract<NonNullable<EditableState['always']>, readonly unknown[]>[number];

/**
 * A state that sends the story on by conditions, without asking the learner: its routes in order,
 * each "Taken only if [trust] [is at least] [2]" or always, and where it leads. The first that holds is taken.
 */
function Routes({
  scenario,
  stateKey,
  languages,
  edit,
}: {
  scenario: EditableScenario;
  stateKey: string;
  languages: LanguageTag[];
  edit: Edit;
}) {
  const { t } = useT();
  const always = scenario.states[stateKey].always;
  const routes = always === undefined ? [] : Array.isArray(always) ? always : [always];
  const variables = Object.keys(scenario.context ?? {});
  const base = pointer('states', stateKey, 'always');
  const at = (index: number) => (Array.isArray(always) ? `${base}/${index}` : base);
  const change = (apply: (routes: EditableRoute[]) => void) =>
    edit((s) => {
      const state = s.states[stateKey];
      const list = state.always === undefined ? [] : Array.isArray(state.always) ? state.always : [state.always];
      apply(list);
      state.always = list;
    });
  return (
    <fieldset className="studio-form-choices" data-pointer={base}>
      <legend>{t('studio.form.routes')}</legend>
      <p className="hint">{t('studio.form.router')}</p>
      {routes.map((route, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a route is known by its place, which decides it.
        <fieldset className="studio-form-choice" key={index} data-pointer={at(index)}>
          <legend>{t('studio.form.route', { number: index + 1 })}</legend>
          <Condition
            guard={route.guard}
            variables={variables}
            path={`${at(index)}/guard`}
            label={t('studio.form.taken')}
            onChange={(guard) =>
              change((list) => {
                if (guard) list[index].guard = guard;
                else delete list[index].guard;
              })
            }
          />
          <TargetSelect
            scenario={scenario}
            target={route.target}
            path={`${at(index)}/target`}
            main={languages[0]}
            onChange={(target) =>
              change((list) => {
                list[index].target = target;
              })
            }
          />
          {routes.length > 1 && (
            <button type="button" onClick={() => change((list) => void list.splice(index, 1))}>
              {t('studio.form.removeRoute', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="studio-form-row">
        <button
          type="button"
          onClick={() => change((list) => void list.push({ target: routes.at(-1)?.target ?? stateKey }))}
        >
          {t('studio.form.addRoute')}
        </button>
      </div>
    </fieldset>
  );
}

/** "Offered only if [trust] [is at least] [2]", or always offered. */
function Condition({
  guard,
  variables,
  path,
  label,
  onChange,
}: {
  guard: GuardRef | undefined;
  variables: readonly string[];
  path: string;
  /** What the condition is about: "Offered" for a choice, "Taken" for a route. */
  label?: string;
  onChange: (guard: GuardRef | undefined) => void;
}) {
  const { t } = useT();
  if (!variables.length && !guard) return null;
  const names = guard && !variables.includes(guard.params.var) ? [guard.params.var, ...variables] : variables;
  return (
    <fieldset className="studio-form-row studio-form-inline">
      <legend className="visually-hidden">{t('studio.form.condition')}</legend>
      <label>
        {label ?? t('studio.form.offered')}{' '}
        <select
          value={guard?.params.var ?? ''}
          data-pointer={path}
          onChange={(e) =>
            onChange(
              e.target.value
                ? {
                    type: guard?.type ?? 'atLeast',
                    params: { var: e.target.value, value: Number(guard?.params.value ?? 1) },
                  }
                : undefined,
            )
          }
        >
          <option value="">{t('studio.form.always')}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {t('studio.form.onlyIf', { name })}
            </option>
          ))}
        </select>
      </label>
      {guard && (
        <>
          <label>
            <span className="visually-hidden">{t('studio.form.comparison')}</span>
            <select
              value={guard.type}
              onChange={(e) => {
                const type = e.target.value as GuardRef['type'];
                onChange(
                  type === 'equals'
                    ? { type, params: guard.params }
                    : { type, params: { var: guard.params.var, value: Number(guard.params.value) || 0 } },
                );
              }}
            >
              <option value="atLeast">{t('studio.form.atLeast')}</option>
              <option value="atMost">{t('studio.form.atMost')}</option>
              <option value="equals">{t('studio.form.equals')}</option>
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('studio.form.value')}</span>
            <input
              type="text"
              value={String(guard.params.value)}
              onChange={(e) => {
                const value = typedValue(e.target.value);
                onChange(
                  guard.type === 'equals'
                    ? { type: 'equals', params: { var: guard.params.var, value } }
                    : { type: guard.type, params: { var: guard.params.var, value: value as number } },
                );
              }}
            />
          </label>
        </>
      )}
    </fieldset>
  );
}

/** "[Add] [1] [to trust]" or "[Set] [reported] [to true]". */
function Effect({
  action,
  variables,
  number,
  path,
  onChange,
}: {
  action: ActionRef;
  variables: readonly string[];
  number: number;
  path: string;
  onChange: (action: ActionRef) => void;
}) {
  const { t } = useT();
  const names = variables.includes(action.params.var) ? variables : [action.params.var, ...variables];
  const amount = action.type === 'add' ? action.params.by : action.params.value;
  const variableField = (
    <label>
      <span className="visually-hidden">{t('studio.form.variable')}</span>
      <select
        value={action.params.var}
        onChange={(e) =>
          onChange(
            action.type === 'add'
              ? { type: 'add', params: { var: e.target.value, by: action.params.by } }
              : { type: 'set', params: { var: e.target.value, value: action.params.value } },
          )
        }
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {action.type === 'add' ? t('studio.form.toVariable', { name }) : name}
          </option>
        ))}
      </select>
    </label>
  );
  const amountField = (
    <label>
      <span className="visually-hidden">
        {action.type === 'add' ? t('studio.form.amount') : t('studio.form.value')}
      </span>
      <input
        type="text"
        value={String(amount)}
        onChange={(e) => {
          const value = typedValue(e.target.value);
          onChange(
            action.type === 'add'
              ? { type: 'add', params: { var: action.params.var, by: value as number } }
              : { type: 'set', params: { var: action.params.var, value } },
          );
        }}
      />
    </label>
  );
  return (
    <fieldset className="studio-form-row studio-form-inline">
      <legend className="visually-hidden">{t('studio.form.effect', { number })}</legend>
      <label>
        <span className="visually-hidden">{t('studio.form.effectKind')}</span>
        <select
          value={action.type}
          data-pointer={path}
          onChange={(e) =>
            onChange(
              e.target.value === 'add'
                ? { type: 'add', params: { var: action.params.var, by: Number(amount) || 1 } }
                : { type: 'set', params: { var: action.params.var, value: amount } },
            )
          }
        >
          <option value="add">{t('studio.form.add')}</option>
          <option value="set">{t('studio.form.set')}</option>
        </select>
      </label>
      {/* Read as said: "Add 1 to trust", "Set reported true". */}
      {action.type === 'add' ? (
        <>
          {amountField}
          {variableField}
        </>
      ) : (
        <>
          {variableField}
          {amountField}
        </>
      )}
    </fieldset>
  );
}

/** The field whose JSON Pointer is the longest prefix of `path`, in the language the path names if any. */
function nearestField(root: HTMLElement, path: string): HTMLElement | undefined {
  const fields = [...root.querySelectorAll<HTMLElement>('[data-pointer]')].filter((el) => {
    const at = el.dataset.pointer ?? '';
    return path === at || path.startsWith(`${at}/`);
  });
  if (!fields.length) return undefined;
  const longest = Math.max(...fields.map((el) => (el.dataset.pointer ?? '').length));
  const best = fields.filter((el) => (el.dataset.pointer ?? '').length === longest);
  const segments = pointerSegments(path);
  const inLanguage = best.find((el) => el.dataset.language && segments.includes(el.dataset.language));
  const chosen = inLanguage ?? best[0];
  // A fieldset is not focusable: its first field is.
  return chosen.matches('input, select, textarea, button')
    ? chosen
    : (chosen.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined);
}

/** Where a problem is in the form's own words ("In the form: Scene “lunch” › Choice 2 › Leads to"); nothing where the form has no place for it. */
export function PlaceInForm({ scenario, path }: { scenario: EditableScenario; path: string }) {
  const { t } = useT();
  const place = formPlace(scenario, path);
  if (!place) return null;
  const { part, choice, route, field } = place;
  const steps = [
    part === 'details'
      ? t('studio.form.placeDetails')
      : part === 'variables' || part === 'cast'
        ? t(`studio.form.${part}`)
        : t(part.ending ? 'studio.form.placeEnding' : 'studio.form.placeScene', { key: part.scene }),
    choice === 'timed' ? t('studio.form.timedChoice') : choice ? t('studio.form.choice', { number: choice }) : '',
    route ? t('studio.form.route', { number: route }) : '',
    field ? t(`studio.form.${field}`) : '',
  ].filter(Boolean);
  return <span className="studio-problem-place">{t('studio.form.inForm', { place: steps.join(' › ') })}</span>;
}
