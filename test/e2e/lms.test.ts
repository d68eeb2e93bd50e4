import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choicesFor } from '../../src/engine/choices.ts';
import { choose, runScore, startRun } from '../../src/engine/run-state.ts';
import { moduleResult, scenarioPercent } from '../../src/lms/module-progress.ts';
import { checkExportRequest, ExportError } from '../../src/lms/package-module.ts';
import { ARTIFACTS, axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { runExport, startLmsHarness, unzipTo } from '../support/lms-harness.ts';
import { loadRealScenario } from '../support/scenario-files.ts';
import { scormViolations } from '../support/scorm-limits.ts';

const SCENARIOS = ['hand-on-the-back', 'crowded-train'];
const PASS = 70;
const out = mkdtempSync(join(tmpdir(), 'upstander-exports-'));
const zip = (format: string) => join(out, `${format}.zip`);
const browser = sharedChromium();

beforeAll(async () => {
  // The packages under test are built by the command an author runs.
  for (const format of ['scorm12', 'scorm2004', 'cmi5']) {
    expect(
      runExport(['--format', format, '--scenarios', SCENARIOS.join(','), '--pass', String(PASS), '--out', zip(format)]),
    ).toMatch(new RegExp(`^Wrote .*${format}\\.zip: ${format}, 2 scenario\\(s\\), pass mark 70%`));
  }
}, 240_000);

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
    const percent = scenarioPercent(
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
    ).toThrow('Cannot write /no/such/folder/m.zip: the folder /no/such/folder does not exist or is not writable.');
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
async function playOn(frame: Frame, choices = Number.POSITIVE_INFINITY) {
  let made = 0;
  for (;;) {
    const next = frame
      .locator(
        'button:text-is("Next scenario"), button:text-is("Finish the module"), button:text-is("Continue"), .choice',
      )
      .first();
    await next.waitFor();
    const text = (await next.textContent()) ?? '';
    if (text === 'Next scenario' || text === 'Finish the module') return;
    if (text === 'Continue') {
      await next.click();
      continue;
    }
    if (made === choices) return;
    await next.click();
    made += 1;
  }
}

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
      await first.goto(`${harness.base}/harness.html?edition=${edition}`);
      await sco(first).getByRole('button', { name: 'Continue' }).waitFor();
      expect(await sco(first).getByText('No learning system was found').count()).toBe(0);
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
      await second.waitForFunction('window.lmsFinished === true');
      const final = await stored(second);
      const secondCalls = (await second.evaluate('window.lmsCalls')) as [string, string][];

      // Completion, success and score.
      expect(final[el.raw]).toBe(String(expected.score));
      expect(await sco(second).getByText(`Your score: ${expected.score}%.`).count()).toBe(1);
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
        expect(all[`cmi.interactions.${i}.type`]).toBe('choice');
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
      // And the LMS refused none of them.
      expect(refused).toEqual([]);
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
      await page.getByText('The hand on the back · Rush hour: scenario 1 of 2').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.choice').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
