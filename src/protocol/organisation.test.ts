import { describe, expect, it } from 'vitest';
import example from '../../organisation.json' with { type: 'json' };
import { contrastRatio } from './contrast.ts';
import { checkOrganisation } from './organisation.ts';

/** A valid organisation, changed by `edit` (a deep copy each time). */
function withEdit(edit: (o: any) => void): unknown {
  const o = structuredClone(example) as any;
  edit(o);
  return o;
}

function problems(value: unknown) {
  const result = checkOrganisation(value);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('the organisation file', () => {
  it('accepts the shipped example, which says it is an example', () => {
    const result = checkOrganisation(example);
    expect(result.ok && result.organisation.example).toBe(true);
  });

  it('refuses a link nobody can tap, naming the place and the fix', () => {
    const found = problems(withEdit((o) => (o.support[1].link = '0800 123 456')));
    expect(found).toEqual([{ path: 'support[1].link', message: expect.stringContaining('"tel:" and the number') }]);
    expect(found[0].message).toContain('https://');
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://example.org/report'],
    ['tel:+44 1234 567890'],
    ['tel:+1'],
    ['mailto:hr@example.org'],
  ])('refuses the link %s', (link) => {
    expect(problems(withEdit((o) => (o.reporting[0].link = link)))[0].path).toBe('reporting[0].link');
  });

  it.each([['tel:112'], ['tel:+44-20-7946-0000'], ['https://intranet.example.org/speak-up?x=1']])(
    'accepts the link %s',
    (link) => {
      expect(checkOrganisation(withEdit((o) => (o.reporting[0].link = link))).ok).toBe(true);
    },
  );

  it('says a missing setting is missing, and lists every problem at once', () => {
    const found = problems(
      withEdit((o) => {
        delete o.name;
        delete o.policy.link;
        o.reporting = [];
      }),
    );
    expect(found.map((p) => p.path)).toEqual(['name', 'reporting', 'policy.link']);
    expect(found[0].message).toMatch(/^This setting is missing\. Write your organisation's name as text/);
    expect(found[1].message).toBe('List at least one reporting channel: learners must always have somewhere to go.');
    expect(found[2].message).toMatch(
      /^This setting is missing\. Give the policy as a web address starting with https:\/\//,
    );
  });

  it('catches a misspelt setting and suggests the right one', () => {
    expect(problems(withEdit((o) => (o.suport = o.support)))).toEqual([
      {
        path: 'suport',
        message:
          '"suport" is not a setting here. Did you mean "support"? The settings here are: example, name, logo, colours, support, reporting, policy, quickExit.',
      },
    ]);
    expect(problems(withEdit((o) => (o.support[0].phone = 'tel:112')))[0]).toEqual({
      path: 'support[0].phone',
      message: expect.stringContaining('The settings here are: label, description, link.'),
    });
  });

  it('refuses empty text and bad language codes', () => {
    expect(problems(withEdit((o) => (o.name = '  ')))[0].path).toBe('name');
    expect(problems(withEdit((o) => (o.policy.label = { English: 'Policy' })))[0]).toEqual({
      path: 'policy.label',
      message: expect.stringContaining('Each language is a short code (en, es)'),
    });
  });

  it('refuses a Quick exit that is not a harmless https page, and a logo that is not an image', () => {
    expect(problems(withEdit((o) => (o.quickExit = 'http://news.example')))[0]).toEqual({
      path: 'quickExit',
      message: expect.stringContaining('https:// address of a harmless page'),
    });
    expect(problems(withEdit((o) => (o.logo = 'logo.exe')))[0]).toEqual({
      path: 'logo',
      message: expect.stringContaining('(svg, png, jpg, jpeg, webp)'),
    });
    expect(checkOrganisation(withEdit((o) => (o.logo = 'brand/logo.svg'))).ok).toBe(true);
  });

  it('refuses a colour that is not a colour code', () => {
    expect(problems(withEdit((o) => (o.colours = { accent: 'purple' })))[0]).toEqual({
      path: 'colours.accent',
      message: 'Give the accent colour as a colour code: # and six hex digits, such as "#5b2a86".',
    });
  });

  it('refuses an accent too light to read on the page, with the ratio and which way to go', () => {
    const found = problems(withEdit((o) => (o.colours = { accent: '#f5a623' })));
    expect(found).toEqual([{ path: 'colours.accent', message: expect.stringContaining('Choose a darker shade') }]);
    expect(found[0].message).toContain(`contrast of ${contrastRatio('#f5a623', '#fdfcfa').toFixed(2)}:1`);
    expect(found[0].message).toContain('at least 4.5:1');
  });

  it('refuses a soft accent too dark for the text on it', () => {
    const found = problems(withEdit((o) => (o.colours = { accent: '#1a5fb4', accentSoft: '#6a8fc4' })));
    expect(found).toEqual([{ path: 'colours.accentSoft', message: expect.stringContaining('Choose a lighter shade') }]);
  });

  it('accepts colours that reach AA', () => {
    expect(checkOrganisation(withEdit((o) => (o.colours = { accent: '#1a5fb4', accentSoft: '#e6eef9' }))).ok).toBe(
      true,
    );
  });

  it('refuses what is not an object', () => {
    expect(problems([])[0].path).toBe('');
    expect(problems('x')[0].message).toContain('one object in curly brackets');
  });
});

describe('contrast', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#5b2a86', '#5b2a86')).toBe(1);
    // A published pair: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });
});
