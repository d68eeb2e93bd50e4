import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choicesFor } from '../../src/engine/choices.ts';
import { loadScenarioValue } from '../../src/engine/load-scenario.ts';
import { choose, runScore, startRun } from '../../src/engine/run-state.ts';
import { scorePercent } from '../../src/engine/score.ts';
import { moduleResult } from '../../src/lms/module-progress.ts';
import { checkExportRequest, ExportError } from '../../src/lms/package-module.ts';
import { ARTIFACTS, axeViolations, newPage, press, sharedChromium } from '../support/browser.ts';
import {
  type LmsOptions,
  lmsPage,
  manifestValues,
  runExport,
  shownModuleResult,
  startLmsHarness,
  unzipTo,
  updatedPackage,
} from '../support/lms-harness.ts';
import { loadRealScenario } from '../support/scenario-files.ts';
import { scormViolations } from '../support/scorm-limits.ts';

const SCENARIOS = ['hand-on-the-back', 'crowded-train'];
const PASS = 70;
const out = mkdtempSync(join(tmpdir(), 'upstander-exports-'));
const zip = (format: string) => join(out, `${format}.zip`);
const browser = sharedChromium();

beforeAll(async () => {
  // The packages under test are built by the command an author runs.
  for (const format of ['scorm12', 'scorm2004']) {
    expect(
      runExport(['--format', format, '--scenarios', SCENARIOS.join(','), '--pass', String(PASS), '--out', zip(format)]),
    ).toMatch(new RegExp(`^Wrote .*${format}\\.zip: ${format}, 2 scenario\\(s\\), pass mark 70%`));
  }
  // The same module with each other skip rule, and another module (its saves are not this one's).
  for (const format of ['scorm12', 'scorm2004']) {
    for (const skip of ['failed', 'incomplete'])
      runExport([
        '--format',
        format,
        '--scenarios',
        SCENARIOS.join(','),
        '--pass',
        String(PASS),
        '--skip',
        skip,
        '--out',
        zip(`${format}-skip-${skip}`),
      ]);
    runExport([
      '--format',
      format,
      '--scenarios',
      'crowded-train',
      '--pass',
      String(PASS),
      '--out',
      zip(`${format}-other`),
    ]);
  }
  // Six builds, one after another: room for a loaded machine.
}, 900_000);

/** What a learner who always takes the first choice on offer should be reported: per scenario, choices and score. */
function firstChoicePlay() {
  const plays = SCENARIOS.map((id) => {
    const { machine, analysis } = loadRealScenario(id);
    let run = startRun(machine);
    while (run.snapshot.status !== 'done') {
      const next = choose(machine, run, choicesFor(machine, run.snapshot)[0].event);
      if (!next.ok) throw new Error(next.error);
      run = next.run;
    }
    const percent = scorePercent(
      runScore(run).total,
      analysis.best?.score.total ?? 0,
      analysis.worst?.score.total ?? 0,
    );
    return { choices: run.steps.map((s) => s.event), percent };
  });
  return {
    plays,
    ...moduleResult(
      plays.map((p) => p.percent),
      SCENARIOS.length,
      PASS,
    ),
  };
}

/** Validates a manifest with xmllint against the official schemas it names (all namespaces at once), offline. */
function validate(dir: string, schemas: readonly string[], file: string): { valid: boolean; output: string } {
  const imports = schemas
    .map((w) => w.split(' '))
    .map(([ns, loc]) => `<xs:import namespace="${ns}" schemaLocation="${loc}"/>`);
  writeFileSync(
    join(dir, 'all-schemas.xsd'),
    `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports.join('\n')}\n</xs:schema>\n`,
  );
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'all-schemas.xsd', file], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
  // The official ims_xml.xsd draws a warning of its own on load; only the verdict and the manifest's errors matter.
  const output = run.stderr
    .split('\n')
    .filter((line) => line.startsWith(file))
    .join('\n');
  return { valid: run.status === 0, output: `${output}\n` };
}

