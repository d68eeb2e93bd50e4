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

/** How long typing must pause before the text is checked, in milliseconds. */
export const CHECK_DELAY_MS = 150;

export interface SourceChecker {
  /**
   * Checks the text after CHECK_DELAY_MS without a newer call; only the latest text's verdict is reported,
   * with the text it is about. A verdict on a text still being checked when this is called is dropped.
   */
  check(text: string, file: string): void;
  /** Stops: no verdict is reported after this. */
  close(): void;
}

/**
 * Runs the engine's checker on the text as it is typed: in a Web Worker, so typing is never blocked,
 * or on the main thread where workers are unavailable. `report` gets each latest verdict and its text.
 */
export function sourceChecker(
  report: (check: SourceCheck, text: string) => void,
  delayMs = CHECK_DELAY_MS,
): SourceChecker {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let last: CheckRequest | undefined;
  let worker = startWorker();
  const run = (request: CheckRequest) => {
    last = request;
    if (worker) worker.postMessage(request);
    else if (!closed && request.id === latest) report(checkSource(request.text, request.file), request.text);
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<CheckResponse>) => {
      if (!closed && event.data.id === latest && last?.id === latest) report(event.data.check, last.text);
    };
    // A worker that cannot start (a strict host, an old browser): check on the main thread instead.
    worker.onerror = () => {
      worker?.terminate();
      worker = undefined;
      if (last) run(last);
    };
  }
  return {
    check(text, file) {
      latest++;
      const request = { id: latest, text, file };
      clearTimeout(timer);
      timer = setTimeout(() => run(request), delayMs);
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
