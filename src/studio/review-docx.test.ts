import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRealScenario, ROOT } from '../../test/support/scenario-files.ts';
import { facilitatorGuide } from '../engine/facilitator-guide.ts';
import { loadScenario } from '../engine/load-scenario.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { i18next } from '../ui/i18n.ts';
import './studio-strings.ts';
import { reviewDocx } from './review-docx.ts';

const t = i18next.getFixedT('en');

/** The Word file's body as Word reads it: its paragraphs' text, each with its own properties' XML. */
async function paragraphsOf(scenario: Scenario) {
  const guide = facilitatorGuide(scenario, { language: 'en', support: [] });
  const blob = await reviewDocx(guide, { title: `Review script: ${guide.title}`, lede: 'For sign-off.' }, t, 'en');
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const xml = strFromU8(files['word/document.xml']);
  const fromXml = (s: string) =>
    s
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&');
  const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2];
    const text = [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((r) => fromXml(r[1])).join('');
    return { text, xml: body };
  });
  return { guide, paragraphs, text: paragraphs.map((p) => p.text) };
}

describe('the review script as a Word file', () => {
  it('holds every scene, choice, feedback, tactic and ending of a shipped scenario, in the order of the script', async () => {
    const { scenario } = loadRealScenario('hand-on-the-back');
    const { guide, text } = await paragraphsOf(scenario);
    const expected = [
      `Review script: ${guide.title}`,
      guide.summary,
      ...guide.scenes.flatMap((scene) => [
        ...scene.narrative,
        ...scene.choices.flatMap((choice, i) => [`${i + 1}. ${choice.label}`, `Feedback: ${choice.feedback}`]),
        ...scene.discussion,
      ]),
      ...guide.endings.flatMap((ending) => [`Ending ${ending.number}: ${ending.title}`, ...ending.debrief]),
    ];
    // Each expected paragraph is found after the one before it.
    let at = -1;
    for (const paragraph of expected) {
      const next = text.indexOf(paragraph, at + 1);
      expect(next, `"${paragraph.slice(0, 60)}" after paragraph ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(guide.scenes.length).toBeGreaterThan(3);
    // A choice's tactic points are written out, as on screen.
    const scored = guide.scenes.flatMap((s) => s.choices).find((c) => c.tactics.length > 0);
    expect(text).toContain(`Tactics: ${scored?.tactics.map((x) => `${x.name} ${x.points}`).join(', ')}`);
  });

  it('writes scenario text as text: markup in it comes back as the same characters', async () => {
    const { scenario } = loadRealScenario('hand-on-the-back');
    const hostile = '<w:p><img src=x onerror="alert(1)"> & more';
    const marked = structuredClone(scenario) as { meta: { summary: unknown } } & Scenario;
    marked.meta.summary = `Before ${hostile}`;
    const { text } = await paragraphsOf(marked);
    expect(text).toContain(`Before ${hostile}`);
  });

  it('marks a right-to-left scenario’s own text as right to left, in its language', async () => {
    const file = 'test/fixtures/rtl/arabic-lift.json';
    const loaded = loadScenario(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
    if (!loaded.ok) throw new Error('the fixture loads');
    const { guide, paragraphs } = await paragraphsOf(loaded.scenario);
    const narrative = paragraphs.find((p) => p.text === guide.scenes[0].narrative[0]);
    expect(narrative?.xml).toContain('<w:bidi/>');
    expect(narrative?.xml).toContain('<w:rtl/>');
    expect(narrative?.xml).toMatch(/<w:lang w:bidi="ar"/);
    // The interface's own words stay left to right.
    const heading = paragraphs.find((p) => p.text === 'Choices');
    expect(heading?.xml).not.toContain('<w:bidi/>');
  });
});
