import { connectCmi5, readCmi5Launch } from './cmi5-connection.ts';
import type { LmsConnection } from './lms-connection.types.ts';
import type { ModuleConfig } from './module-config.ts';
import { connectScorm } from './scorm-connection.ts';

/** No LMS found: the module plays as usual and says that progress is not being recorded. */
const NO_LMS: LmsConnection = {
  standard: 'none',
  resume: undefined,
  held: undefined,
  mode: 'normal',
  counts: false,
  languages: [],
  recordChoice: async () => {},
  save: async () => {},
  complete: async () => {},
  finish: async () => {},
  leave: () => {},
  onTrouble: () => () => {},
};

// A page has one LMS session: initialising twice is an error in SCORM and a second `initialized` in
// cmi5, so every caller (React may mount twice) shares the first connection.
let connecting: Promise<LmsConnection> | undefined;

/** Connects to the LMS the module was packaged for, or to none; once per page. */
export function connectLms(config: ModuleConfig): Promise<LmsConnection> {
  connecting ??= connect(config);
  return connecting;
}

async function connect(config: ModuleConfig): Promise<LmsConnection> {
  try {
    const connection =
      config.standard === 'cmi5'
        ? await connectCmi5(readCmi5Launch(window.location.search), config.pass)
        : await connectScorm(config.standard);
    return connection ?? NO_LMS;
  } catch (error) {
    console.warn('No LMS connection:', error);
    return NO_LMS;
  }
}
