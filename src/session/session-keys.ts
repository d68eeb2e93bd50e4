import { isRecord, readStored, removeStored, writeStored } from '../ui/local-store.ts';

/** What a phone keeps to come back as itself: never a name, and only on this phone. */
export interface PhoneIdentity {
  readonly sessionId: string;
  readonly participantId: string;
  readonly resumeSecret: string;
}

const isIdentity = (v: unknown): v is PhoneIdentity =>
  isRecord(v) &&
  typeof v.sessionId === 'string' &&
  typeof v.participantId === 'string' &&
  typeof v.resumeSecret === 'string';

export function phoneIdentity(code: string): PhoneIdentity | undefined {
  const stored = readStored(`session:${code}`, isIdentity);
  return stored.state === 'ok' ? stored.value : undefined;
}

export function keepPhoneIdentity(code: string, identity: PhoneIdentity) {
  writeStored(`session:${code}`, identity);
}

/** The server no longer knows this phone in that session (removed, or the seat is gone): join afresh next time. */
export function forgetPhoneIdentity(code: string) {
  removeStored(`session:${code}`);
}

/** The facilitator's secret stays in the browser that started the session: never in a URL, never on the projector. */
export function hostSecret(sessionId: string): string | undefined {
  const stored = readStored(`host:${sessionId}`, (v): v is string => typeof v === 'string');
  return stored.state === 'ok' ? stored.value : undefined;
}

export function keepHostSecret(sessionId: string, secret: string) {
  writeStored(`host:${sessionId}`, secret);
}

/** A display name, if the participant gives one: shown on this phone only, never sent. */
export function displayName(): string {
  const stored = readStored('session-name', (v): v is string => typeof v === 'string');
  return stored.state === 'ok' ? stored.value : '';
}

export function keepDisplayName(name: string) {
  writeStored('session-name', name.slice(0, 40));
}

/** The session id a QR code's or the console's link carries, if it is one (anything else is ignored). */
export function sessionIdFromLink(raw: string | undefined): string | undefined {
  return raw && /^[A-Za-z0-9_-]{22}$/.test(raw) ? raw : undefined;
}

/** A session this browser is running, as the console last saw it: enough to list it and return to it. */
export interface RunningSession {
  readonly sessionId: string;
  readonly scenarioId: string;
  readonly code: string;
  /** When the console last saw it, in milliseconds since the epoch. */
  readonly seenAt: number;
}

/** At most this many are listed; the oldest are forgotten first. */
const MAX_RUNNING = 10;

const isRunning = (v: unknown): v is RunningSession[] =>
  Array.isArray(v) &&
  v.every(
    (s) =>
      isRecord(s) &&
      typeof s.sessionId === 'string' &&
      typeof s.scenarioId === 'string' &&
      typeof s.code === 'string' &&
      typeof s.seenAt === 'number',
  );

/** The sessions this browser is running and holds the facilitator key of, the most recent first. */
export function runningSessions(): RunningSession[] {
  const stored = readStored('running-sessions', isRunning);
  return stored.state === 'ok' ? stored.value.filter((s) => hostSecret(s.sessionId) !== undefined) : [];
}

/** The console keeps its session listed while it runs, so the library can lead back to it. */
export function keepRunningSession(session: Omit<RunningSession, 'seenAt'>) {
  const others = runningSessions().filter((s) => s.sessionId !== session.sessionId);
  writeStored('running-sessions', [{ ...session, seenAt: Date.now() }, ...others].slice(0, MAX_RUNNING));
}

/** An ended session is no longer listed (its key stays, for its results). */
export function forgetRunningSession(sessionId: string) {
  writeStored(
    'running-sessions',
    runningSessions().filter((s) => s.sessionId !== sessionId),
  );
}
