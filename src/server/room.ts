import { picksToEvents, runToPicks } from '../engine/choice-names.ts';
import { choicesFor, currentScene } from '../engine/choices.ts';
import type { LoadedScenario } from '../engine/load-scenario.types.ts';
import { choose, type Run, replayRun } from '../engine/run-state.ts';
import type { Text } from '../engine/scenario.types.ts';
import { sharedReadingAllowanceMs } from '../engine/timed-choice.ts';
import type {
  ChoiceOnScreen,
  ClientMessageType,
  DecisionRecord,
  ErrorCode,
  Role,
  RoomView,
  SeatView,
  Tally,
} from '../protocol/messages.ts';
import { type Phase, phaseAllows } from '../protocol/phases.ts';
import { chosenByOf, countVotes, majorityOf } from '../protocol/tally.ts';
import type { Peer } from './peer.types.ts';
import { RoomAudience, SeatViews } from './room-audience.ts';
import { RoomError } from './room-error.ts';
import { RoomMoments } from './room-moments.ts';
import { RoomSeats } from './room-seats.ts';
import type { ClosedDecision, Post, RoomProgress, RoomState, StoredRoom } from './room-state.types.ts';
import { roomView } from './room-view.ts';
import { hashSecret, randomToken, secretMatches } from './secrets.ts';
import type { SessionStore } from './session-store.ts';
import { storedDecision, storedName, storedWithEvents } from './stored-choices.ts';

/** A choice on the screen, with its delay when it is timed and its label (for the reading time). */
interface OnScreen extends ChoiceOnScreen {
  readonly delay: number | undefined;
  readonly label: Text;
}

/** A vote handed to the store: `stored` settles once its commit is over (rejecting if it failed). */
interface Casting {
  readonly choice: string;
  readonly stored: Promise<void>;
}

/** What a room is made with: its store, its clock, and where it reports failures nobody asked about. */
export interface RoomDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  readonly log: (error: unknown) => void;
}

/**
 * One session: the authoritative state of a group's run through a scenario. The scenario's machine runs
 * here, through the engine. Every change is stored before it is applied and announced, and changes are
 * applied one at a time, so a restart finds exactly what the room last told anyone. Votes alone overlap
 * (they share group commits); every other change waits for the votes before it. A connection gets
 * its role only once its greeting is accepted, and keeps that one role: a refused message changes
 * nothing, for its sender too.
 */
export class Room {
  private run: Run;
  private readonly seats: RoomSeats;
  /** Votes on the decision on the screen, by participant. */
  private readonly votes = new Map<string, string>();
  private readonly path: ClosedDecision[];
  private readonly posts = new Map<string, Post>();
  private readonly audience: RoomAudience;
  /** Each phone's own doings as broadcasts carry them: one object for each set of doings in this decision. */
  private readonly seatViews = new SeatViews();
  private queue: Promise<unknown> = Promise.resolve();
  /** Changes queued or running: while none is, a vote is checked at once, without a turn in the queue. */
  private changesPending = 0;
  /** Vote writes not yet committed or failed: votes share commits, and every other change waits for them. */
  private votesInFlight = 0;
  /** Who waits for the votes in flight to be over. */
  private readonly votesStored: (() => void)[] = [];
  /** The latest vote of each participant still waiting for its commit (a phone may be open in two tabs). */
  private readonly casting = new Map<string, Casting>();
  private deadlineTimer: NodeJS.Timeout | undefined;
  private tally: Tally | undefined;
  /** At the reveal: participants connected who had not voted, counted for a timed choice. */
  private silent = new Set<string>();
  /** The choices of the decision on the screen, kept with `run`. */
  private onScreen: OnScreen[];
  /** Guesses at the room's pick on the decision on the screen, by participant (predict the room). */
  private readonly guesses = new Map<string, string>();
  private guessTally: Tally | undefined;
  /** Participants signalling "I need a moment": the facilitator sees only how many. */
  private readonly moments: RoomMoments;
  /** The part of the scene, spread or debrief the stage shows (kept in memory: after a restart, the first). */
  private scenePart = 0;
  /** How many parts each stage connected now shows what it shows in, as it last said (`stageParts`). */
  private readonly stageParts = new Map<Peer, number>();