describe('npm run export', () => {
  it('refuses a bad request with every problem named, and writes nothing', () => {
    const target = join(out, 'never.zip');
    let message = '';
    try {
      runExport(['--format', 'scorm3', '--scenarios', 'no-such-scenario', '--pass', '170', '--out', target]);
    } catch (error) {
      message = String((error as { stderr?: string }).stderr);
    }
    expect(message).toContain('--format must be one of scorm12, scorm2004, cmi5; got "scorm3".');
    expect(message).toContain('There is no scenario "no-such-scenario"');
    expect(message).toContain('--pass must be a whole number from 0 to 100; got "170".');
    expect(existsSync(target)).toBe(false);
    expect(() =>
      checkExportRequest({ format: 'cmi5', scenarios: 'hand-on-the-back', pass: '70', out: '/no/such/folder/m.zip' }),
    ).toThrow(
      'Cannot save the module as /no/such/folder/m.zip: the folder /no/such/folder does not exist. Create it first, or choose another folder.',
    );
    // An invalid scenario is named with how to see its problems.
    const dir = mkdtempSync(join(tmpdir(), 'upstander-broken-'));
    writeFileSync(join(dir, 'broken.json'), '{"id": "broken"');
    expect(() =>
      checkExportRequest({ format: 'cmi5', scenarios: 'broken', pass: '70', out: join(out, 'b.zip') }, dir),
    ).toThrow(
      new ExportError(
        `The scenario "broken" has problems: npm run scenarios:check -- ${join(dir, 'broken.json')} lists them.`,
      ),
    );
  });
});

describe.each([
  {
    format: 'scorm12',
    wrapper: [
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
    ],
  },
  {
    format: 'scorm2004',
    wrapper: [
      'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
    ],
  },
])('the $format package', ({ format, wrapper }) => {
  it('validates against the official schemas with xmllint, and passes the checks the schemas miss', () => {
    const { dir } = unzipTo(zip(format));
    const result = validate(dir, wrapper, 'imsmanifest.xml');
    expect(result).toEqual({ valid: true, output: 'imsmanifest.xml validates\n' });
    const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
    if (format === 'scorm12') {
      expect(manifest).toContain('adlcp:scormtype="sco"');
      expect(manifest).not.toContain('scormType');
      expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
      expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    } else {
      expect(manifest).toContain('adlcp:scormType="sco"');
      expect(manifest).not.toContain('scormtype');
      expect(manifest).toContain(
        '<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
      );
      expect(manifest).toMatch(
        /<imsss:primaryObjective objectiveID="[^"]+" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.7<\/imsss:minNormalizedMeasure>/,
      );
      expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    }
  });

  it('a broken manifest fails the same validation (the check can fail)', () => {
    const { dir } = unzipTo(zip(format));
    const broken = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8').replace(/(scorm[tT]ype)="sco"/, '$1="lesson"');
    writeFileSync(join(dir, 'broken.xml'), broken);
    const result = validate(dir, wrapper, 'broken.xml');
    expect(result.valid).toBe(false);
    expect(result.output).toContain("The value 'lesson' is not an element of the set");
  });
});

// In a browser, inside a stand-in LMS ----------------------------------------------------------------

const sco = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/pkg/index.html'));
  if (!frame) throw new Error('The package is not loaded');
  return frame;
};

/** Plays on, taking the first choice each time, until the scenario's end (or until the scene after `choices` choices). */
async function playOn(frame: Frame, choices = Number.POSITIVE_INFINITY, words = WORDS.en) {
  let made = 0;
  for (;;) {
    const next = frame
      .locator(
        `button:text-is("${words.next}"), button:text-is("${words.finish}"), button:text-is("${words.go}"), .choice`,
      )
      .first();
    await next.waitFor();
    const text = (await next.textContent()) ?? '';
    if (text === words.next || text === words.finish) return;
    if (text === words.go) {
      await press(next);
      continue;
    }
    if (made === choices) return;
    await press(next);
    made += 1;
  }
}

/** The buttons playOn clicks, in each interface language. */
const WORDS = {
  en: { next: 'Next scenario', finish: 'Finish the module', go: 'Continue' },
  es: { next: 'Siguiente escenario', finish: 'Terminar el módulo', go: 'Continuar' },
};

/** The last value the package set for each element: what an LMS would store. */
async function stored(page: Page): Promise<Record<string, string>> {
  const calls = (await page.evaluate('window.lmsCalls')) as [string, string][];
  return Object.fromEntries(calls);
}

