import { describe, expect, it } from 'vitest';
import { splitAtRepeats, type VoteWrite, VoteWriter } from './vote-writer.ts';

const vote = (participant: string, choice = 'GO'): VoteWrite => ({
  session_id: 's',
  decision: 0,
  participant_id: participant,
  choice,
  at: 1,
});

/** A commit the test finishes by hand, recording what each transaction held. */
function manualCommits(inFlight = 1) {
  const batches: string[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const commit = (votes: readonly VoteWrite[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(votes.map((v) => `${v.participant_id}:${v.choice}`));
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  return { batches, finish, writer: new VoteWriter(commit, inFlight) };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('VoteWriter (group commit)', () => {
  it('commits the votes of one turn together, and the votes that arrive meanwhile in the next commit', async () => {
    const { batches, finish, writer } = manualCommits();
    const done: string[] = [];
    const put = (p: string) => writer.put(vote(p)).then(() => done.push(p));
    const first = ['a', 'b', 'c'].map(put);
    await turn();
    expect(batches).toEqual([['a:GO', 'b:GO', 'c:GO']]);
    // While that commit is in flight, more votes arrive: they wait for it, then go together.
    const second = ['d', 'e'].map(put);
    await turn();
    expect(batches).toHaveLength(1);
    expect(done).toEqual([]);
    finish[0]();
    await Promise.all(first);
    expect(done).toEqual(['a', 'b', 'c']);
    await turn();
    expect(batches[1]).toEqual(['d:GO', 'e:GO']);
    expect(done).toEqual(['a', 'b', 'c']);
    finish[1]();
    await Promise.all(second);
    expect(done).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses every vote of a failed commit, and goes on with the next batch', async () => {
    const { batches, finish, writer } = manualCommits();
    const failed = Promise.allSettled([writer.put(vote('a')), writer.put(vote('b'))]);
    await turn();
    finish[0](new Error('disk full'));
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = writer.put(vote('c'));
    await turn();
    finish[1]();
    await expect(next).resolves.toBeUndefined();
    expect(batches).toEqual([['a:GO', 'b:GO'], ['c:GO']]);
  });

  it('drains: resolves only once every vote put so far is committed', async () => {
    const { finish, writer } = manualCommits();
    let committed = false;
    writer.put(vote('a')).then(() => {
      committed = true;
    });
    const drained = writer.drain();
    await turn();
    expect(committed).toBe(false);
    finish[0]();
    await drained;
    expect(committed).toBe(true);
  });
});

describe('VoteWriter with several commits in flight (PostgreSQL)', () => {
  it('starts the next commit without waiting for the one in flight, and acknowledges each after its own', async () => {
    const { batches, finish, writer } = manualCommits(2);
    const done: string[] = [];
    const put = (p: string, choice = 'GO') => writer.put(vote(p, choice)).then(() => done.push(`${p}:${choice}`));
    const first = ['a', 'b'].map((p) => put(p));
    await turn();
    const second = ['c', 'd'].map((p) => put(p));
    await turn();
    expect(batches).toEqual([
      ['a:GO', 'b:GO'],
      ['c:GO', 'd:GO'],
    ]);
    // The later commit finishes first: its votes are acknowledged, the earlier ones still wait for theirs.
    finish[1]();
    await Promise.all(second);
    expect(done).toEqual(['c:GO', 'd:GO']);
    // A third batch waits until a commit is over: at most two in flight.
    const third = put('e');
    await turn();
    expect(batches).toHaveLength(3);
    finish[0]();
    await Promise.all(first);
    finish[2]();
    await third;
    expect(done).toEqual(['c:GO', 'd:GO', 'a:GO', 'b:GO', 'e:GO']);
  });

  it("holds a participant's change until the commit holding their earlier vote is over, so the last one stays", async () => {
    const { batches, finish, writer } = manualCommits(2);
    const done: string[] = [];
    const put = (p: string, choice: string) => writer.put(vote(p, choice)).then(() => done.push(`${p}:${choice}`));
    const first = put('a', 'X');
    await turn();
    // a changes their vote while X is being committed; b votes meanwhile and need not wait.
    const change = put('a', 'Y');
    const other = put('b', 'GO');
    await turn();
    expect(batches).toEqual([['a:X'], ['b:GO']]);
    finish[1]();
    await other;
    await turn();
    expect(batches).toHaveLength(2);
    finish[0]();
    await first;
    await turn();
    expect(batches[2]).toEqual(['a:Y']);
    finish[2]();
    await change;
    expect(done).toEqual(['b:GO', 'a:X', 'a:Y']);
  });
});

describe('splitAtRepeats', () => {
  it('splits a batch, in order, where a participant votes again, so no upsert touches a row twice', () => {
    const rounds = splitAtRepeats([vote('a', 'X'), vote('b'), vote('a', 'Y'), vote('c'), vote('a', 'X')]);
    expect(rounds.map((r) => r.map((v) => `${v.participant_id}:${v.choice}`))).toEqual([
      ['a:X', 'b:GO'],
      ['a:Y', 'c:GO'],
      ['a:X'],
    ]);
  });
});