  private constructor(
    private state: RoomState,
    private readonly scenario: LoadedScenario,
    private readonly deps: RoomDeps,
    stored?: StoredRoom,
  ) {
    const events = picksToEvents(scenario.machine, state.choices);
    const run = events && replayRun(scenario.machine, events);
    if (!run)
      throw new RoomError('unknown-session', 'This session no longer matches its scenario, which has changed since.');
    this.run = run;
    this.onScreen = this.choicesAt(run);
    this.audience = new RoomAudience(state.id, deps.now);
    this.path = [...(stored?.decisions ?? [])];
    this.seats = new RoomSeats(stored?.participants ?? []);
    for (const v of stored?.votes ?? [])
      if (this.seats.holder(v.participantId)) this.votes.set(v.participantId, v.choice);
    for (const p of stored?.posts ?? []) this.posts.set(p.id, p);
    for (const g of stored?.guesses ?? [])
      if (this.seats.holder(g.participantId)) this.guesses.set(g.participantId, g.choice);
    this.moments = new RoomMoments(deps.now, () => this.audience.broadcast(this.view, this.seatOf, ['facilitator']));
    // Who was connected at the reveal is not stored: after a restart, only votes count.
    if (state.phase === 'revealed') {
      this.tally = this.countNow();
      this.guessTally = this.countGuesses();
    }
    this.armDeadline();
  }

  static async create(
    settings: Omit<RoomState, keyof RoomProgress>,
    scenario: LoadedScenario,
    deps: RoomDeps,
  ): Promise<Room> {
    const state: RoomState = {
      ...settings,
      locked: false,
      phase: 'lobby',
      choices: [],
      openedAt: null,
      deadline: null,
      revealedAt: null,
    };
    await deps.store.createSession(state);
    return new Room(state, scenario, deps);
  }

  /** The room as it was stored, as after a server restart. */
  static restore(stored: StoredRoom, scenario: LoadedScenario, deps: RoomDeps): Room {
    const withEvents = storedWithEvents(stored, scenario.machine);
    if (!withEvents)
      throw new RoomError('unknown-session', 'This session no longer matches its scenario, which has changed since.');
    return new Room(stored.room, scenario, deps, withEvents);
  }

  get id() {
    return this.state.id;
  }
  get code() {
    return this.state.code;
  }
  get expiresAt() {
    return this.state.expiresAt;
  }
  get phase(): Phase {
    return this.state.phase;
  }

  // Connections -------------------------------------------------------------------------------------

  /** Takes a seat; a connection that already holds one in this room gets the same seat back, never a second. */
  join(peer: Peer, replyTo?: number) {
    return this.serial(async () => {
      if (this.holds(peer, 'participant')) return this.welcome(peer, replyTo);
      if (this.state.locked) throw new RoomError('room-locked', 'This session is locked: ask the facilitator.');
      if (this.seats.size >= this.state.cap) throw new RoomError('room-full', 'This session is full.');
      const resumeSecret = randomToken();
      const participant = {
        id: randomToken(),
        resumeHash: hashSecret(resumeSecret),
        seat: this.seats.nextSeat,
        joinedAt: this.deps.now(),
        removed: false,
      };
      await this.deps.store.addParticipant(this.id, participant);
      this.seats.add(participant);
      this.audience.attach(peer, 'participant', participant.id);
      this.welcome(peer, replyTo, resumeSecret);
    });
  }

