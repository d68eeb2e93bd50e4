import { describe, expect, it } from 'vitest';
import { findScormApi, waitForScormApi } from './find-scorm-api.ts';

/** A window-like object: its own parent at the top, as in a browser. */
function frame(props: Record<string, unknown> = {}, parent?: object): Window {
  const win: Record<string, unknown> = { ...props };
  win.parent = parent ?? win;
  return win as unknown as Window;
}

/** A frame of another origin: touching anything but `parent` throws, as browsers do. */
function crossOrigin(parent: object): Window {
  return new Proxy({} as Window, {
    get(_, key) {
      if (key === 'parent') return parent;
      throw new DOMException('Blocked a frame with origin from accessing a cross-origin frame.', 'SecurityError');
    },
  });
}

describe('findScormApi', () => {
  const api = { name: 'the LMS API' };

  it('finds the API on an ancestor frame, stepping over a cross-origin frame on the way', () => {
    const lms = frame({ API: api });
    const player = frame({}, crossOrigin(lms));
    expect(findScormApi('API', player)).toBe(api);
  });

  it('looks in the window that opened this one when no frame has it', () => {
    const opener = frame({ API_1484_11: api });
    const popup = frame({ opener });
    expect(findScormApi('API_1484_11', popup)).toBe(api);
    expect(findScormApi('API', popup)).toBeUndefined();
  });

  it('finds nothing outside an LMS, and does not climb for ever', () => {
    expect(findScormApi('API', frame())).toBeUndefined();
    let deep: Window = frame({ API: api });
    for (let i = 0; i < 50; i++) deep = frame({}, deep);
    expect(findScormApi('API', deep)).toBeUndefined();
  });

  it('finds the API on the opener of the top window, when a popup player page frames the course', () => {
    const lms = frame({ API: api });
    const popup = frame({ opener: lms });
    const course = frame({}, popup);
    expect(findScormApi('API', course)).toBe(api);
    // And on a parent of that opener (the LMS's own frameset).
    const framedLms = frame({}, frame({ API_1484_11: api }));
    expect(findScormApi('API_1484_11', frame({}, frame({ opener: framedLms })))).toBe(api);
  });

  it('waits for an API the LMS creates a moment late, and gives up after the time allowed', async () => {
    const lms = frame();
    setTimeout(() => Object.assign(lms, { API: api }), 120);
    expect(await waitForScormApi('API', { within: 2000, every: 20, start: frame({}, lms) })).toBe(api);
    const started = Date.now();
    expect(await waitForScormApi('API', { within: 150, every: 20, start: frame() })).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
