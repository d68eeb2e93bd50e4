import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy on a free loopback port that can go dead the way a network does: `freeze()` stops
 * forwarding on every open connection without closing anything (bytes are dropped, no FIN, no RST),
 * and new connections hang, accepted but never answered, until `thaw()`. Connections frozen stay dead:
 * only their ends can give up on them, and `ended` records when the server side did.
 */
export class TcpProxy {
  private frozen = false;
  private readonly dead = new Set<Socket>();
  private readonly sockets = new Set<Socket>();
  /** When (Date.now()) each frozen connection's server side was closed by the server. */
  readonly ended: number[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const { hostname, port } = new URL(target);
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, hostname, Number(port)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    proxy = new TcpProxy(server, `http://127.0.0.1:${address.port}/`);
    return proxy;
  }

  private accept(client: Socket, host: string, port: number) {
    this.track(client);
    client.on('error', () => {});
    if (this.frozen) {
      // A dead network: the connection is never answered.
      this.dead.add(client);
      client.on('data', () => {});
      return;
    }
    const upstream = new Socket();
    this.track(upstream);
    upstream.on('error', () => {});
    upstream.connect(port, host);
    const pair = [client, upstream] as const;
    for (const [from, to] of [pair, [upstream, client] as const]) {
      from.on('data', (chunk) => {
        if (!this.dead.has(from)) to.write(chunk);
      });
      from.on('close', () => {
        if (from === upstream && this.dead.has(upstream)) this.ended.push(Date.now());
        // A live connection closes end to end; a dead one tells the other end nothing.
        if (!this.dead.has(from)) to.destroy();
      });
    }
  }

  private track(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** Stops forwarding, closing nothing. */
  freeze() {
    this.frozen = true;
    for (const socket of this.sockets) this.dead.add(socket);
  }

  /** New connections work again; the frozen ones stay dead. */
  thaw() {
    this.frozen = false;
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