describe.each(['scorm12', 'scorm2004'] as const)('the %s package in an LMS (scorm-again, Chromium)', (edition) => {
  it('is played to the end with completion, success, score and one interaction per choice; left mid-way, it resumes at the same scene', async () => {
    const expected = firstChoicePlay();
    const { dir } = unzipTo(zip(edition));
    const harness = await startLmsHarness(dir);
    const v12 = edition === 'scorm12';
    const el = {
      entry: v12 ? 'cmi.core.entry' : 'cmi.entry',
      location: v12 ? 'cmi.core.lesson_location' : 'cmi.location',
      exit: v12 ? 'cmi.core.exit' : 'cmi.exit',
      raw: v12 ? 'cmi.core.score.raw' : 'cmi.score.raw',
      response: v12 ? 'student_response' : 'learner_response',
    };
    try {
      // First attempt: the first scenario, then one choice into the second; then the learner leaves.
      const first = await newPage(browser());
      const refused: string[] = [];
      const listen = (page: Page) => page.on('console', (m) => m.text().includes('refused') && refused.push(m.text()));
      listen(first);
      // What the LMS loads from the manifest, for every launch.
      const manifest = manifestValues(edition, readFileSync(join(dir, 'imsmanifest.xml'), 'utf8'));
      await first.addInitScript(`window.__LMS_DATA__ = ${JSON.stringify({ ...manifest, [el.entry]: 'ab-initio' })};`);
      await first.goto(`${harness.base}/harness.html?edition=${edition}`);
      await sco(first).getByRole('button', { name: 'Continue' }).waitFor();
      expect(await sco(first).getByText('No learning system was found').count()).toBe(0);
      // Opened is begun: on the content note, before any choice, the LMS already holds incomplete.
      await expect
        .poll(async () => {
          const now = await stored(first);
          return v12 ? now['cmi.core.lesson_status'] : now['cmi.completion_status'];
        })
        .toBe('incomplete');
      await first.screenshot({ path: `${ARTIFACTS}/lms-${edition}.png` });
      expect(await sco(first).getByRole('link', { name: 'Choose another' }).count()).toBe(0);
      await playOn(sco(first));
      await sco(first).getByRole('button', { name: 'Next scenario' }).click();
      // One choice, its feedback, and on to the next scene.
      await playOn(sco(first), 1);
      const sceneWhenLeft = await sco(first).locator('.narrative').textContent();
      const commits = (await first.evaluate('window.lmsCommits')) as number;
      expect(commits).toBeGreaterThanOrEqual(expected.plays[0].choices.length + 1);
      await first.evaluate("document.getElementById('sco').remove()");
      await first.waitForFunction('window.lmsFinished === true');
      const afterFirst = await stored(first);
      expect(afterFirst[el.exit]).toBe('suspend');
      expect(v12 ? afterFirst['cmi.core.lesson_status'] : afterFirst['cmi.completion_status']).toBe('incomplete');
      expect(afterFirst['cmi.suspend_data']).toBeTruthy();
      const firstCalls = (await first.evaluate('window.lmsCalls')) as [string, string][];

      // Relaunch with what the LMS stored, as it does for a suspended attempt.
      const interactions = Object.fromEntries(
        Object.entries(afterFirst).filter(([k]) => k.startsWith('cmi.interactions.')),
      );
      const data = {
        ...manifest,
        [el.entry]: 'resume',
        'cmi.suspend_data': afterFirst['cmi.suspend_data'],
        [el.location]: afterFirst[el.location],
        ...interactions,
      };
      const second = await newPage(browser());
      listen(second);
      await second.addInitScript(`window.__LMS_DATA__ = ${JSON.stringify(data)};`);
      await second.goto(`${harness.base}/harness.html?edition=${edition}`);
      await sco(second).locator('.narrative').waitFor();
      expect(await sco(second).locator('.narrative').textContent()).toBe(sceneWhenLeft);
      await playOn(sco(second));
      await sco(second).getByRole('button', { name: 'Finish the module' }).click();
      await sco(second).getByRole('heading', { name: 'Module complete' }).waitFor();
      // Not a dead end: the learner is told the result is recorded and that the window can be closed.
      await sco(second)
        .getByText(
          'Your learning system has recorded your result. You can close this window now, or go back to your learning system.',
        )
        .waitFor();
      await second.waitForFunction('window.lmsFinished === true');
      const final = await stored(second);
      const secondCalls = (await second.evaluate('window.lmsCalls')) as [string, string][];

      // Completion, success and score.
      expect(final[el.raw]).toBe(String(expected.score));
      expect(await sco(second).getByText(`Your score: ${expected.score} out of 100.`, { exact: false }).count()).toBe(
        1,
      );
      if (v12) {
        expect(final['cmi.core.lesson_status']).toBe(expected.passed ? 'passed' : 'failed');
        expect(final['cmi.core.exit']).toBe('');
      } else {
        expect(final['cmi.completion_status']).toBe('completed');
        expect(final['cmi.success_status']).toBe(expected.passed ? 'passed' : 'failed');
        expect(final['cmi.score.scaled']).toBe(String((expected.score as number) / 100));
        expect(final['cmi.exit']).toBe('normal');
        expect(final['cmi.session_time']).toMatch(/^PT/);
      }
      // One interaction per choice, across both attempts, in order.
      const all = { ...interactions, ...final };
      const choices = expected.plays.flatMap((p, s) =>
        p.choices.map((c, i) => ({ id: `${SCENARIOS[s]}.${i + 1}`, response: c })),
      );
      for (const [i, c] of choices.entries()) {
        expect(all[`cmi.interactions.${i}.id`]).toBe(c.id);
        // SCORM 1.2's choice response is single characters; its performance type takes the choice's name.
        expect(all[`cmi.interactions.${i}.type`]).toBe(v12 ? 'performance' : 'choice');
        expect(all[`cmi.interactions.${i}.${el.response}`]).toBe(c.response.replace(/[^A-Za-z0-9_.:-]/g, '_'));
        expect(all[`cmi.interactions.${i}.result`]).toMatch(
          v12 ? /^(correct|wrong|neutral)$/ : /^(correct|incorrect|neutral)$/,
        );
        expect(all[`cmi.interactions.${i}.${v12 ? 'time' : 'timestamp'}`]).toBeTruthy();
        if (!v12) expect(all[`cmi.interactions.${i}.description`]).toBeTruthy();
      }
      expect(all[`cmi.interactions.${choices.length}.id`]).toBeUndefined();
      // Every value written, in both attempts, within the standard's own limits.
      expect(scormViolations(edition, [...firstCalls, ...secondCalls])).toEqual([]);
      // And the LMS refused none of them (SCORM 1.2's interaction formats applied as a strict LMS does).
      expect(refused).toEqual([]);
      if (v12) expect(await second.evaluate('window.lmsRefusedValues')).toEqual([]);
    } finally {
      await harness.close();
    }
  }, 120_000);
});