  /** A phone that slept or lost the network comes back as itself, with its vote, even into a locked room. */
  resume(peer: Peer, participantId: string, resumeSecret: string, replyTo?: number) {
    return this.serial(async () => {
      const participant = this.seats.holder(participantId);
      if (!participant || !secretMatches(resumeSecret, participant.resumeHash))
        throw new RoomError('not-joined', 'This phone is not part of the session; join again with the code.');
      if (!this.holds(peer, 'participant', participantId)) this.audience.attach(peer, 'participant', participantId);
      this.welcome(peer, replyTo);
    });
  }

  watch(peer: Peer, replyTo?: number) {
    if (!this.holds(peer, 'presenter')) this.audience.attach(peer, 'presenter');
    this.welcome(peer, replyTo);
  }

  host(peer: Peer, secret: string, replyTo?: number) {
    if (!secretMatches(secret, this.state.hostHash))
      throw new RoomError('not-facilitator', 'That is not the facilitator’s key to this session.');
    if (!this.holds(peer, 'facilitator')) this.audience.attach(peer, 'facilitator');
    this.welcome(peer, replyTo);
  }

  /** The connection closed. */
  leave(peer: Peer) {
    const wasParticipant = peer.participantId !== undefined && peer.sessionId === this.id;
    const before = this.mostStageParts();
    this.stageParts.delete(peer);
    this.audience.leave(peer);
    if (this.mostStageParts() !== before) this.audience.broadcast(this.view, this.seatOf, ['facilitator']);
    if (wasParticipant) this.audience.scheduleCount(this.counts);
  }

  /** Nobody connected for `idleMs`: the room can leave memory; everything it holds is stored. */
  idleSince(now: number, idleMs: number): boolean {
    return this.audience.idleSince(now, idleMs);
  }

  // Participants ------------------------------------------------------------------------------------

  vote(peer: Peer, decision: number, choice: string, replyTo?: number) {
    return this.serial(() => this.cast(peer, decision, choice), false)
      .then((casting) => casting?.stored)
      .then(() => this.audience.send(peer, { type: 'voted', decision, choice, replyTo }));
  }

  /**
   * Checks a vote and hands it to the store, without waiting for the commit: the next vote need not wait
   * for this one's, so votes share commits. It is counted once stored; every other change (a removal, a
   * reveal, the next decision) waits for it, so it is counted exactly when it is stored, for a seat still
   * held, on the decision it was cast on. A repeat changes nothing; if the same choice is still being
   * stored, it is acknowledged with it.
   */
  private cast(peer: Peer, decision: number, choice: string): Casting | undefined {
    const participantId = this.participantOf(peer);
    this.allow('vote', 'not-voting', 'Voting is closed for this decision.');
    if (decision !== this.decision)
      throw new RoomError('stale-decision', 'That vote was for an earlier decision; the story has moved on.');
    if (!this.onScreen.some((c) => c.event === choice && !c.timed))
      throw new RoomError('unknown-choice', 'That is not one of the choices on the screen.');
    const casting = this.casting.get(participantId);
    if ((casting?.choice ?? this.votes.get(participantId)) === choice) return casting;
    const cast: Casting = {
      choice,
      stored: this.deps.store
        .putVote(this.id, { decision, participantId, choice: storedName(this.onScreen, choice), at: this.deps.now() })
        .then(
          () => {
            this.settle(participantId, cast);
            this.votes.set(participantId, choice);
            this.tellOtherTabs(peer, participantId);
            this.audience.scheduleCount(this.counts);
          },
          (error) => {
            this.settle(participantId, cast);
            throw error;
          },
        ),
    };
    this.votesInFlight += 1;
    this.casting.set(participantId, cast);
    return cast;
  }

  /** A vote's write is over, committed or failed. */
  private settle(participantId: string, cast: Casting) {
    this.votesInFlight -= 1;
    if (this.casting.get(participantId) === cast) this.casting.delete(participantId);
    if (this.votesInFlight === 0) for (const resolve of this.votesStored.splice(0)) resolve();
  }

