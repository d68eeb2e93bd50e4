import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/lms/check-manifest.ts';
import { manifestFor } from '../../src/lms/manifests.ts';
import { checkExportRequest, ExportError, packageModule } from '../../src/lms/package-module.ts';
import { axeViolations, newPage, sharedChromium } from '../support/browser.ts';
import { runExport, runExportPrinted, unzipTo } from '../support/lms-harness.ts';
import { ROOT } from '../support/scenario-files.ts';

const SCENARIOS = ['hand-on-the-back', 'crowded-train'];
const FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
const out = mkdtempSync(join(tmpdir(), 'upstander-packages-'));
const zip = (format: string) => join(out, `${format}.zip`);
/** A title with a vertical tab (XML 1.0 forbids it) and markup characters, as HR might paste one. */
const TITLE = 'Bystander training\u000b 2026 & <you>';
const browser = sharedChromium();
/** What each export above printed: the exporter's own lines only. */
const exportOutput: Record<string, ReturnType<typeof runExportPrinted>> = {};

beforeAll(() => {
  for (const format of FORMATS)
    exportOutput[format] = runExportPrinted(
      ['--format', format, '--scenarios', SCENARIOS.join(','), '--pass', '70', '--out', zip(format)].concat([
        '--title',
        TITLE,
        '--description',
        'Practise stepping in.',
        '--id',
        'onboarding.bystander',
      ]),
    );
  // Three builds, one after another: room for a loaded machine.
}, 600_000);

const failedExport = (args: string[]) => {
  try {
    runExport(args);
  } catch (error) {
    return { stderr: String((error as { stderr?: string }).stderr), status: (error as { status?: number }).status };
  }
  throw new Error('The export succeeded');
};

