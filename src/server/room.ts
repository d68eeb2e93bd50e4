import { choicesFor, currentScene } from '../engine/choices.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import { choose, type Run, replayRun } from '../engine/run-state.ts';
import type { ChoiceOnScreen, DecisionRecord, Phase, RoomView, ServerMessage, Tally } from '../protocol/messages.ts';
import { countVotes, majorityOf } from '../protocol/tally.ts';
import type { Peer } from './peer.types.ts';
import { RoomAudience } from './room-audience.ts';
import { RoomError } from './room-error.ts';
import { roomView } from './room-view.ts';
import { hashSecret, randomToken, secretMatches } from './secrets.ts';
import type { DecisionRow, SessionRow, SessionStore, StoredRoom } from './session-store.ts';

/** A choice on the screen, with its delay when it is timed. */
interface OnScreen extends ChoiceOnScreen {
  readonly delay: number | undefined;
}

/**
 * One session: the authoritative state of a group's run through a scenario. The scenario's machine runs
 * here, through the engine. Every change is stored before it is applied and announced, and changes are
 * applied one at a time, so a restart finds exactly what the room last told anyone.
 */
export class Room {
  private run: Run;
  private readonly participants = new Map<string, string>();
  /** Votes on the decision on the screen, by participant. */
  private readonly votes = new Map<string, string>();
  private readonly path: DecisionRecord[];
  private readonly posts = new Map<string, { text: string; status: string }>();
  private readonly audience: RoomAudience;
  private queue: Promise<unknown> = Promise.resolve();
  /** Vote writes not yet committed: votes share commits, and every other change waits for them. */
  private readonly votesInFlight = new Set<Promise<void>>();
  private deadlineTimer: NodeJS.Timeout | undefined;
  private tally: Tally | undefined;
  /** The choices of the decision on the screen, kept with `run`. */
  private onScreen: OnScreen[];

  private constructor(
    private session: SessionRow,
    private readonly scenario: LoadedScenario,
    private readonly store: SessionStore,
    private readonly now: () => number,
    stored?: StoredRoom,
  ) {
    const run = replayRun(scenario.machine, JSON.parse(session.choices));
    if (!run)
      throw new RoomError('unknown-session', 'This session no longer matches its scenario, which has changed since.');
    this.run = run;
    this.onScreen = this.choicesAt(run);
    this.audience = new RoomAudience(session.id, now);
    this.path = (stored?.decisions ?? []).map((d) => ({
      scene: d.scene.split('.'),
      choice: d.choice,
      chosenBy: d.chosen_by as DecisionRecord['chosenBy'],
      tally: JSON.parse(d.tally),
    }));
    for (const p of stored?.participants ?? []) this.participants.set(p.id, p.resume_hash);
    for (const v of stored?.votes ?? []) this.votes.set(v.participant_id, v.choice);
    for (const p of stored?.posts ?? []) this.posts.set(p.id, { text: p.text, status: p.status });
    if (session.phase === 'revealed') this.tally = this.countNow();
    this.armDeadline();
  }

  static async create(
    session: Omit<SessionRow, 'choices' | 'phase' | 'opened_at' | 'deadline' | 'revealed_at' | 'locked'>,
    scenario: LoadedScenario,
    store: SessionStore,
    now: () => number,
  ): Promise<Room> {
    const row: SessionRow = {
      ...session,
      choices: '[]',
      phase: 'lobby',
      locked: 0,
      opened_at: null,
      deadline: null,
      revealed_at: null,
    };
    await store.createSession(row);
    return new Room(row, scenario, store, now);
  }

  /** The room as it was stored, as after a server restart. */
  static restore(stored: StoredRoom, scenario: LoadedScenario, store: SessionStore, now: () => number): Room {
    return new Room(stored.session, scenario, store, now, stored);
  }

  get id() {
    return this.session.id;
  }
  get code() {
    return this.session.code;
  }
  get expiresAt() {
    return this.session.expires_at;
  }
  get phase(): Phase {
    return this.session.phase as Phase;
  }

