import { SessionClient } from '../support/session-client.ts';
import { quantile } from './budgets.ts';
import { closeAll, joinMany, revealAndCheck, sliced, voteAll } from './phones.ts';

/**
 * A room's phones in a process of their own, driven by the session benchmark over IPC: 10,000
 * sockets for the product and 10,000 for the baseline do not fit one process's file limit, and each
 * set stays connected from one measured round to the next. The same code drives either server.
 */
export type PhonesCommand =
  | { cmd: 'join'; url: string; code: string; sessionId: string; secret: string; n: number; start: boolean }
  | { cmd: 'votes'; windowMs: number; changeShare: number; startAt: number; sliceMs: number; turn: 0 | 1 }
  | { cmd: 'reveal'; advanceTo?: string }
  | { cmd: 'crash'; windowMs: number }
  | { cmd: 'close' };

/** A window's votes, by the phones of one system: how many, and how long each waited for its acknowledgement. */
export interface VotesResult {
  readonly votes: number;
  readonly ackP50: number;
  readonly ackP99: number;
  readonly refused: number;
}

/** The reveal that closes a window: until the last phone has the tally, and whether it is what they sent. */
export interface RevealResult {
  readonly revealMs: number;
  readonly exact: boolean;
}

/** How long after the last acknowledgement the room's votes are revealed, in ms. */
const REVEAL_AFTER_MS = 1000;

let host: SessionClient;
let phones: SessionClient[] = [];
/** What each phone last chose in the window just voted, for the reveal to check the tally against. */
let finalVotes: string[] = [];

/** The events of the open decision's choices a phone can vote for (not the one time running out picks). */
const untimedChoices = () => (phones[0].room?.choices ?? []).filter((c) => !c.timed).map((c) => c.event);

const voting = (decision: number) => (r: { phase: string; decision: number }) =>
  r.phase === 'voting' && r.decision === decision;

async function run(command: PhonesCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'join': {
      host = await SessionClient.connect(command.url);
      await host.request({ type: 'host', sessionId: command.sessionId, secret: command.secret });
      const t0 = performance.now();
      phones = await joinMany(command.url, command.code, command.n, 64);
      const joinMs = performance.now() - t0;
      if (command.start) {
        await host.until((r) => r.joined === command.n, 60_000);
        await host.request({ type: 'start' });
      }
      await Promise.all(phones.map((p) => p.until(voting(0), 60_000)));
      return { joinMs, joined: phones.length, choices: phones[0]?.room?.choices };
    }
    case 'votes': {
      const events = untimedChoices();
      const clock = sliced(command.startAt, command.sliceMs, command.turn);
      const voted = await voteAll(phones, events, command.windowMs, command.changeShare, 60_000, clock);
      finalVotes = voted.finalVotes;
      return {
        votes: voted.acks.length,
        ackP50: quantile(voted.acks, 0.5),
        ackP99: quantile(voted.acks, 0.99),
        refused: voted.lost.length,
      } satisfies VotesResult;
    }
    case 'reveal': {
      const decision = phones[0].room?.decision ?? 0;
      const events = untimedChoices();
      // A facilitator reveals a moment after the last vote is in: the reveal is measured on a server that
      // has finished the window's work (its last writes, counts and collections), on either server alike.
      // The phones' own garbage from the window (both sets voted in it) is collected first, so neither
      // set's collection lands in the middle of a reveal it measures.
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((r) => setTimeout(r, REVEAL_AFTER_MS));
      const reveal = await revealAndCheck(host, phones, finalVotes, `decision ${decision + 1}`, false);
      await host.request({ type: 'advance', choice: command.advanceTo ?? events[0] }, 60_000);
      // The next decision (the benchmark's story loops, so there always is one).
      const next = voting(decision + 1);
      await Promise.all(phones.map((p) => p.until(next, 60_000)));
      return { revealMs: reveal.lastMs, exact: reveal.exact } satisfies RevealResult;
    }
    case 'crash': {
      // Every phone votes once within the window; the server is killed meanwhile. What was acknowledged?
      const decision = phones[0].room?.decision ?? 0;
      const events = untimedChoices();
      const acknowledged: [string, string][] = [];
      await Promise.all(
        phones.map(async (phone) => {
          await new Promise((r) => setTimeout(r, Math.random() * command.windowMs));
          const choice = events[Math.floor(Math.random() * events.length)];
          if (phone.ws.readyState !== phone.ws.OPEN) return;
          const reply = await phone
            .request({ type: 'vote', decision, choice }, command.windowMs + 5000)
            .catch(() => undefined);
          if (reply?.type === 'voted') acknowledged.push([phone.participantId as string, choice]);
        }),
      );
      return { acknowledged, sessionId: phones[0].room?.sessionId, decision };
    }
    case 'close':
      await closeAll([host, ...phones].filter(Boolean));
      return { closed: true };
  }
}

process.on('message', (command: PhonesCommand) => {
  run(command).then(
    (result) => process.send?.({ ok: true, result }),
    (error) => process.send?.({ ok: false, error: String(error?.stack ?? error) }),
  );
});
