import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { choicesFor } from '../../src/engine/choices.ts';
import { choose, runScore, startRun } from '../../src/engine/run-state.ts';
import { scorePercent } from '../../src/engine/score.ts';
import { localize } from '../../src/engine/text.ts';
import { CHOICE_EXTENSIONS } from '../../src/lms/cmi5-statements.ts';
import { moduleResult } from '../../src/lms/module-progress.ts';
import { newPage, press, sharedChromium } from '../support/browser.ts';
import { type MoveOn, startCmi5Lms, verb } from '../support/cmi5-lms.ts';
import { runExport, shownModuleResult, unzipTo } from '../support/lms-harness.ts';
import { loadRealScenario } from '../support/scenario-files.ts';

// Every rule here is enforced by the LMS double (test/support/cmi5-lms.ts): a statement that breaks one
// is refused with 400, as an LRS does, so "no refusal" below means the AU kept every rule.

const SCENARIOS = ['hand-on-the-back', 'crowded-train'];
const PASS = 70;
const out = mkdtempSync(join(tmpdir(), 'upstander-cmi5-'));
const zip = join(out, 'cmi5.zip');
const zipIncomplete = join(out, 'cmi5-skip-incomplete.zip');
const browser = sharedChromium();
let dir = '';
/** What the LMS loads from cmi5.xml on import: the AU's id, moveOn and masteryScore. */
type Course = { auId: string; moveOn: MoveOn; masteryScore?: number };
let course: Course;
/** The same module exported with `--skip incomplete`, unzipped, and what the LMS loads from its cmi5.xml. */
let incomplete: { dir: string; course: Course };

function imported(packageDir: string): Course {
  const xml = create(readFileSync(join(packageDir, 'cmi5.xml'), 'utf8')).end({ format: 'object' }) as any;
  const au = xml.courseStructure.au;
  return { auId: au['@id'], moveOn: au['@moveOn'], masteryScore: Number(au['@masteryScore']) };
}

beforeAll(() => {
  const module = ['--format', 'cmi5', '--scenarios', SCENARIOS.join(','), '--pass', String(PASS)];
  runExport([...module, '--out', zip]);
  dir = unzipTo(zip).dir;
  course = imported(dir);
  runExport([...module, '--skip', 'incomplete', '--out', zipIncomplete]);
  const incompleteDir = unzipTo(zipIncomplete).dir;
  incomplete = { dir: incompleteDir, course: imported(incompleteDir) };
}, 240_000);

let lms: Awaited<ReturnType<typeof startCmi5Lms>> | undefined;
afterEach(async () => {
  await lms?.close();
  lms = undefined;
});

type Path = 'first' | 'best';

/** Per scenario, the labels a learner clicks on the `first` choice each time or on the `best` path, and the score. */
function plan(path: Path) {
  return SCENARIOS.map((id) => {
    const { machine, analysis, scenario } = loadRealScenario(id);
    const label = (l: Parameters<typeof localize>[0]) => localize(l, 'en', scenario.meta.language);
    const best = analysis.best;
    if (!best || !analysis.worst) throw new Error(`${id} has no scored paths`);
    let steps = best.steps;
    if (path === 'first') {
      let run = startRun(machine);
      while (run.snapshot.status !== 'done') {
        const next = choose(machine, run, choicesFor(machine, run.snapshot)[0].event);
        if (!next.ok) throw new Error(next.error);
        run = next.run;
      }
      steps = run.steps;
    }
    if (steps.some((s) => s.meta.timeout)) throw new Error(`${id}: the ${path} path waits for a timer`);
    return {
      labels: steps.map((s) => label(s.meta.label)),
      events: steps.map((s) => s.event),
      /** Each choice's harm, bystander step and barrier, as the scenario file has them. */
      facts: steps.map((s) => ({ harm: s.meta.harm ?? 0, step: s.stage, barrier: s.meta.barrier })),
      percent: scorePercent(totalOf(machine, steps), best.score.total, analysis.worst.score.total),
    };
  });
}

