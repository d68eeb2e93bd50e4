import { createServer } from 'node:http';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import type { ChoiceOnScreen, DecisionRecord, RoomView, Tally } from '../../src/protocol/messages.ts';
import { countVotes } from '../../src/protocol/tally.ts';

/**
 * The baseline of the 10,000-phone benchmark: the least a server can do for one room, with `ws` alone
 * and nothing else — no validation, no storage, no rooms. Join → welcome and the room, vote → kept in
 * a Map and acknowledged, reveal → the room with its tally to every phone (each with its own vote, as
 * the product sends it), advance → the next decision to everyone, with the decisions taken so far (the
 * path a phone replays the story by, as long as the product's). It speaks the product's messages, so
 * the very same client code drives both. Run as its own process, as the product is; prints its port.
 * The choices on offer come from BARE_CHOICES (JSON), as the product's first decision shows them.
 */
const choices = JSON.parse(process.env.BARE_CHOICES ?? '[]') as ChoiceOnScreen[];
const phones = new Map<WebSocket, string>();
const votes = new Map<string, string>();
let phase: RoomView['phase'] = 'voting';
let decision = 0;
let tally: Tally | undefined;
const path: DecisionRecord[] = [];
let joined = 0;

const view = (): RoomView => ({
  sessionId: 'bare',
  code: 'BARE00',
  scenarioId: 'bare',
  phase,
  locked: false,
  joined: phones.size,
  connected: phones.size,
  voted: votes.size,
  minReveal: 5,
  decision,
  scene: ['scene'],
  choices,
  ...(tally ? { tally } : {}),
  path,
  wall: [],
});

/**
 * Every phone gets the one serialised view with its own doings (vote, guess, moment), as the product's
 * broadcast does, and as cheaply: one encoded message for each vote, the same bytes to every phone with it.
 */
function broadcast(host: WebSocket) {
  const shared = JSON.stringify(view());
  const byVote = new Map<string | null, Buffer>();
  for (const [ws, id] of phones) {
    const vote = votes.get(id) ?? null;
    let message = byVote.get(vote);
    if (!message) {
      message = Buffer.from(
        `{"type":"room","myVote":${JSON.stringify(vote)},"myGuess":null,"myMoment":false,"room":${shared}}`,
      );
      byVote.set(vote, message);
    }
    ws.send(message, { binary: false });
  }
  host.send(`{"type":"room","room":${shared}}`);
}

const server = createServer();
const wss = new WebSocketServer({ server, path: '/api/ws' });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    const reply = (message: object) => ws.send(JSON.stringify({ ...message, replyTo: m.id }));
    switch (m.type) {
      case 'host':
        reply({ type: 'welcome', role: 'facilitator', sessionId: 'bare' });
        ws.send(JSON.stringify({ type: 'room', room: view() }));
        return;
      case 'join': {
        const seat = ++joined;
        const id = `phone${seat}`;
        phones.set(ws, id);
        reply({ type: 'welcome', role: 'participant', sessionId: 'bare', participantId: id, seat, resumeSecret: id });
        ws.send(JSON.stringify({ type: 'room', room: view(), myVote: null, myGuess: null, myMoment: false }));
        return;
      }
      case 'vote':
        votes.set(phones.get(ws) ?? '', m.choice);
        reply({ type: 'voted', decision: m.decision, choice: m.choice });
        return;
      case 'reveal':
        phase = 'revealed';
        // On a timed choice the phones connected now that have not voted count for it, as in the product.
        tally = countVotes(choices, votes.values(), [...phones.values()].filter((id) => !votes.has(id)).length, 5);
        broadcast(ws);
        reply({ type: 'ok' });
        return;
      case 'advance':
        path.push({ scene: ['scene'], choice: m.choice, chosenBy: 'facilitator', tally: tally as Tally });
        phase = 'voting';
        decision += 1;
        tally = undefined;
        votes.clear();
        broadcast(ws);
        reply({ type: 'ok' });
        return;
    }
  });
  ws.on('close', () => phones.delete(ws));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`running at port ${typeof address === 'object' && address ? address.port : 0}`);
});
