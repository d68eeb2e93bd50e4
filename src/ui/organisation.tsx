import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import shipped from '../../organisation.json' with { type: 'json' };
import type { Organisation } from '../protocol/organisation.types.ts';
import { ORGANISATION_ELEMENT_ID } from '../protocol/organisation-page.ts';

/** The organisation file shipped with the app (an example): what the static build and `npm run dev` show. */
export const SHIPPED_ORGANISATION = shipped as Organisation;

/** The organisation packed into the page (an LMS module), if any: the exporter has checked it. */
export function readEmbeddedOrganisation(doc: Document): Organisation | undefined {
  const text = doc.getElementById(ORGANISATION_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Organisation;
    return looksLikeOrganisation(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What the server sent has the parts every view reads (the server checked it fully at start). */
function looksLikeOrganisation(value: unknown): value is Organisation {
  const o = value as Organisation;
  return (
    !!o &&
    typeof o === 'object' &&
    o.name !== undefined &&
    Array.isArray(o.support) &&
    Array.isArray(o.reporting) &&
    typeof o.quickExit === 'string' &&
    typeof o.policy?.link === 'string'
  );
}

export const OrganisationContext = createContext<Organisation>(SHIPPED_ORGANISATION);

export function useOrganisation(): Organisation {
  return useContext(OrganisationContext);
}

/**
 * Whose training this is, for every view below: the organisation packed into the page (an LMS
 * module), else the one the server read at start (`GET api/organisation`), else the shipped example
 * (a static build, `npm run dev`). Its colours become the light scheme's accent (`--org-accent`, `--org-accent-soft`).
 */
export function OrganisationProvider({ children }: { children: ReactNode }) {
  const [organisation, setOrganisation] = useState<Organisation>(
    () => (typeof document === 'undefined' ? undefined : readEmbeddedOrganisation(document)) ?? SHIPPED_ORGANISATION,
  );
  useEffect(() => {
    if (readEmbeddedOrganisation(document)) return;
    const controller = new AbortController();
    fetch('api/organisation', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((value) => {
        if (looksLikeOrganisation(value)) setOrganisation(value);
      })
      // No server of ours (a static build, the dev server): the shipped example stays.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  useEffect(() => {
    const style = document.documentElement.style;
    const { accent, accentSoft } = organisation.colours ?? {};
    // The light scheme's accent (app.css); the dark scheme keeps its own, which reads on dark paper.
    if (accent) style.setProperty('--org-accent', accent);
    else style.removeProperty('--org-accent');
    if (accentSoft) style.setProperty('--org-accent-soft', accentSoft);
    else style.removeProperty('--org-accent-soft');
  }, [organisation.colours]);
  return <OrganisationContext.Provider value={organisation}>{children}</OrganisationContext.Provider>;
}

/** A link as a person reads it on paper: the number of a `tel:` link, the address of an `https:` one. */
export function linkInWords(link: string): string {
  return link.startsWith('tel:') ? link.slice(4) : link.replace(/^https:\/\//, '').replace(/\/$/, '');
}