/** The score of a path, replayed by the engine. */
function totalOf(machine: ReturnType<typeof loadRealScenario>['machine'], steps: readonly { event: string }[]) {
  let run = startRun(machine);
  for (const s of steps) {
    const next = choose(machine, run, s.event);
    if (!next.ok) throw new Error(next.error);
    run = next.run;
  }
  return runScore(run).total;
}

/** Plays one scenario along its plan, from its content note to its debrief. */
async function playScenario(page: Page, scenario: ReturnType<typeof plan>[number]) {
  await press(page.getByRole('button', { name: 'Continue' }));
  for (const label of scenario.labels) {
    await press(page.locator('.choice', { hasText: label }).first());
    await press(page.getByRole('button', { name: 'Continue' }));
  }
}

/** Plays every scenario of the module along the plan, up to the last debrief (Finish not clicked). */
async function play(page: Page, path: Path, stopAfterChoice?: number) {
  let made = 0;
  for (const [i, scenario] of plan(path).entries()) {
    await press(page.getByRole('button', { name: 'Continue' }));
    for (const label of scenario.labels) {
      await press(page.locator('.choice', { hasText: label }).first());
      made += 1;
      if (made === stopAfterChoice) return;
      // Each choice's feedback, then on.
      await press(page.getByRole('button', { name: 'Continue' }));
    }
    if (i < SCENARIOS.length - 1) await press(page.getByRole('button', { name: 'Next scenario' }));
  }
  await page.getByRole('button', { name: 'Finish the module' }).waitFor();
}

const moduleScore = (path: Path) =>
  moduleResult(
    plan(path).map((p) => p.percent),
    SCENARIOS.length,
    PASS,
  ).score as number;

