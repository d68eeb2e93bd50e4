// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceCheck } from './check-source.ts';
import { readDraft, saveDraft } from './draft-store.ts';
import { CHECK_DELAY_MS, sourceChecker } from './source-checker.ts';
import { templateText } from './template.ts';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('the checker as you type (no Worker here: on the main thread)', () => {
  it('checks once typing pauses, and reports only the latest text', () => {
    vi.useFakeTimers();
    const reports: SourceCheck[] = [];
    const checker = sourceChecker((check) => reports.push(check));
    checker.check('{', 'a.json');
    checker.check(templateText(), 'my-scenario.json');
    vi.advanceTimersByTime(CHECK_DELAY_MS - 1);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reports.map((r) => r.scenario?.id)).toEqual(['my-scenario']);
    checker.close();
  });

  it('reports nothing once closed', () => {
    vi.useFakeTimers();
    const reports: SourceCheck[] = [];
    const checker = sourceChecker((check) => reports.push(check));
    checker.check('{', 'a.json');
    checker.close();
    vi.advanceTimersByTime(CHECK_DELAY_MS * 2);
    expect(reports).toEqual([]);
  });
});

describe('the draft kept in this browser', () => {
  it('comes back as it was saved, even broken, and a corrupt one is dropped', () => {
    expect(readDraft()).toBeUndefined();
    saveDraft({ text: '{ "id": ', file: 'mine.json' });
    expect(readDraft()).toEqual({ text: '{ "id": ', file: 'mine.json' });
    localStorage.setItem('upstander:v1:studio:draft', '{"text": 3}');
    expect(readDraft()).toBeUndefined();
    expect(localStorage.getItem('upstander:v1:studio:draft')).toBeNull();
  });
});
