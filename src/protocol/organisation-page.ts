import type { Organisation } from './organisation.types.ts';

/** The element a packaged LMS module carries its organisation in (the exporter writes it, the app reads it). */
export const ORGANISATION_ELEMENT_ID = 'upstander-organisation';

/** The organisation as a script element for a module's index.html; `<` is escaped so no text can close the element. */
export function organisationScript(organisation: Organisation): string {
  const json = JSON.stringify(organisation).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${ORGANISATION_ELEMENT_ID}">${json}</script>`;
}