async function until(check: () => boolean, ms = 8000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

const refusals = () => (lms?.requests ?? []).filter((r) => r.status >= 400 && r.status !== 404);

describe('the cmi5 package, launched by a cmi5 LMS that enforces the AU rules', () => {
  it('reads the token once, then LMS.LaunchData and the learner preferences before its first statement; sends initialized, a statement per choice, completed, passed/failed, terminated; none refused', async () => {
    lms = await startCmi5Lms(dir, course);
    const page = await newPage(browser());
    await page.goto(lms.launch());
    await play(page, 'first');
    await page.getByRole('button', { name: 'Finish the module' }).click();
    await page.getByRole('heading', { name: 'Module complete' }).waitFor();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);

    const calls = lms.requests.map((r) => r.call);
    expect(calls.filter((c) => c === 'POST /fetch')).toHaveLength(1);
    const firstStatement = calls.indexOf('POST /xapi/statements');
    expect(calls.indexOf('GET /xapi/activities/state')).toBeLessThan(firstStatement);
    expect(calls.indexOf('GET /xapi/agents/profile')).toBeLessThan(firstStatement);
    expect(refusals()).toEqual([]);

    const score = moduleScore('first');
    const passed = score >= PASS;
    const answers = plan('first').reduce((n, p) => n + p.labels.length, 0);
    expect(lms.verbs()).toEqual([
      'initialized',
      ...Array(answers).fill('answered'),
      'completed',
      passed ? 'passed' : 'failed',
      'terminated',
    ]);
    // Each choice as an "answered" interaction, in order, with the event taken.
    const answered = lms.statements().filter((s) => verb(s) === 'answered');
    expect(answered.map((s) => s.result.response)).toEqual(plan('first').flatMap((p) => p.events));
    expect(answered.every((s) => s.object.definition.interactionType === 'choice')).toBe(true);
    // And what the choice did, as result extensions: harm, the bystander step, the barrier it reflects.
    const ext = (s: (typeof answered)[number], key: keyof typeof CHOICE_EXTENSIONS) =>
      s.result.extensions?.[CHOICE_EXTENSIONS[key]];
    expect(answered.map((s) => ({ harm: ext(s, 'harm'), step: ext(s, 'step'), barrier: ext(s, 'barrier') }))).toEqual(
      plan('first').flatMap((p) => p.facts),
    );
    const judged = lms.statements().at(-2);
    expect(judged?.result.score).toEqual({ scaled: score / 100, raw: score, min: 0, max: 100 });
    expect(
      await page.getByText(`Your score: ${score} out of 100. The pass mark is ${PASS}:`, { exact: false }).count(),
    ).toBe(1);
    // moveOn from cmi5.xml (Completed, since a skip counts as completion): met.
    expect(course.moveOn).toBe('Completed');
    expect(lms.satisfied()).toBe(true);
  }, 90_000);

  it("opens in the learner's language from the cmi5 learner preferences, unless the learner picked one on this device", async () => {
    lms = await startCmi5Lms(dir, course);
    const page = await newPage(browser());
    await page.goto(lms.launch({ languagePreference: 'fr-CA,es-MX,en-US' }));
    // French is not an interface language: the first one that is (Spanish) is taken.
    await page.getByRole('button', { name: 'Continuar' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.close();

    // The learner picked English in this browser earlier: their choice wins over the LMS's preference.
    const again = await newPage(browser());
    await again.addInitScript(() =>
      localStorage.setItem('upstander:v1:settings', JSON.stringify({ timers: 'on', language: 'en' })),
    );
    await again.goto(lms.launch({ languagePreference: 'es-MX' }));
    await again.getByRole('button', { name: 'Continue' }).first().waitFor();
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
    await again.close();
  }, 60_000);

  it("the LMS's masteryScore decides, and the learner reads the same verdict and score as the LRS gets", async () => {
    lms = await startCmi5Lms(dir, course);
    const score = moduleScore('first');
    // A mastery score on the other side of this learner's score from the package's 70%.
    const masteryScore = score >= PASS ? (score + 1) / 100 : score / 100;
    const page = await newPage(browser());
    await page.goto(lms.launch({ masteryScore }));
    await play(page, 'first');
    // At the last debrief, before Finish: the module's score and verdict, exactly as the LRS gets them.
    const shown = await shownModuleResult(page);
    expect(await until(() => lms?.verbs().some((v) => v === 'passed' || v === 'failed') ?? false)).toBe(true);
    const sent = lms.statements().find((s) => ['passed', 'failed'].includes(verb(s)));
    expect(shown).toEqual({
      score: sent?.result.score.raw,
      pass: Math.round(masteryScore * 100),
      passed: verb(sent ?? {}) === 'passed',
    });
    await page.getByRole('button', { name: 'Finish the module' }).click();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    const expected = score >= PASS ? 'failed' : 'passed';
    const judged = lms.statements().find((s) => ['passed', 'failed'].includes(verb(s)));
    expect(verb(judged ?? {})).toBe(expected);
    expect(judged?.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(masteryScore);
    const mark = Math.round(masteryScore * 100);
    const text = expected === 'passed' ? 'you passed' : 'not passed this time';
    expect(await page.getByText(`Your score: ${score} out of 100. The pass mark is ${mark}: ${text}.`).count()).toBe(1);
    expect(refusals()).toEqual([]);
  }, 90_000);

  it('a learner who failed comes back in a later session of the same registration, plays again and passes', async () => {
    const first = moduleScore('first');
    lms = await startCmi5Lms(dir, { ...course, masteryScore: Math.min(1, (first + 1) / 100) });
    const one = await newPage(browser());
    await one.goto(lms.launch());
    await play(one, 'first');
    await one.getByRole('button', { name: 'Finish the module' }).click();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    expect(lms.verbs()).toContain('failed');
    await one.close();

    const two = await newPage(browser());
    await two.goto(lms.launch());
    // The module starts again rather than showing the failed result.
    await two.getByText('scenario 1 of 2').waitFor();
    await play(two, 'best');
    await two.getByRole('button', { name: 'Finish the module' }).click();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    // Completed was sent once in the registration (session 1); session 2 adds passed.
    expect(lms.verbs().filter((v) => v !== 'answered')).toEqual(['initialized', 'passed', 'terminated']);
    expect(await two.getByText(/Your score: 100 out of 100\. .*you passed\./).count()).toBe(1);
    expect(refusals()).toEqual([]);
  }, 120_000);

  it('a learner who passed plays the module again for practice in a later session: no answers are sent for it', async () => {
    lms = await startCmi5Lms(dir, course);
    const one = await newPage(browser());
    await one.goto(lms.launch());
    await play(one, 'best');
    await one.getByRole('button', { name: 'Finish the module' }).click();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    expect(lms.verbs()).toContain('passed');
    await one.close();

    const two = await newPage(browser());
    await two.goto(lms.launch());
    await two.getByRole('heading', { name: 'You have completed this module' }).waitFor();
    await two.getByRole('button', { name: 'Play the module again' }).click();
    await play(two, 'first');
    await two.getByRole('button', { name: 'Finish the module' }).click();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    // The practice session (verbs() is the latest session's): initialized and terminated, nothing in between.
    expect(lms.verbs()).toEqual(['initialized', 'terminated']);
    expect(refusals()).toEqual([]);
  }, 120_000);

  it.each(['Review', 'Browse'] as const)(
    'launchMode %s: initialized, the choices and terminated, and no completed, passed or failed',
    async (launchMode) => {
      lms = await startCmi5Lms(dir, course);
      const page = await newPage(browser());
      await page.goto(lms.launch({ launchMode }));
      await play(page, 'first');
      await page.getByRole('button', { name: 'Finish the module' }).click();
      expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
      const verbs = lms.verbs();
      expect(verbs[0]).toBe('initialized');
      expect(verbs.filter((v) => ['completed', 'passed', 'failed'].includes(v))).toEqual([]);
      expect(refusals()).toEqual([]);
    },
    90_000,
  );

  it("on exit the window goes to LaunchData's returnURL, after terminated", async () => {
    lms = await startCmi5Lms(dir, course);
    const page = await newPage(browser());
    await page.goto(lms.launch({ returnURL: `${lms.base}/return` }));
    await play(page, 'first');
    await page.getByRole('button', { name: 'Finish the module' }).click();
    await page.waitForURL(`${lms.base}/return`);
    await page.getByRole('heading', { name: 'Back in the LMS' }).waitFor();
    expect(lms.verbs().at(-1)).toBe('terminated');
    expect(refusals()).toEqual([]);
  }, 90_000);

  it('a learner who skips every scenario is completed, and moveOn (Completed) is met: the manifest and the AU agree', async () => {
    lms = await startCmi5Lms(dir, course);
    const page = await newPage(browser());
    await page.goto(lms.launch());
    for (const [i] of SCENARIOS.entries()) {
      await page.getByRole('button', { name: 'Skip this one' }).click();
      await page
        .getByRole('button', { name: i < SCENARIOS.length - 1 ? 'Next scenario' : 'Finish the module' })
        .click();
    }
    await page.getByText('every scenario was skipped').waitFor();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    expect(lms.verbs()).toEqual(['initialized', 'completed', 'terminated']);
    expect(lms.satisfied()).toBe(true);
    expect(refusals()).toEqual([]);
  }, 90_000);

  it('under --skip incomplete: a skip leaves the module incomplete (nothing that counts is sent); once the learner plays the skipped scenario in the same session, completed and passed go, and moveOn (CompletedAndPassed) is met', async () => {
    expect(incomplete.course.moveOn).toBe('CompletedAndPassed');
    lms = await startCmi5Lms(incomplete.dir, incomplete.course);
    const [first, second] = plan('best');
    const page = await newPage(browser());
    await page.goto(lms.launch());
    await page.getByRole('button', { name: 'Skip this one' }).click();
    await page.getByRole('button', { name: 'Next scenario' }).click();
    await playScenario(page, second);
    await page.getByRole('button', { name: 'Finish the module' }).click();
    await page.getByRole('heading', { name: 'Not complete yet' }).waitFor();
    // Every played choice is in; nothing that counts, and the session goes on.
    expect(await until(() => lms?.verbs().length === 1 + second.labels.length)).toBe(true);
    expect(lms.verbs().filter((v) => v !== 'answered')).toEqual(['initialized']);
    expect(lms.satisfied()).toBe(false);

    await page.getByRole('button', { name: 'Play the skipped scenarios' }).click();
    await playScenario(page, first);
    // The module is complete at the skipped scenario's ending: the verdict goes then, before Finish.
    expect(await until(() => lms?.verbs().includes('passed') ?? false)).toBe(true);
    await page.getByRole('button', { name: 'Finish the module' }).click();
    await page.getByRole('heading', { name: 'Module complete' }).waitFor();
    expect(await until(() => lms?.verbs().at(-1) === 'terminated')).toBe(true);
    expect(lms.verbs().filter((v) => v !== 'answered')).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    const judged = lms.statements().find((s) => verb(s) === 'passed');
    expect(judged?.result.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
    expect(await page.getByText('Your score: 100 out of 100. The pass mark is 70: you passed.').count()).toBe(1);
    expect(lms.satisfied()).toBe(true);
    expect(refusals()).toEqual([]);
  }, 120_000);

  it('terminated is not lost when the window closes right after a choice while the LRS is slow', async () => {
    lms = await startCmi5Lms(dir, course);
    const page = await newPage(browser());
    await page.goto(lms.launch({ statementDelayMs: 1500 }));
    await play(page, 'first', 1);
    await page.close({ runBeforeUnload: true });
    expect(await until(() => lms?.verbs().at(-1) === 'terminated', 10_000)).toBe(true);
    expect(lms.verbs()).toEqual(['initialized', 'answered', 'terminated']);
    expect(refusals()).toEqual([]);
  }, 60_000);
});

describe('the LMS double refuses what the cmi5 rules forbid (so the tests above can fail)', () => {
  it('a second fetch, a statement before the learner preferences, a second passed or failed in a session', async () => {
    lms = await startCmi5Lms(dir, course);
    const url = new URL(lms.launch());
    const q = url.searchParams;
    const fetchToken = () => fetch(q.get('fetch') as string, { method: 'POST' }).then((r) => r.json());
    const { 'auth-token': token } = await fetchToken();
    expect(await fetchToken()).toEqual({
      'error-code': '1',
      'error-text': 'The authorization token has already been returned.',
    });
    const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' };
    const post = (body: unknown) =>
      fetch(`${q.get('endpoint')}statements`, { method: 'POST', headers, body: JSON.stringify(body) });
    const launchData = async () =>
      (
        await fetch(
          `${q.get('endpoint')}activities/state?${new URLSearchParams({
            stateId: 'LMS.LaunchData',
            activityId: q.get('activityId') as string,
            agent: q.get('actor') as string,
            registration: q.get('registration') as string,
          })}`,
          { headers },
        )
      ).json();
    const data = await launchData();
    const statement = (v: string, result?: object) => ({
      id: crypto.randomUUID(),
      actor: JSON.parse(q.get('actor') as string),
      verb: { id: `http://adlnet.gov/expapi/verbs/${v}` },
      object: { id: q.get('activityId') },
      ...(result ? { result } : {}),
      context: {
        ...data.contextTemplate,
        registration: q.get('registration'),
        contextActivities: {
          ...data.contextTemplate.contextActivities,
          category: [
            { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
            ...(result && ('success' in result || 'completion' in result)
              ? [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }]
              : []),
          ],
        },
        extensions: {
          ...data.contextTemplate.extensions,
          'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.7,
        },
      },
      timestamp: new Date().toISOString(),
    });
    const first = await post(statement('initialized'));
    expect([first.status, (await first.json()).error]).toEqual([
      400,
      'The AU sent a statement before reading the cmi5LearnerPreferences Agent Profile (cmi5 §11.0).',
    ]);
    await fetch(`${q.get('endpoint')}agents/profile?profileId=cmi5LearnerPreferences`, { headers });
    expect((await post(statement('initialized'))).status).toBe(200);
    const score = (s: number) => ({ scaled: s, raw: s * 100, min: 0, max: 100 });
    expect((await post(statement('passed', { success: true, score: score(0.8), duration: 'PT1S' }))).status).toBe(200);
    const failed = await post(statement('failed', { success: false, score: score(0.5), duration: 'PT1S' }));
    expect((await failed.json()).error).toBe('More than one of Passed and Failed in a session (cmi5 §9.3).');
    const early = await post(statement('passed', { success: true, score: score(0.6), duration: 'PT1S' }));
    expect(early.status).toBe(400);
  });
});
