import { connectCmi5, readCmi5Launch } from './cmi5-connection.ts';
import type { LmsConnection } from './lms-connection.types.ts';
import type { ModuleConfig } from './module-config.ts';
import { connectScorm } from './scorm-connection.ts';

/** No LMS found: the module plays as usual and says that progress is not being recorded. */
const NO_LMS: LmsConnection = {
  standard: 'none',
  resume: undefined,
  recordChoice: async () => {},
  save: async () => {},
  finish: async () => {},
  leave: () => {},
};

/** Connects to the LMS the module was packaged for, or to none. */
export async function connectLms(config: ModuleConfig): Promise<LmsConnection> {
  try {
    const connection =
      config.standard === 'cmi5'
        ? await connectCmi5(readCmi5Launch(window.location.search), config.pass)
        : connectScorm(config.standard);
    return connection ?? NO_LMS;
  } catch (error) {
    console.warn('No LMS connection:', error);
    return NO_LMS;
  }
}