  // Connections -------------------------------------------------------------------------------------

  join(peer: Peer, replyTo?: number) {
    return this.serial(async () => {
      if (this.session.locked) throw new RoomError('room-locked', 'This session is locked: ask the facilitator.');
      if (this.participants.size >= this.session.cap) throw new RoomError('room-full', 'This session is full.');
      const participantId = randomToken();
      const resumeSecret = randomToken();
      const hash = hashSecret(resumeSecret);
      await this.store.addParticipant({
        id: participantId,
        session_id: this.id,
        resume_hash: hash,
        joined_at: this.now(),
      });
      this.participants.set(participantId, hash);
      this.audience.attach(peer, 'participant', participantId);
      this.audience.send(peer, {
        type: 'welcome',
        role: 'participant',
        sessionId: this.id,
        participantId,
        resumeSecret,
        replyTo,
      });
      this.audience.send(peer, this.roomMessage(peer));
      this.audience.scheduleCount(this.counts);
    });
  }

  /** A phone that slept or lost the network comes back as itself, with its vote, even into a locked room. */
  resume(peer: Peer, participantId: string, resumeSecret: string, replyTo?: number) {
    return this.serial(async () => {
      const hash = this.participants.get(participantId);
      if (!hash || !secretMatches(resumeSecret, hash))
        throw new RoomError('not-joined', 'This phone is not part of the session; join again with the code.');
      this.audience.attach(peer, 'participant', participantId);
      this.audience.send(peer, { type: 'welcome', role: 'participant', sessionId: this.id, participantId, replyTo });
      this.audience.send(peer, this.roomMessage(peer));
    });
  }

  watch(peer: Peer, replyTo?: number) {
    this.audience.attach(peer, 'presenter');
    this.audience.send(peer, { type: 'welcome', role: 'presenter', sessionId: this.id, replyTo });
    this.audience.send(peer, this.roomMessage(peer));
  }

  host(peer: Peer, secret: string, replyTo?: number) {
    if (!secretMatches(secret, this.session.host_hash))
      throw new RoomError('not-facilitator', 'That is not the facilitator’s key to this session.');
    this.audience.attach(peer, 'facilitator');
    this.audience.send(peer, { type: 'welcome', role: 'facilitator', sessionId: this.id, replyTo });
    this.audience.send(peer, this.roomMessage(peer));
  }

  leave(peer: Peer) {
    this.audience.leave(peer);
  }

  /** Nobody connected for `idleMs`: the room can leave memory; everything it holds is stored. */
  idleSince(now: number, idleMs: number): boolean {
    return this.audience.idleSince(now, idleMs);
  }

  // Participants ------------------------------------------------------------------------------------

  vote(peer: Peer, decision: number, choice: string, replyTo?: number) {
    const checked = this.serial(async () => {
      const participantId = this.participantOf(peer);
      if (this.phase !== 'voting') throw new RoomError('not-voting', 'Voting is closed for this decision.');
      if (decision !== this.decision)
        throw new RoomError('stale-decision', 'That vote was for an earlier decision; the story has moved on.');
      if (!this.onScreen.some((c) => c.event === choice && !c.timed))
        throw new RoomError('unknown-choice', 'That is not one of the choices on the screen.');
      if (this.votes.get(participantId) === choice) return undefined;
      // Not awaited here: the next vote need not wait for this one's commit, so votes share commits.
      const stored = this.store
        .putVote({ session_id: this.id, decision, participant_id: participantId, choice, at: this.now() })
        .then(() => {
          this.votes.set(participantId, choice);
          this.audience.scheduleCount(this.counts);
        });
      this.votesInFlight.add(stored);
      stored.then(
        () => this.votesInFlight.delete(stored),
        () => this.votesInFlight.delete(stored),
      );
      return { stored };
    }, false);
    return checked
      .then((write) => write?.stored)
      .then(() => this.audience.send(peer, { type: 'voted', decision, choice, replyTo }));
  }