  /** A guess at which choice most of the room picked; changeable until the reveal, like a vote. */
  guess(peer: Peer, decision: number, choice: string, replyTo?: number) {
    return this.serial(async () => {
      const participantId = this.participantOf(peer);
      this.allow('guess', 'not-voting', 'Guessing is closed for this decision.');
      if (decision !== this.decision)
        throw new RoomError('stale-decision', 'That guess was for an earlier decision; the story has moved on.');
      if (!this.onScreen.some((c) => c.event === choice && !c.timed))
        throw new RoomError('unknown-choice', 'That is not one of the choices on the screen.');
      if (this.guesses.get(participantId) !== choice) {
        await this.deps.store.putGuess({
          sessionId: this.id,
          decision,
          participantId,
          choice: storedName(this.onScreen, choice),
          at: this.deps.now(),
        });
        this.guesses.set(participantId, choice);
        this.tellOtherTabs(peer, participantId);
      }
      this.audience.send(peer, { type: 'ok', replyTo });
    });
  }

  /** "I need a moment", or its withdrawal (see `RoomMoments`): only the facilitator is told, and only how many. */
  moment(peer: Peer, on: boolean, replyTo?: number) {
    return this.serial(async () => {
      const participantId = this.participantOf(peer);
      if (this.moments.set(participantId, on)) {
        this.audience.broadcast(this.view, this.seatOf, ['facilitator']);
        this.tellOtherTabs(peer, participantId);
      }
      this.audience.send(peer, { type: 'ok', replyTo });
    });
  }

  post(peer: Peer, text: string, replyTo?: number) {
    return this.serial(async () => {
      this.participantOf(peer);
      this.allow('post', 'wrong-phase', 'Commitments are posted at the end, in the debrief.');
      const post: Post = { id: randomToken(), text, status: 'pending', createdAt: this.deps.now() };
      await this.deps.store.addPost(this.id, post);
      this.posts.set(post.id, post);
      this.audience.send(peer, { type: 'posted', replyTo });
      this.audience.broadcast(this.view, this.seatOf, ['facilitator']);
    });
  }

  // The facilitator ---------------------------------------------------------------------------------

  start(peer: Peer) {
    return this.control(peer, async () => {
      this.allow('start', 'wrong-phase', 'The session has already started.');
      await this.openDecision(this.run);
    });
  }

  /** Reveals the spread; without a peer, it is the room's own countdown running out. */
  reveal(peer: Peer | undefined) {
    return this.control(peer, async () => {
      this.allow('reveal', 'wrong-phase', 'There is no vote to reveal.');
      const at = this.deps.now();
      await this.deps.store.updateSession(this.id, { phase: 'revealed', revealedAt: at, deadline: null });
      this.state = { ...this.state, phase: 'revealed', revealedAt: at, deadline: null };
      this.scenePart = 0;
      this.stageParts.clear();
      clearTimeout(this.deadlineTimer);
      // Only the clock running out counts those who had not voted for "time runs out": a facilitator who
      // reveals first stops the clock before it ran out for anyone.
      this.silent = peer
        ? new Set()
        : new Set([...this.seats.ids()].filter((id) => !this.votes.has(id) && this.audience.isConnected(id)));
      this.tally = this.countNow();
      this.guessTally = this.countGuesses();
      this.audience.broadcast(this.view, this.seatOf);
    });
  }

  /** Goes on with the choice named (to explore a branch), or with the majority. */
  advance(peer: Peer, named?: string) {
    return this.control(peer, async () => {
      this.allow('advance', 'wrong-phase', 'Reveal the votes before going on.');
      const tally = this.tally ?? this.countNow();
      const choice = named ?? majorityOf(tally);
      if (!choice) throw new RoomError('no-majority', 'There is no clear majority: pick the branch to follow.');
      const chosen = choose(this.scenario.machine, this.run, choice);
      if (!chosen.ok) throw new RoomError('unknown-choice', 'That is not one of the choices on the screen.');
      const at = this.deps.now();
      await this.openDecision(chosen.run, {
        decision: this.decision,
        scene: [...currentScene(this.scenario.machine, this.run.snapshot).keys],
        choice,
        chosenBy: chosenByOf(tally, choice, named, this.onScreen),
        tally,
        openedAt: this.state.openedAt ?? at,
        revealedAt: this.state.revealedAt ?? at,
        closedAt: at,
      });
    });
  }

