import { checkSource, type SourceCheck } from './check-source.ts';

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly file: string;
}

export interface CheckResponse {
  readonly id: number;
  readonly check: SourceCheck;
}

/**
 * How long typing must pause before the text is checked where no worker can run (on the main thread,
 * where a check would hold up the next keystroke), in milliseconds. A worker checks at once.
 */
export const CHECK_DELAY_MS = 150;

export interface SourceChecker {
  /**
   * Checks the text: in the worker at once, or after the one check already running there (only the
   * newest text waits); on the main thread after CHECK_DELAY_MS without a newer call. Only the latest
   * text's verdict is reported, with the text it is about: one on an older text is dropped.
   */
  check(text: string, file: string): void;
  /** Stops: no verdict is reported after this. */
  close(): void;
}

/**
 * Runs the engine's checker on the text as it is typed: in a Web Worker, so typing is never blocked,
 * or on the main thread where workers are unavailable. `report` gets each latest verdict and its text.
 * The worker holds one check at a time, so a verdict comes one check after the last keystroke at most.
 */
export function sourceChecker(
  report: (check: SourceCheck, text: string) => void,
  delayMs = CHECK_DELAY_MS,
): SourceChecker {
  let latest: CheckRequest | undefined;
  let running: CheckRequest | undefined;
  let waiting: CheckRequest | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let worker = startWorker();
  const onMainThread = (request: CheckRequest) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed && request === latest) report(checkSource(request.text, request.file), request.text);
    }, delayMs);
  };
  const send = (request: CheckRequest) => {
    running = request;
    worker?.postMessage(request);
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      const answered = running;
      running = undefined;
      if (!closed && answered && event.data.id === answered.id && answered === latest)
        report(event.data.check, answered.text);
      if (waiting) {
        send(waiting);
        waiting = undefined;
      }
    };
    // A worker that cannot start (a strict host, an old browser): check on the main thread instead.
    worker.onerror = () => {
      worker?.terminate();
      worker = undefined;
      running = waiting = undefined;
      if (latest) onMainThread(latest);
    };
  }
  let count = 0;
  return {
    check(text, file) {
      const request = { id: ++count, text, file };
      latest = request;
      if (!worker) onMainThread(request);
      else if (running) waiting = request;
      else send(request);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      worker?.terminate();
    },
  };
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}
