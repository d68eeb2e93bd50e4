import type { Organisation } from '../protocol/organisation.types.ts';
import { organisationScript } from '../protocol/organisation-page.ts';
import { type ModuleConfig, moduleConfigScript } from './module-config.ts';

/** A message in each interface language, keyed by language tag. */
export type Messages = Readonly<Record<string, string>>;

export interface PlayerPage {
  readonly config: ModuleConfig;
  /** The organisation file packed in (`--org`), its logo given as a file in the package or an https:// address. */
  readonly organisation: Organisation;
  /** The player's one classic script (IIFE) and its stylesheet, inlined. */
  readonly script: string;
  readonly style: string;
  /** Shown when scripts are off (`<noscript>`), every language at once: the page cannot know which. */
  readonly noScript: Messages;
  /** Shown when the script did not start the player (refused, failed, or the config is unreadable). */
  readonly startFailed: Messages;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// `</script` inside the script would end the element early; `<\/script` means the same in JavaScript.
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');
const inlineStyle = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1');

const paragraphs = (messages: Messages) =>
  Object.entries(messages)
    .map(([lang, text]) => `<p lang="${escapeHtml(lang)}">${escapeHtml(text)}</p>`)
    .join('');

/**
 * The module's index.html, self-contained: the stylesheet, the module config and the player as one
 * classic inline script, so it runs from `file://`, under any MIME type the LMS serves, and inside any
 * frame. Until the player draws, the root holds a message that appears only if nothing replaced it
 * after a few seconds (or at once if a script error leaves the page empty); `<noscript>` says what to
 * do when scripts are off.
 */
export function playerHtml(page: PlayerPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.config.title)}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<style>${inlineStyle(page.style)}
.start-failed{animation:upstander-reveal 0s 4s both}
@keyframes upstander-reveal{from{visibility:hidden}to{visibility:visible}}</style>
${moduleConfigScript(page.config)}
${organisationScript(page.organisation)}
</head>
<body>
<noscript><div class="panel notice" role="alert">${paragraphs(page.noScript)}</div></noscript>
<div id="root"><div class="panel notice start-failed" role="alert">${paragraphs(page.startFailed)}</div></div>
<template id="start-failed"><div class="panel notice" role="alert">${paragraphs(page.startFailed)}</div></template>
<script>
window.addEventListener('error', function () {
  var root = document.getElementById('root');
  var notice = document.getElementById('start-failed');
  if (root && notice && !root.hasChildNodes()) root.appendChild(notice.content.cloneNode(true));
});
</script>
<script>${inlineScript(page.script)}</script>
</body>
</html>
`;
}
