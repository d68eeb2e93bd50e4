import { createContext, useContext } from 'react';

/**
 * The ids of the boosters this build ships (`meta.kind: "booster"`), for the reminders a learner may
 * take after their commitment. None where no provider gives them (an LMS module ships no boosters).
 */
export const BoostersContext = createContext<readonly string[]>([]);

export function useBoosters(): readonly string[] {
  return useContext(BoostersContext);
}