  /** Ends the session on purpose, from any phase: closed and locked for good, every view told. */
  end(peer: Peer) {
    return this.control(peer, async () => {
      this.allow('end', 'wrong-phase', 'This session has already ended.');
      const changes: Partial<RoomProgress> = { phase: 'closed', locked: true, deadline: null };
      await this.deps.store.updateSession(this.id, changes);
      this.state = { ...this.state, ...changes };
      clearTimeout(this.deadlineTimer);
      this.tally = undefined;
      this.audience.broadcast(this.view, this.seatOf);
    });
  }

  /**
   * Turns the stage to a part of what it shows (the scene while voting, the spread once revealed, the
   * debrief) when that is too long for one screen; only the stages and consoles are told.
   */
  turnScene(peer: Peer, part: number) {
    return this.control(peer, async () => {
      this.allow(
        'scenePart',
        'wrong-phase',
        'The stage is turned only while voting, once revealed and in the debrief.',
      );
      this.scenePart = part;
      this.audience.broadcast(this.view, this.seatOf, ['facilitator', 'presenter']);
    });
  }

  /**
   * A stage says how many parts what it shows takes on its screen; only a stage of this room may, and a
   * report about another decision or phase is stale and ignored. The console is told when the most any
   * stage needs changes.
   */
  reportParts(peer: Peer, parts: number, decision: number, phase: Phase) {
    return this.serial(async () => {
      if (peer.role !== 'presenter' || peer.sessionId !== this.id)
        throw new RoomError('not-joined', 'Only a stage showing this room says how many parts it shows.');
      this.allow(
        'stageParts',
        'wrong-phase',
        'The stage shows parts only while voting, once revealed and in the debrief.',
      );
      if (decision !== this.decision || phase !== this.state.phase) return;
      const before = this.mostStageParts();
      this.stageParts.set(peer, parts);
      if (this.mostStageParts() !== before) this.audience.broadcast(this.view, this.seatOf, ['facilitator']);
    });
  }

  private mostStageParts(): number | undefined {
    return this.stageParts.size ? Math.max(...this.stageParts.values()) : undefined;
  }

  lock(peer: Peer, locked: boolean) {
    return this.control(peer, async () => {
      if (this.state.phase === 'closed') throw new RoomError('wrong-phase', 'This session has ended.');
      await this.deps.store.updateSession(this.id, { locked });
      this.state = { ...this.state, locked };
      this.audience.broadcast(this.view, this.seatOf);
    });
  }

  /**
   * Takes a participant out by seat number: the seat frees up, its vote leaves the tally (a revealed
   * one too), and its phone is told and cannot resume it. The phone may join again as a new participant
   * unless the room is locked.
   */
  remove(peer: Peer, seat: number) {
    return this.control(peer, async () => {
      const participant = this.seats.at(seat);
      if (!participant) throw new RoomError('unknown-seat', `Nobody holds seat ${seat} in this session.`);
      await this.deps.store.removeParticipant(this.id, participant.id, this.decision, this.deps.now());
      this.seats.remove(participant.id);
      this.votes.delete(participant.id);
      this.silent.delete(participant.id);
      this.guesses.delete(participant.id);
      this.moments.clear(participant.id);
      if (this.tally) this.tally = this.countNow();
      if (this.guessTally) this.guessTally = this.countGuesses();
      this.audience.dismiss(participant.id, {
        type: 'error',
        code: 'removed',
        message: 'The facilitator took this phone out of the session.',
      });
      this.audience.broadcast(this.view, this.seatOf);
    });
  }