  post(peer: Peer, text: string, replyTo?: number) {
    return this.serial(async () => {
      this.participantOf(peer);
      if (this.phase !== 'debrief')
        throw new RoomError('wrong-phase', 'Commitments are posted at the end, in the debrief.');
      const id = randomToken();
      await this.store.addPost({ id, session_id: this.id, text, created_at: this.now(), status: 'pending' });
      this.posts.set(id, { text, status: 'pending' });
      this.audience.send(peer, { type: 'posted', replyTo });
      this.audience.broadcast(this.view, this.voteOf, 'facilitator');
    });
  }

  // The facilitator ---------------------------------------------------------------------------------

  start(peer: Peer) {
    return this.control(peer, async () => {
      if (this.phase !== 'lobby') throw new RoomError('wrong-phase', 'The session has already started.');
      await this.openDecision(this.run);
    });
  }

  reveal(peer: Peer | undefined) {
    return this.control(peer, async () => {
      if (this.phase !== 'voting') throw new RoomError('wrong-phase', 'There is no vote to reveal.');
      const at = this.now();
      await this.store.updateSession(this.id, { phase: 'revealed', revealed_at: at, deadline: null });
      this.session = { ...this.session, phase: 'revealed', revealed_at: at, deadline: null };
      clearTimeout(this.deadlineTimer);
      this.tally = this.countNow();
      this.audience.broadcast(this.view, this.voteOf);
    });
  }

  /** Goes on with the choice named (to explore a branch), or with the majority. */
  advance(peer: Peer, named?: string) {
    return this.control(peer, async () => {
      if (this.phase !== 'revealed') throw new RoomError('wrong-phase', 'Reveal the votes before going on.');
      const tally = this.tally ?? this.countNow();
      const choice = named ?? majorityOf(tally);
      if (!choice) throw new RoomError('no-majority', 'There is no clear majority: pick the branch to follow.');
      const chosen = choose(this.scenario.machine, this.run, choice);
      if (!chosen.ok) throw new RoomError('unknown-choice', 'That is not one of the choices on the screen.');
      const at = this.now();
      const record: DecisionRecord = {
        scene: [...currentScene(this.scenario.machine, this.run.snapshot).keys],
        choice,
        chosenBy: named && named !== majorityOf(tally) ? 'facilitator' : 'majority',
        tally,
      };
      const decisionRow = {
        session_id: this.id,
        decision: this.decision,
        scene: record.scene.join('.'),
        choice,
        chosen_by: record.chosenBy,
        tally: JSON.stringify(tally),
        opened_at: this.session.opened_at ?? at,
        revealed_at: this.session.revealed_at ?? at,
        closed_at: at,
      };
      await this.openDecision(chosen.run, { row: decisionRow, record });
    });
  }

  lock(peer: Peer, locked: boolean) {
    return this.control(peer, async () => {
      await this.store.updateSession(this.id, { locked: locked ? 1 : 0 });
      this.session = { ...this.session, locked: locked ? 1 : 0 };
      this.audience.broadcast(this.view, this.voteOf);
    });
  }

  moderate(peer: Peer, postId: string, show: boolean) {
    return this.control(peer, async () => {
      const post = this.posts.get(postId);
      if (!post) throw new RoomError('unknown-post', 'There is no such post in this session.');
      const status = show ? 'shown' : 'hidden';
      await this.store.setPostStatus(postId, status);
      post.status = status;
      this.audience.broadcast(this.view, this.voteOf);
    });
  }

  // State -------------------------------------------------------------------------------------------

  private get decision() {
    return this.path.length;
  }

  /**
   * The choices on offer where `run` is, asked of XState once per decision (not once per vote); with
   * timers on, a timed choice is what happens when time runs out, not a vote.
   */
  private choicesAt(run: Run): OnScreen[] {
    return choicesFor(this.scenario.machine, run.snapshot).map((c) => ({
      event: c.event,
      timed: c.delay !== undefined && this.session.timers === 1,
      delay: c.delay,
    }));
  }

