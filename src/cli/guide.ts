import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { facilitatorGuide } from '../engine/index.ts';
import { GuideDocument } from '../guide/guide-document.tsx';
import { supportSections } from '../guide/support-sections.ts';
import { i18next, isUiLanguage, loadLanguage, UI_LANGUAGES } from '../ui/i18n.ts';
import { DEFAULT_ORGANISATION_FILE, OrganisationFileError, readOrganisationFile } from './organisation-file.ts';
import { formatIssue, loadScenarioFile, SCENARIOS_DIR } from './scenario-files.ts';

const USAGE = 'Usage: npm run guide -- <scenario id or file.json> [--out file.html] [--lang en|es]';
const CSS = readFileSync(new URL('../guide/guide.css', import.meta.url), 'utf8');

/**
 * `npm run guide -- <id> [--out file.html] [--lang es]`: writes a scenario's facilitator guide as one
 * self-contained HTML file (styles inline, no scripts), the same document the app shows at
 * `#/guide/<id>`. Exit 2 for a bad command line, 1 for a scenario that does not load or a file that
 * cannot be written; nothing is written then.
 */
async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { id, out, lang } = parsed;
  const file = id.endsWith('.json') ? id : `${SCENARIOS_DIR}/${id}.json`;
  const result = loadScenarioFile(file);
  if (!result.ok) {
    for (const issue of result.issues) console.error(formatIssue(issue));
    return 1;
  }
  let support: ReturnType<typeof supportSections>;
  try {
    // The organisation's own support and reporting channels, as the server would serve them.
    support = supportSections(
      readOrganisationFile(process.env.ORGANISATION_FILE || DEFAULT_ORGANISATION_FILE).organisation,
    );
  } catch (error) {
    if (!(error instanceof OrganisationFileError)) throw error;
    console.error(error.message);
    return 1;
  }
  await loadLanguage(lang);
  await i18next.changeLanguage(lang);
  const guide = facilitatorGuide(result.scenario, { language: lang, support });
  // Our own stylesheet goes in as it is; every scenario text goes through React, which escapes it.
  const title = renderToStaticMarkup(createElement('title', null, i18next.t('guide.title', { title: guide.title })));
  const body = renderToStaticMarkup(createElement(GuideDocument, { guide }));
  const page = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    title,
    `<style>\n${CSS}</style></head>`,
    `<body class="guide-file">${body}</body>`,
    '</html>',
    '',
  ].join('\n');
  const target = out ?? `${result.scenario.id}-facilitator-guide.html`;
  try {
    writeFileSync(target, page);
  } catch (error) {
    console.error(`Cannot write ${target}: ${(error as Error).message}`);
    return 1;
  }
  console.log(
    `Wrote ${target}: ${guide.scenes.length} scenes, ${guide.endings.length} endings, about ${guide.timing.total} minutes with a group.`,
  );
  return 0;
}

function parse() {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, lang: { type: 'string', default: 'en' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error('Name one scenario.');
  const lang = values.lang as string;
  if (!isUiLanguage(lang))
    throw new Error(`Unknown language "${lang}"; the languages are ${UI_LANGUAGES.map((l) => l.code).join(', ')}.`);
  return { id: positionals[0], out: values.out, lang };
}

process.exitCode = await main();
