import { describe, expect, it } from 'vitest';
import { findScormApi } from './find-scorm-api.ts';

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
});
