// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSource, type SourceCheck } from './check-source.ts';
import { readDraft, saveDraft } from './draft-store.ts';
import { CHECK_DELAY_MS, type CheckRequest, type CheckResponse, sourceChecker } from './source-checker.ts';
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

describe('the checker with a worker', () => {
  /** A worker the test answers by hand, as a real one would, late. */
  class FakeWorker {
    static last: FakeWorker | undefined;
    onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
    onerror: (() => void) | null = null;
    received: CheckRequest[] = [];
    constructor() {
      FakeWorker.last = this;
    }
    postMessage(request: CheckRequest) {
      this.received.push(request);
    }
    terminate() {}
    answer(request: CheckRequest) {
      this.onmessage?.({ data: { id: request.id, check: checkSource(request.text, request.file) } } as MessageEvent);
    }
  }
  afterEach(() => vi.unstubAllGlobals());

  it('reports each verdict with its text, and drops one on a text that is no longer the latest', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const reports: [string | undefined, string][] = [];
    const checker = sourceChecker((check, text) => reports.push([check.scenario?.id, text]));
    const worker = FakeWorker.last as FakeWorker;
    checker.check(templateText(), 'my-scenario.json');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    const other = templateText().replace('"id": "my-scenario"', '"id": "another"');
    checker.check(other, 'another.json');
    // The template's verdict comes after the other text was given: not reported.
    worker.answer(worker.received[0]);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    worker.answer(worker.received[1]);
    expect(reports).toEqual([['another', other]]);
    checker.close();
  });

  it('checks at once, and while a check runs only the newest text waits for the worker', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const reports: string[] = [];
    const checker = sourceChecker((_, text) => reports.push(text));
    const worker = FakeWorker.last as FakeWorker;
    const texts = ['a', 'b', 'c'].map((id) => templateText().replace('"id": "my-scenario"', `"id": "${id}"`));
    checker.check(texts[0], 'a.json');
    expect(worker.received.map((r) => r.text)).toEqual([texts[0]]);
    checker.check(texts[1], 'b.json');
    checker.check(texts[2], 'c.json');
    expect(worker.received.length).toBe(1);
    worker.answer(worker.received[0]);
    // The middle text was typed over before its turn: never checked.
    expect(worker.received.map((r) => r.text)).toEqual([texts[0], texts[2]]);
    worker.answer(worker.received[1]);
    expect(reports).toEqual([texts[2]]);
    checker.close();
  });

  it('falls back to the main thread when the worker fails, without reporting a text that is no longer the latest', () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    const reports: [string | undefined, string][] = [];
    const checker = sourceChecker((check, text) => reports.push([check.scenario?.id, text]));
    const worker = FakeWorker.last as FakeWorker;
    checker.check(templateText(), 'my-scenario.json');
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    const other = templateText().replace('"id": "my-scenario"', '"id": "another"');
    checker.check(other, 'another.json');
    worker.onerror?.();
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(CHECK_DELAY_MS);
    expect(reports).toEqual([['another', other]]);
    checker.close();
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
