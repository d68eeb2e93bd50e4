import type { Stage } from './scenario.types.ts';

/** The bystander steps (Latané & Darley), in the order they happen. Their names are interface text. */
export const STAGES: readonly Stage[] = ['notice', 'interpret', 'responsibility', 'choose', 'act'];