  moderate(peer: Peer, postId: string, show: boolean) {
    return this.control(peer, async () => {
      this.allow('moderate', 'wrong-phase', 'Posts are moderated in the debrief.');
      const post = this.posts.get(postId);
      if (!post) throw new RoomError('unknown-post', 'There is no such post in this session.');
      const status = show ? 'shown' : 'hidden';
      await this.deps.store.setPostStatus(postId, status);
      this.posts.set(postId, { ...post, status });
      this.audience.broadcast(this.view, this.seatOf);
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
      timed: c.delay !== undefined && this.state.timers,
      delay: c.delay,
      label: c.meta.label,
    }));
  }

  /** The votes of those holding a seat, and those connected at the reveal who had not voted. */
  private countNow(): Tally {
    return countVotes(this.onScreen, this.votes.values(), this.silent.size, this.state.minReveal);
  }

  /** The guesses at the room's pick, withheld like the votes until `minReveal` people guessed. */
  private countGuesses(): Tally {
    return countVotes(
      this.onScreen.filter((c) => !c.timed),
      this.guesses.values(),
      0,
      this.state.minReveal,
    );
  }

  /**
   * Opens the decision `run` is at (or the debrief, at an ending), storing it together with the decision
   * just closed; only once stored does the room move on. A timed choice's shared countdown starts only
   * after the scene's reading allowance (`sharedReadingAllowanceMs`): its deadline is the opening, plus
   * the time to read the scene, plus the author's time to decide.
   */
  private async openDecision(run: Run, closed?: ClosedDecision) {
    const at = this.deps.now();
    const ended = run.snapshot.status === 'done';
    const onScreen = this.choicesAt(run);
    const delay = onScreen.find((c) => c.timed)?.delay;
    const reading =
      delay === undefined
        ? 0
        : sharedReadingAllowanceMs(
            this.scenario.scenario,
            currentScene(this.scenario.machine, run.snapshot).config.meta,
            onScreen.map((c) => c.label),
          );
    const changes: Partial<RoomProgress> = {
      phase: ended ? 'debrief' : 'voting',
      choices:
        runToPicks(
          this.scenario.machine,
          run.steps.map((s) => s.event),
        ) ?? [],
      openedAt: at,
      deadline: !ended && delay !== undefined ? at + reading + delay : null,
      revealedAt: null,
    };
    if (closed) await this.deps.store.closeDecision(this.id, storedDecision(this.onScreen, closed), changes);
    else await this.deps.store.updateSession(this.id, changes);
    this.run = run;
    this.onScreen = onScreen;
    if (closed) this.path.push(closed);
    this.votes.clear();
    this.silent.clear();
    this.tally = undefined;
    this.guesses.clear();
    this.seatViews.clear();
    this.guessTally = undefined;
    this.scenePart = 0;
    this.stageParts.clear();
    this.state = { ...this.state, ...changes };
    this.armDeadline();
    this.audience.broadcast(this.view, this.seatOf);
  }

  /**
   * A timed choice closes the vote when its shared countdown runs out, even after a restart. If the
   * store fails then, the failure is logged and the facilitator told, so they can reveal by hand.
   */
  private armDeadline() {
    clearTimeout(this.deadlineTimer);
    const { deadline, phase } = this.state;
    if (phase !== 'voting' || deadline === null) return;
    this.deadlineTimer = setTimeout(
      () =>
        this.reveal(undefined).catch((error) => {
          this.deps.log(error);
          this.audience.toFacilitator({
            type: 'error',
            code: 'store-failed',
            message: 'Time ran out, but the reveal could not be saved: reveal the votes by hand.',
          });
        }),
      Math.max(0, deadline - this.deps.now()),
    );
    this.deadlineTimer.unref();
  }

  /** Stops the countdown: the room is being unloaded. */
  dispose() {
    clearTimeout(this.deadlineTimer);
    this.moments.dispose();
    this.audience.dispose();
  }

  // Messages ----------------------------------------------------------------------------------------

  private readonly view = (forFacilitator: boolean): RoomView =>
    roomView(
      {
        state: this.state,
        ...this.counts(),
        decision: this.decision,
        scene: currentScene(this.scenario.machine, this.run.snapshot).keys,
        choices: this.onScreen.map(({ event, timed }) => ({ event, timed })),
        timerMs: this.onScreen.find((c) => c.timed)?.delay,
        tally: this.tally,
        guesses: this.guessTally,
        moments: this.moments.count,
        scenePart: this.scenePart,
        stageParts: this.mostStageParts(),
        path: this.path.map(
          ({ scene, choice, chosenBy, tally }): DecisionRecord => ({ scene, choice, chosenBy, tally }),
        ),
        posts: this.posts,
      },
      forFacilitator,
      this.deps.now(),
    );

  private readonly seatOf = (participantId: string): SeatView =>
    this.seatViews.of(
      this.votes.get(participantId) ?? null,
      this.guesses.get(participantId) ?? null,
      this.moments.has(participantId),
    );
  /** Tells a seat's other open connections what it has now done from `peer` (which has its answer). */
  private tellOtherTabs(peer: Peer, participantId: string) {
    this.audience.toOtherTabs(peer, { type: 'seat', ...this.seatOf(participantId) });
  }
  private readonly counts = () => ({
    joined: this.seats.size,
    connected: this.audience.connected,
    voted: this.votes.size,
  });

  /** The greeting's answer: the role, the seat (and, once, its resume secret), then the room. */
  private welcome(peer: Peer, replyTo: number | undefined, resumeSecret?: string) {
    const role = peer.role as Role;
    const seat = peer.participantId ? this.seats.holder(peer.participantId)?.seat : undefined;
    this.audience.send(peer, {
      type: 'welcome',
      role,
      sessionId: this.id,
      ...(peer.participantId ? { participantId: peer.participantId, seat } : {}),
      ...(resumeSecret ? { resumeSecret } : {}),
      replyTo,
    });
    const room = this.view(role === 'facilitator');
    this.audience.send(
      peer,
      role === 'participant'
        ? { type: 'room', room, ...this.seatOf(peer.participantId ?? '') }
        : { type: 'room', room },
    );
    if (role === 'participant') this.audience.scheduleCount(this.counts);
  }

  /**
   * One connection, one role: whether it already holds `role` here (as `participantId`, if given), so
   * the greeting is answered again and nothing changes. A connection holding any other role, here or in
   * another room, is refused; one holding none may take this one.
   */
  private holds(peer: Peer, role: Role, participantId?: string): boolean {
    if (peer.role === undefined) return false;
    if (
      peer.sessionId === this.id &&
      peer.role === role &&
      (participantId === undefined || peer.participantId === participantId)
    )
      return true;
    throw new RoomError(
      'already-joined',
      'This connection already takes part in a session in another role or seat; open a new connection for that.',
    );
  }

  /** Refuses a message the phase table does not allow now. */
  private allow(type: ClientMessageType, code: ErrorCode, message: string) {
    if (!phaseAllows(this.state.phase, type)) throw new RoomError(code, message);
  }

  private participantOf(peer: Peer): string {
    const id = peer.role === 'participant' && peer.sessionId === this.id ? peer.participantId : undefined;
    if (!id || !this.seats.holder(id)) throw new RoomError('not-joined', 'Join the session before voting.');
    return id;
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
   * Every change but a vote first waits until the votes before it are stored and counted. A vote
   * (`afterVotes` false) arriving while no change is queued or running is checked at once: nothing
   * is ahead of it, so the order is the same.
   */
  private serial<T>(change: () => Promise<T> | T, afterVotes = true): Promise<T> {
    if (!afterVotes && this.changesPending === 0) {
      try {
        return Promise.resolve(change());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    this.changesPending += 1;
    const run = async () => {
      try {
        if (afterVotes && this.votesInFlight > 0) await new Promise<void>((r) => this.votesStored.push(r));
        return await change();
      } finally {
        this.changesPending -= 1;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }
}