describe('without an LMS', () => {
  it('plays normally and says that progress is not being recorded', async () => {
    const { dir } = unzipTo(zip('scorm12'));
    const harness = await startLmsHarness(dir);
    try {
      const page = await newPage(browser());
      await page.goto(`${harness.base}/pkg/index.html`);
      await page
        .getByText('No learning system was found: you can play, but your progress is not being recorded.')
        .waitFor();
      // Without --title, each scenario is headed by its own title.
      await page.getByText('The hand on the back: scenario 1 of 2').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.choice').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

// What the LMS records, with every manifest value loaded as an LMS loads it ---------------------------

type Edition = 'scorm12' | 'scorm2004';
type Stored = Record<string, string>;

const ELEMENTS = {
  scorm12: { entry: 'cmi.core.entry', credit: 'cmi.core.credit', mode: 'cmi.core.lesson_mode', exit: 'cmi.core.exit' },
  scorm2004: { entry: 'cmi.entry', credit: 'cmi.credit', mode: 'cmi.mode', exit: 'cmi.exit' },
} as const;

/** What the LMS holds, in the terms an HR report uses: completion, success and the 0–100 score. */
function verdict(edition: Edition, stored: Stored) {
  const value = (key: string) => (stored[key] === undefined || stored[key] === '' ? undefined : stored[key]);
  if (edition === 'scorm12') {
    const status = value('cmi.core.lesson_status');
    const raw = value('cmi.core.score.raw');
    return {
      completion: status && ['passed', 'failed', 'completed'].includes(status) ? 'completed' : status,
      success: status === 'passed' || status === 'failed' ? status : 'unknown',
      score: raw === undefined ? undefined : Number(raw),
    };
  }
  const scaled = value('cmi.score.scaled');
  return {
    completion: value('cmi.completion_status'),
    success: value('cmi.success_status') ?? 'unknown',
    score: scaled === undefined ? undefined : Math.round(Number(scaled) * 100),
  };
}

/** What the LMS holds after a completed attempt, in the edition's elements. */
function heldData(edition: Edition, success: 'passed' | 'failed' | 'unknown', score?: number): Stored {
  if (edition === 'scorm12')
    return {
      'cmi.core.lesson_status': success === 'unknown' ? 'completed' : success,
      ...(score === undefined ? {} : { 'cmi.core.score.raw': String(score) }),
    };
  return {
    'cmi.completion_status': 'completed',
    'cmi.success_status': success,
    ...(score === undefined ? {} : { 'cmi.score.scaled': String(score / 100), 'cmi.score.raw': String(score) }),
  };
}

const STATUS_ELEMENTS = /status|score|progress_measure|^cmi\.interactions\./;
const TIMERS_OFF = `localStorage.setItem('upstander:v1:settings', JSON.stringify({ timers: 'off', language: 'en' }));`;

/** A launch by the stand-in LMS with these data, and what the page logs. */
async function launch(base: string, edition: Edition, data: Stored, options: LmsOptions = {}, init = '') {
  const page = await newPage(browser());
  const log: string[] = [];
  page.on('console', (m) => log.push(m.text()));
  await page.addInitScript(`window.__LMS_DATA__ = ${JSON.stringify(data)};${init}`);
  await page.goto(lmsPage(base, edition, options));
  return { page, log };
}

/** The learner closes the window: the course's page goes away; returns what the LMS keeps. */
async function leave(page: Page, host: Page = page): Promise<Stored> {
  await host.evaluate("document.getElementById('sco').remove()");
  await page.waitForFunction('window.lmsFinished === true');
  return (await page.evaluate('window.lmsStored')) as Stored;
}

/** Plays every scenario, taking the first choice each time, up to the last ending (Finish not clicked). */
async function playModule(frame: Frame) {
  for (;;) {
    await playOn(frame);
    const next = frame.getByRole('button', { name: 'Next scenario' });
    if (!(await next.count())) return;
    await next.click();
  }
}

const label = (text: unknown) => (typeof text === 'string' ? text : (text as { en: string }).en);

describe.each(['scorm12', 'scorm2004'] as const)('the %s package, as an LMS records it', (edition) => {
  let dir = '';
  let harness: Awaited<ReturnType<typeof startLmsHarness>>;
  let manifest: Stored = {};
  const el = ELEMENTS[edition];
  const fresh = () => ({ ...manifest, [el.entry]: 'ab-initio', [el.credit]: 'credit', [el.mode]: 'normal' });

  beforeAll(async () => {
    dir = unzipTo(zip(edition)).dir;
    harness = await startLmsHarness(dir);
    manifest = manifestValues(edition, readFileSync(join(dir, 'imsmanifest.xml'), 'utf8'));
    // The pass mark is in the manifest, and the LMS loads it.
    if (edition === 'scorm12') expect(manifest['cmi.student_data.mastery_score']).toBe(String(PASS));
    else expect(Number(manifest['cmi.scaled_passing_score'])).toBe(PASS / 100);
  });
  afterAll(() => harness?.close());

  it('left after the first scenario: neither passed nor failed, whatever that scenario scored; the share done moves with each decision', async () => {
    const { page } = await launch(harness.base, edition, fresh());
    await playOn(sco(page));
    await sco(page).getByRole('button', { name: 'Next scenario' }).click();
    await playOn(sco(page), 1);
    const stored = await leave(page);
    expect(verdict(edition, stored)).toEqual({ completion: 'incomplete', success: 'unknown', score: undefined });
    const calls = (await page.evaluate('window.lmsCalls')) as [string, string][];
    expect(calls.filter(([e]) => /score|success_status/.test(e))).toEqual([]);
    if (edition === 'scorm2004') {
      const measures = calls.filter(([e]) => e === 'cmi.progress_measure').map(([, v]) => Number(v));
      const distinct = [...new Set(measures)];
      expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
      expect(distinct.length).toBeGreaterThanOrEqual(firstChoicePlay().plays[0].choices.length + 1);
      expect(Math.max(...distinct)).toBeLessThan(1);
    }
    expect(scormViolations(edition, calls)).toEqual([]);
  }, 90_000);

  it('closed at the last ending: completed, passed or failed, with the score the learner was shown; no Finish click needed', async () => {
    const expected = firstChoicePlay();
    const { page } = await launch(harness.base, edition, fresh());
    await playModule(sco(page));
    // The debrief speaks the LMS's language: the scenario's 0–100 score.
    await sco(page).getByText(`${expected.plays[1].percent} out of 100`, { exact: true }).waitFor();
    await sco(page).getByRole('button', { name: 'Finish the module' }).waitFor();
    // On that same screen, before any Finish click: the module's score and verdict, as the LMS records them.
    const shown = await shownModuleResult(sco(page));
    expect(await sco(page).getByText('records the same figure', { exact: false }).count()).toBe(0);
    const stored = await leave(page);
    expect(verdict(edition, stored)).toEqual({
      completion: 'completed',
      success: shown.passed ? 'passed' : 'failed',
      score: shown.score,
    });
    expect(stored[edition === 'scorm12' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe(String(shown.score));
    expect(shown).toEqual({ score: expected.score, pass: PASS, passed: expected.passed });
    if (edition === 'scorm2004') expect(stored['cmi.progress_measure']).toBe('1');
  }, 90_000);

  it('relaunched after a passed, failed or completed attempt: shows the result and never lowers it', async () => {
    const expected = firstChoicePlay();
    for (const [success, score] of [
      ['passed', 95],
      ['failed', 20],
      ['unknown', undefined],
    ] as const) {
      const { page } = await launch(harness.base, edition, {
        ...manifest,
        [el.entry]: edition === 'scorm12' ? '' : 'ab-initio',
        ...heldData(edition, success, score),
      });
      await sco(page).getByRole('heading', { name: 'You have completed this module' }).waitFor();
      if (success === 'passed') expect(await axeViolations(page)).toEqual([]);
      if (score !== undefined)
        expect(await sco(page).getByText(`Your score: ${score} out of 100.`, { exact: false }).count()).toBe(1);
      await sco(page).getByRole('button', { name: 'Play the module again' }).click();
      await playModule(sco(page));
      await sco(page).getByRole('button', { name: 'Finish the module' }).click();
      await page.waitForFunction('window.lmsFinished === true');
      // Practice after completion: no interactions, so none mix with the attempt that counted.
      const calls = (await page.evaluate('window.lmsCalls')) as [string, string][];
      expect(calls.filter(([e]) => e.startsWith('cmi.interactions.'))).toEqual([]);
      const held = verdict(edition, (await page.evaluate('window.lmsStored')) as Stored);
      const replay = { success: expected.passed ? 'passed' : 'failed', score: expected.score as number };
      if (success === 'passed') expect(held).toEqual({ completion: 'completed', success: 'passed', score: 95 });
      if (success === 'failed')
        expect(held).toEqual({
          completion: 'completed',
          success: replay.score > 20 ? replay.success : 'failed',
          score: Math.max(20, replay.score),
        });
      if (success === 'unknown')
        expect(held).toEqual(
          replay.success === 'passed'
            ? { completion: 'completed', ...replay }
            : { completion: 'completed', success: 'unknown', score: undefined },
        );
    }
  }, 240_000);

  it("opens in the learner's language preference the LMS holds", async () => {
    const element = edition === 'scorm12' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language';
    const { page } = await launch(harness.base, edition, { ...fresh(), [element]: 'es' });
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.readyState === 'complete');
    await sco(page).getByRole('button', { name: 'Continuar' }).first().waitFor();
    expect(await sco(page).evaluate(() => document.documentElement.lang)).toBe('es');
    // The header too: the scenario's own title in Spanish, not the module's default title in English.
    expect(await sco(page).locator('.module-progress').textContent()).toBe('La mano en la espalda: escenario 1 de 2');
    // Played to the end and finished: the last page says the result is recorded and the window can be closed.
    await playOn(sco(page), Number.POSITIVE_INFINITY, WORDS.es);
    await sco(page).getByRole('button', { name: WORDS.es.next }).click();
    await playOn(sco(page), Number.POSITIVE_INFINITY, WORDS.es);
    await sco(page).getByRole('button', { name: WORDS.es.finish }).click();
    await sco(page)
      .getByText(
        'Tu plataforma de formación ha registrado tu resultado. Ya puedes cerrar esta ventana o volver a tu plataforma de formación.',
      )
      .waitFor();
    await page.close();
  }, 120_000);

  it('in review or browse mode, or without credit, writes nothing that counts', async () => {
    for (const launchAs of [{ [el.mode]: 'review' }, { [el.mode]: 'browse' }, { [el.credit]: 'no-credit' }]) {
      const { page } = await launch(harness.base, edition, { ...fresh(), ...launchAs });
      await playOn(sco(page));
      if (launchAs[el.mode])
        expect(
          await sco(page)
            .getByText(/nothing you do here is recorded/)
            .count(),
        ).toBe(1);
      await sco(page).getByRole('button', { name: 'Next scenario' }).click();
      await leave(page);
      const calls = (await page.evaluate('window.lmsCalls')) as [string, string][];
      expect(calls.filter(([e]) => STATUS_ELEMENTS.test(e))).toEqual([]);
    }
  }, 120_000);

  it('resumes from its suspend data even when the LMS says ab-initio, but not from another module’s', async () => {
    const first = await launch(harness.base, edition, fresh());
    await playOn(sco(first.page), 1);
    const scene = await sco(first.page).locator('.narrative').textContent();
    const saved = await leave(first.page);
    expect(saved['cmi.suspend_data']).toBeTruthy();

    const again = await launch(harness.base, edition, { ...fresh(), 'cmi.suspend_data': saved['cmi.suspend_data'] });
    await sco(again.page).locator('.narrative').waitFor();
    expect(await sco(again.page).locator('.narrative').textContent()).toBe(scene);

    const other = await startLmsHarness(unzipTo(zip(`${edition}-other`)).dir);
    try {
      const elsewhere = await launch(other.base, edition, {
        ...fresh(),
        'cmi.suspend_data': saved['cmi.suspend_data'],
      });
      await sco(elsewhere.page)
        .getByText(/does not belong to this module/)
        .waitFor();
      await sco(elsewhere.page).getByRole('button', { name: 'Continue' }).waitFor();
      expect(await sco(elsewhere.page).getByText('Rush hour: scenario 1 of 1', { exact: false }).count()).toBe(1);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('after the package is updated: reordered choices resume on the same path, a removed choice restarts the scenario with a notice, a changed timer resumes', async () => {
    const expected = firstChoicePlay();
    const [id] = SCENARIOS;
    const { scenario } = loadRealScenario(id);
    const opening = scenario.states[scenario.initial as string];
    const [delay, timed] = Object.entries(opening.after ?? {})[0] ?? [];
    if (!timed) throw new Error(`${id} should open with a timed choice`);
    const taken = expected.plays[0].choices[0];

    // Session on v1: the first choice on offer (A), or the timed one (B), then the learner leaves.
    const sessionOnV1 = async (choice: 'first' | 'timed') => {
      const { page } = await launch(harness.base, edition, fresh(), {}, TIMERS_OFF);
      await sco(page).getByRole('button', { name: 'Continue' }).click();
      if (choice === 'first') await sco(page).locator('.choice').first().click();
      else
        await sco(page)
          .getByRole('button', { name: label((timed as { meta: { label: unknown } }).meta.label) })
          .click();
      await sco(page).getByRole('button', { name: 'Continue' }).click();
      const scene = await sco(page).locator('.narrative').textContent();
      return { scene, saved: await leave(page) };
    };
    const a = await sessionOnV1('first');
    const b = await sessionOnV1('timed');
    const relaunch = async (v2: { dir: string; scenario: Record<string, any> }, saved: Stored) => {
      expect(loadScenarioValue(v2.scenario).ok).toBe(true); // the checker passes the update
      const h = await startLmsHarness(v2.dir);
      const data = { ...fresh(), [el.entry]: 'resume', 'cmi.suspend_data': saved['cmi.suspend_data'] };
      return { h, ...(await launch(h.base, edition, data, {}, TIMERS_OFF)) };
    };

    // Reordered: the choice taken is now last on offer; the learner resumes where they were, credited with it.
    const reordered = await updatedPackage(dir, id, (s) => {
      const on = s.states[s.initial].on;
      s.states[s.initial].on = Object.fromEntries(Object.entries(on).reverse());
    });
    const r = await relaunch(reordered, a.saved);
    try {
      await sco(r.page).locator('.narrative').waitFor();
      expect(await sco(r.page).locator('.narrative').textContent()).toBe(a.scene);
      expect(
        await sco(r.page)
          .getByText(/no longer fits/)
          .count(),
      ).toBe(0);
      await playModule(sco(r.page));
      const stored = await leave(r.page);
      expect(verdict(edition, stored).score).toBe(expected.score);
    } finally {
      await r.h.close();
    }

    // The choice taken no longer exists: the learner is told, and the scenario starts again.
    const renamed = await updatedPackage(dir, id, (s) => {
      const on = s.states[s.initial].on;
      s.states[s.initial].on = Object.fromEntries(Object.entries(on).map(([k, v]) => [k === taken ? `${k}_V2` : k, v]));
    });
    const n = await relaunch(renamed, a.saved);
    try {
      await sco(n.page)
        .getByText(/no longer fits this scenario/)
        .waitFor();
      await sco(n.page).getByRole('button', { name: 'Continue' }).click();
      expect(await sco(n.page).locator('.choice').count()).toBe(Object.keys(opening.on ?? {}).length + 1);
      expect(await sco(n.page).locator('.narrative').textContent()).not.toBe(a.scene);
    } finally {
      await n.h.close();
    }

    // The timer's delay changed: waiting is still waiting.
    const retimed = await updatedPackage(dir, id, (s) => {
      const after = s.states[s.initial].after;
      s.states[s.initial].after = { [String(Number(delay) + 5000)]: after[delay as string] };
    });
    const t = await relaunch(retimed, b.saved);
    try {
      await sco(t.page).locator('.narrative').waitFor();
      expect(await sco(t.page).locator('.narrative').textContent()).toBe(b.scene);
      expect(
        await sco(t.page)
          .getByText(/no longer fits/)
          .count(),
      ).toBe(0);
    } finally {
      await t.h.close();
    }
  }, 240_000);

  it('keeps the learner’s progress when commits fail: a calm notice, retries with back-off, the LMS’s error logged', async () => {
    // The LMS's server stops answering: every commit is refused until the test says it is back.
    const { page, log } = await launch(harness.base, edition, fresh(), { failCommits: 1000 });
    await playOn(sco(page), 1);
    const notice = sco(page).getByRole('alert').filter({ hasText: 'Your progress may not be saved' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("don't close this window yet");
    expect(log.some((m) => /Commit refused: error 101 \(.+\): The LMS server did not answer/.test(m))).toBe(true);
    // The package tries again by itself, while the learner does nothing.
    const refused = (await page.evaluate('window.lmsRefusedCommits')) as number;
    await page.waitForFunction(`window.lmsRefusedCommits > ${refused}`, undefined, { timeout: 20_000 });
    // The server is back: the next retry goes through, and the notice goes away.
    await page.evaluate('window.lmsRefuse = 0');
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    const scene = await sco(page).locator('.narrative').textContent();
    const stored = await leave(page);
    const again = await launch(harness.base, edition, { ...fresh(), 'cmi.suspend_data': stored['cmi.suspend_data'] });
    await sco(again.page).locator('.narrative').waitFor();
    expect(await sco(again.page).locator('.narrative').textContent()).toBe(scene);
  }, 90_000);

  it('finds an API the LMS creates 1.5 s after the course starts', async () => {
    const { page } = await launch(harness.base, edition, fresh(), { apiDelay: 1500 });
    await sco(page).getByRole('button', { name: 'Continue' }).waitFor();
    await playOn(sco(page), 1);
    expect(await sco(page).getByText('No learning system was found', { exact: false }).count()).toBe(0);
    const stored = await leave(page);
    expect(stored['cmi.suspend_data']).toBeTruthy();
  }, 60_000);

  it('finds the API on top.opener when the LMS opens a popup player page that frames the course', async () => {
    const page = await newPage(browser());
    await page.addInitScript(`window.__LMS_DATA__ = ${JSON.stringify(fresh())};`);
    const opened = page.waitForEvent('popup');
    await page.goto(lmsPage(harness.base, edition, { popup: true }));
    const popup = await opened;
    const course = () => sco(popup);
    await popup.waitForLoadState();
    await course().getByRole('button', { name: 'Continue' }).waitFor();
    await playOn(course(), 1);
    expect(await course().getByText('No learning system was found', { exact: false }).count()).toBe(0);
    const stored = await leave(page, popup);
    expect(stored['cmi.suspend_data']).toBeTruthy();
    expect(verdict(edition, stored).completion).toBe('incomplete');
  }, 60_000);

  it.each([
    ['completion', { completion: 'completed', success: 'unknown', score: undefined }],
    ['failed', { completion: 'completed', success: 'failed', score: 0 }],
    ['incomplete', { completion: 'incomplete', success: 'unknown', score: undefined }],
  ] as const)(
    '--skip %s: skipping every scenario is recorded as the option says',
    async (rule, recorded) => {
      const h = await startLmsHarness(unzipTo(zip(rule === 'completion' ? edition : `${edition}-skip-${rule}`)).dir);
      try {
        const { page } = await launch(h.base, edition, fresh());
        await sco(page).getByRole('button', { name: 'Skip this one' }).click();
        await sco(page).getByRole('button', { name: 'Next scenario' }).click();
        await sco(page).getByRole('button', { name: 'Skip this one' }).click();
        await sco(page).getByRole('button', { name: 'Finish the module' }).click();
        if (rule === 'incomplete') {
          await sco(page).getByRole('heading', { name: 'Not complete yet' }).waitFor();
          expect(await sco(page).getByRole('button', { name: 'Play the skipped scenarios' }).count()).toBe(1);
          await sco(page).getByRole('button', { name: 'Leave for now' }).click();
        }
        await page.waitForFunction('window.lmsFinished === true');
        expect(verdict(edition, (await page.evaluate('window.lmsStored')) as Stored)).toEqual(recorded);
      } finally {
        await h.close();
      }
    },
    60_000,
  );
});
