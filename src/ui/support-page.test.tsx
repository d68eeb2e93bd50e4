// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import support from '../ui/support.json' with { type: 'json' };
import { SupportPage } from './support-page.tsx';

afterEach(cleanup);

describe('the support page', () => {
  it('shows every section and item of support.json', async () => {
    const { container } = render(<SupportPage />);
    for (const section of support.sections) {
      expect(screen.getByRole('heading', { name: section.title.en })).toBeTruthy();
      for (const item of section.items) expect(screen.getByText(item.detail.en)).toBeTruthy();
    }
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
