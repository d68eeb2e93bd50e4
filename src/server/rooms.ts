import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import type { SessionCreated, SessionRequest } from '../protocol/messages.ts';
import type { ServerConfig } from './config.ts';
import { Room, type RoomDeps } from './room.ts';
import { RoomError } from './room-error.ts';
import { hashSecret, randomJoinCode, randomToken } from './secrets.ts';
import type { SessionStore } from './session-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const IDLE_MS = 30 * 60 * 1000;

/** The rooms in memory, loaded from the store on first use: after a restart, a room comes back when someone reconnects. */
export class Rooms {
  private readonly byId = new Map<string, Promise<Room | undefined>>();
  /** Join codes of the rooms in memory: a class joining at once asks the store once, not once per phone. */
  private readonly idByCode = new Map<string, string>();
  private readonly deps: RoomDeps;

  /** `log` hears of failures no message was waiting on, such as the store failing when a countdown ends. */
  constructor(
    private readonly store: SessionStore,
    private readonly catalogue: ReadonlyMap<string, LoadedScenario>,
    private readonly config: Pick<ServerConfig, 'retentionDays' | 'defaultCap' | 'defaultMinReveal'>,
    private readonly now: () => number = Date.now,
    log: (error: unknown) => void = (error) => console.error('upstander server:', error),
  ) {
    this.deps = { store, now, log };
  }

  async create(request: SessionRequest): Promise<SessionCreated> {
    const scenario = this.catalogue.get(request.scenario);
    if (!scenario) throw new RoomError('unknown-scenario', `There is no valid scenario "${request.scenario}".`);
    let code = randomJoinCode();
    while (await this.store.codeInUse(code)) code = randomJoinCode();
    const secret = randomToken();
    const createdAt = this.now();
    const room = await Room.create(
      {
        id: randomToken(),
        code,
        scenarioId: scenario.scenario.id,
        hostHash: hashSecret(secret),
        createdAt,
        expiresAt: createdAt + this.config.retentionDays * DAY_MS,
        cap: request.cap ?? this.config.defaultCap,
        minReveal: request.minReveal ?? this.config.defaultMinReveal,
        timers: request.timers !== false,
      },
      scenario,
      this.deps,
    );
    this.byId.set(room.id, Promise.resolve(room));
    this.idByCode.set(code, room.id);
    return { sessionId: room.id, code, secret };
  }

  async byCode(code: string): Promise<Room | undefined> {
    const id = this.idByCode.get(code) ?? (await this.store.sessionIdByCode(code));
    return id ? this.get(id) : undefined;
  }

  /** The room, from memory or the store; one load however many phones ask at once. */
  get(id: string): Promise<Room | undefined> {
    let room = this.byId.get(id);
    if (!room) {
      room = this.load(id);
      this.byId.set(id, room);
      room.then(
        (r) => r ?? this.byId.delete(id),
        () => this.byId.delete(id),
      );
    }
    return room;
  }

  private async load(id: string): Promise<Room | undefined> {
    const stored = await this.store.loadRoom(id);
    if (!stored || stored.room.expiresAt <= this.now()) return undefined;
    const scenario = this.catalogue.get(stored.room.scenarioId);
    if (!scenario) throw new RoomError('unknown-session', 'This session’s scenario is no longer offered.');
    const guesses = await this.store.guessesOn(id, stored.room.choices.length);
    const room = Room.restore({ ...stored, guesses }, scenario, this.deps);
    this.idByCode.set(room.code, room.id);
    return room;
  }

  /**
   * Retention: deletes expired sessions from the store and from memory. Rooms nobody has been connected
   * to for `idleMs` also leave memory; they come back from the store when someone reconnects.
   */
  async sweep(idleMs = IDLE_MS): Promise<number> {
    const deleted = await this.store.deleteExpired(this.now());
    for (const [id, pending] of this.byId) {
      const room = await pending.catch(() => undefined);
      if (room && (room.expiresAt <= this.now() || room.idleSince(this.now(), idleMs))) {
        room.dispose();
        this.byId.delete(id);
        this.idByCode.delete(room.code);
      }
    }
    return deleted;
  }

  /** How many rooms are in memory. */
  get loaded(): number {
    return this.byId.size;
  }

  dispose() {
    for (const pending of this.byId.values())
      pending.then(
        (room) => room?.dispose(),
        () => {},
      );
    this.byId.clear();
    this.idByCode.clear();
  }
}