describe('npm run export: what HR needs in the catalogue', () => {
  it('--help says every option and exits 0', () => {
    const help = runExport(['--help']);
    for (const option of ['--format', '--scenarios', '--pass', '--out', '--title', '--description', '--id', '--help'])
      expect(help).toContain(option);
  }, 120_000);

  it('a bad command line: every problem listed at once (unknown option, stray word, an option given twice, an unusable folder), a pointer to --help, not the whole help; nothing built', () => {
    const target = join(out, 'never.zip');
    const refused = failedExport(
      ['--format', 'scorm12', '--scenarios', '../package', '--pass', '70', '--pass', '20', '--colour', 'red'].concat([
        '--out',
        '/proc/never.zip',
      ]),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'Unknown option --colour.',
      '"red" belongs to no option: put it after the option it is for, in quotes if it holds spaces.',
      '--pass is given 2 times ("70", "20"): give it once.',
      '"../package" is not a scenario id: an id is a file name in scenarios/ without .json (lower-case letters, digits and -), never a path.',
      `The scenarios in scenarios/ are: ${readdirSync(join(ROOT, 'scenarios'))
        .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
        .map((f) => f.replace(/\.json$/, ''))
        .sort()
        .join(', ')}.`,
      'Cannot save the module as /proc/never.zip: that folder does not take new files. Choose another folder (your Documents folder, for example).',
      'npm run export -- --help explains every option.',
    ]);
    expect(refused.stderr).not.toContain('Usage: npm run export');
    expect(existsSync(target)).toBe(false);
  }, 120_000);

  it.each(FORMATS)('%s: the export prints its own line only, no build log or colour codes', (format) => {
    expect(exportOutput[format].status).toBe(0);
    expect(exportOutput[format].stderr).toBe('');
    expect(exportOutput[format].stdout).toMatch(
      new RegExp(
        `^Wrote ${zip(format).replace(/[.]/g, '\\.')}: ${format}, 2 scenario\\(s\\), pass mark 70%, \\d+ files, \\d+ KB\\.\n$`,
      ),
    );
  });

  it('run from another folder: relative paths are from there; an existing zip is refused with the way on; an empty id and a missing pass mark are said', () => {
    const here = mkdtempSync(join(tmpdir(), 'upstander-ran-here-'));
    writeFileSync(join(here, 'module.zip'), 'an earlier module');
    const refused = runExportPrinted(
      [
        '--format',
        'scorm12',
        '--scenarios',
        'hand-on-the-back,',
        '--out',
        'module.zip',
        '--org',
        'acme.json',
        '--pass',
      ],
      here,
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      '--pass needs a value.',
      '--scenarios has an empty id (a comma with no id after it, before it, or doubled) in "hand-on-the-back,": separate ids with single commas, e.g. --scenarios hand-on-the-back.',
      `${join(here, 'module.zip')} already exists, and it is not overwritten: choose another name for --out, or add --replace to write over it.`,
      `--org: The organisation file ${join(here, 'acme.json')} has a problem:`,
      '  There is no such file. Check ORGANISATION_FILE (or --org), or copy the example organisation.json and make it your own.',
      'npm run export -- --help explains every option.',
    ]);
    expect(readFileSync(join(here, 'module.zip'), 'utf8')).toBe('an earlier module');
    // Nothing was written in the project folder either.
    expect(existsSync(join(ROOT, 'module.zip'))).toBe(false);
  }, 120_000);

  it('refuses an --id the manifests cannot carry and a title with no text, naming them, and writes nothing', () => {
    const target = join(out, 'never.zip');
    const refused = failedExport(
      ['--format', 'scorm12', '--scenarios', 'hand-on-the-back', '--pass', '70', '--out', target].concat([
        '--id',
        '2 bad ids',
        '--title',
        '\u0001\u0002',
      ]),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--id must start with a letter or _');
    expect(refused.stderr).toContain('--title must have some text');
    expect(existsSync(target)).toBe(false);
  }, 120_000);

  it.each(FORMATS)(
    '%s: the title is stripped of what XML forbids, the id and description kept, and the manifest validates',
    (format) => {
      const { dir } = unzipTo(zip(format));
      const name = format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text).not.toContain('\u000b');
      expect(text).toContain('>Bystander training 2026 &amp; &lt;you&gt;</');
      expect(checkManifest(format, name, text)).toEqual({ ok: true, by: 'xmllint' });
      if (format === 'cmi5') {
        expect(text).toContain('<course id="urn:upstander:module:onboarding.bystander">');
        expect(text).toContain('Practise stepping in.');
      } else expect(text).toMatch(/<manifest [^>]*identifier="onboarding\.bystander"/);
    },
  );

  it('a module of all twelve shipped scenarios: its 200+ character title is clipped for SCORM, and every manifest validates', () => {
    const all = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
      // The library's scenarios, not the short boosters that reminders link to.
      .filter((f) => JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')).meta.kind !== 'booster')
      .map((f) => f.replace(/\.json$/, ''));
    expect(all).toHaveLength(12);
    const request = checkExportRequest({ format: 'scorm12', scenarios: all.join(','), pass: '70', out: zip('all') });
    expect(Array.from(request.title).length).toBeGreaterThan(200);
    for (const format of FORMATS) {
      const manifest = manifestFor(format, {
        identifier: request.id,
        title: request.title,
        description: request.description,
        pass: 70,
        moveOn: 'Completed',
        files: ['index.html'],
        schemas: [],
      });
      expect(checkManifest(format, manifest.name, manifest.text)).toEqual({ ok: true, by: 'xmllint' });
      const title = /<title>\s*(?:<langstring[^>]*>)?([^<]*)</.exec(manifest.text)?.[1] ?? '';
      if (format === 'cmi5') expect(title).toBe(request.title.replace(/&/g, '&amp;'));
      else {
        expect(Array.from(title.replace(/&amp;/g, '&')).length).toBe(200);
        expect(title.endsWith('…')).toBe(true);
      }
    }
    // The same title unclipped is what the official SCORM 1.2 schema refuses (so the check can fail).
    const unclipped = manifestFor('scorm12', {
      identifier: 'm',
      title: 'x',
      description: '',
      pass: 70,
      moveOn: 'Completed',
      files: [],
      schemas: [],
    }).text.replace(/<title>x<\/title>/g, `<title>${'x'.repeat(201)}</title>`);
    const refused = checkManifest('scorm12', 'imsmanifest.xml', unclipped);
    expect(refused.ok).toBe(false);
  });

  it("cmi5.xml is checked against cmi5's CourseStructure.xsd: a wrong moveOn fails it", () => {
    const { dir } = unzipTo(zip('cmi5'));
    const broken = readFileSync(join(dir, 'cmi5.xml'), 'utf8').replace('moveOn="Completed"', 'moveOn="Sometimes"');
    const result = checkManifest('cmi5', 'cmi5.xml', broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join('\n')).toContain("'Sometimes' is not an element of the set");
  });

  it('a manifest that does not validate stops the export before anything is written', () => {
    const player = mkdtempSync(join(tmpdir(), 'upstander-player-'));
    for (const f of ['player.js', 'player.css', 'neutral.html', 'favicon.svg']) writeFileSync(join(player, f), '');
    const target = join(out, 'invalid.zip');
    const request = checkExportRequest({ format: 'scorm2004', scenarios: 'hand-on-the-back', pass: '70', out: target });
    // An identifier that is not an xs:ID (it starts with a digit), past the request check.
    expect(() => packageModule(player, { ...request, id: '1-module' })).toThrow(ExportError);
    expect(() => packageModule(player, { ...request, id: '1-module' })).toThrow(
      /does not validate against the official schemas/,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe.each(['scorm12', 'scorm2004'] as const)('the %s package', (format) => {
  it('is self-contained: manifest at the root, relative forward-slash paths, every file listed and present', () => {
    const { dir, names } = unzipTo(zip(format));
    expect(names).toContain('imsmanifest.xml');
    expect(names.every((n) => !n.includes('\\') && !n.startsWith('/') && !n.includes('..'))).toBe(true);
    const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(names.filter((n) => n !== 'imsmanifest.xml').sort());
    const located = (/xsi:schemaLocation="([^"]+)"/.exec(manifest)?.[1] ?? '').split(/\s+/).filter((_, i) => i % 2);
    for (const xsd of located) expect(names).toContain(xsd);
  });
});

describe.each(FORMATS)('the %s package carries the player only', (format) => {
  it('one self-contained index.html (no script files, no session code), the neutral page, the icon: nothing else', () => {
    const { dir, names } = unzipTo(zip(format));
    const manifest = format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
    expect(names.filter((n) => !n.endsWith('.xsd')).sort()).toEqual(
      ['favicon.svg', 'index.html', manifest, 'neutral.html'].sort(),
    );
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    // Every script classic and inline (the config and the organisation are JSON data); the only link is the icon.
    expect(new Set(html.match(/<script[^>]*>/g))).toEqual(
      new Set([
        '<script>',
        '<script type="application/json" id="upstander-module">',
        '<script type="application/json" id="upstander-organisation">',
      ]),
    );
    expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="icon" href="favicon.svg" type="image/svg+xml">']);
    // The group-session client is not in it; only the module's own scenarios are.
    expect(html).not.toContain('new WebSocket');
    expect(html).toMatch(/id:[`"]hand-on-the-back[`"]/);
    expect(html).toMatch(/id:[`"]crowded-train[`"]/);
    expect(html).not.toMatch(/id:[`"]meeting-jokes[`"]/);
  });
});

// Opening the package outside an LMS --------------------------------------------------------------------

/** Serves a folder: HTML as text/html, everything else as application/octet-stream with nosniff, as one remote-SCORM LMS does. */
async function serveOctetStream(dir: string, headers: Record<string, string> = {}) {
  const server = createServer((req, res: ServerResponse) => {
    const path = join(dir, normalize(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = extname(path) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The content note, then a choice, then its feedback: the player runs. */
async function playAChoice(page: Page) {
  await page.getByText('No learning system was found').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  const choice = page.locator('.choice').first();
  const label = (await choice.textContent())?.replace(/^\d/, '') ?? '';
  await choice.click();
  await page.getByRole('heading', { name: `You chose: ${label}` }).waitFor();
}

describe('the package outside an LMS (Chromium)', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  }, 90_000);

  it('opened from file:// after unzipping, plays a choice; no library, session or dead links', async () => {
    const { dir } = unzipTo(zip('scorm12'));
    const page = await newPage(browser());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${dir}/index.html`);
    await expect(page.getByRole('link', { name: 'Scenarios' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Join a session' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await playAChoice(page);
    expect(errors).toEqual([]);
  }, 90_000);

  it('served with .js and everything else as application/octet-stream (nosniff), plays a choice', async () => {
    const { dir } = unzipTo(zip('scorm2004'));
    const server = await serveOctetStream(dir);
    servers.push(server);
    const page = await newPage(browser());
    await page.goto(`http://127.0.0.1:${server.port}/index.html`);
    await playAChoice(page);
  }, 90_000);

  it('with scripts off or blocked (a strict CSP), a visible message says so instead of a blank page', async () => {
    const { dir } = unzipTo(zip('cmi5'));
    // A browser with scripting off shows <noscript> (the page carries the message in both languages).
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/<noscript>.*This module needs JavaScript.*Este módulo necesita JavaScript.*<\/noscript>/);
    // Scripts switched off after parsing (as DevTools does) leave the player's own fallback, which shows.
    const noJs = await newPage(browser(), { javaScriptEnabled: false });
    await noJs.goto(`file://${dir}/index.html`);
    await noJs.getByText('This module could not start in this browser').waitFor({ state: 'visible' });
    const server = await serveOctetStream(dir, { 'content-security-policy': "script-src 'none'" });
    servers.push(server);
    const blocked = await newPage(browser());
    await blocked.goto(`http://127.0.0.1:${server.port}/index.html`);
    await blocked.getByText('This module could not start in this browser').waitFor({ state: 'visible' });
    expect(await axeViolations(blocked)).toEqual([]);
  }, 90_000);

  it('on a 390 px phone, a 210-character title with no spaces wraps: nothing scrolls sideways', async () => {
    const { dir } = unzipTo(zip('scorm12'));
    // The same package with the title HR might paste (the player shows the module's title as given).
    const title = `Bystanders${'training'.repeat(24)}20262026`;
    expect(title).toHaveLength(210);
    const file = join(dir, 'index.html');
    const html = readFileSync(file, 'utf8');
    const config = /<script type="application\/json" id="upstander-module">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    writeFileSync(file, html.replace(config, JSON.stringify({ ...JSON.parse(config), title })));
    const page = await newPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`file://${dir}/index.html`);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // At the content note, then at the first scene: the title is on both.
    await page.getByText(`${title}: scenario 1 of 2`).waitFor();
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.choice').first().waitFor();
    await page.getByText(`${title}: scenario 1 of 2`).waitFor();
    expect(await overflow()).toBe(0);
  }, 90_000);

  it("skipping a scenario in a module offers the module's way on, not a dead link back to a library", async () => {
    const { dir } = unzipTo(zip('scorm12'));
    const page = await newPage(browser());
    await page.goto(`file://${dir}/index.html`);
    await page.getByRole('button', { name: 'Skip this one' }).click();
    await page.getByRole('button', { name: 'Next scenario' }).waitFor();
    expect(await page.getByRole('link', { name: 'Back to the scenarios' }).count()).toBe(0);
  }, 90_000);
});

describe('Quick exit inside an LMS frame (Chromium)', () => {
  /** An LMS page on another origin (localhost) framing the package (127.0.0.1), optionally sandboxed. */
  async function lmsFrame(sandbox?: string) {
    const { dir } = unzipTo(zip('scorm12'));
    mkdirSync(join(dir, 'lms'), { recursive: true });
    const server = await serveOctetStream(dir);
    const attr = sandbox === undefined ? '' : ` sandbox="${sandbox}"`;
    writeFileSync(
      join(dir, 'lms', 'course.html'),
      `<!doctype html><html lang="en"><title>LMS</title><h1>Course page</h1><iframe${attr} title="Course" style="width:1000px;height:800px" src="http://127.0.0.1:${server.port}/index.html"></iframe></html>`,
    );
    const page = await newPage(browser());
    await page.goto(`http://localhost:${server.port}/lms/course.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Continue' }).waitFor();
    await frame.getByRole('button', { name: /Quick exit/ }).click();
    return { page, server };
  }

  it('takes the whole window to the neutral page', async () => {
    const { page, server } = await lmsFrame();
    await page.waitForURL(`http://127.0.0.1:${server.port}/neutral.html`);
    await page.getByRole('heading', { name: 'Weather' }).waitFor();
    await server.close();
  }, 90_000);

  it('falls back to the frame when the LMS sandbox forbids leaving the whole window', async () => {
    const { page, server } = await lmsFrame('allow-scripts allow-same-origin');
    await expect
      .poll(() => page.frames().map((f) => f.url()), { timeout: 5000 })
      .toContain(`http://127.0.0.1:${server.port}/neutral.html`);
    expect(page.url()).toBe(`http://localhost:${server.port}/lms/course.html`);
    await server.close();
  }, 90_000);
});
