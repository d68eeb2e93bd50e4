// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import acme from '../../test/fixtures/organisation/acme.json' with { type: 'json' };
import type { Organisation } from '../protocol/organisation.types.ts';
import { organisationScript } from '../protocol/organisation-page.ts';
import { i18next, loadLanguage } from './i18n.ts';
import { OrganisationContext, OrganisationProvider, SHIPPED_ORGANISATION, useOrganisation } from './organisation.tsx';
import { SupportPage } from './support-page.tsx';

// The Spanish strings, fetched as the app fetches them when Spanish is chosen.
beforeAll(() => loadLanguage('es'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  i18next.changeLanguage('en');
  document.head.replaceChildren();
  document.documentElement.removeAttribute('style');
});

const ACME = acme as Organisation;

function renderFor(organisation: Organisation) {
  return render(
    <OrganisationContext.Provider value={organisation}>
      <SupportPage />
    </OrganisationContext.Provider>,
  );
}

async function expectNoAxeViolations(container: HTMLElement) {
  // jsdom computes no colours: contrast is checked by the organisation file's own check and in the browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

describe('the support page', () => {
  it("shows the organisation's channels as links a phone can tap, and the policy", async () => {
    const { container } = renderFor(ACME);
    const call = screen.getByRole('link', { name: /^Acme care line \+442079460000/ });
    expect(call.getAttribute('href')).toBe('tel:+442079460000');
    expect(call.getAttribute('target')).toBeNull();
    expect(screen.getByText('Free and confidential, every day, 8:00–22:00.')).toBeTruthy();
    const report = screen.getByRole('link', {
      name: /^Speak-up form speakup\.acme\.example\/report \(opens in a new tab\)$/,
    });
    expect(report.getAttribute('href')).toBe('https://speakup.acme.example/report');
    expect(report.getAttribute('target')).toBe('_blank');
    expect(report.getAttribute('rel')).toContain('noopener');
    const policy = screen.getByRole('link', { name: /^Acme's policy on harassment/ });
    expect(policy.getAttribute('href')).toBe('https://intranet.acme.example/policy');
    expect(within(screen.getByRole('region', { name: 'Report' })).getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByRole('note')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('says plainly, on the page, that the shipped file is an example to replace', async () => {
    const { container } = renderFor(SHIPPED_ORGANISATION);
    expect(screen.getByRole('note').textContent).toMatch(
      /^This page shows an example\. The organisation .* must replace it/,
    );
    expect(screen.getByRole('link', { name: /^Emergency services: 112/ }).getAttribute('href')).toBe('tel:112');
    await expectNoAxeViolations(container);
  });

  it("speaks the learner's language", () => {
    i18next.changeLanguage('es');
    renderFor(ACME);
    expect(screen.getByRole('heading', { name: 'Pedir apoyo' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Línea de apoyo de Acme/ })).toBeTruthy();
  });
});

function Name() {
  const organisation = useOrganisation();
  return <p>{typeof organisation.name === 'string' ? organisation.name : organisation.name.en}</p>;
}

describe('the organisation the app shows', () => {
  it("is the server's, with its colours on the page", async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(ACME), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    render(
      <OrganisationProvider>
        <Name />
      </OrganisationProvider>,
    );
    expect(await screen.findByText('Acme Ltd')).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toBe('api/organisation');
    expect(document.documentElement.style.getPropertyValue('--org-accent')).toBe('#1a5fb4');
    expect(document.documentElement.style.getPropertyValue('--org-accent-soft')).toBe('#e6eef9');
  });

  it('stays the shipped example when there is no server of ours (static build, dev server)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } })),
    );
    render(
      <OrganisationProvider>
        <Name />
      </OrganisationProvider>,
    );
    await act(async () => {});
    expect(screen.getByText('Example organisation')).toBeTruthy();
    expect(document.documentElement.style.getPropertyValue('--org-accent')).toBe('');
  });

  it('is the one packed into the page (an LMS module), without asking any server', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    // The markup the packager writes into index.html, parsed in an inert document of its own (as the
    // browser parses the packed page), then its element moved into this page's head: no markup is assigned.
    const packed = new DOMParser().parseFromString(
      organisationScript({ ...ACME, name: 'Acme </script> Packed' }),
      'text/html',
    );
    document.head.replaceChildren(...[...packed.head.children].map((el) => document.importNode(el, true)));
    render(
      <OrganisationProvider>
        <Name />
      </OrganisationProvider>,
    );
    expect(screen.getByText('Acme </script> Packed')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
