import type { Stage } from './scenario.types.ts';

/** The bystander steps (Latané & Darley), in the order they happen, as learners read them. */
export const STAGES: readonly { readonly id: Stage; readonly name: string }[] = [
  { id: 'notice', name: 'Noticing what is happening' },
  { id: 'interpret', name: 'Seeing it as a problem' },
  { id: 'responsibility', name: 'Taking responsibility' },
  { id: 'choose', name: 'Choosing how to help' },
  { id: 'act', name: 'Acting' },
];