  private countNow(): Tally {
    return countVotes(this.onScreen, this.votes.values(), this.participants.size, this.session.min_reveal);
  }

  /**
   * Opens the decision `run` is at (or the debrief, at an ending), storing it together with the decision
   * just closed; only once stored does the room move on.
   */
  private async openDecision(run: Run, closed?: { row: DecisionRow; record: DecisionRecord }) {
    const at = this.now();
    const ended = run.snapshot.status === 'done';
    const onScreen = this.choicesAt(run);
    const delay = onScreen.find((c) => c.timed)?.delay;
    const changes = {
      phase: ended ? 'debrief' : 'voting',
      choices: JSON.stringify(run.steps.map((s) => s.event)),
      opened_at: at,
      deadline: !ended && delay !== undefined ? at + delay : null,
      revealed_at: null,
    };
    if (closed) await this.store.closeDecision(closed.row, changes);
    else await this.store.updateSession(this.id, changes);
    this.run = run;
    this.onScreen = onScreen;
    if (closed) this.path.push(closed.record);
    this.votes.clear();
    this.tally = undefined;
    this.session = { ...this.session, ...changes };
    this.armDeadline();
    this.audience.broadcast(this.view, this.voteOf);
  }

  /** A timed choice closes the vote when its shared countdown runs out, even after a restart. */
  private armDeadline() {
    clearTimeout(this.deadlineTimer);
    const { deadline, phase } = this.session;
    if (phase !== 'voting' || deadline === null) return;
    this.deadlineTimer = setTimeout(() => this.reveal(undefined).catch(() => {}), Math.max(0, deadline - this.now()));
    this.deadlineTimer.unref();
  }

  /** Stops the countdown: the room is being unloaded. */
  dispose() {
    clearTimeout(this.deadlineTimer);
    this.audience.dispose();
  }

  // Messages ----------------------------------------------------------------------------------------

  private readonly view = (forFacilitator: boolean): RoomView =>
    roomView(
      {
        session: this.session,
        joined: this.participants.size,
        voted: this.votes.size,
        decision: this.decision,
        scene: currentScene(this.scenario.machine, this.run.snapshot).keys,
        choices: this.onScreen.map(({ event, timed }) => ({ event, timed })),
        tally: this.tally,
        path: this.path,
        posts: this.posts,
      },
      forFacilitator,
      this.now(),
    );

  private readonly voteOf = (participantId: string) => this.votes.get(participantId) ?? null;
  private readonly counts = () => ({ joined: this.participants.size, voted: this.votes.size });

  private roomMessage(peer: Peer): ServerMessage {
    const room = this.view(peer.role === 'facilitator');
    return peer.role === 'participant'
      ? { type: 'room', room, myVote: this.voteOf(peer.participantId ?? '') }
      : { type: 'room', room };
  }

  private participantOf(peer: Peer): string {
    if (peer.role !== 'participant' || !peer.participantId || peer.sessionId !== this.id)
      throw new RoomError('not-joined', 'Join the session before voting.');
    return peer.participantId;
  }

  private control(peer: Peer | undefined, change: () => Promise<void>) {
    return this.serial(async () => {
      // No peer: the room's own countdown.
      if (peer && (peer.role !== 'facilitator' || peer.sessionId !== this.id))
        throw new RoomError('not-facilitator', 'Only the facilitator can do that.');
      await change();
    });
  }

  /**
   * Applies changes one at a time, in the order they arrived; a failed one leaves the next unaffected.
   * Every change but a vote first waits until the votes before it are stored and counted.
   */
  private serial<T>(change: () => Promise<T>, afterVotes = true): Promise<T> {
    const run = async () => {
      if (afterVotes) await Promise.allSettled(this.votesInFlight);
      return change();
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }
}
